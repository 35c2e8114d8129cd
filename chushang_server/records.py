"""Generic records of client rows: defaults, the counter, and the wire form a pull or push result sends."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import orjson
from sqlalchemy import select, tuple_, update
from sqlalchemy.orm import Session

from chushang_desk.models import synced_tables
from chushang_desk.sync import protocol

from .db import utcnow
from .models import Record, ServerMeta, SyncCounter

wire = protocol.to_wire  # a Python value as it travels (the same form as the client's outbox)


@lru_cache(maxsize=None)
def _default_items(table: str) -> tuple:
    columns = synced_tables()[table].__table__.columns
    return tuple((field, columns[field].default) for field in protocol.table_fields()[table])


def defaults(table: str) -> dict:
    """Every allow-listed field of `table` with the client model's default (None where it has none)."""
    out = {}
    for field, default in _default_items(table):
        if default is None:
            out[field] = None
        else:
            arg = default.arg
            out[field] = wire(arg(None) if callable(arg) else arg)
    return out


def bump_counter(session: Session, n: int) -> int:
    """Take n versions; the row lock taken here is held to commit, so version order is commit order."""
    return session.execute(
        update(SyncCounter).where(SyncCounter.id == 1).values(head=SyncCounter.head + n).returning(SyncCounter.head)
    ).scalar_one()


def read_head(session: Session) -> int:
    return session.scalar(select(SyncCounter.head).where(SyncCounter.id == 1))


def meta(session: Session, key: str, default: str = "") -> str:
    value = session.scalar(select(ServerMeta.value).where(ServerMeta.key == key))
    return default if value is None else value


def wire_row(record: Record) -> dict:
    """The server's whole row as a pull or a merged/conflict result carries it (`erased` only on an
    erased row: older clients see a deleted row with blank fields)."""
    row = {
        "table": record.table_name,
        "id": record.id,
        "version": record.version,
        "deleted": record.deleted,
        "data": orjson.Fragment(record.data),  # stored JSON goes out as it is, not parsed again
    }
    if record.erased_at is not None:
        row["erased"] = True
    return row


def load_data(record: Record) -> dict:
    return orjson.loads(record.data)


@dataclass
class RowState:
    """A record's data with the version and device of each field's last change, to edit and store back."""

    data: dict
    versions: dict
    devices: dict

    @classmethod
    def of(cls, record: Record) -> "RowState":
        return cls(orjson.loads(record.data), orjson.loads(record.field_versions), orjson.loads(record.field_devices))

    def set(self, field: str, value, version: int, device: str) -> None:
        self.data[field], self.versions[field], self.devices[field] = value, version, device


def store_data(record: Record, state: RowState) -> None:
    record.data = orjson.dumps(state.data).decode()
    record.field_versions = orjson.dumps(state.versions).decode()
    record.field_devices = orjson.dumps(state.devices).decode()
    record.updated_at = utcnow()


def new_record(table: str, row_id: str, data: dict, version: int, station: str, device: str = "") -> Record:
    now = utcnow()
    record = Record(
        table_name=table, id=row_id, version=version, station=station,
        deleted=data.get(protocol.TOMBSTONE_FIELD) is not None, last_device=device, created_at=now,
    )
    store_data(record, RowState(data, dict.fromkeys(data, version), dict.fromkeys(data, device)))
    return record


class RecordCache:
    """The records one push touches, read in one query up front (plus the rows it creates), instead of
    a query per entry; new rows are inserted together at commit."""

    CHUNK = 400

    def __init__(self, session: Session):
        self.session = session
        self.rows: dict[tuple[str, str], Record | None] = {}
        self.erased = False  # an erase applied in this push: the old bytes are reclaimed after commit

    def preload(self, keys: set[tuple[str, str]]) -> None:
        missing = sorted(k for k in keys if k not in self.rows)
        for start in range(0, len(missing), self.CHUNK):
            chunk = missing[start:start + self.CHUNK]
            self.rows.update(dict.fromkeys(chunk))
            found = self.session.scalars(select(Record).where(tuple_(Record.table_name, Record.id).in_(chunk)))
            self.rows.update({(r.table_name, r.id): r for r in found})

    def get(self, table: str, row_id: str) -> Record | None:
        key = (table, row_id)
        if key not in self.rows:
            self.rows[key] = self.session.get(Record, key)
        return self.rows[key]

    def add(self, record: Record) -> None:
        self.session.add(record)
        self.rows[(record.table_name, record.id)] = record
