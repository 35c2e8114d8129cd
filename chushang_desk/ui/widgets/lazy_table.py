"""A table model over the ids of a query whose rows arrive a page at a time from the database thread.

The model holds the matching ids in order and asks for the rows of a page only when a view paints it;
answers meant for an older list are dropped (and skipped on the database thread if still queued).
Filtering and sorting happen in SQL, so nothing here sorts or filters (no QSortFilterProxyModel:
seconds at 100,000 rows).

Three ways to fill it:
- `set_page(page)`: the screen asked one service for the ids and the first rows (organizations, referrals);
- `load(*args)`: the model asks `find_ids` itself and, if given, `first_rows` to paint while all the ids
  are being found (visits, follow-ups);
- `show_head(total, rows, ids)` then `set_ids(generation, ids)`: the screen knows the count and the first
  rows before the ids (contacts: the first keystroke paints before 25,000 ids are read); until the ids
  come, only the first rows' page can be shown.

A subclass may format a row's cells once, when its page arrives (`cells(row)`): a paint asks data()
thousands of times, and a lookup is all it then costs.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTableView

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the plain row object; UserRole gives its id
_Index = QModelIndex | QPersistentModelIndex


class LazyRowsModel(QAbstractTableModel):
    """Subclasses give `headers()` and either `display(row, column)` or `cells(row)` (all the columns'
    texts at once, kept with the row), and for other roles `extra(row, column, role)`.

    Rows are plain dataclasses with an `id`; `fetch_rows(session, ids)` returns them (in any order,
    leaving out rows deleted meanwhile).
    """

    PAGE = 200
    MAX_PAGES = 50  # pages kept; older ones are fetched again when scrolled back to
    PENDING: str | None = "…"  # what the first column shows while its row's page is on the way
    # The roles data() answers at all (None: every role goes to display/extra); most of what a paint asks
    # for (fonts, colours, icons) is then refused at once.
    ROLES: frozenset | None = None
    ids_loaded = Signal(int)  # number of matching rows
    page_loaded = Signal(int)

    def __init__(self, ctx, fetch_rows: Callable, *, find_ids: Callable | None = None,
                 first_rows: Callable | None = None, parent=None):
        super().__init__(parent)
        self.ctx, self._fetch_rows = ctx, fetch_rows
        self._find_ids = find_ids
        # Optional service (session, *args, limit) -> the first rows, painted while all ids are found.
        self._first_rows = first_rows
        self._args: tuple = ()
        self._ids: list[str] | None = []  # None: only the count and the head are known (show_head)
        self._total = 0
        # page number -> its rows as (row, its cells or None) (None where a row vanished)
        self._pages: dict[int, list] = {}
        self._pending: set[int] = set()
        self._generation = 0

    # ------------------------------------------------------------------ columns (subclasses)
    def headers(self) -> list[str]:
        raise NotImplementedError

    def display(self, row, column: int) -> str:
        raise NotImplementedError

    def extra(self, row, column: int, role: int):
        """Other roles (alignment, colours, tooltip) of a loaded row; None by default."""
        return None

    def cells(self, row) -> tuple | None:
        """Every column's text, worked out once when the row arrives; None: display() is asked each time."""
        return None

    @property
    def generation(self) -> int:
        """Bumped by every new list: an answer for an older one is dropped."""
        return self._generation

    # ------------------------------------------------------------------ filling
    def set_page(self, page) -> None:
        """Show a new list: `page.ids` in order and `page.rows`, the rows of the first of them."""
        self._generation += 1
        self._show(list(page.ids), page.rows)
        self.ids_loaded.emit(len(self._ids))

    def show_head(self, total: int, rows: list, ids: list[str] | None = None) -> None:
        """A new list of `total` rows whose first `rows` are here; its ids now, or later by set_ids."""
        self._generation += 1
        self._show(ids, rows, total)
        if ids is not None:
            self.ids_loaded.emit(total)

    def set_ids(self, generation: int, ids: list[str]) -> None:
        """All ids of the list show_head began (dropped if a newer list came meanwhile)."""
        if generation != self._generation:
            return
        if len(ids) != self._total:  # the data changed in between: show what the ids say
            self._show(ids)
        else:
            self._ids = ids
            self._pending.clear()
            for page, rows in list(self._pages.items()):  # the head may be shorter than a page
                if len(rows) < self.PAGE and page * self.PAGE + len(rows) < self._total:
                    self._request(page)
        self.ids_loaded.emit(len(ids))

    def load(self, *args) -> None:
        """Ask `find_ids` for the ids matching args (its arguments after the session)."""
        self._args = args
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        if self._first_rows is not None:
            self.ctx.read(self._unless_stale(generation, self._first_rows), *self._args, limit=self.PAGE,
                          on_done=lambda rows: self._got_first_rows(generation, rows))
        self.ctx.read(self._unless_stale(generation, self._find_ids), *self._args,
                      on_done=lambda ids: self._got_ids(generation, ids))

    def _unless_stale(self, generation: int, service):
        """The service, skipped on the database thread if a newer list was asked for while it queued."""
        def run(session, *args, **kwargs):
            if generation != self._generation:
                return None
            return service(session, *args, **kwargs)
        return run

    def _show(self, ids: list[str] | None, first_rows=(), total: int | None = None) -> None:
        self.beginResetModel()
        self._ids, self._pending = ids, set()
        self._total = len(ids) if ids is not None else (total or 0)
        self._pages = {0: self._entries(first_rows)} if first_rows else {}
        self.endResetModel()

    def _entries(self, rows) -> list:
        return [None if row is None else (row, self.cells(row)) for row in rows]

    def _got_first_rows(self, generation: int, rows: list) -> None:
        if generation == self._generation:
            self._show([r.id for r in rows], rows)

    def _got_ids(self, generation: int, ids: list[str]) -> None:
        if generation != self._generation:
            return  # a newer query was asked for; this answer is stale
        head = len(self._ids) if self._first_rows is not None else 0
        if head and ids[:head] == self._ids and len(ids) > head:
            self.beginInsertRows(QModelIndex(), head, len(ids) - 1)  # the first rows stay; the rest follow
            self._ids, self._total = ids, len(ids)
            self.endInsertRows()
        elif not (head and ids == self._ids):
            self._show(ids)
        self.ids_loaded.emit(len(ids))

    def _request(self, page: int) -> None:
        if page in self._pending or self.ctx.profile is None or self._ids is None:
            return
        ids = self._ids[page * self.PAGE:(page + 1) * self.PAGE]
        if not ids:
            return
        self._pending.add(page)
        generation = self._generation
        self.ctx.read(self._unless_stale(generation, self._fetch_rows), ids,
                      on_done=lambda rows: self._got_rows(generation, page, ids, rows))

    def _got_rows(self, generation: int, page: int, ids: list[str], rows: list) -> None:
        if generation != self._generation:
            return
        self._pending.discard(page)
        if self._ids is None or self._ids[page * self.PAGE:(page + 1) * self.PAGE] != ids:
            return  # the list changed under this page; it is asked for again when painted
        by_id = {r.id: r for r in rows}
        self._pages.pop(page, None)  # kept last: the newest page is the last to be dropped
        self._pages[page] = self._entries([by_id.get(i) for i in ids])
        while len(self._pages) > self.MAX_PAGES:
            self._pages.pop(next(iter(self._pages)))
        first, last = page * self.PAGE, page * self.PAGE + len(ids) - 1
        self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))
        self.page_loaded.emit(page)

    # ------------------------------------------------------------------ access
    def ids(self) -> list[str] | None:
        """The list's ids in order; None while only its head is known (show_head)."""
        return None if self._ids is None else list(self._ids)

    def id_at(self, row: int) -> str | None:
        if self._ids is not None:
            return self._ids[row] if 0 <= row < len(self._ids) else None
        found = self.row_at(row)
        return found.id if found is not None else None

    def row_of(self, row_id: str) -> int:
        """The position of this id in the list, or -1."""
        if self._ids is None:  # only the head's rows can be looked at
            return next((page * self.PAGE + offset for page, rows in self._pages.items()
                         for offset, entry in enumerate(rows) if entry is not None and entry[0].id == row_id), -1)
        try:
            return self._ids.index(row_id)
        except ValueError:
            return -1

    def row_at(self, row: int, fetch: bool = False):
        """The row object, or None while its page is on the way (`fetch` asks for the page)."""
        if not 0 <= row < self._total:
            return None
        entry = self._lookup(row, fetch)[1]
        return entry[0] if entry is not None else None

    def _lookup(self, row: int, fetch: bool) -> tuple[bool, tuple | None]:
        """(whether the row's page is here, its (row, cells) or None if it vanished)."""
        page, offset = divmod(row, self.PAGE)
        rows = self._pages.get(page)
        if rows is None or offset >= len(rows):  # the first rows may be fewer than a page
            if fetch:
                self._request(page)
            return False, None
        return True, rows[offset]

    # ------------------------------------------------------------------ QAbstractTableModel
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if self.ROLES is not None and role not in self.ROLES:
            return None
        if not index.isValid() or not 0 <= index.row() < self._total:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self.id_at(index.row())
        here, entry = self._lookup(index.row(), fetch=True)
        if not here:
            return self.PENDING if role == Qt.ItemDataRole.DisplayRole and index.column() == 0 else None
        if entry is None:
            return None
        row, cells = entry
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return cells[index.column()] if cells is not None else self.display(row, index.column())
        return self.extra(row, index.column(), role)


def row_table(model, row_height: int) -> QTableView:
    """A list's table: whole rows selected one at a time, nothing edited in place, no row numbers."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(row_height)
    return table
