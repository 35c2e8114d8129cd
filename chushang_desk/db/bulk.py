"""Fast inserts of many synced rows (imports, demo data) that still write one outbox entry per row."""
from __future__ import annotations

from sqlalchemy import insert
from sqlalchemy.orm import Session

from ..models import Contact, Organization, OutboxEntry
from .ids import uuid7
from .outbox import BULK_OUTBOX_WRITTEN, to_wire, utcnow
from .search_index import index_contacts, sort_key


def _complete(model, row: dict, now, actor: str) -> dict:
    full = {}
    for column in model.__table__.columns:
        if column.key in row:
            full[column.key] = row[column.key]
        elif column.default is not None:
            arg = column.default.arg
            full[column.key] = arg(None) if callable(arg) else arg
        else:
            full[column.key] = None
    full["id"] = row.get("id") or uuid7()
    full.update(created_at=now, updated_at=now, created_by=actor, updated_by=actor, version=0)
    if model in (Contact, Organization):
        full["sort_key"] = sort_key(full["name"] or "")
    return full


def bulk_insert(session: Session, model, rows: list[dict], from_server: bool = False) -> list[str]:
    """Insert rows of a synced model with Core speed; returns their ids in order.

    `from_server` marks a copy of headquarters' data (reference lists seeded from resources/, like a
    pull): it writes no outbox entries, since this device did not edit anything.
    """
    if not rows:
        return []
    now, actor = utcnow(), session.info.get("actor", "")
    full = [_complete(model, r, now, actor) for r in rows]
    session.execute(insert(model).execution_options(**{BULK_OUTBOX_WRITTEN: True}), full)
    if not from_server:
        _write_outbox(session, model, full, now)
    if model is Contact:
        index_contacts(session.connection(), full)
    return [r["id"] for r in full]


def _write_outbox(session: Session, model, full: list[dict], now) -> None:
    bookkeeping = model.__sync_bookkeeping__
    session.execute(
        insert(OutboxEntry),
        [
            dict(
                table_name=model.__tablename__, row_id=r["id"], op="upsert", base_version=0, device_time=now,
                fields={k: to_wire(v) for k, v in r.items() if k not in bookkeeping},
            )
            for r in full
        ],
    )
