"""Small read-only tables of whole rows (detail panes, the review list)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget


def readonly_table(headers: list[str]) -> QTableWidget:
    """Rows picked one at a time, never edited in place; columns sized to their contents."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def fit_column(table, column: int, texts, most: int) -> None:
    """Wide enough for the longest of these labels (our own words, or a reference list's names, which are
    longer in English: "Yangtze River Delta station"), but never past `most` pixels."""
    metrics = table.fontMetrics()
    header = table.model().headerData(column, Qt.Orientation.Horizontal)
    widest = max([metrics.horizontalAdvance(str(text)) for text in texts] + [metrics.horizontalAdvance(str(header))])
    table.setColumnWidth(column, min(widest + 18, most))  # the cell's padding and a little air
