"""The events screen (活动): the list with its filters (year, kind, category, station) and how many of
each work-list category it holds, and the chosen event's detail (guests, who came, what followed)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...services.events import EventQuery, delete_event, event_detail, event_years, list_events
from ...services.shown import shown_tables
from ..labels import iso
from ..pages import Page
from ..widgets.form import confirm, ref_choices, refill_combo
from ..widgets.shortcuts import shortcut
from ..widgets.tables import fit_column, readonly_table
from .detail import EventDetailPanel
from .dialog import EventDialog
from .labels import categories_text, category_labels

HELD_ON, NAME, KIND, CATEGORIES, STATION, CAME = range(6)


class EventsPage(Page):
    tables = shown_tables("event")

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.rows: list = []
        self._build()

    def title(self) -> str:
        return self.tr("Events")

    # Layout ----------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.year_filter, self.kind_filter = QComboBox(), QComboBox()
        self.category_filter, self.station_filter = QComboBox(), QComboBox()
        self._fill_filters()
        for combo in (self.year_filter, self.kind_filter, self.category_filter, self.station_filter):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.new_button = QPushButton(self.tr("&New…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.new_button.clicked.connect(self.new_event)
        self.edit_button.clicked.connect(self.edit_event)
        self.delete_button.clicked.connect(self.delete_selected)
        bar = QHBoxLayout()
        for combo in (self.year_filter, self.kind_filter, self.category_filter, self.station_filter):
            bar.addWidget(combo, 1)
        bar.addStretch(1)
        for button in (self.new_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        self.table = self._build_table()
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table)
        column.addWidget(self.count_label)
        self.detail = EventDetailPanel(self.ctx)
        self.detail.contact_requested.connect(self.ctx.show_contact_requested.emit)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 380])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        shortcut(QKeySequence(QKeySequence.StandardKey.New), self, self.new_event,
                  Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.delete_selected)
        shortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.edit_event)
        self._update_buttons()

    def _build_table(self):
        table = readonly_table([self.tr("Held on"), self.tr("Name"), self.tr("Kind"), self.tr("Counts for"),
                                self.tr("Station"), self.tr("Came")])
        table.horizontalHeaderItem(CAME).setToolTip(self.tr("Came / invited"))
        table.setObjectName("eventList")
        table.setWordWrap(False)  # one line a row; the long ones elided, whole in their tooltips
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for col, width in ((HELD_ON, 86), (KIND, 96), (CATEGORIES, 130), (STATION, 120), (CAME, 64)):
            table.setColumnWidth(col, width)
        table.itemSelectionChanged.connect(self._selection_changed)
        table.itemDoubleClicked.connect(lambda _i: self.edit_event())
        return table

    def on_ready(self) -> None:
        self._fill_filters()

    def _fill_filters(self) -> None:
        refill_combo(self.kind_filter, ref_choices(self.ctx, "event_kind"), empty=self.tr("All kinds"))
        refill_combo(self.category_filter, list(category_labels().items()), empty=self.tr("All categories"))
        refill_combo(self.station_filter, ref_choices(self.ctx, "station"), empty=self.tr("All stations"))
        if self.year_filter.count() == 0:
            refill_combo(self.year_filter, [], empty=self.tr("All years"))

    # Loading ---------------------------------------------------------------------------------------
    def query(self) -> EventQuery:
        return EventQuery(year=self.year_filter.currentData() or None, kind=self.kind_filter.currentData() or "",
                          category=self.category_filter.currentData() or "",
                          station=self.station_filter.currentData() or "")

    def reload(self) -> None:
        if self.ctx.profile is None:
            return
        keep = self.current_id()
        self.ctx.read(event_years, on_done=self._show_years)
        self.ctx.read(list_events, self.query(), on_done=lambda rows: self._show_rows(rows, keep))

    def _show_years(self, years: list[int]) -> None:
        refill_combo(self.year_filter, [(year, str(year)) for year in years], empty=self.tr("All years"))

    def _show_rows(self, rows: list, keep: str | None) -> None:
        self.rows = rows
        table = self.table
        blocked = table.blockSignals(True)  # one selection change when done, not one per row
        try:
            table.clearSelection()
            table.setRowCount(len(rows))
            for r, event in enumerate(rows):
                self._fill_row(r, event)
        finally:
            table.blockSignals(blocked)
        fit_column(table, STATION, [table.item(r, STATION).text() for r in range(len(rows))], 120)
        self.count_label.setText(self._counts_text(rows))
        row = next((r for r, e in enumerate(rows) if e.id == keep), -1)
        if row >= 0:
            table.selectRow(row)
        self._selection_changed()

    def _fill_row(self, r: int, event) -> None:
        kind = self.ctx.ref_name("event_kind", event.kind) if event.kind else ""
        station = self.ctx.ref_name("station", event.station) if event.station else ""
        texts = (iso(event.held_on), event.name, kind, categories_text(event.categories), station,
                 f"{event.attended} / {event.invited}")
        for col, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if col == CAME:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            else:
                item.setToolTip(text)
            self.table.setItem(r, col, item)
        self.table.item(r, HELD_ON).setData(Qt.ItemDataRole.UserRole, event.id)

    def _counts_text(self, rows: list) -> str:
        """N events, and how many of them count for each work-list category (an event may count for several)."""
        counts = {code: sum(code in e.categories for e in rows) for code in category_labels()}
        parts = [f"{label} {counts[code]}" for code, label in category_labels().items()]
        return self.tr("%n event(s)", "", len(rows)) + " — " + " · ".join(parts)

    def current_id(self) -> str | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        if len(rows) != 1:
            return None
        return self.table.item(rows.pop(), HELD_ON).data(Qt.ItemDataRole.UserRole)

    def select_event(self, event_id: str) -> None:
        row = next((r for r, e in enumerate(self.rows) if e.id == event_id), -1)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollToItem(self.table.item(row, 0))

    def _selection_changed(self) -> None:
        self._update_buttons()
        event_id = self.current_id()
        if event_id is None:
            self.detail.clear()
            return
        self.ctx.read(event_detail, event_id, on_done=self._show_detail, on_error=lambda *_: self.detail.clear())

    def _show_detail(self, detail) -> None:
        if detail.event.id == self.current_id():  # (the officer may have moved on meanwhile)
            self.detail.show_detail(detail)

    def _update_buttons(self) -> None:
        has = self.current_id() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    # Editing ---------------------------------------------------------------------------------------
    def new_event(self) -> None:
        self._open_dialog(EventDialog(self.ctx, None, self))

    def edit_event(self) -> None:
        event_id = self.current_id()
        if event_id:
            self.ctx.read(event_detail, event_id, on_done=lambda d: self._open_dialog(EventDialog(self.ctx, d, self)))

    def _open_dialog(self, dialog: EventDialog) -> None:
        self.dialog = dialog  # kept for tests and so it is not collected while open
        dialog.accepted.connect(lambda: self._after_save(dialog.saved_id))
        dialog.open()

    def _after_save(self, event_id: str) -> None:
        # Queued behind the reload the save's change set starts, so the new row is there to select.
        self.ctx.read(lambda _s: None, on_done=lambda _r: self.select_event(event_id))

    def delete_selected(self) -> None:
        event_id = self.current_id()
        event = next((e for e in self.rows if e.id == event_id), None)
        if event is None:
            return
        self.confirm_box = confirm(
            self, self.tr("Delete event"),
            self.tr("Delete the event “{0}” of {1} and its guest list?").format(event.name, iso(event.held_on)),
            lambda: self.ctx.write(delete_event, event_id))
