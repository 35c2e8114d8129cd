"""When background sync runs: at start, a moment after local edits, as soon as the server has news
(a long-poll, sync/live.py), every few minutes while online, on demand, and again after a failure with
backoff. Never two at once.

The scheduler lives on the GUI thread; each sync runs `sync_once` on the task runner's long lane, so
typing never waits on the network. Results come back as signals the status bar and screens listen to.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from ...sync.retry import SYNC_BACKOFF_SECONDS, sync_backoff
from ..context import AppContext
from ..tasks import Cancelled, CancelToken
from .texts import STOP_CODES, error_code


@dataclass(frozen=True)
class SyncProblem:
    """A failed sync as the status bar shows it."""

    code: str
    message: str
    retry_at: datetime | None  # None: automatic retries stopped until the user acts
    at: datetime


OUTBOX = "outbox"  # the table of local edits waiting to be pushed (db/outbox.py)


class SyncScheduler(QObject):
    account_changed = Signal(object)  # Account | None
    started = Signal()
    progressed = Signal(int, int)
    finished = Signal(object)  # SyncReport
    failed = Signal(object)  # SyncProblem
    news = Signal()  # the server has changes for us (emitted from the watcher's thread, queued here)
    connection_lost = Signal(object)  # the long-poll failed (SyncError; from the watcher's thread)
    connection_back = Signal()  # the server answers again after failures (from the watcher's thread)

    debounce_ms = 800  # after a local edit: a burst of typing makes one sync, and others see it in ~1 s
    interval_ms = 180_000  # while online, to bring in other stations' changes
    backoff_s = SYNC_BACKOFF_SECONDS  # sync/retry.py; the tests set shorter ones

    def __init__(self, ctx: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.account = None
        self.running = False
        self.queued = False  # a request came while a sync ran: exactly one more follows
        self.halted = False  # a stop code: no automatic syncs until the user acts
        self.failures = 0
        self.last_success: datetime | None = None
        self.last_problem: SyncProblem | None = None
        self._cancel: CancelToken | None = None
        self._watcher = None
        self.news.connect(self._automatic)
        self.connection_lost.connect(self._lost)
        self.connection_back.connect(self._back)
        self.debounce = self._timer(self.debounce_ms, single=True)
        self.periodic = self._timer(self.interval_ms, single=False)
        self.retry = self._timer(0, single=True)
        ctx.settled.connect(self._load_account)  # not before the first screen has its rows
        ctx.data_changed.connect(self._on_local_change)

    def _timer(self, interval: int, single: bool) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(single)
        timer.setInterval(interval)
        timer.timeout.connect(self._automatic)
        return timer

    def set_intervals(self, debounce_ms: int, interval_ms: int, backoff_s: tuple) -> None:
        """Shorter waits (tests, demos); takes effect from the next start of each timer."""
        self.debounce_ms, self.interval_ms, self.backoff_s = debounce_ms, interval_ms, tuple(backoff_s)
        self.debounce.setInterval(debounce_ms)
        self.periodic.setInterval(interval_ms)

    # Account --------------------------------------------------------------------------------------
    def _load_account(self) -> None:
        profile = self.ctx.profile

        def load():
            from ...sync.stored_account import (
                current_account,  # (not the HTTP client: no sync is due yet)
            )

            return current_account(profile)

        self.ctx.runner.run(load, on_done=self.set_account,
                            on_error=lambda exc, details: self.set_account(None))

    def set_account(self, account) -> None:
        """A new account (signed in, or found at start) syncs at once; None stops every timer."""
        self.account = account
        self.halted, self.failures, self.last_problem, self.queued = False, 0, None, False
        self.account_changed.emit(account)
        if account is None:
            self._stop_timers()
        else:
            self._watch()
            self.request()

    # Requests -------------------------------------------------------------------------------------
    def sync_now(self) -> None:
        """By hand (menu, button, F9): tries even after a stop code."""
        self.halted = False
        self.request()

    def request(self) -> None:
        if self.account is None or self.ctx.profile is None:
            return
        if self.running:
            self.queued = True
            return
        self._start()

    def _automatic(self) -> None:
        if not self.halted:
            self.request()

    def _on_local_change(self, tables) -> None:
        # An officer's edit of a synced record writes its outbox entry; pulled rows never do, and their
        # announcement (below) leaves the outbox out: a sync never starts another.
        if OUTBOX not in tables or self.account is None or self.halted:
            return
        self.debounce.start(self.debounce_ms)

    # One sync -------------------------------------------------------------------------------------
    def _start(self) -> None:
        from ...sync.engine import sync_once

        self.running, self.queued = True, False
        self.debounce.stop()
        self.retry.stop()
        profile, token = self.ctx.profile, CancelToken()
        self._cancel = token
        self.started.emit()
        self.ctx.runner.run_long(
            lambda progress: sync_once(profile, progress=_counts_only(progress), cancel=lambda: token.cancelled),
            on_done=self._succeeded, on_error=self._failed, on_progress=self.progressed.emit,
        )

    def _succeeded(self, report) -> None:
        self.running, self._cancel = False, None
        if getattr(report, "cancelled", False):
            return  # the window is closing
        self.failures, self.last_problem = 0, None
        self.last_success = datetime.now()
        self.periodic.start(self.interval_ms)
        if _changed_anything(report):
            self._announce(report)
        self.finished.emit(report)
        if self.queued and self.account is not None:  # signed out meanwhile: the queue goes with it
            self._start()

    def _announce(self, report) -> None:
        """What the sync wrote, for the screens showing it; the outbox only lost answered entries."""
        tables = frozenset(report.tables) - {OUTBOX}
        if tables:
            self.ctx.data_changed.emit(tables)

    def _failed(self, exc: BaseException, _details: str) -> None:
        self.running, self._cancel = False, None
        code, message, retry_after = error_code(exc)
        if isinstance(exc, Cancelled) or code == "cancelled":
            return  # the window is closing
        retry_at = None
        if code in STOP_CODES:
            self.halted = True
            self._stop_timers()
        else:
            retry_at = self._schedule_retry(retry_after)
        self.queued = False  # the retry (or the user) brings the next sync
        self.last_problem = SyncProblem(code, message, retry_at, datetime.now())
        self.failed.emit(self.last_problem)

    def _schedule_retry(self, retry_after: float | None) -> datetime:
        delay = sync_backoff(self.failures, retry_after, self.backoff_s)
        self.failures += 1
        self.periodic.stop()  # offline: the retry timer takes over until a sync succeeds
        self.retry.start(int(delay * 1000))
        return datetime.now() + timedelta(seconds=delay)

    def _lost(self, exc) -> None:
        """The long-poll failed: the status says so now (not at the next sync). A refusal is confirmed
        by a real sync, which stops the retries; a lost connection waits for the probe or the retry."""
        if self.account is None or self.running or self.halted or self.last_problem is not None:
            return  # (already shown: a failed sync said so first, and its retry is set)
        code, _message, _retry = error_code(exc)
        if code in STOP_CODES:
            self.request()
        else:
            self._failed(exc, "")

    def _back(self) -> None:
        """The probe reached the server again: sync now rather than at the next retry."""
        if self.account is not None and not self.halted:
            self.request()

    def _watch(self) -> None:
        """Hold a long-poll open while signed in (the watcher follows sign-in and sign-out itself)."""
        from ...sync.live import ChangeWatcher

        if self._watcher is None and self.ctx.profile is not None:
            self._watcher = ChangeWatcher(self.ctx.profile, self.news.emit, on_trouble=self.connection_lost.emit,
                                          on_back=self.connection_back.emit)
            self._watcher.start()

    def _stop_timers(self) -> None:
        for timer in (self.debounce, self.periodic, self.retry):
            timer.stop()

    def shutdown(self) -> None:
        """The window closes: no new syncs, and the running one stops at its next step."""
        self.account = None
        self._stop_timers()
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None
        if self._cancel is not None:
            self._cancel.cancel()


def _counts_only(progress):
    """The engine says (stage, done, total or None); the task runner's lane carries (done, total)."""
    def report(_stage: str, done: int, total: int | None) -> None:
        progress(done, total or 0)
    return report


def _changed_anything(report) -> bool:
    counts = [getattr(report, name, 0) for name in ("pulled", "merged", "conflicts", "rejected", "replaced")]
    return any(_count(value) for value in counts)


def _count(value) -> int:
    return len(value) if isinstance(value, (list, tuple, set, frozenset, dict)) else int(value or 0)
