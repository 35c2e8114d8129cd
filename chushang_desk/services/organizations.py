"""Organizations (组织): chambers, alumni associations, companies, universities, and who holds roles in them.

Everything returns plain data (dicts and dataclasses) so the UI never holds ORM objects. The list is
filtered and ordered in SQL and handed over as ids first, then rows a page at a time, so ~20,000
organizations open as fast as 200.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..db.outbox import utcnow
from ..db.search_index import sort_key
from ..models import (
    ORGANIZATION_KINDS, Affiliation, Contact, Organization, Project, Referral, Visit, VisitOrganization,
)
from .messages import Message, NotFound, ValidationFailed
from .records import live_row as _live, save_changes
from .validation import check_date, check_required, clean_text, max_len

KINDS = ORGANIZATION_KINDS
# Roles officers pick most; any other role may be typed.
COMMON_ROLES = ("会长", "执行会长", "常务副会长", "副会长", "秘书长", "副秘书长", "理事", "会员")
TEXT_FIELDS = ("region", "city", "industry", "station", "phone", "address", "notes")
MAX_LEN = {name: max_len("organization", name) for name in ("region", "city", "industry", "station", "phone", "address")}


@dataclass
class OrganizationQuery:
    """What the organization list shows; empty fields do not filter."""

    text: str = ""
    kind: str = ""
    station: str = ""
    founded_year: int | None = None  # new chambers are a yearly target: "founded in 2025"


@dataclass
class OrganizationRow:
    """One line of the organization table."""

    id: str
    name: str
    kind: str
    region: str
    city: str
    station: str
    founded_on: date | None
    members: int


@dataclass
class OrganizationPage:
    """The ids of a whole list (in order) and the rows of its first page, fetched in one trip."""

    ids: list[str]
    rows: list[OrganizationRow]


@dataclass
class OrganizationDetail:
    organization: dict
    members: list[dict] = field(default_factory=list)
    visits: list[dict] = field(default_factory=list)
    referrals: list[dict] = field(default_factory=list)


def _text_condition(typed: str):
    """Name contains the text, or its pinyin (with or without spaces) contains the typed letters."""
    typed = clean_text(typed)
    letters = sort_key(typed).replace(" ", "")
    conditions = [Organization.name.like(f"%{typed}%"), Organization.city.like(f"%{typed}%"),
                  Organization.region.like(f"%{typed}%")]
    if letters:
        conditions.append(func.replace(Organization.sort_key, " ", "").like(f"%{letters}%"))
    return or_(*conditions)


def _filtered(query: OrganizationQuery):
    stmt = select(Organization.id).where(Organization.deleted_at.is_(None))
    if query.kind:
        stmt = stmt.where(Organization.kind == query.kind)
    if query.station:
        stmt = stmt.where(Organization.station == query.station)
    if query.founded_year:
        stmt = stmt.where(Organization.founded_on.between(date(query.founded_year, 1, 1),
                                                          date(query.founded_year, 12, 31)))
    if clean_text(query.text):
        stmt = stmt.where(_text_condition(query.text))
    return stmt


def count_new_chambers(session: Session, year: int, station: str = "") -> int:
    """Chambers of commerce founded in `year` (the annual target counts new chambers)."""
    stmt = _filtered(OrganizationQuery(kind="chamber", station=station, founded_year=year))
    return session.scalar(select(func.count()).select_from(stmt.subquery())) or 0


def find_organization_ids(session: Session, query: OrganizationQuery) -> list[str]:
    """Ids of matching live organizations ordered by name as officers read it (pinyin)."""
    # sort_key alone walks the (deleted_at, sort_key) index; ties keep insertion order (rowid).
    return list(session.scalars(_filtered(query).order_by(Organization.sort_key)))


def _member_count():
    """Live members of the row's organization (a correlated count: one index lookup per shown row)."""
    return (
        select(func.count())
        .select_from(Affiliation)
        .join(Contact, Contact.id == Affiliation.contact_id)
        .where(Affiliation.organization_id == Organization.id, Affiliation.deleted_at.is_(None),
               Contact.deleted_at.is_(None))
        .correlate(Organization)
        .scalar_subquery()
    )


