"""Rows from the server this device could not store, kept aside so that sync moves on (issue 7).

A held row is the server's whole row as it came, with why it could not be stored. It is tried again at
every sync (an update of the app may know its new field by then) and leaves the list once it applies or
once a newer version of the same row has been stored.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.engine import Connection

from ..db.outbox import utcnow

_HOLD_SQL = (
    "INSERT INTO sync_held_row (table_name, row_id, version, row, reason, first_seen, last_tried) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (table_name, row_id) DO UPDATE SET "
    "version = excluded.version, row = excluded.row, reason = excluded.reason, last_tried = excluded.last_tried "
    "WHERE excluded.version >= sync_held_row.version")


@dataclass
class HeldRow:
    table: str
    row_id: str
    version: int
    reason: str
    first_seen: datetime
    row: dict


def _key(row) -> tuple[str, str, int]:
    """(table, id, version) of a row as well as a damaged row tells them."""
    if not isinstance(row, dict):
        return "", "", 0
    version = row.get("version")
    return (str(row.get("table") or "")[:64], str(row.get("id") or "")[:64],
            version if type(version) is int else 0)


def _stored(when: datetime) -> str:
    return when.strftime("%Y-%m-%d %H:%M:%S.%f")  # SQLAlchemy's SQLite DateTime storage form


def hold_rows(conn: Connection, held: list[tuple]) -> None:
    """Keep (row, reason) aside; a row already held keeps its first sighting and takes the newer version."""
    now = _stored(utcnow())
    params = []
    for row, reason in held:
        table, row_id, version = _key(row)
        text = json.dumps(row, ensure_ascii=False, default=str)
        params.append((table, row_id, version, text, reason, now, now))
    conn.exec_driver_sql(_HOLD_SQL, params)


def _any_held(conn: Connection) -> bool:
    return conn.exec_driver_sql("SELECT 1 FROM sync_held_row LIMIT 1").first() is not None


def release_held(conn: Connection, applied: list[dict]) -> None:
    """Rows just stored supersede the held versions of the same rows (as old or older)."""
    if not applied or not _any_held(conn):
        return
    conn.exec_driver_sql(
        "DELETE FROM sync_held_row WHERE table_name = ? AND row_id = ? AND version <= ?",
        [_key(row) for row in applied])


def held_count(conn: Connection) -> int:
    return conn.exec_driver_sql("SELECT count(*) FROM sync_held_row").scalar_one()


def held_rows(conn: Connection, limit: int | None = None) -> list[HeldRow]:
    sql = ("SELECT table_name, row_id, version, reason, first_seen, row FROM sync_held_row "
           "ORDER BY first_seen, table_name, row_id")
    result = conn.exec_driver_sql(sql + (f" LIMIT {int(limit)}" if limit else ""))
    return [HeldRow(t, i, v, reason, _when(seen), json.loads(row)) for t, i, v, reason, seen, row in result]


def _when(value) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def retry_held(conn: Connection) -> int:
    """Try the held rows again; returns how many applied (and left the list). A held row older than
    what the device now holds of that row is dropped: a newer version got through."""
    from .apply import apply_rows  # (apply uses this module for holding)

    if not _any_held(conn):
        return 0
    rows = [h.row for h in held_rows(conn)]
    _forget_superseded(conn, rows)
    rows = [h.row for h in held_rows(conn)]
    before = held_count(conn)
    apply_rows(conn, rows)
    return before - held_count(conn)


def _forget_superseded(conn: Connection, rows: list) -> None:
    from ..models import synced_tables

    known = synced_tables()
    for row in rows:
        table, row_id, version = _key(row)
        if table not in known:
            continue
        local = conn.exec_driver_sql(f'SELECT version FROM "{table}" WHERE id = ?', (row_id,)).scalar()
        if local is not None and local > version:
            conn.exec_driver_sql("DELETE FROM sync_held_row WHERE table_name = ? AND row_id = ?", (table, row_id))
