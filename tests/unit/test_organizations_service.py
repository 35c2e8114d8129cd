"""Organizations and affiliations through the services, without Qt, on a real profile database."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from chushang_desk.models import Affiliation, Organization, OutboxEntry
from chushang_desk.services import organizations as orgs
from chushang_desk.services.contacts import contact_detail, save_contact
from chushang_desk.services.messages import NotFound, ValidationFailed


def _contact(profile, name, **extra):
    return profile.write(save_contact, dict(name=name, is_merchant=True, **extra))


def _org(profile, name, **extra):
    return profile.write(orgs.save_organization, dict(name=name, kind=extra.pop("kind", "chamber"), **extra))


def test_save_and_find_by_kind_station_text(profile):
    a = _org(profile, "上海湖北商会", station="csj", city="上海", founded_on="2025-03-01")
    b = _org(profile, "北京武汉大学校友会", kind="alumni_association", station="jjj")
    c = _org(profile, "安徽湖北商会", station="csj")
    find = lambda **q: profile.read(orgs.find_organization_ids, orgs.OrganizationQuery(**q))
    assert find() == [c, b, a]  # by pinyin: an hui, bei jing, shang hai
    assert find(kind="alumni_association") == [b]
    assert find(station="csj") == [c, a]
    assert find(text="湖北") == [c, a]
    assert find(text="shanghai") == [a]
    assert find(text="上海") == [a]
    assert profile.read(orgs.get_organization, a)["founded_on"] == date(2025, 3, 1)


def test_validation_names_the_fields(profile):
    with pytest.raises(ValidationFailed) as failed:
        profile.write(orgs.save_organization, dict(name="  ", kind="", founded_on="2025-13-40"))
    assert set(failed.value.errors) == {"name", "kind", "founded_on"}
    assert failed.value.errors["founded_on"].code == "no_such_month"
    with pytest.raises(ValidationFailed) as failed:
        profile.write(orgs.save_organization, dict(name="X", kind="guild", founded_on="2999-01-01"))
    assert failed.value.errors["kind"].code == "unknown_code"
    assert failed.value.errors["founded_on"].code == "future_date"
    assert profile.read(orgs.find_organization_ids, orgs.OrganizationQuery()) == []


def test_edit_writes_only_changed_fields(profile):
    org_id = _org(profile, "深圳湖北商会", station="dwq")
    profile.write(orgs.save_organization, dict(city="深圳"), org_id)
    with profile.sessions.read() as s:
        last = s.scalars(select(OutboxEntry).order_by(OutboxEntry.mid.desc())).first()
        assert last.op == "upsert" and set(last.fields) == {"city", "updated_at", "updated_by"}
        assert s.get(Organization, org_id).name == "深圳湖北商会"


def test_affiliations_members_and_counts(profile):
    org_id = _org(profile, "上海湖北商会")
    zhang = _contact(profile, "张三", company="三江集团", title="董事长")
    li = _contact(profile, "李四")
    aff = profile.write(orgs.save_affiliation, dict(contact_id=li, organization_id=org_id, role="会员"))
    profile.write(orgs.save_affiliation, dict(contact_id=zhang, organization_id=org_id, role="会长",
                                              since="2024-01-01"))
    members = profile.read(orgs.organization_detail, org_id).members
    assert [(m["name"], m["role"]) for m in members] == [("张三", "会长"), ("李四", "会员")]
    assert members[0]["company"] == "三江集团" and members[0]["since"] == date(2024, 1, 1)
    assert profile.read(orgs.organization_rows, [org_id])[0].members == 2
    assert profile.read(contact_detail, li).affiliations[0]["role"] == "会员"

    with pytest.raises(ValidationFailed) as failed:
        profile.write(orgs.save_affiliation, dict(contact_id=li, organization_id=org_id, role="理事"))
    assert failed.value.errors["contact_id"].code == "already_member"

    profile.write(orgs.save_affiliation, dict(role="副会长"), aff)
    assert {m["role"] for m in profile.read(orgs.organization_members, org_id)} == {"会长", "副会长"}
    profile.write(orgs.remove_affiliation, aff)
    assert profile.read(orgs.organization_rows, [org_id])[0].members == 1
    with profile.sessions.read() as s:
        assert s.get(Affiliation, aff).deleted_at is not None
        last = s.scalars(select(OutboxEntry).order_by(OutboxEntry.mid.desc())).first()
        assert (last.table_name, last.op, last.row_id) == ("affiliation", "delete", aff)


def test_affiliation_needs_a_contact(profile):
    org_id = _org(profile, "上海湖北商会")
    with pytest.raises(ValidationFailed) as failed:
        profile.write(orgs.save_affiliation, dict(contact_id="", organization_id=org_id, role="会员"))
    assert failed.value.errors["contact_id"].code == "required"


def test_delete_tombstones(profile):
    org_id = _org(profile, "上海湖北商会")
    profile.write(orgs.delete_organization, org_id)
    assert profile.read(orgs.find_organization_ids, orgs.OrganizationQuery()) == []
    with pytest.raises(NotFound):
        profile.read(orgs.organization_detail, org_id)
    with profile.sessions.read() as s:
        assert s.get(Organization, org_id).deleted_at is not None
        last = s.scalars(select(OutboxEntry).order_by(OutboxEntry.mid.desc())).first()
        assert (last.op, last.row_id) == ("delete", org_id)
    profile.write(orgs.restore_organization, org_id)
    assert profile.read(orgs.find_organization_ids, orgs.OrganizationQuery()) == [org_id]


def test_page_gives_all_ids_and_first_rows(profile):
    ids = [_org(profile, f"商会{i:03d}") for i in range(30)]
    page = profile.read(orgs.organization_page, orgs.OrganizationQuery(), 10)
    assert sorted(page.ids) == sorted(ids) and len(page.rows) == 10
    assert [r.id for r in page.rows] == page.ids[:10]


def test_new_chambers_of_a_year(profile):
    _org(profile, "上海湖北商会", founded_on="2025-03-01", station="csj")
    _org(profile, "杭州湖北商会", founded_on="2025-11-30", station="csj")
    _org(profile, "广州湖北商会", founded_on="2024-12-31", station="dwq")
    _org(profile, "北京武汉大学校友会", kind="alumni_association", founded_on="2025-05-01")
    _org(profile, "深圳湖北商会")
    assert profile.read(orgs.count_new_chambers, 2025) == 2
    assert profile.read(orgs.count_new_chambers, 2024) == 1
    assert profile.read(orgs.count_new_chambers, 2025, "dwq") == 0
    found = profile.read(orgs.find_organization_ids, orgs.OrganizationQuery(founded_year=2025))
    assert len(found) == 3
