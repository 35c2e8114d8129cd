"""What the contacts screen asks of services.contacts: heads, ordered ids, sorts, regions, rows (no Qt)."""
from __future__ import annotations

import pytest

from chushang_desk.db.bulk import bulk_insert
from chushang_desk.models import Contact
from chushang_desk.services.contacts import (
    HEAD_ROWS, ContactQuery, contact_head, contact_regions, contact_rows, count_contacts, delete_contact,
    find_contact_ids, save_contact,
)


@pytest.fixture
def many(profile):
    """HEAD_ROWS * 3 merchants with predictable names, companies and regions."""
    rows = [dict(name=f"成员{i:03d}", is_merchant=True, is_key=i % 10 == 0, company="甲乙丙丁戊"[(i * 7) % 5] + "公司",
                 region=("北京", "上海", "")[i % 3], station=("jjj", "csj")[i % 2], phones=[f"+86138{i:08d}"])
            for i in range(HEAD_ROWS * 3)]
    return profile.write(bulk_insert, Contact, rows)


def test_head_of_the_whole_directory_comes_without_all_ids(profile, many):
    head = profile.read(contact_head, ContactQuery())
    assert head.total == len(many)
    assert head.ids is None  # fetched after the first paint
    all_ids = profile.read(find_contact_ids, ContactQuery())
    assert [r.id for r in head.rows] == all_ids[:HEAD_ROWS]
    assert len(all_ids) == len(many)


def test_head_of_a_search_or_filter_brings_all_ids(profile, many):
    head = profile.read(contact_head, ContactQuery(key_only=True))
    assert head.total == len(head.ids) == len(many) // 10
    assert [r.id for r in head.rows] == head.ids[:HEAD_ROWS]
    head = profile.read(contact_head, ContactQuery(text="成员00"))
    assert head.total == 10 and [r.name for r in head.rows] == [f"成员{i:03d}" for i in range(10)]


def test_a_short_directory_comes_whole_in_the_head(profile):
    ids = [profile.write(save_contact, dict(name=n, is_talent=True)) for n in ("王一", "李二")]
    head = profile.read(contact_head, ContactQuery())
    assert head.total == 2 and sorted(head.ids) == sorted(ids)


def test_ids_are_sorted_in_sql_both_ways(profile, many):
    by_company = profile.read(find_contact_ids, ContactQuery(sort="company"))
    rows = profile.read(contact_rows, by_company)
    keys = [(r.company, r.name) for r in rows]
    assert keys == sorted(keys)
    backwards = profile.read(find_contact_ids, ContactQuery(sort="company", descending=True))
    back_rows = profile.read(contact_rows, backwards)
    assert [r.company for r in back_rows] == sorted((r.company for r in rows), reverse=True)
    names = [r.name for r in profile.read(contact_rows, profile.read(find_contact_ids, ContactQuery(descending=True)))]
    assert names == sorted(names, reverse=True)


@pytest.mark.parametrize("sort", ["name", "updated", "company", "title", "industry", "station", "region",
                                  "native_prefecture", "marks", "kinds"])
def test_every_sort_lists_everyone_once(profile, many, sort):
    for descending in (False, True):
        ids = profile.read(find_contact_ids, ContactQuery(sort=sort, descending=descending, station="jjj"))
        assert len(ids) == len(set(ids)) == len(many) // 2


def test_marks_sort_puts_key_contacts_first(profile, many):
    rows = profile.read(contact_rows, profile.read(find_contact_ids, ContactQuery(sort="marks")))
    keys = [r.is_key for r in rows]
    assert keys == sorted(keys, reverse=True)


def test_count_matches_ids_and_ignores_deleted(profile, many):
    query = ContactQuery(region="北京")
    assert profile.read(count_contacts, query) == len(profile.read(find_contact_ids, query)) == len(many) // 3
    profile.write(delete_contact, many[0])
    assert profile.read(count_contacts, query) == len(many) // 3 - 1
    assert many[0] not in profile.read(find_contact_ids, ContactQuery())


def test_regions_are_distinct_sorted_and_skip_blanks(profile, many):
    assert profile.read(contact_regions) == sorted({"北京", "上海"})


def test_rows_carry_phones_as_people_write_them(profile):
    contact_id = profile.write(save_contact, dict(name="张三", is_merchant=True,
                                                  phones="13812345678; +1 415 555 0123"))
    (row,) = profile.read(contact_rows, [contact_id])
    assert row.phones == ["+8613812345678", "+14155550123"]
    assert row.phone_display == "138 1234 5678; +1 415-555-0123"


def test_plain_query_means_no_text_and_no_filter():
    assert ContactQuery().is_plain()
    assert ContactQuery(sort="company", descending=True).is_plain()
    assert not ContactQuery(text="z").is_plain()
    assert not ContactQuery(kinds=("talent",)).is_plain()


def test_punctuation_only_finds_nothing(profile, many):
    assert profile.read(find_contact_ids, ContactQuery(text="!!")) == []
    assert profile.read(contact_head, ContactQuery(text="!!")).total == 0


def test_a_search_answered_by_the_index_is_in_the_sql_name_order(profile, many):
    every_kind = ("merchant", "alumnus", "talent")  # filters nothing out, but takes the SQL path
    for text, descending in (("成员1", False), ("chengyuan", True), ("甲", False), ("cy", False)):
        by_index = profile.read(find_contact_ids, ContactQuery(text=text, descending=descending))
        by_sql = profile.read(find_contact_ids, ContactQuery(text=text, descending=descending, kinds=every_kind))
        assert by_index == by_sql and by_index


def test_a_renamed_contact_moves_in_the_search_order(profile, many):
    found = profile.read(find_contact_ids, ContactQuery(text="成员"))
    last = found[-1]
    profile.write(save_contact, {"name": "阿成员"}, last)  # a (阿) now sorts before c (成)
    assert profile.read(find_contact_ids, ContactQuery(text="成员"))[0] == last


@pytest.mark.parametrize("e164", ["+8613812345678", "+8619900001111", "+862787654321", "+14155550123",
                                  "+85291234567", "+81312345678", "+8610123456789"])
def test_shown_phone_is_display_phone(e164):
    from chushang_desk.services.contacts import shown_phone
    from chushang_desk.services.validation import display_phone

    assert shown_phone(e164) == display_phone(e164)


def test_a_landline_is_found_by_its_local_number_and_with_the_area_code(profile):
    contact_id = profile.write(save_contact, {"name": "座机测试", "is_merchant": True, "phones": "027-8765 4321"})
    for typed in ("87654321", "02787654321", "027 8765", "4321"):
        assert profile.read(find_contact_ids, ContactQuery(text=typed)) == [contact_id], typed


def test_every_change_says_who_made_it_even_before_an_officer_is_set(data_dir):
    import getpass

    from chushang_desk.services.contacts import get_contact
    from chushang_desk.services.profile import open_profile
    from chushang_desk.services.settings import save_settings

    profile = open_profile(data_dir)
    try:
        first = profile.write(save_contact, {"name": "未署名", "is_merchant": True})
        assert profile.read(get_contact, first)["created_by"] == getpass.getuser()
        profile.write(save_settings, {"officer_name": "罗伯", "station": "csj"})
        profile.sign_as("罗伯")
        second = profile.write(save_contact, {"name": "已署名", "is_merchant": True})
        assert profile.read(get_contact, second)["created_by"] == "罗伯"
    finally:
        profile.close()
