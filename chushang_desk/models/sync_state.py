"""Device-local sync bookkeeping: conflicts waiting for review and the sync engine's own state.

Neither table is synced and neither writes the outbox: they describe this device's conversation with
the server (SYNC.md), not data officers edit.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base

CONFLICT_RESOLUTIONS = ("", "keep_mine", "keep_theirs")
# Keys of SyncState, so the sync engine and the status bar agree on their spelling.
SYNC_STATE_KEYS = (
    "server_url", "user", "display_name", "role", "station", "device_id", "epoch", "cursor",
    "last_sync_at", "last_error",
    "ca_file",  # the bureau's own CA certificates (PEM) for its server, kept across sign-outs
)


class SyncConflict(Base):
    """A pushed field the server kept its own value for: shown under "needs review" until resolved.

    `mine` and `theirs` are JSON so a value keeps its wire form (SYNC.md: nothing is overwritten
    silently; the user can re-apply `mine`). `resolution` stays '' while the conflict is open.
    """

    __tablename__ = "sync_conflict"
    __table_args__ = (
        Index("ix_sync_conflict_open", "resolved_at", "created_at"),
        CheckConstraint("resolution IN ('', 'keep_mine', 'keep_theirs')", name="resolution"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(64))
    mine: Mapped[object] = mapped_column(JSON, nullable=True)
    theirs: Mapped[object] = mapped_column(JSON, nullable=True)
    server_version: Mapped[int] = mapped_column(Integer, default=0)
    # Who made the server's value and when (the server's words), for the "needs review" list.
    theirs_by: Mapped[str] = mapped_column(String(64), default="")
    theirs_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    device_time: Mapped[datetime] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    resolution: Mapped[str] = mapped_column(String(16), default="")


class SyncHeldRow(Base):
    """A row from the server this device could not store (it fails the record declaration, carries a
    field this version does not know, or failed to apply): kept aside with the reason so sync moves on,
    tried again at every sync, gone once it applies or a newer version of the row does."""

    __tablename__ = "sync_held_row"

    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    row: Mapped[str] = mapped_column(Text)  # the server's whole row as it came, JSON
    reason: Mapped[str] = mapped_column(Text, default="")
    first_seen: Mapped[datetime] = mapped_column(DateTime)
    last_tried: Mapped[datetime] = mapped_column(DateTime)


class SyncState(Base):
    """One value of the sync engine's state (device id, pull cursor, server epoch, last sync time)."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