def organization_rows(session: Session, ids: list[str]) -> list[OrganizationRow]:
    """Rows for the given ids in the same order (one query per page of the table)."""
    stmt = select(Organization.id, Organization.name, Organization.kind, Organization.region, Organization.city,
                  Organization.station, Organization.founded_on, _member_count()).where(Organization.id.in_(ids))
    found = {r[0]: OrganizationRow(*r) for r in session.execute(stmt)}
    return [found[i] for i in ids if i in found]


def organization_page(session: Session, query: OrganizationQuery, first: int = 100) -> OrganizationPage:
    ids = find_organization_ids(session, query)
    return OrganizationPage(ids, organization_rows(session, ids[:first]))


def organization_fields(org: Organization) -> dict:
    return {a: getattr(org, a) for a in ("id", "name", "kind", "founded_on", *TEXT_FIELDS, "created_at",
                                        "updated_at", "created_by", "updated_by")}


def get_organization(session: Session, organization_id: str) -> dict:
    return organization_fields(_live(session, Organization, organization_id))


def organization_detail(session: Session, organization_id: str) -> OrganizationDetail:
    org = _live(session, Organization, organization_id)
    return OrganizationDetail(
        organization=organization_fields(org),
        members=organization_members(session, organization_id),
        visits=_visits(session, organization_id),
        referrals=_referrals(session, organization_id),
    )


def organization_members(session: Session, organization_id: str) -> list[dict]:
    """Live affiliations with the member's name, company and title, leaders (by role order) first."""
    rows = session.execute(
        select(Affiliation.id, Affiliation.role, Affiliation.since, Affiliation.notes, Contact.id, Contact.name,
               Contact.company, Contact.title)
        .join(Contact, Contact.id == Affiliation.contact_id)
        .where(Affiliation.organization_id == organization_id, Affiliation.deleted_at.is_(None),
               Contact.deleted_at.is_(None))
        .order_by(Contact.sort_key)
    )
    members = [dict(id=r[0], role=r[1], since=r[2], notes=r[3], contact_id=r[4], name=r[5], company=r[6],
                    title=r[7]) for r in rows]
    rank = {role: i for i, role in enumerate(COMMON_ROLES)}
    return sorted(members, key=lambda m: rank.get(m["role"], len(COMMON_ROLES) - 0.5))


def _visits(session: Session, organization_id: str) -> list[dict]:
    rows = session.execute(
        select(Visit.id, Visit.visit_date, Visit.mode, Visit.station, Visit.purpose, Visit.officers)
        .join(VisitOrganization, VisitOrganization.visit_id == Visit.id)
        .where(VisitOrganization.organization_id == organization_id, VisitOrganization.deleted_at.is_(None),
               Visit.deleted_at.is_(None))
        .order_by(Visit.visit_date.desc(), Visit.id.desc())
    )
    return [dict(id=r[0], visit_date=r[1], mode=r[2], station=r[3], purpose=r[4], officers=list(r[5] or []))
            for r in rows]


def _referrals(session: Session, organization_id: str) -> list[dict]:
    """Referrals that brought this organization in (newest first)."""
    rows = session.execute(
        select(Referral.id, Referral.referred_on, Referral.status, func.coalesce(Project.name, Referral.project_name),
               Contact.id, Contact.name)
        .join(Contact, Contact.id == Referral.ambassador_id)
        .outerjoin(Project, Project.id == Referral.project_id)
        .where(Referral.referred_organization_id == organization_id, Referral.deleted_at.is_(None))
        .order_by(Referral.referred_on.desc(), Referral.id.desc())
    )
    return [dict(id=r[0], referred_on=r[1], status=r[2], project_name=r[3], ambassador_id=r[4], ambassador=r[5])
            for r in rows]


def validate_organization(data: dict) -> dict:
    """Checked and normalized fields, or ValidationFailed with a Message per bad field."""
    errors: dict[str, Message] = {}
    clean = {"name": check_required(data.get("name"), errors, "name", max_len=max_len("organization", "name"))}
    kind = clean_text(data.get("kind"))
    if not kind:
        errors["kind"] = Message("required")
    elif kind not in KINDS:
        errors["kind"] = Message("unknown_code", {"value": kind})
    clean["kind"] = kind
    if "founded_on" in data:
        founded = check_date(data["founded_on"], errors, "founded_on")
        if founded and founded > date.today():
            errors["founded_on"] = Message("future_date")
        clean["founded_on"] = founded
    for name in TEXT_FIELDS:
        if name in data:
            clean[name] = clean_text(data[name])
            if name in MAX_LEN and len(clean[name]) > MAX_LEN[name]:
                errors[name] = Message("too_long", {"max": MAX_LEN[name]})
    if errors:
        raise ValidationFailed(errors)
    return clean


