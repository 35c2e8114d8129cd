"""What asks for an officer's attention today, besides the follow-ups agenda (services/agenda.py): key
contacts not visited for a while, projects that have stayed in one stage too long, and capital promised
for a day gone by that has not arrived. Each comes with its count and its first rows, so a "today" view
and the sidebar's counts read the same figures.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from ..db import derived
from ..models import CapitalArrival, Contact, FollowUp, Project, Visit
from .agenda import SHOWN as AGENDA_SHOWN
from .agenda import WEEK_DAYS, AgendaGroup, AgendaItem, agenda_group, name_contacts, pending_next_contacts
from .messages import Message, ValidationFailed
from .projects import STAGE_DAY, STAGE_LIMIT_DAYS
from .settings import get_setting, set_setting
from .visits import due_state

NOT_VISITED_DAYS = 180  # the default of the setting "key_contact_days"
MAX_DAYS = 3650
SHOWN = 50
_CHUNK = 500  # ids per IN list (SQLite's host parameters are limited)


@dataclass(frozen=True)
class Reminder:
    kind: str  # key_contact, stuck_project, arrival_due
    id: str  # the contact's or project's id
    text: str  # the contact's or project's name
    since: date | None  # last visited; in the stage since; promised for
    days: int | None  # how many days ago (None: never visited)
    detail: str = ""  # the contact's company; the project's stage (a code); the instalment's amount (万元)


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
    """Live key contacts whose last visit is older than the setting's days, never visited first (their
    last visit from the table the database keeps of them, db/derived.py)."""
    before = today - timedelta(days=key_contact_days(session))
    last = derived.contact_last_visit
    stmt = (select(Contact.id, Contact.name, Contact.company, Contact.sort_key, last.c.visit_date)
            .outerjoin(last, last.c.contact_id == Contact.id)
            .where(Contact.is_key.is_(True), Contact.deleted_at.is_(None),
                   or_(last.c.visit_date.is_(None), last.c.visit_date < before)))
    if station:
        stmt = stmt.where(Contact.station == station)
    rows = [(i, name, company, key or "", day) for i, name, company, key, day in session.execute(stmt)]
    rows.sort(key=lambda r: (r[4] is not None, r[4] or date.min, r[3], r[0]))
    return [Reminder("key_contact", i, name, last, None if last is None else (today - last).days, company or "")
            for i, name, company, _key, last in rows[:SHOWN]], len(rows)


def _stuck_projects(session: Session, today: date, station: str | None) -> tuple[list[Reminder], int]:
    """Live projects in a stage longer than its limit (STAGE_LIMIT_DAYS), longest first."""
    waiting = [and_(Project.stage == stage, getattr(Project, STAGE_DAY[stage]) < today - timedelta(days=limit))
               for stage, limit in STAGE_LIMIT_DAYS.items()]
    days = [getattr(Project, STAGE_DAY[stage]) for stage in STAGE_LIMIT_DAYS]
    stmt = select(Project.id, Project.name, Project.stage, *days).where(Project.deleted_at.is_(None), or_(*waiting))
    if station:
        stmt = stmt.where(Project.station == station)
    found = []
    for project_id, name, stage, *reached in session.execute(stmt):  # (its columns only: not 9,000 objects)
        since = reached[list(STAGE_LIMIT_DAYS).index(stage)]
        found.append(Reminder("stuck_project", project_id, name, since, (today - since).days, stage))
    found.sort(key=lambda r: (-r.days, r.text))
    return found[:SHOWN], len(found)


def _arrivals_due(session: Session, today: date, station: str | None) -> tuple[list[Reminder], int]:
    """Instalments promised for a day before today that have not arrived, oldest promise first."""
    stmt = (select(Project.id, Project.name, CapitalArrival.due_on, CapitalArrival.amount)
            .join(Project, Project.id == CapitalArrival.project_id)
            .where(CapitalArrival.deleted_at.is_(None), Project.deleted_at.is_(None),
                   Project.stage != "dropped", CapitalArrival.arrived_on.is_(None), CapitalArrival.due_on < today))
    if station:
        stmt = stmt.where(Project.station == station)
    rows = session.execute(stmt.order_by(CapitalArrival.due_on, Project.name)).all()
    return [Reminder("arrival_due", i, name, due, (today - due).days, str(amount or ""))
            for i, name, due, amount in rows[:SHOWN]], len(rows)


# --- the "today" view and the sidebar's counts ----------------------------------------------------------

DUE_GROUPS = ("overdue", "today", "week")  # the agenda's groups the "today" view shows


@dataclass(frozen=True)
class TodayCounts:
    """What the sidebar shows: "Today (n)" counts what is due now, "Follow-ups (n)" the overdue ones."""

    overdue: int  # follow-ups and next contacts (the Follow-ups screen's "Overdue")
    due_today: int
    this_week: int  # due in the next 7 days (not yet due: shown, not counted in `due`)
    key_contacts: int
    stuck_projects: int
    arrivals_due: int

    @property
    def due(self) -> int:
        return self.overdue + self.due_today + self.key_contacts + self.stuck_projects + self.arrivals_due


@dataclass
class TodayView:
    agenda: list  # AgendaGroup of DUE_GROUPS, in that order (services/agenda.py)
    reminders: Reminders
    key_contact_days: int
    counts: TodayCounts


def today_counts(session: Session, owner: str = "", station: str | None = None,
                 today: date | None = None) -> TodayCounts:
    """The counts alone, for the sidebar after a change: no names looked up, no rows kept."""
    today = today or date.today()
    groups = _due_groups(_due_items(session, owner, today), today)
    return _counts(groups, reminders(session, today, station))


def today_view(session: Session, owner: str = "", station: str | None = None, today: date | None = None) -> TodayView:
    """What an officer has to do today: the follow-ups and next contacts overdue, due today and in the
    next 7 days (his own, or everyone's when `owner` is ""; grouped as the Follow-ups screen groups them),
    and the reminders of his station (all when None)."""
    today = today or date.today()
    groups = _due_groups(_due_items(session, owner, today), today)
    name_contacts(session, [item for group in groups.values() for item in group.items])
    found = reminders(session, today, station)
    return TodayView(list(groups.values()), found, key_contact_days(session), _counts(groups, found))


def _counts(groups: dict[str, AgendaGroup], found: Reminders) -> TodayCounts:
    return TodayCounts(groups["overdue"].count, groups["today"].count, groups["week"].count,
                       found.counts["key_contacts"], found.counts["stuck_projects"], found.counts["arrivals_due"])


def _due_items(session: Session, owner: str, today: date) -> list[AgendaItem]:
    """The agenda's items (services/agenda.py) due by the end of the next 7 days: open follow-ups, and
    next-contact dates no later visit answered, read for that window only."""
    end = today + timedelta(days=WEEK_DAYS)
    tasks = (select(FollowUp.id, FollowUp.visit_id, FollowUp.task, FollowUp.due_date, FollowUp.owner, Visit.visit_date,
                    Visit.station, Visit.purpose)
             .join(Visit, Visit.id == FollowUp.visit_id)
             .where(FollowUp.deleted_at.is_(None), Visit.deleted_at.is_(None), FollowUp.done.is_(False),
                    FollowUp.due_date.is_not(None), FollowUp.due_date <= end))
    if owner:
        tasks = tasks.where(FollowUp.owner == owner)
    items = [AgendaItem("follow_up", due, task, [], visit_id, fid, who or "", due_state(due, False, today), None,
                        visit_day, station or "", purpose or "")
             for fid, visit_id, task, due, who, visit_day, station, purpose in session.execute(tasks)]
    return items + pending_next_contacts(session, owner, until=end)


def _due_groups(items: list[AgendaItem], today: date) -> dict[str, AgendaGroup]:
    """Overdue, today, the next 7 days: ordered and cut as follow_up_agenda orders and cuts its groups."""
    groups = {key: AgendaGroup(key) for key in DUE_GROUPS}
    for item in sorted(items, key=lambda i: (i.due or date.max, i.kind, i.text, i.follow_up_id or i.visit_id)):
        groups[agenda_group(item.due, today)].items.append(item)
    for group in groups.values():
        group.count, group.items = len(group.items), group.items[:AGENDA_SHOWN]
    return groups


def save_key_contact_days(session: Session, days: int) -> int:
    """The setting, checked: a whole number of days from 1 to 3,650."""
    if not isinstance(days, int) or not 1 <= days <= MAX_DAYS:
        raise ValidationFailed({"key_contact_days": Message("bad_number", {"low": 1, "high": MAX_DAYS})})
    set_setting(session, "key_contact_days", str(days))
    return days
