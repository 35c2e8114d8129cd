"""Push: apply a device's outbox entries exactly once, field by field, with per-row authorization.

One transaction per push: the counter is bumped first (its row lock orders pushes), each entry gets
the next version, and the device's last mid and each entry's stored result commit with the changes,
so a push repeated after a lost reply gets the same answers and changes nothing twice.
"""
from __future__ import annotations

import orjson
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from chushang_desk.models import records
from chushang_desk.sync import protocol

from . import erase
from .access import Rejected, authorize
from .auth import Actor
from .db import utcnow, write_session
from .errors import ApiError
from .models import Device, PushResult, Record
from .records import RecordCache, RowState, bump_counter, defaults, load_data, new_record, read_head, store_data, wire, wire_row

# Stamped on every edit by the client; never a conflict (two edits of different fields both carry it).
NO_CONFLICT_FIELDS = protocol.NEVER_CONFLICT
# Applied with any change of the row, never on their own: the edit time and the server's owner stamps.
ALWAYS_APPLIED = NO_CONFLICT_FIELDS | protocol.SERVER_STAMPED


def push(engine: Engine, actor: Actor, entries: list[dict], from_mid: int | None = None) -> dict:
    """Apply a push (entries in strictly increasing mid order, checked by the app). `from_mid`: the
    device's lowest pending mid, below which it will never send anything new (see _refuse_gaps)."""
    with write_session(engine) as session:
        n = len(entries)
        head = bump_counter(session, n) if n else read_head(session)
        device = session.get(Device, actor.device_id)  # read under the counter's lock: the latest
        _refuse_gaps(entries, _last_mid(device.last_mid, from_mid))
        cache = RecordCache(session)
        cache.preload(_touched_keys(entries, device.last_mid))
        results = [
            _push_one(cache, actor, device, entry, version)
            for version, entry in enumerate(entries, start=head - n + 1)
        ]
        answer = {"results": results, "head": read_head(session)}  # (moved visits' children took more)
    if cache.erased:
        erase.reclaim(engine)
    return answer


def _last_mid(last_mid: int | None, from_mid: int | None) -> int | None:
    """The mid the next new entry must follow. A device that sends `from_mid` says every mid below it
    is either answered already or gone from its outbox for good (discarded), so those are skipped."""
    if from_mid is None:
        return last_mid
    return from_mid - 1 if last_mid is None else max(last_mid, from_mid - 1)


def _refuse_gaps(entries: list[dict], last: int | None) -> None:
    """SYNC.md: an entry applies only as the device's last applied mid + 1 (a device with none yet
    starts anywhere). A push that skips one (an entry still on its way in another request, a client
    bug) is refused whole with 409 mid_gap and the mid expected: nothing applied, nothing advanced,
    so the skipped entry can still come and the push be repeated after it."""
    for entry in entries:
        mid = entry["mid"]
        if last is not None and mid <= last:
            continue  # a repeat: answered from the stored results
        if last is not None and mid != last + 1:
            raise ApiError(409, "mid_gap", f"expected mid {last + 1}, got {mid}", extra={"expected": last + 1})
        last = mid


def _touched_keys(entries: list[dict], last_mid: int | None) -> set[tuple[str, str]]:
    """(table, id) of every row the new entries name, and of the parents their children hang on; only
    names that can be rows (a bad one is rejected later, by _validated)."""
    keys = set()
    for entry in entries:
        if last_mid is not None and entry["mid"] <= last_mid:
            continue
        table, row_id, fields = entry.get("table"), entry.get("id"), entry.get("fields")
        if not isinstance(table, str) or table not in protocol.table_fields():
            continue
        if valid_id(row_id):
            keys.add((table, row_id))
        parent = records.parent_of(table)
        parent_id = fields.get(parent[1]) if parent and isinstance(fields, dict) else None
        if valid_id(parent_id):
            keys.add((parent[0], parent_id))
        keys |= erase.people_named(table, fields)  # (refuse_erased looks them up)
    return keys


def _push_one(cache: RecordCache, actor: Actor, device: Device, entry: dict, version: int) -> dict:
    session, mid = cache.session, entry["mid"]
    if device.last_mid is not None and mid <= device.last_mid:
        return _stored_result(session, device.id, mid)
    result = _apply(cache, actor, entry, version)
    session.add(PushResult(device_id=device.id, mid=mid, result=orjson.dumps(result).decode()))
    device.last_mid = mid
    return result


def _stored_result(session: Session, device_id: str, mid: int) -> dict:
    stored = session.scalar(select(PushResult.result).where(PushResult.device_id == device_id, PushResult.mid == mid))
    if stored is None:  # a mid the device skipped (discarded edits): nothing was ever applied for it
        return _rejected(mid, "stale_mid: below the device's last applied mid")
    return orjson.loads(stored)


def _rejected(mid: int, reason: str) -> dict:
    return {"mid": mid, "status": "rejected", "conflicts": [], "row": None, "reason": reason}


