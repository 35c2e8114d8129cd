"""Device-local tables: the outbox of pending edits, this profile's settings and its import batches.
Never synced."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Integer, DateTime, JSON, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base

OUTBOX_OPS = ("upsert", "delete", "restore", "erase")  # erase: sync.protocol (PIPL Art. 47)


class OutboxEntry(Base):
    """One local edit waiting to be pushed. `mid` is strictly increasing per device (SYNC.md)."""

    __tablename__ = "outbox"
    # AUTOINCREMENT: SQLite would otherwise hand out a pushed-and-deleted mid again (see 0002).
    __table_args__ = {"sqlite_autoincrement": True}

    mid: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(8))
    fields: Mapped[dict] = mapped_column(JSON, default=dict)
    base_version: Mapped[int] = mapped_column(Integer, default=0)
    device_time: Mapped[datetime] = mapped_column(DateTime)


class LocalSetting(Base):
    __tablename__ = "local_setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class ImportBatch(Base):
    """One import of a member list: what it created and what it filled in (with the values before), so
    that it can be undone as a whole. Its edits themselves sync as any other; this record stays here."""

    __tablename__ = "import_batch"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    file_name: Mapped[str] = mapped_column(String(256), default="")
    sheet: Mapped[str] = mapped_column(String(128), default="")
    actor: Mapped[str] = mapped_column(String(64), default="")
    counts: Mapped[dict] = mapped_column(JSON, default=dict)
    # [{"id", "op": created | updated, "updated_at" after the batch, "before": {field: value}}]
    entries: Mapped[list] = mapped_column(JSON, default=list)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
