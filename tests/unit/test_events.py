"""Events (issue 11, item 3): recorded with the work-list categories they count for, invitees and who came
from the directory, the projects, visits and referrals that followed, and counted for a period against
the work list (a hand-counted set below), every edit synced."""
from __future__ import annotations

from datetime import date

import pytest

from chushang_desk.models import Event, EventAttendee, OutboxEntry, Project, Visit
from chushang_desk.services.contacts import save_contact
from chushang_desk.services.events import (
    EventQuery, delete_event, event_counts, event_detail, event_years, events_in, invite, link_to_event,
    list_events, remove_attendee, save_event, set_attended,
)
from chushang_desk.services.messages import NotFound, ValidationFailed
from chushang_desk.services.projects import save_project
from chushang_desk.services.referrals import save_referral
from chushang_desk.services.targets import period_of
from chushang_desk.services.visits import save_visit

# name, held on, kind, categories, station: counted by hand in the test below.
EVENTS = [
    ("新春楚商联谊会", date(2025, 1, 20), "gathering", ["festival"], "jjj"),
    ("长三角推介会", date(2025, 3, 14), "promotion", ["key_region", "platform"], "csj"),
    ("东京楚商恳谈", date(2025, 4, 2), "overseas_drive", ["overseas"], "jp_kr"),
    ("华科校友会", date(2025, 6, 30), "reunion", ["alumni", "festival"], "jjj"),
    ("楚商大会", date(2025, 10, 18), "congress", ["platform"], "hq"),
    ("年终茶话会", date(2025, 12, 31), "tea_party", [], "jjj"),
    ("来年的推介会", date(2026, 1, 1), "promotion", ["platform"], "jjj"),
    ("去年的联谊会", date(2024, 12, 31), "gathering", ["festival"], "jjj"),
]


@pytest.fixture
def events(profile):
    def make(s):
        return {name: save_event(s, {"name": name, "held_on": held_on, "kind": kind, "categories": categories,
                                     "station": station})
                for name, held_on, kind, categories, station in EVENTS}
    return profile.write(make)


@pytest.fixture
def people(profile):
    def make(s):
        return [save_contact(s, {"name": name, "is_merchant": True, "company": company})
                for name, company in (("张三", "华星光电"), ("李四", "小米"), ("王五", "卓尔"))]
    return profile.write(make)


def test_a_year_s_events_are_counted_by_category_and_once_in_all(profile, events):
    assert profile.read(event_counts, period_of(2025)) == {
        "events": 6, "festival_events": 2, "key_region_events": 1, "overseas_events": 1, "platform_events": 2,
        "alumni_events": 1}
    assert profile.read(event_counts, period_of(2025, "Q1")) == {
        "events": 2, "festival_events": 1, "key_region_events": 1, "overseas_events": 0, "platform_events": 1,
        "alumni_events": 0}
    assert profile.read(event_counts, period_of(2025, "H2"), "jjj") == {  # the tea party counts for no category
        "events": 1, "festival_events": 0, "key_region_events": 0, "overseas_events": 0, "platform_events": 0,
        "alumni_events": 0}
    assert profile.read(event_counts, period_of(2025), "jjj")["festival_events"] == 2


def test_a_deleted_event_counts_no_more_and_its_attendees_go_with_it(profile, events, people):
    profile.write(invite, events["楚商大会"], people)
    profile.write(delete_event, events["楚商大会"])
    assert profile.read(event_counts, period_of(2025))["platform_events"] == 1
    assert profile.read(lambda s: s.query(EventAttendee).filter(EventAttendee.deleted_at.is_(None)).count()) == 0
    with pytest.raises(NotFound):
        profile.read(event_detail, events["楚商大会"])


def test_events_in_a_period_are_listed_in_the_order_held(profile, events):
    names = [e.name for e in profile.read(events_in, period_of(2025), None, "platform")]
    assert names == ["长三角推介会", "楚商大会"]


def test_the_list_filters_by_year_kind_category_and_station_newest_first(profile, events):
    def names(**query):
        return [r.name for r in profile.read(list_events, EventQuery(**query))]
    assert names(year=2025, category="festival") == ["华科校友会", "新春楚商联谊会"]
    assert names(kind="promotion") == ["来年的推介会", "长三角推介会"]
    assert names(year=2025, station="jjj") == ["年终茶话会", "华科校友会", "新春楚商联谊会"]
    assert names(year=2024) == ["去年的联谊会"]
    assert profile.read(event_years) == [2026, 2025, 2024]


