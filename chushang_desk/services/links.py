"""Records that follow another: the projects, visits and referrals linked to an event (`event_id`) or to
a project (`project_id`), as the event's and the project's pages list them."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from ..models import Contact, Organization, Project, Referral, Visit, VisitContact
from .records import live_by_key


@dataclass(frozen=True)
class LinkedRecord:
    """A project, visit or referral that follows an event or a project."""

    table: str
    id: str
    day: date | None
    title: str  # a project's name, a visit's contacts and purpose, a referral's "ambassador → referred"
    state: str  # a project's stage, a referral's status, a visit's mode


def linked_projects(session: Session, condition) -> list[LinkedRecord]:
    stmt = (select(Project).where(condition, Project.deleted_at.is_(None))
            .order_by(Project.signed_on, Project.name))
    return [LinkedRecord("project", p.id, p.signed_on or p.recommended_on, p.name, p.stage)
            for p in session.scalars(stmt)]


def linked_visits(session: Session, condition) -> list[LinkedRecord]:
    """Visits meeting `condition` (e.g. Visit.event_id == …), oldest first, titled by who was met and why."""
    visits = list(session.scalars(select(Visit).where(condition, Visit.deleted_at.is_(None))
                                  .order_by(Visit.visit_date, Visit.id)))
    names: dict[str, list[str]] = {}
    if visits:
        for visit_id, name in session.execute(
                select(VisitContact.visit_id, Contact.name).join(Contact, Contact.id == VisitContact.contact_id)
                .where(VisitContact.visit_id.in_([v.id for v in visits]), VisitContact.deleted_at.is_(None),
                       live_by_key(Contact)).order_by(VisitContact.created_at, VisitContact.id)):
            names.setdefault(visit_id, []).append(name)
    return [LinkedRecord("visit", v.id, v.visit_date,
                         " · ".join(filter(None, ("、".join(names.get(v.id, [])), v.purpose))), v.mode)
            for v in visits]


def linked_referrals(session: Session, condition) -> list[LinkedRecord]:
    """Referrals meeting `condition`, oldest first, titled "ambassador → whom or what was referred"."""
    ambassador, referred = aliased(Contact), aliased(Contact)
    stmt = (select(Referral.id, Referral.referred_on, Referral.status, ambassador.name, referred.name,
                   Organization.name, func.coalesce(Project.name, Referral.project_name))
            .join(ambassador, ambassador.id == Referral.ambassador_id)
            .outerjoin(referred, referred.id == Referral.referred_contact_id)
            .outerjoin(Organization, Organization.id == Referral.referred_organization_id)
            .outerjoin(Project, Project.id == Referral.project_id)
            .where(condition, Referral.deleted_at.is_(None))
            .order_by(Referral.referred_on, Referral.id))
    return [LinkedRecord("referral", r[0], r[1], f"{r[3]} → {r[4] or r[5] or r[6] or '—'}", r[2])
            for r in session.execute(stmt)]
