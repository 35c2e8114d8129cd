"""The targets dashboard's data (issue 11, item 4, without the screen): progress by station and by month,
the records behind a figure, and the per-station targets headquarters edits; every number hand-counted
from a small data set, and checked against the figures they sit beside."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from chushang_desk.models import AnnualTarget, Contact, OutboxEntry, Organization
from chushang_desk.services.contacts import save_contact
from chushang_desk.services.events import save_event
from chushang_desk.services.dashboard import (
    STATION_METRICS, dashboard, progress_by_month, records_behind,
)
from chushang_desk.services.messages import ValidationFailed
from chushang_desk.services.organizations import save_organization
from chushang_desk.services.projects import add_arrival, move_stage, save_project
from chushang_desk.services.targets import METRICS, NOT_RECORDED_YET, save_targets, target_figures

END = date(2025, 12, 31)


@pytest.fixture
def records(profile):
    """甲 (jjj) signed in February, capital in March and July; 乙 (dwq) signed in May, landed in August,
    capital in September; 丙 (jjj) signed last year, landed in March, capital promised or last year's;
    戊 (no station) signed in February; 外资丁 is not a 楚商 project and counts nowhere."""
    def make(s):
        investor = save_organization(s, {"name": "华星集团", "kind": "company"})
        a = save_project(s, {"name": "甲", "station": "jjj", "organization_id": investor}, today=date(2025, 1, 5))
        b = save_project(s, {"name": "乙", "station": "dwq"}, today=date(2025, 2, 1))
        c = save_project(s, {"name": "丙", "station": "jjj"}, today=date(2024, 6, 1))
        d = save_project(s, {"name": "外资丁", "station": "jjj", "is_chushang": False}, today=date(2025, 1, 1))
        e = save_project(s, {"name": "戊"}, today=date(2025, 1, 1))
        return a, b, c, d, e
    a, b, c, d, e = profile.write(make)
    profile.write(move_stage, d, "signed", date(2025, 2, 1))
    profile.write(add_arrival, d, "5000", arrived_on=date(2025, 3, 1))
    profile.write(move_stage, a, "signed", date(2025, 2, 10))
    profile.write(save_project, {"signed_amount": "1000.10"}, a)
    profile.write(move_stage, e, "signed", date(2025, 2, 20))
    profile.write(move_stage, b, "signed", date(2025, 5, 1))
    profile.write(save_project, {"signed_amount": "250"}, b)
    profile.write(move_stage, b, "landed", date(2025, 8, 1))
    profile.write(move_stage, c, "signed", date(2024, 12, 1))
    profile.write(move_stage, c, "landed", date(2025, 3, 1))
    profile.write(add_arrival, a, "300", arrived_on=date(2025, 3, 3), notes="首期")
    profile.write(add_arrival, a, "200", arrived_on=date(2025, 7, 3))
    profile.write(add_arrival, b, "50.5", arrived_on=date(2025, 9, 9))
    profile.write(add_arrival, c, "999", due_on=date(2025, 4, 4))  # promised only
    profile.write(add_arrival, c, "70", arrived_on=date(2024, 12, 30))  # last year

    def people(s):
        ids = [save_contact(s, dict(name="商一", is_merchant=True, is_key=True, station="jjj")),
               save_contact(s, dict(name="商二", is_merchant=True, station="dwq")),
               save_contact(s, dict(name="才一", is_talent=True, is_merchant=True, station="jjj")),
               save_contact(s, dict(name="张三", is_merchant=True, station="csj", company="三一商贸")),
               save_contact(s, dict(name="李四", is_merchant=True, station="csj")),
               save_contact(s, dict(name="王五", is_merchant=True, station="csj")),
               save_contact(s, dict(name="校一", is_alumnus=True, station="csj"))]
        for contact_id in ids:
            s.get(Contact, contact_id).created_at = datetime(2025, 1, 2)
        s.get(Contact, ids[1]).created_at = datetime(2025, 11, 1)  # on file only from November
        chamber = save_organization(s, {"name": "新商会", "kind": "chamber", "station": "jjj"})
        s.get(Organization, chamber).created_at = datetime(2025, 6, 1)
        save_event(s, {"name": "新春联谊会", "held_on": date(2025, 1, 20), "region": "北京", "place": "湖北大厦",
                       "categories": ["festival", "key_region"], "station": "jjj"})
        save_event(s, {"name": "进博会推介", "held_on": date(2025, 3, 31), "categories": ["platform"],
                       "station": "csj"})
        save_event(s, {"name": "秋季座谈会", "held_on": date(2025, 9, 1), "station": "jjj"})
        save_event(s, {"name": "去年的年会", "held_on": date(2024, 12, 20), "categories": ["festival"]})
    profile.write(people)
    return dict(a=a, b=b, c=c, d=d, e=e)


def by_station(board) -> dict:
    return {row.station: row.actuals for row in board.by_station}


def test_progress_by_station_counts_each_station_s_own_records(profile, records):
    board = profile.read(dashboard, 2025, today=END)
    stations = by_station(board)
    assert stations["jjj"] == {"signed_projects": 1, "landed_projects": 1, "capital_arrived": Decimal("500.00"),
                               "merchant_records": 2}
    assert stations["dwq"] == {"signed_projects": 1, "landed_projects": 1, "capital_arrived": Decimal("50.50"),
                               "merchant_records": 1}
    assert stations["csj"] == {"signed_projects": 0, "landed_projects": 0, "capital_arrived": 0,
                               "merchant_records": 3}
    assert stations[""]["signed_projects"] == 1  # 戊, of no station, is shown rather than lost
    assert [row.station for row in board.by_station][:3] == ["jjj", "csj", "dwq"]  # the station list's order
    q1 = by_station(profile.read(dashboard, 2025, "Q1", today=END))
    assert (q1["jjj"]["signed_projects"], q1["jjj"]["landed_projects"], q1["jjj"]["capital_arrived"]) == (
        1, 1, Decimal("300.00"))
    assert q1["dwq"] == {"signed_projects": 0, "landed_projects": 0, "capital_arrived": 0, "merchant_records": 0}


def test_the_stations_add_up_to_the_city_s_figures(profile, records):
    board = profile.read(dashboard, 2025, today=END)
    figures = {f.metric: f.actual for f in board.figures}
    for metric in STATION_METRICS:
        assert sum(row.actuals[metric] for row in board.by_station) == figures[metric], metric


def test_progress_by_month_and_cumulated(profile, records):
    months = profile.read(progress_by_month, 2025)
    assert [m.month for m in months] == list(range(1, 13))
    signed = [int(m.actuals["signed_projects"]) for m in months]
    assert signed == [0, 2, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
    assert [int(m.actuals["landed_projects"]) for m in months] == [0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0]
    capital = {m.month: m.actuals["capital_arrived"] for m in months if m.actuals["capital_arrived"]}
    assert capital == {3: Decimal("300.00"), 7: Decimal("200.00"), 9: Decimal("50.50")}
    assert [int(m.cumulative["signed_projects"]) for m in months] == [0, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3]
    assert months[-1].cumulative == {"signed_projects": 3, "landed_projects": 2, "capital_arrived": Decimal("550.50")}
    jjj = profile.read(progress_by_month, 2025, "jjj")
    assert jjj[-1].cumulative == {"signed_projects": 1, "landed_projects": 1, "capital_arrived": Decimal("500.00")}
    assert [m.month for m in jjj if m.actuals["capital_arrived"]] == [3, 7]
    assert profile.read(dashboard, 2025, "Q1", "jjj", today=END).by_month == jjj  # the whole year, whatever the period


def test_the_records_behind_signed_and_landed(profile, records):
    signed = profile.read(records_behind, "signed_projects", 2025)
    assert [(r.name, r.day, r.amount, r.station) for r in signed.rows] == [
        ("甲", date(2025, 2, 10), Decimal("1000.10"), "jjj"), ("戊", date(2025, 2, 20), None, ""),
        ("乙", date(2025, 5, 1), Decimal("250"), "dwq")]
    assert (signed.total, signed.amount) == (3, Decimal("1250.10"))
    assert signed.rows[0].detail == "华星集团" and signed.rows[0].record_id == records["a"]
    landed_march = profile.read(records_behind, "landed_projects", 2025, "M03")
    assert [r.name for r in landed_march.rows] == ["丙"]
    assert profile.read(records_behind, "signed_projects", 2025, station="dwq").total == 1


def test_the_records_behind_capital_arrived(profile, records):
    q3 = profile.read(records_behind, "capital_arrived", 2025, "Q3")
    assert [(r.name, r.day, r.amount) for r in q3.rows] == [
        ("甲", date(2025, 7, 3), Decimal("200.00")), ("乙", date(2025, 9, 9), Decimal("50.50"))]
    assert (q3.total, q3.amount) == (2, Decimal("250.50"))
    q1 = profile.read(records_behind, "capital_arrived", 2025, "Q1", "jjj")
    assert [(r.name, r.amount, r.detail) for r in q1.rows] == [("甲", Decimal("300.00"), "首期")]


def test_the_records_behind_a_directory_figure_are_the_first_n_and_the_total(profile, records):
    csj = profile.read(records_behind, "merchant_records", 2025, station="csj", limit=2)
    assert csj.total == 3 and len(csj.rows) == 2
    assert [r.name for r in csj.rows] == ["李四", "王五"]  # in name (pinyin) order: li, wang, zhang
    everyone = profile.read(records_behind, "merchant_records", 2025)
    assert everyone.total == 6 and {r.name for r in everyone.rows} >= {"张三", "商二", "商一"}
    assert profile.read(records_behind, "merchant_records", 2025, "Q1").total == 5  # 商二 came in November
    assert [r.name for r in profile.read(records_behind, "merchant_key_records", 2025).rows] == ["商一"]
    assert [r.detail for r in profile.read(records_behind, "merchant_records", 2025, station="csj").rows
            if r.name == "张三"] == ["三一商贸"]


def test_every_recorded_figure_lists_as_many_records_as_it_counts(profile, records):
    for period, station in ((None, None), ("Q1", None), ("H2", "jjj"), ("M02", "dwq")):
        for figure in profile.read(target_figures, 2025, period, station, today=END):
            behind = profile.read(records_behind, figure.metric, 2025, period, station)
            if figure.metric in NOT_RECORDED_YET:
                assert not behind.recorded and behind.rows == []
            elif figure.metric == "capital_arrived":  # a sum: the instalments listed add up to it
                assert behind.amount == figure.actual, (period, station)
            else:
                assert behind.total == figure.actual, (figure.metric, period, station)
    chambers = profile.read(records_behind, "new_chambers", 2025)
    assert [r.name for r in chambers.rows] == ["新商会"]
    stations = profile.read(records_behind, "liaison_stations", 2025)
    assert [r.station for r in stations.rows] == ["jjj", "csj", "dwq"]
    with pytest.raises(KeyError):
        profile.read(records_behind, "visits", 2025)


def test_the_records_behind_the_event_figures(profile, records):
    events = profile.read(records_behind, "events", 2025)
    assert [(r.name, r.day, r.station) for r in events.rows] == [
        ("新春联谊会", date(2025, 1, 20), "jjj"), ("进博会推介", date(2025, 3, 31), "csj"),
        ("秋季座谈会", date(2025, 9, 1), "jjj")]
    assert events.rows[0].detail == "北京 · 湖北大厦"
    assert [r.name for r in profile.read(records_behind, "festival_events", 2025).rows] == ["新春联谊会"]
    assert [r.name for r in profile.read(records_behind, "platform_events", 2025, "Q1").rows] == ["进博会推介"]
    assert profile.read(records_behind, "events", 2025, "H2", "jjj").total == 1
    figures = {f.metric: f.actual for f in profile.read(target_figures, 2025, today=END)}
    assert (figures["events"], figures["festival_events"], figures["key_region_events"],
            figures["platform_events"], figures["overseas_events"]) == (3, 1, 1, 1, 0)


def test_a_station_s_own_targets_and_never_the_city_s_in_their_place(profile, records):
    profile.write(save_targets, 2025, "jjj", {"signed_projects": "40", "capital_arrived": 100000})
    jjj = {f.metric: f for f in profile.read(target_figures, 2025, station="jjj", today=END)}
    assert (jjj["signed_projects"].target, jjj["signed_projects"].actual) == (40, 1)
    assert jjj["signed_projects"].rate == Decimal("0.0250")
    assert jjj["capital_arrived"].target == 100000 and jjj["capital_arrived"].unit == "万元"
    assert jjj["landed_projects"].target is None  # the city's 100 is not the station's
    assert profile.read(target_figures, 2025, station="dwq", today=END)[0].target is None
    city = {f.metric: f for f in profile.read(target_figures, 2025, today=END)}
    assert city["signed_projects"].target == 200  # the city's own, untouched
    later = {f.metric: f for f in profile.read(target_figures, 2026, station="jjj", today=END)}
    assert (later["signed_projects"].target, later["signed_projects"].target_year) == (40, 2025)
    board = profile.read(dashboard, 2025, today=END)
    assert {r.station: r.targets for r in board.by_station}["jjj"] == {"signed_projects": 40,
                                                                      "capital_arrived": 100000}


def test_saving_targets_edits_takes_away_and_syncs(profile, records):
    def outbox(s):
        return [(e.table_name, e.op) for e in s.scalars(select(OutboxEntry).where(
            OutboxEntry.table_name == "annual_target"))]
    before = len(profile.read(outbox))
    ids = profile.write(save_targets, 2025, "", {"signed_projects": "２５０", "new_chambers": "3"})
    city = {f.metric: f.target for f in profile.read(target_figures, 2025, today=END)}
    assert (city["signed_projects"], city["new_chambers"]) == (250, 3)
    assert len(profile.read(outbox)) == before + 2  # each target changed goes out to the server
    assert profile.write(save_targets, 2025, "", {"signed_projects": 250}) == [ids[0]]
    assert len(profile.read(outbox)) == before + 2  # nothing changed, nothing sent
    profile.write(save_targets, 2025, "dwq", {"landed_projects": 30})
    profile.write(save_targets, 2025, "dwq", {"landed_projects": ""})  # taken away
    assert {f.metric: f.target for f in profile.read(target_figures, 2025, station="dwq")}["landed_projects"] is None
    again = profile.write(save_targets, 2025, "dwq", {"landed_projects": 35})  # the same row, revived
    rows = profile.read(lambda s: [(t.id, t.value, t.deleted_at) for t in s.scalars(select(AnnualTarget).where(
        AnnualTarget.station == "dwq"))])
    assert rows == [(again[0], 35, None)]


@pytest.mark.parametrize("value", ["-1", "1.5", "abc", 1.5, True, 10**13])
def test_a_target_must_be_a_whole_number_of_zero_or_more(profile, value):
    with pytest.raises(ValidationFailed) as refused:
        profile.write(save_targets, 2025, "jjj", {"signed_projects": value})
    assert refused.value.errors["signed_projects"].code == "bad_number"


def test_only_the_work_list_s_metrics_have_targets(profile):
    with pytest.raises(ValidationFailed) as refused:
        profile.write(save_targets, 2025, "", {"visits": 10, "signed_projects": 1})
    assert set(refused.value.errors) == {"visits"}
    assert {f.metric: f.target for f in profile.read(target_figures, 2025)}["signed_projects"] == 200  # none saved
    assert len(METRICS) == 16


def test_a_target_set_on_two_laptops_is_one_row_with_the_seed_s_id(profile, tmp_path):
    """A target's id comes from its year, metric and station (the seed's rule): two headquarters laptops
    setting the same target offline write the same row, which sync merges, never two rows the unique key
    (year, metric, station) would refuse on every other laptop."""
    from chushang_desk.db.ids import seed_id
    from chushang_desk.models import AnnualTarget
    from chushang_desk.services.profile import open_profile
    from chushang_desk.services.targets import save_targets

    other = open_profile(tmp_path / "other")
    try:
        ids = {p.write(save_targets, 2031, "gba", {"signed_projects": 40})[0] for p in (profile, other)}
        city = profile.write(save_targets, 2031, "", {"signed_projects": 210})[0]
    finally:
        other.close()
    assert ids == {seed_id("annual_target", 2031, "signed_projects", "gba")}
    assert city == seed_id("annual_target", 2031, "signed_projects")
    assert profile.read(lambda s: s.query(AnnualTarget).filter_by(year=2031).count()) == 2
