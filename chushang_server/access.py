"""Who may write which row (SYNC.md, Authorization), and the station scope a row is read under."""
from __future__ import annotations

import orjson
from chushang_desk.models import records
from chushang_desk.sync import protocol

from .auth import Actor
from .models import Record
from .records import RecordCache


class Rejected(Exception):
    """An entry refused for validation or permission; the text is its reason (short code first)."""


def authorize(cache: RecordCache, actor: Actor, table: str, record: Record | None, fields: dict) -> str:
    """Raise Rejected unless the actor may write this change; return the row's station scope."""
    if table in protocol.HQ_TABLES:
        if actor.role != "hq":
            raise Rejected(f"forbidden: only headquarters edits {table}")
        return ""
    if table in protocol.SHARED_TABLES:
        return ""
    if table in protocol.STATION_TABLES:
        return _station_scope(actor, table, record, fields)
    if table in protocol.CHILD_TABLES:  # (scope "parent" in models.records)
        return _child_scope(cache, actor, table, record, fields)
    raise Rejected(f"unknown_table: {table!r} has no authorization class")


def _current(record: Record | None, field: str):
    return orjson.loads(record.data).get(field) if record is not None else None


def _station_scope(actor: Actor, table: str, record: Record | None, fields: dict) -> str:
    old = record.station if record is not None else None
    new = fields.get("station", old if old is not None else "")
    if actor.role != "hq":
        for station in {old, new} - {None}:
            if station != actor.station:
                raise Rejected(f"forbidden: {table} of station {station!r} is not yours")
    return new or ""


def _child_scope(cache: RecordCache, actor: Actor, table: str, record: Record | None, fields: dict) -> str:
    """A child row is written under its parent's station (its old parent's and its new one's)."""
    parent_table, parent_field = records.parent_of(table)
    parents = {_current(record, parent_field), fields.get(parent_field)} - {None}
    if not parents:
        raise Rejected(f"parent_missing: {table}.{parent_field} is required")
    scope = ""
    for parent_id in parents:
        parent = cache.get(parent_table, parent_id) if isinstance(parent_id, str) else None
        if parent is None:
            raise Rejected(f"parent_missing: {parent_table} {parent_id!r} does not exist")
        if actor.role != "hq" and parent.station != actor.station:
            raise Rejected(f"forbidden: {parent_table} {parent_id!r} belongs to another station")
        scope = parent.station
    new_parent = fields.get(parent_field)
    if new_parent is not None:
        scope = cache.get(parent_table, new_parent).station
    return scope


def readable_stations(actor: Actor) -> tuple[str, ...] | None:
    """Stations whose rows the actor pulls (None: all, for headquarters)."""
    return None if actor.role == "hq" else ("", actor.station)

