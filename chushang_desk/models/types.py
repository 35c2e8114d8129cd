"""Column types of our own."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import String
from sqlalchemy.types import TypeDecorator


class DecimalText(TypeDecorator):
    """Money (万元) kept exact: SQLite has no decimal type and would store a NUMERIC column as a float,
    so the value is stored as its decimal text ("1250.50") and read back as Decimal."""

    impl = String(32)
    cache_ok = True

    def __init__(self, places: int = 2):
        super().__init__()
        self.quantum = Decimal(1).scaleb(-places)

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        return str(Decimal(value).quantize(self.quantum))

    def process_result_value(self, value, dialect):
        return None if value is None else Decimal(value)


def to_wire(value):
    """A column value as it travels in an outbox entry and on the server (JSON)."""
    if isinstance(value, datetime):
        return value.isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [to_wire(v) for v in value]
    return value
