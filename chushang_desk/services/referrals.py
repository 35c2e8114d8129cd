"""Referrals (以商招商推荐): an ambassador (招商大使) brings in a new investor, contact or project.

Outstanding ambassadors are honoured each year, so a referral's outcome must be countable per
ambassador: `ambassador_outcomes` counts a year's referrals by status. A referral keeps the day it reached
each status, and links the project it brought (an existing one, or one made from it); referrals made
before projects were records named their project in free text, which `adopt_named_projects` turns into
projects.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import extract, func, select
from sqlalchemy.orm import Session, aliased

import uuid

from ..db.ids import SEED_NAMESPACE
from ..db.outbox import utcnow
from ..models import REFERRAL_STATUSES, Contact, Event, Organization, Project, Referral
from .contacts import ContactQuery, contact_rows, find_contact_ids
from .messages import Message, ValidationFailed
from .projects import save_project, validate_project
from .records import live_link, live_row as _live, save_changes
from .validation import check_date, clean_text, max_len

STATUSES = REFERRAL_STATUSES
ADVANCING = STATUSES[:-1]  # in order; "dropped" is off the line
# The day each status was reached: new is the referral's own day.
STATUS_DAY = {"new": "referred_on", **{status: f"{status}_on" for status in STATUSES[1:]}}
# A referral that reached signing counts as signed even after it landed.
SIGNED_OR_LATER = ("signed", "landed")


@dataclass
class ReferralQuery:
    """What the referral list shows; empty fields do not filter."""

    status: str = ""
    ambassador_id: str = ""
    station: str = ""
    year: int | None = None


@dataclass
class ReferralRow:
    id: str
    referred_on: date
    ambassador_id: str
    ambassador: str
    referred_contact_id: str | None
    referred_contact: str
    referred_organization_id: str | None
    referred_organization: str
    project_name: str  # the linked project's name (or the free text of a referral made before projects)
    status: str
    station: str
    project_id: str | None = None


@dataclass
class ReferralPage:
    ids: list[str]
    rows: list[ReferralRow]


@dataclass
class AmbassadorOutcome:
    """One ambassador's referrals of a year: total, by status, signed (signed or landed) and landed."""

    ambassador_id: str
    name: str
    total: int
    by_status: dict[str, int] = field(default_factory=dict)

    @property
    def signed(self) -> int:
        return sum(self.by_status.get(s, 0) for s in SIGNED_OR_LATER)

    @property
    def landed(self) -> int:
        return self.by_status.get("landed", 0)


def _filtered(query: ReferralQuery):
    stmt = select(Referral.id).where(Referral.deleted_at.is_(None))
    if query.status:
        stmt = stmt.where(Referral.status == query.status)
    if query.ambassador_id:
        stmt = stmt.where(Referral.ambassador_id == query.ambassador_id)
    if query.station:
        stmt = stmt.where(Referral.station == query.station)
    if query.year:
        stmt = stmt.where(Referral.referred_on.between(date(query.year, 1, 1), date(query.year, 12, 31)))
    return stmt


def find_referral_ids(session: Session, query: ReferralQuery) -> list[str]:
    """Ids of matching live referrals, newest first."""
    return list(session.scalars(_filtered(query).order_by(Referral.referred_on.desc(), Referral.id.desc())))


def referral_rows(session: Session, ids: list[str]) -> list[ReferralRow]:
    """Rows for the given ids in the same order, with the names of the people and organization involved."""
    ambassador, referred = aliased(Contact), aliased(Contact)
    stmt = (
        select(Referral.id, Referral.referred_on, Referral.ambassador_id, ambassador.name,
               Referral.referred_contact_id, referred.name, Referral.referred_organization_id, Organization.name,
               func.coalesce(Project.name, Referral.project_name), Referral.status, Referral.station,
               Referral.project_id)
        .join(ambassador, ambassador.id == Referral.ambassador_id)
        .outerjoin(Project, Project.id == Referral.project_id)
        .outerjoin(referred, referred.id == Referral.referred_contact_id)
        .outerjoin(Organization, Organization.id == Referral.referred_organization_id)
        .where(Referral.id.in_(ids))
    )
    found = {}
    for r in session.execute(stmt):
        found[r[0]] = ReferralRow(r[0], r[1], r[2], r[3] or "", r[4], r[5] or "", r[6], r[7] or "", r[8] or "",
                                  r[9], r[10], r[11])
    return [found[i] for i in ids if i in found]


def referral_page(session: Session, query: ReferralQuery, first: int = 100) -> ReferralPage:
    ids = find_referral_ids(session, query)
    return ReferralPage(ids, referral_rows(session, ids[:first]))


