"""The duplicate check of a new contact (issue 10, item 4, for contacts typed by hand): levels and reasons
against a real directory."""
from __future__ import annotations

import pytest

from chushang_desk.services.contacts import delete_contact, save_contact
from chushang_desk.services.duplicates import possible_duplicates


@pytest.fixture
def directory(profile):
    return {
        "zhangwei": profile.write(save_contact, dict(name="张伟", is_merchant=True, company="华为技术有限公司",
                                                     phones="138-0013-8000", email="zhang.wei@example.cn")),
        "hk": profile.write(save_contact, dict(name="張偉", is_merchant=True, company="香港長江實業")),
        "other": profile.write(save_contact, dict(name="李明", is_merchant=True, company="华为",
                                                  phones="+86 139 0000 1111")),
    }


def levels(profile, **data) -> dict[str, tuple[str, str]]:
    found = profile.read(possible_duplicates, dict(dict(is_merchant=True), **data))
    return {d.contact_id: (d.level, d.reason) for d in found}


def test_the_same_mobile_written_another_way_is_certain(profile, directory):
    found = levels(profile, name="王五", phones="+86 138 0013 8000")
    assert found == {directory["zhangwei"]: ("certain", "phone")}


def test_the_same_email_in_other_case_is_certain(profile, directory):
    assert levels(profile, name="王五", email="Zhang.Wei@Example.CN")[directory["zhangwei"]] == ("certain", "email")


def test_an_email_is_compared_as_written_not_as_a_pattern(profile, directory):
    profile.write(save_contact, dict(name="钱九", is_merchant=True, email="qian_jiu@example.cn"))
    assert levels(profile, name="孙十", email="qianXjiu@example.cn") == {}  # `_` is no wildcard


def test_the_same_name_and_company_is_high_and_the_name_alone_a_hint(profile, directory):
    found = levels(profile, name="張偉", company="华为技术（深圳）有限公司")  # traditional name, another spelling
    assert found[directory["zhangwei"]] == ("high", "name_company")
    assert found[directory["hk"]] == ("hint", "name")
    assert directory["other"] not in found  # same company, another name: not a duplicate


def test_a_new_person_has_no_duplicates_and_an_edit_is_not_its_own(profile, directory):
    assert levels(profile, name="赵六", company="华为", phones="13700000000") == {}
    edited = profile.read(possible_duplicates, dict(name="张伟", is_merchant=True, company="华为技术有限公司",
                                                    phones="13800138000"), directory["zhangwei"])
    assert directory["zhangwei"] not in {d.contact_id for d in edited}


def test_a_deleted_contact_is_no_duplicate(profile, directory):
    profile.write(delete_contact, directory["zhangwei"])
    assert directory["zhangwei"] not in levels(profile, name="张伟", phones="13800138000")


def test_invalid_input_is_left_to_the_save(profile, directory):
    assert levels(profile, name="", phones="12345") == {}


def test_a_common_name_lists_every_sure_match_and_only_the_first_few_name_alone():
    """王伟 is hundreds of people in a big directory: everyone sharing a phone or the company is listed,
    of those sharing only the name the first HINTS (by name, then id, the same each time)."""
    from chushang_desk.services.duplicates import HINTS, IdentityIndex, Person

    index = IdentityIndex()
    for i in range(40):
        index.add(f"c{i:02d}", Person("王伟", f"公司{i}"))
    index.add("phone", Person("王伟", "", ("+8613800138000",)))
    index.add("firm", Person("王偉", "华为技术有限公司"))
    found = index.matches(Person("王伟", "华为", ("+8613800138000",)), but="c00")
    assert [(d.contact_id, d.level, d.reason) for d in found[:2]] == [
        ("phone", "certain", "phone"), ("firm", "high", "name_company")]
    assert [d.contact_id for d in found[2:]] == [f"c{i:02d}" for i in range(1, 1 + HINTS)]
    assert all((d.level, d.reason) == ("hint", "name") for d in found[2:])
