"""The visit log (走访记录) as rows for the bureau's workbook: one plain row per visit, in batches.

The export must run in constant memory over hundreds of thousands of visits, so rows are read by
keyset pagination over (visit_date, id), newest first like the visit list (the index walked backwards):
each batch is one indexed range query plus small queries for the batch's links, follow-ups and the
people and organizations not yet seen, never one big list. At 100,000 visits the query takes ~2 s CPU
(bench/bench_export.py), about two thirds of it inside SQLite's fetches (random pages of the link and
follow-up tables) and a third building the text here, so letting SQLite build the text would save
little; the export instead reads in a child process while the workbook is written
(exchange/visit_log_reader.py), which hides the query almost entirely.
Only live rows count: a tombstoned visit, link, contact, organization or follow-up is left out.
A row a damaged database or an older server left odd (a date that is not ISO, an amount that is not a
decimal, officers that are not a list) is exported with its stored value as text and flagged `odd`,
so one such row never fails a whole workbook.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Iterator, NamedTuple

from sqlalchemy import Connection, String, and_, case, func, select, type_coerce
from sqlalchemy.orm import Session

from ..models import Visit
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
    odd: bool = False  # some stored value was not what its column holds: shown as stored, as text


def _stored(column):
    """The column as SQLite stores it, without SQLAlchemy's per-value conversion (a regex per date,
    json.loads per list: a fifth of a 100,000-visit export); _rows converts what it needs."""
    return type_coerce(column, String())


def _officers_joined():
    """刘一、陈二: the JSON list of officers joined by SQLite, in list order. Anything but a JSON list
    (json_each would fail the whole batch on malformed JSON) comes as stored, flagged by _officers_odd."""
    # SQLite's text functions stop at a NUL: a name's escaped \u0000 is made U+FFFD before it is unescaped.
    each = func.json_each(func.replace(_stored(Visit.officers), "\\u0000", "\\ufffd")).table_valued("value")
    joined = select(func.group_concat(each.c.value, "、")).select_from(each).scalar_subquery()
    return case((_officers_listed(), joined), else_=_stored(Visit.officers))


def _officers_listed():
    stored = _stored(Visit.officers)
    return and_(func.json_valid(stored) == 1, func.json_type(stored) == "array")


def _officers_odd():
    return case((_officers_listed(), 0), else_=1)


_VISIT_COLUMNS = (
    Visit.id, _stored(Visit.visit_date), Visit.station, _officers_joined(), Visit.mode, Visit.place,
    Visit.purpose, Visit.summary, Visit.intention_industry, _stored(Visit.intention_amount),
    Visit.intention_note, _stored(Visit.next_contact_date), _officers_odd(),
)


def count_visit_log(session: Session, query: VisitQuery) -> int:
    """How many visits an export of this query writes (the progress bar's total)."""
    sql = _indexed(session.connection(), select(func.count()).select_from(visit_filter(query).subquery()), query)
    return _cursor(session.connection()).execute(sql).fetchone()[0] or 0


def _visit_index(query: VisitQuery) -> str:
    """The index whose walk gives the query's visits in (visit_date, id) order. Named in the SQL (INDEXED
    BY), because the planner's choice depends on the statistics: with ANALYZE figures of a big directory
    it skip-scanned ix_visit_mode_live_date_id for a period and sorted every visit after the cursor, per batch."""
    if query.station:
        return "ix_visit_station_live_date_id"
    if query.mode:
        return "ix_visit_mode_live_date_id"
    return "ix_visit_live_date_officers"


_FROM_VISIT = re.compile(r"\bFROM visit\b(?!_)")


def _indexed(conn: Connection, stmt, query: VisitQuery) -> str:
    """The statement as SQLite text (the query's values inlined), reading visit by the query's index."""
    sql = str(stmt.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
    return _FROM_VISIT.sub(f"FROM visit INDEXED BY {_visit_index(query)}", sql, count=1)


def _cursor(conn: Connection):
    return conn.connection.driver_connection.cursor()  # same connection, same read snapshot


def iter_visit_log(session: Session, query: VisitQuery, batch_size: int = BATCH_SIZE) -> Iterator[list[VisitLogRow]]:
    """Batches of rows for the visits matching `query`, newest first (as the visit list shows them; ties
    by id, descending).

    Queries run on the session's Connection (Core rows, no ORM result machinery): at 100,000 visits
    that halved the query's share of the export, and the rows are plain tuples anyway. Everything is
    read in the caller's transaction, so the count and the batches see one snapshot.
    """
    names = _Names(name_lookup(session, "station"), name_lookup(session, "industry"), {}, {})
    conn = session.connection()
    first, following = (_indexed(conn, visit_filter(q).with_only_columns(*_VISIT_COLUMNS), query)
                        for q in (query, replace(query, date_to=None)))
    after: tuple[date, str] | None = None
    while True:
        visits = _visit_batch(conn, first if after is None else following, after, batch_size)
        if not visits:
            return
        yield _rows(conn, visits, names)
        after = (visits[-1][1], visits[-1][0])  # as stored: an odd date still pages on


class _Names(NamedTuple):
    """Code -> name lists, and id -> description of the people and organizations met so far."""

    stations: dict[str, str]
    industries: dict[str, str]
    people: dict[str, str | None]
    organizations: dict[str, str | None]


def _visit_batch(conn: Connection, base: str, after, limit: int) -> list:
    """The next visits after `after` (date and id as stored) in log order, newest first; `base` always has
    a WHERE. Past the first batch the period's end is left to the keyset, which implies it: with both, and
    ANALYZE figures of a big directory, SQLite skip-scanned the index and sorted what followed, per batch."""
    keyset, params = (" AND (visit.visit_date, visit.id) < (?, ?)", after) if after is not None else ("", ())
    sql = f"{base}{keyset} ORDER BY visit.visit_date DESC, visit.id DESC LIMIT ?"
    return _cursor(conn).execute(sql, (*params, limit)).fetchall()


def _rows(conn: Connection, visits: list, names: _Names) -> list[VisitLogRow]:
    ids = json.dumps([v[0] for v in visits])
    cursor = _cursor(conn)
    contacts = _linked(cursor, _CONTACT_LINKS, _CONTACTS_BY_ID, ids, names.people, describe_contact)
    organizations = _linked(cursor, _ORGANIZATION_LINKS, _ORGANIZATIONS_BY_ID, ids, names.organizations, str)
    follow_ups = _grouped(cursor, _FOLLOW_UPS, ids, _describe_stored_follow_up)
    return [_row(visit, contacts, organizations, follow_ups, names) for visit in visits]


def _row(visit, contacts, organizations, follow_ups, names: _Names) -> VisitLogRow:
    (vid, day, station, officers, mode, place, purpose, summary, industry, amount, note, next_date,
     officers_odd) = visit
    join = LIST_SEPARATOR.join
    visit_day, day_odd = _date_or_stored(day)
    next_day, next_odd = _date_or_stored(next_date) if next_date else (None, False)
    money, amount_odd = _amount_or_stored(amount)
    follow = follow_ups.get(vid, ())
    return VisitLogRow(
        visit_day, names.stations.get(station, station), officers or "", MODE_LABELS.get(mode, mode),
        join(contacts.get(vid, ())), join(organizations.get(vid, ())), place, purpose, summary,
        names.industries.get(industry, industry), money, note, join(text for text, _odd in follow), next_day,
        bool(officers_odd or day_odd or next_odd or amount_odd or any(odd for _text, odd in follow)),
    )


def _date_or_stored(stored) -> tuple[date | str, bool]:
    """The stored ISO date as a date, or (a date that is not ISO, as a damaged row may hold) the stored
    value as text, flagged odd."""
    try:
        return date.fromisoformat(stored), False
    except (TypeError, ValueError):
        return _as_text(stored), True


def _amount_or_stored(stored) -> tuple[Decimal | str | None, bool]:
    if stored is None or stored == "":
        return None, False
    try:
        return _amount(stored), False
    except (ArithmeticError, ValueError, TypeError):
        return _as_text(stored), True


def _as_text(stored) -> str:
    if isinstance(stored, bytes):
        return stored.decode("utf-8", "replace")
    return str(stored)


def _amount(stored) -> Decimal:
    """万元 as Decimal with two places, from the stored decimal text (or a number in rows older than
    migration 0003, which stored it as NUMERIC). Not a finite decimal of at most 28 digits: an error."""
    amount = Decimal(str(stored)).quantize(_CENTS)
    if not amount.is_finite():
        raise ValueError(stored)
    return amount
_CENTS = Decimal("0.01")


# What was met and agreed at a batch of visits (ids as one JSON array parameter), in the order linked.
# Plain SQL on the DBAPI cursor: these run for every link of every visit exported, and SQLAlchemy's
# per-row result handling and per-batch IN-list rendering were half of a 100,000-visit export.
# Links are read alone and the people/organizations they name looked up by id once per export (the
# same few thousand merchants are met again and again); joined in one query, SQLite (with no ANALYZE
# statistics) even drove the join from the contact table and scanned every link, 0.9 s per batch.
# Each reads the batch's ids first and looks each up by its index, whatever the statistics say
# (tests/unit/test_export_query_plans.py): CROSS JOIN fixes that order; for people and organizations
# by id, the primary key: `+deleted_at` is not indexable, so
# it can neither walk ix_contact_live_sort (deleted_at=NULL: every live contact, ~195 ms a batch at
# 100,000 contacts) nor, with ANALYZE figures of a small table, scan the table instead.
_CONTACT_LINKS = """
    SELECT l.visit_id, l.contact_id FROM json_each(?) AS ids CROSS JOIN visit_contact AS l ON l.visit_id = ids.value
    WHERE l.deleted_at IS NULL
    ORDER BY l.visit_id, l.id"""
_CONTACTS_BY_ID = """
    SELECT c.id, c.name, c.company, c.title FROM json_each(?) AS ids CROSS JOIN contact AS c ON c.id = ids.value
    WHERE +c.deleted_at IS NULL"""
_ORGANIZATION_LINKS = """
    SELECT l.visit_id, l.organization_id FROM json_each(?) AS ids CROSS JOIN visit_organization AS l ON l.visit_id = ids.value
    WHERE l.deleted_at IS NULL
    ORDER BY l.visit_id, l.id"""
_ORGANIZATIONS_BY_ID = """
    SELECT o.id, o.name FROM json_each(?) AS ids CROSS JOIN organization AS o ON o.id = ids.value
    WHERE +o.deleted_at IS NULL"""
_FOLLOW_UPS = """
    SELECT f.visit_id, f.task, f.owner, f.due_date, f.done
    FROM json_each(?) AS ids CROSS JOIN follow_up AS f ON f.visit_id = ids.value
    WHERE f.deleted_at IS NULL
    ORDER BY f.visit_id, f.due_date IS NULL, f.due_date, f.id"""
KNOWN_LIMIT = 50_000  # descriptions kept between batches; past this the memo starts afresh


def _linked(cursor, links_sql: str, by_id_sql: str, ids_json: str, known: dict, describe) -> dict[str, list[str]]:
    """visit id -> descriptions of the live records linked to it, in link order.

    `known` memoizes id -> description (None: deleted) across batches, bounded by KNOWN_LIMIT.
    """
    links = cursor.execute(links_sql, (ids_json,)).fetchall()
    if len(known) > KNOWN_LIMIT:
        known.clear()
    missing = list({target for _visit, target in links if target not in known})
    if missing:
        for target_id, *fields in cursor.execute(by_id_sql, (json.dumps(missing),)).fetchall():
            known[target_id] = describe(*fields)
        for target_id in missing:
            known.setdefault(target_id, None)
    out: dict[str, list[str]] = defaultdict(list)
    for visit_id, target in links:
        description = known[target]
        if description is not None:
            out[visit_id].append(description)
    return out


def _grouped(cursor, sql: str, ids_json: str, describe) -> dict[str, list[str]]:
    """visit id -> describe(*rest of row) for each row of the query, keeping the query's order."""
    out: dict[str, list[str]] = defaultdict(list)
    for visit_id, *rest in cursor.execute(sql, (ids_json,)).fetchall():
        out[visit_id].append(describe(*rest))
    return out


def describe_contact(name: str, company: str, title: str) -> str:
    """张三（某公司 董事长）, or just the name when neither company nor title is known."""
    where = " ".join(_as_text(part) for part in (company, title) if part)
    name = _as_text(name) if name is not None else ""
    return f"{name}（{where}）" if where else name


def _describe_stored_follow_up(task: str, owner: str, due, done) -> tuple[str, bool]:
    """The follow-up's description, and whether its stored due date was odd (then shown as stored)."""
    day, odd = _date_or_stored(due) if due else (None, False)
    if odd:
        return describe_follow_up(_as_text(task or ""), _as_text(owner or ""), None, bool(done)) + f"［截止 {day}］", True
    return describe_follow_up(task, owner, day, bool(done)), False


def describe_follow_up(task: str, owner: str, due: date | None, done: bool) -> str:
    """对接用地需求（负责人 王五，截止 2025-03-01，未完成）: what, who, by when, and whether it is done."""
    parts = [f"负责人 {owner}"] if owner else []
    if due:
        parts.append(f"截止 {due.isoformat()}")
    parts.append("已完成" if done else "未完成")
    return f"{task}（{'，'.join(parts)}）"