def _apply(cache: RecordCache, actor: Actor, entry: dict, version: int) -> dict:
    mid = entry["mid"]
    try:
        table, row_id, op, fields, base = _validated(entry)
        record = cache.get(table, row_id)
        erase.refuse_erased(cache, table, record, op, fields)
        if op == "erase":
            return erase.erase(cache, actor, table, record, version, mid)
        if record is None and op == "delete":
            raise Rejected("not_found: no such row to delete")
        scope = authorize(cache, actor, table, record, fields)
    except Rejected as rejected:
        return _rejected(mid, str(rejected))
    fields = _stamped(fields, actor, create=record is None)
    if record is None:
        return _create(cache, actor, table, row_id, fields, version, scope, mid)
    op = _tombstone_op(op, fields)
    if op in ("delete", "restore"):
        result = _set_tombstone(record, actor, fields, version, mid, base, deleted=op == "delete")
    else:
        result = _upsert(record, actor, fields, base, version, mid)
    _rescope(cache, record)
    return result


def _tombstone_op(op: str, fields: dict) -> str:
    """An upsert that sets or clears the tombstone is a delete or a restore, so `deleted` stays true to it."""
    if op != "upsert" or protocol.TOMBSTONE_FIELD not in fields:
        return op
    return "delete" if fields[protocol.TOMBSTONE_FIELD] is not None else "restore"


def _parent_of(table: str, data: dict) -> str | None:
    parent = records.parent_of(table)
    return data.get(parent[1]) if parent else None


def _rescope(cache: RecordCache, record: Record) -> None:
    """The station scope (and parent) from what the row holds now: a conflicting edit may have left
    its station or its parent as they were."""
    data = load_data(record)
    record.parent_id = _parent_of(record.table_name, data)
    scope = records.record(record.table_name).scope
    if scope == "station":
        station = data.get("station") or ""
    elif scope == "parent":
        parent = cache.get(records.parent_of(record.table_name)[0], record.parent_id) if record.parent_id else None
        if parent is None:
            return
        station = parent.station
    else:
        return
    if station != record.station:
        record.station = station
        if records.children_of(record.table_name):
            _rescope_children(cache.session, record, station)


def _rescope_children(session: Session, parent: Record, station: str) -> None:
    """A row moved to another station takes its children along, with new versions so that the new
    station's devices pull them (still under the counter's lock, so still in commit order)."""
    child_tables = [t for t, _fk in records.children_of(parent.table_name)]
    children = session.scalars(
        select(Record).where(Record.parent_id == parent.id, Record.table_name.in_(child_tables))
        .order_by(Record.table_name, Record.id)
    ).all()
    if not children:
        return
    head = bump_counter(session, len(children))
    for version, child in enumerate(children, start=head - len(children) + 1):
        child.station, child.version, child.last_device = station, version, ""
    for child in children:  # (grandchildren, when a child record type has children of its own)
        if records.children_of(child.table_name):
            _rescope_children(session, child, station)


# --- validation ----------------------------------------------------------------------------------------

MAX_ID = 36  # the record table's id and parent_id columns
MAX_VERSION = 2 ** 62  # versions are BIGINT: a bigger base could only be a forgery


def valid_id(value) -> bool:
    """A row id any database can hold and look up: text of 1 to 36 characters, none of them control
    characters (PostgreSQL text cannot hold NUL)."""
    return isinstance(value, str) and 0 < len(value) <= MAX_ID and value.isprintable()


