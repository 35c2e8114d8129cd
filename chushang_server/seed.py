"""Headquarters' reference lists live on the server: seeded once from the client package's
resources/reference/seed.json (one file, the same ids on every replica)."""
from __future__ import annotations

import json
from importlib.resources import files

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from chushang_desk.sync import protocol

from .db import utcnow, write_session
from .models import Record
from .records import bump_counter, defaults, load_data, new_record, wire

# Read as package data, not imported: the server imports only the client's protocol and records.
SEED_FILE = files("chushang_desk") / "resources" / "reference" / "seed.json"
HQ_ACTOR = "hq"


def reference_data(table: str, fields: dict) -> dict:
    """A full reference row: the model's defaults, the given fields, stamped as headquarters' now."""
    now = wire(utcnow())
    data = defaults(table)
    data.update(fields, created_at=now, updated_at=now, created_by=HQ_ACTOR, updated_by=HQ_ACTOR)
    return data


def _seed_rows(seed: dict) -> list[tuple[str, str, dict]]:
    rows = []
    for list_name, items in seed["lists"].items():
        for item in items:
            row_id = protocol.seed_id("reference_item", list_name, item["code"])
            rows.append(("reference_item", row_id, dict(item, list_name=list_name)))
    for target in seed["targets"]:
        row_id = protocol.seed_id("annual_target", target["year"], target["metric"])
        rows.append(("annual_target", row_id, dict(target)))
    return rows


def seed_reference_if_empty(engine: Engine) -> int:
    """Write the seed lists as records when no reference record exists yet, and on a server seeded
    before, each list it has no item of at all (one a newer version brings, such as the kinds of
    event); returns how many rows were written. A list headquarters already holds is theirs: nothing
    of it is added back."""
    seed = json.loads(SEED_FILE.read_text(encoding="utf-8"))
    with write_session(engine) as session:
        if _has_reference(session):
            held = _lists_held(session)
            rows = [row for row in _seed_rows(dict(seed, targets=[]))
                    if row[2]["list_name"] not in held]
        else:
            rows = _seed_rows(seed)
        if not rows:
            return 0
        head = bump_counter(session, len(rows))
        for version, (table, row_id, fields) in enumerate(rows, start=head - len(rows) + 1):
            session.add(new_record(table, row_id, reference_data(table, fields), version, ""))
        return len(rows)


def _has_reference(session: Session) -> bool:
    return bool(session.scalar(
        select(func.count()).select_from(Record).where(Record.table_name.in_(("reference_item", "annual_target")))
    ))


def _lists_held(session: Session) -> set[str]:
    """The reference lists the server holds any item of (live or deleted)."""
    items = session.scalars(select(Record).where(Record.table_name == "reference_item"))
    return {load_data(record).get("list_name") for record in items}
