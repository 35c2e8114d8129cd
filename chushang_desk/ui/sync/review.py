"""The "Needs review" screen: edits the server did not take because someone changed the same field
first (SYNC.md: nothing is overwritten silently). For each, keep mine (sent again as a new edit) or
keep theirs (the conflict closes; the server's value stays). Below them, the records from the server
this laptop could not store (held aside so sync goes on), with why."""
from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout, QHeaderView, QLabel, QPushButton, QStackedWidget, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from ...services.conflicts import held_items, keep_mine, keep_theirs, open_conflicts
from ..pages import Page
from ..widgets.tables import readonly_table
from .texts import field_label, local_time, table_label

RECORD, FIELD, MINE, THEIRS, WHEN, BY = range(6)


class NeedsReviewPage(Page):
    tables = frozenset({"sync_conflict", "sync_held_row"})

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.conflicts: list = []
        self.held: list = []
        self._build()

    def title(self) -> str:
        return self.tr("Needs review")

    def _build(self) -> None:
        self.heading = QLabel(self.tr("Edits that met another change to the same field. Choose which value stays."))
        self.heading.setWordWrap(True)
        self.table = self._build_table()
        self.empty_label = QLabel(self.tr("Nothing needs review. When an edit of yours meets someone else's "
                                          "change to the same field, it shows up here."))
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: palette(mid); font-size: 14px; padding: 40px;")
        self.views = QStackedWidget()
        self.views.addWidget(self.empty_label)
        self.views.addWidget(self.table)
        self.keep_mine_button = QPushButton(self.tr("Keep &mine"))
        self.keep_mine_button.setToolTip(self.tr("Send my value again; it replaces theirs everywhere"))
        self.keep_theirs_button = QPushButton(self.tr("Keep &theirs"))
        self.keep_theirs_button.setToolTip(self.tr("Keep the server's value; my value is dropped"))
        self.keep_mine_button.clicked.connect(lambda: self.resolve(keep_mine))
        self.keep_theirs_button.clicked.connect(lambda: self.resolve(keep_theirs))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.keep_mine_button)
        buttons.addWidget(self.keep_theirs_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.views, 1)
        layout.addLayout(buttons)
        self._build_held(layout)
        self._selection_changed()

    def _build_held(self, layout) -> None:
        """The second list: rows of the server this laptop could not store (shown only when there are)."""
        self.held_heading = QLabel(self.tr(
            "Records from the server that could not be stored on this laptop. Sync goes on without them; "
            "they are tried again at every sync, and an update of Chushang Desk may store them."))
        self.held_heading.setWordWrap(True)
        self.held_table = readonly_table([self.tr("Record"), self.tr("Problem"), self.tr("Since")])
        self.held_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.held_heading)
        layout.addWidget(self.held_table, 1)
        self.held_heading.hide()
        self.held_table.hide()

    def _build_table(self) -> QTableWidget:
        table = readonly_table([self.tr("Record"), self.tr("Field"), self.tr("Mine"), self.tr("Theirs"),
                                self.tr("When"), self.tr("By")])
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in (RECORD, MINE, THEIRS):  # the values share the room; the rest fit their contents
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        table.itemSelectionChanged.connect(self._selection_changed)
        return table

    # Data -----------------------------------------------------------------------------------------
    def reload(self) -> None:
        self.ctx.read(open_conflicts, on_done=self.show_conflicts)
        self.ctx.read(held_items, on_done=self.show_held)

    def show_held(self, held: list) -> None:
        self.held = list(held)
        self.held_table.setRowCount(len(self.held))
        for row, item in enumerate(self.held):
            texts = [f"{table_label(item.table_name)} · {item.row_id}", self.held_text(item),
                     _moment(item.first_seen)]
            for column, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.held_table.setItem(row, column, cell)
        self.held_heading.setVisible(bool(self.held))
        self.held_table.setVisible(bool(self.held))

    def held_text(self, item) -> str:
        return self.tr("A record from the server could not be stored on this laptop: {0}").format(item.reason)

    def show_conflicts(self, conflicts: list) -> None:
        selected = self.selected()
        self.conflicts = list(conflicts)
        self.table.setRowCount(len(self.conflicts))
        for row, item in enumerate(self.conflicts):
            for column, text in enumerate(self._cells(item)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(self._when_tip(item) if column == WHEN else text)
                self.table.setItem(row, column, cell)
        self.views.setCurrentWidget(self.table if self.conflicts else self.empty_label)
        # With nothing to choose, the empty state alone: no heading over an empty list, no dead buttons.
        for widget in (self.heading, self.keep_mine_button, self.keep_theirs_button):
            widget.setVisible(bool(self.conflicts))
        ids = [item.id for item in self.conflicts]
        if selected is not None and selected.id in ids:
            self.table.selectRow(ids.index(selected.id))
        elif self.conflicts:
            self.table.selectRow(0)
        self._selection_changed()

    def _cells(self, item) -> list[str]:
        record = f"{table_label(item.table_name)} · {item.record_label}" if item.record_label else table_label(item.table_name)
        return [record, field_label(item.field), self.value_text(item.field, item.mine),
                self.value_text(item.field, item.theirs), _moment(item.theirs_at or item.created_at),
                item.theirs_by or ""]

    def _when_tip(self, item) -> str:
        # Device clocks may be off (SYNC.md): both times are shown, neither decided anything.
        return self.tr("Their change: {0}\nMy edit: {1}").format(
            _moment(item.theirs_at) or "-", _moment(item.device_time) or "-")

    def value_text(self, field: str, value) -> str:
        if isinstance(value, dict):  # a whole edit: one met a deleted record, or the server refused it
            fields = value.get("fields", {}) if "op" in value else value
            return "; ".join(f"{field_label(k)}: {self.value_text(k, v)}" for k, v in fields.items())
        if field == "deleted_at":
            return self.tr("Deleted {0}").format(_moment(value)) if value else self.tr("Not deleted")
        if value is None or value == "" or value == []:
            return self.tr("(empty)")
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        if isinstance(value, list):
            return "、".join(str(part) for part in value)
        if field in ("station", "intention_industry", "industry") and isinstance(value, str):
            return self.ctx.ref_name("station" if field == "station" else "industry", value)
        return str(value)

    # Choices --------------------------------------------------------------------------------------
    def selected(self):
        row = self.table.currentRow()
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self.conflicts[row] if row in rows and 0 <= row < len(self.conflicts) else None

    def _selection_changed(self) -> None:
        chosen = self.selected() is not None
        self.keep_mine_button.setEnabled(chosen)
        self.keep_theirs_button.setEnabled(chosen)

    def resolve(self, service) -> None:
        item = self.selected()
        if item is None:
            return
        self.keep_mine_button.setEnabled(False)
        self.keep_theirs_button.setEnabled(False)
        # keep_mine writes a new edit of the record: screens showing its table redraw, sync picks it up.
        self.ctx.write(service, item.id)


def _moment(value) -> str:
    """A time as people read it: "2025-03-14 09:30"; a date as it is."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, datetime):
        return local_time(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return ""