def _shown(value) -> str:
    """A bad value named in a reason: short, whatever was sent."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _validated(entry: dict) -> tuple[str, str, str, dict, int]:
    table, row_id, op = entry.get("table"), entry.get("id"), entry.get("op")
    allowed = protocol.table_fields().get(table) if isinstance(table, str) else None
    if allowed is None:
        raise Rejected(f"unknown_table: {_shown(table)} does not sync")
    if not valid_id(row_id):
        raise Rejected("bad_id: the row id must be text of 1 to 36 characters, no control characters")
    if not isinstance(op, str) or op not in protocol.OPS:
        raise Rejected(f"bad_op: {_shown(op)} is not one of {', '.join(protocol.OPS)}")
    base = entry.get("base_version", 0)
    if not isinstance(base, int) or isinstance(base, bool) or not 0 <= base <= MAX_VERSION:
        raise Rejected("bad_base_version: must be a whole number >= 0")
    fields = entry.get("fields") or {}
    if not isinstance(fields, dict):
        raise Rejected("bad_fields: fields must be an object")
    parent_field = protocol.CHILD_TABLES.get(table)
    if parent_field in fields and not valid_id(fields[parent_field]):
        raise Rejected(f"bad_value: {table}.{parent_field} must be a row id")
    return table, row_id, op, _checked_fields(table, allowed, fields), base


def _checked_fields(table: str, allowed: dict, fields: dict) -> dict:
    """Every pushed field against its declaration (models.records): what the server stores, every
    replica can store, index, show and export."""
    checked = {}
    for field, value in fields.items():
        if field in protocol.SERVER_STAMPED:
            raise Rejected(f"forged_owner: {field} is stamped by the server")
        if field not in allowed:
            raise Rejected(f"unknown_field: {table}.{field} does not sync")
        try:
            checked[field] = records.check_field(table, field, value)
        except records.BadValue as bad:
            raise Rejected(f"bad_value: {table}.{field} {bad}") from None
    return checked


def _stamped(fields: dict, actor: Actor, create: bool) -> dict:
    stamped = dict(fields, updated_by=actor.display_name)
    if create:
        stamped["created_by"] = actor.display_name
    return stamped


# --- the four ways an entry applies --------------------------------------------------------------------

def _result(mid: int, status: str, record: Record, conflicts=(), with_row: bool = False) -> dict:
    result = {"mid": mid, "status": status, "version": record.version, "conflicts": list(conflicts),
              "row": None, "reason": None}
    if with_row:
        result["row"] = _row_value(record)
    if conflicts:
        data = load_data(record)
        result.update(by=data.get("updated_by"), at=data.get("updated_at"))
    return result  # (an upsert's conflict names who changed the row before this push instead)


def _row_value(record: Record) -> dict:
    row = wire_row(record)
    return dict(row, data=load_data(record))  # stored results are JSON again, so no raw fragment here


def _create(cache: RecordCache, actor, table, row_id, fields, version, scope, mid) -> dict:
    data = defaults(table)
    data.update(fields)
    missing = records.missing_required(table, data)
    if missing:
        return _rejected(mid, f"bad_value: {table}.{missing[0]} is required")
    record = new_record(table, row_id, data, version, scope, actor.device_id)
    record.parent_id = _parent_of(table, data)  # (authorize found the visit; scope is its station)
    cache.add(record)  # a child pushed later in this batch finds its visit here
    return _result(mid, "applied", record)


def _touch(record: Record, actor: Actor, version: int, state: RowState) -> None:
    store_data(record, state)
    record.version = version
    record.last_device = actor.device_id


def _set_tombstone(record: Record, actor: Actor, fields: dict, version: int, mid: int, base: int,
                   deleted: bool) -> dict:
    """A delete (or restore) always applies: a delete wins over concurrent edits. Made on an old base,
    it answers merged with the row, so the device learns the edits it had not seen (pull leaves out
    rows a device changed last)."""
    state = RowState.of(record)
    changed = any(_changed_elsewhere(state, f, base, actor) for f in state.versions)
    if not deleted:
        fields[protocol.TOMBSTONE_FIELD] = None
    elif fields.get(protocol.TOMBSTONE_FIELD) is None:
        fields[protocol.TOMBSTONE_FIELD] = state.data.get(protocol.TOMBSTONE_FIELD) or wire(utcnow())
    for field, value in fields.items():
        state.set(field, value, version, actor.device_id)
    record.deleted = deleted
    _touch(record, actor, version, state)
    return _result(mid, "merged" if changed else "applied", record, with_row=changed)


def _upsert(record: Record, actor: Actor, fields: dict, base: int, version: int, mid: int) -> dict:
    state = RowState.of(record)
    if record.deleted:  # an edit against a deleted row: the delete wins, the edit waits for review
        conflict = {"field": protocol.DELETED_CONFLICT_FIELD, "mine": _pushed(fields),
                    "theirs": state.data.get(protocol.TOMBSTONE_FIELD)}
        return _result(mid, "conflict", record, [conflict], with_row=True)
    changed_since_base = any(_changed_elsewhere(state, field, base, actor) for field in state.versions)
    by, at = state.data.get("updated_by"), state.data.get("updated_at")  # who the review list names
    conflicts, applied = [], False
    for field, value in _substantive(fields).items():
        if state.data.get(field) == value:
            continue  # no change: the field keeps its last writer
        if _changed_elsewhere(state, field, base, actor):
            conflicts.append({"field": field, "mine": value, "theirs": state.data.get(field)})
            continue
        state.set(field, value, version, actor.device_id)
        applied = True
    if applied or not _substantive(fields):  # (an edit that changed nothing leaves the row as it is)
        for field in fields.keys() & ALWAYS_APPLIED:
            state.set(field, fields[field], version, actor.device_id)
        _touch(record, actor, version, state)
    if conflicts:
        return dict(_result(mid, "conflict", record, conflicts, with_row=True), by=by, at=at)
    if changed_since_base:
        return _result(mid, "merged", record, with_row=True)
    return _result(mid, "applied", record)


def _changed_elsewhere(state: RowState, field: str, base: int, actor: Actor) -> bool:
    """Did another device change this field after the version the edit was made on?"""
    return state.versions.get(field, 0) > base and state.devices.get(field) != actor.device_id


def _substantive(fields: dict) -> dict:
    return {k: v for k, v in fields.items() if k not in ALWAYS_APPLIED}


def _pushed(fields: dict) -> dict:
    return {k: v for k, v in fields.items() if k not in protocol.SERVER_STAMPED}
