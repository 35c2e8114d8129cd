"""The officer's agenda on the follow-ups screen: open follow-ups and the contacts' next-contact dates
(set on a visit, 下次联系), grouped by when they fall: overdue, today, the next 7 days, later."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from ..models import FollowUp, Visit, VisitContact
from .visits import _contact_names

AGENDA_GROUPS = ("overdue", "today", "week", "later")
WEEK_DAYS = 7


@dataclass
class AgendaItem:
    kind: str  # "follow_up" (a task) or "next_contact" (a visit's next contact date)
    due: date
    text: str  # the task; empty for a next contact
    contacts: list[str]
    visit_id: str
    follow_up_id: str = ""


@dataclass
class AgendaGroup:
    key: str  # one of AGENDA_GROUPS
    items: list[AgendaItem] = field(default_factory=list)


def agenda_group(due: date, today: date) -> str:
    if due < today:
        return "overdue"
    if due == today:
        return "today"
    return "week" if due <= today + timedelta(days=WEEK_DAYS) else "later"


def follow_up_agenda(session: Session, owner: str = "", today: date | None = None) -> list[AgendaGroup]:
    """Every group (empty ones too), items by date. Undated follow-ups have no place on an agenda."""
    today = today or date.today()
    items = _open_follow_ups(session, owner) + _pending_next_contacts(session, owner)
    names = _contact_names(session, list({item.visit_id for item in items}))
    groups = {key: AgendaGroup(key) for key in AGENDA_GROUPS}
    for item in sorted(items, key=lambda i: (i.due, i.kind, i.text)):
        item.contacts = names.get(item.visit_id, [])
        groups[agenda_group(item.due, today)].items.append(item)
    return list(groups.values())


def _open_follow_ups(session: Session, owner: str) -> list[AgendaItem]:
    stmt = (select(FollowUp.id, FollowUp.visit_id, FollowUp.task, FollowUp.due_date)
            .join(Visit, Visit.id == FollowUp.visit_id)
            .where(FollowUp.deleted_at.is_(None), Visit.deleted_at.is_(None), FollowUp.done.is_(False),
                   FollowUp.due_date.is_not(None)))
    if owner:
        stmt = stmt.where(FollowUp.owner == owner)
    return [AgendaItem("follow_up", due, task, [], visit_id, fid) for fid, visit_id, task, due in session.execute(stmt)]


def _pending_next_contacts(session: Session, owner: str) -> list[AgendaItem]:
    """Next-contact dates of visits that no later visit of the same contacts has answered yet."""
    met, later_met, later = aliased(VisitContact), aliased(VisitContact), aliased(Visit)
    answered = (select(met.id).join(later_met, later_met.contact_id == met.contact_id)
                .join(later, later.id == later_met.visit_id)
                .where(met.visit_id == Visit.id, met.deleted_at.is_(None), later_met.deleted_at.is_(None),
                       later.deleted_at.is_(None), later.visit_date > Visit.visit_date))
    stmt = (select(Visit.id, Visit.next_contact_date, Visit.officers)
            .where(Visit.deleted_at.is_(None), Visit.next_contact_date.is_not(None), ~answered.exists()))
    return [AgendaItem("next_contact", due, "", [], visit_id) for visit_id, due, officers in session.execute(stmt)
            if not owner or owner in (officers or [])]
