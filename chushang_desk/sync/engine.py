"""One sync: push the outbox, then pull what changed on the server (SYNC.md).

- Push goes in `mid` order, in batches; each batch's answers are applied in ONE local transaction
  (outbox entries answered leave, rows take the server's version and, for merged or conflicting edits,
  the server's row; conflicts and refusals are kept for review). A lost answer is harmless: the same
  entries are pushed again and the server answers them from its record.
- Pull goes page by page from the stored cursor; each page and its new cursor are one transaction, so
  an interrupted sync resumes where it stopped.
- A 410 (server restored from a backup, or our cursor older than its tombstones) starts a replacement
  sync: cursor and epoch are reset and everything is pulled again, pending edits kept on top; then
  the outbox is pushed.
Device clocks are never used to order anything: only the server's versions are.
"""
from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.engine import writer
from ..db.outbox import changed_tables
from ..db.search_index import MERGE_AFTER, optimize_search
from ..db.session import DeskSession
from ..models import OutboxEntry
from ..services.erase import checkpoint
from ..services.sync_status import all_state, set_state
from . import protocol
from .account import account_token, current_account
from .apply import apply_rows
from .client import SyncClient
from .held import held_count, retry_held
from .errors import ReplacementNeeded, SyncError
from .reoffer import reoffer_newer_rows
from .results import apply_results

Progress = Callable[[str, int, int | None], None]  # (stage "push"/"pull", done so far, total if known)


@dataclass
class SyncReport:
    pushed: int = 0
    applied: int = 0
    merged: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    pages: int = 0
    requests: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    seconds: float = 0.0
    replaced: bool = False  # a replacement sync ran (410)
    reoffered: int = 0  # rows sent again to a server restored from a backup that lacked them
    cancelled: bool = False
    held: int = 0  # rows from the server kept aside, not stored (sync_held_row), after this sync
    tables: set = field(default_factory=set)  # the local tables this sync wrote

    def summary(self) -> str:
        """What moved, in one line (the headless `sync` command prints it)."""
        return (f"pushed {self.pushed} (applied {self.applied}, merged {self.merged}, conflicts "
                f"{self.conflicts}, rejected {self.rejected}), pulled {self.pulled} rows in {self.pages} "
                f"pages, {self.requests} requests, {self.bytes_sent + self.bytes_received:,} bytes, "
                f"{self.seconds:.1f} s" + (" (full re-download)" if self.replaced else "")
                + (f", {self.reoffered} rows newer than the restored server's data sent again" if self.reoffered else "")
                + (" (cancelled)" if self.cancelled else "")
                + (f"; {self.held} rows from the server held aside" if self.held else ""))


class _Cancelled(Exception):
    pass


def utc_iso() -> str:
    return datetime.now(timezone.utc).replace(tzinfo=None).isoformat(timespec="seconds")


def sync_once(profile, *, progress: Progress | None = None, cancel: Callable[[], bool] | None = None) -> SyncReport:
    """Push the outbox and pull the server's changes once; raises SyncError (also stored as
    last_error) when the server cannot be reached or refuses."""
    started, report = time.monotonic(), SyncReport()
    account = current_account(profile)
    token = account_token(profile, account) if account is not None else None
    if not token:
        _remember_error(profile, "not_signed_in")
        raise SyncError("not_signed_in")
    steps = _Steps(profile, progress or (lambda *_: None), cancel or (lambda: False), report)
    with SyncClient(account.server_url, token, profile.read(all_state)["epoch"] or None,
                    ca_file=account.ca_file) as client:
        try:
            steps.run(client)
        except _Cancelled:
            report.cancelled = True
        except SyncError as exc:
            _remember_error(profile, exc.code)
            raise
        finally:
            report.requests, report.bytes_sent = client.count.requests, client.count.bytes_sent
            report.bytes_received = client.count.bytes_received
            report.seconds = time.monotonic() - started
            if steps.erased:  # no page image from before an erase stays in the WAL
                checkpoint(profile.sessions.engine)
    if not report.cancelled:
        profile.write(set_state, last_sync_at=utc_iso(), last_error="")
    report.held = profile.read(_held)
    return report


def _remember_error(profile, code: str) -> None:
    profile.write(set_state, last_error=code)


