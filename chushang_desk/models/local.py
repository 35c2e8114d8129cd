"""Device-local tables: the outbox of pending edits and this profile's settings. Never synced."""
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
