"""The import wizard's preview grid: one line per row of the file, with what it will become, the file's
own cells (editable: an error is fixed here, then the row is checked again) and the reason in words."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from ...services.contact_import import candidate_text, cell_text, row_problems
from ...services.messages import render
from ..widgets.style import ERROR_COLOUR

STATUS_COLOURS = {"error": ERROR_COLOUR, "duplicate": "#b54708", "update": "#175cd3", "unchanged": "#667085",
                  "new": "#067647"}
FILTERS = ("all", "attention", "error", "duplicate")  # what the grid shows
FIXED_COLUMNS = 3  # row number, result, details; then the file's columns


class ImportPreviewModel(QAbstractTableModel):
    cell_edited = Signal(int, int, object)  # row number in the file, file column, the new value

    def __init__(self, lang: str, parent=None):
        super().__init__(parent)
        self.lang = lang
        self.plan = None
        self.headers: tuple[str, ...] = ()

    def set_plan(self, plan) -> None:
        self.beginResetModel()
        self.plan = plan
        self.headers = plan.mapping.headers if plan is not None else ()
        self.endResetModel()

    def planned(self, row: int):
        return self.plan.rows[row]

    def row_changed(self, row_number: int) -> None:
        for index, planned in enumerate(self.plan.rows):
            if planned.row_number == row_number:
                self.dataChanged.emit(self.index(index, 0), self.index(index, self.columnCount() - 1))

    def all_changed(self) -> None:
        if self.plan is not None and self.plan.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.plan.rows) - 1, self.columnCount() - 1))

    # --- the model -----------------------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.plan is None else len(self.plan.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else FIXED_COLUMNS + len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        fixed = (self.tr("Row"), self.tr("Result"), self.tr("Why"))
        return fixed[section] if section < FIXED_COLUMNS else self.headers[section - FIXED_COLUMNS] or "—"

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        planned = self.plan.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == 0:
                return planned.row_number
            if column == 1:
                return self.result_text(planned)
            if column == 2:
                return self.why_text(planned)
            cells = planned.cells
            at = column - FIXED_COLUMNS
            return cell_text(cells[at]) if at < len(cells) else ""
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return QBrush(QColor(STATUS_COLOURS.get(planned.status, "#000000")))
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return self.why_text(planned)
        if role == Qt.ItemDataRole.UserRole:
            return planned.status
        return None

    def flags(self, index):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() >= FIXED_COLUMNS else base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() < FIXED_COLUMNS:
            return False
        planned = self.plan.rows[index.row()]
        column = index.column() - FIXED_COLUMNS
        if cell_text(planned.cells[column] if column < len(planned.cells) else None) == str(value):
            return False
        self.cell_edited.emit(planned.row_number, column, str(value))
        return True

    # --- words ---------------------------------------------------------------------------------------------

    def result_text(self, planned) -> str:
        """What the row is, and what it becomes where that is not plain (a new row is added as new)."""
        status = render(f"import_status_{planned.status}", self.lang)
        plain = {"new": "new", "update": "merge", "unchanged": "skip", "error": "skip"}.get(planned.status)
        if plain == planned.decision:
            return status
        return f"{status} → {render(f'import_decision_short_{planned.decision}', self.lang)}"

    def why_text(self, planned) -> str:
        parts = [m.render(self.lang) for m in row_problems(planned, self.plan.mapping)]
        if planned.candidates and planned.status != "new":
            parts.append(candidate_text(planned.candidates[0], self.lang))
        parts += [m.render(self.lang) for m in planned.warnings]
        return "；".join(parts)


class ImportFilter(QSortFilterProxyModel):
    """Only the rows the officer asked to see: all, those that need a look, errors, or duplicates."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.shown = "all"

    def show_rows(self, which: str) -> None:
        self.shown = which
        self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        if self.shown == "all":
            return True
        status = self.sourceModel().planned(source_row).status
        if self.shown == "attention":
            return status in ("error", "duplicate", "update")
        return status == self.shown
