"""The organization's detail pane: its fields, members with their roles, visits that met it, referrals."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout, QHBoxLayout, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from ..labels import kind_label, mode_label, status_label
from ..widgets.empty_state import empty_state
from ..widgets.tables import readonly_table
from .model import place_text


def _fill(table: QTableWidget, rows: list[list[str]], ids: list[str]) -> None:
    table.setRowCount(len(rows))
    for r, (values, row_id) in enumerate(zip(rows, ids)):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setData(Qt.ItemDataRole.UserRole, row_id)
            item.setToolTip(value)
            table.setItem(r, c, item)


class OrganizationDetail(QWidget):
    """Shows one OrganizationDetail (plain data); member buttons are signals the page wires."""

    add_member = Signal()
    edit_member = Signal(object)  # the member dict
    remove_member = Signal(object)
    show_contact = Signal(str)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.detail = None
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setStyleSheet("font-size: 17px; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.fields = QFormLayout()
        self.fields.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._members_tab(), self.tr("Members"))
        self.visits = readonly_table([self.tr("Date"), self.tr("Mode"), self.tr("Station"), self.tr("Purpose")])
        self.tabs.addTab(self.visits, self.tr("Visits"))
        self.referrals = readonly_table([self.tr("Date"), self.tr("Ambassador"), self.tr("Status"), self.tr("Project")])
        self.tabs.addTab(self.referrals, self.tr("Referrals"))
        self.content = QWidget()
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(self.fields)
        layout.addWidget(self.tabs, 1)
        self.empty = empty_state(self.tr(
            "Choose an organization in the list to see its members, visits and referrals, or press Ctrl+N to add one."))
        outer = QVBoxLayout(self)
        outer.addWidget(self.content, 1)
        outer.addWidget(self.empty, 1)
        self.show_detail(None)

    def _members_tab(self) -> QWidget:
        tab = QWidget()
        self.members = readonly_table([self.tr("Name"), self.tr("Role"), self.tr("Since"), self.tr("Company / title")])
        self.members.doubleClicked.connect(lambda _i: self._emit_member(self.edit_member))
        self.members.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self.tr("Add member…"))
        self.edit_button = QPushButton(self.tr("Edit role…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.open_button = QPushButton(self.tr("Open contact"))
        self.add_button.clicked.connect(self.add_member)
        self.edit_button.clicked.connect(lambda: self._emit_member(self.edit_member))
        self.remove_button.clicked.connect(lambda: self._emit_member(self.remove_member))
        self.open_button.clicked.connect(self._open_contact)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addLayout(buttons)
        layout.addWidget(self.members)
        return tab

    def selected_member(self) -> dict | None:
        row = self.members.currentRow()
        if self.detail is None or not 0 <= row < len(self.detail.members) or not self.members.selectedItems():
            return None
        return self.detail.members[row]

    def _emit_member(self, signal) -> None:
        member = self.selected_member()
        if member is not None:
            signal.emit(member)

    def _open_contact(self) -> None:
        member = self.selected_member()
        if member is not None:
            self.show_contact.emit(member["contact_id"])

    def _update_buttons(self) -> None:
        has = self.selected_member() is not None
        for button in (self.edit_button, self.remove_button, self.open_button):
            button.setEnabled(has)
        self.add_button.setEnabled(self.detail is not None)

    def show_detail(self, detail) -> None:
        """Show an OrganizationDetail, or the empty state when None."""
        self.detail = detail
        while self.fields.rowCount():
            self.fields.removeRow(0)
        if detail is None:
            self.heading.clear()
            for table in (self.members, self.visits, self.referrals):
                table.setRowCount(0)
            self._update_buttons()
            self.content.hide()
            self.empty.show()
            return
        self.empty.hide()
        self.content.show()
        org = detail.organization
        self.heading.setText(org["name"])
        for label, value in self._field_rows(org):
            if value:
                text = QLabel(value)
                text.setWordWrap(True)
                text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.fields.addRow(label, text)
        self._fill_tables(detail)
        self._update_buttons()

    def _field_rows(self, org: dict) -> list[tuple[str, str]]:
        ref = self.ctx.ref_name
        return [
            (self.tr("Kind"), kind_label(org["kind"])),
            (self.tr("Founded on"), org["founded_on"].isoformat() if org["founded_on"] else ""),
            (self.tr("Region / city"), place_text(org["region"], org["city"])),
            (self.tr("Industry"), ref("industry", org["industry"]) if org["industry"] else ""),
            (self.tr("Station"), ref("station", org["station"]) if org["station"] else ""),
            (self.tr("Phone"), org["phone"]),
            (self.tr("Address"), org["address"]),
            (self.tr("Notes"), org["notes"]),
        ]

    def _fill_tables(self, detail) -> None:
        members = detail.members
        _fill(self.members, [[m["name"], m["role"], m["since"].isoformat() if m["since"] else "",
                              " · ".join(p for p in (m["company"], m["title"]) if p)] for m in members],
              [m["id"] for m in members])
        self.tabs.setTabText(0, self.tr("Members (%n)", "", len(members)))
        visits = detail.visits
        _fill(self.visits, [[v["visit_date"].isoformat(), mode_label(v["mode"]), self.ctx.ref_name("station", v["station"]),
                             v["purpose"]] for v in visits], [v["id"] for v in visits])
        self.tabs.setTabText(1, self.tr("Visits (%n)", "", len(visits)))
        referrals = detail.referrals
        _fill(self.referrals, [[r["referred_on"].isoformat(), r["ambassador"], status_label(r["status"]),
                                r["project_name"]] for r in referrals], [r["id"] for r in referrals])
        self.tabs.setTabText(2, self.tr("Referrals (%n)", "", len(referrals)))
