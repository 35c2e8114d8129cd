"""Erasing a person (PIPL Art. 47): headquarters' `erase` entry blanks every personal field of the
contact and of the rows that belong to him, for good, and scrubs the push answers that carried them.

- The contact and his affiliations are tombstoned and marked `erased_at`; referrals naming him keep
  their ids but lose their notes. Each changed row takes a new version, so every replica pulls it.
- Stored push answers (`push_result`) that carried one of those rows (merged and conflict answers hold
  the whole row, conflicts both values) are rewritten with the erased row and blanked values.
- Any later entry on an erased row is refused (`protocol.ERASED_REASON`); what it pushed is stored
  nowhere, the stored answer holds the reason alone.
- Old bytes: SQLite servers run with `secure_delete` on (db.py), and after an erase the WAL is
  checkpointed and truncated. PostgreSQL keeps dead tuples until VACUUM: a plain VACUUM of `record` and
  `push_result` runs after the erase's commit. It makes the space reusable but may leave bytes in free
  space, in the WAL archive and in backups until they are overwritten or expire (docs for IT: run
  `VACUUM FULL record, push_result` in a quiet hour and let WAL/backups rotate).
"""
from __future__ import annotations

import logging
import threading

import orjson
from sqlalchemy import or_, select, text
from sqlalchemy.engine import Engine

from chushang_desk.sync import protocol

from .access import Rejected
from .auth import Actor
from .db import is_sqlite, utcnow
from .models import PushResult, Record
from .records import RecordCache, RowState, bump_counter, load_data, store_data, wire, wire_row

log = logging.getLogger(__name__)


def refuse_erased(cache: RecordCache, table: str, record: Record | None, op: str, fields: dict) -> None:
    """An erased row takes no more edits (an offline laptop's old edit of the person included), and no
    row of his kind (an affiliation, a referral) may name an erased person again."""
    if record is not None and record.erased_at is not None and op != "erase":
        raise Rejected(protocol.ERASED_REASON)
    columns = protocol.ERASE_CHILDREN.get(table, ((), False))[0]
    for column in columns:
        person_id = fields.get(column)
        person = cache.get(protocol.ERASABLE_TABLE, person_id) if _plausible_id(person_id) else None
        if person is not None and person.erased_at is not None:
            raise Rejected(protocol.ERASED_REASON)


def people_named(table, fields) -> set[tuple[str, str]]:
    """(contact, id) of the people a pushed affiliation or referral names, to preload with the push."""
    if not isinstance(table, str) or table not in protocol.ERASE_CHILDREN or not isinstance(fields, dict):
        return set()
    ids = (fields.get(column) for column in protocol.ERASE_CHILDREN[table][0])
    return {(protocol.ERASABLE_TABLE, i) for i in ids if _plausible_id(i)}


def _plausible_id(value) -> bool:
    """Only what could be a row id reaches a query (the entry's own check rejects the rest later)."""
    return isinstance(value, str) and 0 < len(value) <= 36 and "\x00" not in value


def erase(cache: RecordCache, actor: Actor, table: str, record: Record | None, version: int, mid: int) -> dict:
    """Apply one `erase` entry; raises Rejected for anyone but headquarters or anything but a person."""
    if actor.role != "hq":
        raise Rejected("forbidden: only headquarters may erase a person")
    if table != protocol.ERASABLE_TABLE:
        raise Rejected(f"bad_op: only a {protocol.ERASABLE_TABLE} (a person) can be erased")
    if record is None:
        raise Rejected("not_found: no such person to erase")
    if record.erased_at is None:
        _erase_person(cache, actor, record, version)
    return {"mid": mid, "status": "applied", "version": record.version, "conflicts": [], "row": None,
            "reason": None}


def _erase_person(cache: RecordCache, actor: Actor, person: Record, version: int) -> None:
    session = cache.session
    _blank(person, actor, version, whole=True)
    children = _rows_of(session, person.id)
    if children:
        head = bump_counter(session, len(children))
        for child_version, (child, whole) in enumerate(children, start=head - len(children) + 1):
            _blank(child, actor, child_version, whole)
            child.last_device = ""  # the erasing device pulls them too (it blanked them already)
    session.flush()
    _scrub_push_results(session, [person] + [child for child, _whole in children])
    cache.erased = True


