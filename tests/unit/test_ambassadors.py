"""Ambassadors (issue 11, item 1): the referral chain, recursive with a cycle A→B→A, and the ranking of a
year and station by referrals, signed projects and capital arrived — counted by hand from a small set."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from chushang_desk.services.ambassadors import ambassador_ranking, referral_chain
from chushang_desk.services.contacts import save_contact
from chushang_desk.services.organizations import save_organization
from chushang_desk.services.projects import add_arrival, move_stage, save_project
from chushang_desk.services.referrals import delete_referral, save_referral

TODAY = date(2025, 12, 1)


def _ambassador(s, name, station="jjj", unit="武汉市招商局"):
    contact_id = save_contact(s, dict(name=name, is_merchant=True, is_ambassador=True, ambassador_since="2024-01-01",
                                      station=station))
    from chushang_desk.models import Contact
    s.get(Contact, contact_id).ambassador_unit = unit
    return contact_id


def _refer(s, ambassador, on, project=None, station="jjj", **extra):
    if project:
        extra["project_id"] = project
    return save_referral(s, dict(ambassador_id=ambassador, referred_on=on, station=station, **extra))


@pytest.fixture
def world(profile):
    """A (王) referred B (李, an ambassador too) and a chamber and project P1; B referred C (赵, a plain
    merchant) and A back (the cycle); B's referral of C became project P2. C referred nobody.
    P1 signed 2025-03-01, landed 2025-06-01, arrived 100 (2025) + 50 (2024); P2 signed 2024-11-01,
    arrived 300 (2025); P3 (a second referral of A to P1, dedup) and a deleted referral of A."""
    def make(s):
        a, b = _ambassador(s, "王大使"), _ambassador(s, "李大使", station="dwq")
        c = save_contact(s, dict(name="赵商人", is_merchant=True))
        chamber = save_organization(s, dict(name="杭州湖北商会", kind="chamber"))
        p1 = save_project(s, {"name": "光谷芯片", "station": "jjj"}, today=date(2024, 10, 1))
        p2 = save_project(s, {"name": "汉阳物流", "station": "dwq"}, today=date(2024, 9, 1))
        ids = dict(a=a, b=b, c=c, chamber=chamber, p1=p1, p2=p2)
        ids["ab"] = _refer(s, a, date(2025, 2, 1), referred_contact_id=b, status="contacted",
                           contacted_on=date(2025, 2, 10))
        ids["a_org"] = _refer(s, a, date(2025, 4, 1), referred_organization_id=chamber)
        ids["a_p1"] = _refer(s, a, date(2024, 12, 1), project=p1, status="signed", contacted_on=date(2024, 12, 5),
                             signed_on=date(2025, 3, 1))
        ids["a_p1_again"] = _refer(s, a, date(2025, 5, 1), project=p1, status="landed")
        ids["bc"] = _refer(s, b, date(2024, 8, 1), project=p2, referred_contact_id=c, status="signed",
                           station="dwq")
        ids["ba"] = _refer(s, b, date(2025, 7, 1), referred_contact_id=a, station="dwq")
        ids["gone"] = _refer(s, a, date(2025, 8, 1), referred_contact_id=c)
        return ids
    ids = profile.write(make)
    profile.write(delete_referral, ids["gone"])
    profile.write(move_stage, ids["p1"], "signed", date(2025, 3, 1))
    profile.write(move_stage, ids["p1"], "landed", date(2025, 6, 1))
    profile.write(move_stage, ids["p2"], "signed", date(2024, 11, 1))
    profile.write(add_arrival, ids["p1"], "100", arrived_on=date(2025, 7, 1))
    profile.write(add_arrival, ids["p1"], "50", arrived_on=date(2024, 12, 20))
    profile.write(add_arrival, ids["p1"], "999", due_on=date(2025, 12, 31))  # promised, not arrived
    profile.write(add_arrival, ids["p2"], "300.50", arrived_on=date(2025, 2, 1))
    return ids


def test_the_chain_follows_referred_ambassadors_and_stops_at_a_cycle(profile, world):
    chain = profile.read(referral_chain, world["a"], TODAY)
    assert (chain.name, chain.unit, chain.since) == ("王大使", "武汉市招商局", date(2024, 1, 1))
    top = [(l.referral_id, l.contact, l.organization, l.project, l.status, l.days) for l in chain.referrals]
    assert top == [  # oldest first; the deleted referral is not there
        (world["a_p1"], "", "", "光谷芯片", "signed", 365),
        (world["ab"], "李大使", "", "", "contacted", 303),
        (world["a_org"], "", "杭州湖北商会", "", "new", 244),
        (world["a_p1_again"], "", "", "光谷芯片", "landed", 214),
    ]
    assert chain.referrals[0].project_stage == "landed"
    # the day each reached its status: a new one's is its own day
    assert [l.status_on for l in chain.referrals[:3]] == [date(2025, 3, 1), date(2025, 2, 10), date(2025, 4, 1)]
    b_link = chain.referrals[1]
    assert [(l.contact, l.project, l.repeated) for l in b_link.referrals] == [
        ("赵商人", "汉阳物流", False), ("王大使", "", True)]  # B→A: A is on the path, marked and not followed
    assert b_link.referrals[1].referrals == []
    assert b_link.referrals[0].referrals == []  # 赵 referred nobody
    assert chain.count() == 6

    from_b = profile.read(referral_chain, world["b"], TODAY)  # B's chain: B→A→(A's, with A→B repeated)
    assert [l.contact for l in from_b.referrals] == ["赵商人", "王大使"]
    under_a = from_b.referrals[1].referrals
    assert [(l.contact, l.repeated) for l in under_a] == [("", False), ("李大使", True), ("", False), ("", False)]


def test_the_chain_is_cut_at_the_depth_asked(profile, world):
    chain = profile.read(referral_chain, world["a"], TODAY, max_depth=1)
    b_link = chain.referrals[1]
    assert b_link.cut and b_link.referrals == []
    assert profile.read(referral_chain, world["c"], TODAY).referrals == []


def test_the_ranking_of_a_year(profile, world):
    rows = profile.read(ambassador_ranking, 2025)
    got = [(r.rank, r.name, r.referrals, r.signed_projects, r.landed_projects, r.capital_arrived) for r in rows]
    # 王: referrals of 2025: ab, a_org, a_p1_again (a_p1 is of 2024; "gone" deleted) = 3; P1 signed in
    # 2025 once though two referrals link it; capital of 2025 on P1: 100. 李: one referral of 2025 (ba);
    # P2 signed in 2024: no signed project this year; capital of 2025 on P2: 300.50.
    assert got == [(1, "王大使", 3, 1, 1, Decimal("100")), (2, "李大使", 1, 0, 0, Decimal("300.50"))]
    assert rows[0].unit == "武汉市招商局" and rows[1].station == "dwq"

    in_2024 = [(r.name, r.referrals, r.signed_projects, r.capital_arrived)
               for r in profile.read(ambassador_ranking, 2024)]
    assert in_2024 == [("李大使", 1, 1, Decimal("0")), ("王大使", 1, 0, Decimal("50"))]

    by_station = [(r.name, r.referrals, r.signed_projects) for r in profile.read(ambassador_ranking, 2025, "dwq")]
    assert by_station == [("李大使", 1, 0)]  # only the referrals the station recorded count
    assert profile.read(ambassador_ranking, 2023) == []


def test_equal_figures_share_a_rank(profile):
    def make(s):
        for name in ("甲大使", "乙大使", "丙大使"):
            a = _ambassador(s, name)
            _refer(s, a, date(2025, 3, 1), project_name="某项目")
        _refer(s, a, date(2025, 4, 1), project_name="又一项目")  # 丙: two referrals
    profile.write(make)
    rows = profile.read(ambassador_ranking, 2025)
    # 甲 and 乙 tie: both second, in pinyin order (jia before yi)
    assert [(r.rank, r.name, r.referrals) for r in rows] == [(1, "丙大使", 2), (2, "甲大使", 1), (2, "乙大使", 1)]


def test_the_ranking_exports_to_a_workbook_read_back_cell_by_cell(profile, world, tmp_path):
    import openpyxl

    from chushang_desk.exchange.ambassador_ranking import HEADER, write_ranking

    out = tmp_path / "ranking.xlsx"
    assert write_ranking(profile, 2025, out) == 2
    sheet = openpyxl.load_workbook(out)["大使排名"]
    assert sheet["A1"].value == "2025 年度招商大使推荐成效排名" and sheet["A1"].font.bold
    assert tuple(c.value for c in sheet[3]) == HEADER and all(c.font.bold for c in sheet[3])
    assert sheet.freeze_panes == "A4" and sheet.auto_filter.ref == "A3:H5"
    rows = [tuple(c.value for c in sheet[r]) for r in (4, 5)]
    assert rows[0][:2] == (1, "王大使") and rows[0][2:] == ("武汉市招商局", rows[0][3], 3, 1, 1, 100)
    assert rows[1][:2] == (2, "李大使") and rows[1][4:] == (1, 0, 0, 300.5)
    assert rows[1][3] and rows[1][3] != "dwq"  # the station's name, not its code
    assert isinstance(sheet["H5"].value, float) and sheet["H5"].number_format == "#,##0.00"
    assert [c.value for c in sheet[6]][1:] == ["合计 2 人", None, None, 4, 1, 1, 400.5]
    assert sheet.column_dimensions["B"].width >= 10

    alone = tmp_path / "station.xlsx"
    assert write_ranking(profile, 2025, alone, "dwq") == 1
    titled = openpyxl.load_workbook(alone)["大使排名"]["A1"].value
    assert titled.startswith("2025 年度招商大使推荐成效排名（") and titled != "2025 年度招商大使推荐成效排名（dwq）"
    assert not list(tmp_path.glob(".ranking-*")), "no scratch file is left behind"
