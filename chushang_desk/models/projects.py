"""Investment projects (招商项目) from first talk to signed, landed and capital arrived (到资)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Synced
from .types import DecimalText

# 推介 recommended → 跟踪 tracking → 签约 signed → 开工/落地 landed, or 退库 dropped (with a reason).
PROJECT_STAGES = ("recommended", "tracking", "signed", "landed", "dropped")
PROJECT_SOURCES = ("visit", "referral", "event", "alumni", "other")
# What a project waits on (the problems the work list asks to be followed).
PROJECT_ISSUES = ("funds", "land", "policy", "approval", "other")


class Project(Synced, Base):
    __tablename__ = "project"
    __table_args__ = (Index("ix_project_live_stage", "deleted_at", "stage"),)

    name: Mapped[str] = mapped_column(String(256))
    organization_id: Mapped[str | None] = mapped_column(ForeignKey("organization.id"), index=True, default=None)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), index=True, default=None)
    industry: Mapped[str] = mapped_column(String(64), default="")
    planned_amount: Mapped[Decimal | None] = mapped_column(DecimalText(), default=None)  # 万元
    district: Mapped[str] = mapped_column(String(64), default="")  # where in Wuhan it is to land (落地区)
    stage: Mapped[str] = mapped_column(String(16), default="recommended")
    # The day it reached each stage (a stage skipped has none); dropped_on with its reason.
    recommended_on: Mapped[date | None] = mapped_column(Date, default=None)
    tracking_on: Mapped[date | None] = mapped_column(Date, default=None)
    signed_on: Mapped[date | None] = mapped_column(Date, default=None)
    landed_on: Mapped[date | None] = mapped_column(Date, default=None)
    dropped_on: Mapped[date | None] = mapped_column(Date, default=None)
    dropped_reason: Mapped[str] = mapped_column(String(512), default="")
    signed_amount: Mapped[Decimal | None] = mapped_column(DecimalText(), default=None)  # 万元
    source: Mapped[str] = mapped_column(String(16), default="")
    is_chushang: Mapped[bool] = mapped_column(Boolean, default=False)  # 楚商项目
    is_alumni: Mapped[bool] = mapped_column(Boolean, default=False)  # 校友项目
    # The "five ones" (五个一): the project itself, a leading official, a task force, a plan.
    leading_official: Mapped[str] = mapped_column(String(128), default="")
    task_force: Mapped[str] = mapped_column(String(256), default="")
    plan: Mapped[str] = mapped_column(Text, default="")
    waiting_on: Mapped[list] = mapped_column(JSON, default=list)  # of PROJECT_ISSUES
    tracked_by: Mapped[list] = mapped_column(JSON, default=list)  # officers' names
    station: Mapped[str] = mapped_column(String(32), default="", index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    event_id: Mapped[str | None] = mapped_column(ForeignKey("event.id"), index=True, default=None)  # signed at it


class CapitalArrival(Synced, Base):
    """One instalment of a project's capital (到资): promised for a day, and arrived (or not yet)."""

    __tablename__ = "capital_arrival"

    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"), index=True)
    amount: Mapped[Decimal] = mapped_column(DecimalText())  # 万元
    due_on: Mapped[date | None] = mapped_column(Date, default=None)
    arrived_on: Mapped[date | None] = mapped_column(Date, default=None)
    notes: Mapped[str] = mapped_column(Text, default="")
