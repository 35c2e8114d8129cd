"""Merge duplicates into the selected contact: pick the others (type-ahead), then the surviving value of
each field where they differ; phones and tags are united, a kind or mark any of them has is kept. The
work is services/merge.py; the merge can be undone from the contact's page, also after a sync."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup, QDialogButtonBox, QHBoxLayout, QLabel, QRadioButton, QTableWidget, QVBoxLayout, QWidget,
)

from ...services.merge import MERGED_FIELDS, merge_contacts, merge_preview, united_values
from ...services.messages import ValidationFailed, render
from ..context import AppContext
from ..errors import show_error
from ..widgets.dialogs import EditingDialog
from ..widgets.picker import ContactPicker
from ..widgets.style import ERROR_STYLE

UNITED = ("phones", "tags", "is_merchant", "is_alumnus", "is_talent", "is_key", "is_ambassador")
CHOSEN = tuple(f for f in MERGED_FIELDS if f not in UNITED)


class MergeDialog(EditingDialog):
    merged = Signal(str)  # the survivor's id

    def __init__(self, ctx: AppContext, survivor_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.survivor_id = ctx, survivor_id
        self.candidates = []
        self.groups: dict[str, QButtonGroup] = {}
        self.setWindowTitle(self.tr("Merge duplicates"))
        self.setObjectName("mergeDialog")
        self.picker = ContactPicker(ctx, multiple=True, placeholder=self.tr("Type the name of the same person…"))
        self.picker.changed.connect(self._picked)
        self.grid = QTableWidget(0, 1)
        self.grid.setObjectName("mergeGrid")
        self.grid.verticalHeader().setDefaultSectionSize(30)
        self.note = QLabel(self.tr("Choose the value to keep where they differ. Phones and tags are united; "
                                   "visits, memberships and referrals move to the contact kept. It can be undone."))
        self.note.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton(self.tr("&Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setEnabled(False)
        self.set_save_button(self.merge_button)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("The same person as:")))
        row.addWidget(self.picker, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(820, 560)
        self._load([])

    def form_state(self):
        return (tuple(self.picker.ids()), tuple(self.values().items()) if self.candidates else ())

    def discard_text(self) -> str:
        return self.tr("Leave without merging?")

    def _picked(self) -> None:
        self._load([i for i in self.picker.ids() if i != self.survivor_id])

    def _load(self, others: list[str]) -> None:
        self.ctx.read(merge_preview, [self.survivor_id, *others], on_done=self._show,
                      on_error=lambda exc, details: show_error(self, exc, details, self.windowTitle()))

    def _show(self, candidates) -> None:
        self.candidates = candidates
        proposed = united_values(candidates)
        self.groups = {}
        self.grid.clear()
        differing = [f for f in CHOSEN if len({c.fields.get(f) or "" for c in candidates}) > 1]
        self.grid.setColumnCount(len(candidates))
        self.grid.setRowCount(len(differing))
        self.grid.setHorizontalHeaderLabels([
            self.tr("{0} (kept)").format(c.fields["name"]) if i == 0 else c.fields["name"]
            for i, c in enumerate(candidates)])
        self.grid.setVerticalHeaderLabels([render(f"field_{f}", self.ctx.lang) for f in differing])
        for row, field in enumerate(differing):  # only where they differ: the rest is kept as it is
            group = QButtonGroup(self)
            self.groups[field] = group
            for column, candidate in enumerate(candidates):
                value = candidate.fields.get(field)
                button = QRadioButton(self._shown(field, value))
                button.setProperty("value_column", column)
                group.addButton(button, column)
                button.setChecked(value == proposed.get(field) and group.checkedButton() is None)
                self.grid.setCellWidget(row, column, button)
        self.grid.resizeColumnsToContents()
        self.grid.horizontalHeader().setStretchLastSection(True)
        self.merge_button.setEnabled(len(candidates) > 1)

    def _shown(self, field: str, value) -> str:
        if value in (None, ""):
            return self.tr("(empty)")
        for list_name, name in (("industry", "industry"), ("station", "station"),
                                ("prefecture", "native_prefecture"), ("university", "university")):
            if field == name:
                return self.ctx.ref_name(list_name, value) or str(value)
        return str(value)

    def values(self) -> dict:
        values = united_values(self.candidates)
        for field, group in self.groups.items():
            column = group.checkedId()
            if column >= 0:
                values[field] = self.candidates[column].fields.get(field)
        return values

    def save(self) -> None:
        if len(self.candidates) < 2:
            return
        self.merge_button.setEnabled(False)
        others = [c.id for c in self.candidates[1:]]
        self.ctx.write(merge_contacts, self.survivor_id, others, self.values(), on_done=self._done,
                       on_error=self._failed)

    def _done(self, _merge_id: str) -> None:
        self.merged.emit(self.survivor_id)
        self.accept()

    def _failed(self, exc: BaseException, details: str) -> None:
        self.merge_button.setEnabled(True)
        if isinstance(exc, ValidationFailed):
            self.error.setText("\n".join(m.render(self.ctx.lang) for m in exc.errors.values()))
            self.error.show()
        else:
            show_error(self, exc, details, self.windowTitle())
