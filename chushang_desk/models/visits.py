"""Visits (走访记录), who was met at them, their follow-ups, and referrals (以商招商推荐)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import String, Text, Boolean, Date, ForeignKey, JSON, Index
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Synced
from .types import DecimalText

VISIT_MODES = ("visit", "inspection", "call", "meeting")
REFERRAL_STATUSES = ("new", "contacted", "negotiating", "signed", "landed", "dropped")


class Visit(Synced, Base):
    __tablename__ = "visit"
    # The visit list and the export read live visits newest (or oldest) first, whole or by station or
    # mode: each index ends in (visit_date, id) so SQLite walks it in order instead of sorting 300,000 rows.
    # The first also carries the officers, so the officer filter never reads the (wide) visit rows.
    __table_args__ = (
        Index("ix_visit_live_date_officers", "deleted_at", "visit_date", "id", "officers"),
        Index("ix_visit_station_live_date_id", "station", "deleted_at", "visit_date", "id"),
        Index("ix_visit_mode_live_date_id", "mode", "deleted_at", "visit_date", "id"),
    )

    visit_date: Mapped[date] = mapped_column(Date)
    station: Mapped[str] = mapped_column(String(32), default="")
    officers: Mapped[list] = mapped_column(JSON, default=list)  # officers' names
    mode: Mapped[str] = mapped_column(String(16), default="visit")
    place: Mapped[str] = mapped_column(String(256), default="")
    purpose: Mapped[str] = mapped_column(String(512), default="")
    summary: Mapped[str] = mapped_column(Text, default="")  # 纪要
    intention_industry: Mapped[str] = mapped_column(String(64), default="")
    intention_amount: Mapped[Decimal | None] = mapped_column(DecimalText(), default=None)  # 万元, exact
    intention_note: Mapped[str] = mapped_column(Text, default="")
    next_contact_date: Mapped[date | None] = mapped_column(Date, default=None)
    # The project the visit was about (a visit follows one project at most; most follow none).
    project_id: Mapped[str | None] = mapped_column(ForeignKey("project.id"), index=True, default=None)
    # The event it followed (a merchant met at a gathering, visited afterwards).
    event_id: Mapped[str | None] = mapped_column(ForeignKey("event.id"), index=True, default=None)


class VisitContact(Synced, Base):
    """A contact met at a visit (a row of its own so that adding one merges with other edits)."""

    __tablename__ = "visit_contact"

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"), index=True)
    contact_id: Mapped[str] = mapped_column(ForeignKey("contact.id"), index=True)


class VisitOrganization(Synced, Base):
    __tablename__ = "visit_organization"

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"), index=True)
    organization_id: Mapped[str] = mapped_column(ForeignKey("organization.id"), index=True)


class FollowUp(Synced, Base):
    __tablename__ = "follow_up"
    __table_args__ = (Index("ix_follow_up_open_due", "done", "due_date"),)

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"), index=True)
    task: Mapped[str] = mapped_column(String(512))
    owner: Mapped[str] = mapped_column(String(64), default="")
    due_date: Mapped[date | None] = mapped_column(Date, default=None)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_on: Mapped[date | None] = mapped_column(Date, default=None)


class Referral(Synced, Base):
    """An ambassador brings in a new investor, contact or project."""

    __tablename__ = "referral"

    ambassador_id: Mapped[str] = mapped_column(ForeignKey("contact.id"), index=True)
    referred_contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), index=True, default=None)
    referred_organization_id: Mapped[str | None] = mapped_column(
        ForeignKey("organization.id"), index=True, default=None
    )
    # The project referred (or that the referral became). `project_name` is the free text of referrals
    # made before projects were records: services/referrals.adopt_named_projects turns it into a project.
    project_id: Mapped[str | None] = mapped_column(ForeignKey("project.id"), index=True, default=None)
    event_id: Mapped[str | None] = mapped_column(ForeignKey("event.id"), index=True, default=None)  # it followed
    project_name: Mapped[str] = mapped_column(String(256), default="")
    referred_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="new")
    # The day it reached each later status (new is referred_on; a step skipped has none).
    contacted_on: Mapped[date | None] = mapped_column(Date, default=None)
    negotiating_on: Mapped[date | None] = mapped_column(Date, default=None)
    signed_on: Mapped[date | None] = mapped_column(Date, default=None)
    landed_on: Mapped[date | None] = mapped_column(Date, default=None)
    dropped_on: Mapped[date | None] = mapped_column(Date, default=None)
    station: Mapped[str] = mapped_column(String(32), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