def test_invitees_and_who_came_and_one_brought_along(profile, events, people):
    gala = events["新春楚商联谊会"]
    zhang, li, wang = people
    profile.write(invite, gala, [zhang, li, zhang])
    profile.write(set_attended, gala, zhang)
    profile.write(set_attended, gala, wang)  # came uninvited, brought along
    detail = profile.read(event_detail, gala)
    assert [(a.name, a.company, a.invited, a.attended) for a in detail.attendees] == [
        ("张三", "华星光电", True, True), ("李四", "小米", True, False), ("王五", "卓尔", False, True)]
    row = next(r for r in profile.read(list_events) if r.id == gala)
    assert (row.invited, row.attended) == (2, 2)
    profile.write(set_attended, gala, zhang, False)
    profile.write(remove_attendee, gala, li)
    profile.write(invite, gala, [wang])  # now invited too: his attendance stays
    detail = profile.read(event_detail, gala)
    assert [(a.name, a.invited, a.attended) for a in detail.attendees] == [("张三", True, False), ("王五", True, True)]
    tables = profile.read(lambda s: {e.table_name for e in s.query(OutboxEntry)})
    assert {"event", "event_attendee"} <= tables  # they travel like every record
    with pytest.raises(NotFound):
        profile.write(invite, gala, ["no-such-contact"])


def test_what_is_wrong_is_refused_by_field_before_saving(profile):
    with pytest.raises(ValidationFailed) as refused:
        profile.write(save_event, {"name": " ", "held_on": "2025-02-30", "kind": "picnic", "categories": ["sports"]})
    assert set(refused.value.errors) == {"name", "held_on", "kind", "categories"}
    with pytest.raises(ValidationFailed) as refused:
        profile.write(save_event, {"name": "没有日期的活动"})
    assert set(refused.value.errors) == {"held_on"}
    assert profile.read(lambda s: s.query(Event).count()) == 0


def test_an_edit_changes_the_fields_it_names_and_keeps_categories_in_the_work_list_s_order(profile, events):
    gala = events["新春楚商联谊会"]
    profile.write(save_event, {"place": "北京湖北大厦", "categories": ["alumni", "festival", "alumni"]}, gala)
    stored = profile.read(lambda s: s.get(Event, gala))
    assert (stored.name, stored.place, stored.categories, stored.held_on) == (
        "新春楚商联谊会", "北京湖北大厦", ["festival", "alumni"], date(2025, 1, 20))


def test_an_event_s_detail_lists_the_projects_visits_and_referrals_that_followed(profile, events, people):
    fair = events["长三角推介会"]
    zhang, li, _wang = people

    def make(s):
        project = save_project(s, {"name": "华星光电第十代线", "station": "csj"}, today=date(2025, 3, 14))
        visit = save_visit(s, {"visit_date": date(2025, 3, 20), "station": "csj", "officers": "王伟",
                               "contact_ids": [zhang], "purpose": "回访推介会"})
        s.get(Contact_, li).is_ambassador, s.get(Contact_, li).ambassador_since = True, date(2025, 1, 1)
        referral = save_referral(s, {"ambassador_id": li, "referred_contact_id": zhang, "station": "csj",
                                     "referred_on": date(2025, 3, 21), "status": "new"})
        for table, row_id in (("project", project), ("visit", visit), ("referral", referral)):
            link_to_event(s, table, row_id, fair)
        return project, visit, referral

    from chushang_desk.models import Contact as Contact_
    project, visit, referral = profile.write(make)
    detail = profile.read(event_detail, fair)
    assert [(p.id, p.title, p.state) for p in detail.projects] == [(project, "华星光电第十代线", "recommended")]
    assert [(v.id, v.day, v.title) for v in detail.visits] == [(visit, date(2025, 3, 20), "张三 · 回访推介会")]
    assert [(r.id, r.title, r.state) for r in detail.referrals] == [(referral, "李四 → 张三", "new")]
    profile.write(link_to_event, "visit", visit, None)
    assert profile.read(event_detail, fair).visits == []
    assert profile.read(lambda s: s.get(Visit, visit).event_id) is None
    assert profile.read(lambda s: s.get(Project, project).event_id) == fair
    pushed = profile.read(lambda s: [e.fields.get("event_id") for e in s.query(OutboxEntry).filter_by(row_id=project)])
    assert pushed[-1] == fair  # the link travels with the project
