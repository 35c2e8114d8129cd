"""Merging contacts (issue 10, item 5): values chosen field by field, visits, memberships and referrals
moved to the survivor, the others deleted, nothing lost, and the merge undone."""
from __future__ import annotations

from datetime import date

import pytest

from chushang_desk.models import Affiliation, Contact, ContactMerge, OutboxEntry, Referral, VisitContact
from chushang_desk.services.contacts import ContactQuery, find_contact_ids, get_contact, save_contact
from chushang_desk.services.merge import (
    merge_contacts, merge_preview, merges_into, undo_merge, united_values,
)
from chushang_desk.services.messages import NotFound, ValidationFailed
from chushang_desk.services.organizations import save_affiliation, save_organization
from chushang_desk.services.referrals import save_referral
from chushang_desk.services.visits import save_visit


@pytest.fixture
def twins(profile):
    def make(s):
        zhang = save_contact(s, dict(name="张伟", is_merchant=True, company="华为", phones="13800138000",
                                     title="总裁"))
        other = save_contact(s, dict(name="張偉", is_alumnus=True, company="华为技术有限公司",
                                     phones="13900001111", email="zw@example.cn", university="whu"))
        third = save_contact(s, dict(name="王五", is_merchant=True, is_ambassador=True,
                                     ambassador_since=date(2025, 1, 1)))
        org = save_organization(s, {"name": "深圳湖北商会", "kind": "chamber"})
        save_affiliation(s, {"contact_id": zhang, "organization_id": org, "role": "会长"})
        save_affiliation(s, {"contact_id": other, "organization_id": org, "role": "会员"})  # the same chamber
        shared = save_visit(s, dict(visit_date=date(2025, 3, 1), mode="visit", station="dwq", officers="李明",
                                    contact_ids=[zhang, other]))
        own = save_visit(s, dict(visit_date=date(2025, 3, 2), mode="visit", station="dwq", officers="李明",
                                 contact_ids=[other]))
        referral = save_referral(s, dict(ambassador_id=third, referred_contact_id=other, referred_on=date(2025, 3, 3),
                                         status="new", station="dwq"))
        return dict(zhang=zhang, other=other, third=third, org=org, shared=shared, own=own, referral=referral)
    return profile.write(make)


def links(profile, contact_id):
    def read(s):
        return {
            "visits": sorted(v.visit_id for v in s.query(VisitContact).filter_by(contact_id=contact_id, deleted_at=None)),
            "memberships": sorted(a.role for a in s.query(Affiliation).filter_by(contact_id=contact_id, deleted_at=None)),
            "referred": sorted(r.id for r in s.query(Referral).filter_by(referred_contact_id=contact_id, deleted_at=None)),
        }
    return profile.read(read)


def test_the_merge_dialog_s_first_choice_unites_what_both_hold(profile, twins):
    candidates = profile.read(merge_preview, [twins["zhang"], twins["other"]])
    assert [(c.visits, c.memberships, c.referrals) for c in candidates] == [(1, 1, 0), (2, 1, 1)]
    values = united_values(candidates)
    assert values["name"] == "张伟" and values["title"] == "总裁" and values["email"] == "zw@example.cn"
    assert values["phones"] == ["+8613800138000", "+8613900001111"]
    assert (values["is_merchant"], values["is_alumnus"], values["university"]) == (True, True, "whu")


def test_a_merge_moves_everything_to_the_survivor_and_undo_gives_it_back(profile, twins):
    before = {who: links(profile, twins[who]) for who in ("zhang", "other")}
    candidates = profile.read(merge_preview, [twins["zhang"], twins["other"]])
    values = {**united_values(candidates), "company": "华为技术有限公司"}
    merge_id = profile.write(merge_contacts, twins["zhang"], [twins["other"]], values)
    survivor = profile.read(get_contact, twins["zhang"])
    assert (survivor["company"], survivor["email"], survivor["is_alumnus"]) == ("华为技术有限公司", "zw@example.cn", True)
    after = links(profile, twins["zhang"])
    assert after["visits"] == sorted([twins["shared"], twins["own"]])  # the shared visit once
    assert after["memberships"] == ["会长"]  # the same chamber once: the survivor's role kept
    assert after["referred"] == [twins["referral"]]
    with pytest.raises(NotFound):
        profile.read(get_contact, twins["other"])
    assert profile.read(find_contact_ids, ContactQuery(text="zw@example.cn")) == [twins["zhang"]]
    assert profile.read(merges_into, twins["zhang"])[0]["names"] == ["張偉"]
    pending = profile.read(lambda s: {(e.table_name, e.row_id) for e in s.query(OutboxEntry)})
    assert ("contact_merge", merge_id) in pending  # the merge itself travels

    profile.write(undo_merge, merge_id)
    assert {who: links(profile, twins[who]) for who in ("zhang", "other")} == before
    back = profile.read(get_contact, twins["other"])
    assert back["email"] == "zw@example.cn" and back["name"] == "張偉"
    survivor = profile.read(get_contact, twins["zhang"])
    assert (survivor["company"], survivor["email"], survivor["is_alumnus"], survivor["phones"]) == (
        "华为", "", False, ["+8613800138000"])
    assert profile.read(lambda s: s.get(ContactMerge, merge_id).undone_at) is not None
    with pytest.raises(NotFound):
        profile.write(undo_merge, merge_id)


