"""The projects list: every project the filters leave (a few thousand at most: held whole, not paged)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from ...services.projects import ProjectRow, days_in_stage, waiting_too_long
from ..labels import iso
from .board import ROTTING_COLOUR
from .labels import amount_text, stage_label

NAME, INVESTOR, STAGE, SINCE, STATION, PLANNED, SIGNED, ARRIVED = range(8)
AMOUNTS = (PLANNED, SIGNED, ARRIVED)


ROOT = QModelIndex()  # the default parent of a flat model's rows


class ProjectTableModel(QAbstractTableModel):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[ProjectRow] = []
        self.today = date.today()

    def headers(self) -> list[str]:
        return [self.tr("Project"), self.tr("Investor"), self.tr("Stage"), self.tr("Since"), self.tr("Station"),
                self.tr("Planned (10k ¥)"), self.tr("Signed (10k ¥)"), self.tr("Arrived (10k ¥)")]

    def set_rows(self, rows: list[ProjectRow], today: date) -> None:
        self.beginResetModel()
        self.rows, self.today = rows, today
        self.endResetModel()

    def rowCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def display(self, row: ProjectRow, column: int) -> str:
        if column == NAME:
            return row.name
        if column == INVESTOR:
            return row.investor
        if column == STAGE:
            return stage_label(row.stage)
        if column == SINCE:
            return iso(row.stage_since)
        if column == STATION:
            return self.ctx.ref_name("station", row.station) if row.station else ""
        amount = {PLANNED: row.planned_amount, SIGNED: row.signed_amount, ARRIVED: row.arrived}[column]
        return amount_text(amount) if amount else ""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in AMOUNTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column == SINCE and waiting_too_long(row, self.today):
            if role == Qt.ItemDataRole.ForegroundRole:
                return ROTTING_COLOUR
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("In this stage for %n day(s): waiting too long", "",
                               days_in_stage(row, self.today) or 0)
        if role == Qt.ItemDataRole.ToolTipRole and column in (NAME, INVESTOR, STATION):
            return self.display(row, column)
        return None

    def id_at(self, row: int) -> str | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    def row_of(self, project_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == project_id), -1)
