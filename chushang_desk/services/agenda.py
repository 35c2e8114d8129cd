"""The officer's follow-ups screen as one agenda: open follow-ups and the contacts' next-contact dates
(set on a visit, 下次联系), grouped by when they fall (overdue, today, the next 7 days, later), then
follow-ups without a due date and, when asked, the done ones."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import derived
from ..models import FollowUp, Visit
from .visits import _contact_names, due_state

AGENDA_GROUPS = ("overdue", "today", "week", "later", "undated", "done")
WEEK_DAYS = 7
SHOWN = 100  # items per group with their details; the group still counts them all
_CHUNK = 500  # visit ids per IN list (SQLite's host parameters are limited)


@dataclass
class AgendaItem:
    kind: str  # "follow_up" (a task) or "next_contact" (a visit's next contact date: a reminder)
    due: date | None
    text: str  # the task; empty for a next contact
    contacts: list[str]
    visit_id: str
    follow_up_id: str = ""
    owner: str = ""  # the follow-up's owner; a reminder's: the visit's officers
    state: str = ""  # due_state() of a follow-up; "reminder" for a next contact
    done_on: date | None = None
    visit_date: date | None = None
    station: str = ""
    purpose: str = ""

    @property
    def done(self) -> bool:
        return self.state == "done"


@dataclass
class AgendaGroup:
    key: str  # one of AGENDA_GROUPS
    items: list[AgendaItem] = field(default_factory=list)  # the first SHOWN of them
    count: int = 0


def agenda_group(due: date | None, today: date, done: bool = False) -> str:
    if done:
        return "done"
    if due is None:
        return "undated"
    if due < today:
        return "overdue"
    if due == today:
        return "today"
    return "week" if due <= today + timedelta(days=WEEK_DAYS) else "later"


def follow_up_agenda(session: Session, owner: str = "", include_done: bool = False,
                     today: date | None = None) -> list[AgendaGroup]:
    """Every group but "done" (and "done" when asked), empty ones too; items by date, done ones newest
    first. `owner` "": everyone's."""
    today = today or date.today()
    items = _follow_ups(session, owner, include_done, today) + pending_next_contacts(session, owner)
    keys = AGENDA_GROUPS if include_done else AGENDA_GROUPS[:-1]
    groups = {key: AgendaGroup(key) for key in keys}
    for item in sorted(items, key=lambda i: (i.due or date.max, i.kind, i.text, i.follow_up_id or i.visit_id)):
        groups[agenda_group(item.due, today, item.done)].items.append(item)
    if "done" in groups:
        groups["done"].items.sort(key=lambda i: (i.done_on or date.min, i.due or date.min), reverse=True)
    for group in groups.values():
        group.count, group.items = len(group.items), group.items[:SHOWN]
    name_contacts(session, [item for group in groups.values() for item in group.items])
    return list(groups.values())


def name_contacts(session: Session, items: list[AgendaItem]) -> None:
    visit_ids = sorted({item.visit_id for item in items})
    names: dict[str, list[str]] = {}
    for start in range(0, len(visit_ids), _CHUNK):
        names.update(_contact_names(session, visit_ids[start:start + _CHUNK]))
    for item in items:
        item.contacts = names.get(item.visit_id, [])


def _follow_ups(session: Session, owner: str, include_done: bool, today: date) -> list[AgendaItem]:
    stmt = (select(FollowUp.id, FollowUp.visit_id, FollowUp.task, FollowUp.due_date, FollowUp.owner, FollowUp.done,
                   FollowUp.done_on, Visit.visit_date, Visit.station, Visit.purpose)
            .join(Visit, Visit.id == FollowUp.visit_id)
            .where(FollowUp.deleted_at.is_(None), Visit.deleted_at.is_(None)))
    if not include_done:
        stmt = stmt.where(FollowUp.done.is_(False))
    if owner:
        stmt = stmt.where(FollowUp.owner == owner)
    return [AgendaItem("follow_up", due, task, [], visit_id, fid, who or "", due_state(due, bool(done), today),
                       done_on, visit_date, station or "", purpose or "")
            for fid, visit_id, task, due, who, done, done_on, visit_date, station, purpose in session.execute(stmt)]


def pending_next_contacts(session: Session, owner: str, until: date | None = None) -> list[AgendaItem]:
    """Next-contact dates (up to `until`, if given) of visits that no later visit of the same contacts
    has answered yet: the table the database keeps of them (db/derived.py), joined to their visits."""
    still = derived.visit_open_next_contact
    stmt = (select(Visit.id, Visit.next_contact_date, Visit.officers, Visit.visit_date, Visit.station, Visit.purpose)
            .join(still, still.c.visit_id == Visit.id))
    if until is not None:
        stmt = stmt.where(still.c.next_contact_date <= until)
    return [AgendaItem("next_contact", due, "", [], visit_id, "", "、".join(officers or []), "reminder", None,
                       visit_date, station or "", purpose or "")
            for visit_id, due, officers, visit_date, station, purpose in session.execute(stmt)
            if not owner or owner in (officers or [])]
