"""Visits (走访记录): the visit list's query, logging and editing a visit, and its follow-ups (待办).

The query (`VisitQuery`, `visit_filter`) is shared by the visit screen and the visit-log export. Everything
here takes a Session and plain data and returns plain data, so the UI never holds ORM objects.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import String, exists, func, or_, select, true, type_coerce
from sqlalchemy.orm import Session

from ..db.outbox import utcnow
from ..models import (
    Contact, Event, FollowUp, Organization, Project, ReferenceItem, Visit, VisitContact, VisitOrganization,
    VISIT_MODES,
)
from .messages import Message, NotFound, ValidationFailed
from .records import first_column, live_by_key, live_link, live_row
from .validation import check_amount, check_date, clean_text, declared_errors, max_len

MODES = VISIT_MODES  # visit 上门走访, inspection 来汉考察, call 电话/视频, meeting 座谈/活动
DUE_SOON_DAYS = 7
DUE_STATES = ("overdue", "soon", "later", "none", "done")  # worst first
# From the record declaration (models.records); an intention's note is kept shorter than the sync allows.
_TEXT_LIMITS = {"place": max_len("visit", "place"), "purpose": max_len("visit", "purpose"),
                "intention_note": 4000, "summary": max_len("visit", "summary")}
_TASK_MAX, _OWNER_MAX = max_len("follow_up", "task"), max_len("follow_up", "owner")


@dataclass
class VisitQuery:
    """What the visit list shows (and what an export writes); empty fields do not filter."""

    date_from: date | None = None
    date_to: date | None = None  # inclusive
    station: str = ""
    officer: str = ""
    contact_id: str = ""
    mode: str = ""


def visit_filter(query: VisitQuery):
    """SELECT Visit.id of live visits matching the query (callers add columns, order and limits)."""
    stmt = select(Visit.id).where(Visit.deleted_at.is_(None))
    if query.date_from:
        stmt = stmt.where(Visit.visit_date >= query.date_from)
    if query.date_to:
        stmt = stmt.where(Visit.visit_date <= query.date_to)
    if query.station:
        stmt = stmt.where(Visit.station == query.station)
    if query.mode:
        stmt = stmt.where(Visit.mode == query.mode)
    if query.officer:
        stmt = stmt.where(_names_officer(query.officer))
    if query.contact_id:
        stmt = stmt.where(exists(select(1).where(
            VisitContact.visit_id == Visit.id, VisitContact.contact_id == query.contact_id,
            VisitContact.deleted_at.is_(None))))
    return stmt


def _names_officer(officer: str):
    """The visit's officer list holds this name. Searched in the stored JSON text for the name as JSON
    writes it, quotes included (so only a whole name matches): parsing every list with json_each is a
    pass over every visit's JSON, many times slower on a big profile."""
    stored = type_coerce(Visit.officers, String())
    escaped, plain = json.dumps(officer), json.dumps(officer, ensure_ascii=False)  # either way of writing it
    return or_(func.instr(stored, escaped) > 0, func.instr(stored, plain) > 0)


def find_visit_ids(session: Session, query: VisitQuery, limit: int | None = None) -> list[str]:
    """Ids of matching visits, newest first (the first `limit` only, when given)."""
    stmt = visit_filter(query).order_by(Visit.visit_date.desc(), Visit.id.desc())
    return first_column(session, stmt if limit is None else stmt.limit(limit))


def first_visit_rows(session: Session, query: VisitQuery, limit: int) -> list[VisitRow]:
    """The newest `limit` matching visits as rows: the list paints these while all the ids are counted."""
    return visit_rows(session, find_visit_ids(session, query, limit))


# ---------------------------------------------------------------------------------------------- due dates

def due_state(due: date | None, done: bool = False, today: date | None = None) -> str:
    """overdue (before today), soon (within DUE_SOON_DAYS), later, none (no due date) or done."""
    if done:
        return "done"
    if due is None:
        return "none"
    today = today or date.today()
    if due < today:
        return "overdue"
    if due <= today + timedelta(days=DUE_SOON_DAYS):
        return "soon"
    return "later"


