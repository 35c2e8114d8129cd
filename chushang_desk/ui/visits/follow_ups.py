"""My follow-ups (待办): one agenda of the officer's open follow-ups and the contacts' next-contact dates,
grouped overdue / today / next 7 days / later, then those without a due date and (when asked) the done
ones; Mark done, Reopen and Open visit act on the selected line."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
)

from ...services.agenda import follow_up_agenda
from ...services.shown import shown_tables
from ...services.visits import set_follow_up_done
from ..labels import STATE_BACKGROUND, STATE_FOREGROUND, iso, state_label
from ..pages import Page

ITEM_ROLE = Qt.ItemDataRole.UserRole
DUE, STATE, TASK, OWNER, CONTACTS, VISIT_DATE, STATION, PURPOSE = range(8)
WIDTHS = (130, 90, 260, 80, 120, 92, 130, 150)


class FollowUpsPage(Page):
    tables = shown_tables("follow_up", "visit")

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.log_dialog = None
        self._keep_line = 0  # after Mark done the agenda reloads; the cursor stays where it was
        self._build()
        ctx.settings_changed.connect(self._settings_changed)

    def title(self) -> str:
        return self.tr("Follow-ups")

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: 600;")
        # The heading (whose follow-ups, or a hint to set the officer's name) gets a line of its own and
        # wraps: on the button row it set the window's minimum width (1,300 px in English).
        self.heading.setWordWrap(True)
        self.all_open = QCheckBox(self.tr("&All officers' follow-ups"))
        self.all_open.toggled.connect(lambda _on: self.reload())
        self.show_done = QCheckBox(self.tr("Show &done"))
        self.show_done.toggled.connect(lambda _on: self.reload())
        self.done_button = QPushButton(self.tr("&Mark done"))
        self.done_button.setShortcut(QKeySequence("Ctrl+D"))
        self.done_button.setToolTip(self.tr("Ctrl+D"))
        self.done_button.clicked.connect(lambda: self.mark_done(True))
        self.reopen_button = QPushButton(self.tr("&Reopen"))
        self.reopen_button.clicked.connect(lambda: self.mark_done(done=False))
        self.open_button = QPushButton(self.tr("&Open visit…"))
        self.open_button.clicked.connect(self.open_visit)
        self.count_label = QLabel()
        bar = QHBoxLayout()
        for widget in (self.all_open, self.show_done):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.count_label, self.done_button, self.reopen_button, self.open_button):
            bar.addWidget(widget)
        self.agenda = self._build_agenda()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addWidget(self.agenda, 1)
        self._update_buttons()

    def _build_agenda(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setColumnCount(len(WIDTHS))
        tree.setHeaderLabels([self.tr("Due"), self.tr("Status"), self.tr("Task"), self.tr("Owner"),
                              self.tr("Contacts"), self.tr("Visit date"), self.tr("Station"),
                              self.tr("Visit purpose")])
        for column, width in enumerate(WIDTHS):
            tree.setColumnWidth(column, width)
        # The task takes what is left: all eight columns fit at 1280x800 in Chinese and English.
        tree.header().setStretchLastSection(False)
        tree.header().setSectionResizeMode(TASK, QHeaderView.ResizeMode.Stretch)
        tree.setUniformRowHeights(True)
        tree.setAllColumnsShowFocus(True)
        tree.itemActivated.connect(self._activated)
        tree.currentItemChanged.connect(lambda *_a: self._update_buttons())
        return tree

    def group_title(self, key: str, count: int) -> str:
        titles = {"overdue": self.tr("Overdue (%Ln)", "", count), "today": self.tr("Today (%Ln)", "", count),
                  "week": self.tr("Next 7 days (%Ln)", "", count), "later": self.tr("Later (%Ln)", "", count),
                  "undated": self.tr("No due date (%Ln)", "", count), "done": self.tr("Done (%Ln)", "", count)}
        return titles[key]

    # Loading --------------------------------------------------------------------------------------
    def owner(self) -> str:
        """Whose follow-ups are listed: the current officer's, or everyone's ("")."""
        return "" if self.all_open.isChecked() else self.ctx.officer

    def reload(self) -> None:
        if self.ctx.profile is None:
            return
        owner = self.owner()
        if owner:
            self.heading.setText(self.tr("Follow-ups of {0}").format(owner))
        elif self.all_open.isChecked():
            self.heading.setText(self.tr("Everyone's follow-ups"))
        else:
            self.heading.setText(self.tr("Set your name in Settings to see your follow-ups; showing everyone's."))
        current = self.agenda.currentItem()
        self._keep_line = self.lines().index(current) if current in self.lines() else 0
        self.ctx.read(follow_up_agenda, owner, self.show_done.isChecked(), on_done=self._show_agenda)

    def _settings_changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self._refresh()

    def _show_agenda(self, groups: list) -> None:
        self.agenda.clear()
        bold = QFont(self.agenda.font())
        bold.setBold(True)
        for group in groups:
            top = QTreeWidgetItem([self.group_title(group.key, group.count)])
            top.setFont(0, bold)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading, not a line to act on
            if group.key == "overdue" and group.count:
                top.setForeground(0, STATE_FOREGROUND["overdue"])
            self.agenda.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)  # (only once in the tree)
            for item in group.items:
                top.addChild(self._line(item))
            if group.count > len(group.items):
                more = QTreeWidgetItem(["", "", self.tr("… and %Ln more", "", group.count - len(group.items))])
                more.setFlags(Qt.ItemFlag.ItemIsEnabled)
                top.addChild(more)
            top.setExpanded(group.key != "done")
        follow_ups = sum(g.count for g in groups)
        self.count_label.setText(self.tr("%Ln item(s)", "", follow_ups))
        lines = self.lines()
        if lines:
            self.agenda.setCurrentItem(lines[min(self._keep_line, len(lines) - 1)])
        self._update_buttons()

    def _line(self, item) -> QTreeWidgetItem:
        reminder = item.kind == "next_contact"
        task = self.tr("Next contact (set at a visit)") if reminder else item.text
        # Under "No due date" the state need not say so again.
        state = self.tr("reminder") if reminder else state_label("later" if item.state == "none" else item.state)
        if item.done and item.done_on:
            state += f" {iso(item.done_on)}"
        line = QTreeWidgetItem([iso(item.due), state, task, item.owner, "、".join(item.contacts), iso(item.visit_date),
                                self.ctx.ref_name("station", item.station) if item.station else "", item.purpose])
        line.setData(0, ITEM_ROLE, item)
        line.setToolTip(TASK, task)
        line.setToolTip(PURPOSE, item.purpose)
        for column in range(len(WIDTHS)):
            if item.state in STATE_BACKGROUND:
                line.setBackground(column, STATE_BACKGROUND[item.state])
            if item.state in STATE_FOREGROUND:
                line.setForeground(column, STATE_FOREGROUND[item.state])
        return line

    def lines(self) -> list[QTreeWidgetItem]:
        """The agenda's lines (follow-ups and reminders) top to bottom, without headings."""
        out = []
        for g in range(self.agenda.topLevelItemCount()):
            top = self.agenda.topLevelItem(g)
            out.extend(top.child(c) for c in range(top.childCount()) if top.child(c).data(0, ITEM_ROLE) is not None)
        return out

    # Acting on the selected line ------------------------------------------------------------------
    def selected_item(self):
        line = self.agenda.currentItem()
        return line.data(0, ITEM_ROLE) if line is not None else None

    def _update_buttons(self) -> None:
        item = self.selected_item()
        follow_up = item is not None and item.kind == "follow_up"
        self.done_button.setEnabled(follow_up and not item.done)  # a reminder is answered by a visit
        self.reopen_button.setEnabled(follow_up and item.done)
        self.open_button.setEnabled(item is not None)

    def mark_done(self, done: bool = True) -> None:
        item = self.selected_item()
        if item is None or item.kind != "follow_up" or item.done == done:
            return
        self.ctx.write(set_follow_up_done, item.follow_up_id, done)

    def _activated(self, line: QTreeWidgetItem, _column: int) -> None:
        if line.data(0, ITEM_ROLE) is not None:
            self.open_visit()

    def open_visit(self) -> None:
        item = self.selected_item()
        if item is not None:
            self._open_visit_id(item.visit_id)

    def _open_visit_id(self, visit_id: str) -> None:
        from .log_dialog import LogVisitDialog

        self.log_dialog = LogVisitDialog(self.ctx, visit_id, (), self)
        self.log_dialog.open()