@contextmanager
def remote_write(profile, changed: set | None = None) -> Iterator[Session]:
    """One write transaction applying the server's data: no outbox entries (applying_remote) and
    foreign keys off, since rows arrive in version order, children possibly before their parents.
    The pragmas only work outside a transaction, so they are set on the connection before BEGIN.

    synchronous=NORMAL (not FULL, as for officers' edits): a power cut may undo the last of these
    transactions, but WAL keeps each whole or absent, and what it held is the server's data with the
    cursor or the push answers that go with it - fetched or answered again at the next sync. Saves an
    fsync per page (bench/bench_sync.py measures the first sync). `changed` collects the tables the
    transaction wrote, once committed (SyncReport.tables: what the screens redraw)."""
    with writer(profile.sessions.engine).connect() as conn:
        raw = conn.connection.dbapi_connection
        raw.execute("PRAGMA foreign_keys=OFF")
        raw.execute("PRAGMA synchronous=NORMAL")
        try:
            with DeskSession(bind=conn, expire_on_commit=False) as session:
                session.info["applying_remote"] = True
                session.info["actor"] = profile.sessions.actor
                with session.begin():
                    yield session
                if changed is not None:
                    changed |= changed_tables(session)
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
            raw.execute("PRAGMA synchronous=FULL")


class _Steps:
    """The steps of one sync, sharing the profile, the report and the caller's progress and cancel."""

    def __init__(self, profile, progress: Progress, cancel: Callable[[], bool], report: SyncReport):
        self.profile, self.progress, self.cancel, self.report = profile, progress, cancel, report
        self.stamp = profile.read(all_state)["display_name"]  # what the server writes as who edited
        self.erased = False  # an erase went up or came down (or an edit of an erased person was refused)
        self.contacts_pulled = 0

    def run(self, client: SyncClient) -> None:
        try:
            self.push(client)
            self.pull(client)
        except ReplacementNeeded as needed:
            self.start_replacement(client, needed.epoch_base)
            self.pull(client)
            self.push(client)

    def check_cancel(self) -> None:
        if self.cancel():
            raise _Cancelled()

    def start_replacement(self, client: SyncClient, epoch_base: int | None) -> None:
        """Pull everything again; a restored server's `epoch_base` first queues what this laptop holds
        that is newer than the server's data (sync/reoffer.py), in the same transaction as the reset."""
        self.report.replaced = True
        client.epoch = None
        with remote_write(self.profile, self.report.tables) as session:
            if epoch_base is not None:
                self.report.reoffered = reoffer_newer_rows(session, epoch_base)
            set_state(session, cursor="0", epoch="")

    # -- push ----------------------------------------------------------------------------------

    def push(self, client: SyncClient) -> None:
        total = self.profile.read(_outbox_size)
        after = 0
        while True:
            self.check_cancel()
            batch, from_mid = self.profile.read(_batch_and_lowest, after)
            if not batch:
                return
            answer = client.push([wire_entry(e) for e in batch], from_mid)
            results = answer.get("results") or []
            self.erased = self.erased or _touches_erased(batch, results)
            with remote_write(self.profile, self.report.tables) as session:
                counts = apply_results(session, batch, results, self.stamp)
            self._count(counts)
            self.progress("push", self.report.pushed, total)
            answered = {r.get("mid") for r in results}
            if batch[-1].mid not in answered:  # a short answer: stop rather than loop on it
                return
            after = batch[-1].mid

    def _count(self, counts: dict) -> None:
        r = self.report
        r.pushed += sum(counts.values())
        r.applied += counts.get("applied", 0)
        r.merged += counts.get("merged", 0)
        r.conflicts += counts.get("conflict", 0)
        r.rejected += counts.get("rejected", 0)

    # -- pull ----------------------------------------------------------------------------------

    def pull(self, client: SyncClient) -> None:
        """Pages in cursor order, each applied with its cursor in one transaction. The next page is
        fetched while this one is written (its cursor is known as soon as this page arrives), so the
        server's time and ours overlap."""
        cursor = int(self.profile.read(all_state)["cursor"] or 0)
        if self.profile.read(_held):  # (this version may store what an older one could not)
            with remote_write(self.profile, self.report.tables) as session:
                retry_held(session.connection())
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-pull") as fetcher:
            coming = fetcher.submit(client.pull, cursor, pull_limit())
            while coming is not None:
                page = coming.result()
                self.check_cancel()
                more = bool(page.get("has_more"))
                coming = fetcher.submit(client.pull, int(page["cursor"]), pull_limit()) if more else None
                self.apply_page(page, client)
        if self.contacts_pulled >= MERGE_AFTER:  # a first sync: the search index merged once, at the end
            with remote_write(self.profile, self.report.tables) as session:
                optimize_search(session.connection())

    def apply_page(self, page: dict, client: SyncClient) -> None:
        rows = page.get("rows") or []
        self.erased = self.erased or any(r.get("erased") for r in rows)
        with remote_write(self.profile, self.report.tables) as session:
            apply_rows(session.connection(), rows)
            set_state(session, cursor=str(page["cursor"]), epoch=page.get("epoch") or client.epoch or "")
        self.report.pulled += len(rows)
        self.contacts_pulled += sum(1 for r in rows if r.get("table") == "contact")
        self.report.pages += 1
        self.progress("pull", self.report.pulled, None)


