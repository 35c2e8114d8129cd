"""Merging contacts that are one person: the officer picks the surviving value of each field; the visits
met at, memberships and referrals of the others move to the survivor; the others are deleted. All of it
is ordinary synced edits plus a `contact_merge` row recording what moved, so every laptop applies the
merge, and any laptop can undo it, also after it synced: the merged contacts come back with what they
had, and their rows move back to them.

Station scoping holds: a visit or referral of another station can only be moved by headquarters or that
station (the server refuses the rest), so such a merge is refused here first, naming what is in the way.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.outbox import to_wire, utcnow
from ..models import Affiliation, Contact, ContactMerge, Referral, Visit, VisitContact
from ..models.records import FREE_TEXT_MAX
from .contacts import FLAG_FIELDS, TEXT_FIELDS, contact_fields, validate_contact
from .messages import Message, NotFound, ValidationFailed
from .records import save_changes
from .sync_status import all_state

MOST = 20  # contacts merged at once (models.records: merged_ids)
MERGED_FIELDS = ("name", *TEXT_FIELDS, *FLAG_FIELDS, "ambassador_since", "phones", "email", "graduation_year", "tags")
# The rows that point at a contact: (model, field). Their order is the order they are moved back.
LINKS = ((VisitContact, "contact_id"), (Affiliation, "contact_id"), (Referral, "ambassador_id"),
         (Referral, "referred_contact_id"))
DUPLICATE_OF = {VisitContact: "visit_id", Affiliation: "organization_id"}  # the survivor has one already
DROPPED = "dropped"  # a moved row the survivor already had (the same visit or organization): deleted


@dataclass(frozen=True)
class MergeCandidate:
    """One of the contacts being merged, as the merge dialog shows it."""

    id: str
    fields: dict
    visits: int
    referrals: int
    memberships: int


def merge_preview(session: Session, contact_ids: list[str]) -> list[MergeCandidate]:
    """The contacts' fields and what points at each, in the order given."""
    out = []
    for contact_id in contact_ids:
        contact = _live(session, contact_id)
        counts = {model: len(_rows_of(session, model, field, contact_id)) for model, field in LINKS}
        out.append(MergeCandidate(contact.id, contact_fields(contact), counts[VisitContact],
                                  len(_rows_of(session, Referral, "ambassador_id", contact_id))
                                  + len(_rows_of(session, Referral, "referred_contact_id", contact_id)),
                                  counts[Affiliation]))
    return out


def united_values(candidates: list[MergeCandidate]) -> dict:
    """A first choice of the survivor's values: the survivor's own, with what it lacks taken from the
    others, phones and tags united, a kind or mark any of them has."""
    values = {name: candidates[0].fields.get(name) for name in MERGED_FIELDS}
    for other in candidates[1:]:
        for name in MERGED_FIELDS:
            theirs = other.fields.get(name)
            if name in ("phones", "tags"):
                values[name] = list(dict.fromkeys([*(values[name] or []), *(theirs or [])]))
            elif name in FLAG_FIELDS:
                values[name] = bool(values[name]) or bool(theirs)
            elif values[name] in (None, "") and theirs not in (None, ""):
                values[name] = theirs
    values["phones"] = values["phones"][:10]
    return values


def merge_contacts(session: Session, survivor_id: str, merged_ids: list[str], values: dict) -> str:
    """Make `merged_ids` one with `survivor_id`, who takes `values` (fields of MERGED_FIELDS); returns the
    merge's id. ValidationFailed when the values are not a valid contact, or a row is out of reach."""
    merged_ids = [i for i in dict.fromkeys(merged_ids) if i != survivor_id]
    if not merged_ids or len(merged_ids) > MOST:
        raise ValidationFailed({"merge": Message("merge_count", {"most": MOST + 1})})
    survivor = _live(session, survivor_id)
    merged = [_live(session, i) for i in merged_ids]
    clean = validate_contact({**contact_fields(survivor), **{k: v for k, v in values.items() if k in MERGED_FIELDS}})
    _check_reach(session, merged_ids)
    before = {name: to_wire(getattr(survivor, name)) for name in clean if getattr(survivor, name) != clean[name]}
    moves = {contact.id: _move_rows(session, contact.id, survivor_id) for contact in merged}
    record = json.dumps(moves, separators=(",", ":"))
    if len(record) > FREE_TEXT_MAX:
        raise ValidationFailed({"merge": Message("merge_too_many_rows")})
    save_changes(session, survivor, clean)
    for contact in merged:
        contact.deleted_at = utcnow()
    merge = ContactMerge(survivor_id=survivor_id, merged_ids=merged_ids, moves=record,
                         survivor_before=json.dumps(before, ensure_ascii=False))
    return save_changes(session, merge, {})


def undo_merge(session: Session, merge_id: str) -> None:
    """Take a merge back on this laptop (its edits sync as any other): the merged contacts restored, the
    rows moved back to them, the survivor's fields as they were. A row that was moved on since (a visit's
    people edited again) stays where it is now. A merge row that does not say what it moved in the shape
    merge_contacts writes (another client's bug, or a hostile one) is refused whole: nothing changes."""
    merge = session.get(ContactMerge, merge_id)
    if merge is None or merge.deleted_at is not None or merge.undone_at is not None:
        raise NotFound("contact_merge", merge_id)
    moves, before = _recorded_moves(merge), _recorded_before(merge)
    survivor = session.get(Contact, merge.survivor_id)
    for contact_id, moved in moves.items():
        contact = session.get(Contact, contact_id)
        if contact is not None:
            contact.deleted_at = None
        for key, row_ids in moved.items():
            _move_back(session, key, row_ids, contact_id, merge.survivor_id)
    if survivor is not None and before:
        save_changes(session, survivor, validate_contact({**contact_fields(survivor), **before}))
    merge.undone_at = utcnow()
    session.flush()


