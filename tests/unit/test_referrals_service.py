"""Referrals through the services, without Qt: validation, status changes, tombstones, outcomes."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from chushang_desk.models import OutboxEntry, Referral
from chushang_desk.services import referrals as refs
from chushang_desk.services.contacts import contact_detail, save_contact
from chushang_desk.services.messages import ValidationFailed
from chushang_desk.services.organizations import save_organization


def _ambassador(profile, name):
    return profile.write(save_contact, dict(name=name, is_merchant=True, is_ambassador=True,
                                            ambassador_since="2024-01-01"))


def _referral(profile, ambassador, on="2025-05-01", **extra):
    return profile.write(refs.save_referral, dict(ambassador_id=ambassador, referred_on=on, **extra))


def _last_entry(profile):
    with profile.sessions.read() as s:
        return s.scalars(select(OutboxEntry).order_by(OutboxEntry.mid.desc())).first()


@pytest.fixture
def people(profile):
    return dict(
        wang=_ambassador(profile, "王大使"),
        zhao=_ambassador(profile, "赵大使"),
        plain=profile.write(save_contact, dict(name="钱普通", is_merchant=True)),
        org=profile.write(save_organization, dict(name="杭州湖北商会", kind="chamber")),
    )


def test_save_find_and_rows(profile, people):
    r1 = _referral(profile, people["wang"], "2025-03-01", referred_contact_id=people["plain"], station="csj")
    r2 = _referral(profile, people["zhao"], "2025-04-01", referred_organization_id=people["org"], station="jjj",
                   status="signed")
    r3 = _referral(profile, people["wang"], "2024-12-01", project_name="光谷芯片项目", station="csj")
    find = lambda **q: profile.read(refs.find_referral_ids, refs.ReferralQuery(**q))
    assert find() == [r2, r1, r3]
    assert find(status="signed") == [r2]
    assert find(ambassador_id=people["wang"]) == [r1, r3]
    assert find(station="csj", year=2025) == [r1]
    rows = profile.read(refs.referral_rows, [r1, r2, r3])
    assert (rows[0].ambassador, rows[0].referred_contact) == ("王大使", "钱普通")
    assert rows[1].referred_organization == "杭州湖北商会" and rows[2].project_name == "光谷芯片项目"
    assert profile.read(refs.get_referral, r1)["referred_on"] == date(2025, 3, 1)
    assert [r["id"] for r in profile.read(contact_detail, people["wang"]).referrals_made] == [r1, r3]


def test_validation(profile, people):
    with pytest.raises(ValidationFailed) as failed:
        profile.write(refs.save_referral, dict(ambassador_id=people["plain"], referred_on="2025-02-30"))
    assert {k: m.code for k, m in failed.value.errors.items()} == {
        "ambassador_id": "not_ambassador", "referred": "need_referred", "referred_on": "no_such_day"}
    with pytest.raises(ValidationFailed) as failed:
        profile.write(refs.save_referral, dict(ambassador_id="", referred_contact_id=people["wang"], status="won"))
    assert {k: m.code for k, m in failed.value.errors.items()} == {
        "ambassador_id": "required", "status": "unknown_code", "referred_on": "required"}
    with pytest.raises(ValidationFailed) as failed:
        _referral(profile, people["wang"], referred_contact_id=people["wang"])
    assert failed.value.errors["referred_contact_id"].code == "self_referral"
    assert profile.read(refs.find_referral_ids, refs.ReferralQuery()) == []


def test_status_change_writes_only_status_and_its_day(profile, people):
    rid = _referral(profile, people["wang"], project_name="项目A", notes="初次接触")
    refs_before = _last_entry(profile).mid
    profile.write(refs.set_referral_status, rid, "negotiating")
    entry = _last_entry(profile)
    assert entry.mid == refs_before + 1
    assert (entry.table_name, entry.row_id, entry.op) == ("referral", rid, "upsert")
    assert set(entry.fields) == {"status", "negotiating_on", "updated_at", "updated_by"}
    assert (entry.fields["status"], entry.fields["negotiating_on"]) == ("negotiating", date.today().isoformat())
    profile.write(refs.set_referral_status, rid, "negotiating")  # no change, no entry
    assert _last_entry(profile).mid == entry.mid
    with pytest.raises(ValidationFailed):
        profile.write(refs.set_referral_status, rid, "won")


def test_edit_and_delete(profile, people):
    rid = _referral(profile, people["wang"], project_name="项目A")
    profile.write(refs.save_referral, dict(project_name="项目B"), rid)
    assert set(_last_entry(profile).fields) == {"project_name", "updated_at", "updated_by"}
    profile.write(refs.delete_referral, rid)
    assert profile.read(refs.find_referral_ids, refs.ReferralQuery()) == []
    with profile.sessions.read() as s:
        assert s.get(Referral, rid).deleted_at is not None
    assert _last_entry(profile).op == "delete"


def test_ambassador_outcomes_per_year(profile, people):
    wang, zhao = people["wang"], people["zhao"]
    for status in ("new", "signed", "landed", "landed", "dropped"):
        _referral(profile, wang, "2025-06-01", project_name=f"王-{status}", status=status)
    for status in ("signed", "negotiating"):
        _referral(profile, zhao, "2025-07-01", project_name=f"赵-{status}", status=status)
    _referral(profile, zhao, "2024-07-01", project_name="old", status="landed")
    gone = _referral(profile, zhao, "2025-07-02", project_name="gone", status="landed")
    profile.write(refs.delete_referral, gone)

    outcomes = profile.read(refs.ambassador_outcomes, 2025)
    assert [(o.name, o.total, o.signed, o.landed) for o in outcomes] == [("王大使", 5, 3, 2), ("赵大使", 2, 1, 0)]
    assert outcomes[0].by_status == {"new": 1, "signed": 1, "landed": 2, "dropped": 1}
    assert [(o.name, o.total, o.landed) for o in profile.read(refs.ambassador_outcomes, 2024)] == [("赵大使", 1, 1)]
    assert profile.read(refs.referral_years) == [2025, 2024]


def test_ambassador_choices_only_ambassadors(profile, people):
    names = {c["name"] for c in profile.read(refs.ambassador_choices, "")}
    assert names == {"王大使", "赵大使"}
    assert [c["name"] for c in profile.read(refs.ambassador_choices, "wang")] == ["王大使"]
