"""Every query of the visit-log export uses the index it should, whatever the directory's size, with or
without ANALYZE statistics: each statement a real export runs is captured (sqlite3's trace callback gives
it with its values) and planned again with EXPLAIN QUERY PLAN.

"big" statistics are sqlite_stat1 rows written as ANALYZE would write them for the bench's profile
(100,000 contacts, 300,000 visits, every row live): there a walk of ix_contact_live_sort
(deleted_at=NULL: every contact) looked as cheap to SQLite as the ids' primary-key lookups.
"""
from __future__ import annotations

import re
from datetime import date

import pytest

from chushang_desk.db.bulk import bulk_insert
from chushang_desk.exchange.visit_log import export_visit_log
from chushang_desk.models import Contact, FollowUp, Organization, Visit, VisitContact, VisitOrganization
from chushang_desk.services.visit_log import iter_visit_log
from chushang_desk.services.visits import VisitQuery

from ..support.profile_db import connect_db
from .test_visit_log_export import make_known_visits

BIG_ROWS = {"visit": 300_000, "contact": 100_000, "visit_contact": 450_000, "visit_organization": 90_000,
            "follow_up": 180_000, "organization": 2_000, "reference_item": 200}
# Average rows sharing one value of a column, in a big directory (deleted_at: all live, one value).
ROWS_PER_VALUE = {"station": 60_000, "mode": 75_000, "visit_date": 120, "visit_id": 2, "contact_id": 5,
                  "organization_id": 45, "done": 90_000, "due_date": 50, "list_name": 20}

# The index each table's export query must use (beside json_each, the list of ids of one batch).
EXPECTED = {
    "visit_contact": "ix_visit_contact_visit_id (visit_id=?)",
    "contact": "sqlite_autoindex_contact_1 (id=?)",
    "visit_organization": "ix_visit_organization_visit_id (visit_id=?)",
    "organization": "sqlite_autoindex_organization_1 (id=?)",
    "follow_up": "ix_follow_up_visit_id (visit_id=?)",
    "reference_item": "ix_reference_item_list_name (list_name=?)",
}
QUERIES = {  # the export's query -> the visit index its count and batches walk, in (visit_date, id) order
    "all": (VisitQuery(), "ix_visit_live_date_officers"),
    "period": (VisitQuery(date_from=date(2025, 1, 1), date_to=date(2025, 12, 31)), "ix_visit_live_date_officers"),
    "station": (VisitQuery(station="csj"), "ix_visit_station_live_date_id"),
    "station and period": (VisitQuery(station="csj", date_from=date(2025, 1, 1)), "ix_visit_station_live_date_id"),
    "mode": (VisitQuery(mode="visit"), "ix_visit_mode_live_date_id"),
    "officer": (VisitQuery(officer="刘一"), "ix_visit_live_date_officers"),
}


def big_statistics(db_path) -> None:
    conn = connect_db(db_path)
    try:
        conn.execute("ANALYZE")
        conn.execute("DELETE FROM sqlite_stat1")
        for table, rows in BIG_ROWS.items():
            conn.execute("INSERT INTO sqlite_stat1 VALUES (?, NULL, ?)", (table, str(rows)))
            for (index,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?",
                                         (table,)).fetchall():
                columns = [r[2] for r in conn.execute(f'PRAGMA index_info("{index}")')]
                conn.execute("INSERT INTO sqlite_stat1 VALUES (?, ?, ?)", (table, index, _stat(rows, columns)))
        conn.commit()
    finally:
        conn.close()


def _stat(rows: int, columns: list[str]) -> str:
    """ANALYZE's form: the rows, then the average rows per value of the first 1, 2, ... columns."""
    averages, average = [], rows
    for column in columns:
        if column != "deleted_at":
            average = min(average, ROWS_PER_VALUE.get(column, 1))
        averages.append(average)
    return " ".join(str(n) for n in [rows, *averages])


@pytest.fixture(params=["no statistics", "ANALYZE", "big statistics"])
def statistics_profile(request, profile):
    profile.write(make_known_visits)
    if request.param == "ANALYZE":  # of a directory big enough that a scan is not the cheapest read
        profile.write(more_directory)
        profile.write(lambda s: s.connection().exec_driver_sql("ANALYZE"))
    elif request.param == "big statistics":
        big_statistics(profile.db_path)
    profile.sessions.engine.dispose()  # statistics are read when a connection opens
    return profile


