"""New/Edit referral: which ambassador referred whom or what, when, and how far it has come."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QWidget

from ...services.referrals import STATUS_DAY, save_referral
from ..labels import kind_label, status_labels
from ..widgets.date_field import DateField
from ..widgets.form import fill_combo, ref_choices, select_code
from ..widgets.picker import NEW_PROJECT, AmbassadorPicker, ContactPicker, EventPicker, OrganizationPicker, ProjectPicker
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
        self._days = {day: referral.get(day) for day in STATUS_DAY.values()} if referral else {}
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
        self.project = f.add("project_id", self.tr("&Project"), ProjectPicker(
            ctx, placeholder=self.tr("…or a project, existing or new (at least one of the three)"), offer_new=True),
            error_keys=("project_name",))
        self.referred_on = f.add("referred_on", self.tr("&Date"), DateField(date.today()))
        self.status = f.add("status", self.tr("S&tatus"), QComboBox())
        fill_combo(self.status, list(status_labels().items()))
        self.status_on = f.add("status_on", self.tr("Reached o&n"), DateField(date.today()),
                               error_keys=tuple(day for status, day in STATUS_DAY.items() if status != "new"))
        self.status_on.setToolTip(self.tr("The day the referral reached this status"))
        self.status.currentIndexChanged.connect(lambda _i: self._status_changed())
        self._status_changed()
        self.event_field = f.add("event_id", self.tr("At e&vent"), EventPicker(
            ctx, placeholder=self.tr("The event it came from, if any")))
        self.station = f.add("station", self.tr("&Station"), QComboBox())
        fill_combo(self.station, ref_choices(ctx, "station"), empty="")
        self.notes = f.add("notes", self.tr("N&otes"), QPlainTextEdit())
        self.notes.setFixedHeight(70)
        self.notes.setTabChangesFocus(True)

    def _fill(self, r: dict) -> None:
        self.ambassador.set_choice(r["ambassador_id"], r["ambassador"])
        self.referred_contact.set_choice(r["referred_contact_id"], r["referred_contact"])
        self.referred_organization.set_choice(r["referred_organization_id"], r["referred_organization"])
        if r.get("project_id"):
            self.project.set_choice(r["project_id"], r["project_name"])
        elif r["project_name"]:  # named in free text by an older version: saved, it becomes a project
            self.project.set_choice(NEW_PROJECT + r["project_name"], r["project_name"])
        self.referred_on.set_value(r["referred_on"])
        self.event_field.set_choice(r.get("event_id") or "", r.get("event") or "")
        select_code(self.status, r["status"])
        self._status_changed()
        select_code(self.station, r["station"])
        self.notes.setPlainText(r.get("notes") or "")

    def _status_changed(self) -> None:
        """The day shown is the one the chosen status was reached (today for one not reached yet); a new
        referral's day is its own date."""
        status = self.status.currentData() or "new"
        self.status_on.setEnabled(status != "new")
        if status != "new":
            self.status_on.set_value(self._days.get(STATUS_DAY[status]) or date.today())

    def data(self) -> dict:
        status = self.status.currentData() or "new"
        days = {STATUS_DAY[status]: self.status_on.text()} if status != "new" else {}  # as typed, like the date
        return dict(
            **days,
            ambassador_id=self.ambassador.choice_id,
            referred_contact_id=self.referred_contact.choice_id,
            referred_organization_id=self.referred_organization.choice_id,
            project_id=self.project.project_id,
            new_project_name=self.project.new_project_name,
            event_id=self.event_field.choice_id,
            project_name="",
            referred_on=self.referred_on.text(),  # as typed: the service reads it, or says what is wrong
            status=self.status.currentData(),
            station=self.station.currentData(),
            notes=self.notes.toPlainText(),
        )

    def save_call(self) -> tuple:
        return save_referral, self.data(), self.referral_id
