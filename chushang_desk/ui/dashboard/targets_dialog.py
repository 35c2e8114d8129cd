"""Edit a year's targets, the city's or a station's own, as headquarters does (services.targets.save_targets:
whole numbers of zero or more; an empty field takes the target away).

Reachable by everyone for now: the client has no roles. The targets are headquarters' records (scope
"hq" in models/records.py), so the server refuses a station officer's edits when they sync; hiding this
dialog from station officers waits for roles on the client."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QScrollArea, QSpinBox, QVBoxLayout, QWidget,
)

from ...services.messages import ValidationFailed
from ...services.targets import METRICS, UNITS, TargetSheet, save_targets, targets_of
from ..errors import show_error
from ..widgets.dialogs import EditingDialog
from ..widgets.form import FieldForm, confirm, fill_combo, ref_choices
from .words import metric_label, unit_label


class TargetsDialog(EditingDialog):
    def __init__(self, ctx, year: int, station: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.sheet: TargetSheet | None = None
        self.setWindowTitle(self.tr("Edit targets"))
        self.year = QSpinBox()
        self.year.setRange(1900, 2100)
        self.year.setValue(year)
        self.station = QComboBox()
        fill_combo(self.station, ref_choices(ctx, "station"), empty=self.tr("City-wide"))
        self.station.setCurrentIndex(max(self.station.findData(station or ""), 0))
        self._shown = (year, station or "")
        self.year.valueChanged.connect(lambda _v: self._choice_changed())
        self.station.currentIndexChanged.connect(lambda _i: self._choice_changed())
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.form = FieldForm(ctx.lang)
        self.fields: dict[str, QLineEdit] = {}
        for metric in METRICS:
            field = QLineEdit()
            field.setPlaceholderText(self.tr("no target"))
            unit = unit_label(UNITS.get(metric, ""))
            self.fields[metric] = self.form.add(metric, f"{metric_label(metric)}" + (f" ({unit})" if unit else ""),
                                                field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.set_save_button(self.buttons.button(QDialogButtonBox.StandardButton.Save))
        self._layout()
        self._load()

    def _layout(self) -> None:
        choice = QHBoxLayout()
        choice.addWidget(QLabel(self.tr("Year")))
        choice.addWidget(self.year)
        choice.addSpacing(12)
        choice.addWidget(QLabel(self.tr("Targets of")))
        choice.addWidget(self.station, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setMinimumHeight(360)
        layout = QVBoxLayout(self)
        layout.addLayout(choice)
        layout.addWidget(self.note)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.resize(460, 600)

    def chosen(self) -> tuple[int, str]:
        return self.year.value(), self.station.currentData() or ""

    def _choice_changed(self) -> None:
        if self.chosen() == self._shown:
            return
        if self.is_dirty():  # what was typed belongs to the year and station shown: ask before leaving it
            self.switch_question = confirm(self, self.windowTitle(), self.tr("Discard the targets you typed?"),
                                           self._load)
            # No (or Esc): back to the year and station the fields belong to (Yes has loaded the new ones).
            self.switch_question.finished.connect(
                lambda _r: self._restore_choice() if self.chosen() != self._shown else None)
            return
        self._load()

    def _restore_choice(self) -> None:
        year, station = self._shown
        for widget in (self.year, self.station):
            widget.blockSignals(True)
        self.year.setValue(year)
        self.station.setCurrentIndex(max(self.station.findData(station), 0))
        for widget in (self.year, self.station):
            widget.blockSignals(False)

    def _load(self) -> None:
        year, station = self.chosen()
        self._shown = (year, station)
        self.buttons.setEnabled(False)
        self.ctx.read(targets_of, year, station, on_done=self._fill)

    def _fill(self, sheet: TargetSheet) -> None:
        self.sheet = sheet
        for metric, field in self.fields.items():
            value = sheet.values.get(metric)
            field.setText("" if value is None else str(value))
        self.note.setText(self._note(sheet))
        self.form.clear_errors()
        self.buttons.setEnabled(True)
        self.mark_clean()

    def _note(self, sheet: TargetSheet) -> str:
        whose = self.ctx.ref_name("station", sheet.station) if sheet.station else self.tr("the city")
        if sheet.from_year is None:
            return self.tr("No targets of {0} yet. A station without targets of its own shows none "
                           "(never the city's).").format(whose)
        if sheet.from_year != sheet.year:
            return self.tr("No targets set for {0} in {1}: these are carried from {2}. "
                           "Saving sets {1}'s own.").format(whose, sheet.year, sheet.from_year)
        return self.tr("The targets of {0} for {1}. An empty field takes the target away.").format(whose, sheet.year)

    def form_state(self) -> dict:
        return {metric: field.text() for metric, field in self.fields.items()}

    def save(self) -> None:
        if self.sheet is None:
            return
        year, station = self._shown
        self.form.clear_errors()
        self.buttons.setEnabled(False)
        # Every field is saved: a year that carried last year's targets gets a whole set of its own, and
        # save_targets writes only what differs.
        self.ctx.write(save_targets, year, station, self.form_state(), on_done=self._saved, on_error=self._refused)

    def _saved(self, _ids) -> None:
        self.buttons.setEnabled(True)
        self.accept()

    def _refused(self, exc: BaseException, details: str) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationFailed):
            self.form.show_errors(exc.errors)
        else:
            show_error(self, exc, details)
