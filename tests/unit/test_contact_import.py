"""Importing a member list (issue 10, items 2-6): the header found, columns mapped, each row normalised,
checked and matched against a real directory and the rows above it; the batch written all or none, and
undone as a whole. Rows come as the sheet reader gives them (tests/unit/test_sheet_files.py reads files)."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from chushang_desk.services.import_columns import (
    IGNORE, find_header_row, guess_mapping, mapping_from_dict, shape_of,
)
from chushang_desk.models import Contact, ImportBatch, OutboxEntry
from chushang_desk.services.contact_import import (
    ImportDefaults, apply_import, import_batches, plan_import, remember_mapping, remembered_mapping,
    undo_import,
)
from chushang_desk.services.contacts import ContactQuery, find_contact_ids, get_contact, save_contact
from chushang_desk.services.messages import NotFound
from chushang_desk.services.visits import save_visit

MERCHANTS = ImportDefaults(kinds=("merchant",), station="dwq", source="2025 商会名录")

TITLE = ["深圳市湖北商会 2025 年理事会成员名单", None, None, None, None, None, None]
HEADER = ["序号", "姓名", "手机号码", "工作单位", "职务", "籍贯", "备注"]


def plan(profile, rows, defaults=MERCHANTS):
    header_row = find_header_row(rows)
    return profile.read(plan_import, rows, header_row, guess_mapping(rows[header_row]), defaults)


def by_row(p) -> dict[int, object]:
    return {r.row_number: r for r in p.rows}


@pytest.fixture
def zhang(profile):
    return profile.write(save_contact, dict(name="张伟", is_merchant=True, company="华为技术有限公司",
                                            phones="13800138000", title=""))


# --- header and columns ----------------------------------------------------------------------------------


def test_the_header_is_found_below_a_title_and_a_blank_row():
    rows = [TITLE, [None] * 7, HEADER, [1, "李四", "13900001111", "腾讯", "经理", "武汉", ""]]
    assert find_header_row(rows) == 2


@pytest.mark.parametrize("header, field", [
    ("姓名", "name"), ("名字", "name"), ("手机", "phones"), ("联系电话", "phones"), ("手机号码（必填）", "phones"),
    ("单位", "company"), ("工作单位", "company"), ("公司名称", "company"), ("职务", "title"), ("职位", "title"),
    ("籍贯", "native_prefecture"), ("家乡", "native_prefecture"), ("E-mail *", "email"), ("电子邮箱", "email"),
    ("Mobile Phone", "phones"), ("Company", "company"), ("毕业院校", "university"), ("序号", IGNORE),
    ("原行号", IGNORE), ("错误原因", IGNORE), ("单位地址", None), ("ｅｍａｉｌ", "email"),
])
def test_common_headers_are_recognised(header, field):
    from chushang_desk.services.import_columns import field_of_header

    assert field_of_header(header) == field


def test_a_field_that_takes_one_column_goes_to_the_first_and_phones_take_several():
    mapping = guess_mapping(["姓名", "手机", "办公电话", "名字", "备注", "其他"])
    assert mapping.fields == ("name", "phones", "phones", IGNORE, "notes", "notes")
    assert mapping.with_field(3, "name").fields[:4] == (IGNORE, "phones", "phones", "name")


def test_a_mapping_file_by_header_name_and_a_remembered_one_by_position(profile):
    header = ["Nom", "Tel", "Firma"]
    mapping = mapping_from_dict(header, {"columns": {"Nom": "name", "tel": "phones", "Firma": "company"}})
    assert mapping.fields == ("name", "phones", "company")
    assert mapping_from_dict(header, {"columns": {"Nom": "no_such_field"}}) is None
    profile.write(remember_mapping, shape_of(header), mapping)
    stored = profile.read(remembered_mapping, shape_of(["nom", " TEL ", "firma"]))  # the same shape
    assert mapping_from_dict(header, stored).fields == mapping.fields
    assert profile.read(remembered_mapping, shape_of(["Nom", "Tel"])) is None


# --- normalising ---------------------------------------------------------------------------------------


def test_cells_are_normalised_as_officers_write_them(profile):
    rows = [HEADER + ["性别", "毕业年份", "类别"],
            [1, " 李 四 ", "１３９-0000-1111", "腾讯科技（深圳）有限公司", "总经理", "湖北省黄冈市浠水县", "", "男", "2005届", "校友"],
            [2, "王五", 13900002222.0, "小米", "", "武汉市", "", "女", datetime(2010, 7, 1), ""],
            [3, "赵六", "+86 139 0000 3333；zhao6@example.cn", "", "", "", "", "", 40000, "楚商、人才"]]
    rows_of = by_row(plan(profile, rows))
    li, wang, zhao = rows_of[2].data, rows_of[3].data, rows_of[4].data
    assert li["phones"] == ["+8613900001111"] and li["native_prefecture"] == "huanggang"
    assert li["native_county"] == "浠水县" and li["gender"] == "male" and li["graduation_year"] == 2005
    assert (li["is_alumnus"], li["is_merchant"]) == (True, False)  # the row's kind, not the batch's
    assert wang["phones"] == ["+8613900002222"] and wang["native_prefecture"] == "wuhan"
    assert wang["graduation_year"] == 2010 and wang["is_merchant"] and wang["station"] == "dwq"
    assert zhao["email"] == "zhao6@example.cn" and zhao["phones"] == ["+8613900003333"]
    assert zhao["graduation_year"] == 2009  # Excel's day 40000 is 2009-07-06
    assert (zhao["is_merchant"], zhao["is_talent"], zhao["source"]) == (True, True, "2025 商会名录")


def test_foreign_numbers_take_the_country_their_grouping_says(profile):
    rows = [["姓名", "电话", "所在地"], ["佐藤", "090-1234-5678", ""], ["陈", "9123 4567", "香港"],
            ["刘", "0901-2345678", ""], ["孙", "0755-12345678", ""]]
    phones = {r.data["name"]: r.data["phones"] for r in plan(profile, rows).rows}
    assert phones == {"佐藤": ["+819012345678"], "陈": ["+85291234567"], "刘": ["+869012345678"],
                      "孙": ["+8675512345678"]}


def test_a_native_place_outside_hubei_is_kept_in_the_notes(profile):
    p = plan(profile, [HEADER, [1, "周七", "", "", "", "湖南长沙", "老会员"]])
    row = p.rows[0]
    assert row.status == "new" and "native_prefecture" not in row.data
    assert row.data["notes"] == "老会员\n籍贯: 湖南长沙" and row.warnings[0].code == "import_native_elsewhere"


def test_errors_say_what_is_wrong_and_a_row_of_only_a_number_is_blank(profile):
    rows = [HEADER + ["性别"], [1, "", "13900001111", "", "", "", "", ""], [2, None, None, None, None, None, None, None],
            [3, "吴八", "12345", "", "", "", "", "未知"], [4, "郑九", "", "", "", "", "", ""]]
    p = plan(profile, rows)
    rows_of = by_row(p)
    assert 3 not in rows_of  # blank but for its running number
    assert rows_of[2].status == "error" and set(rows_of[2].errors) == {"name"}
    assert set(rows_of[4].errors) == {"phones", "gender"}
    assert rows_of[4].errors["phones"].render("en") == "Not a valid phone number: 12345"
    assert rows_of[5].status == "new" and p.counts()["error"] == 2


def test_a_value_the_server_would_refuse_is_an_error_in_the_dry_run(profile):
    p = plan(profile, [["姓名", "单位"], ["李" * 65, "华为"], ["钱十", "公" * 129]])
    assert [set(r.errors) for r in p.rows] == [{"name"}, {"company"}]


def test_line_breaks_and_invisible_characters_in_cells_are_tidied_not_refused(profile):
    """Alt+Enter in an Excel cell, or a control character pasted from another system: a one-line field
    gets a space for the break and loses what nobody can see; a note keeps its lines."""
    p = plan(profile, [["姓名", "单位", "职务", "备注"],
                       ["赵\x07六", "华为技术有限公司\r\n深圳分公司", "董事长\t兼总经理", "第一行\r\n第二\x0b行"]])
    row = p.rows[0]
    assert row.errors == {} and row.status == "new"
    assert (row.data["name"], row.data["company"], row.data["title"]) == ("赵六", "华为技术有限公司 深圳分公司",
                                                                           "董事长 兼总经理")
    assert row.data["notes"] == "第一行\n第二行"


# --- matching ------------------------------------------------------------------------------------------


def test_the_same_mobile_and_name_is_an_update_that_fills_only_what_is_missing(profile, zhang):
    p = plan(profile, [HEADER, [1, "張偉", "+86 138 0013 8000", "华为", "总裁", "黄冈", ""]])
    row = p.rows[0]
    assert (row.status, row.target, row.decision) == ("update", zhang, "merge")
    assert row.fills == {"title": "总裁", "native_prefecture": "huanggang", "station": "dwq",
                         "source": "2025 商会名录"}
    assert row.kept == {}  # 張偉/张伟 and 华为/华为技术有限公司 are no difference


def test_an_update_never_overwrites_and_lists_what_it_kept(profile, zhang):
    profile.write(save_contact, dict(title="董事长"), zhang)
    row = plan(profile, [HEADER, [1, "张伟", "13800138000", "", "总裁", "", ""]]).rows[0]
    assert "title" not in row.fills and row.kept["title"] == ("董事长", "总裁")


def test_nothing_new_is_unchanged_and_skipped(profile, zhang):
    row = plan(profile, [["姓名", "手机"], ["张伟", "13800138000"]], ImportDefaults(kinds=("merchant",))).rows[0]
    assert (row.status, row.decision) == ("unchanged", "skip")


def test_duplicate_levels_against_the_directory(profile, zhang):
    rows = [HEADER,
            [1, "王强", "13800138000", "", "", "", ""],  # the same mobile, another name
            [2, "张伟", "", "华为技术（深圳）有限公司", "", "", ""],  # the same name and company
            [3, "章伟", "", "华为", "", "", ""],  # sounds the same, same company
            [4, "张纬", "", "华为", "", "", ""],  # one character apart... and sounds the same too
            [5, "张伟", "", "小米", "", "", ""]]  # the same name alone
    found = {r.row_number: (r.status, r.candidates[0].level, r.candidates[0].reason, r.decision)
             for r in plan(profile, rows).rows}
    assert found[2] == ("duplicate", "certain", "phone", "merge")
    assert found[3] == ("duplicate", "high", "name_company", "merge")
    assert found[4] == ("duplicate", "medium", "sound_company", "skip")
    assert found[5][1:3] == ("medium", "sound_company")
    assert found[6] == ("duplicate", "hint", "name", "new")


def test_one_character_apart_at_the_same_company_is_medium(profile):
    profile.write(save_contact, dict(name="欧阳娜娜", is_merchant=True, company="光谷生物"))
    row = plan(profile, [["姓名", "单位"], ["欧阳丽娜", "光谷生物科技有限公司"]]).rows[0]
    assert (row.candidates[0].level, row.candidates[0].reason) == ("medium", "near_name_company")


def test_the_same_person_twice_in_one_file_is_matched_within_it(profile):
    rows = [HEADER, [1, "李四", "13900001111", "腾讯", "", "", ""], [2, "李 四", "139 0000 1111", "", "经理", "", ""],
            [3, "刘德华", "", "寰亚", "", "", ""], [4, "劉德華", "", "寰亞有限公司", "", "", ""]]
    rows_of = by_row(plan(profile, rows))
    assert rows_of[3].status == "duplicate" and rows_of[3].target == "row:2"
    assert (rows_of[3].candidates[0].level, rows_of[3].decision) == ("certain", "merge")
    assert rows_of[5].target == "row:4" and rows_of[5].candidates[0].level == "high"


# --- writing and undoing -------------------------------------------------------------------------------


def test_a_batch_writes_new_contacts_merges_and_the_file_s_twins_as_one(profile, zhang):
    rows = [TITLE, HEADER,
            [1, "張偉", "13800138000", "华为", "总裁", "", ""],  # update of 张伟
            [2, "李四", "13900001111", "腾讯", "", "武汉", ""],  # new
            [3, "李四", "13900001111", "", "经理", "", "老会员"],  # the same as row 4: merged into it
            [4, "", "13900002222", "", "", "", ""]]  # error: no name
    p = plan(profile, rows)
    result = profile.write(apply_import, p, "名录.xlsx", "Sheet1")
    assert (result.created, result.updated, result.skipped, result.errors) == (1, 1, 0, 1)
    li = profile.read(lambda s: s.query(Contact).filter_by(name="李四").one())
    assert (li.title, li.notes, li.native_prefecture, li.station) == ("经理", "老会员", "wuhan", "dwq")
    assert profile.read(get_contact, zhang)["title"] == "总裁"
    assert li.id in profile.read(find_contact_ids, ContactQuery(text="lisi"))  # found by its search keys
    outbox = profile.read(lambda s: {e.row_id for e in s.query(OutboxEntry)})
    assert {li.id, zhang} <= outbox  # both edits go out with the next sync


def test_a_failing_batch_writes_nothing(profile):
    p = plan(profile, [["姓名", "手机"], ["李四", "13900001111"], ["王五", "13900002222"]])
    p.rows[1].data["name"] = None  # a row spoiled after checking: the database refuses it
    with pytest.raises(Exception):
        profile.write(apply_import, p, "x.csv", "")
    assert profile.read(lambda s: s.query(Contact).count()) == 0
    assert profile.read(lambda s: s.query(ImportBatch).count()) == 0


def test_undo_takes_a_batch_back_but_keeps_what_was_edited_or_visited_since(profile, zhang):
    rows = [HEADER, [1, "张伟", "13800138000", "", "总裁", "", ""], [2, "李四", "13900001111", "", "", "", ""],
            [3, "王五", "13900002222", "", "", "", ""], [4, "赵六", "13900003333", "", "", "", ""]]
    batch = profile.write(apply_import, plan(profile, rows), "x.xlsx", "").batch_id
    ids = {c.name: c.id for c in profile.read(lambda s: s.query(Contact).all())}
    profile.write(save_contact, dict(title="董事"), ids["王五"])  # edited since
    profile.write(save_visit, dict(visit_date=date(2025, 3, 14), mode="visit", contact_ids=[ids["赵六"]], officers="李明",
                                   station="dwq", purpose="回访"))  # visited since
    undone = profile.write(undo_import, batch)
    assert (undone.removed, undone.restored) == (1, 1)
    assert sorted((name, why) for _id, name, why in undone.kept) == [("王五", "edited"), ("赵六", "linked")]
    live = {c.name: c for c in profile.read(lambda s: s.query(Contact).filter(Contact.deleted_at.is_(None)).all())}
    assert set(live) == {"张伟", "王五", "赵六"} and live["张伟"].title == ""
    assert profile.read(import_batches)[0]["undone_at"] is not None
    with pytest.raises(NotFound):
        profile.write(undo_import, batch)  # once only


def test_a_cell_fixed_in_the_preview_is_checked_and_matched_again(profile, zhang):
    from chushang_desk.services.contact_import import replan_row

    p = plan(profile, [HEADER, [1, "李四", "12345", "", "", "", ""], [2, "李四", "13900001111", "", "", "", ""]])
    assert [r.status for r in p.rows] == ["error", "new"]  # row 3 does not match an error row
    fixed = profile.read(replan_row, p, 2, 2, "13900001111")
    assert (fixed.status, fixed.errors) == ("new", {})
    again = profile.read(replan_row, p, 3, 4, "经理")  # the row below now finds the fixed one above it
    assert (again.status, again.target, again.candidates[0].level) == ("duplicate", "row:2", "certain")
    moved = profile.read(replan_row, p, 2, 2, "13800138000")  # now 张伟's mobile, under another name
    assert (moved.status, moved.candidates[0].contact_id) == ("duplicate", zhang)
    left = profile.read(replan_row, p, 3, 1, "李四").candidates  # row 2's old mobile is gone from the keys
    assert [(c.contact_id, c.level, c.reason) for c in left] == [("row:2", "hint", "name")]


@pytest.mark.parametrize("written, day", [
    ("2025年3月14日", date(2025, 3, 14)), ("2025.3.14", date(2025, 3, 14)), ("2025/03/14", date(2025, 3, 14)),
    ("20250314", date(2025, 3, 14)), (20250314, date(2025, 3, 14)), (45730, date(2025, 3, 14)),
    (45730.5, date(2025, 3, 14)), (datetime(2025, 3, 14, 9, 30), date(2025, 3, 14)), ("２０２５－０３－１４", date(2025, 3, 14)),
    (59, date(1900, 2, 28)), (61, date(1900, 3, 1)),
])
def test_an_ambassador_s_date_is_read_however_it_is_written(profile, written, day):
    row = plan(profile, [["姓名", "聘任日期"], ["李四", written]]).rows[0]
    assert row.errors == {} and (row.data["ambassador_since"], row.data["is_ambassador"]) == (day, True)


def test_the_appointing_unit_is_read_with_the_appointment(profile):
    row = plan(profile, [["姓名", "招商大使", "聘任日期", "聘任单位"], ["李四", "是", "2025-03-14", " 武汉市招商局\n"]]).rows[0]
    assert row.errors == {} and (row.data["ambassador_unit"], row.data["is_ambassador"]) == ("武汉市招商局", True)


def test_a_date_the_calendar_lacks_is_an_error_not_another_day(profile):
    row = plan(profile, [["姓名", "招商大使", "聘任日期"], ["李四", "是", "2025年2月30日"], ["王五", "是", ""]]).rows
    assert row[0].errors["ambassador_since"].code == "no_such_day"
    assert row[1].errors["ambassador_since"].code == "ambassador_date"  # an ambassador needs the date
