"""Demo data: deterministic, complete, valid, searchable, and reachable from the command line."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from chushang_desk.db.search_index import SURNAME_READINGS, name_syllables
from chushang_desk.models import synced_tables
from chushang_desk.services.contacts import ContactQuery, contact_rows, find_contact_ids
from chushang_desk.services.demo import DemoDataExists, make_demo_data
from chushang_desk.services.profile import open_profile
from chushang_desk.services.validation import normalize_phone

TODAY = date(2026, 5, 20)
CONTACTS, VISITS = 300, 1000
# Tables that demo data fills (reference lists come from the seed, written with no outbox entries).
DEMO_TABLES = ("organization", "contact", "affiliation", "visit", "visit_contact", "visit_organization",
               "follow_up", "referral", "project", "capital_arrival", "event", "event_attendee")
AUDIT_TIMES = {"created_at", "updated_at"}  # the only columns taken from the clock


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """One profile with demo data, shared by the read-only checks below (small batches on purpose)."""
    made = open_profile(tmp_path_factory.mktemp("demo") / "profile")
    summary = make_demo_data(made, contacts=CONTACTS, visits=VISITS, seed=7, today=TODAY, batch=128)
    yield made, summary
    made.close()


def _rows(profile, table: str) -> list[tuple]:
    """Every row of a table without its audit timestamps, in id order."""
    def read(session):
        cols = [c.name for c in synced_tables()[table].__table__.columns if c.name not in AUDIT_TIMES]
        return [tuple(r) for r in session.execute(text(f"SELECT {', '.join(cols)} FROM {table} ORDER BY id"))]
    return profile.read(read)


def _scalar(profile, sql: str, **params):
    return profile.read(lambda s: s.execute(text(sql), params).scalar())


def test_same_seed_gives_same_content_and_ids(tmp_path, demo):
    again = open_profile(tmp_path / "again")
    try:
        make_demo_data(again, contacts=CONTACTS, visits=VISITS, seed=7, today=TODAY, batch=1000)
        for table in DEMO_TABLES:
            assert _rows(again, table) == _rows(demo[0], table), table
    finally:
        again.close()


def test_another_seed_gives_other_people(tmp_path, demo):
    other = open_profile(tmp_path / "other")
    try:
        make_demo_data(other, contacts=50, visits=50, seed=8, today=TODAY)
        names = lambda p: {r[0] for r in p.read(lambda s: s.execute(text("SELECT name FROM contact")).all())}
        assert len(names(other) - names(demo[0])) > 25
    finally:
        other.close()


def test_counts_match_the_request_and_the_summary(demo):
    profile, summary = demo
    assert _scalar(profile, "SELECT count(*) FROM contact") == CONTACTS
    assert _scalar(profile, "SELECT count(*) FROM visit") == VISITS
    for table in ("organization", "affiliation", "visit_contact", "follow_up", "referral", "project",
                  "capital_arrival"):
        count = _scalar(profile, f"SELECT count(*) FROM {table}")
        assert count > 0, table
        assert f"{count:,}" in summary, table
    assert f"{CONTACTS:,} contacts" in summary and f"{VISITS:,} visits" in summary


def test_every_phone_is_valid_e164(demo):
    phones = demo[0].read(lambda s: [p for (ps,) in s.execute(text("SELECT phones FROM contact")) for p in _json(ps)])
    assert len(phones) >= CONTACTS
    assert [p for p in phones if normalize_phone(p) != p] == []
    assert any(p.startswith("+86") for p in phones) and any(not p.startswith("+86") for p in phones)


def _json(value):
    return json.loads(value) if isinstance(value, str) else value


def test_references_hold(demo):
    profile = demo[0]
    assert profile.read(lambda s: s.execute(text("PRAGMA foreign_key_check")).all()) == []
    dangling = """SELECT count(*) FROM visit_contact vc LEFT JOIN contact c ON c.id = vc.contact_id
                  WHERE c.id IS NULL OR c.deleted_at IS NOT NULL"""
    assert _scalar(profile, dangling) == 0
    assert _scalar(profile, "SELECT count(*) FROM visit v WHERE NOT EXISTS "
                            "(SELECT 1 FROM visit_contact vc WHERE vc.visit_id = v.id)") == 0
    assert _scalar(profile, "SELECT count(*) FROM referral r JOIN contact c ON c.id = r.ambassador_id "
                            "WHERE NOT c.is_ambassador OR c.ambassador_since IS NULL") == 0


def test_codes_come_from_the_reference_lists(demo):
    profile = demo[0]
    for column, list_name in (("station", "station"), ("industry", "industry"),
                              ("native_prefecture", "prefecture")):
        unknown = _scalar(profile, f"SELECT count(*) FROM contact WHERE {column} NOT IN "
                                   "(SELECT code FROM reference_item WHERE list_name = :l)", l=list_name)
        assert unknown == 0, column
    assert _scalar(profile, "SELECT count(*) FROM contact WHERE NOT (is_merchant OR is_alumnus OR is_talent)") == 0


def test_one_outbox_entry_per_created_row(demo):
    profile = demo[0]
    for table in DEMO_TABLES:
        rows = _scalar(profile, f"SELECT count(*) FROM {table}")
        entries = _scalar(profile, "SELECT count(*) FROM outbox WHERE table_name = :t AND op = 'upsert'", t=table)
        matched = _scalar(profile, f"SELECT count(DISTINCT o.row_id) FROM outbox o JOIN {table} t ON t.id = o.row_id "
                                   "WHERE o.table_name = :t", t=table)
        assert rows == entries == matched, table


def test_demo_projects_move_through_every_stage_and_pass_their_own_checks(demo):
    """Every demo project is one the service would save (its declaration, its stage days in order, a
    reason for a drop), so the demo syncs and reports like real data."""
    from chushang_desk.models import Project
    from chushang_desk.models.projects import PROJECT_STAGES
    from chushang_desk.services.projects import validate_project
    from chushang_desk.services.targets import target_figures

    profile = demo[0]
    projects = profile.read(lambda s: [{c.name: getattr(p, c.name) for c in Project.__table__.columns}
                                       for p in s.query(Project)])
    assert {p["stage"] for p in projects} == set(PROJECT_STAGES)
    for project in projects:
        validate_project(project)  # raises on anything the desk itself would refuse
    figures = {f.metric: f for f in profile.read(target_figures, TODAY.year, None, None, TODAY)}
    assert figures["signed_projects"].actual > 0 and figures["capital_arrived"].actual > 0


def test_demo_events_fill_each_year_s_work_list_with_guests_from_the_directory_and_what_followed(demo):
    """About 30 events a year, each category of the work list among them, every one the desk would save;
    their guests are the station's contacts, most came, and visits and projects followed some."""
    from chushang_desk.models import Event
    from chushang_desk.services.events import event_counts, validate_event
    from chushang_desk.services.targets import period_of

    profile = demo[0]
    last_year = profile.read(event_counts, period_of(TODAY.year - 1))
    assert last_year["events"] >= 25 and min(last_year.values()) > 0, last_year
    events = profile.read(lambda s: [{c.name: getattr(e, c.name) for c in Event.__table__.columns}
                                     for e in s.query(Event)])
    for event in events:
        profile.read(validate_event, event)  # raises on anything the desk itself would refuse
    assert max(e["held_on"] for e in events) <= TODAY
    strangers = _scalar(profile, "SELECT count(*) FROM event_attendee a JOIN event e ON e.id = a.event_id "
                                 "JOIN contact c ON c.id = a.contact_id WHERE c.station != e.station")
    attended = _scalar(profile, "SELECT avg(attended) FROM event_attendee")
    assert strangers == 0 and 0.6 < attended < 0.9
    followed = _scalar(profile, "SELECT count(*) FROM visit v JOIN event e ON e.id = v.event_id "
                                "WHERE v.visit_date >= e.held_on")
    assert followed > 0 and followed == _scalar(profile, "SELECT count(*) FROM visit WHERE event_id IS NOT NULL")
    assert _scalar(profile, "SELECT count(*) FROM project WHERE event_id IS NOT NULL AND source = 'event'") > 0


