"""The projects' dialogs: New/Edit project, the day a stage was reached (a move on the board), and an
instalment of capital (到资). Each saves through its service on the database thread and shows a refusal
under the field it concerns (SaveDialog)."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget,
)

from ...services.projects import STAGE_DAY, add_arrival, move_stage, save_project
from ..widgets.date_field import DateField
from ..widgets.form import fill_combo, ref_choices, select_code
from ..widgets.picker import ContactPicker, EventPicker, OrganizationPicker
from ..widgets.save_dialog import SaveDialog
from .labels import amount_text, issue_labels, source_labels, stage_label


def checkbox_row(boxes: list[QCheckBox]) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for box in boxes:
        layout.addWidget(box)
    layout.addStretch(1)
    return row


def plain_text(height: int) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setFixedHeight(height)
    edit.setTabChangesFocus(True)
    return edit


class ProjectDialog(SaveDialog):
    """Every field of a project but its stage (moved on the board, with the day asked)."""

    def __init__(self, ctx, project: dict | None = None, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.project_id = project["id"] if project else None
        self.setWindowTitle(self.tr("Edit project") if project else self.tr("New project"))
        self.setMinimumWidth(600)
        self._build()
        if project:
            self._fill(project)
        else:
            select_code(self.station, ctx.station)
            self.is_chushang.setChecked(True)  # the desk's projects are 楚商 projects unless said otherwise

    def _build(self) -> None:
        f, ctx = self.form, self.ctx
        self.name = f.add("name", self.tr("&Name"), QLineEdit())
        self.name.setPlaceholderText(self.tr("e.g. Optics Valley battery plant, phase 2"))
        self.organization = f.add("organization_id", self.tr("&Investor"), OrganizationPicker(
            ctx, multiple=False, placeholder=self.tr("The investing company or organization…")))
        self.contact = f.add("contact_id", self.tr("Main &contact"), ContactPicker(
            ctx, multiple=False, placeholder=self.tr("The investor's person we deal with…")))
        self.industry = self._combo("industry", self.tr("Ind&ustry"), "industry")
        self.district = self._combo("district", self.tr("Target &district"), "district")
        self.station = self._combo("station", self.tr("&Station"), "station")
        self.planned_amount = f.add("planned_amount", self.tr("&Planned (10k ¥)"), self._amount())
        self.signed_amount = f.add("signed_amount", self.tr("Si&gned (10k ¥)"), self._amount())
        self.source = f.add("source", self.tr("S&ource"), QComboBox())
        fill_combo(self.source, list(source_labels().items()), empty="")
        self.event_field = f.add("event_id", self.tr("At &event"), EventPicker(
            ctx, placeholder=self.tr("The event it was signed or brought in at, if any")))
        self.is_chushang = QCheckBox(self.tr("Chushang (楚商) project"))
        self.is_alumni = QCheckBox(self.tr("Alumni project (校友)"))
        f.add("flags", self.tr("Kind"), checkbox_row([self.is_chushang, self.is_alumni]),
              error_keys=("is_chushang", "is_alumni"))
        self.leading_official = f.add("leading_official", self.tr("&Leading official"), QLineEdit())
        self.task_force = f.add("task_force", self.tr("&Task force"), QLineEdit())
        self.plan = f.add("plan", self.tr("P&lan"), plain_text(54))
        self.issues = {code: QCheckBox(label) for code, label in issue_labels().items()}
        f.add("waiting_on", self.tr("Waiting on"), checkbox_row(list(self.issues.values())))
        self.tracked_by = f.add("tracked_by", self.tr("Trac&ked by"), QLineEdit())
        self.tracked_by.setPlaceholderText(self.tr("Officers' names, separated by 、 or commas"))
        self.notes = f.add("notes", self.tr("N&otes"), plain_text(54))

    def _combo(self, key: str, label: str, list_name: str) -> QComboBox:
        combo = self.form.add(key, label, QComboBox())
        fill_combo(combo, ref_choices(self.ctx, list_name), empty="")
        return combo

    def _amount(self) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(self.tr("in 10k yuan (万元), e.g. 50000"))
        return edit

    def _fill(self, p: dict) -> None:
        self.name.setText(p["name"])
        self.organization.set_choice(p["organization_id"] or "", p["organization"])
        self.contact.set_choice(p["contact_id"] or "", p["contact"])
        self.event_field.set_choice(p.get("event_id") or "", p.get("event") or "")
        for combo, key in ((self.industry, "industry"), (self.district, "district"), (self.station, "station"),
                           (self.source, "source")):
            select_code(combo, p[key])
        self.planned_amount.setText(amount_text(p["planned_amount"]).replace(",", ""))
        self.signed_amount.setText(amount_text(p["signed_amount"]).replace(",", ""))
        self.is_chushang.setChecked(p["is_chushang"])
        self.is_alumni.setChecked(p["is_alumni"])
        self.leading_official.setText(p["leading_official"])
        self.task_force.setText(p["task_force"])
        self.plan.setPlainText(p["plan"])
        for code, box in self.issues.items():
            box.setChecked(code in p["waiting_on"])
        self.tracked_by.setText("、".join(p["tracked_by"]))
        self.notes.setPlainText(p["notes"])

    def data(self) -> dict:
        return dict(
            name=self.name.text(), organization_id=self.organization.choice_id, contact_id=self.contact.choice_id,
            event_id=self.event_field.choice_id,
            industry=self.industry.currentData(), district=self.district.currentData(),
            station=self.station.currentData(), planned_amount=self.planned_amount.text(),
            signed_amount=self.signed_amount.text(), source=self.source.currentData(),
            is_chushang=self.is_chushang.isChecked(), is_alumni=self.is_alumni.isChecked(),
            leading_official=self.leading_official.text(), task_force=self.task_force.text(),
            plan=self.plan.toPlainText(), waiting_on=[c for c, box in self.issues.items() if box.isChecked()],
            tracked_by=self.tracked_by.text(), notes=self.notes.toPlainText(),
        )

    def save_call(self) -> tuple:
        return save_project, self.data(), self.project_id


class MoveStageDialog(SaveDialog):
    """The day the project reached the stage (today unless told), and for 退库 dropped, why."""

    def __init__(self, ctx, project_id: str, name: str, stage: str, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.project_id, self.stage = project_id, stage
        self.setWindowTitle(self.tr("Move to {0}").format(stage_label(stage)))
        self.setMinimumWidth(420)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Move"))
        what = QLabel(self.tr("Move “{0}” to {1}.").format(name, stage_label(stage)))
        what.setWordWrap(True)
        self.form.layout_.insertRow(0, what)
        self.reached_on = self.form.add(STAGE_DAY[stage], self.tr("&Reached on"), DateField(date.today()))
        self.reason = None
        if stage == "dropped":
            self.reason = self.form.add("dropped_reason", self.tr("&Why dropped"), QLineEdit())
            self.reason.setPlaceholderText(self.tr("e.g. the investor's funds fell through"))

    def data(self) -> dict:
        return dict(on=self.reached_on.text(), reason=self.reason.text() if self.reason else "")

    def save_call(self) -> tuple:
        # The day as typed: the service reads it, or says under the field what is wrong with it.
        return move_stage, self.project_id, self.stage, self.reached_on.value(), self.data()["reason"]


class ArrivalDialog(SaveDialog):
    """An instalment: its amount and the day it arrived, or the day it is promised for."""

    def __init__(self, ctx, project_id: str, name: str, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.project_id = project_id
        self.setWindowTitle(self.tr("Add capital arrived"))
        self.setMinimumWidth(420)
        what = QLabel(self.tr("An instalment of “{0}”.").format(name))
        what.setWordWrap(True)
        self.form.layout_.insertRow(0, what)
        f = self.form
        self.amount = f.add("amount", self.tr("&Amount (10k ¥)"), QLineEdit())
        self.arrived_on = f.add("arrived_on", self.tr("A&rrived on"), DateField(date.today()))
        self.due_on = f.add("due_on", self.tr("Or &promised for"), DateField())
        self.due_on.setToolTip(self.tr("Empty the arrival day and give this one for capital promised, not arrived"))
        self.notes = f.add("notes", self.tr("N&otes"), QLineEdit())

    def data(self) -> dict:
        return dict(amount=self.amount.text(), arrived_on=self.arrived_on.text(), due_on=self.due_on.text(),
                    notes=self.notes.text())

    def save_call(self) -> tuple:
        d = self.data()
        return add_arrival, self.project_id, d["amount"], d["arrived_on"], d["due_on"], d["notes"]