def save_organization(session: Session, data: dict, organization_id: str | None = None) -> str:
    """Create (organization_id None) or edit an organization; only the fields that differ change."""
    org = Organization() if organization_id is None else _live(session, Organization, organization_id)
    if organization_id is not None:
        data = {**organization_fields(org), **data}  # a partial edit is checked as the whole record
    return save_changes(session, org, validate_organization(data))


def delete_organization(session: Session, organization_id: str) -> None:
    """Tombstone the organization; its affiliations stay (hidden with it) so a restore brings them back."""
    _live(session, Organization, organization_id).deleted_at = utcnow()


def restore_organization(session: Session, organization_id: str) -> None:
    org = session.get(Organization, organization_id)
    if org is None:
        raise NotFound("organization", organization_id)
    org.deleted_at = None


def validate_affiliation(session: Session, data: dict, affiliation_id: str | None = None) -> dict:
    errors: dict[str, Message] = {}
    contact_id = clean_text(data.get("contact_id"))
    organization_id = clean_text(data.get("organization_id"))
    if not contact_id:
        errors["contact_id"] = Message("required")
    elif _maybe_live(session, Contact, contact_id) is None:
        errors["contact_id"] = Message("not_found")
    if _maybe_live(session, Organization, organization_id) is None:
        errors["organization_id"] = Message("not_found")
    role = clean_text(data.get("role"))
    if len(role) > max_len("affiliation", "role"):
        errors["role"] = Message("too_long", {"max": max_len("affiliation", "role")})
    since = check_date(data.get("since"), errors, "since")
    if since and since > date.today():
        errors["since"] = Message("future_date")
    if not errors and _already_member(session, contact_id, organization_id, affiliation_id):
        errors["contact_id"] = Message("already_member")
    if errors:
        raise ValidationFailed(errors)
    return dict(contact_id=contact_id, organization_id=organization_id, role=role, since=since,
                notes=clean_text(data.get("notes")))


def _maybe_live(session: Session, model, row_id: str):
    row = session.get(model, row_id) if row_id else None
    return row if row is not None and row.deleted_at is None else None


def _already_member(session: Session, contact_id: str, organization_id: str, affiliation_id: str | None) -> bool:
    stmt = select(Affiliation.id).where(
        Affiliation.contact_id == contact_id, Affiliation.organization_id == organization_id,
        Affiliation.deleted_at.is_(None))
    if affiliation_id:
        stmt = stmt.where(Affiliation.id != affiliation_id)
    return session.scalar(stmt.limit(1)) is not None


def save_affiliation(session: Session, data: dict, affiliation_id: str | None = None) -> str:
    """Add (affiliation_id None) or edit a contact's role in an organization. Returns the affiliation id."""
    affiliation = Affiliation() if affiliation_id is None else _live(session, Affiliation, affiliation_id)
    if affiliation_id is not None:
        data = {"contact_id": affiliation.contact_id, "organization_id": affiliation.organization_id, **data}
    return save_changes(session, affiliation, validate_affiliation(session, data, affiliation_id))


def remove_affiliation(session: Session, affiliation_id: str) -> None:
    """Tombstone the affiliation (the contact and the organization stay)."""
    _live(session, Affiliation, affiliation_id).deleted_at = utcnow()


def organization_choices(session: Session, typed: str, limit: int = 20) -> list[dict]:
    """Type-ahead picker: organizations whose name contains what was typed, or whose pinyin starts with it."""
    typed = typed.strip()
    if not typed:
        return []
    pattern = f"%{typed}%"
    rows = session.execute(
        select(Organization.id, Organization.name, Organization.kind)
        .where(Organization.deleted_at.is_(None),
               Organization.name.like(pattern) | Organization.sort_key.like(f"{sort_key(typed)}%"))
        .order_by(Organization.sort_key)
        .limit(limit)
    )
    return [dict(id=r.id, name=r.name, kind=r.kind) for r in rows]