def _touches_erased(batch: list[OutboxEntry], results: list[dict]) -> bool:
    return (any(e.op == "erase" for e in batch)
            or any(str(r.get("reason") or "").startswith("erased:") for r in results))


def _env_limit(name: str, most: int) -> int:
    """A smaller batch or page than the protocol allows, for tests and benches that want one sync to
    be many transactions (e.g. to kill it between any two); the protocol's limit otherwise."""
    try:
        return max(1, min(int(os.environ.get(name, most)), most))
    except ValueError:
        return most


def push_batch_limit() -> int:
    return _env_limit("CHUSHANG_PUSH_BATCH", protocol.PUSH_MAX_ENTRIES)


def pull_limit() -> int:
    return _env_limit("CHUSHANG_PULL_LIMIT", protocol.PULL_MAX_LIMIT)


def _held(session: Session) -> int:
    return held_count(session.connection())


def _outbox_size(session: Session) -> int:
    from ..services.sync_status import pending_edits

    return pending_edits(session)


# Fields that change with every edit, so two edits of one row always "overlap" in them: never a
# reason to split a batch or to ask a person (the server stamps who; when is shown, not compared).
ALWAYS_CHANGING = frozenset({"updated_at", "updated_by"})


def _batch_and_lowest(session: Session, after_mid: int) -> tuple[list[OutboxEntry], int | None]:
    """The next batch, and the lowest mid still in the outbox (the push's `from_mid`)."""
    return next_batch(session, after_mid), lowest_pending_mid(session)


def lowest_pending_mid(session: Session) -> int | None:
    """Every mid below this one was answered by the server (then deleted) or discarded here: the push
    says so (`from_mid`), so the server skips mids this device will never send and refuses any other
    gap (SYNC.md: only the last applied mid + 1 applies). Mids are never renumbered or reused."""
    return session.scalar(select(func.min(OutboxEntry.mid)))


def next_batch(session: Session, after_mid: int) -> list[OutboxEntry]:
    """The next outbox entries to push, in mid order: at most PUSH_MAX_ENTRIES and PUSH_MAX_BYTES.

    Two entries of one row that change the same field go in separate batches: the second must be sent
    on the version the first produced, or the server would see our own first edit as someone else's.
    A batch holds consecutive mids only: after a hole (discarded entries) the next batch starts, and
    its `from_mid` tells the server the hole is no gap.
    """
    candidates = session.scalars(
        select(OutboxEntry).where(OutboxEntry.mid > after_mid).order_by(OutboxEntry.mid)
        .limit(push_batch_limit())
    ).all()
    batch, size, touched = [], 0, {}
    for entry in candidates:
        entry_size = len(protocol.encode(wire_entry(entry)))
        fields = set(entry.fields or {}) - ALWAYS_CHANGING
        seen = touched.setdefault((entry.table_name, entry.row_id), set())
        if batch and (size + entry_size > protocol.PUSH_MAX_BYTES or seen & fields
                      or entry.mid != batch[-1].mid + 1):
            break
        batch.append(entry)
        size += entry_size
        seen |= fields
    return batch


def wire_entry(entry: OutboxEntry) -> dict:
    """An outbox entry as the push message carries it; who made it is the server's to stamp."""
    fields = {k: v for k, v in (entry.fields or {}).items() if k not in protocol.SERVER_STAMPED}
    return {
        "mid": entry.mid, "table": entry.table_name, "id": entry.row_id, "op": entry.op, "fields": fields,
        "base_version": entry.base_version or 0,
        "device_time": entry.device_time.isoformat(timespec="microseconds") if entry.device_time else None,
    }