def more_directory(session) -> None:
    """Enough rows in every table that ANALYZE's figures make a scan dearer than the index (in a table
    of two rows a scan is the right plan)."""
    contacts = bulk_insert(session, Contact, [dict(name=f"联系人{i}") for i in range(1000)])
    organizations = bulk_insert(session, Organization, [dict(name=f"商会{i}", kind="chamber") for i in range(300)])
    visits = bulk_insert(session, Visit, [dict(visit_date=date(2024, 1, 1 + i % 28), station="dwq", officers=["陈二"],
                                               mode="call") for i in range(600)])
    bulk_insert(session, VisitContact, [dict(visit_id=v, contact_id=contacts[i]) for i, v in enumerate(visits)])
    bulk_insert(session, VisitOrganization, [dict(visit_id=v, organization_id=organizations[i % 300])
                                             for i, v in enumerate(visits)])
    bulk_insert(session, FollowUp, [dict(visit_id=v, task="回访") for v in visits])


def planned_statements(profile, query: VisitQuery, tmp_path) -> list[tuple[str, list[str]]]:
    """(statement, its plan's lines) for each distinct SELECT a real export of `query` ran."""
    def export(session):
        raw = session.connection().connection.driver_connection
        seen: list[str] = []
        raw.set_trace_callback(seen.append)
        try:
            export_visit_log(session, query, tmp_path / "plans.xlsx")
        finally:
            raw.set_trace_callback(None)
        selects = [s for s in dict.fromkeys(seen) if s.lstrip().upper().startswith("SELECT")]
        return [(s, [row[3] for row in raw.execute("EXPLAIN QUERY PLAN " + s)]) for s in selects]

    return profile.read(export)


def main_table(statement: str) -> str:
    """The first table read from that is not json_each (the officers' list, a batch's ids)."""
    return next(t for t in re.findall(r"\b(?:FROM|JOIN) (\w+)", " ".join(statement.split())) if t != "json_each")


@pytest.mark.parametrize("name", QUERIES)
def test_every_export_query_uses_its_index(statistics_profile, tmp_path, name):
    query, visit_index = QUERIES[name]
    planned = planned_statements(statistics_profile, query, tmp_path)
    tables = set()
    for statement, plan in planned:
        table = main_table(statement)
        tables.add(table)
        if table == "sync_state":  # who exports, for the footer: a few key/value rows, read whole once
            continue
        lines = "\n".join(plan)
        expected = f"INDEX {visit_index} (" if table == "visit" else f"INDEX {EXPECTED[table]}"
        assert expected in lines, f"{table}: {statement}\n{lines}"
        assert not any(line.startswith("SCAN ") and "json_each" not in line and "VIRTUAL TABLE" not in line
                       for line in plan), f"{table} scanned: {statement}\n{lines}"
        if table == "visit":
            assert "TEMP B-TREE" not in lines, f"the visits are sorted instead of walked in order:\n{lines}"
    assert tables >= {"visit", "visit_contact", "contact", "visit_organization", "organization", "follow_up"}


def batch_statements(profile, query: VisitQuery) -> list[tuple[str, list[str]]]:
    """(statement, plan) of each visit query the batches ran, read in batches of one: the keyset
    queries past the first batch are planned too (a real export of the small data set is one batch)."""
    def read(session):
        raw = session.connection().connection.driver_connection
        seen: list[str] = []
        raw.set_trace_callback(seen.append)
        try:
            rows = [row for batch in iter_visit_log(session, query, batch_size=1) for row in batch]
        finally:
            raw.set_trace_callback(None)
        visits = [s for s in dict.fromkeys(seen) if s.lstrip().upper().startswith("SELECT")
                  and main_table(s) == "visit" and "LIMIT" in s]
        return rows, [(s, [row[3] for row in raw.execute("EXPLAIN QUERY PLAN " + s)]) for s in visits]

    return profile.read(read)


@pytest.mark.parametrize("name", QUERIES)
def test_newest_first_batches_walk_the_index_backwards(statistics_profile, name):
    """Newest first, like the visit list: each batch (the first and the keyset ones) walks the index in
    order, never sorts, whatever the statistics."""
    query, visit_index = QUERIES[name]
    rows, planned = batch_statements(statistics_profile, query)
    days = [row.visit_date for row in rows]
    assert days and days == sorted(days, reverse=True)
    assert any("< (" in " ".join(s.split()) or "<(" in s for s, _plan in planned), "no keyset query ran"
    for statement, plan in planned:
        lines = "\n".join(plan)
        assert f"INDEX {visit_index} (" in lines, f"{statement}\n{lines}"
        assert "TEMP B-TREE" not in lines, f"the visits are sorted instead of walked in order:\n{lines}"
