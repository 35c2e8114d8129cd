"""What asks for an officer's attention today, besides the follow-ups agenda (services/agenda.py): key
contacts not visited for a while, projects that have stayed in one stage too long, and capital promised
for a day gone by that has not arrived. Each comes with its count and its first rows, so a "today" view
and the sidebar's counts read the same figures.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from ..models import CapitalArrival, Contact, Project, Visit, VisitContact
from .projects import STAGE_DAY, STAGE_LIMIT_DAYS
from .settings import get_setting

NOT_VISITED_DAYS = 180  # the default of the setting "key_contact_days"
SHOWN = 50


@dataclass(frozen=True)
class Reminder:
    kind: str  # key_contact, stuck_project, arrival_due
    id: str  # the contact's or project's id
    text: str  # the contact's or project's name
    since: date | None  # last visited; in the stage since; promised for
    days: int | None  # how many days ago (None: never visited)


@dataclass
class Reminders:
    key_contacts: list[Reminder] = field(default_factory=list)
    stuck_projects: list[Reminder] = field(default_factory=list)
    arrivals_due: list[Reminder] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def key_contact_days(session: Session) -> int:
    """The setting: a key contact not visited for this many days is a reminder."""
    try:
        return max(1, int(get_setting(session, "key_contact_days") or NOT_VISITED_DAYS))
    except ValueError:
        return NOT_VISITED_DAYS


def reminders(session: Session, today: date | None = None, station: str | None = None) -> Reminders:
    today = today or date.today()
    out = Reminders()
    out.key_contacts, out.counts["key_contacts"] = _key_contacts(session, today, station)
    out.stuck_projects, out.counts["stuck_projects"] = _stuck_projects(session, today, station)
    out.arrivals_due, out.counts["arrivals_due"] = _arrivals_due(session, today, station)
    return out


def _key_contacts(session: Session, today: date, station: str | None) -> tuple[list[Reminder], int]:
    """Live key contacts whose last visit is older than the setting's days, never visited first."""
    days = key_contact_days(session)
    last = (select(VisitContact.contact_id, func.max(Visit.visit_date).label("last"))
            .join(Visit, Visit.id == VisitContact.visit_id)
            .where(VisitContact.deleted_at.is_(None), Visit.deleted_at.is_(None))
            .group_by(VisitContact.contact_id).subquery())
    stmt = (select(Contact.id, Contact.name, last.c.last).outerjoin(last, last.c.contact_id == Contact.id)
            .where(Contact.deleted_at.is_(None), Contact.is_key.is_(True),
                   or_(last.c.last.is_(None), last.c.last < today - timedelta(days=days))))
    if station:
        stmt = stmt.where(Contact.station == station)
    rows = session.execute(stmt.order_by(last.c.last.is_not(None), last.c.last, Contact.sort_key)).all()
    return [Reminder("key_contact", i, name, seen, None if seen is None else (today - seen).days)
            for i, name, seen in rows[:SHOWN]], len(rows)


def _stuck_projects(session: Session, today: date, station: str | None) -> tuple[list[Reminder], int]:
    """Live projects in a stage longer than its limit (STAGE_LIMIT_DAYS), longest first."""
    waiting = [and_(Project.stage == stage, getattr(Project, STAGE_DAY[stage]) < today - timedelta(days=limit))
               for stage, limit in STAGE_LIMIT_DAYS.items()]
    stmt = select(Project).where(Project.deleted_at.is_(None), or_(*waiting))
    if station:
        stmt = stmt.where(Project.station == station)
    found = []
    for project in session.scalars(stmt):
        since = getattr(project, STAGE_DAY[project.stage])
        found.append(Reminder("stuck_project", project.id, project.name, since, (today - since).days))
    found.sort(key=lambda r: (-r.days, r.text))
    return found[:SHOWN], len(found)


def _arrivals_due(session: Session, today: date, station: str | None) -> tuple[list[Reminder], int]:
    """Instalments promised for a day before today that have not arrived, oldest promise first."""
    stmt = (select(Project.id, Project.name, CapitalArrival.due_on)
            .join(Project, Project.id == CapitalArrival.project_id)
            .where(CapitalArrival.deleted_at.is_(None), Project.deleted_at.is_(None),
                   Project.stage != "dropped", CapitalArrival.arrived_on.is_(None), CapitalArrival.due_on < today))
    if station:
        stmt = stmt.where(Project.station == station)
    rows = session.execute(stmt.order_by(CapitalArrival.due_on, Project.name)).all()
    return [Reminder("arrival_due", i, name, due, (today - due).days) for i, name, due in rows[:SHOWN]], len(rows)
