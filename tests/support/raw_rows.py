"""Rows written straight into a server's database, past its checks, as an old or buggy server would
have stored them: what a client must survive when it pulls them."""
from __future__ import annotations

import orjson

from chushang_server.db import make_engine, utcnow, write_session
from chushang_server.models import Record
from chushang_server.records import bump_counter, defaults


def store_raw_row(db_url: str, table: str, row_id: str, fields: dict, station: str = "") -> int:
    """Create or replace a record with these fields (over the table's defaults); returns its version."""
    engine = make_engine(db_url)
    try:
        with write_session(engine) as session:
            version = bump_counter(session, 1)
            now = utcnow()
            data = dict(defaults(table), created_at=now.isoformat(), updated_at=now.isoformat(), **fields)
            record = session.get(Record, (table, row_id))
            if record is None:
                record = Record(table_name=table, id=row_id, created_at=now, last_device="")
                session.add(record)
            record.version, record.station, record.deleted, record.updated_at = version, station, False, now
            record.data = orjson.dumps(data).decode()
            record.field_versions = orjson.dumps(dict.fromkeys(data, version)).decode()
            record.field_devices = "{}"
        return version
    finally:
        engine.dispose()
