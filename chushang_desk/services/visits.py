"""Visits (走访记录): the visit list's query, shared by the visit screen and the visit-log export."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select, exists, func
from sqlalchemy.orm import Session

from ..models import Visit, VisitContact


@dataclass
class VisitQuery:
    """What the visit list shows (and what an export writes); empty fields do not filter."""

    date_from: date | None = None
    date_to: date | None = None  # inclusive
    station: str = ""
    officer: str = ""
    contact_id: str = ""
    mode: str = ""


def visit_filter(query: VisitQuery):
    """SELECT Visit.id of live visits matching the query (callers add columns, order and limits)."""
    stmt = select(Visit.id).where(Visit.deleted_at.is_(None))
    if query.date_from:
        stmt = stmt.where(Visit.visit_date >= query.date_from)
    if query.date_to:
        stmt = stmt.where(Visit.visit_date <= query.date_to)
    if query.station:
        stmt = stmt.where(Visit.station == query.station)
    if query.mode:
        stmt = stmt.where(Visit.mode == query.mode)
    if query.officer:
        officers = func.json_each(Visit.officers).table_valued("value")
        stmt = stmt.where(exists(select(1).select_from(officers).where(officers.c.value == query.officer)))
    if query.contact_id:
        stmt = stmt.where(exists(select(1).where(
            VisitContact.visit_id == Visit.id, VisitContact.contact_id == query.contact_id,
            VisitContact.deleted_at.is_(None))))
    return stmt


def find_visit_ids(session: Session, query: VisitQuery) -> list[str]:
    """Ids of matching visits, newest first."""
    return list(session.scalars(visit_filter(query).order_by(Visit.visit_date.desc(), Visit.id.desc())))
