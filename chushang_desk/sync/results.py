"""Applying the server's answers to one pushed batch (one local transaction, applying_remote).

- Every answered entry leaves the outbox.
- The row takes the version the server gave it; merged and conflicting edits also take the server's
  row (fields still pending in later outbox entries of that row stay as they are).
- Each conflicting field becomes a SyncConflict ("needs review"); a refused entry too (field ''), so no
  edit disappears without the officer seeing it (SYNC.md: no lost edit).
- Later entries of the same row are rebased on the new version when that is exact: when the server
  had no other change, or the others' changes touch none of the later entries' fields.
"""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from ..db.ids import uuid7
from ..db.outbox import utcnow
from ..models import OutboxEntry, SyncConflict, synced_tables
from . import protocol
from .apply import stored_values, upsert_rows

# Fields that differ after any two edits (who/when) or are derived: never a conflict to review.
NOT_REVIEWED = frozenset({"updated_at", "updated_by", "created_by", "created_at"})
NOT_COMPARED = NOT_REVIEWED | {"id", "version", "sort_key"}


def apply_results(session: Session, batch: list[OutboxEntry], results: list[dict]) -> dict[str, int]:
    """Apply the answers to a pushed batch; returns how many entries got each status."""
    by_mid = {e.mid: e for e in batch}
    counts: dict[str, int] = {}
    for result in results:
        entry = by_mid.get(result.get("mid"))
        if entry is None:
            continue
        status = _status_of(result)
        counts[status] = counts.get(status, 0) + 1
        _apply_one(session, entry, result, status)
    return counts


def _status_of(result: dict) -> str:
    """A conflict only over who/when fields is a merge as far as people are concerned."""
    status = result.get("status", "rejected")
    if status == "conflict" and not _reviewed(result.get("conflicts") or []):
        return "merged"
    return status


def _reviewed(conflicts: list[dict]) -> list[dict]:
    return [c for c in conflicts if c.get("field") not in NOT_REVIEWED]


def _apply_one(session: Session, entry: OutboxEntry, result: dict, status: str) -> None:
    conn = session.connection()
    session.execute(delete(OutboxEntry).where(OutboxEntry.mid == entry.mid))
    if status == "rejected":
        _record_rejection(session, entry, result)
        return
    version = int(result.get("version") or 0)
    row = result.get("row")
    others_changed = _others_changed(conn, entry, row) if row else set()
    if row and entry.table_name in synced_tables():
        upsert_rows(conn, entry.table_name, [row])
    _set_version(conn, entry, version)
    for conflict in _reviewed(result.get("conflicts") or []):
        _record_conflict(session, entry, result, conflict)
    _rebase_later(session, entry, version, others_changed)


def _set_version(conn, entry: OutboxEntry, version: int) -> None:
    if entry.table_name in synced_tables() and version:
        conn.exec_driver_sql(f'UPDATE "{entry.table_name}" SET version = ? WHERE id = ?', (version, entry.row_id))


def _local_values(conn, table: str, row_id: str) -> dict | None:
    result = conn.exec_driver_sql(f'SELECT * FROM "{table}" WHERE id = ?', (row_id,))
    found = result.first()
    return dict(zip(result.keys(), found)) if found is not None else None


def _others_changed(conn, entry: OutboxEntry, row: dict) -> set[str]:
    """Fields the server's row holds differently from ours, that this entry did not set: what other
    devices changed since our edit's base version."""
    if entry.table_name not in synced_tables():
        return set()
    local = _local_values(conn, entry.table_name, entry.row_id) or {}
    theirs, carried = stored_values(entry.table_name, row)
    mine = set(entry.fields or {})
    return {f for f in carried - NOT_COMPARED - mine if theirs.get(f) != local.get(f)}


def _rebase_later(session: Session, entry: OutboxEntry, version: int, others_changed: set[str]) -> None:
    """Later entries of this row were made on top of this one: send them on the version it produced,
    unless that would hide another device's change to one of their fields (then they keep their base
    and the server reports the overlap)."""
    if not version:
        return
    later = session.scalars(
        select(OutboxEntry).where(OutboxEntry.table_name == entry.table_name,
                                  OutboxEntry.row_id == entry.row_id, OutboxEntry.mid > entry.mid)
    ).all()
    for other in later:
        if not (set(other.fields or {}) & others_changed) and (other.base_version or 0) < version:
            session.execute(update(OutboxEntry).where(OutboxEntry.mid == other.mid).values(base_version=version))


def _when(value) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    return moment.astimezone(timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment


def _record_conflict(session: Session, entry: OutboxEntry, result: dict, conflict: dict) -> None:
    session.add(SyncConflict(
        id=uuid7(), table_name=entry.table_name, row_id=entry.row_id, field=conflict.get("field", ""),
        mine=conflict.get("mine"), theirs=conflict.get("theirs"), server_version=int(result.get("version") or 0),
        theirs_by=str(result.get("by") or "")[:64], theirs_at=_when(result.get("at")),
        device_time=entry.device_time or utcnow(), created_at=utcnow(), resolution="",
    ))


def _record_rejection(session: Session, entry: OutboxEntry, result: dict) -> None:
    """A refused edit stays visible: field '' marks a refusal, `mine` holds what was sent."""
    fields = {k: v for k, v in (entry.fields or {}).items() if k not in protocol.SERVER_STAMPED}
    session.add(SyncConflict(
        id=uuid7(), table_name=entry.table_name, row_id=entry.row_id, field="",
        mine={"op": entry.op, "fields": fields}, theirs=str(result.get("reason") or "rejected"),
        server_version=int(result.get("version") or 0), theirs_by="", theirs_at=None,
        device_time=entry.device_time or utcnow(), created_at=utcnow(), resolution="",
    ))
