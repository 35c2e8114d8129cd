"""The contact table: the shared lazy model (ui/widgets/lazy_table.py) with the contact list's columns.

Filtering and sorting happen in SQL (services.contacts); this model never sorts or filters itself
(QSortFilterProxyModel takes seconds at 100,000 rows). The screen shows the count and the first rows
before all the ids are read (`show_head`, then `set_ids`); rows not fetched yet show "…" and fill in when
their page arrives. Each row's cells are formatted once, when its page arrives.
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal

from ...services.contacts import ContactHead, ContactRow, contact_rows
from ..widgets.lazy_table import LazyRowsModel

PENDING = LazyRowsModel.PENDING

# (column key, the query sort it maps to or None when the column cannot be sorted)
COLUMNS = (
    ("name", "name"), ("kinds", "kinds"), ("marks", "marks"), ("company", "company"), ("title", "title"),
    ("industry", "industry"), ("station", "station"), ("region", "region"),
    ("native_prefecture", "native_prefecture"), ("phone", None),
)


class ContactTableModel(LazyRowsModel):
    """Rows of the contact list; `names(list, code)` gives a reference item's name in the interface language."""

    MAX_PAGES = 60  # at most 12,000 rows of text in memory; ids are kept for all rows
    ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole})
    sort_requested = Signal(str, bool)  # query sort key, descending

    def __init__(self, ctx, names, parent: QObject | None = None):
        super().__init__(ctx, contact_rows, parent=parent)
        self._names = names
        self._ref_names: dict[tuple[str, str], str] = {}
        self._headers = self._header_texts()
        self._kind_names = {"merchant": self.tr("Merchant"), "alumnus": self.tr("Alumnus"), "talent": self.tr("Talent")}
        self._key_text, self._ambassador_text = self.tr("★ Key"), self.tr("Ambassador")

    def _header_texts(self) -> list[str]:
        return [self.tr("Name"), self.tr("Kinds"), self.tr("Key / ambassador"), self.tr("Company"), self.tr("Title"),
                self.tr("Industry"), self.tr("Station"), self.tr("Region / city"), self.tr("Native place"),
                self.tr("Phone")]

    def show_contact_head(self, head: ContactHead) -> None:
        """A new result: the count and first rows (and all ids when they came with them)."""
        self.show_head(head.total, head.rows, head.ids)

    def contact_id(self, row: int) -> str | None:
        return self.id_at(row)

    # --- columns ----------------------------------------------------------------------------------------

    def headers(self) -> list[str]:
        return self._headers

    def cells(self, row: ContactRow) -> tuple[str, ...]:
        city = row.city if row.city != row.region else ""
        return (
            row.name,
            " / ".join(self._kind_names.get(k, k) for k in row.kinds),
            " ".join(t for t, on in ((self._key_text, row.is_key), (self._ambassador_text, row.is_ambassador)) if on),
            row.company, row.title, self._ref("industry", row.industry), self._ref("station", row.station),
            " · ".join(p for p in (row.region, city) if p), self._ref("prefecture", row.native_prefecture),
            row.phone_display,
        )

    def extra(self, row: ContactRow, column: int, role: int):
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.cells(row)[column]  # what a narrow column cuts off
        return None

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

    # --- Qt model ---------------------------------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section][1] is None:
                return self.tr("This column cannot be sorted.")
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: the page re-queries in SQL with this order."""
        if 0 <= column < len(COLUMNS) and COLUMNS[column][1] is not None:
            self.sort_requested.emit(COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder)