def _blank(record: Record, actor: Actor, version: int, whole: bool) -> None:
    """Personal fields to their erased values; a whole erase also tombstones and marks the row."""
    state = RowState.of(record)
    table, now = record.table_name, utcnow()
    for field in protocol.PERSONAL_FIELDS.get(table, ()):
        state.set(field, protocol.erased_value(table, field), version, actor.device_id)
    if whole:
        if state.data.get(protocol.TOMBSTONE_FIELD) is None:
            state.set(protocol.TOMBSTONE_FIELD, wire(now), version, actor.device_id)
        record.deleted, record.erased_at = True, now
    state.set("updated_at", wire(now), version, actor.device_id)
    state.set("updated_by", actor.display_name, version, actor.device_id)
    store_data(record, state)
    record.version, record.last_device = version, actor.device_id


def _like_any(column, values: list[str]):
    """column mentions any of these values as a JSON string (a prefilter: callers parse to be sure)."""
    return or_(*(column.like(f'%"{_escaped(v)}"%', escape="\\") for v in values))


def _escaped(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _rows_of(session, person_id: str) -> list[tuple[Record, bool]]:
    """The person's affiliations (erased whole) and referrals naming him (blanked), in a fixed order."""
    found = session.scalars(
        select(Record).where(Record.table_name.in_(list(protocol.ERASE_CHILDREN)),
                             Record.erased_at.is_(None), _like_any(Record.data, [person_id]))
        .order_by(Record.table_name, Record.id)
    ).all()
    out = []
    for record in found:
        columns, whole = protocol.ERASE_CHILDREN[record.table_name]
        data = load_data(record)
        if any(data.get(column) == person_id for column in columns):
            out.append((record, whole))
    return out


def _scrub_push_results(session, records: list[Record]) -> None:
    """Stored answers that carried one of these rows now carry the erased row and blanked values."""
    by_key = {(r.table_name, r.id): r for r in records}
    stored = session.scalars(select(PushResult).where(_like_any(PushResult.result, [r.id for r in records])))
    for answer in stored:
        result = orjson.loads(answer.result)
        row = result.get("row") or {}
        record = by_key.get((row.get("table"), row.get("id")))
        if record is None:
            continue
        table = record.table_name
        result["row"] = dict(wire_row(record), data=load_data(record))
        result["conflicts"] = [_scrubbed_conflict(table, c) for c in result.get("conflicts") or []]
        answer.result = orjson.dumps(result).decode()


def _scrubbed_conflict(table: str, conflict: dict) -> dict:
    field = conflict.get("field")
    if field == protocol.DELETED_CONFLICT_FIELD and isinstance(conflict.get("mine"), dict):
        return dict(conflict, mine=protocol.erased_fields(table, conflict["mine"]))  # an edit met a delete
    if field in protocol.PERSONAL_FIELDS.get(table, ()):
        blank = protocol.erased_value(table, field)
        return dict(conflict, mine=blank, theirs=blank)
    return conflict


def reclaim(engine: Engine) -> None:
    """After an erase's commit: keep the old bytes out of the files where the database lets us. On
    PostgreSQL the VACUUM (seconds on a big server) runs beside the request, not in its answer's way."""
    if is_sqlite(engine):
        _housekeeping(_checkpoint, engine)
    else:
        threading.Thread(target=_housekeeping, args=(_vacuum, engine), name="vacuum-after-erase", daemon=True).start()


def _housekeeping(step, engine: Engine) -> None:
    try:
        step(engine)
    except Exception:  # noqa: BLE001 (the erase itself is committed; this is housekeeping)
        log.warning("could not reclaim the space of an erased person; run VACUUM in a quiet hour", exc_info=True)


def _vacuum(engine: Engine) -> None:
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM record, push_result"))


def _checkpoint(engine: Engine) -> None:
    """Old page images leave the WAL (outside any transaction: the driver connection is in autocommit)."""
    raw = engine.raw_connection()
    try:
        raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        raw.close()
