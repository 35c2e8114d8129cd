"""The sidebar's counts: "Today (5)", the things due now, and "Follow-ups (2)", the overdue ones. One
read of the counts alone (services/reminders.today_counts) after start-up, after every change to what they
count and when the settings change (officer, station, the key contacts' days). While the "today" screen is
shown it reads the same counts with its rows and hands them over: one read, not two."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from ...services.reminders import TodayCounts, today_counts
from ...services.shown import shown_tables

TODAY_PAGE, FOLLOW_UPS_PAGE = "TodayPage", "FollowUpsPage"
COUNTED_TABLES = shown_tables("follow_up", "visit", "contact", "project", "capital_arrival") | {"local_setting"}
MOST_SHOWN = 99  # the sidebar is narrow: more reads "99+"
DEBOUNCE_MS = 300


def today_title(count: int) -> str:
    if count > MOST_SHOWN:
        return QCoreApplication.translate("TodayPage", "Today (99+)")
    if count:
        return QCoreApplication.translate("TodayPage", "Today (%Ln)", "", count)
    return QCoreApplication.translate("TodayPage", "Today")


def follow_ups_title(overdue: int) -> str:
    if overdue > MOST_SHOWN:
        return QCoreApplication.translate("FollowUpsPage", "Follow-ups (99+)")
    if overdue:
        return QCoreApplication.translate("FollowUpsPage", "Follow-ups (%Ln)", "", overdue)
    return QCoreApplication.translate("FollowUpsPage", "Follow-ups")


class SidebarCounts(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window, self.ctx = window, window.ctx
        self.counts: TodayCounts | None = None
        self._asked = 0  # a newer read's answer wins over an older one's
        # A burst of changes (a sync applying many rows) is counted once, after it.
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(DEBOUNCE_MS)
        self._soon.timeout.connect(self.refresh)
        self.ctx.ready.connect(self.refresh)
        self.ctx.settings_changed.connect(self._soon.start)
        self.ctx.data_changed.connect(lambda tables: self._soon.start() if tables & COUNTED_TABLES else None)

    def refresh(self) -> None:
        if self.ctx.profile is None or self._today_page_shown():
            return  # the "today" screen reloads on the same signal and hands its counts over (show)
        self._asked += 1
        asked, profile, officer, station = self._asked, self.ctx.profile, self.ctx.officer, self.ctx.station or None
        # On the long-jobs lane: a second or more over 100,000 visits, and the screen in front keeps the
        # database lane for its own reads (a count waits behind an export or a sync instead).
        self.ctx.runner.run_long(lambda _progress: profile.read(today_counts, officer, station),
                                 on_done=lambda counts: self._show(asked, counts))

    def _today_page_shown(self) -> bool:
        page = next((p for p in self.window.built.values() if type(p).__name__ == TODAY_PAGE), None)
        return page is not None and page.isVisible()

    def _show(self, asked: int, counts: TodayCounts) -> None:
        if asked == self._asked:
            self.show(counts)

    def show(self, counts: TodayCounts) -> None:
        """The counts on the sidebar (read here, or by the "today" screen with its rows)."""
        self._asked += 1  # an answer still on its way is older than these
        self.counts = counts
        self.window.set_screen_title(TODAY_PAGE, today_title(counts.due))
        self.window.set_screen_title(FOLLOW_UPS_PAGE, follow_ups_title(counts.overdue))
