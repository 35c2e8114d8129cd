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

import json
from datetime import datetime, timezone

from sqlalchemy.orm import Session

from ..db.ids import uuid7
from ..db.outbox import utcnow
from ..models import OutboxEntry, SyncConflict, synced_tables
from . import protocol
from .apply import apply_rows, check_row, stored_values
from .held import hold_rows

# Fields that differ after any two edits (who/when) or are derived: never a conflict to review.
NOT_REVIEWED = frozenset({"updated_at", "updated_by", "created_by", "created_at"})
NOT_COMPARED = NOT_REVIEWED | {"id", "version", "sort_key"}


def apply_results(session: Session, batch: list[OutboxEntry], results: list[dict], stamp: str = "") -> dict[str, int]:
    """Apply the answers to a pushed batch; returns how many entries got each status.

    Most answers are a plain `applied`: those take a few statements for the whole batch (a first push
    of tens of thousands of entries), the rest are handled one by one."""
    by_mid = {e.mid: e for e in batch}
    answered = [(by_mid[r["mid"]], r, _status_of(r)) for r in results if r.get("mid") in by_mid]
    conn = session.connection()
    counts: dict[str, int] = {}
    later = _later_fields(conn, [e for e, _r, status in answered if status in ("merged", "conflict")])
    others: dict[tuple, set[str]] = {}
    for entry, result, status in answered:
        counts[status] = counts.get(status, 0) + 1
        if status == "rejected":
            _record_rejection(session, entry, result)
        elif status in ("merged", "conflict"):
            others.setdefault(_key(entry), set()).update(_take_row(session, entry, result, later))
    _forget_answered(conn, [e.mid for e, _r, _s in answered])
    if stamp:
        _mirror_stamps(conn, [e for e, _r, status in answered if status == "applied"], stamp)
    versions = {_key(e): int(r.get("version") or 0) for e, r, s in answered if s != "rejected"}
    _set_versions(conn, versions)
    _rebase_later(conn, versions, others)
    return counts


def _key(entry: OutboxEntry) -> tuple[str, str]:
    return entry.table_name, entry.row_id


def _status_of(result: dict) -> str:
    """A conflict only over who/when fields is a merge as far as people are concerned."""
    status = result.get("status", "rejected")
    if status == "conflict" and not _reviewed(result.get("conflicts") or []):
        return "merged"
    return status


def _reviewed(conflicts: list[dict]) -> list[dict]:
    return [c for c in conflicts if c.get("field") not in NOT_REVIEWED]


def _outbox_rows(conn, row_ids: list[str]) -> list[tuple]:
    """(mid, table, row id, base version, fields) of the outbox entries of these rows."""
    if not row_ids:
        return []
    result = conn.exec_driver_sql(
        "SELECT mid, table_name, row_id, base_version, fields FROM outbox "
        "WHERE row_id IN (SELECT value FROM json_each(?)) ORDER BY mid", (json.dumps(sorted(set(row_ids))),))
    return [(mid, t, r, base, json.loads(f) if isinstance(f, str) else (f or {})) for mid, t, r, base, f in result]


def _later_fields(conn, entries: list[OutboxEntry]) -> dict[int, set[str]]:
    """mid -> fields of the same row's LATER outbox entries (pushed in this batch or not): what the
    server's row must not overwrite locally, since those edits are newer than the answer."""
    rows = _outbox_rows(conn, [e.row_id for e in entries])
    later = {}
    for entry in entries:
        later[entry.mid] = {f for mid, t, r, _b, fields in rows
                            if (t, r) == _key(entry) and mid > entry.mid for f in fields}
    return later


