"""An event's detail: its fields, its guests (invited from the directory with the contact picker, who came
ticked in the list) and the projects, visits and referrals that followed it."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...services.events import EventDetail, invite, mark_came, remove_attendee, set_attended
from ..labels import iso
from ..widgets.picker import ContactPicker
from ..widgets.tables import readonly_table
from ..linked import fill_linked, linked_table
from .labels import categories_text

NAME, COMPANY, INVITED, ATTENDED = range(4)


class EventDetailPanel(QWidget):
    """Shows one event (show_detail) or nothing (clear); edits of its guests go through ctx.write."""

    contact_requested = Signal(str)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.detail: EventDetail | None = None
        self._build()
        self.clear()

    # Layout ----------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("eventHeading")
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.fields = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for key, label in (("held_on", self.tr("Held on")), ("kind", self.tr("Kind")),
                           ("where", self.tr("Where")), ("organizer", self.tr("Organizer")),
                           ("categories", self.tr("Counts for")), ("station", self.tr("Station")),
                           ("notes", self.tr("Notes"))):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            self.fields.addRow(label, value)
        self.guests_label = QLabel()
        self.guests_label.setStyleSheet("font-weight: bold;")
        self.picker = ContactPicker(self.ctx, multiple=True,
                                    placeholder=self.tr("Type a name to invite…"))
        self.picker.changed.connect(self._update_buttons)
        self.invite_button = QPushButton(self.tr("&Invite"))
        self.invite_button.setToolTip(self.tr("Add the contacts picked to the guest list"))
        self.invite_button.clicked.connect(self.invite_picked)
        self.walk_in_button = QPushButton(self.tr("Came &uninvited"))
        self.walk_in_button.setToolTip(self.tr("Add the contacts picked as having come without an invitation"))
        self.walk_in_button.clicked.connect(self.add_walk_ins)
        self.remove_button = QPushButton(self.tr("&Remove guest"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.guests = readonly_table([self.tr("Name"), self.tr("Company"), self.tr("Invited"), self.tr("Came")])
        self.guests.setObjectName("eventGuests")
        self.guests.horizontalHeader().setSectionResizeMode(COMPANY, QHeaderView.ResizeMode.Stretch)
        self.guests.horizontalHeader().setStretchLastSection(False)
        self.guests.itemChanged.connect(self._ticked)
        self.guests.itemSelectionChanged.connect(self._update_buttons)
        self.guests.itemDoubleClicked.connect(self._open_contact)
        self.followed_label = QLabel(self.tr("What followed"))
        self.followed_label.setStyleSheet("font-weight: bold;")
        self.followed = linked_table()
        self.followed.setObjectName("eventFollowed")
        self.followed.setMaximumHeight(170)
        self.empty = QLabel(self.tr("Choose an event in the list to see its guests and what followed it."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #6b7280;")
        picking = QHBoxLayout()
        picking.addWidget(self.picker, 1)
        picking.addWidget(self.invite_button)
        guests_bar = QHBoxLayout()
        guests_bar.addWidget(self.guests_label, 1)
        guests_bar.addWidget(self.walk_in_button)
        guests_bar.addWidget(self.remove_button)
        self.body = QWidget()
        column = QVBoxLayout(self.body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addLayout(self.fields)
        column.addLayout(guests_bar)
        column.addLayout(picking)
        column.addWidget(self.guests, 1)
        column.addWidget(self.followed_label)
        column.addWidget(self.followed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.body, 1)

    # Showing ---------------------------------------------------------------------------------------
    def clear(self) -> None:
        self.detail = None
        self.body.hide()
        self.empty.show()

    def show_detail(self, detail: EventDetail) -> None:
        same_event = self.detail is not None and self.detail.event.id == detail.event.id
        self.detail = detail
        e = detail.event
        self.heading.setText(e.name)
        self.values["held_on"].setText(iso(e.held_on))
        self.values["kind"].setText(self.ctx.ref_name("event_kind", e.kind) if e.kind else "")
        self.values["where"].setText(" · ".join(p for p in (e.region, e.place) if p))
        self.values["organizer"].setText(e.organizer)
        self.values["categories"].setText(categories_text(e.categories) or self.tr("none of the work list's"))
        self.values["station"].setText(self.ctx.ref_name("station", e.station) if e.station else "")
        self.values["notes"].setText(detail.notes)
        self.guests_label.setText(self.tr("Guests: {0} invited, {1} came").format(e.invited, e.attended))
        self._fill_guests(detail, keep=self.selected_contact() if same_event else None)
        self._fill_followed(detail)
        self.empty.hide()
        self.body.show()
        if not same_event:
            self.picker.clear()
        self._update_buttons()

    def _fill_guests(self, detail: EventDetail, keep: str | None) -> None:
        blocked = self.guests.blockSignals(True)  # filling is not the officer ticking
        try:
            self.guests.setRowCount(len(detail.attendees))
            for row, guest in enumerate(detail.attendees):
                name = QTableWidgetItem(guest.name)
                name.setData(Qt.ItemDataRole.UserRole, guest.contact_id)
                name.setToolTip(guest.title)
                self.guests.setItem(row, NAME, name)
                self.guests.setItem(row, COMPANY, QTableWidgetItem(guest.company))
                invited = self.tr("Invited") if guest.invited else self.tr("Brought along")
                self.guests.setItem(row, INVITED, QTableWidgetItem(invited))
                came = QTableWidgetItem()
                came.setToolTip(self.tr("Tick who came"))
                came.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                              | Qt.ItemFlag.ItemIsSelectable)
                came.setCheckState(Qt.CheckState.Checked if guest.attended else Qt.CheckState.Unchecked)
                self.guests.setItem(row, ATTENDED, came)
                if guest.contact_id == keep:
                    self.guests.selectRow(row)
        finally:
            self.guests.blockSignals(blocked)

    def _fill_followed(self, detail: EventDetail) -> None:
        linked = [*detail.projects, *detail.visits, *detail.referrals]
        fill_linked(self.followed, linked)
        self.followed_label.setText(self.tr("What followed: %n record(s)", "", len(linked)))

    # Guests ----------------------------------------------------------------------------------------
    def selected_contact(self) -> str | None:
        rows = {i.row() for i in self.guests.selectedIndexes()}
        if len(rows) != 1:
            return None
        return self.guests.item(rows.pop(), NAME).data(Qt.ItemDataRole.UserRole)

    def invite_picked(self) -> None:
        ids = self.picker.ids()
        if self.detail is not None and ids:
            self.ctx.write(invite, self.detail.event.id, ids, on_done=lambda _r: self.picker.clear())

    def add_walk_ins(self) -> None:
        ids = self.picker.ids()
        if self.detail is not None and ids:
            self.ctx.write(mark_came, self.detail.event.id, ids, on_done=lambda _r: self.picker.clear())

    def remove_selected(self) -> None:
        contact_id = self.selected_contact()
        if self.detail is not None and contact_id:
            self.ctx.write(remove_attendee, self.detail.event.id, contact_id)

    def _ticked(self, item: QTableWidgetItem) -> None:
        if item.column() != ATTENDED or self.detail is None:
            return
        contact_id = self.guests.item(item.row(), NAME).data(Qt.ItemDataRole.UserRole)
        self.ctx.write(set_attended, self.detail.event.id, contact_id, item.checkState() == Qt.CheckState.Checked)

    def _open_contact(self, item: QTableWidgetItem) -> None:
        if item.column() != ATTENDED:
            self.contact_requested.emit(self.guests.item(item.row(), NAME).data(Qt.ItemDataRole.UserRole))

    def _update_buttons(self) -> None:
        picked = bool(self.picker.ids())
        self.invite_button.setEnabled(picked)
        self.walk_in_button.setEnabled(picked)
        self.remove_button.setEnabled(self.selected_contact() is not None)
