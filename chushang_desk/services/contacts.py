"""Contacts (名录人员): find, show, create, edit and delete, returning plain data."""
from __future__ import annotations

from dataclasses import dataclass, field, asdict
from functools import lru_cache

from sqlalchemy import select, text, or_, desc, func, literal_column
from sqlalchemy.orm import Session

from ..db.outbox import utcnow
from ..db.search_index import (
    close_match_ids, count_matches_sql, match_expression, matching_contact_ids_sql, search_contact_ids_sql,
    search_head_sql,
)
from ..models import (
    Affiliation, Contact, Organization, Project, Referral, Visit, VisitContact,
)
from .messages import Message, NotFound, ValidationFailed
from .records import first_column, live_row, save_changes
from .validation import (
    check_date, check_email, check_phones, check_required, clean_text, display_phone, max_len,
)

KINDS = ("merchant", "alumnus", "talent")
SORTS = {
    "name": (Contact.sort_key, Contact.id),
    "updated": (desc(Contact.updated_at), Contact.id),
    "company": (Contact.company, Contact.sort_key, Contact.id),
    "title": (Contact.title, Contact.sort_key, Contact.id),
    "industry": (Contact.industry, Contact.sort_key, Contact.id),
    "station": (Contact.station, Contact.sort_key, Contact.id),
    "region": (Contact.region, Contact.city, Contact.sort_key, Contact.id),
    "native_prefecture": (Contact.native_prefecture, Contact.sort_key, Contact.id),
    "marks": (desc(Contact.is_key), desc(Contact.is_ambassador), Contact.sort_key, Contact.id),
    "kinds": (desc(Contact.is_merchant), desc(Contact.is_alumnus), desc(Contact.is_talent), Contact.sort_key,
              Contact.id),
}
# The first page of a list comes with its count, so a screen paints before all ids have arrived.
HEAD_ROWS = 60
TEXT_FIELDS = (
    "gender", "native_prefecture", "native_county", "region", "city", "company", "title", "industry",
    "wechat", "university", "degree", "talent_titles", "notes", "source", "station", "ambassador_unit",
)
FLAG_FIELDS = ("is_merchant", "is_alumnus", "is_talent", "is_key", "is_ambassador")


@dataclass
class ContactQuery:
    """What the contact list shows: free text plus filters; empty means no filter."""

    text: str = ""
    kinds: tuple[str, ...] = ()
    key_only: bool = False
    ambassadors_only: bool = False
    station: str = ""
    region: str = ""
    industry: str = ""
    university: str = ""
    native_prefecture: str = ""
    sort: str = "name"
    descending: bool = False

    def is_plain(self) -> bool:
        """No text and no filter: the whole directory (the list the screen opens with)."""
        return self == ContactQuery(sort=self.sort, descending=self.descending)


@dataclass
class ContactRow:
    """One line of the contact table."""

    id: str
    name: str
    kinds: tuple[str, ...]
    is_key: bool
    is_ambassador: bool
    company: str
    title: str
    industry: str
    region: str
    city: str
    station: str
    native_prefecture: str
    university: str
    phones: list[str]
    phone_display: str = ""  # the phones as people write them (138 1234 5678; +1 415-555-0123)


@dataclass
class ContactHead:
    """The count and first rows of a list; `ids` is the whole ordered list when it came cheaply."""

    total: int
    rows: list[ContactRow]
    ids: list[str] | None = None
    close: bool = False  # no exact match: these are the names closest to what was typed (a typo)


@dataclass
class ContactDetail:
    contact: dict
    affiliations: list[dict] = field(default_factory=list)
    visits: list[dict] = field(default_factory=list)
    referrals_made: list[dict] = field(default_factory=list)
    referred_by: list[dict] = field(default_factory=list)
    merges: list[dict] = field(default_factory=list)  # merges this contact survived (services/merge.py)


