"""Reference lists from headquarters (stations, industries, universities, districts, ...) and targets."""
from __future__ import annotations

from sqlalchemy import String, Integer, Boolean, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Synced

# The lists a ReferenceItem may belong to. Data, not widgets: the rows come from resources/ and the server.
REFERENCE_LISTS = ("station", "industry", "university", "district", "prefecture", "event_kind")


class ReferenceItem(Synced, Base):
    __tablename__ = "reference_item"
    __table_args__ = (UniqueConstraint("list_name", "code"),)

    list_name: Mapped[str] = mapped_column(String(32), index=True)
    code: Mapped[str] = mapped_column(String(64))
    name_zh: Mapped[str] = mapped_column(String(128))
    name_en: Mapped[str] = mapped_column(String(128), default="")
    # e.g. a station's region ("domestic"/"overseas"), an industry's group.
    category: Mapped[str] = mapped_column(String(64), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class AnnualTarget(Synced, Base):
    """One yearly target (seed 000's work list), editable per year: the city's (station "") or a
    station's own share of the work."""

    __tablename__ = "annual_target"
    __table_args__ = (UniqueConstraint("year", "metric", "station"),)

    year: Mapped[int] = mapped_column(Integer)
    metric: Mapped[str] = mapped_column(String(64))
    value: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(16), default="")
    station: Mapped[str] = mapped_column(String(32), default="")  # "" the city's
