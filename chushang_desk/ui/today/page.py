"""Today (今日待办), the screen the app opens on: what the officer has to do today, in sections with their
counts — follow-ups overdue, due today and this week, key contacts not visited for N days, projects waiting
too long in one stage, capital promised and not arrived. A line opens what it is about (Enter or a
double-click): the contact, the Follow-ups screen at that follow-up, the Projects screen at the project.

Its one read (services/reminders.today_view) runs on the database thread; the page is painted empty first.
"""
from __future__ import annotations

import importlib.util
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout, QHeaderView, QLabel, QPushButton, QSpinBox, QStackedWidget, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout,
)

from ...services.projects import STAGE_LIMIT_DAYS
from ...services.reminders import MAX_DAYS, NOT_VISITED_DAYS, TodayView, save_key_contact_days, today_view
from ..labels import STATE_FOREGROUND, iso
from ..pages import Page
from ..projects.labels import amount_text, stage_label  # the Projects screen's words for stages and amounts
from ..widgets.empty_state import empty_state
from .counts import COUNTED_TABLES

ITEM_ROLE = Qt.ItemDataRole.UserRole
WHAT, WHEN, DAYS, DETAILS = range(4)
WIDTHS = (320, 100, 170)
SECTIONS = ("overdue", "today", "week", "key_contacts", "stuck_projects", "arrivals_due")


