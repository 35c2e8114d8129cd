"""New/Edit referral: which ambassador referred whom or what, when, and how far it has come."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from ...services.referrals import save_referral
from ..labels import kind_label, status_labels
from ..widgets.date_field import DateField
from ..widgets.form import fill_combo, ref_choices, select_code
from ..widgets.picker import AmbassadorPicker, ContactPicker, OrganizationPicker
from ..widgets.save_dialog import SaveDialog


def organization_label(choice: dict) -> str:
    return f"{choice['name']} · {kind_label(choice['kind'])}" if choice.get("kind") else choice["name"]


class KindedOrganizationPicker(OrganizationPicker):
    """Organizations listed with their kind (a company and a chamber may share a name)."""

    def describe_long(self, item: dict) -> str:
        return organization_label(item)


class ReferralDialog(SaveDialog):
    def __init__(self, ctx, referral: dict | None = None, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.referral_id = referral["id"] if referral else None
        self.setWindowTitle(self.tr("Edit referral") if referral else self.tr("New referral"))
        self.setMinimumWidth(520)
        self._build()
        if referral:
            self._fill(referral)
        else:
            select_code(self.station, ctx.station)

    def _build(self) -> None:
        f, ctx = self.form, self.ctx
        self.ambassador = f.add("ambassador_id", self.tr("&Ambassador"), AmbassadorPicker(
            ctx, multiple=False, placeholder=self.tr("Type a name, or press Down for all ambassadors")))
        self.referred_contact = f.add("referred_contact_id", self.tr("Referred &contact"), ContactPicker(
            ctx, multiple=False, placeholder=self.tr("A person brought in…")), error_keys=("referred",))
        self.referred_organization = f.add("referred_organization_id", self.tr("Referred &organization"),
                                           KindedOrganizationPicker(
                                               ctx, multiple=False, placeholder=self.tr("…or a company or chamber…")))
        self.project_name = f.add("project_name", self.tr("&Project"), QLineEdit())
        self.project_name.setPlaceholderText(self.tr("…or a project (at least one of the three)"))
        self.referred_on = f.add("referred_on", self.tr("&Date"), DateField(date.today()))
        self.status = f.add("status", self.tr("S&tatus"), QComboBox())
        fill_combo(self.status, list(status_labels().items()))
        self.station = f.add("station", self.tr("&Station"), QComboBox())
        fill_combo(self.station, ref_choices(ctx, "station"), empty="")
        self.notes = f.add("notes", self.tr("N&otes"), QPlainTextEdit())
        self.notes.setFixedHeight(70)
        self.notes.setTabChangesFocus(True)

    def _fill(self, r: dict) -> None:
        self.ambassador.set_choice(r["ambassador_id"], r["ambassador"])
        self.referred_contact.set_choice(r["referred_contact_id"], r["referred_contact"])
        self.referred_organization.set_choice(r["referred_organization_id"], r["referred_organization"])
        self.project_name.setText(r["project_name"])
        self.referred_on.set_value(r["referred_on"])
        select_code(self.status, r["status"])
        select_code(self.station, r["station"])
        self.notes.setPlainText(r.get("notes") or "")

    def data(self) -> dict:
        return dict(
            ambassador_id=self.ambassador.choice_id,
            referred_contact_id=self.referred_contact.choice_id,
            referred_organization_id=self.referred_organization.choice_id,
            project_name=self.project_name.text(),
            referred_on=self.referred_on.text(),  # as typed: the service reads it, or says what is wrong
            status=self.status.currentData(),
            station=self.station.currentData(),
            notes=self.notes.toPlainText(),
        )

    def save_call(self) -> tuple:
        return save_referral, self.data(), self.referral_id