def worst_due_state(states) -> str:
    """The state that needs attention first ("" when there is nothing)."""
    states = list(states)
    return min(states, key=DUE_STATES.index) if states else ""


# ---------------------------------------------------------------------------------------------- reading

@dataclass
class VisitRow:
    """One line of the visit list, with what its tooltip shows."""

    id: str
    visit_date: date
    station: str
    mode: str
    contacts: list[str]
    officers: list[str]
    purpose: str
    place: str
    next_contact_date: date | None
    open_follow_ups: int
    due_state: str  # worst state of the open follow-ups, "" when none are open
    summary: str  # cut to a tooltip's length
    follow_ups: list[dict] = field(default_factory=list)


def visit_rows(session: Session, ids: list[str], today: date | None = None) -> list[VisitRow]:
    """Rows for the given ids in the same order (a page of the visit list: three small queries)."""
    if not ids:
        return []
    today = today or date.today()
    cols = (Visit.id, Visit.visit_date, Visit.station, Visit.mode, Visit.officers, Visit.purpose, Visit.place,
            Visit.next_contact_date, func.substr(Visit.summary, 1, 400))
    found = {r[0]: r for r in session.execute(select(*cols).where(Visit.id.in_(ids)))}
    names = _contact_names(session, ids)
    follow_ups = _follow_ups_of(session, ids, today)
    rows = []
    for visit_id in ids:
        r = found.get(visit_id)
        if r is None:
            continue
        open_ones = [f for f in follow_ups.get(visit_id, []) if not f["done"]]
        rows.append(VisitRow(
            id=r[0], visit_date=r[1], station=r[2], mode=r[3], contacts=names.get(visit_id, []),
            officers=list(r[4] or []), purpose=r[5], place=r[6], next_contact_date=r[7],
            open_follow_ups=len(open_ones), due_state=worst_due_state(f["state"] for f in open_ones),
            summary=r[8] or "", follow_ups=follow_ups.get(visit_id, []),
        ))
    return rows


