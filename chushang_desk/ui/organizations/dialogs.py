"""New/Edit organization and add/edit affiliation dialogs. A rejected save keeps what was typed."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox, QDialogButtonBox, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget,
)

from ...services.messages import ValidationFailed
from ...services.organizations import COMMON_ROLES, save_affiliation, save_organization
from ..errors import show_error
from ..widgets.date_field import DateField
from ..widgets.dialogs import EditingDialog
from ..widgets.form import FieldForm, fill_combo, ref_choices, select_code, text_of
from ..widgets.picker import ChoicePicker, ContactPicker
from .labels import kind_labels

def date_text(value) -> str:
    return value.isoformat() if isinstance(value, date) else (value or "")


class LocalMessage:
    """A message the dialog itself gives (already in the interface language), shown like a service's."""

    def __init__(self, text: str):
        self.text = text

    def render(self, _lang: str = "") -> str:
        return self.text


class SaveDialog(EditingDialog):
    """A dialog that saves through a service on the database thread and shows field errors if refused."""

    tables: frozenset[str] = frozenset()

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.saved_id: str | None = None
        self.form = FieldForm(ctx.lang)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.set_save_button(self.buttons.button(QDialogButtonBox.StandardButton.Save))
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)

    def save_call(self) -> tuple:
        """(service, *args) that saves what the form holds."""
        raise NotImplementedError

    def form_state(self) -> dict:
        # A picker's typed text counts too: a name being looked up is typed, not yet chosen.
        return dict(self.data(), **{f"{key}:typed": p.edit.text() for key, p in self.pickers().items()})

    def pickers(self) -> dict[str, ChoicePicker]:
        return {k: w for k, w in self.form.fields.items() if isinstance(w, ChoicePicker)}

    def unchosen(self) -> dict:
        """Pickers with text typed that was not picked from the list: say so rather than 'Required'."""
        return {key: LocalMessage(self.tr("Choose one of the matches from the list"))
                for key, picker in self.pickers().items() if picker.edit.text().strip()}

    def save(self) -> None:
        self.form.clear_errors()
        unchosen = self.unchosen()
        if unchosen:
            self.form.show_errors(unchosen)
            return
        self.buttons.setEnabled(False)
        self.ctx.write(*self.save_call(), tables=self.tables, on_done=self._saved, on_error=self._refused)

    def _saved(self, saved_id) -> None:
        self.buttons.setEnabled(True)
        self.saved_id = saved_id
        self.accept()

    def _refused(self, exc: BaseException, details: str) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationFailed):
            self.form.show_errors(exc.errors)
        else:
            show_error(self, exc, details)


class OrganizationDialog(SaveDialog):
    tables = frozenset({"organization"})

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

    tables = frozenset({"affiliation"})

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