def _recorded_moves(merge: ContactMerge) -> dict[str, dict[str, list[str]]]:
    """{merged contact id: {"table/field": [row ids]}} as merge_contacts wrote it, or ValidationFailed.
    Only the merge's own contacts and the links merge_contacts moves are accepted, so a forged row cannot
    point other people's visits somewhere else."""
    keys = {f"{model.__tablename__}/{field}" for model, field in LINKS} | {
        f"{model.__tablename__}/{DROPPED}" for model in DUPLICATE_OF}
    try:
        moves = json.loads(merge.moves or "{}")
    except ValueError:
        moves = None
    merged = set(merge.merged_ids or ())

    def well_formed(moved) -> bool:
        return isinstance(moved, dict) and all(
            key in keys and isinstance(ids, list) and all(isinstance(i, str) for i in ids)
            for key, ids in moved.items())

    if not isinstance(moves, dict) or not all(c in merged and well_formed(m) for c, m in moves.items()):
        raise ValidationFailed({"merge": Message("merge_record_damaged")})
    return moves


def _recorded_before(merge: ContactMerge) -> dict:
    """The survivor's values before the merge, as wire values of MERGED_FIELDS, or ValidationFailed."""
    try:
        before = json.loads(merge.survivor_before or "{}")
    except ValueError:
        before = None
    if not isinstance(before, dict) or not set(before) <= set(MERGED_FIELDS):
        raise ValidationFailed({"merge": Message("merge_record_damaged")})
    try:
        return {name: _from_wire(name, value) for name, value in before.items()}
    except ValueError:
        raise ValidationFailed({"merge": Message("merge_record_damaged")}) from None


def merges_into(session: Session, contact_id: str) -> list[dict]:
    """The merges this contact survived (newest first), for the contact's page and its Undo."""
    rows = session.scalars(select(ContactMerge).where(ContactMerge.survivor_id == contact_id,
                                                      ContactMerge.deleted_at.is_(None))
                           .order_by(ContactMerge.created_at.desc()))
    out = []
    for merge in rows:
        names = [c.name for c in (session.get(Contact, i) for i in merge.merged_ids) if c is not None]
        out.append({"id": merge.id, "created_at": merge.created_at, "by": merge.created_by, "names": names,
                    "undone_at": merge.undone_at})
    return out


# --- the rows that move ---------------------------------------------------------------------------------


def _live(session: Session, contact_id: str) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None or contact.deleted_at is not None:
        raise NotFound("contact", contact_id)
    return contact


def _rows_of(session: Session, model, field: str, contact_id: str) -> list:
    column = getattr(model, field)
    return list(session.scalars(select(model).where(column == contact_id, model.deleted_at.is_(None))))


def _move_rows(session: Session, contact_id: str, survivor_id: str) -> dict[str, list[str]]:
    """Point the contact's rows at the survivor; {"table/field": [row ids]} and the dropped ones."""
    moved: dict[str, list[str]] = {}
    for model, field in LINKS:
        for row in _rows_of(session, model, field, contact_id):
            twin = DUPLICATE_OF.get(model)
            if twin and _survivor_has(session, model, twin, getattr(row, twin), survivor_id):
                row.deleted_at = utcnow()
                moved.setdefault(f"{model.__tablename__}/{DROPPED}", []).append(row.id)
            else:
                setattr(row, field, survivor_id)
                moved.setdefault(f"{model.__tablename__}/{field}", []).append(row.id)
    session.flush()
    return moved


def _survivor_has(session: Session, model, twin: str, value: str, survivor_id: str) -> bool:
    return session.scalars(select(model.id).where(getattr(model, twin) == value, model.contact_id == survivor_id,
                                                  model.deleted_at.is_(None))).first() is not None


def _move_back(session: Session, key: str, row_ids: list[str], contact_id: str, survivor_id: str) -> None:
    table, field = key.split("/", 1)
    model = next(m for m, _f in LINKS if m.__tablename__ == table)  # known: _recorded_moves checked the key
    for row_id in row_ids:
        row = session.get(model, row_id)
        if row is None:
            continue
        if field == DROPPED:
            row.deleted_at = None
        elif getattr(row, field) == survivor_id:
            setattr(row, field, contact_id)
    session.flush()


def _from_wire(name: str, value):
    from datetime import date

    if name == "ambassador_since" and isinstance(value, str) and value:
        return date.fromisoformat(value)
    return value


def _check_reach(session: Session, merged_ids: list[str]) -> None:
    """A signed-in officer moves only his own station's visits and referrals (headquarters: any)."""
    state = all_state(session)
    if not state.get("user") or state.get("role") == "hq":
        return
    own = state.get("station", "")
    visits = session.scalars(select(Visit.station).join(VisitContact, VisitContact.visit_id == Visit.id)
                             .where(VisitContact.contact_id.in_(merged_ids), VisitContact.deleted_at.is_(None),
                                    Visit.station.not_in(("", own))).distinct()).all()
    referrals = session.scalars(select(Referral.station).where(
        (Referral.ambassador_id.in_(merged_ids)) | (Referral.referred_contact_id.in_(merged_ids)),
        Referral.deleted_at.is_(None), Referral.station.not_in(("", own))).distinct()).all()
    stations = sorted(set(visits) | set(referrals))
    if stations:
        raise ValidationFailed({"merge": Message("merge_other_station", {"stations": "、".join(stations)})})
