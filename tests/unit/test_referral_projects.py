"""Referrals and projects (issue 11): a referral links an existing project or makes one of what was
referred, keeps the day of each status it reached, and the free text of older referrals becomes a
project, the same one on every laptop. Services only, no Qt."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from chushang_desk.models import OutboxEntry, Project, Referral
from chushang_desk.services import referrals as refs
from chushang_desk.services.contacts import save_contact
from chushang_desk.services.messages import ValidationFailed
from chushang_desk.services.organizations import save_organization
from chushang_desk.services.projects import project_choices, save_project


@pytest.fixture
def people(profile):
    return dict(
        wang=profile.write(save_contact, dict(name="王大使", is_merchant=True, is_ambassador=True,
                                              ambassador_since="2024-01-01", ambassador_unit="武汉市招商局")),
        li=profile.write(save_contact, dict(name="李投资", is_merchant=True)),
        org=profile.write(save_organization, dict(name="深圳光电科技", kind="company")),
    )


def _get(profile, model, row_id):
    return profile.read(lambda s: s.get(model, row_id))


def test_a_referral_links_an_existing_project_and_shows_its_name(profile, people):
    project = profile.write(save_project, dict(name="光谷芯片厂", station="yrd"))
    rid = profile.write(refs.save_referral, dict(ambassador_id=people["wang"], project_id=project,
                                                  referred_on="2025-04-01"))
    assert _get(profile, Referral, rid).project_id == project
    row = profile.read(refs.get_referral, rid)
    assert (row["project_id"], row["project_name"]) == (project, "光谷芯片厂")


def test_a_project_alone_is_enough_and_a_missing_one_is_refused(profile, people):
    with pytest.raises(ValidationFailed) as refused:
        profile.write(refs.save_referral, dict(ambassador_id=people["wang"], project_id="no-such-project",
                                               referred_on="2025-04-01"))
    assert "project_id" in refused.value.errors


def test_a_new_project_is_made_of_what_was_referred(profile, people):
    rid = profile.write(refs.save_referral, dict(
        ambassador_id=people["wang"], referred_contact_id=people["li"], referred_organization_id=people["org"],
        new_project_name="光电显示模组基地", referred_on="2025-03-02", station="gba"))
    referral = _get(profile, Referral, rid)
    project = _get(profile, Project, referral.project_id)
    assert (project.name, project.source, project.stage, project.recommended_on) == (
        "光电显示模组基地", "referral", "recommended", date(2025, 3, 2))
    assert (project.contact_id, project.organization_id, project.station) == (people["li"], people["org"], "gba")
    assert project.is_chushang and referral.project_name == ""


def test_a_refused_referral_makes_no_project(profile, people):
    with pytest.raises(ValidationFailed):
        profile.write(refs.save_referral, dict(ambassador_id=people["li"],  # not an ambassador
                                               new_project_name="不该出现", referred_on="2025-03-02"))
    assert profile.read(lambda s: s.scalars(select(Project)).all()) == []


def test_each_status_keeps_its_day_and_moving_back_forgets_the_later_ones(profile, people):
    rid = profile.write(refs.save_referral, dict(ambassador_id=people["wang"], referred_contact_id=people["li"],
                                                  referred_on="2025-01-10"))
    profile.write(refs.set_referral_status, rid, "contacted", date(2025, 2, 1))
    profile.write(refs.set_referral_status, rid, "signed", date(2025, 6, 30))  # negotiating skipped
    r = _get(profile, Referral, rid)
    assert (r.status, r.contacted_on, r.negotiating_on, r.signed_on) == ("signed", date(2025, 2, 1), None,
                                                                         date(2025, 6, 30))
    profile.write(refs.set_referral_status, rid, "dropped", date(2025, 7, 5))
    r = _get(profile, Referral, rid)
    assert (r.status, r.dropped_on, r.signed_on) == ("dropped", date(2025, 7, 5), date(2025, 6, 30))
    profile.write(refs.set_referral_status, rid, "contacted", date(2025, 8, 1))
    r = _get(profile, Referral, rid)
    assert (r.status, r.contacted_on, r.signed_on, r.dropped_on) == ("contacted", date(2025, 8, 1), None, None)


def test_a_status_saved_in_the_dialog_gets_todays_day_unless_given(profile, people):
    rid = profile.write(refs.save_referral, dict(ambassador_id=people["wang"], referred_contact_id=people["li"],
                                                  referred_on="2025-01-10", status="negotiating"),
                        today=date(2025, 5, 5))
    assert _get(profile, Referral, rid).negotiating_on == date(2025, 5, 5)
    profile.write(refs.save_referral, {"status": "signed", "signed_on": "2025-05-20"}, rid)
    r = _get(profile, Referral, rid)
    assert (r.negotiating_on, r.signed_on) == (date(2025, 5, 5), date(2025, 5, 20))


def _legacy_referral(profile, people, name) -> str:
    """A referral as the desk saved them before projects were records: the project as free text."""
    return profile.write(refs.save_referral, dict(ambassador_id=people["wang"], project_name=name,
                                                  referred_organization_id=people["org"], referred_on="2024-11-11",
                                                  station="bth"))


def test_older_referrals_free_text_becomes_a_linked_project_once(profile, people):
    rid = _legacy_referral(profile, people, "  汉南新能源电池项目 ")
    assert profile.write(refs.adopt_named_projects) == 1
    referral = _get(profile, Referral, rid)
    project = _get(profile, Project, referral.project_id)
    assert (project.name, project.organization_id, project.station, project.recommended_on, project.source) == (
        "汉南新能源电池项目", people["org"], "bth", date(2024, 11, 11), "referral")
    assert referral.project_name == ""
    assert profile.write(refs.adopt_named_projects) == 0  # nothing left to adopt
    assert len(profile.read(lambda s: s.scalars(select(Project)).all())) == 1
    queued = profile.read(lambda s: {(e.table_name, e.row_id) for e in s.scalars(select(OutboxEntry))})
    assert {("project", project.id), ("referral", rid)} <= queued  # they sync like any edit


def test_project_choices_find_by_part_of_the_name_and_list_the_latest(profile, people):
    first = profile.write(save_project, dict(name="光谷芯片厂", organization_id=people["org"]))
    second = profile.write(save_project, dict(name="汉江物流园"))
    assert [c["id"] for c in profile.read(project_choices, "芯片")] == [first]
    assert profile.read(project_choices, "芯片")[0]["company"] == "深圳光电科技"
    assert {c["id"] for c in profile.read(project_choices, "")} == {first, second}
    assert profile.read(project_choices, "100%_") == []  # LIKE's wildcards are taken as typed


def test_a_referral_and_a_visit_link_the_event_they_followed(profile, people):
    from chushang_desk.services.events import event_detail, save_event
    from chushang_desk.services.visits import get_visit, save_visit

    event = profile.write(save_event, dict(name="深圳楚商联谊会", held_on="2025-02-14", station="gba"))
    rid = profile.write(refs.save_referral, dict(ambassador_id=people["wang"], referred_contact_id=people["li"],
                                                  referred_on="2025-02-20", event_id=event))
    vid = profile.write(save_visit, dict(visit_date="2025-03-01", officers="李明", contact_ids=[people["li"]],
                                         event_id=event, purpose="回访"))
    assert profile.read(refs.get_referral, rid)["event"] == "深圳楚商联谊会"
    assert profile.read(get_visit, vid)["event"] == "深圳楚商联谊会"
    detail = profile.read(event_detail, event)
    assert [r.id for r in detail.referrals] == [rid] and [v.id for v in detail.visits] == [vid]
    for bad in ("no-such-event", 7):
        with pytest.raises(ValidationFailed) as refused:
            profile.write(save_visit, dict(visit_date="2025-03-01", officers="李明", contact_ids=[people["li"]],
                                           event_id=bad))
        assert "event_id" in refused.value.errors
    with pytest.raises(ValidationFailed) as refused:
        profile.write(refs.save_referral, {"event_id": "no-such-event"}, rid)
    assert "event_id" in refused.value.errors
