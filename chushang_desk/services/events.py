"""Themed events (活动): recorded with the work-list categories they count for, who was invited and who
came (from the directory), and what followed them (projects signed at one, visits and referrals after).

The work list asks for at least 25 events a year, of which 6 festival gatherings (节庆联谊), 3 in the key
regions, 4 overseas, 9 on major platforms and 3 for alumni; an event may count for several categories
(an overseas alumni gathering counts for both), and once in the total. `event_counts` counts them for a
period the way services.targets counts the other work-list items.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Integer, cast, func, select
from sqlalchemy.orm import Session

from ..db.outbox import utcnow
from ..models import (
    EVENT_CATEGORIES, Contact, Event, EventAttendee, Project, Referral, ReferenceItem, Visit,
)
from .links import LinkedRecord, linked_projects, linked_referrals, linked_visits
from .messages import Message, NotFound, ValidationFailed
from .records import holds_text, live_row, save_changes
from .validation import check_date, clean_text, declared_errors

if TYPE_CHECKING:  # (targets imports this module for its event figures)
    from .targets import Period

CATEGORIES = EVENT_CATEGORIES
TEXT_FIELDS = ("name", "kind", "region", "place", "organizer", "station", "notes")
# The work list's metric of each category (annual_target.metric), and of all events.
TOTAL_METRIC = "events"
CATEGORY_METRIC = {category: f"{category}_events" for category in CATEGORIES}
# Records that follow an event: they carry its id in event_id.
LINKED = {"project": Project, "visit": Visit, "referral": Referral}


@dataclass
class EventQuery:
    """What the event list shows; empty fields do not filter."""

    year: int | None = None
    kind: str = ""
    category: str = ""
    station: str = ""


@dataclass(frozen=True)
class EventRow:
    id: str
    name: str
    kind: str
    held_on: date
    region: str
    place: str
    organizer: str
    categories: tuple[str, ...]
    station: str
    invited: int = 0
    attended: int = 0


@dataclass(frozen=True)
class Attendee:
    contact_id: str
    name: str
    company: str
    title: str
    invited: bool
    attended: bool


@dataclass
class EventDetail:
    event: EventRow
    notes: str
    attendees: list[Attendee] = field(default_factory=list)
    projects: list[LinkedRecord] = field(default_factory=list)
    visits: list[LinkedRecord] = field(default_factory=list)
    referrals: list[LinkedRecord] = field(default_factory=list)


# --------------------------------------------------------------------------------------- saving

def validate_event(session: Session, data: dict) -> dict:
    """The fields of an event as saved, or ValidationFailed naming each field that is wrong."""
    errors: dict[str, Message] = {}
    clean = {name: clean_text(data.get(name)) for name in TEXT_FIELDS}
    if not clean["name"]:
        errors["name"] = Message("required")
    clean["held_on"] = check_date(data.get("held_on"), errors, "held_on")
    if clean["held_on"] is None and "held_on" not in errors:
        errors["held_on"] = Message("required")
    if clean["kind"] and clean["kind"] not in _kind_codes(session):
        errors["kind"] = Message("unknown_code", {"value": clean["kind"]})
    clean["categories"] = list(dict.fromkeys(data.get("categories") or []))
    unknown = [c for c in clean["categories"] if c not in CATEGORIES]
    if unknown:
        errors["categories"] = Message("unknown_code", {"value": unknown[0]})
    if errors:
        raise ValidationFailed(errors)
    clean["categories"] = [c for c in CATEGORIES if c in clean["categories"]]  # in the work list's order
    found = declared_errors("event", clean)
    if found:
        raise ValidationFailed(found)
    return clean


def save_event(session: Session, data: dict, event_id: str | None = None) -> str:
    """Create (event_id None) or update an event (the fields `data` names; the others stay)."""
    if event_id is None:
        event = Event()
    else:
        event = live_row(session, Event, event_id)
        data = {**_fields(event), **data}
    return save_changes(session, event, validate_event(session, data))


def delete_event(session: Session, event_id: str) -> None:
    """Tombstone the event and its attendees (one timestamp). What followed it keeps its link, unseen."""
    event = live_row(session, Event, event_id)
    now = utcnow()
    event.deleted_at = now
    for row in _attendee_rows(session, event_id):
        if row.deleted_at is None:
            row.deleted_at = now


def invite(session: Session, event_id: str, contact_ids: list[str]) -> None:
    """Add contacts to the event's invitees (those already on its list stay as they are)."""
    live_row(session, Event, event_id)
    rows = _rows_by_contact(session, event_id)
    for contact_id in _live_contacts(session, contact_ids):
        row = rows.get(contact_id)
        if row is None:
            session.add(EventAttendee(event_id=event_id, contact_id=contact_id, invited=True, attended=False))
        elif row.deleted_at is not None or not row.invited:
            row.deleted_at, row.invited = None, True
    session.flush()


