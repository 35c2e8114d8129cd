"""The year's targets against the records (issue 11, item 4's figures, without the screen): every actual
hand-counted from a small data set, by period and by station, and a figure behind its pro-rata share."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from chushang_desk.models import Contact, Organization
from chushang_desk.services.contacts import save_contact
from chushang_desk.services.messages import ValidationFailed
from chushang_desk.services.organizations import save_organization
from chushang_desk.services.projects import add_arrival, move_stage, save_project
from chushang_desk.services.targets import period_of, target_figures, year_share


@pytest.fixture
def records(profile):
    def make(s):
        a = save_project(s, {"name": "甲", "station": "jjj"}, today=date(2025, 1, 5))
        b = save_project(s, {"name": "乙", "station": "dwq"}, today=date(2025, 2, 1))
        c = save_project(s, {"name": "丙", "station": "jjj"}, today=date(2024, 6, 1))
        d = save_project(s, {"name": "外资丁", "station": "jjj", "is_chushang": False}, today=date(2025, 1, 1))
        return a, b, c, d
    a, b, c, d = profile.write(make)
    profile.write(move_stage, d, "signed", date(2025, 2, 1))  # not a 楚商 project: the work list leaves it out
    profile.write(add_arrival, d, "5000", arrived_on=date(2025, 3, 1))
    profile.write(move_stage, a, "signed", date(2025, 2, 10))
    profile.write(save_project, {"signed_amount": "1000.10"}, a)
    profile.write(move_stage, b, "signed", date(2025, 5, 1))
    profile.write(save_project, {"signed_amount": "250"}, b)
    profile.write(move_stage, b, "landed", date(2025, 8, 1))
    profile.write(move_stage, c, "signed", date(2024, 12, 1))  # last year's signing
    profile.write(move_stage, c, "landed", date(2025, 3, 1))  # ... landed this year
    profile.write(add_arrival, a, "300", arrived_on=date(2025, 3, 3))
    profile.write(add_arrival, a, "200", arrived_on=date(2025, 7, 3))
    profile.write(add_arrival, b, "50.5", arrived_on=date(2025, 9, 9))
    profile.write(add_arrival, c, "999", due_on=date(2025, 4, 4))  # promised only
    profile.write(add_arrival, c, "70", arrived_on=date(2024, 12, 30))  # last year

    def people(s):
        ids = [save_contact(s, dict(name="商一", is_merchant=True, is_key=True, station="jjj")),
               save_contact(s, dict(name="商二", is_merchant=True, station="dwq")),
               save_contact(s, dict(name="校一", is_alumnus=True, is_key=True, station="jjj")),
               save_contact(s, dict(name="才一", is_talent=True, is_merchant=True, station="jjj"))]
        for contact_id in ids:
            s.get(Contact, contact_id).created_at = datetime(2025, 1, 2)
        s.get(Contact, ids[1]).created_at = datetime(2025, 11, 1)  # on file only from November
        new = save_organization(s, {"name": "新商会", "kind": "chamber", "station": "jjj"})
        s.get(Organization, new).created_at = datetime(2025, 6, 1)
        old = save_organization(s, {"name": "老商会", "kind": "chamber"})
        s.get(Organization, old).created_at = datetime(2024, 3, 1)
        long_standing = save_organization(s, {"name": "老牌商会", "kind": "chamber", "founded_on": date(2010, 5, 1)})
        s.get(Organization, long_standing).created_at = datetime(2025, 2, 1)  # recorded this year, not new
        save_organization(s, {"name": "某公司", "kind": "company"})
        return ids, new
    profile.write(people)
    return a, b, c


def figures(profile, *args, **kwargs) -> dict:
    return {f.metric: f for f in profile.read(target_figures, *args, **kwargs)}


def test_the_year_s_actuals_are_counted_from_the_records(profile, records):
    year = figures(profile, 2025, today=date(2025, 12, 31))
    assert (year["signed_projects"].actual, year["signed_projects"].amount) == (2, Decimal("1250.10"))
    assert year["landed_projects"].actual == 2  # 乙, and 丙 signed last year
    assert year["capital_arrived"].actual == Decimal("550.50")  # arrived this year, promises left out
    assert (year["merchant_records"].actual, year["merchant_key_records"].actual) == (3, 1)
    assert (year["alumni_records"].actual, year["alumni_key_records"].actual, year["talent_records"].actual) == (1, 1, 1)
    assert year["new_chambers"].actual == 1 and year["liaison_stations"].actual == 3
    assert year["events"].actual == 0 and year["events"].behind  # events are records now: none held
    assert (year["signed_projects"].target, year["signed_projects"].unit) == (200, "个")
    assert year["signed_projects"].rate == Decimal("0.0100")


def test_a_period_counts_what_happened_in_it_and_the_directory_as_it_stood_at_its_end(profile, records):
    q1 = figures(profile, 2025, "Q1", today=date(2025, 12, 31))
    assert (q1["signed_projects"].actual, q1["landed_projects"].actual, q1["capital_arrived"].actual) == (
        1, 1, Decimal("300.00"))
    assert q1["merchant_records"].actual == 2  # 商二 came on file in November
    march = figures(profile, 2025, "m03", today=date(2025, 12, 31))
    assert march["landed_projects"].actual == 1 and march["signed_projects"].actual == 0
    by_station = figures(profile, 2025, station="jjj", today=date(2025, 12, 31))
    assert (by_station["signed_projects"].actual, by_station["capital_arrived"].actual) == (1, Decimal("500.00"))
    assert by_station["merchant_records"].actual == 2
    assert by_station["new_chambers"].actual == 1
    assert figures(profile, 2025, station="dwq", today=date(2025, 12, 31))["new_chambers"].actual == 0
    gone = profile.read(lambda s: s.query(Contact).filter_by(name="商一").one().id)
    profile.write(lambda s: setattr(s.get(Contact, gone), "deleted_at", datetime(2025, 6, 1)))
    assert figures(profile, 2025, "Q1", today=date(2025, 12, 31))["merchant_records"].actual == 2  # still, in Q1
    assert figures(profile, 2025, "H2", today=date(2025, 12, 31))["merchant_records"].actual == 2  # 商二 in, 商一 out


def test_a_figure_under_half_its_pro_rata_share_is_behind(profile, records):
    mid_year = figures(profile, 2025, today=date(2025, 7, 2))  # about half the year gone
    assert mid_year["signed_projects"].share == Decimal("0.5014")  # 183 of 365 days
    assert mid_year["signed_projects"].behind  # 2 of 200, where ~50 would be on track
    assert not mid_year["liaison_stations"].behind  # 3 of 3
    assert year_share(period_of(2025, "Q1"), date(2026, 1, 1)) == Decimal("0.2466")
    assert year_share(period_of(2025), date(2024, 12, 31)) == 0
    assert year_share(period_of(2025, "H2"), date(2025, 12, 31)) == Decimal("0.5041")  # its own 184 days
    assert year_share(period_of(2025, "H2"), date(2025, 6, 30)) == 0  # not begun


def test_a_year_without_targets_of_its_own_carries_the_last_year_s(profile, records):
    later = figures(profile, 2027, today=date(2027, 6, 30))
    assert (later["signed_projects"].target, later["signed_projects"].target_year) == (200, 2025)
    earlier = figures(profile, 2024, today=date(2024, 12, 31))
    assert earlier["signed_projects"].target is None and earlier["signed_projects"].unit == "个"
    assert earlier["signed_projects"].actual == 1  # 丙, signed in December 2024


@pytest.mark.parametrize("period", ["Q5", "H3", "M13", "2025", "q1x"])
def test_a_period_not_written_as_one_is_refused_in_words(period):
    with pytest.raises(ValidationFailed) as refused:
        period_of(2025, period)
    assert refused.value.errors["period"].code == "bad_period"


def test_periods_cover_their_days():
    assert (period_of(2024, "M02").start, period_of(2024, "M02").end) == (date(2024, 2, 1), date(2024, 2, 29))
    assert (period_of(2025, "H2").start, period_of(2025, "H2").end) == (date(2025, 7, 1), date(2025, 12, 31))
    assert (period_of(2025, "Q3").start, period_of(2025, "Q3").end) == (date(2025, 7, 1), date(2025, 9, 30))
