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
from sqlalchemy.exc import OperationalError
from sqlcipher3 import dbapi2 as sqlcipher

from ..db.outbox import utcnow
from ..db.search_index import index_contacts, optimize_search, sort_key
from ..models import records, synced_tables
from ..models.types import DecimalText
from ..services.erase import known_people, scrub_person, scrub_records
from . import protocol
from .held import hold_rows, release_held

NAMED_TABLES = ("contact", "organization")  # tables with a derived sort_key from the name
CONTACT_INDEX_COLUMNS = ("id", "name", "sort_key", "company", "phones", "email", "deleted_at")


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


def apply_rows(conn: Connection, rows: list, pending: dict[str, set[str]] | None = None) -> int:
    """Apply a page of pulled rows (any tables, version order) grouped by table; returns how many
    applied. A row this device cannot store is held aside (sync_held_row) with the reason, never
    stopping the rest: rows are checked against the declaration a page at a time, and only a table's
    batch that still fails to apply is applied again row by row to find the culprit."""
    by_table, held = sort_rows(rows)
    erased = [(r["table"], r["id"]) for rs in by_table.values() for r in rs if r.get("erased")]
    people = known_people(conn, [i for t, i in erased if t == protocol.ERASABLE_TABLE]) if erased else []
    applied = []
    for table, table_rows in by_table.items():
        failed = _apply_isolated(conn, table, table_rows, pending)
        held += failed
        failed_ids = {id(row) for row, _why in failed}
        applied += [row for row in table_rows if id(row) not in failed_ids]
    if held:
        hold_rows(conn, held)
    release_held(conn, applied)
    if erased:
        scrub_erased(conn, erased, people)
    return len(applied)


def sort_rows(rows: list) -> tuple[dict[str, list[dict]], list[tuple]]:
    """The rows fit to apply, by table, and (row, reason) of those that are not."""
    by_table: dict[str, list[dict]] = {}
    held = []
    for row in rows:
        why = _shape_problem(row)
        if why:
            held.append((row, why))
        else:
            by_table.setdefault(row["table"], []).append(row)
    for table, table_rows in list(by_table.items()):
        bad = records.bad_rows(table, [r["data"] for r in table_rows])
        if bad:
            held += [(table_rows[i], why) for i, why in bad.items()]
            by_table[table] = [r for i, r in enumerate(table_rows) if i not in bad]
    return by_table, held


def check_row(row) -> str | None:
    """Why one row of the server cannot be stored here, or None."""
    _by_table, held = sort_rows([row])
    return held[0][1] if held else None


def _shape_problem(row) -> str | None:
    if type(row) is not dict:
        return "the row is not an object"
    table, row_id, version = row.get("table"), row.get("id"), row.get("version", 0)
    if table not in records.RECORDS:
        return f"{str(table)[:64]!r} is not a kind of record this version knows"
    if not records.is_row_id(row_id):
        return "the row's id is not an id"
    if type(version) is not int or version < 0:
        return "the row's version is not a whole number"
    if row.get("data") is None:
        row["data"] = {}
    if type(row["data"]) is not dict:
        return "the row's data is not an object"
    return None


# Errors of the database itself (locked, disk full, I/O): the whole sync stops and is tried again; they
# are no row's fault, so no row is held for them.
_NOT_A_ROWS_FAULT = (OperationalError, sqlcipher.OperationalError)


def _apply_isolated(conn: Connection, table: str, rows: list[dict], pending) -> list[tuple]:
    """Apply the rows in a savepoint; if that fails, each row in its own; returns (row, reason) of those
    that failed."""
    try:
        with conn.begin_nested():
            upsert_rows(conn, table, rows, pending)
        return []
    except _NOT_A_ROWS_FAULT:
        raise
    except Exception as failure:  # a row this version cannot store: held, not a stopped sync
        if len(rows) == 1:
            return [(rows[0], f"could not be stored: {type(failure).__name__}: {str(failure)[:300]}")]
    failed = []
    for row in rows:
        failed += _apply_isolated(conn, table, [row], pending)
    return failed


def scrub_erased(conn: Connection, erased: list[tuple[str, str]], people: list[str]) -> None:
    """Rows the server erased (PIPL): what this laptop still holds of them goes too, pending edits
    included (services/erase.py); `people` are the erased contacts it held before this page.
    Rows without the `erased` flag (an older server) are left alone."""
    for contact_id in people:
        scrub_person(conn, contact_id, optimize=False)
    scrub_records(conn, [key for key in erased if key[0] != protocol.ERASABLE_TABLE])
    if people:
        optimize_search(conn)