def set_attended(session: Session, event_id: str, contact_id: str, attended: bool = True) -> None:
    """Mark whether the contact came; one who came uninvited (brought along) is added as not invited."""
    live_row(session, Event, event_id)
    live_row(session, Contact, contact_id)
    row = _rows_by_contact(session, event_id).get(contact_id)
    if row is None:
        if attended:
            session.add(EventAttendee(event_id=event_id, contact_id=contact_id, invited=False, attended=True))
    else:
        if row.deleted_at is not None:
            row.deleted_at, row.invited = None, False
        if row.attended != attended:
            row.attended = attended
    session.flush()


def mark_came(session: Session, event_id: str, contact_ids: list[str]) -> None:
    """Several contacts who came (brought along, unless they were on the list already), in one write."""
    for contact_id in dict.fromkeys(contact_ids):
        set_attended(session, event_id, contact_id)


def remove_attendee(session: Session, event_id: str, contact_id: str) -> None:
    """Take the contact off the event's list (invited in error)."""
    row = _rows_by_contact(session, event_id).get(contact_id)
    if row is not None and row.deleted_at is None:
        row.deleted_at = utcnow()


def link_to_event(session: Session, table: str, row_id: str, event_id: str | None) -> None:
    """A project signed at the event, or a visit or referral that followed it (event_id None: unlinked)."""
    if event_id is not None:
        live_row(session, Event, event_id)
    save_changes(session, live_row(session, LINKED[table], row_id), {"event_id": event_id})


# --------------------------------------------------------------------------------------- reading

def find_events(session: Session, query: EventQuery) -> list[Event]:
    """Live events matching the query, newest first."""
    stmt = select(Event).where(Event.deleted_at.is_(None))
    if query.year:
        stmt = stmt.where(Event.held_on.between(date(query.year, 1, 1), date(query.year, 12, 31)))
    if query.kind:
        stmt = stmt.where(Event.kind == query.kind)
    if query.station:
        stmt = stmt.where(Event.station == query.station)
    events = list(session.scalars(stmt.order_by(Event.held_on.desc(), Event.name, Event.id)))
    if query.category:  # (a JSON list: a few hundred events a year, filtered here)
        events = [e for e in events if query.category in (e.categories or [])]
    return events


def list_events(session: Session, query: EventQuery | None = None) -> list[EventRow]:
    """The event list's rows, newest first, with how many were invited and how many came."""
    events = find_events(session, query or EventQuery())
    counts = attendance_of(session, [e.id for e in events])
    return [_row(e, *counts.get(e.id, (0, 0))) for e in events]


def event_years(session: Session) -> list[int]:
    """The years live events were held in, newest first (the year filter's choices)."""
    days = session.scalars(select(func.min(Event.held_on)).where(Event.deleted_at.is_(None)).union_all(
        select(func.max(Event.held_on)).where(Event.deleted_at.is_(None))))
    found = [d for d in days if d is not None]
    return list(range(max(found).year, min(found).year - 1, -1)) if found else []


def event_detail(session: Session, event_id: str) -> EventDetail:
    """The event's fields, its attendees with their names, and the projects, visits and referrals linked."""
    event = live_row(session, Event, event_id)
    attendees = [Attendee(r.id, r.name, r.company, r.title, bool(r.invited), bool(r.attended))
                 for r in session.execute(
                     select(Contact.id, Contact.name, Contact.company, Contact.title, EventAttendee.invited,
                            EventAttendee.attended)
                     .join(EventAttendee, EventAttendee.contact_id == Contact.id)
                     .where(EventAttendee.event_id == event_id, EventAttendee.deleted_at.is_(None),
                            Contact.deleted_at.is_(None))
                     .order_by(EventAttendee.created_at, EventAttendee.id))]
    invited = sum(a.invited for a in attendees)
    return EventDetail(_row(event, invited, sum(a.attended for a in attendees)), event.notes, attendees,
                       linked_projects(session, Project.event_id == event_id),
                       linked_visits(session, Visit.event_id == event_id),
                       linked_referrals(session, Referral.event_id == event_id))


