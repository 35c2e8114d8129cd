"""Declarative base and the columns every synced table carries (see SYNC.md)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import MetaData, String, DateTime, Integer
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# A naming convention from the first migration, so batch migrations can find constraints by name.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Synced:
    """Mixin for rows that travel between devices and the server.

    `version` is the server's version of the row as last seen by this device (0: never synced); it is
    bookkeeping, never sent as a field. Everything else that changes is written to the outbox.
    """

    __synced__ = True
    # Columns that never travel as fields in an outbox entry.
    __sync_bookkeeping__ = frozenset({"id", "version"})

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    updated_by: Mapped[str] = mapped_column(String(64), default="")
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    version: Mapped[int] = mapped_column(Integer, default=0)


def synced_tables() -> dict[str, type]:
    """Table name -> mapped class for every synced model."""
    return {
        m.class_.__tablename__: m.class_
        for m in Base.registry.mappers
        if getattr(m.class_, "__synced__", False)
    }
