"""Live sync while online: a long-poll that learns within a moment when the server has news, so another
station's edit shows up in about a second instead of at the next timed sync.

`ChangeWatcher` holds one `GET /v1/sync/watch` open at a time (the server answers as soon as its head
passes our cursor, or after `wait` seconds with nothing) and calls `on_news()` when there is something
to pull. It never touches the database but to read the cursor, and never syncs itself: the caller does
(the app's scheduler on its task runner; `LiveSync` below for headless use and the benches).
"""
from __future__ import annotations

import threading
from typing import Callable

from ..services.sync_status import all_state
from .account import account_token, current_account
from .client import SyncClient
from .engine import sync_once
from .errors import SyncError
from .retry import probe_wait

WATCH_SECONDS = 25.0  # under common proxies' 30-60 s idle timeouts
# After a failure the watcher is the probe that finds the server back: a quick look (wait=0) at the
# intervals of sync/retry.py.


class ChangeWatcher:
    """`on_news()` when the server has changes; `on_trouble(SyncError)` once when a long-poll fails
    after working (the connection is gone: say so now, not at the next sync); `on_back()` once when
    the server answers again after failures."""

    def __init__(self, profile, on_news: Callable[[], None], wait: float = WATCH_SECONDS,
                 on_trouble: Callable[[SyncError], None] | None = None,
                 on_back: Callable[[], None] | None = None):
        self.profile, self.on_news, self.wait = profile, on_news, wait
        self.on_trouble = on_trouble or (lambda _exc: None)
        self.on_back = on_back or (lambda: None)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sync-watch", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Returns at once: a long-poll in flight cannot be interrupted from here, so the thread (a
        daemon) ends when its answer comes, touching nothing after it (the stop flag is checked first)."""
        self._stop.set()
        self._thread.join(timeout=0.5)

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                news = self._watch_once(probe=failures > 0)
            except SyncError as exc:
                if failures == 0 and not self._stop.is_set():
                    self.on_trouble(exc)
                self._stop.wait(probe_wait(failures, exc.temporary))
                failures += 1
                continue
            except Exception:  # the profile was closed under a stopping watcher
                if self._stop.is_set():
                    return
                raise
            if self._stop.is_set():
                return
            if news is None:
                continue  # not signed in
            if failures:
                failures = 0
                self.on_back()  # the caller syncs, which brings the news as well
            elif news:
                self.on_news()

    def _watch_once(self, probe: bool = False) -> bool | None:
        """Whether the server has news (None: not signed in). A probe asks without waiting."""
        account = current_account(self.profile)
        token = account_token(self.profile, account) if account is not None else None
        if not token:
            self._stop.wait(self.wait)  # not signed in: look again later
            return None
        state = self.profile.read(all_state)
        cursor = int(state.get("cursor") or 0)
        with SyncClient(account.server_url, token, state.get("epoch") or None, ca_file=account.ca_file) as client:
            return client.watch(cursor, 0 if probe else self.wait) > cursor


class LiveSync:
    """Headless live sync: syncs right after local edits (`edited()`) and when the watcher hears news;
    one sync at a time, requests arriving meanwhile folded into one more."""

    def __init__(self, profile, debounce: float = 0.2):
        self.profile, self.debounce = profile, debounce
        self.errors: list[SyncError] = []
        self._wanted = threading.Event()
        self._stop = threading.Event()
        self._runner = threading.Thread(target=self._run, name="sync-live", daemon=True)
        self.watcher = ChangeWatcher(profile, self._wanted.set, on_back=self._wanted.set)

    def start(self) -> None:
        self._runner.start()
        self.watcher.start()

    def edited(self) -> None:
        self._wanted.set()

    def stop(self) -> None:
        self._stop.set()
        self._wanted.set()
        self.watcher.stop()
        self._runner.join(timeout=30)

    def _run(self) -> None:
        while not self._stop.is_set():
            if not self._wanted.wait(timeout=1.0):
                continue
            if self._stop.wait(self.debounce):  # edits in a burst go up together; stopping wins
                return
            self._wanted.clear()
            try:
                sync_once(self.profile)
            except SyncError as exc:
                self.errors.append(exc)
