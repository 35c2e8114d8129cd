"""Themed events (活动: 联谊会, 同学会, 推介会, 楚商大会 …) and who was invited to and attended them."""
from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Synced

# The work list's categories an event counts for (an event may count for several): 节庆联谊 festival
# gatherings, 重点区域 key regions, 境外 overseas, 重大平台 major platforms, 校友 alumni.
EVENT_CATEGORIES = ("festival", "key_region", "overseas", "platform", "alumni")


class Event(Synced, Base):
    __tablename__ = "event"
    __table_args__ = (Index("ix_event_live_held_on", "deleted_at", "held_on"),)

    name: Mapped[str] = mapped_column(String(256))
    kind: Mapped[str] = mapped_column(String(64), default="")  # a code of the event_kind reference list
    held_on: Mapped[date] = mapped_column(Date)
    region: Mapped[str] = mapped_column(String(64), default="")
    place: Mapped[str] = mapped_column(String(256), default="")
    organizer: Mapped[str] = mapped_column(String(256), default="")
    categories: Mapped[list] = mapped_column(JSON, default=list)  # of EVENT_CATEGORIES
    station: Mapped[str] = mapped_column(String(32), default="", index=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class EventAttendee(Synced, Base):
    """A contact invited to an event, and whether he came (a row of its own, so that adding one merges
    with other edits of the event)."""

    __tablename__ = "event_attendee"

    event_id: Mapped[str] = mapped_column(ForeignKey("event.id"), index=True)
    contact_id: Mapped[str] = mapped_column(ForeignKey("contact.id"), index=True)
    invited: Mapped[bool] = mapped_column(Boolean, default=True)
    attended: Mapped[bool] = mapped_column(Boolean, default=False)
