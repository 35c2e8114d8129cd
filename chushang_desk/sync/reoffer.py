"""After the server was restored from a backup, what this laptop holds that the backup lacks goes back.

The restored server answers 410 with `epoch_base`: the head its data ends at. Every version above it was
handed out by the server before the restore, after the backup was taken, so a local row at such a
version holds changes the server lost: pushed from here, or pulled from another laptop. Before the
replacement sync pulls everything again (which would overwrite them with the backup's older values),
each such row is queued as a whole-row upsert on base `epoch_base`: fields nobody changed since the
restore apply, a field changed since is a conflict for review, as any concurrent edit is. Several laptops
sending the same row agree (the same values merge). An erased person is erased again.
"""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.outbox import synced_fields, to_wire
from ..models import OutboxEntry, synced_tables
from ..models.erasure import ERASABLE_TABLE, ERASED_NAME
from ..models.records import parent_of


def reoffer_newer_rows(session: Session, epoch_base: int) -> int:
    """Queue every synced row above `epoch_base` for a push; returns how many were queued."""
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    tables = sorted(synced_tables().items(), key=lambda item: parent_of(item[0]) is not None)  # parents first
    queued = 0
    for table, model in tables:
        rows = session.scalars(select(model).where(model.version > epoch_base).order_by(model.id))
        for row in rows:
            session.add(_entry(table, row, epoch_base, now))
            queued += 1
    return queued


def _entry(table: str, row, epoch_base: int, now: datetime) -> OutboxEntry:
    if table == ERASABLE_TABLE and row.deleted_at is not None and row.name == ERASED_NAME:
        return OutboxEntry(table_name=table, row_id=row.id, op="erase", fields={}, base_version=epoch_base,
                           device_time=now)
    return OutboxEntry(table_name=table, row_id=row.id, op="upsert",
                       fields={field: to_wire(getattr(row, field)) for field in synced_fields(row)},
                       base_version=epoch_base, device_time=now)
