"""Ambassador outcomes for a year: per ambassador, referrals made, signed (incl. landed) and landed.

Outstanding ambassadors are honoured each year; this is the count the bureau asks for.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget,
)

from ...services.referrals import ambassador_outcomes


class OutcomesPanel(QWidget):
    ambassador_chosen = Signal(str, str)  # id, name: show only this ambassador's referrals
    chain_requested = Signal(str)  # id: show this ambassador's chain of referrals

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.outcomes = []
        title = QLabel(self.tr("Ambassador outcomes"))
        title.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setPrefix(self.tr("Year "))
        self.year.valueChanged.connect(lambda _y: self.reload())
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(self.year)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Ambassador"), self.tr("Referrals"), self.tr("Signed"), self.tr("Landed")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellDoubleClicked.connect(self._chosen)
        self.table.itemSelectionChanged.connect(self._update_chain_button)
        self.chain_button = QPushButton(self.tr("C&hain of referrals…"))
        self.chain_button.clicked.connect(self._chain)
        self._update_chain_button()
        self.total = QLabel()
        self.total.setWordWrap(True)
        hint = QLabel(self.tr("Signed counts referrals that reached signing, landed or not. "
                              "Double-click an ambassador to list their referrals."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.chain_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.total)
        layout.addWidget(hint)

    def reload(self) -> None:
        if self.ctx.profile is not None:
            year = self.year.value()
            self.ctx.read(ambassador_outcomes, year, on_done=lambda rows: self._show(year, rows))

    def _show(self, year: int, outcomes: list) -> None:
        if year != self.year.value():
            return
        self.outcomes = outcomes
        self.table.setRowCount(len(outcomes))
        for r, o in enumerate(outcomes):
            for c, value in enumerate((o.name, o.total, o.signed, o.landed)):
                item = QTableWidgetItem(QLocale().toString(value) if c else value)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setData(Qt.ItemDataRole.UserRole, o.ambassador_id)
                self.table.setItem(r, c, item)
        self.total.setText(self.summary(year, len(outcomes),
                                        *(sum(getattr(o, n) for o in outcomes) for n in ("total", "signed", "landed"))))
        self._update_chain_button()

    def summary(self, year: int, ambassadors: int, referrals: int, signed: int, landed: int) -> str:
        """One count a phrase, so each reads in its own plural ("1 ambassador, 8 referrals") with the
        locale's digits; the year is a year (2026, not 2,026)."""
        parts = [self.tr("%Ln ambassador(s)", "", ambassadors), self.tr("%Ln referral(s)", "", referrals),
                 self.tr("%Ln signed", "", signed), self.tr("%Ln landed", "", landed)]
        return self.tr("{0}: {1}").format(year, self.tr(", ").join(parts))

    def _chosen(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.outcomes):
            self.ambassador_chosen.emit(self.outcomes[row].ambassador_id, self.outcomes[row].name)

    def _selected_row(self) -> int:
        row = self.table.currentRow()
        return row if 0 <= row < len(self.outcomes) and self.table.selectedItems() else -1

    def _update_chain_button(self) -> None:
        self.chain_button.setEnabled(self._selected_row() >= 0)

    def _chain(self) -> None:
        if self._selected_row() >= 0:
            self.chain_requested.emit(self.outcomes[self._selected_row()].ambassador_id)