def _filtered(query: ContactQuery, walk_sort_index: bool = False, columns=(Contact.id,)):
    """The matching live contacts.

    A unary `+` keeps SQLite from walking the (deleted_at, sort_key) index when it must read every
    match anyway: a scan and a sort are faster than the index walk there (bench/bench_search.py times
    the queries), and with a text search the walk would test every row instead of the few the FTS index
    found.
    `walk_sort_index` is for a first page by name, where the walk stops after a few rows.
    """
    live = Contact.deleted_at.is_(None) if walk_sort_index else literal_column("+contact.deleted_at").is_(None)
    stmt = select(*columns).where(live)
    if query.kinds:
        stmt = stmt.where(or_(*(getattr(Contact, f"is_{k}") for k in query.kinds)))
    if query.key_only:
        stmt = stmt.where(Contact.is_key)
    if query.ambassadors_only:
        stmt = stmt.where(Contact.is_ambassador)
    for name in ("station", "region", "industry", "university", "native_prefecture"):
        value = getattr(query, name)
        if value:
            stmt = stmt.where(getattr(Contact, name) == value)
    match = match_expression(query.text)
    if match:
        stmt = stmt.where(Contact.id.in_(text(matching_contact_ids_sql()).bindparams(match=match)))
    elif query.text.strip():
        stmt = stmt.where(False)  # nothing searchable in what was typed (punctuation only)
    return stmt


def _order(query: ContactQuery) -> list:
    order = list(SORTS.get(query.sort, SORTS["name"]))
    if query.descending:
        order = [_reverse(o) for o in order]
    return order


def _reverse(clause):
    modifier = getattr(clause, "modifier", None)
    if modifier is not None and getattr(modifier, "__name__", "") == "desc_op":
        return clause.element.asc()
    return desc(clause)


def find_contact_ids(session: Session, query: ContactQuery) -> list[str]:
    """Ids of the matching live contacts, in the requested order, filtered and sorted in SQL.

    A search by text alone in name order is answered by the search index by itself (it holds live
    contacts only, each with its sort key): reading each matching contact row to sort it made a broad
    search ("王", 4,500 hits) three times slower.
    """
    match = match_expression(query.text)
    text_only = query == ContactQuery(text=query.text, sort=query.sort, descending=query.descending)
    if match and text_only and query.sort == "name":
        sql = search_contact_ids_sql(descending=query.descending).replace(":match", "?")
        return [row[0] for row in session.connection().exec_driver_sql(sql, (match,)).cursor]
    # The whole directory by name: a walk of the name index, which holds the ids (~28 ms at 100,000
    # contacts, against ~130 ms to read and sort every row).
    walk = query.is_plain() and query.sort == "name"
    return first_column(session, _filtered(query, walk_sort_index=walk).order_by(*_order(query)))


def count_contacts(session: Session, query: ContactQuery) -> int:
    return session.scalar(select(func.count()).select_from(_filtered(query).subquery())) or 0


def contact_head(session: Session, query: ContactQuery, limit: int = HEAD_ROWS) -> ContactHead:
    """What the list paints first: the count and the first rows, and all the ids when they came at no
    extra cost (None: the screen fetches them with find_contact_ids after it has painted).

    The whole directory by name comes from walking the name index, and a search alone from the search
    index, whose docids are in name order: both stop after `limit` rows, whatever the count (a first
    keystroke, "l", matches 29,000 of 100,000; bench/bench_search.py). A filter or another order reads
    every match anyway, so it returns all ids at once.
    """
    match = match_expression(query.text)
    if match and query == ContactQuery(text=query.text, descending=query.descending):
        return _search_head(session, query, match, limit)
    if not (query.is_plain() and query.sort == "name"):
        ids = find_contact_ids(session, query)
        return ContactHead(len(ids), contact_rows(session, ids[:limit]), ids)
    stmt = _filtered(query, walk_sort_index=True).order_by(*_order(query)).limit(limit)
    head_ids = list(session.scalars(stmt))
    if len(head_ids) < limit:
        return ContactHead(len(head_ids), contact_rows(session, head_ids), head_ids)
    return ContactHead(count_contacts(session, query), contact_rows(session, head_ids), None)


def _search_head(session: Session, query: ContactQuery, match: str, limit: int) -> ContactHead:
    """A search alone: its first rows in name order and its count from the index, never all its ids
    (the screen fetches them after painting); nothing found, the closest names (a typo?)."""
    conn = session.connection()
    sql = search_head_sql(descending=query.descending).replace(":match", "?").replace(":limit", "?")
    head_ids = [row[0] for row in conn.exec_driver_sql(sql, (match, limit))]
    if len(head_ids) == limit:
        total = conn.exec_driver_sql(count_matches_sql().replace(":match", "?"), (match,)).scalar()
        return ContactHead(total, contact_rows(session, head_ids), None)
    if not head_ids:
        close = close_match_ids(conn, query.text)
        if close:
            return ContactHead(len(close), contact_rows(session, close[:limit]), close, close=True)
    return ContactHead(len(head_ids), contact_rows(session, head_ids), head_ids)


