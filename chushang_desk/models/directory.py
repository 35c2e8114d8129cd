"""The directory: contacts (名录人员), organizations (组织) and affiliations between them."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import String, Text, Boolean, Date, DateTime, Integer, ForeignKey, JSON, Index
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Synced

GENDERS = ("male", "female", "")
ORGANIZATION_KINDS = ("chamber", "alumni_association", "company", "university", "other")


class Contact(Synced, Base):
    __tablename__ = "contact"
    __sync_bookkeeping__ = Synced.__sync_bookkeeping__ | {"sort_key"}
    __table_args__ = (
        Index("ix_contact_live_sort", "deleted_at", "sort_key", "id"),  # covers the list's ids in name order
        Index("ix_contact_live_region", "deleted_at", "region"),  # the region filter's choices
        Index("ix_contact_station", "station"),
        Index("ix_contact_key_live", "is_key", "deleted_at"),  # the key contacts (the "today" view)
        # The directory's sizes on a day (services/targets.py) counted from the index alone.
        Index("ix_contact_on_file_kinds", "station", "created_at", "deleted_at", "is_merchant", "is_alumnus",
              "is_talent", "is_key"),
    )

    name: Mapped[str] = mapped_column(String(64))
    # Full pinyin of the name, for ordering the directory the way officers read it.
    sort_key: Mapped[str] = mapped_column(String(128), default="")
    gender: Mapped[str] = mapped_column(String(8), default="")
    is_merchant: Mapped[bool] = mapped_column(Boolean, default=False)
    is_alumnus: Mapped[bool] = mapped_column(Boolean, default=False)
    is_talent: Mapped[bool] = mapped_column(Boolean, default=False)
    is_key: Mapped[bool] = mapped_column(Boolean, default=False)
    is_ambassador: Mapped[bool] = mapped_column(Boolean, default=False)
    ambassador_since: Mapped[date | None] = mapped_column(Date, default=None)
    ambassador_unit: Mapped[str] = mapped_column(String(128), default="")  # who appointed him (聘任单位)
    native_prefecture: Mapped[str] = mapped_column(String(32), default="")  # prefecture code
    native_county: Mapped[str] = mapped_column(String(64), default="")
    region: Mapped[str] = mapped_column(String(64), default="")  # current province/country
    city: Mapped[str] = mapped_column(String(64), default="")
    company: Mapped[str] = mapped_column(String(128), default="")
    title: Mapped[str] = mapped_column(String(128), default="")  # 职务
    industry: Mapped[str] = mapped_column(String(64), default="")  # industry code
    phones: Mapped[list] = mapped_column(JSON, default=list)  # E.164 strings
    email: Mapped[str] = mapped_column(String(128), default="")
    wechat: Mapped[str] = mapped_column(String(64), default="")
    university: Mapped[str] = mapped_column(String(64), default="")  # university code or free name
    degree: Mapped[str] = mapped_column(String(32), default="")
    graduation_year: Mapped[int | None] = mapped_column(Integer, default=None)
    talent_titles: Mapped[str] = mapped_column(String(256), default="")
    tags: Mapped[list] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(128), default="")  # 来源
    station: Mapped[str] = mapped_column(String(32), default="")  # owning station code


class Organization(Synced, Base):
    __tablename__ = "organization"
    __sync_bookkeeping__ = Synced.__sync_bookkeeping__ | {"sort_key"}
    __table_args__ = (Index("ix_organization_live_name", "deleted_at", "sort_key"),)

    name: Mapped[str] = mapped_column(String(128))
    sort_key: Mapped[str] = mapped_column(String(256), default="")
    kind: Mapped[str] = mapped_column(String(32), default="chamber")
    founded_on: Mapped[date | None] = mapped_column(Date, default=None)
    region: Mapped[str] = mapped_column(String(64), default="")
    city: Mapped[str] = mapped_column(String(64), default="")
    industry: Mapped[str] = mapped_column(String(64), default="")
    station: Mapped[str] = mapped_column(String(32), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    address: Mapped[str] = mapped_column(String(256), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Affiliation(Synced, Base):
    """A contact's role in an organization (会长, 副会长, 秘书长, 会员 ...)."""

    __tablename__ = "affiliation"

    contact_id: Mapped[str] = mapped_column(ForeignKey("contact.id"), index=True)
    organization_id: Mapped[str] = mapped_column(ForeignKey("organization.id"), index=True)
    role: Mapped[str] = mapped_column(String(64), default="")
    since: Mapped[date | None] = mapped_column(Date, default=None)
    notes: Mapped[str] = mapped_column(Text, default="")


class ContactMerge(Synced, Base):
    """Two or more contacts made one (services/merge.py): the survivor, the contacts merged into him,
    which rows were moved from whom, and the survivor's fields before, so that any laptop can undo it
    after it has synced. A row like any other: the merge's own edits travel beside it."""

    __tablename__ = "contact_merge"

    survivor_id: Mapped[str] = mapped_column(String(36), index=True)
    merged_ids: Mapped[list] = mapped_column(JSON, default=list)
    moves: Mapped[str] = mapped_column(Text, default="")  # JSON {merged id: {table/field: [row ids]}}
    survivor_before: Mapped[str] = mapped_column(Text, default="")  # JSON {field: value as on the wire}
    undone_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
