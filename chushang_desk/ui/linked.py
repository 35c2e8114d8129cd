"""The table of records that follow another (services/links.py): an event's projects, visits and
referrals, a project's visits and referral; shown alike on the event's and the project's pages."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

from .labels import iso, mode_label, status_label
from .projects.labels import stage_label
from .widgets.tables import readonly_table


def linked_label(table: str) -> str:
    labels = {
        "project": QCoreApplication.translate("EventLinks", "Project"),
        "visit": QCoreApplication.translate("EventLinks", "Visit"),
        "referral": QCoreApplication.translate("EventLinks", "Referral"),
    }
    return labels.get(table, table)


def linked_table() -> QTableWidget:
    """Kind, date, what and state of each linked record, the "what" taking the room."""
    table = readonly_table([QCoreApplication.translate("EventLinks", "Record"),
                            QCoreApplication.translate("EventLinks", "Date"),
                            QCoreApplication.translate("EventLinks", "What"),
                            QCoreApplication.translate("EventLinks", "State")])
    table.setWordWrap(False)
    table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    table.horizontalHeader().setStretchLastSection(False)
    return table


def fill_linked(table: QTableWidget, records: list) -> None:
    table.setRowCount(len(records))
    states = {"project": stage_label, "visit": mode_label, "referral": status_label}
    for row, record in enumerate(records):
        state = states[record.table](record.state)
        for col, text in enumerate((linked_label(record.table), iso(record.day), record.title, state)):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(row, col, item)
    for col in (0, 1, 3):  # kind, day and state as wide as they are; the "what" takes the rest
        table.resizeColumnToContents(col)