def test_a_merge_is_checked_as_a_contact_and_needs_two(profile, twins):
    with pytest.raises(ValidationFailed) as failed:
        profile.write(merge_contacts, twins["zhang"], [twins["other"]], {"name": ""})
    assert "name" in failed.value.errors
    with pytest.raises(ValidationFailed):
        profile.write(merge_contacts, twins["zhang"], [twins["zhang"]], {})
    assert profile.read(lambda s: s.query(Contact).filter(Contact.deleted_at.is_(None)).count()) == 3


def test_an_officer_may_not_move_another_station_s_visits(profile, twins):
    from chushang_desk.models import SyncState

    def signed_in_at(s, station):
        for key, value in (("user", "officer_a"), ("role", "officer"), ("station", station)):
            row = s.get(SyncState, key)
            if row is None:
                s.add(SyncState(key=key, value=value))
            else:
                row.value = value
    profile.write(signed_in_at, "jjj")
    with pytest.raises(ValidationFailed) as failed:
        profile.write(merge_contacts, twins["zhang"], [twins["other"]], {})
    assert failed.value.errors["merge"].code == "merge_other_station" and "dwq" in failed.value.errors["merge"].render()
    profile.write(signed_in_at, "dwq")
    assert profile.write(merge_contacts, twins["zhang"], [twins["other"]], {})


def test_erasing_the_survivor_blanks_what_the_merge_kept_of_him(profile, twins):
    from chushang_desk.models import SyncState
    from chushang_desk.services.erase import erase_contact

    merge_id = profile.write(merge_contacts, twins["zhang"], [twins["other"]],
                             {"company": "华为技术有限公司", "title": "董事长"})
    assert "总裁" in profile.read(lambda s: s.get(ContactMerge, merge_id).survivor_before)

    def as_headquarters(s):
        for key, value in (("user", "hq"), ("role", "hq"), ("station", "")):
            s.merge(SyncState(key=key, value=value))
    profile.write(as_headquarters)
    profile.write(erase_contact, twins["zhang"])
    kept = profile.read(lambda s: s.get(ContactMerge, merge_id))
    assert "总裁" not in (kept.survivor_before or "") and "华为" not in (kept.survivor_before or "")


@pytest.mark.parametrize("moves, before", [
    ("not json", "{}"),
    ("[1, 2]", "{}"),
    ('{"OTHER": {"visit_contact/contact_id": "abc"}}', "{}"),
    ('{"OTHER": {"visit/station": []}}', "{}"),
    ('{"STRANGER": {"visit_contact/contact_id": []}}', "{}"),  # not one of the merge's own contacts
    ("{}", '{"deleted_at": null}'),  # not a merged field
    ("{}", '{"ambassador_since": "2025-13-40"}'),
    ("{}", "[]"),
])
def test_a_damaged_or_forged_merge_row_is_refused_whole_on_undo(profile, twins, moves, before):
    """A pulled contact_merge is another client's text: undo reads it only in the shape merge_contacts
    writes, says so otherwise, and changes nothing (not a traceback, not half an undo)."""
    candidates = profile.read(merge_preview, [twins["zhang"], twins["other"]])
    merge_id = profile.write(merge_contacts, twins["zhang"], [twins["other"]], united_values(candidates))
    forged = moves.replace("OTHER", twins["other"]).replace("STRANGER", twins["third"])

    def damage(s):
        row = s.get(ContactMerge, merge_id)
        row.moves, row.survivor_before = forged, before
    profile.write(damage)
    survivor_before = profile.read(get_contact, twins["zhang"])
    with pytest.raises(ValidationFailed) as refused:
        profile.write(undo_merge, merge_id)
    assert refused.value.errors["merge"].code == "merge_record_damaged"
    assert profile.read(get_contact, twins["zhang"]) == survivor_before
    with pytest.raises(NotFound):
        profile.read(get_contact, twins["other"])  # still merged
    assert profile.read(lambda s: s.get(ContactMerge, merge_id).undone_at) is None
