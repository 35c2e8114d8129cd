"""The records behind a figure: what a tile or a bar counts, listed (the first rows of a long list, and
how many there are in all), read off the GUI thread by services.dashboard.records_behind."""
from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableWidgetItem, QVBoxLayout, QWidget

from ...services.dashboard import RecordsBehind, records_behind
from ...services.targets import EVENT_METRICS
from ..widgets.dialogs import FocusReturn
from ..widgets.tables import readonly_table
from .words import metric_label, number


class RecordsDialog(QDialog):
    """One dialog, filled again for each figure clicked; it stays open beside the dashboard."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.behind: RecordsBehind | None = None
        self.setWindowTitle(self.tr("Records behind the figure"))
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: 600; font-size: 14px;")
        self.heading.setWordWrap(True)
        self.table = readonly_table([])
        self.table.setWordWrap(False)
        self.count = QLabel()
        self.count.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.resize(920, 480)
        FocusReturn(self)

    def show_records(self, metric: str, year: int, period: str, station: str, where: str) -> None:
        """Open (or bring forward) and list the records of `metric` in the period, of the station."""
        self.behind = None
        self.heading.setText(f"{metric_label(metric)} · {where}")
        self.count.setText(self.tr("Loading…"))
        self.table.setRowCount(0)
        self.show()
        self.raise_()
        self.activateWindow()
        self.ctx.read(records_behind, metric, year, period or None, station or None, on_done=self._fill)

    def _fill(self, behind: RecordsBehind) -> None:
        self.behind = behind
        columns = self._columns(behind)
        self.table.clear()
        self.table.setColumnCount(len(columns))
        self.table.setHorizontalHeaderLabels([header for header, _cell in columns])
        self.table.setRowCount(len(behind.rows))
        for r, row in enumerate(behind.rows):
            for c, (_header, cell) in enumerate(columns):
                text, numeric = cell(row)
                item = QTableWidgetItem(text)
                if numeric:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setData(Qt.ItemDataRole.UserRole, row.record_id)
                self.table.setItem(r, c, item)
        self.count.setText(self._count_text(behind))

    def _count_text(self, behind: RecordsBehind) -> str:
        if not behind.recorded:
            return self.tr("Not recorded yet: nothing is counted for this figure.")
        text = self.tr("%Ln record(s)", "", behind.total)
        if len(behind.rows) < behind.total:
            text = self.tr("Showing the first {0} of {1} records").format(
                QLocale().toString(len(behind.rows)), QLocale().toString(behind.total))
        if behind.amount is not None:
            text += " · " + self.tr("Total {0} (10k yuan)").format(number(behind.amount, True))
        return text

    def _columns(self, behind: RecordsBehind) -> list[tuple[str, object]]:
        station = (self.tr("Station"), lambda r: (self.ctx.ref_name("station", r.station) if r.station else "", False))
        day = lambda r: (r.day.isoformat() if r.day else "", False)  # noqa: E731
        money = lambda r: (number(r.amount, True) if r.amount is not None else "", True)  # noqa: E731
        name = lambda r: (r.name, False)  # noqa: E731
        detail = lambda r: (r.detail, False)  # noqa: E731
        if behind.metric in ("signed_projects", "landed_projects"):
            day_header = self.tr("Signed on") if behind.metric == "signed_projects" else self.tr("Landed on")
            return [(self.tr("Project"), name), (self.tr("Investor"), detail), (day_header, day),
                    (self.tr("Signed amount (10k yuan)"), money), station]
        if behind.metric == "capital_arrived":
            return [(self.tr("Project"), name), (self.tr("Arrived on"), day), (self.tr("Amount (10k yuan)"), money),
                    station, (self.tr("Notes"), detail)]
        if behind.metric == "new_chambers":
            return [(self.tr("Chamber"), name), (self.tr("Founded (or recorded) on"), day), station]
        if behind.metric in EVENT_METRICS:
            return [(self.tr("Event"), name), (self.tr("Held on"), day), (self.tr("Region and place"), detail), station]
        if behind.metric == "liaison_stations":
            return [(self.tr("Station"), lambda r: (self.ctx.ref_name("station", r.station), False))]
        if not behind.recorded:
            return [(self.tr("Record"), name)]
        return [(self.tr("Name"), name), (self.tr("Company"), detail), (self.tr("On file since"), day), station]

    def shown_names(self) -> list[str]:
        """The first column of every row (for tests and for reading the list aloud)."""
        return [self.table.item(r, 0).text() for r in range(self.table.rowCount())]
