"""A table model over a list of ids whose rows arrive a page at a time from the database thread.

The page (ids plus the first rows) comes from one service call; the rows of other pages are fetched
when the view first asks for them and painted when they arrive. Filtering and sorting happen in SQL,
so nothing here sorts or filters (no QSortFilterProxyModel: seconds at 100,000 rows).
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

PAGE_SIZE = 100
_MISSING = object()  # a row that vanished between listing the ids and fetching it


class LazyRowsModel(QAbstractTableModel):
    """Subclasses give `headers()` and `display(row, column)`; rows are plain dataclasses with an `id`."""

    def __init__(self, ctx, rows_service: Callable, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._rows_service = rows_service
        self._ids: list[str] = []
        self._rows: dict[int, Any] = {}
        self._loading: set[int] = set()
        self._generation = 0

    # What subclasses say ---------------------------------------------------------------------------
    def headers(self) -> list[str]:
        raise NotImplementedError

    def display(self, row, column: int) -> str:
        raise NotImplementedError

    def extra(self, row, column: int, role: int):
        """Other roles (alignment, colour, tooltip) for a loaded row; None by default."""
        return None

    # Filling ---------------------------------------------------------------------------------------
    def set_page(self, page) -> None:
        """Show a new list: `page.ids` in order and `page.rows` for the first of them."""
        self.beginResetModel()
        self._generation += 1
        self._ids = list(page.ids)
        self._rows = dict(enumerate(page.rows))
        self._loading = set()
        self.endResetModel()

    def _request(self, row: int) -> None:
        page_no = row // PAGE_SIZE
        if page_no in self._loading or self.ctx.profile is None:
            return
        self._loading.add(page_no)
        start = page_no * PAGE_SIZE
        ids = self._ids[start:start + PAGE_SIZE]
        generation = self._generation
        self.ctx.read(self._rows_service, ids, on_done=lambda rows: self._arrived(generation, page_no, ids, rows))

    def _arrived(self, generation: int, page_no: int, ids: list[str], rows: list) -> None:
        if generation != self._generation:
            return  # the list changed while this page was on its way
        self._loading.discard(page_no)
        by_id = {r.id: r for r in rows}
        start = page_no * PAGE_SIZE
        for offset, row_id in enumerate(ids):
            self._rows[start + offset] = by_id.get(row_id, _MISSING)
        last = start + len(ids) - 1
        if ids:
            self.dataChanged.emit(self.index(start, 0), self.index(last, self.columnCount() - 1))

    # Reading ---------------------------------------------------------------------------------------
    @property
    def ids(self) -> list[str]:
        return self._ids

    def row_at(self, row: int):
        found = self._rows.get(row)
        return None if found is _MISSING else found

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def position_of(self, row_id: str) -> int:
        try:
            return self._ids.index(row_id)
        except ValueError:
            return -1

    # Qt's side -------------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        found = self._rows.get(index.row())
        if found is None:
            self._request(index.row())
            return None
        if found is _MISSING:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(found, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return found.id
        return self.extra(found, index.column(), role)