def events_in(session: Session, span: "Period", station: str | None = None,
              category: str | None = None) -> list[Event]:
    """The live events held within the period (of a station, of a category), in the order held: what
    the work list's event figures count and the bureau's report lists."""
    stmt = select(Event).where(Event.deleted_at.is_(None), Event.held_on >= span.start, Event.held_on <= span.end)
    if station:
        stmt = stmt.where(Event.station == station)
    events = list(session.scalars(stmt.order_by(Event.held_on, Event.name, Event.id)))
    return [e for e in events if category in (e.categories or [])] if category else events


def event_counts(session: Session, span: "Period", station: str | None = None) -> dict[str, int]:
    """Events held within the period (of one station, when given), keyed by the work list's metrics:
    "events" all of them (each once), "festival_events", "key_region_events", "overseas_events",
    "platform_events", "alumni_events" those counting for each category."""
    events = events_in(session, span, station)
    by_category = Counter(c for e in events for c in set(e.categories or []))
    return {TOTAL_METRIC: len(events), **{CATEGORY_METRIC[c]: by_category.get(c, 0) for c in CATEGORIES}}


# --------------------------------------------------------------------------------------- helpers

def _fields(event: Event) -> dict:
    return {**{name: getattr(event, name) for name in TEXT_FIELDS}, "held_on": event.held_on,
            "categories": list(event.categories or [])}


def _row(e: Event, invited: int = 0, attended: int = 0) -> EventRow:
    return EventRow(e.id, e.name, e.kind, e.held_on, e.region, e.place, e.organizer, tuple(e.categories or ()),
                    e.station, invited, attended)


def _kind_codes(session: Session) -> set[str]:
    return set(session.scalars(select(ReferenceItem.code).where(
        ReferenceItem.list_name == "event_kind", ReferenceItem.deleted_at.is_(None))))


def _attendee_rows(session: Session, event_id: str) -> list[EventAttendee]:
    return list(session.scalars(select(EventAttendee).where(EventAttendee.event_id == event_id)
                                .order_by(EventAttendee.created_at, EventAttendee.id)))


def _rows_by_contact(session: Session, event_id: str) -> dict[str, EventAttendee]:
    """contact id -> his row on the event's list (the live one when he was removed and added again)."""
    rows: dict[str, EventAttendee] = {}
    for row in _attendee_rows(session, event_id):
        if row.contact_id not in rows or row.deleted_at is None:
            rows[row.contact_id] = row
    return rows


def _live_contacts(session: Session, contact_ids: list[str]) -> list[str]:
    wanted = list(dict.fromkeys(i for i in contact_ids if i))
    live = set(session.scalars(select(Contact.id).where(Contact.id.in_(wanted), Contact.deleted_at.is_(None))))
    missing = [i for i in wanted if i not in live]
    if missing:
        raise NotFound("contact", missing[0])
    return wanted


def attendance_of(session: Session, event_ids: list[str]) -> dict[str, tuple[int, int]]:
    """event id -> (invited, attended): how many of its live attendees were invited, how many came."""
    if not event_ids:
        return {}
    # (summed as integers: a sum of a Boolean column would come back as a Boolean)
    stmt = (select(EventAttendee.event_id, func.sum(cast(EventAttendee.invited, Integer)),
                   func.sum(cast(EventAttendee.attended, Integer)))
            .join(Contact, Contact.id == EventAttendee.contact_id)
            .where(EventAttendee.deleted_at.is_(None), Contact.deleted_at.is_(None))
            .group_by(EventAttendee.event_id))
    found = {}
    for chunk in range(0, len(event_ids), 500):  # (SQLite's bound-parameter limit)
        part = event_ids[chunk:chunk + 500]
        for event_id, invited, attended in session.execute(stmt.where(EventAttendee.event_id.in_(part))):
            found[event_id] = (int(invited or 0), int(attended or 0))
    return found




def event_choices(session: Session, typed: str, limit: int = 20) -> list[dict]:
    """Type-ahead picker of live events whose name holds what was typed, the latest held first (all the
    latest when nothing is typed), with the day they were held."""
    stmt = select(Event.id, Event.name, Event.held_on).where(Event.deleted_at.is_(None))
    if (holds := holds_text(Event.name, typed)) is not None:
        stmt = stmt.where(holds)
    stmt = stmt.order_by(Event.held_on.desc(), Event.id).limit(limit)
    return [dict(id=i, name=name, company=held_on.isoformat() if held_on else "")
            for i, name, held_on in session.execute(stmt)]
