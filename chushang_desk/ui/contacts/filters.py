"""The search box and filters above the contact table; they only describe a ContactQuery.

Typing is throttled: the first key of a burst searches at once (so one keystroke shows rows fast),
further keys within 120 ms are gathered into one search when the interval ends.
"""
from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QPushButton, QWidget,
)

from ...services.contacts import ContactQuery
from ...services.reference import RefItem
from ..widgets.form import refill_combo

TYPING_INTERVAL_MS = 120


class ContactFilters(QWidget):
    changed = Signal()  # the query changed (already throttled for typing)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("contactSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search by name, pinyin or initials (zhangsan, zs), company or phone digits"))
        # The first item of each box names the filter and means "any" (short enough for one row).
        self.kind = self._combo("kind", self.tr("Kind"), self.tr("Show merchants, alumni or talents only"))
        for code, text in (("merchant", self.tr("Merchants")), ("alumnus", self.tr("Alumni")),
                           ("talent", self.tr("Talents"))):
            self.kind.addItem(text, code)
        self.key_only = QCheckBox(self.tr("Key only"))
        self.ambassadors_only = QCheckBox(self.tr("Ambassadors only"))
        self.station = self._combo("station", self.tr("Station"), self.tr("Only contacts of this station"))
        self.region = self._combo("region", self.tr("Region"), self.tr("Only contacts living in this region"))
        self.industry = self._combo("industry", self.tr("Industry"), self.tr("Only contacts in this industry"))
        self.university = self._combo("university", self.tr("University"), self.tr("Only alumni of this university"))
        self.native_prefecture = self._combo("native_prefecture", self.tr("Native place"),
                                             self.tr("Only contacts from this prefecture of Hubei"))
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)
        self._sort, self._descending = "name", False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_INTERVAL_MS)
        self._timer.timeout.connect(self._typing_interval_ended)
        self._typed_meanwhile = False
        self._quiet = False
        self._layout()
        self.search.textEdited.connect(self._typed)
        for box in (self.kind, self.station, self.region, self.industry, self.university, self.native_prefecture):
            box.currentIndexChanged.connect(self._changed_now)
        for box in (self.key_only, self.ambassadors_only):
            box.toggled.connect(self._changed_now)

    def _combo(self, name: str, everything: str, tip: str) -> QComboBox:
        box = QComboBox()
        box.setObjectName(f"filter_{name}")
        box.setToolTip(tip)
        box.addItem(everything, "")
        # Narrow in the row (the window must fit a 1280-pixel laptop screen); the popup shows whole names.
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(6)
        # ...but never narrower than its own label ("Native place" was clipped in English).
        box.setMinimumWidth(box.fontMetrics().horizontalAdvance(everything) + 36)
        box.view().setMinimumWidth(260)
        return box

    def _layout(self) -> None:
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for widget in (self.kind, self.key_only, self.ambassadors_only, self.station, self.region, self.industry,
                       self.university, self.native_prefecture):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.clear_button)
        self.setLayout(filters)  # the search box is laid out by the page, beside the count

    def set_reference_lists(self, lists: dict[str, list[RefItem]], lang: str) -> None:
        """Fill the reference combo boxes, keeping what was chosen (lists come from the database)."""
        for box, name in ((self.station, "station"), (self.industry, "industry"), (self.university, "university"),
                          (self.native_prefecture, "prefecture")):
            self._fill(box, [(item.code, item.name(lang)) for item in lists.get(name, [])])

    def set_regions(self, regions: list[str]) -> None:
        self._fill(self.region, [(r, r) for r in regions])

    def _fill(self, box: QComboBox, items: list[tuple[str, str]]) -> None:
        chosen = box.currentData()
        refill_combo(box, items, empty=box.itemText(0))  # the first entry names the filter
        if box.currentData() != chosen:
            self.changed.emit()

    def query(self) -> ContactQuery:
        kind = self.kind.currentData()
        return ContactQuery(
            text=self.search.text(), kinds=(kind,) if kind else (), key_only=self.key_only.isChecked(),
            ambassadors_only=self.ambassadors_only.isChecked(), station=self.station.currentData() or "",
            region=self.region.currentData() or "", industry=self.industry.currentData() or "",
            university=self.university.currentData() or "", native_prefecture=self.native_prefecture.currentData() or "",
            sort=self._sort, descending=self._descending,
        )

    def set_sort(self, sort: str, descending: bool) -> None:
        self._sort, self._descending = sort, descending
        self.changed.emit()

    def clear(self) -> None:
        """Show the whole directory again (search text too)."""
        self._quiet = True
        try:
            self.search.clear()
            for box in (self.kind, self.station, self.region, self.industry, self.university, self.native_prefecture):
                box.setCurrentIndex(0)
            self.key_only.setChecked(False)
            self.ambassadors_only.setChecked(False)
        finally:
            self._quiet = False
        self._timer.stop()
        self.changed.emit()

    def _changed_now(self) -> None:
        if not self._quiet:
            self._timer.stop()
            self._typed_meanwhile = False
            self.changed.emit()

    def _typed(self, _text: str) -> None:
        if self._timer.isActive():
            self._typed_meanwhile = True
            return
        self.changed.emit()  # the first key of a burst: search at once
        self._timer.start()

    def _typing_interval_ended(self) -> None:
        if self._typed_meanwhile:
            self._typed_meanwhile = False
            self.changed.emit()
            self._timer.start()
