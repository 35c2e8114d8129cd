"""What the status bar says about sync: edits waiting to go up, conflicts, last sync, last error;
and the sync engine's stored state (SyncState rows) that it reads them from."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import SYNC_STATE_KEYS, OutboxEntry, SyncConflict, SyncHeldRow, SyncState


def pending_edits(session: Session) -> int:
    """How many outbox entries wait to be pushed.

    Entries leave the outbox only once pushed, and pushes go in `mid` order (SYNC.md), so the waiting
    entries are one unbroken run of mids: its ends give the count from the primary key in microseconds,
    where COUNT(*) reads every entry (a demo profile holds over a million), after every edit and first
    thing at start-up.
    """
    # Two subqueries: SQLite reads min() or max() off the key only when each stands alone.
    low = select(func.min(OutboxEntry.mid)).scalar_subquery()
    high = select(func.max(OutboxEntry.mid)).scalar_subquery()
    low, high = session.execute(select(low, high)).one()
    return 0 if low is None else high - low + 1


@dataclass(frozen=True)
class SyncSummary:
    """Everything the status bar shows about sync, read in one go."""

    signed_in: bool
    server_url: str
    user: str
    display_name: str
    pending: int
    open_conflicts: int
    last_sync_at: datetime | None
    last_error: str  # a SyncError code, '' after a good sync
    held_rows: int = 0  # rows from the server kept aside, not stored (sync_held_row)


def get_state(session: Session, key: str, default: str = "") -> str:
    row = session.get(SyncState, key)
    return row.value if row is not None else default


def set_state(session: Session, **values: str) -> None:
    """Store sync state values (written with the transaction they belong to)."""
    for key, value in values.items():
        if key not in SYNC_STATE_KEYS:
            raise KeyError(f"unknown sync state key {key!r}")
        row = session.get(SyncState, key)
        if row is None:
            session.add(SyncState(key=key, value=str(value)))
        else:
            row.value = str(value)


def all_state(session: Session) -> dict[str, str]:
    stored = {row.key: row.value for row in session.scalars(select(SyncState))}
    return {key: stored.get(key, "") for key in SYNC_STATE_KEYS}


def is_signed_in(state: dict[str, str]) -> bool:
    """Signed in means a server, a user and a device are stored (signing out clears them)."""
    return bool(state.get("server_url") and state.get("user") and state.get("device_id"))


def sync_summary(session: Session) -> SyncSummary:
    state = all_state(session)
    open_count = session.scalar(
        select(func.count()).select_from(SyncConflict).where(SyncConflict.resolved_at.is_(None)))
    last = state["last_sync_at"]
    return SyncSummary(
        signed_in=bool(state["server_url"] and state["device_id"]), server_url=state["server_url"],
        user=state["user"], display_name=state["display_name"], pending=pending_edits(session),
        open_conflicts=open_count or 0, last_sync_at=datetime.fromisoformat(last) if last else None,
        last_error=state["last_error"],
        held_rows=session.scalar(select(func.count()).select_from(SyncHeldRow)) or 0,
    )
