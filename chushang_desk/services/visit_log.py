"""The visit log (走访记录) as rows for the bureau's workbook: one plain row per visit, in batches.

The export must run in constant memory over hundreds of thousands of visits, so rows are read by
keyset pagination over (visit_date, id) — each batch is one indexed range query plus three small
queries for the batch's contacts, organizations and follow-ups — and never as one big list.
Only live rows count: a tombstoned visit, link, contact, organization or follow-up is left out.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import Iterator, NamedTuple

from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import Session

from ..models import Contact, FollowUp, Organization, Visit, VisitContact, VisitOrganization
from .reference import name_lookup
from .visits import VisitQuery, visit_filter

BATCH_SIZE = 2000

# The workbook goes to the bureau in Chinese whatever the officer's interface language.
MODE_LABELS = {"visit": "上门走访", "inspection": "来汉考察", "call": "电话/视频", "meeting": "座谈/活动"}
LIST_SEPARATOR = "；"


class VisitLogRow(NamedTuple):
    """One visit as the workbook shows it (text already joined, dates as dates, amount as Decimal)."""

    visit_date: date
    station: str
    officers: str
    mode: str
    contacts: str
    organizations: str
    place: str
    purpose: str
    summary: str
    intention_industry: str
    intention_amount: Decimal | None
    intention_note: str
    follow_ups: str
    next_contact_date: date | None


_VISIT_COLUMNS = (
    Visit.id, Visit.visit_date, Visit.station, Visit.officers, Visit.mode, Visit.place, Visit.purpose,
    Visit.summary, Visit.intention_industry, Visit.intention_amount, Visit.intention_note,
    Visit.next_contact_date,
)


def count_visit_log(session: Session, query: VisitQuery) -> int:
    """How many visits an export of this query writes (the progress bar's total)."""
    return session.scalar(select(func.count()).select_from(visit_filter(query).subquery())) or 0


def iter_visit_log(session: Session, query: VisitQuery, batch_size: int = BATCH_SIZE) -> Iterator[list[VisitLogRow]]:
    """Batches of rows for the visits matching `query`, oldest first (the order of a log)."""
    names = _Names(name_lookup(session, "station"), name_lookup(session, "industry"))
    after: tuple[date, str] | None = None
    while True:
        visits = _visit_batch(session, query, after, batch_size)
        if not visits:
            return
        yield _rows(session, visits, names)
        after = (visits[-1].visit_date, visits[-1].id)


class _Names(NamedTuple):
    stations: dict[str, str]
    industries: dict[str, str]


def _visit_batch(session: Session, query: VisitQuery, after, limit: int) -> list:
    stmt = visit_filter(query).with_only_columns(*_VISIT_COLUMNS)
    if after is not None:
        stmt = stmt.where(tuple_(Visit.visit_date, Visit.id) > tuple_(*after))
    return list(session.execute(stmt.order_by(Visit.visit_date, Visit.id).limit(limit)))


def _rows(session: Session, visits: list, names: _Names) -> list[VisitLogRow]:
    ids = [v.id for v in visits]
    contacts = _contacts_met(session, ids)
    organizations = _organizations_met(session, ids)
    follow_ups = _follow_ups(session, ids)
    return [
        VisitLogRow(
            v.visit_date, names.stations.get(v.station, v.station), "、".join(v.officers or ()),
            MODE_LABELS.get(v.mode, v.mode), LIST_SEPARATOR.join(contacts.get(v.id, ())),
            LIST_SEPARATOR.join(organizations.get(v.id, ())), v.place, v.purpose, v.summary,
            names.industries.get(v.intention_industry, v.intention_industry), v.intention_amount,
            v.intention_note, LIST_SEPARATOR.join(follow_ups.get(v.id, ())), v.next_contact_date,
        )
        for v in visits
    ]


def _contacts_met(session: Session, visit_ids: list[str]) -> dict[str, list[str]]:
    """visit id -> "张三（某公司 董事长）" for each live contact met, in the order they were linked."""
    stmt = (
        select(VisitContact.visit_id, Contact.name, Contact.company, Contact.title)
        .join(Contact, Contact.id == VisitContact.contact_id)
        .where(VisitContact.visit_id.in_(visit_ids), VisitContact.deleted_at.is_(None), Contact.deleted_at.is_(None))
        .order_by(VisitContact.visit_id, VisitContact.id)
    )
    out: dict[str, list[str]] = defaultdict(list)
    for visit_id, name, company, title in session.execute(stmt):
        out[visit_id].append(describe_contact(name, company, title))
    return out


def describe_contact(name: str, company: str, title: str) -> str:
    """张三（某公司 董事长）, or just the name when neither company nor title is known."""
    where = " ".join(part for part in (company, title) if part)
    return f"{name}（{where}）" if where else name


def _organizations_met(session: Session, visit_ids: list[str]) -> dict[str, list[str]]:
    stmt = (
        select(VisitOrganization.visit_id, Organization.name)
        .join(Organization, Organization.id == VisitOrganization.organization_id)
        .where(
            VisitOrganization.visit_id.in_(visit_ids), VisitOrganization.deleted_at.is_(None),
            Organization.deleted_at.is_(None),
        )
        .order_by(VisitOrganization.visit_id, VisitOrganization.id)
    )
    out: dict[str, list[str]] = defaultdict(list)
    for visit_id, name in session.execute(stmt):
        out[visit_id].append(name)
    return out


def _follow_ups(session: Session, visit_ids: list[str]) -> dict[str, list[str]]:
    stmt = (
        select(FollowUp.visit_id, FollowUp.task, FollowUp.owner, FollowUp.due_date, FollowUp.done)
        .where(FollowUp.visit_id.in_(visit_ids), FollowUp.deleted_at.is_(None))
        .order_by(FollowUp.visit_id, FollowUp.due_date.is_(None), FollowUp.due_date, FollowUp.id)
    )
    out: dict[str, list[str]] = defaultdict(list)
    for visit_id, task, owner, due, done in session.execute(stmt):
        out[visit_id].append(describe_follow_up(task, owner, due, done))
    return out


def describe_follow_up(task: str, owner: str, due: date | None, done: bool) -> str:
    """对接用地需求（负责人 王五，截止 2025-03-01，未完成）: what, who, by when, and whether it is done."""
    parts = [f"负责人 {owner}"] if owner else []
    if due:
        parts.append(f"截止 {due.isoformat()}")
    parts.append("已完成" if done else "未完成")
    return f"{task}（{'，'.join(parts)}）"
