"""New/Edit organization and add/edit affiliation dialogs. A rejected save keeps what was typed."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from ...services.organizations import COMMON_ROLES, save_affiliation, save_organization
from ..labels import kind_labels
from ..widgets.date_field import DateField
from ..widgets.form import fill_combo, ref_choices, select_code, text_of
from ..widgets.picker import ContactPicker
from ..widgets.save_dialog import SaveDialog


def date_text(value) -> str:
    return value.isoformat() if isinstance(value, date) else (value or "")


class OrganizationDialog(SaveDialog):
    def __init__(self, ctx, organization: dict | None = None, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.organization_id = organization["id"] if organization else None
        self.setWindowTitle(self.tr("Edit organization") if organization else self.tr("New organization"))
        self.setMinimumWidth(480)
        self._build()
        self._fill(organization or {"kind": "chamber", "station": ctx.station})

    def _build(self) -> None:
        f = self.form
        self.name = f.add("name", self.tr("&Name"), QLineEdit())
        self.kind = f.add("kind", self.tr("&Kind"), QComboBox())
        fill_combo(self.kind, list(kind_labels().items()))
        self.founded_on = f.add("founded_on", self.tr("&Founded on"), DateField())
        self.region = f.add("region", self.tr("&Region"), QLineEdit())
        self.region.setPlaceholderText(self.tr("Province or country, e.g. 广东"))
        self.city = f.add("city", self.tr("&City"), QLineEdit())
        self.industry = f.add("industry", self.tr("&Industry"), QComboBox())
        fill_combo(self.industry, ref_choices(self.ctx, "industry"), empty="")
        self.station = f.add("station", self.tr("&Station"), QComboBox())
        fill_combo(self.station, ref_choices(self.ctx, "station"), empty="")
        self.phone = f.add("phone", self.tr("&Phone"), QLineEdit())
        self.address = f.add("address", self.tr("&Address"), QLineEdit())
        self.notes = f.add("notes", self.tr("N&otes"), QPlainTextEdit())
        self.notes.setFixedHeight(70)
        self.notes.setTabChangesFocus(True)

    def _fill(self, data: dict) -> None:
        for name in ("name", "region", "city", "phone", "address"):
            getattr(self, name).setText(data.get(name) or "")
        self.founded_on.setText(date_text(data.get("founded_on")))
        self.notes.setPlainText(data.get("notes") or "")
        select_code(self.kind, data.get("kind", ""))
        select_code(self.industry, data.get("industry", ""))
        select_code(self.station, data.get("station", ""))

    def data(self) -> dict:
        return {name: text_of(widget) for name, widget in self.form.fields.items()}

    def save_call(self) -> tuple:
        return save_organization, self.data(), self.organization_id


class AffiliationDialog(SaveDialog):
    """A contact's role in an organization: who (type-ahead), role, since when, notes."""


    def __init__(self, ctx, organization_id: str, member: dict | None = None, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.organization_id = organization_id
        self.affiliation_id = member["id"] if member else None
        self.setWindowTitle(self.tr("Edit member") if member else self.tr("Add member"))
        self.setMinimumWidth(440)
        f = self.form
        self.contact = f.add("contact_id", self.tr("&Contact"), ContactPicker(
            ctx, multiple=False, placeholder=self.tr("Type a name, pinyin or initials")),
            error_keys=("organization_id",))
        self.role = f.add("role", self.tr("&Role"), QComboBox())
        self.role.setEditable(True)
        self.role.addItems(list(COMMON_ROLES))
        self.since = f.add("since", self.tr("&Since"), DateField())
        self.notes = f.add("notes", self.tr("N&otes"), QLineEdit())
        if member:
            self.contact.set_choice(member["contact_id"], member["name"])
            self.role.setCurrentText(member["role"])
            self.since.setText(date_text(member.get("since")))
            self.notes.setText(member.get("notes") or "")
        else:
            self.role.setCurrentText(COMMON_ROLES[-1])

    def data(self) -> dict:
        return dict(contact_id=self.contact.choice_id, organization_id=self.organization_id,
                    role=self.role.currentText(), since=self.since.text(), notes=self.notes.text())

    def save_call(self) -> tuple:
        return save_affiliation, self.data(), self.affiliation_id