def get_referral(session: Session, referral_id: str) -> dict:
    """The referral's fields plus the display names of the people and organization it links (for editing)."""
    _live(session, Referral, referral_id)
    row = referral_rows(session, [referral_id])[0]
    referral = session.get(Referral, referral_id)
    event = session.get(Event, referral.event_id) if referral.event_id else None
    return dict(vars(row), notes=referral.notes, event_id=referral.event_id,
                event=event.name if event is not None and event.deleted_at is None else "",
                **{day: getattr(referral, day) for day in STATUS_DAY.values()})


def _check_ambassador(session: Session, ambassador_id: str, errors: dict) -> None:
    if not ambassador_id:
        errors["ambassador_id"] = Message("required")
        return
    contact = session.get(Contact, ambassador_id)
    if contact is None or contact.deleted_at is not None:
        errors["ambassador_id"] = Message("not_found")
    elif not contact.is_ambassador:
        errors["ambassador_id"] = Message("not_ambassador")


def _check_referred(session: Session, clean: dict, errors: dict) -> None:
    contact_id, org_id, project_id = clean["referred_contact_id"], clean["referred_organization_id"], clean["project_id"]
    if not (contact_id or org_id or project_id or clean["project_name"]):
        errors["referred"] = Message("need_referred")
    live_link(session, Project, project_id, errors, "project_id")
    if contact_id and session.get(Contact, contact_id) is None:
        errors["referred_contact_id"] = Message("not_found")
    elif contact_id and contact_id == clean["ambassador_id"]:
        errors["referred_contact_id"] = Message("self_referral")
    if org_id and session.get(Organization, org_id) is None:
        errors["referred_organization_id"] = Message("not_found")


def validate_referral(session: Session, data: dict) -> dict:
    """Checked and normalized fields, or ValidationFailed with a Message per bad field.

    `referred` is the error key when none of referred contact, organization or project was given.
    """
    errors: dict[str, Message] = {}
    clean = dict(
        ambassador_id=clean_text(data.get("ambassador_id")),
        referred_contact_id=clean_text(data.get("referred_contact_id")) or None,
        referred_organization_id=clean_text(data.get("referred_organization_id")) or None,
        project_id=clean_text(data.get("project_id")) or None,
        event_id=live_link(session, Event, clean_text(data.get("event_id")) or None, errors, "event_id"),
        project_name=clean_text(data.get("project_name")),
        status=clean_text(data.get("status")) or "new",
        station=clean_text(data.get("station")),
        notes=clean_text(data.get("notes")),
    )
    _check_ambassador(session, clean["ambassador_id"], errors)
    _check_referred(session, clean, errors)
    if len(clean["project_name"]) > max_len("referral", "project_name"):
        errors["project_name"] = Message("too_long", {"max": max_len("referral", "project_name")})
    if clean["status"] not in STATUSES:
        errors["status"] = Message("unknown_code", {"value": clean["status"]})
    clean["referred_on"] = check_date(data.get("referred_on"), errors, "referred_on")
    if clean["referred_on"] is None and "referred_on" not in errors:
        errors["referred_on"] = Message("required")
    elif clean["referred_on"] and clean["referred_on"] > date.today():
        errors["referred_on"] = Message("future_date")
    for status, day in list(STATUS_DAY.items())[1:]:
        clean[day] = check_date(data.get(day), errors, day)
    if errors:
        raise ValidationFailed(errors)
    return clean


def _editable_fields(referral: Referral) -> dict:
    return {a: getattr(referral, a) for a in (
        "ambassador_id", "referred_contact_id", "referred_organization_id", "project_id", "event_id", "project_name",
        "status", "station", "notes", *STATUS_DAY.values())}


def save_referral(session: Session, data: dict, referral_id: str | None = None, today: date | None = None) -> str:
    """Create (referral_id None) or edit a referral; only the fields that differ change. Returns its id.

    `new_project_name` makes a project of what was referred (its investor the referred organization and
    contact, its source the referral) and links it. A status reached without its day gets today's."""
    referral = Referral() if referral_id is None else _live(session, Referral, referral_id)
    if referral_id is not None:
        data = {**_editable_fields(referral), **data}
    data = dict(data)
    new_project = clean_text(data.pop("new_project_name", "")) if not data.get("project_id") else ""
    if new_project:
        data["project_name"] = new_project  # (checked as the referral's project until it is made)
    status = clean_text(data.get("status")) or "new"
    if status in STATUS_DAY and status != "new" and not data.get(STATUS_DAY[status]):
        data[STATUS_DAY[status]] = today or date.today()
    clean = validate_referral(session, data)
    clean.update(dict.fromkeys(_days_after(clean["status"])))
    if new_project:
        clean["project_id"], clean["project_name"] = _project_of_referral(session, clean, new_project), ""
    return save_changes(session, referral, clean)


