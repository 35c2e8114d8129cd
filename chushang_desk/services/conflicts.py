"""The "needs review" list: edits of ours the server did not take as they were (SYNC.md).

A conflict keeps the officer's value (`mine`) and the server's (`theirs`). "Keep mine" writes the
officer's value again as a NEW edit through the ORM, so it goes to the outbox and is pushed on the
current server version; "keep theirs" closes the conflict (the row already holds the server's value).
A conflict on `deleted_at` is an edit that met a record deleted elsewhere: keeping mine restores the
record with the officer's fields. Field '' marks an edit the server refused (permission, validation).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, DateTime, func, inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from ..db.outbox import utcnow
from ..models import SyncConflict, SyncHeldRow, synced_tables
from ..models.types import DecimalText
from .messages import NotFound

DELETED_FIELD = "deleted_at"
REFUSED_FIELD = ""
# Never set from a conflict: identity, bookkeeping, and who/when (stamped on every edit anyway).
NOT_SETTABLE = frozenset({"id", "version", "sort_key", "created_at", "updated_at", "created_by", "updated_by"})


@dataclass(frozen=True)
class ConflictItem:
    id: str
    table_name: str
    row_id: str
    record_label: str
    field: str
    mine: object
    theirs: object
    theirs_by: str
    theirs_at: datetime | None
    device_time: datetime
    created_at: datetime


_LABELS = {
    "contact": lambda r: r.name,
    "organization": lambda r: r.name,
    "visit": lambda r: f"{r.visit_date} {r.place}".strip(),
    "referral": lambda r: r.project_name or str(r.referred_on or ""),
    "follow_up": lambda r: r.task,
    "affiliation": lambda r: r.role,
    "reference_item": lambda r: r.name_zh,
    "annual_target": lambda r: f"{r.year} {r.metric}",
}


def record_label(session: Session, table: str, row_id: str) -> str:
    """How people recognise the record: a name, a visit's date and place, a project."""
    model = synced_tables().get(table)
    row = session.get(model, row_id) if model is not None else None
    if row is None:
        return row_id
    label = _LABELS.get(table)
    return (label(row) if label else "") or row_id


def _item(session: Session, c: SyncConflict) -> ConflictItem:
    return ConflictItem(
        id=c.id, table_name=c.table_name, row_id=c.row_id, record_label=record_label(session, c.table_name, c.row_id),
        field=c.field, mine=c.mine, theirs=c.theirs, theirs_by=c.theirs_by or "", theirs_at=c.theirs_at,
        device_time=c.device_time, created_at=c.created_at,
    )


def open_conflicts(session: Session) -> list[ConflictItem]:
    rows = session.scalars(
        select(SyncConflict).where(SyncConflict.resolved_at.is_(None)).order_by(SyncConflict.created_at, SyncConflict.id)
    ).all()
    return [_item(session, c) for c in rows]


@dataclass(frozen=True)
class HeldItem:
    """A row from the server this laptop could not store (sync_held_row), as "needs review" lists it."""

    table_name: str
    row_id: str
    version: int
    reason: str
    first_seen: datetime
    last_tried: datetime


def held_items(session: Session, limit: int = 1000) -> list[HeldItem]:
    rows = session.scalars(
        select(SyncHeldRow).order_by(SyncHeldRow.first_seen, SyncHeldRow.table_name, SyncHeldRow.row_id).limit(limit)
    ).all()
    return [HeldItem(r.table_name, r.row_id, r.version, r.reason, r.first_seen, r.last_tried) for r in rows]


def count_held(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(SyncHeldRow)) or 0


def count_open(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(SyncConflict).where(SyncConflict.resolved_at.is_(None)))


def _open_conflict(session: Session, conflict_id: str) -> SyncConflict:
    conflict = session.get(SyncConflict, conflict_id)
    if conflict is None or conflict.resolved_at is not None:
        raise NotFound("sync_conflict", conflict_id)
    return conflict


def _close(conflict: SyncConflict, resolution: str) -> None:
    conflict.resolved_at, conflict.resolution = utcnow(), resolution


def keep_theirs(session: Session, conflict_id: str) -> None:
    _close(_open_conflict(session, conflict_id), "keep_theirs")


def keep_mine(session: Session, conflict_id: str) -> None:
    """Send the officer's value again as a new edit (an outbox entry on the row's current version)."""
    conflict = _open_conflict(session, conflict_id)
    model = synced_tables().get(conflict.table_name)
    row = session.get(model, conflict.row_id) if model is not None else None
    if row is None:
        raise NotFound(conflict.table_name, conflict.row_id)
    if conflict.field == DELETED_FIELD and isinstance(conflict.mine, dict):
        row.deleted_at = None
        _set_fields(row, conflict.mine)
    elif conflict.field == REFUSED_FIELD and isinstance(conflict.mine, dict):
        _set_fields(row, conflict.mine.get("fields") or {})
    else:
        _set_fields(row, {conflict.field: conflict.mine})
    session.flush()
    _close(conflict, "keep_mine")


def _set_fields(row, wire_fields: dict) -> None:
    """Set fields from their wire form, marked changed even when the row already holds the value, so
    the edit is written to the outbox and reaches the server."""
    columns = inspect(type(row)).columns
    for name, value in wire_fields.items():
        if name in NOT_SETTABLE or name not in columns:
            continue
        setattr(row, name, from_wire(columns[name].type, value))
        flag_modified(row, name)


def from_wire(kind, value):
    """A wire value (JSON) as the column's Python value."""
    if value is None:
        return None
    if isinstance(kind, DecimalText):
        return Decimal(value) if value != "" else None
    if isinstance(kind, DateTime):
        return datetime.fromisoformat(value).replace(tzinfo=None)
    if isinstance(kind, Date):
        return date.fromisoformat(value[:10])
    return value