def test_visit_history_spans_three_years_with_open_and_done_follow_ups(demo):
    profile = demo[0]
    first = date.fromisoformat(_scalar(profile, "SELECT min(visit_date) FROM visit"))
    last = date.fromisoformat(_scalar(profile, "SELECT max(visit_date) FROM visit"))
    assert TODAY - timedelta(days=3 * 365) <= first < TODAY - timedelta(days=700) and last <= TODAY
    states = dict(profile.read(lambda s: s.execute(text(
        "SELECT CASE WHEN done THEN 'done' WHEN due_date < :t THEN 'overdue' ELSE 'open' END, count(*) "
        "FROM follow_up GROUP BY 1"), {"t": TODAY.isoformat()}).all()))
    assert min(states.get(k, 0) for k in ("done", "overdue", "open")) > 0, states
    amounts = _scalar(profile, "SELECT count(*) FROM visit WHERE intention_amount > 0")
    assert amounts > VISITS // 10


def test_search_finds_a_demo_contact_by_pinyin(demo):
    profile = demo[0]
    people = profile.read(lambda s: s.execute(text("SELECT id, name, company FROM contact ORDER BY id")).all())
    for contact_id, name, _company in people[:20]:
        syllables = name_syllables(name)
        initials = "".join(s[0] for s in syllables)
        assert contact_id in profile.read(find_contact_ids, ContactQuery(text=initials)), (name, initials)
        assert contact_id in profile.read(find_contact_ids, ContactQuery(text="".join(syllables))), name
    tricky = [(i, n) for i, n, _c in people if n[:1] in SURNAME_READINGS or n[:2] in SURNAME_READINGS]
    assert tricky, "the demo should include surnames that read differently (单, 曾, 解 ...)"
    contact_id, name = tricky[0]
    assert contact_id in profile.read(find_contact_ids, ContactQuery(text="".join(name_syllables(name))))
    row = profile.read(contact_rows, [contact_id])[0]
    assert row.name == name and row.phones