def _project_of_referral(session: Session, clean: dict, name: str, project_id: str | None = None) -> str:
    """A project recommended on the referral's day by the people it referred."""
    data = dict(name=name, organization_id=clean["referred_organization_id"], contact_id=clean["referred_contact_id"],
                source="referral", station=clean["station"], stage="recommended", recommended_on=clean["referred_on"])
    if project_id is None:
        return save_project(session, data)
    # A given id (the same on every laptop that adopts this referral), a 楚商 project as save_project makes.
    return save_changes(session, Project(id=project_id), validate_project({"is_chushang": True, **data}))


def set_referral_status(session: Session, referral_id: str, status: str, on: date | None = None) -> None:
    """Move a referral along (or drop it) on a day (today unless said); writes only the status and the
    days, so it merges with other edits. Moving back forgets the days of the steps after it; taken up
    again, the drop is forgotten."""
    if status not in STATUSES:
        raise ValidationFailed({"status": Message("unknown_code", {"value": status})})
    referral = _live(session, Referral, referral_id)
    if referral.status == status:
        return
    referral.status = status
    if status != "new":
        setattr(referral, STATUS_DAY[status], on or date.today())
    for day in _days_after(status):
        setattr(referral, day, None)
    session.flush()


def _days_after(status: str) -> list[str]:
    """The days a referral at `status` has not reached (those of the steps after it, and the drop)."""
    if status == "dropped":
        return []
    return ["dropped_on", *(STATUS_DAY[later] for later in ADVANCING[ADVANCING.index(status) + 1:])]


def adopt_named_projects(session: Session) -> int:
    """Referrals made before projects were records named their project in free text: each becomes a
    project linked to its referral. The project's id comes from the referral's, so every laptop that
    adopts the same referral makes the same project with the same values, and their pushes agree
    instead of making one project per laptop. Returns how many were adopted."""
    named = session.scalars(select(Referral).where(
        Referral.deleted_at.is_(None), Referral.project_id.is_(None), Referral.project_name != "")).all()
    for referral in named:
        project_id = str(uuid.uuid5(SEED_NAMESPACE, f"referral-project/{referral.id}"))
        if session.get(Project, project_id) is None:
            clean = {name: getattr(referral, name) for name in (
                "referred_organization_id", "referred_contact_id", "station", "referred_on")}
            _project_of_referral(session, clean, referral.project_name, project_id)
        referral.project_id, referral.project_name = project_id, ""
        session.flush()
    return len(named)


def delete_referral(session: Session, referral_id: str) -> None:
    _live(session, Referral, referral_id).deleted_at = utcnow()


def ambassador_outcomes(session: Session, year: int, station: str = "") -> list[AmbassadorOutcome]:
    """Per ambassador, the referrals made in `year` (by referral date) counted by status; most signed first."""
    stmt = (
        select(Referral.ambassador_id, Contact.name, Referral.status, func.count())
        .join(Contact, Contact.id == Referral.ambassador_id)
        .where(Referral.deleted_at.is_(None), Contact.deleted_at.is_(None),
               extract("year", Referral.referred_on) == year)
        .group_by(Referral.ambassador_id, Contact.name, Referral.status)
    )
    if station:
        stmt = stmt.where(Referral.station == station)
    outcomes: dict[str, AmbassadorOutcome] = {}
    for ambassador_id, name, status, count in session.execute(stmt):
        outcome = outcomes.setdefault(ambassador_id, AmbassadorOutcome(ambassador_id, name, 0))
        outcome.by_status[status] = count
        outcome.total += count
    return sorted(outcomes.values(), key=lambda o: (-o.signed, -o.landed, -o.total, o.name))


def referral_years(session: Session) -> list[int]:
    """Years that have referrals, newest first (for the outcomes' year chooser)."""
    years = session.scalars(
        select(extract("year", Referral.referred_on).label("y")).where(Referral.deleted_at.is_(None))
        .distinct().order_by(extract("year", Referral.referred_on).desc())
    )
    return [int(y) for y in years if y is not None]


def ambassador_choices(session: Session, typed: str, limit: int = 20) -> list[dict]:
    """Type-ahead picker limited to live ambassadors (all of them, by name, when nothing is typed)."""
    ids = find_contact_ids(session, ContactQuery(text=typed, ambassadors_only=True))[:limit]
    return [dict(id=r.id, name=r.name, company=r.company, title=r.title) for r in contact_rows(session, ids)]