def _take_row(session: Session, entry: OutboxEntry, result: dict, later: dict[int, set[str]]) -> set[str]:
    """A merged or conflicting edit: record its conflicts and take the server's row; returns the fields
    other devices changed since the edit's base version."""
    conn = session.connection()
    for conflict in _reviewed(result.get("conflicts") or []):
        _record_conflict(session, entry, result, conflict)
    row = result.get("row")
    if not row or entry.table_name not in synced_tables():
        return set()
    why = check_row(row) if isinstance(row, dict) and row.get("table") == entry.table_name else "not this row"
    if why:  # the server's row cannot be stored here: held aside like a pulled one
        hold_rows(conn, [(row, why)])
        return set()
    changed = _others_changed(conn, entry, row)
    apply_rows(conn, [row], pending={entry.row_id: later.get(entry.mid, set())})
    return changed


def _forget_answered(conn, mids: list[int]) -> None:
    if mids:
        conn.exec_driver_sql("DELETE FROM outbox WHERE mid IN (SELECT value FROM json_each(?))", (json.dumps(mids),))


def _mirror_stamps(conn, applied: list[OutboxEntry], stamp: str) -> None:
    """The server writes who made an edit itself (the signed-in user's display name), never what the
    device sent: an applied edit's row says the same here, also for edits made before signing in."""
    by_statement: dict[tuple[str, str], list[tuple]] = {}
    for entry in applied:
        if entry.table_name not in synced_tables():
            continue
        for field in protocol.SERVER_STAMPED & set(entry.fields or {}):
            by_statement.setdefault((entry.table_name, field), []).append((stamp, entry.row_id))
    for (table, field), params in by_statement.items():
        conn.exec_driver_sql(f'UPDATE "{table}" SET "{field}" = ? WHERE id = ?', params)


def _set_versions(conn, versions: dict[tuple, int]) -> None:
    by_table: dict[str, list[tuple]] = {}
    for (table, row_id), version in versions.items():
        if table in synced_tables() and version:
            by_table.setdefault(table, []).append((version, row_id))
    for table, params in by_table.items():
        conn.exec_driver_sql(f'UPDATE "{table}" SET version = ? WHERE id = ?', params)


def _local_values(conn, table: str, row_id: str) -> dict | None:
    result = conn.exec_driver_sql(f'SELECT * FROM "{table}" WHERE id = ?', (row_id,))
    found = result.first()
    return dict(zip(result.keys(), found)) if found is not None else None


def _others_changed(conn, entry: OutboxEntry, row: dict) -> set[str]:
    """Fields the server's row holds differently from ours, that this entry did not set: what other
    devices changed since our edit's base version."""
    local = _local_values(conn, entry.table_name, entry.row_id) or {}
    theirs, carried = stored_values(entry.table_name, row)
    mine = set(entry.fields or {})
    return {f for f in carried - NOT_COMPARED - mine if theirs.get(f) != local.get(f)}


def _rebase_later(conn, versions: dict[tuple, int], others: dict[tuple, set[str]]) -> None:
    """Entries of these rows still waiting were made on top of the ones just answered: send them on
    the version those produced, unless that would hide another device's change to one of their fields
    (then they keep their base and the server reports the overlap)."""
    moves = []
    for mid, table, row_id, base, fields in _outbox_rows(conn, [r for (_t, r) in versions]):
        version = versions.get((table, row_id), 0)
        if version > (base or 0) and not set(fields) & others.get((table, row_id), set()):
            moves.append((version, mid))
    if moves:
        conn.exec_driver_sql("UPDATE outbox SET base_version = ? WHERE mid = ?", moves)


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
    if str(result.get("reason") or "").startswith("erased:"):
        fields = {}  # an edit of an erased person: refused, and nothing of it is kept
    session.add(SyncConflict(
        id=uuid7(), table_name=entry.table_name, row_id=entry.row_id, field="",
        mine={"op": entry.op, "fields": fields}, theirs=str(result.get("reason") or "rejected"),
        server_version=int(result.get("version") or 0), theirs_by="", theirs_at=None,
        device_time=entry.device_time or utcnow(), created_at=utcnow(), resolution="",
    ))
