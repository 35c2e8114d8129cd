"""Writing the server's rows into the local database, fast and without touching pending edits.

A first sync brings tens of thousands of rows, so rows go in with one INSERT ... ON CONFLICT(id) DO
UPDATE per table and page (executemany on the driver), with values already in SQLite's storage form,
never as ORM objects. Fields the device still has in its outbox stay as they are locally (SYNC.md:
pending fields stay on top); they reach the server with the next push.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from operator import itemgetter
from decimal import Decimal
from functools import lru_cache

from sqlalchemy import text
from sqlalchemy.engine import Connection

from ..db.outbox import utcnow
from ..db.search_index import index_contacts, sort_key
from ..models import synced_tables
from ..models.types import DecimalText
from ..services.erase import known_people, optimize_search, scrub_person, scrub_records
from . import protocol

NAMED_TABLES = ("contact", "organization")  # tables with a derived sort_key from the name
CONTACT_INDEX_COLUMNS = ("id", "name", "sort_key", "company", "phones", "deleted_at")


def _datetime(value):
    if value is None:
        return None
    if len(value) == 26 and value[10] == "T":  # our own wire form: naive, microseconds (the fast path)
        return f"{value[:10]} {value[11:]}"
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
    """column -> (to storage form or None when the wire form is stored as it is, storage default)."""
    model = synced_tables()[table]
    kinds = protocol.table_fields()[table]
    out = {}
    for column in model.__table__.columns:
        kind = kinds.get(column.key, ("str", None, True))[0]
        convert = {"datetime": _datetime, "bool": _bool, "json": _json}.get(kind)
        if isinstance(column.type, DecimalText):
            convert = _decimal(column.type.quantum)
        default = _default(column.default.arg) if column.default is not None else None
        out[column.key] = (convert, convert(default) if convert and default is not None else default)
    return out


@lru_cache(maxsize=None)
def _plan(table: str) -> tuple[tuple, frozenset]:
    """The columns a pulled row's data fills (id and version come from the row itself)."""
    plan = tuple((name, convert, fallback) for name, (convert, fallback) in _columns(table).items()
                 if name not in ("id", "version"))
    return plan, frozenset(name for name, _c, _f in plan)


def _default(default):
    return default(None) if callable(default) else default


def stored_values(table: str, row: dict) -> tuple[dict, set[str]]:
    """A pulled row as column -> storage value, and the columns its data actually carried."""
    data = row.get("data") or {}
    plan, names = _plan(table)
    values = {
        name: (data[name] if convert is None else convert(data[name])) if name in data else fallback
        for name, convert, fallback in plan
    }
    carried = set(names.intersection(data))
    carried.add("version")
    if values.get("created_at") is None or values.get("updated_at") is None:
        now = _datetime(utcnow().isoformat())  # never missing from a server's row; cheap to be sure
        values["created_at"] = values.get("created_at") or now
        values["updated_at"] = values.get("updated_at") or now
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


def upsert_rows(conn: Connection, table: str, rows: list[dict], pending: dict[str, set[str]] | None = None) -> int:
    """Insert or update pulled rows of one table; pending local fields (by default: the fields of the
    rows' outbox entries) are left as they are."""
    if not rows:
        return 0
    if pending is None:
        pending = pending_fields(conn, table, [r["id"] for r in rows])
    groups: dict[tuple, list[tuple]] = {}
    names = list(_columns(table))
    in_order = itemgetter(*names)
    every, every_update = _every_column(table)
    for row in rows:
        values, carried = stored_values(table, row)
        keep = pending.get(row["id"])
        if not keep and every <= carried:  # the usual case: a whole row, nothing pending
            update = every_update
        else:
            keep = keep or set()
            if table in NAMED_TABLES and "name" in keep:
                keep = keep | {"sort_key"}
            update = tuple(n for n in names if n in carried and n not in keep and n != "id")
        groups.setdefault(update, []).append(in_order(values))
    for update, params in groups.items():
        conn.exec_driver_sql(_upsert_sql(table, tuple(names), update), params)
    if table == "contact":
        reindex_contacts(conn, [r["id"] for r in rows])
    return len(rows)


@lru_cache(maxsize=None)
def _every_column(table: str) -> tuple[frozenset, tuple]:
    """The columns a whole pulled row sets, as a set and in table order (the usual update)."""
    update = tuple(n for n in _columns(table) if n != "id")
    return frozenset(update), update


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
    known = synced_tables()
    for row in rows:
        if row.get("table") in known:
            by_table.setdefault(row["table"], []).append(row)
    erased = [(r["table"], r["id"]) for r in rows if r.get("erased") and r.get("table") in known]
    people = known_people(conn, [i for t, i in erased if t == protocol.ERASABLE_TABLE]) if erased else []
    applied = sum(upsert_rows(conn, table, table_rows) for table, table_rows in by_table.items())
    if erased:
        scrub_erased(conn, erased, people)
    return applied


def scrub_erased(conn: Connection, erased: list[tuple[str, str]], people: list[str]) -> None:
    """Rows the server erased (PIPL): what this laptop still holds of them goes too, pending edits
    included (services/erase.py); `people` are the erased contacts it held before this page.
    Rows without the `erased` flag (an older server) are left alone."""
    for contact_id in people:
        scrub_person(conn, contact_id, optimize=False)
    scrub_records(conn, [key for key in erased if key[0] != protocol.ERASABLE_TABLE])
    if people:
        optimize_search(conn)
