"""The contact table: holds the ordered ids of a query and fetches rows lazily, a page at a time.

Filtering and sorting happen in SQL (services.contacts); this model never sorts or filters itself
(QSortFilterProxyModel takes seconds at 100,000 rows). Rows not fetched yet show "…" and fill in when
their page arrives. Every new query bumps `generation`, so pages of an older query are dropped.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal

from ...services.contacts import ContactHead, ContactRow

PAGE_ROWS = 200
KEPT_PAGES = 60  # at most 12,000 rows of text in memory; ids are kept for all rows
PENDING = "…"
_DISPLAY_ROLE = Qt.ItemDataRole.DisplayRole
_USER_ROLE = Qt.ItemDataRole.UserRole
_SHOWN_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole})

# (column key, the query sort it maps to or None when the column cannot be sorted)
COLUMNS = (
    ("name", "name"), ("kinds", "kinds"), ("marks", "marks"), ("company", "company"), ("title", "title"),
    ("industry", "industry"), ("station", "station"), ("region", "region"),
    ("native_prefecture", "native_prefecture"), ("phone", None),
)


class ContactTableModel(QAbstractTableModel):
    """Rows of the contact list. `fetch_rows(ids, on_rows)` is how pages are fetched (given by the page)."""

    sort_requested = Signal(str, bool)  # query sort key, descending

    def __init__(self, fetch_rows: Callable[[list[str], Callable[[list[ContactRow]], None]], None],
                 names: Callable[[str, str], str], parent: QObject | None = None):
        super().__init__(parent)
        self._fetch_rows = fetch_rows
        self._names = names  # (reference list, code) -> name in the interface language
        self._total = 0
        self._ids: list[str] | None = []
        # page number -> [(row, its cells as shown)]: cells are formatted once, when the page arrives,
        # so a paint costs a lookup per cell (a paint of 30 rows asks data() ~3,000 times).
        self._pages: OrderedDict[int, list[tuple[ContactRow, tuple[str, ...]]]] = OrderedDict()
        self._ref_names: dict[tuple[str, str], str] = {}
        self._requested: set[int] = set()
        self.generation = 0
        self._headers = self._header_texts()
        self._kind_names = {"merchant": self.tr("Merchant"), "alumnus": self.tr("Alumnus"), "talent": self.tr("Talent")}
        self._key_text, self._ambassador_text = self.tr("★ Key"), self.tr("Ambassador")

    def _header_texts(self) -> list[str]:
        return [self.tr("Name"), self.tr("Kinds"), self.tr("Key / ambassador"), self.tr("Company"), self.tr("Title"),
                self.tr("Industry"), self.tr("Station"), self.tr("Region / city"), self.tr("Native place"),
                self.tr("Phone")]

    # --- what the page calls -------------------------------------------------------------------------

    def show_head(self, head: ContactHead) -> None:
        """A new result: the count and first rows (and all ids when they came with them)."""
        self.beginResetModel()
        self.generation += 1
        self._total = head.total
        self._ids = head.ids
        self._pages.clear()
        self._requested.clear()
        self._store_rows(0, head.rows)
        self.endResetModel()

    def set_ids(self, generation: int, ids: list[str]) -> None:
        """All ids of the current result, after the head was painted."""
        if generation != self.generation:
            return
        self._ids = ids
        if len(ids) != self._total:  # the data changed in between: show what the ids say
            self.beginResetModel()
            self._total = len(ids)
            self._pages.clear()
            self._requested.clear()
            self.endResetModel()
        else:
            self._requested.clear()
            self._fetch_visible_again()

    def _store_rows(self, first_row: int, rows: list[ContactRow]) -> None:
        # The head (60 rows) may be shorter than a page: it stays a partial page until the page arrives.
        if rows:
            self._keep(first_row // PAGE_ROWS, rows)

    def _keep(self, page: int, rows: list[ContactRow]) -> None:
        self._pages[page] = [(row, self._cells(row)) for row in rows]
        self._pages.move_to_end(page)
        while len(self._pages) > KEPT_PAGES:
            self._pages.popitem(last=False)

    def _fetch_visible_again(self) -> None:
        """Ask for the pages that are shown but incomplete (the head is shorter than a page)."""
        for page, rows in list(self._pages.items()):
            if len(rows) < PAGE_ROWS and page * PAGE_ROWS + len(rows) < self._total:
                self._request(page)

    def ids(self) -> list[str] | None:
        return self._ids

    def contact_id(self, row: int) -> str | None:
        if self._ids is not None:
            return self._ids[row] if 0 <= row < len(self._ids) else None
        found = self._entry(row)
        return found[0].id if found is not None else None

    def row_of(self, contact_id: str) -> int:
        """The row showing this contact, or -1."""
        if self._ids is not None:
            try:
                return self._ids.index(contact_id)
            except ValueError:
                return -1
        for page, rows in self._pages.items():
            for offset, (found, _cells) in enumerate(rows):
                if found.id == contact_id:
                    return page * PAGE_ROWS + offset
        return -1

    def row_at(self, row: int) -> ContactRow | None:
        """The row's data, or None while its page is on the way (asking for it fetches the page)."""
        found = self._entry(row)
        return found[0] if found is not None else None

    def _entry(self, row: int):
        page, offset = divmod(row, PAGE_ROWS)
        rows = self._pages.get(page)
        if rows is None or offset >= len(rows):
            if 0 <= row < self._total:
                self._request(page)
            return None
        return rows[offset]

    def _request(self, page: int) -> None:
        if self._ids is None or page in self._requested:
            return
        ids = self._ids[page * PAGE_ROWS:(page + 1) * PAGE_ROWS]
        if not ids:
            return
        self._requested.add(page)
        generation = self.generation
        self._fetch_rows(ids, lambda rows: self._page_arrived(generation, page, rows))

    def _page_arrived(self, generation: int, page: int, rows: list[ContactRow]) -> None:
        if generation != self.generation:
            return  # a newer query replaced the rows this page was for
        self._requested.discard(page)
        self._keep(page, rows)  # formats the cells once
        first = page * PAGE_ROWS
        last = min(first + PAGE_ROWS, self._total) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    # --- Qt model --------------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section][1] is None:
                return self.tr("This column cannot be sorted.")
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _SHOWN_ROLES:  # most of what a paint asks for (fonts, colours, icons ...)
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < self._total and 0 <= column < len(COLUMNS)) or not index.isValid():
            return None
        found = self._entry(row)
        if role == _USER_ROLE:
            return found[0].id if found is not None else self.contact_id(row)
        if found is None:
            return PENDING if column == 0 and role == _DISPLAY_ROLE else None
        return found[1][column]

    def _cells(self, row: ContactRow) -> tuple[str, ...]:
        city = row.city if row.city != row.region else ""
        return (
            row.name,
            " / ".join(self._kind_names.get(k, k) for k in row.kinds),
            " ".join(t for t, on in ((self._key_text, row.is_key), (self._ambassador_text, row.is_ambassador)) if on),
            row.company, row.title, self._ref("industry", row.industry), self._ref("station", row.station),
            " · ".join(p for p in (row.region, city) if p), self._ref("prefecture", row.native_prefecture),
            row.phone_display,
        )

    def longest_kinds_text(self) -> str:
        """Two kinds together, as most multi-kind contacts have (three are rare and get a tooltip)."""
        names = sorted(self._kind_names.values(), key=len, reverse=True)
        return " / ".join(names[:2])

    def longest_marks_text(self) -> str:
        return f"{self._key_text} {self._ambassador_text}"

    def _ref(self, list_name: str, code: str) -> str:
        if not code:
            return ""
        key = (list_name, code)
        if key not in self._ref_names:
            self._ref_names[key] = self._names(list_name, code)
        return self._ref_names[key]

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: the page re-queries in SQL with this order."""
        if 0 <= column < len(COLUMNS) and COLUMNS[column][1] is not None:
            self.sort_requested.emit(COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder)