def _kinds(c) -> tuple[str, ...]:
    return tuple(k for k in KINDS if getattr(c, f"is_{k}"))


def contact_rows(session: Session, ids: list[str]) -> list[ContactRow]:
    """Rows for the given ids, in the same order (one query per page of the table)."""
    cols = [getattr(Contact, n) for n in (
        "id", "name", "is_merchant", "is_alumnus", "is_talent", "is_key", "is_ambassador", "company", "title",
        "industry", "region", "city", "station", "native_prefecture", "university", "phones")]
    found = {r.id: r for r in session.execute(select(*cols).where(Contact.id.in_(ids)))}
    return [
        ContactRow(
            id=r.id, name=r.name, kinds=_kinds(r), is_key=r.is_key, is_ambassador=r.is_ambassador,
            company=r.company, title=r.title, industry=r.industry, region=r.region, city=r.city,
            station=r.station, native_prefecture=r.native_prefecture, university=r.university,
            phones=list(r.phones or []), phone_display="; ".join(shown_phone(p) for p in r.phones or []),
        )
        for r in (found.get(i) for i in ids) if r is not None
    ]


@lru_cache(maxsize=20_000)
def shown_phone(e164: str) -> str:
    """display_phone, with mainland mobiles (most numbers) formatted directly: phonenumbers takes
    ~30 µs a number, which was two thirds of the time to fetch a page of the contact list."""
    if len(e164) == 14 and e164.startswith("+861") and e164[4] in "3456789" and e164[1:].isdigit():
        return f"{e164[3:6]} {e164[6:10]} {e164[10:]}"
    return display_phone(e164)


def contact_regions(session: Session) -> list[str]:
    """The regions contacts live in (free text on the record), for the list's region filter."""
    stmt = (select(Contact.region).where(Contact.deleted_at.is_(None), Contact.region != "")
            .distinct().order_by(Contact.region))
    return list(session.scalars(stmt))


def contact_fields(c: Contact) -> dict:
    return {a: getattr(c, a) for a in ("id", "name", *TEXT_FIELDS, *FLAG_FIELDS, "ambassador_since", "phones",
                                        "email", "graduation_year", "tags", "created_at", "updated_at",
                                        "created_by", "updated_by")}


def _live_contact(session: Session, contact_id: str) -> Contact:
    return live_row(session, Contact, contact_id)


def get_contact(session: Session, contact_id: str) -> dict:
    return contact_fields(_live_contact(session, contact_id))


def contact_detail(session: Session, contact_id: str) -> ContactDetail:
    contact = _live_contact(session, contact_id)
    return ContactDetail(
        contact=contact_fields(contact),
        affiliations=_affiliations(session, contact_id),
        visits=_visit_history(session, contact_id),
        referrals_made=_referrals(session, Referral.ambassador_id == contact_id),
        referred_by=_referrals(session, Referral.referred_contact_id == contact_id),
        merges=_merges(session, contact_id),
    )


def _merges(session: Session, contact_id: str) -> list[dict]:
    from .merge import merges_into  # merge builds on this module

    return merges_into(session, contact_id)


def _affiliations(session: Session, contact_id: str) -> list[dict]:
    rows = session.execute(
        select(Affiliation.id, Affiliation.role, Affiliation.since, Organization.id, Organization.name,
               Organization.kind)
        .join(Organization, Organization.id == Affiliation.organization_id)
        .where(Affiliation.contact_id == contact_id, Affiliation.deleted_at.is_(None),
               Organization.deleted_at.is_(None))
        .order_by(Organization.sort_key)
    )
    return [dict(id=r[0], role=r[1], since=r[2], organization_id=r[3], organization=r[4], kind=r[5]) for r in rows]