class TodayPage(Page):
    tables = COUNTED_TABLES

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.setObjectName("todayPage")
        self.view: TodayView | None = None
        self._build()
        ctx.settings_changed.connect(self._settings_changed)

    def title(self) -> str:
        return self.tr("Today")

    # Layout ----------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: 600; font-size: 16px;")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.days = QSpinBox()
        self.days.setObjectName("keyContactDays")
        self.days.setRange(1, MAX_DAYS)
        self.days.setValue(NOT_VISITED_DAYS)
        self.days.setSuffix(self.tr(" days"))
        self.days.setToolTip(self.tr("A key contact not visited for this many days is listed here "
                                     "(also in Settings)"))
        self.days.setKeyboardTracking(False)  # typing "90" saves 90, not 9 then 90
        self.days.valueChanged.connect(self.save_days)
        days_label = QLabel(self.tr("Key contacts not visited for"))
        days_label.setBuddy(self.days)
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.clicked.connect(lambda: self.open_line(self.tree.currentItem()))
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(days_label)
        top.addWidget(self.days)
        top.addWidget(self.open_button)
        self.tree = self._build_tree()
        self.empty = empty_state(self.tr("Nothing is due today: no follow-up waiting, every key contact visited "
                                         "lately, no project stuck in a stage, no capital overdue. The day is clear."))
        self.views = QStackedWidget()
        self.views.addWidget(self.tree)
        self.views.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.views, 1)
        self._show_date()
        self._update_buttons()

    def _build_tree(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setObjectName("todayTree")
        tree.setColumnCount(4)
        tree.setHeaderLabels([self.tr("What"), self.tr("When"), self.tr("How long"), self.tr("Details")])
        for column, width in enumerate(WIDTHS):
            tree.setColumnWidth(column, width)
        tree.header().setStretchLastSection(True)
        tree.header().setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Interactive)
        tree.setUniformRowHeights(True)
        tree.setAllColumnsShowFocus(True)
        tree.itemActivated.connect(lambda line, _column: self.open_line(line))
        tree.currentItemChanged.connect(lambda *_a: self._update_buttons())
        return tree

    def _show_date(self) -> None:
        day = QLocale().toString(date.today(), QLocale.FormatType.LongFormat)
        self.heading.setText(self.tr("Today, {0}").format(day))

    # Loading ---------------------------------------------------------------------------------------
    def on_ready(self) -> None:
        self._show_days(self.ctx.settings.get("key_contact_days", ""))

    def _settings_changed(self) -> None:
        self._show_days(self.ctx.settings.get("key_contact_days", ""))
        self._stale = True
        if self.isVisible():
            self._refresh()

    def _show_days(self, stored: str) -> None:
        try:
            days = int(stored or NOT_VISITED_DAYS)
        except ValueError:
            days = NOT_VISITED_DAYS
        self.days.blockSignals(True)
        self.days.setValue(days)
        self.days.blockSignals(False)

    def reload(self) -> None:
        if self.ctx.profile is None:
            return
        self._show_date()  # the app may stay open past midnight
        self.ctx.read(today_view, self.ctx.officer, self.ctx.station or None, on_done=self._show)

    def save_days(self, days: int) -> None:
        if self.ctx.profile is not None:
            self.ctx.write(save_key_contact_days, days, on_done=self._days_saved)

    def _days_saved(self, days: int) -> None:
        self.ctx.settings = {**self.ctx.settings, "key_contact_days": str(days)}  # the settings dialog shows it

    def _show(self, view: TodayView) -> None:
        self.view = view
        sidebar = getattr(self.window(), "today_counts", None)  # the main window's SidebarCounts
        if sidebar is not None:
            sidebar.show(view.counts)
        self._show_days(str(view.key_contact_days))
        current = self.tree.currentItem()
        keep = current.data(0, ITEM_ROLE) if current is not None else None
        self.tree.clear()
        groups = {g.key: g for g in view.agenda}
        found = view.reminders
        for key in SECTIONS:
            if key in groups:
                count, lines = groups[key].count, [self._follow_up_line(i) for i in groups[key].items]
            else:
                reminders = getattr(found, key)
                count, lines = found.counts[key], [self._reminder_line(r) for r in reminders]
            if count:
                self._add_section(key, count, lines)
        counts = view.counts
        shown = counts.due + counts.this_week
        self.views.setCurrentWidget(self.tree if shown else self.empty)
        self.summary.setText(self.summary_text(counts) if shown else "")
        self.summary.setVisible(bool(shown))
        self._reselect(keep)
        self._update_buttons()

    def summary_text(self, counts) -> str:
        """61 things to do today: 22 follow-ups overdue, 7 key contacts to visit, …; 5 more this week."""
        parts = [text for count, text in (
            (counts.overdue, self.tr("%Ln follow-up(s) overdue", "", counts.overdue)),
            (counts.due_today, self.tr("%Ln due today", "", counts.due_today)),
            (counts.key_contacts, self.tr("%Ln key contact(s) to visit", "", counts.key_contacts)),
            (counts.stuck_projects, self.tr("%Ln project(s) stuck", "", counts.stuck_projects)),
            (counts.arrivals_due, self.tr("%Ln instalment(s) overdue", "", counts.arrivals_due))) if count]
        text = self.tr("%Ln thing(s) to do today", "", counts.due)
        if parts:
            text += self.tr(": ") + self.tr(", ").join(parts)
        if counts.this_week:
            text += self.tr("; %Ln more due in the next 7 days", "", counts.this_week)
        return text

    def section_title(self, key: str, count: int) -> str:
        days = self.days.value()
        titles = {
            "overdue": self.tr("Follow-ups overdue (%Ln)", "", count),
            "today": self.tr("Follow-ups due today (%Ln)", "", count),
            "week": self.tr("Follow-ups in the next 7 days (%Ln)", "", count),
            "key_contacts": self.tr("Key contacts not visited for %1 days (%Ln)", "", count).replace(
                "%1", QLocale().toString(days)),
            "stuck_projects": self.tr("Projects waiting too long in a stage (%Ln)", "", count),
            "arrivals_due": self.tr("Capital promised and not arrived (%Ln)", "", count),
        }
        return titles[key]

    def _add_section(self, key: str, count: int, lines: list[QTreeWidgetItem]) -> None:
        bold = QFont(self.tree.font())
        bold.setBold(True)
        top = QTreeWidgetItem([self.section_title(key, count)])
        top.setData(0, ITEM_ROLE + 1, key)
        top.setFont(0, bold)
        top.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading, not a line to act on
        if key in ("overdue", "arrivals_due"):
            top.setForeground(0, STATE_FOREGROUND["overdue"])
        self.tree.addTopLevelItem(top)
        top.setFirstColumnSpanned(True)
        top.addChildren(lines)
        if count > len(lines):
            more = QTreeWidgetItem([self.tr("… and %Ln more", "", count - len(lines))])
            more.setFlags(Qt.ItemFlag.ItemIsEnabled)
            top.addChild(more)
        top.setExpanded(True)

    def _follow_up_line(self, item) -> QTreeWidgetItem:
        reminder = item.kind == "next_contact"
        what = self.tr("Next contact (set at a visit)") if reminder else item.text
        details = "、".join(item.contacts)
        if item.owner:
            details = self.tr("{0} · {1}").format(details, item.owner) if details else item.owner
        line = QTreeWidgetItem([what, iso(item.due), self._late(item.due), details])
        line.setData(0, ITEM_ROLE, ("follow_up", item))
        line.setToolTip(WHAT, what)
        line.setToolTip(DETAILS, details)
        if item.state == "overdue":
            line.setForeground(DAYS, STATE_FOREGROUND["overdue"])
        return line

    def _late(self, due: date | None) -> str:
        if due is None:
            return ""
        days = (date.today() - due).days
        if days > 0:
            return self.tr("%Ln day(s) late", "", days)
        if days == 0:
            return self.tr("today")
        return self.tr("in %Ln day(s)", "", -days)

    def _reminder_line(self, reminder) -> QTreeWidgetItem:
        if reminder.kind == "key_contact":
            when = iso(reminder.since) if reminder.since else self.tr("never visited")
            how_long = self.tr("%Ln day(s) ago", "", reminder.days) if reminder.days is not None else ""
            details = reminder.detail  # his company
        elif reminder.kind == "stuck_project":
            when, how_long = iso(reminder.since), self.tr("%Ln day(s) in the stage", "", reminder.days)
            details = self.tr("{0}: over {1} days").format(stage_label(reminder.detail),
                                                          QLocale().toString(STAGE_LIMIT_DAYS.get(reminder.detail, 0)))
        else:
            when, how_long = iso(reminder.since), self.tr("%Ln day(s) late", "", reminder.days)
            details = self.tr("{0} (10k yuan) promised").format(amount_text(Decimal(reminder.detail or "0")))
        line = QTreeWidgetItem([reminder.text, when, how_long, details])
        line.setData(0, ITEM_ROLE, (reminder.kind, reminder))
        line.setToolTip(WHAT, reminder.text)
        return line

    # Lines ------------------------------------------------------------------------------------------
    def lines(self) -> list[QTreeWidgetItem]:
        """The lines that open something, top to bottom, without headings."""
        out = []
        for s in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(s)
            out.extend(top.child(c) for c in range(top.childCount()) if top.child(c).data(0, ITEM_ROLE) is not None)
        return out

    def sections(self) -> dict[str, QTreeWidgetItem]:
        return {self.tree.topLevelItem(s).data(0, ITEM_ROLE + 1): self.tree.topLevelItem(s)
                for s in range(self.tree.topLevelItemCount())}

    def _reselect(self, keep) -> None:
        lines = self.lines()
        if keep is not None:
            for line in lines:
                kind, thing = line.data(0, ITEM_ROLE)
                if kind == keep[0] and _key(thing) == _key(keep[1]):
                    self.tree.setCurrentItem(line)
                    return
        if lines:
            self.tree.setCurrentItem(lines[0])

    def _update_buttons(self) -> None:
        line = self.tree.currentItem()
        self.open_button.setEnabled(line is not None and line.data(0, ITEM_ROLE) is not None)

    # Opening what a line is about -------------------------------------------------------------------
    def open_line(self, line: QTreeWidgetItem | None) -> None:
        data = line.data(0, ITEM_ROLE) if line is not None else None
        if data is None:
            return
        kind, thing = data
        if kind == "key_contact":
            self.ctx.show_contact_requested.emit(thing.id)
        elif kind == "follow_up":
            self._open_follow_up(thing)
        else:  # a project: stuck in its stage, or capital overdue
            self._open_project(thing.id)

    def _open_follow_up(self, item) -> None:
        window = self.window()
        if not hasattr(window, "show_page"):
            return
        page = window.show_page("FollowUpsPage")
        self._after_its_reload(lambda: _select_follow_up(page, item))

    def _after_its_reload(self, then) -> None:
        """`then` once the screen just shown has its rows: its reload was queued first (jobs answer in
        order), so a job queued now answers after it."""
        self.ctx.read(lambda _s: None, on_done=lambda _r: then())

    def _open_project(self, project_id: str) -> None:
        window = self.window()
        screens = {screen.cls: screen.module for screen in getattr(window, "screens", ())}
        if "ProjectsPage" not in screens or importlib.util.find_spec(f"..{screens['ProjectsPage']}", __package__) \
                is None:  # the Projects screen is not in this build
            return
        page = window.show_page("ProjectsPage")
        if callable(getattr(page, "select_project", None)):
            self._after_its_reload(lambda: page.select_project(project_id))


def _key(thing) -> str:
    return getattr(thing, "follow_up_id", "") or getattr(thing, "visit_id", "") or getattr(thing, "id", "")


def _select_follow_up(page, item) -> None:
    """Put the Follow-ups screen's cursor on the line of this follow-up (or next-contact reminder)."""
    for line in page.lines():
        shown = line.data(0, ITEM_ROLE)
        if shown.kind == item.kind and shown.follow_up_id == item.follow_up_id and shown.visit_id == item.visit_id:
            page.agenda.setCurrentItem(line)
            page.agenda.scrollToItem(line)
            return