def test_same_seed_twice_in_one_profile_is_refused(tmp_path):
    profile = open_profile(tmp_path / "twice")
    try:
        make_demo_data(profile, contacts=20, visits=20, seed=3, today=TODAY)
        with pytest.raises(DemoDataExists):
            make_demo_data(profile, contacts=20, visits=20, seed=3, today=TODAY)
        make_demo_data(profile, contacts=20, visits=20, seed=4, today=TODAY)
        assert _scalar(profile, "SELECT count(*) FROM contact") == 40
    finally:
        profile.close()


def test_command_line_makes_demo_data(tmp_path):
    data_dir = tmp_path / "cli"
    args = [sys.executable, "-m", "chushang_desk", "demo-data", "--data-dir", str(data_dir),
            "--contacts", "60", "--visits", "90", "--seed", "5"]
    done = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "60 contacts" in done.stdout and "90 visits" in done.stdout
    assert "contacts 60/60" in done.stderr  # progress goes to stderr, the summary to stdout
    profile = open_profile(data_dir)
    try:
        assert _scalar(profile, "SELECT count(*) FROM contact") == 60
    finally:
        profile.close()
    again = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert again.returncode == 1 and "seed 5" in again.stderr


def test_demo_profile_opens_as_one_of_its_officers_with_work_to_do(tmp_path):
    from chushang_desk.services import settings
    from chushang_desk.services.profile import open_profile
    from chushang_desk.services.visits import my_follow_ups

    profile = open_profile(tmp_path / "demo")
    try:
        make_demo_data(profile, contacts=300, visits=900, seed=5)
        chosen = profile.read(settings.all_settings)
        assert chosen["station"] == "csj" and chosen["officer_name"]
        assert profile.read(my_follow_ups, chosen["officer_name"]), "the demo officer has follow-ups"
    finally:
        profile.close()