def _contact_names(session: Session, visit_ids: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    rows = session.execute(
        select(VisitContact.visit_id, Contact.name)
        .join(Contact, Contact.id == VisitContact.contact_id)
        .where(VisitContact.visit_id.in_(visit_ids), VisitContact.deleted_at.is_(None), live_by_key(Contact))
        .order_by(VisitContact.created_at, VisitContact.id)
    )
    for visit_id, name in rows:
        out.setdefault(visit_id, []).append(name)
    return out


def _follow_up_dict(f, today: date) -> dict:
    return dict(id=f.id, task=f.task, owner=f.owner, due_date=f.due_date, done=bool(f.done), done_on=f.done_on,
                state=due_state(f.due_date, f.done, today))


def _follow_ups_of(session: Session, visit_ids: list[str], today: date) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    rows = session.scalars(
        select(FollowUp)
        .where(FollowUp.visit_id.in_(visit_ids), FollowUp.deleted_at.is_(None))
        .order_by(FollowUp.created_at, FollowUp.id)
    )
    for f in rows:
        out.setdefault(f.visit_id, []).append(_follow_up_dict(f, today))
    return out


def _live_visit(session: Session, visit_id: str) -> Visit:
    return live_row(session, Visit, visit_id)


def get_visit(session: Session, visit_id: str, today: date | None = None) -> dict:
    """Everything the Log a visit dialog and the detail area show, as plain data."""
    v = _live_visit(session, visit_id)
    today = today or date.today()
    contacts = session.execute(
        select(Contact.id, Contact.name, Contact.company, Contact.title)
        .join(VisitContact, VisitContact.contact_id == Contact.id)
        .where(VisitContact.visit_id == visit_id, VisitContact.deleted_at.is_(None), Contact.deleted_at.is_(None))
        .order_by(VisitContact.created_at, VisitContact.id)
    )
    organizations = session.execute(
        select(Organization.id, Organization.name, Organization.kind)
        .join(VisitOrganization, VisitOrganization.organization_id == Organization.id)
        .where(VisitOrganization.visit_id == visit_id, VisitOrganization.deleted_at.is_(None),
               Organization.deleted_at.is_(None))
        .order_by(VisitOrganization.created_at, VisitOrganization.id)
    )
    return dict(
        id=v.id, visit_date=v.visit_date, station=v.station, officers=list(v.officers or []), mode=v.mode,
        place=v.place, purpose=v.purpose, summary=v.summary, intention_industry=v.intention_industry,
        intention_amount=v.intention_amount, intention_note=v.intention_note,
        next_contact_date=v.next_contact_date, created_by=v.created_by, updated_at=v.updated_at,
        project_id=v.project_id, project=_live_name(session, Project, v.project_id),
        event_id=v.event_id, event=_live_name(session, Event, v.event_id),
        contacts=[dict(id=r.id, name=r.name, company=r.company, title=r.title) for r in contacts],
        organizations=[dict(id=r.id, name=r.name, kind=r.kind) for r in organizations],
        follow_ups=_follow_ups_of(session, [visit_id], today).get(visit_id, []),
    )


def _live_name(session: Session, model, row_id: str | None) -> str:
    row = session.get(model, row_id) if row_id else None
    return row.name if row is not None and row.deleted_at is None else ""


def contacts_for_ids(session: Session, contact_ids: list[str]) -> list[dict]:
    """Picker items (id, name, company, title) for live contacts, in the order given."""
    if not contact_ids:
        return []
    rows = session.execute(
        select(Contact.id, Contact.name, Contact.company, Contact.title)
        .where(Contact.id.in_(contact_ids), Contact.deleted_at.is_(None))
    )
    found = {r.id: dict(id=r.id, name=r.name, company=r.company, title=r.title) for r in rows}
    return [found[i] for i in contact_ids if i in found]


def officer_names(session: Session) -> list[str]:
    """Every officer named on a live visit, for the filter's completer."""
    officers = func.json_each(Visit.officers).table_valued("value")
    stmt = (select(officers.c.value).select_from(Visit).join(officers, true())
            .where(Visit.deleted_at.is_(None)).distinct())
    return sorted(str(name) for name in session.scalars(stmt) if name)


# ---------------------------------------------------------------------------------------------- saving

def split_officers(value) -> list[str]:
    """Officers as a list: from a list, or from text separated by commas (either width), 、 or ;."""
    if isinstance(value, (list, tuple)):
        parts = value
    else:
        parts = as_entered(value)
        for separator in ("，", "、", ";", "；"):
            parts = parts.replace(separator, ",")
        parts = parts.split(",")
    out = []
    for part in parts:
        name = as_entered(part)
        if name and name not in out:
            out.append(name)
    return out


def _codes(session: Session, list_name: str) -> set[str]:
    return set(session.scalars(select(ReferenceItem.code).where(
        ReferenceItem.list_name == list_name, ReferenceItem.deleted_at.is_(None))))


def _check_code(session: Session, value, list_name: str, errors: dict, name: str) -> str:
    code = clean_text(value)
    if code and code not in _codes(session, list_name):
        errors[name] = Message("unknown_code", {"value": code})
    return code


def _check_ids(session: Session, model, ids, errors: dict, name: str) -> list[str]:
    wanted = list(dict.fromkeys(i for i in (ids or []) if i))
    if not wanted:
        return []
    live = set(session.scalars(select(model.id).where(model.id.in_(wanted), model.deleted_at.is_(None))))
    if len(live) != len(wanted):
        errors[name] = Message("not_found")
    return [i for i in wanted if i in live]


def as_entered(value) -> str:
    """Free text kept as typed (full-width Chinese punctuation stays), without outer spaces."""
    return "" if value is None else str(value).strip()


def _check_text(data: dict, name: str, errors: dict) -> str:
    text = as_entered(data.get(name))
    if len(text) > _TEXT_LIMITS[name]:
        errors[name] = Message("too_long", {"max": _TEXT_LIMITS[name]})
    return text


def _check_follow_ups(items, errors: dict) -> list[dict]:
    out = []
    for row, item in enumerate(items or [], start=1):
        task = as_entered(item.get("task"))
        owner = as_entered(item.get("owner"))
        if not task and not owner and not item.get("id"):
            continue  # an empty row the officer added and left blank
        local: dict = {}
        due = check_date(item.get("due_date"), local, "due")
        if not task:
            errors.setdefault("follow_ups", Message("follow_up_task", {"row": row}))
        elif len(task) > _TASK_MAX:
            errors.setdefault("follow_ups", Message("too_long", {"max": _TASK_MAX}))
        if local:
            errors.setdefault("follow_ups", Message("follow_up_date", {"row": row, "problem": local["due"]}))
        declared = declared_errors("follow_up", {"task": task, "owner": owner[:_OWNER_MAX], "due_date": due})
        if declared and not local:
            errors.setdefault("follow_ups", next(iter(declared.values())))
        out.append(dict(id=item.get("id") or None, task=task, owner=owner[:_OWNER_MAX], due_date=due,
                        done=bool(item.get("done"))))
    return out


def validate_visit(session: Session, data: dict) -> dict:
    """Checked and normalized fields of a visit, or ValidationFailed with a Message per bad field."""
    errors: dict[str, Message] = {}
    clean: dict = {}
    if data.get("visit_date") in (None, ""):
        errors["visit_date"] = Message("required")
    clean["visit_date"] = check_date(data.get("visit_date"), errors, "visit_date")
    clean["mode"] = clean_text(data.get("mode")) or "visit"
    if clean["mode"] not in MODES:
        errors["mode"] = Message("unknown_code", {"value": clean["mode"]})
    clean["station"] = _check_code(session, data.get("station"), "station", errors, "station")
    clean["officers"] = split_officers(data.get("officers"))
    if not clean["officers"]:
        errors["officers"] = Message("required")
    for name in _TEXT_LIMITS:
        clean[name] = _check_text(data, name, errors)
    clean["intention_industry"] = _check_code(
        session, data.get("intention_industry"), "industry", errors, "intention_industry")
    clean["intention_amount"] = check_amount(data.get("intention_amount"), errors, "intention_amount")
    clean["next_contact_date"] = check_date(data.get("next_contact_date"), errors, "next_contact_date")
    if clean["next_contact_date"] and clean["visit_date"] and clean["next_contact_date"] < clean["visit_date"]:
        errors["next_contact_date"] = Message("next_before_visit")
    clean["contact_ids"] = _check_ids(session, Contact, data.get("contact_ids"), errors, "contacts")
    if not clean["contact_ids"] and "contacts" not in errors:
        errors["contacts"] = Message("need_contact")
    clean["organization_ids"] = _check_ids(
        session, Organization, data.get("organization_ids"), errors, "organizations")
    clean["follow_ups"] = _check_follow_ups(data.get("follow_ups"), errors)
    clean["project_id"] = live_link(session, Project, data.get("project_id"), errors, "project_id")
    clean["event_id"] = live_link(session, Event, data.get("event_id"), errors, "event_id")
    for name, message in declared_errors("visit", {n: clean[n] for n in _VISIT_FIELDS}).items():
        errors.setdefault(name, message)
    if errors:
        raise ValidationFailed(errors)
    return clean


_VISIT_FIELDS = ("visit_date", "mode", "station", "officers", "place", "purpose", "summary",
                 "intention_industry", "intention_amount", "intention_note", "next_contact_date", "project_id",
                 "event_id")


def save_visit(session: Session, data: dict, visit_id: str | None = None) -> str:
    """Log a visit (visit_id None) or edit one; returns its id.

    data holds the visit's fields plus `contact_ids`, `organization_ids` and `follow_ups` (dicts with
    task, owner, due_date, done and, for existing ones, id). On an edit, keys left out keep their value;
    contacts, organizations and follow-ups given replace the old ones (removed ones are tombstoned).
    """
    visit = Visit() if visit_id is None else _live_visit(session, visit_id)
    if visit_id is not None:
        data = {**_current(session, visit), **data}
    clean = validate_visit(session, data)
    for name in _VISIT_FIELDS:
        if getattr(visit, name) != clean[name]:
            setattr(visit, name, clean[name])
    if visit_id is None:
        session.add(visit)
        session.flush()  # the visit's id, for its children
    _sync_links(session, VisitContact, Contact, "contact_id", visit.id, clean["contact_ids"])
    _sync_links(session, VisitOrganization, Organization, "organization_id", visit.id, clean["organization_ids"])
    _sync_follow_ups(session, visit.id, clean["follow_ups"])
    session.flush()
    return visit.id


def _current(session: Session, visit: Visit) -> dict:
    current = {name: getattr(visit, name) for name in _VISIT_FIELDS}
    current["contact_ids"] = _linked_ids(session, VisitContact, Contact, "contact_id", visit.id)
    current["organization_ids"] = _linked_ids(session, VisitOrganization, Organization, "organization_id", visit.id)
    current["follow_ups"] = [
        dict(id=f.id, task=f.task, owner=f.owner, due_date=f.due_date, done=f.done)
        for f in _live_follow_ups(session, visit.id)
    ]
    return current


def _linked_ids(session: Session, model, target, column: str, visit_id: str) -> list[str]:
    """Live targets linked to the visit (a removed contact's link stays, unseen, as it was)."""
    link = getattr(model, column)
    return list(session.scalars(
        select(link).join(target, target.id == link)
        .where(model.visit_id == visit_id, model.deleted_at.is_(None), target.deleted_at.is_(None))
        .order_by(model.created_at, model.id)))


def _sync_links(session: Session, model, target, column: str, visit_id: str, wanted: list[str]) -> None:
    """Make the live link rows match `wanted`: tombstone the removed, restore or add the rest.

    Links to deleted contacts or organizations are left alone: the officer never saw them in the form.
    """
    removed_targets = select(target.id).where(target.deleted_at.is_not(None))
    rows = list(session.scalars(select(model).where(
        model.visit_id == visit_id, getattr(model, column).not_in(removed_targets))))
    by_target: dict[str, object] = {}
    for row in rows:  # prefer the live row when a target was linked, removed and linked again
        if getattr(row, column) not in by_target or row.deleted_at is None:
            by_target[getattr(row, column)] = row
    now = utcnow()
    for target, row in by_target.items():
        if target not in wanted and row.deleted_at is None:
            row.deleted_at = now
    for target in wanted:
        row = by_target.get(target)
        if row is None:
            session.add(model(visit_id=visit_id, **{column: target}))
        elif row.deleted_at is not None:
            row.deleted_at = None


def _live_follow_ups(session: Session, visit_id: str) -> list[FollowUp]:
    return list(session.scalars(select(FollowUp).where(
        FollowUp.visit_id == visit_id, FollowUp.deleted_at.is_(None)).order_by(FollowUp.created_at, FollowUp.id)))


def _sync_follow_ups(session: Session, visit_id: str, items: list[dict]) -> None:
    existing = {f.id: f for f in _live_follow_ups(session, visit_id)}
    kept = set()
    for item in items:
        row = existing.get(item["id"]) if item["id"] else None
        if row is None:
            row = FollowUp(visit_id=visit_id)
            session.add(row)
        else:
            kept.add(row.id)
        _apply_follow_up(row, item)
    now = utcnow()
    for follow_up_id, row in existing.items():
        if follow_up_id not in kept:
            row.deleted_at = now


def _apply_follow_up(row: FollowUp, item: dict) -> None:
    for name in ("task", "owner", "due_date"):
        if getattr(row, name) != item[name]:
            setattr(row, name, item[name])
    _set_done(row, item["done"])


def _set_done(row: FollowUp, done: bool, on: date | None = None) -> None:
    if bool(row.done) == done and row.done is not None:
        return
    row.done = done
    row.done_on = (on or date.today()) if done else None


def delete_visit(session: Session, visit_id: str) -> None:
    """Tombstone the visit and its contacts, organizations and follow-ups (one timestamp, to restore)."""
    visit = _live_visit(session, visit_id)
    now = utcnow()
    visit.deleted_at = now
    for model in (VisitContact, VisitOrganization, FollowUp):
        for row in session.scalars(select(model).where(model.visit_id == visit_id, model.deleted_at.is_(None))):
            row.deleted_at = now


def restore_visit(session: Session, visit_id: str) -> None:
    """Undo delete_visit: the visit and the rows tombstoned with it come back."""
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFound("visit", visit_id)
    stamp, visit.deleted_at = visit.deleted_at, None
    if stamp is None:
        return
    for model in (VisitContact, VisitOrganization, FollowUp):
        for row in session.scalars(select(model).where(model.visit_id == visit_id, model.deleted_at == stamp)):
            row.deleted_at = None


# ---------------------------------------------------------------------------------------------- follow-ups

@dataclass
class FollowUpRow:
    """One line of "my follow-ups"."""

    id: str
    visit_id: str
    task: str
    owner: str
    due_date: date | None
    done: bool
    done_on: date | None
    state: str
    visit_date: date
    station: str
    contacts: list[str]
    purpose: str


def _follow_up_filter(owner: str | None, include_done: bool):
    stmt = (select(FollowUp.id).join(Visit, Visit.id == FollowUp.visit_id)
            .where(FollowUp.deleted_at.is_(None), Visit.deleted_at.is_(None)))
    if owner:
        stmt = stmt.where(FollowUp.owner == owner)
    if not include_done:
        stmt = stmt.where(FollowUp.done == False)  # noqa: E712 - SQL, uses the index
    return stmt


def find_follow_up_ids(session: Session, owner: str | None = None, include_done: bool = False) -> list[str]:
    """Open follow-ups (of `owner`, or everyone's when empty) by due date: overdue first, undated last."""
    stmt = _follow_up_filter(owner, include_done).order_by(
        FollowUp.done, FollowUp.due_date.is_(None), FollowUp.due_date, Visit.visit_date, FollowUp.id)
    return list(session.scalars(stmt))


def follow_up_rows(session: Session, ids: list[str], today: date | None = None) -> list[FollowUpRow]:
    """Rows for the given follow-up ids in the same order."""
    if not ids:
        return []
    today = today or date.today()
    rows = session.execute(
        select(FollowUp, Visit.visit_date, Visit.station, Visit.purpose)
        .join(Visit, Visit.id == FollowUp.visit_id).where(FollowUp.id.in_(ids))
    )
    found = {f.id: (f, vd, st, pu) for f, vd, st, pu in rows}
    names = _contact_names(session, list({found[i][0].visit_id for i in ids if i in found}))
    out = []
    for follow_up_id in ids:
        if follow_up_id not in found:
            continue
        f, visit_date, station, purpose = found[follow_up_id]
        out.append(FollowUpRow(
            id=f.id, visit_id=f.visit_id, task=f.task, owner=f.owner, due_date=f.due_date, done=bool(f.done),
            done_on=f.done_on, state=due_state(f.due_date, f.done, today), visit_date=visit_date,
            station=station, contacts=names.get(f.visit_id, []), purpose=purpose,
        ))
    return out


def my_follow_ups(session: Session, owner: str | None, include_done: bool = False,
                  today: date | None = None) -> list[FollowUpRow]:
    """All of an officer's open follow-ups as rows (for small lists and the command line)."""
    return follow_up_rows(session, find_follow_up_ids(session, owner, include_done), today)


def set_follow_up_done(session: Session, follow_up_id: str, done: bool = True, on: date | None = None) -> None:
    """Mark a follow-up done (today unless `on` is given) or open again."""
    row = session.get(FollowUp, follow_up_id)
    if row is None or row.deleted_at is not None:
        raise NotFound("follow_up", follow_up_id)
    _set_done(row, done, on)
