"""Writing the server's rows into the local database, fast and without touching pending edits.

A first sync brings tens of thousands of rows, so rows go in with one INSERT ... ON CONFLICT(id) DO
UPDATE per table and page (executemany on the driver), with values already in SQLite's storage form,
never as ORM objects. Fields the device still has in its outbox stay as they are locally (SYNC.md:
pending fields stay on top); they reach the server with the next push.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from decimal import Decimal
from functools import lru_cache

from sqlalchemy import text
from sqlalchemy.engine import Connection

from ..db.outbox import utcnow
from ..db.search_index import index_contacts, sort_key
from ..models import synced_tables
from ..models.types import DecimalText
from . import protocol

NAMED_TABLES = ("contact", "organization")  # tables with a derived sort_key from the name
CONTACT_INDEX_COLUMNS = ("id", "name", "sort_key", "company", "phones", "deleted_at")


def _datetime(value):
    if value is None:
        return None
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is not None:  # local columns hold naive UTC
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")  # SQLAlchemy's SQLite DateTime storage form


def _bool(value):
    return None if value is None else int(bool(value))


def _json(value):
    return json.dumps(value if value is not None else [])


def _same(value):
    return value


def _decimal(quantum):
    def store(value):
        return None if value in (None, "") else str(Decimal(value).quantize(quantum))
    return store


@lru_cache(maxsize=None)
def _columns(table: str) -> dict:
    """column -> (to storage form, default) for every column of a synced table."""
    model = synced_tables()[table]
    kinds = protocol.table_fields()[table]
    out = {}
    for column in model.__table__.columns:
        kind = kinds.get(column.key, ("str", None, True))[0]
        convert = {"datetime": _datetime, "bool": _bool, "json": _json}.get(kind, _same)
        if isinstance(column.type, DecimalText):
            convert = _decimal(column.type.quantum)
        default = column.default.arg if column.default is not None else None
        out[column.key] = (convert, default)
    return out


def _default(default):
    value = default(None) if callable(default) else default
    return value if not isinstance(value, list) else list(value)


def stored_values(table: str, row: dict) -> tuple[dict, set[str]]:
    """A pulled row as column -> storage value, and the columns its data actually carried."""
    data = row.get("data") or {}
    columns = _columns(table)
    values, carried = {}, {"version"}
    for name, (convert, default) in columns.items():
        if name in data:
            values[name] = convert(data[name])
            carried.add(name)
        elif name not in ("id", "version"):
            values[name] = convert(_default(default)) if default is not None else None
    for stamp in ("created_at", "updated_at"):  # never missing from a server's row; cheap to be sure
        if values.get(stamp) is None:
            values[stamp] = _datetime(utcnow().isoformat())
    values["id"], values["version"] = row["id"], int(row.get("version") or 0)
    if row.get("deleted"):
        values["deleted_at"] = values.get("deleted_at") or _datetime(utcnow().isoformat())
        carried.add("deleted_at")
    elif "deleted" in row:
        values["deleted_at"] = None
        carried.add("deleted_at")
    if table in NAMED_TABLES:
        values["sort_key"] = sort_key(values.get("name") or "")
        carried.add("sort_key")
    return values, carried


def pending_fields(conn: Connection, table: str, row_ids: list[str]) -> dict[str, set[str]]:
    """row id -> fields still waiting in the outbox, for the given rows of one table."""
    pending: dict[str, set[str]] = {}
    for chunk in _chunks(row_ids, 500):
        result = conn.execute(
            text("SELECT row_id, fields FROM outbox WHERE table_name = :t "
                 "AND row_id IN (SELECT value FROM json_each(:ids))"),
            {"t": table, "ids": json.dumps(chunk)},
        )
        for row_id, fields in result:
            pending.setdefault(row_id, set()).update(json.loads(fields) if isinstance(fields, str) else fields)
    return pending


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def upsert_rows(conn: Connection, table: str, rows: list[dict]) -> int:
    """Insert or update pulled rows of one table; pending local fields are left as they are."""
    if not rows:
        return 0
    pending = pending_fields(conn, table, [r["id"] for r in rows])
    groups: dict[tuple, list[tuple]] = {}
    names = list(_columns(table))
    for row in rows:
        values, carried = stored_values(table, row)
        keep = pending.get(row["id"], set())
        if table in NAMED_TABLES and "name" in keep:
            keep = keep | {"sort_key"}
        update = tuple(n for n in names if n in carried and n not in keep and n != "id")
        groups.setdefault(update, []).append(tuple(values[n] for n in names))
    for update, params in groups.items():
        conn.exec_driver_sql(_upsert_sql(table, tuple(names), update), params)
    if table == "contact":
        reindex_contacts(conn, [r["id"] for r in rows])
    return len(rows)


@lru_cache(maxsize=64)
def _upsert_sql(table: str, names: tuple, update: tuple) -> str:
    cols = ", ".join(f'"{n}"' for n in names)
    marks = ", ".join("?" for _ in names)
    sets = ", ".join(f'"{n}" = excluded."{n}"' for n in update) or '"id" = "id"'
    return f'INSERT INTO "{table}" ({cols}) VALUES ({marks}) ON CONFLICT("id") DO UPDATE SET {sets}'


def reindex_contacts(conn: Connection, ids: list[str]) -> None:
    """The contacts' search keys from what the rows now hold (pulled values and pending ones alike)."""
    cols = ", ".join(CONTACT_INDEX_COLUMNS)
    for chunk in _chunks(ids, 500):
        result = conn.execute(
            text(f"SELECT {cols} FROM contact WHERE id IN (SELECT value FROM json_each(:ids))"),
            {"ids": json.dumps(chunk)},
        )
        rows = [dict(zip(CONTACT_INDEX_COLUMNS, r)) for r in result]
        for row in rows:
            row["phones"] = json.loads(row["phones"]) if row["phones"] else []
        index_contacts(conn, rows)


def apply_rows(conn: Connection, rows: list[dict]) -> int:
    """Apply a page of pulled rows (any tables, version order) grouped by table."""
    by_table: dict[str, list[dict]] = {}
    for row in rows:
        if row.get("table") in synced_tables():
            by_table.setdefault(row["table"], []).append(row)
    return sum(upsert_rows(conn, table, table_rows) for table, table_rows in by_table.items())
