"""Erasing a person (PIPL Art. 47): unlike delete (a tombstone that can be restored), erase blanks every
personal field of a contact for good, here and, through one `erase` outbox entry, on the server and
in every replica at its next sync. Headquarters only.

What a scrub of a person leaves on this laptop (the erasing one, and every other one when the erased
row is pulled: sync/apply.py calls `scrub_person`):
- the contact, his affiliations (tombstoned) and the referrals naming him (notes) hold erased values
  (models/erasure.py);
- outbox entries of those rows keep their mids (the server applies mids in an unbroken run) but carry
  erased values: an unsynced create still reaches the server, blank, and is erased there;
- their conflict records ("needs review") are gone, and so is the contact's search text (the index is
  optimized so no old segment keeps his tokens);
- `secure_delete` is on for the connection, so what SQLite frees is zeroed; after the commit the WAL is
  checkpointed and truncated (`checkpoint`), so no old page image stays in chushang.db-wal.
Backups made before a migration (backups/) are not touched here: they are encrypted with the profile
and replaced by the next migration's.
"""
from __future__ import annotations

import json

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from ..db.outbox import utcnow
from ..db.search_index import index_contacts, optimize_search, sort_key
from ..models import Contact, OutboxEntry
from ..models.erasure import ERASABLE_TABLE, ERASE_CHILDREN, ERASED_NAME, PERSONAL_FIELDS, erased_fields, erased_value
from .messages import Message, NotFound
from .sync_status import get_state

HEADQUARTERS = "hq"


class EraseRefused(PermissionError):
    """Only a headquarters account may erase a person."""

    def __init__(self):
        super().__init__("only headquarters may erase a person")
        self.message = Message("erase_forbidden")


def may_erase(session: Session) -> bool:
    """Is this profile signed in as headquarters (the role the server gave at sign-in)?"""
    return get_state(session, "role") == HEADQUARTERS


def is_erased(session: Session, contact_id: str) -> bool:
    contact = session.get(Contact, contact_id)
    return contact is not None and contact.deleted_at is not None and contact.name == ERASED_NAME


def erase_contact(session: Session, contact_id: str) -> None:
    """Erase the person here and queue the `erase` for the server (run `checkpoint` after the commit)."""
    if not may_erase(session):
        raise EraseRefused()
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise NotFound("contact", contact_id)
    session.flush()  # the session's own pending edits go first (and are scrubbed with the rest)
    session.info["applying_remote"] = True  # the scrub writes no outbox entries: the erase says it all
    try:
        scrub_person(session.connection(), contact_id)
    finally:
        session.info.pop("applying_remote", None)
    session.expire_all()
    session.add(OutboxEntry(table_name=ERASABLE_TABLE, row_id=contact_id, op="erase", fields={},
                            base_version=contact.version or 0, device_time=utcnow()))


def erase_person(profile, contact_id: str) -> frozenset[str]:
    """erase_contact in one write transaction, then the WAL truncated; returns the tables it changed."""
    _none, changed = profile.write_changes(erase_contact, contact_id)
    checkpoint(profile.sessions.engine)
    return changed


def checkpoint(engine: Engine) -> None:
    """Copy the WAL into the database and truncate it, so it holds no page image from before an erase.
    A reader still on the WAL makes it a partial checkpoint (the next one finishes it)."""
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


# --- the scrub (a Connection: the service above and the apply of pulled rows share it) ---------------

def secure_delete(conn: Connection) -> None:
    conn.exec_driver_sql("PRAGMA secure_delete=ON")


def scrub_person(conn: Connection, contact_id: str, optimize: bool = True) -> None:
    """Blank the person and the rows that belong to him, and what the outbox and conflicts hold of them.
    (optimize=False: the caller scrubs several and optimizes the search index once.)"""
    secure_delete(conn)
    keys = [(ERASABLE_TABLE, contact_id, True)] + _children(conn, contact_id)
    for table, row_id, whole in keys:
        _blank_row(conn, table, row_id, whole)
    scrub_records(conn, [(table, row_id) for table, row_id, _whole in keys])
    _reindex(conn, contact_id)
    if optimize:
        optimize_search(conn)


def known_people(conn: Connection, contact_ids: list[str]) -> list[str]:
    """Those of these contacts this laptop holds and has not erased yet: the ones a pulled erase must
    scrub (a contact first seen erased left nothing here to scrub)."""
    if not contact_ids:
        return []
    return list(conn.execute(
        text("SELECT id FROM contact WHERE id IN (SELECT value FROM json_each(:ids)) "
             "AND NOT (name = :erased AND deleted_at IS NOT NULL) ORDER BY id"),
        {"ids": json.dumps(contact_ids), "erased": ERASED_NAME},
    ).scalars())


def scrub_records(conn: Connection, keys: list[tuple[str, str]]) -> None:
    """Outbox entries of these rows carry erased values; their conflict records go."""
    secure_delete(conn)
    for table, row_id in keys:
        entries = conn.execute(text("SELECT mid, fields FROM outbox WHERE table_name = :t AND row_id = :r"),
                               {"t": table, "r": row_id}).all()
        for mid, fields in entries:
            fields = json.loads(fields) if isinstance(fields, str) else (fields or {})
            conn.execute(text("UPDATE outbox SET fields = :f WHERE mid = :m"),
                         {"f": json.dumps(erased_fields(table, fields)), "m": mid})
        conn.execute(text("DELETE FROM sync_conflict WHERE table_name = :t AND row_id = :r"), {"t": table, "r": row_id})


def _children(conn: Connection, contact_id: str) -> list[tuple[str, str, bool]]:
    found = []
    for table, (columns, whole) in ERASE_CHILDREN.items():
        where = " OR ".join(f'"{c}" = :id' for c in columns)
        ids = conn.execute(text(f'SELECT id FROM "{table}" WHERE {where} ORDER BY id'), {"id": contact_id}).scalars()
        found += [(table, row_id, whole) for row_id in ids]
    return found


def _stored(value):
    """A wire value in SQLite's storage form (lists as JSON text, booleans as 0/1)."""
    if isinstance(value, (list, dict)):
        return json.dumps(value)
    if isinstance(value, bool):
        return int(value)
    return value


def _blank_row(conn: Connection, table: str, row_id: str, whole: bool) -> None:
    values = {field: _stored(erased_value(table, field)) for field in sorted(PERSONAL_FIELDS[table])}
    if table == ERASABLE_TABLE:
        values["sort_key"] = sort_key(ERASED_NAME)
    sets = [f'"{field}" = :{field}' for field in values]
    if whole:
        sets.append("deleted_at = coalesce(deleted_at, :now)")
    params = dict(values, id=row_id, now=utcnow().strftime("%Y-%m-%d %H:%M:%S.%f"))
    conn.execute(text(f'UPDATE "{table}" SET {", ".join(sets)} WHERE id = :id'), params)


def _reindex(conn: Connection, contact_id: str) -> None:
    """The contact leaves the search (it is tombstoned)."""
    row = conn.execute(text("SELECT id, name, sort_key, company, phones, email, deleted_at FROM contact WHERE id = :id"),
                       {"id": contact_id}).mappings().first()
    if row is None:
        return
    index_contacts(conn, [dict(row, phones=json.loads(row["phones"] or "[]"))])


