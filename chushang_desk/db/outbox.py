"""The outbox invariant: every change of a synced row writes its outbox entry in the same transaction.

Hooked into every Session made by `db.session.SessionFactory`, so no service can forget it:
- before_flush: stamps ids and audit columns, derives sort keys, and queues one OutboxEntry per changed
  row (changed fields only; `delete`/`restore` when the tombstone flips).
- do_orm_execute: refuses bulk INSERT/UPDATE/DELETE on synced tables unless the caller wrote the
  outbox itself (`bulk.py`), so a bulk update cannot slip past.
- after_flush: keeps the contact search index current.
- before_cursor_execute: refuses SQL run on a session's connection that writes a synced table outside
  a flush (`session.connection().execute(...)`, text, driver SQL), and notes the table every
  data-changing statement writes: the session's change set (`changed_tables`), which a write returns
  and the screens redraw from.
Applying pulled changes sets `session.info["applying_remote"]` and writes no outbox entries.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone

from sqlalchemy import event, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from ..models import Contact, Organization, OutboxEntry
from ..models.base import Synced, synced_tables
from ..models.types import to_wire  # noqa: F401  (bulk.py and the tests take it from here)
from .ids import uuid7
from .search_index import index_contacts, sort_key

BULK_OUTBOX_WRITTEN = "outbox_written"


class TombstoneRequired(RuntimeError):
    """Synced rows are never hard-deleted: set `deleted_at` (a tombstone) instead."""


class OutboxBypassed(RuntimeError):
    """A bulk statement on a synced table that did not write its outbox entries."""


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def synced_fields(obj) -> list[str]:
    return [a.key for a in inspect(obj).mapper.column_attrs if a.key not in type(obj).__sync_bookkeeping__]


def _apply_defaults(obj) -> None:
    for attr in inspect(obj).mapper.column_attrs:
        column = attr.columns[0]
        if getattr(obj, attr.key) is None and column.default is not None:
            arg = column.default.arg
            setattr(obj, attr.key, arg(None) if callable(arg) else arg)


def _derive(obj) -> None:
    if isinstance(obj, (Contact, Organization)):
        obj.sort_key = sort_key(obj.name or "")


def _changed_fields(obj) -> dict:
    state = inspect(obj)
    changed = {}
    for key in synced_fields(obj):
        hist = state.attrs[key].history
        if hist.has_changes():
            changed[key] = getattr(obj, key)
    return changed


def _entry(obj, op: str, fields: dict, now: datetime) -> OutboxEntry:
    return OutboxEntry(
        table_name=obj.__tablename__,
        row_id=obj.id,
        op=op,
        fields={k: to_wire(v) for k, v in fields.items()},
        base_version=obj.version or 0,
        device_time=now,
    )


def _before_flush(session: Session, _ctx, _instances) -> None:
    if session.info.get("applying_remote"):
        return
    now, actor = utcnow(), session.info.get("actor", "")
    entries = []
    for obj in [o for o in session.deleted if isinstance(o, Synced)]:
        raise TombstoneRequired(f"{obj.__tablename__} rows are deleted with a tombstone, not DELETE")
    for obj in [o for o in session.new if isinstance(o, Synced)]:
        obj.id = obj.id or uuid7()
        _apply_defaults(obj)
        obj.version = obj.version or 0
        obj.created_at, obj.updated_at = now, now
        obj.created_by, obj.updated_by = actor, actor
        _derive(obj)
        entries.append(_entry(obj, "upsert", {k: getattr(obj, k) for k in synced_fields(obj)}, now))
    for obj in [o for o in session.dirty if isinstance(o, Synced)]:
        changed = _changed_fields(obj)
        if not changed:
            continue
        obj.updated_at, obj.updated_by = now, actor
        changed.update(updated_at=now, updated_by=actor)
        _derive(obj)
        entries.append(_entry(obj, _op_for(obj, changed), changed, now))
    session.add_all(entries)


def _op_for(obj, changed: dict) -> str:
    if "deleted_at" not in changed:
        return "upsert"
    return "delete" if obj.deleted_at is not None else "restore"


def _after_flush(session: Session, _ctx) -> None:
    touched = [o for o in list(session.new) + list(session.dirty) if isinstance(o, Contact)]
    if touched:
        index_contacts(
            session.connection(),
            [dict(id=c.id, name=c.name, sort_key=c.sort_key, company=c.company, phones=c.phones, email=c.email,
                  deleted_at=c.deleted_at) for c in touched],
        )


def _guard_bulk(orm_state) -> None:
    if not (orm_state.is_insert or orm_state.is_update or orm_state.is_delete):
        return
    if orm_state.session.info.get("applying_remote") or orm_state.execution_options.get(BULK_OUTBOX_WRITTEN):
        return
    tables = {m.class_.__tablename__ for m in orm_state.all_mappers}
    table = getattr(orm_state.statement, "table", None)
    if table is not None:
        tables.add(table.name)
    for name in tables & set(synced_tables()):
        raise OutboxBypassed(f"bulk statement on {name} without outbox entries; use db.bulk")


def refuse_legacy_bulk(session: Session, mapper) -> None:
    """Session.bulk_save_objects / bulk_*_mappings write rows without a flush or an ORM execute
    event, so neither hook above sees them: refused for synced models (use db.bulk)."""
    cls = inspect(mapper).class_
    if getattr(cls, "__synced__", False) and not session.info.get("applying_remote"):
        raise OutboxBypassed(f"legacy bulk method on {cls.__tablename__} without outbox entries; use db.bulk")


# The table a data-changing SQL statement writes (what SQLAlchemy compiles, or text typed by hand).
_DML_TARGET = re.compile(
    r"^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)"
    r"\s+(?:main\.)?[\"`\[]?(\w+)",
    re.IGNORECASE,
)
_SESSION_OPTION = "desk_session"
_CHANGED = "changed_tables"


def changed_tables(session: Session) -> frozenset[str]:
    """Every table a statement of this session wrote (flushes, bulk statements, SQL on its connection)."""
    return frozenset(session.info.get(_CHANGED, ()))


def _tag_connection(session: Session, _transaction, connection) -> None:
    """Mark the session's Connection (not the pooled DBAPI one) so _guard_statement knows its session."""
    connection.execution_options(**{_SESSION_OPTION: session})


def _guard_statement(_conn, _cursor, statement: str, _params, context, _many) -> None:
    """Last line: SQL on a session's connection (`session.connection().execute`, text, driver SQL) that
    writes a synced table outside a flush is refused, like the bulk statements above."""
    options = context.execution_options if context is not None else {}
    session = options.get(_SESSION_OPTION)
    if session is None:
        return
    target = _DML_TARGET.match(statement)
    if target:
        session.info.setdefault(_CHANGED, set()).add(target.group(1).lower())
    if session._flushing or options.get(BULK_OUTBOX_WRITTEN):
        return
    if target and target.group(1).lower() in synced_tables() and not session.info.get("applying_remote"):
        raise OutboxBypassed(f"SQL writing {target.group(1)} without outbox entries; use the ORM or db.bulk")


def install(session_class: type[Session]) -> None:
    event.listen(session_class, "before_flush", _before_flush)
    event.listen(session_class, "after_flush", _after_flush)
    event.listen(session_class, "do_orm_execute", _guard_bulk)
    event.listen(session_class, "after_begin", _tag_connection)
    event.listen(Engine, "before_cursor_execute", _guard_statement)