def _visit_history(session: Session, contact_id: str) -> list[dict]:
    rows = session.execute(
        select(Visit.id, Visit.visit_date, Visit.mode, Visit.station, Visit.purpose, Visit.summary, Visit.officers)
        .join(VisitContact, VisitContact.visit_id == Visit.id)
        .where(VisitContact.contact_id == contact_id, VisitContact.deleted_at.is_(None), Visit.deleted_at.is_(None))
        .order_by(Visit.visit_date.desc(), Visit.id.desc())
    )
    return [dict(id=r[0], visit_date=r[1], mode=r[2], station=r[3], purpose=r[4], summary=r[5],
                 officers=list(r[6] or [])) for r in rows]


def _referrals(session: Session, condition) -> list[dict]:
    ambassador = Contact.__table__.alias("ambassador")
    referred = Contact.__table__.alias("referred")
    rows = session.execute(
        select(Referral.id, Referral.referred_on, Referral.status, func.coalesce(Project.name, Referral.project_name),
               ambassador.c.name, referred.c.name, Organization.name)
        .join(ambassador, ambassador.c.id == Referral.ambassador_id)
        .outerjoin(Project, Project.id == Referral.project_id)
        .outerjoin(referred, referred.c.id == Referral.referred_contact_id)
        .outerjoin(Organization, Organization.id == Referral.referred_organization_id)
        .where(condition, Referral.deleted_at.is_(None))
        .order_by(Referral.referred_on.desc())
    )
    return [dict(id=r[0], referred_on=r[1], status=r[2], project_name=r[3], ambassador=r[4],
                 referred_contact=r[5] or "", referred_organization=r[6] or "") for r in rows]


def validate_contact(data: dict) -> dict:
    """Checked and normalized fields, or ValidationFailed with a Message per bad field."""
    errors: dict[str, Message] = {}
    clean = {"name": check_required(data.get("name"), errors, "name", max_len=max_len("contact", "name"))}
    for name in TEXT_FIELDS:
        if name in data:
            clean[name] = clean_text(data[name])
    for name in FLAG_FIELDS:
        if name in data:
            clean[name] = bool(data[name])
    if "phones" in data:
        clean["phones"] = check_phones(data["phones"], errors)
    if "email" in data:
        clean["email"] = check_email(data["email"], errors)
    if "tags" in data:
        clean["tags"] = [clean_text(t) for t in data["tags"] if clean_text(t)]
    if "graduation_year" in data:
        clean["graduation_year"] = _check_year(data["graduation_year"], errors)
    if "ambassador_since" in data:
        clean["ambassador_since"] = check_date(data["ambassador_since"], errors, "ambassador_since")
    if not any(clean.get(f"is_{k}", data.get(f"is_{k}")) for k in KINDS):
        errors["kinds"] = Message("need_kind")
    if clean.get("is_ambassador") and not clean.get("ambassador_since") and "ambassador_since" not in errors:
        errors["ambassador_since"] = Message("ambassador_date")
    if errors:
        raise ValidationFailed(errors)
    return clean


def _check_year(value, errors: dict) -> int | None:
    if value in (None, ""):
        return None
    try:
        year = int(clean_text(value))
    except ValueError:
        year = 0
    if not 1900 <= year <= 2100:
        errors["graduation_year"] = Message("bad_year")
        return None
    return year


def save_contact(session: Session, data: dict, contact_id: str | None = None) -> str:
    """Create (contact_id None) or edit a contact; only the fields given change. Returns the id."""
    contact = Contact() if contact_id is None else _live_contact(session, contact_id)
    if contact_id is not None:
        data = {**contact_fields(contact), **data}  # a partial edit is checked as the whole record
    return save_changes(session, contact, validate_contact(data))


def delete_contact(session: Session, contact_id: str) -> None:
    """Tombstone the contact (it disappears everywhere once synced; restore stays possible)."""
    _live_contact(session, contact_id).deleted_at = utcnow()


def restore_contact(session: Session, contact_id: str) -> None:
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise NotFound("contact", contact_id)
    contact.deleted_at = None


def contact_choices(session: Session, typed: str, limit: int = 20) -> list[dict]:
    """Type-ahead picker: id, name, company, title of the best matches for what was typed."""
    ids = find_contact_ids(session, ContactQuery(text=typed))[:limit] if typed.strip() else []
    return [dict(id=r.id, name=r.name, company=r.company, title=r.title) for r in contact_rows(session, ids)]


def as_dict(row) -> dict:
    return asdict(row)
