"""The contacts screen over a real profile: search, filters, sorting, lazy rows, the detail pane."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from chushang_desk.db.bulk import bulk_insert
from chushang_desk.models import Contact, Visit, VisitContact
from chushang_desk.ui.contacts.table_model import PENDING
from tests.conftest import wait_idle
from tests.ui.helpers import PEOPLE, names, search, seed


@pytest.mark.parametrize("typed, expected", [
    ("张", ["张三"]), ("zhangsan", ["张三"]), ("zs", ["张三"]), ("楚天", ["张三"]), ("138123", ["张三"]),
    ("0123", ["李四"]), ("wang", ["王五"]), ("4321", ["王五"]), ("nobody", []),
])
def test_search_as_you_type_by_characters_pinyin_initials_company_and_phone(page, qtbot, typed, expected):
    search(qtbot, page, typed)
    qtbot.waitUntil(lambda: names(page) == expected)
    count = len(expected)
    assert page.count_label.text() == {0: "No contacts match", 1: "1 contact"}.get(count, f"{count} contacts")


def test_clearing_the_search_shows_everyone_sorted_by_pinyin(page, qtbot):
    search(qtbot, page, "zs")
    qtbot.waitUntil(lambda: names(page) == ["张三"])
    page.filters.search.clear()
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Space)
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: names(page) == ["李四", "王五", "张三", "赵六"])


def choose(box, code: str) -> None:
    box.setCurrentIndex(box.findData(code))


def test_filters_narrow_the_rows(page, qtbot):
    f = page.filters
    choose(f.kind, "merchant")
    qtbot.waitUntil(lambda: names(page) == ["王五", "张三"])
    f.key_only.click()
    qtbot.waitUntil(lambda: names(page) == ["张三"])
    f.clear()
    qtbot.waitUntil(lambda: len(names(page)) == 4)
    f.ambassadors_only.click()
    qtbot.waitUntil(lambda: names(page) == ["王五"])
    f.clear()
    choose(f.station, "jjj")
    qtbot.waitUntil(lambda: names(page) == ["张三", "赵六"])
    choose(f.university, "hust")
    qtbot.waitUntil(lambda: names(page) == ["赵六"])
    f.clear()
    qtbot.waitUntil(lambda: f.region.findData("广东") > 0)  # regions come from the data
    choose(f.region, "广东")
    qtbot.waitUntil(lambda: names(page) == ["王五"])
    f.clear()
    choose(f.industry, "ic")
    qtbot.waitUntil(lambda: names(page) == ["张三"])
    f.clear()
    choose(f.native_prefecture, "xiaogan")
    qtbot.waitUntil(lambda: names(page) == ["李四"])
    search(qtbot, page, "zhang")  # text and filters together
    qtbot.waitUntil(lambda: names(page) == [])


def test_columns_show_kinds_marks_reference_names_and_phones(page, qtbot):
    model = page.model
    row = names(page).index("张三")
    cells = [model.data(model.index(row, c)) for c in range(model.columnCount())]
    assert cells == ["张三", "Merchant", "★ Key", "楚天科技有限公司", "", "Integrated circuits",
                     "Beijing-Tianjin-Hebei station", "北京", "Huanggang", "138 1234 5678"]
    row = names(page).index("王五")
    assert model.data(model.index(row, 2)) == "Ambassador"
    assert model.data(model.index(row, 7)) == "广东 · 深圳"
    assert model.data(model.index(row, 9)) == "027 8765 4321"


def test_clicking_a_header_sorts_in_sql(page, qtbot):
    header = page.table.horizontalHeader()
    companies = sorted(p["company"] for p in PEOPLE)
    header.sectionClicked.emit(3)  # company
    qtbot.waitUntil(lambda: [page.model.data(page.model.index(r, 3)) for r in range(4)] == companies)
    header.sectionClicked.emit(3)  # again: descending
    qtbot.waitUntil(lambda: page.filters.query().descending)
    qtbot.waitUntil(lambda: [page.model.data(page.model.index(r, 3)) for r in range(4)] == sorted(companies, reverse=True))
    assert header.sortIndicatorSection() == 3
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    header.sectionClicked.emit(9)  # phones cannot be sorted: nothing changes, the indicator stays
    assert header.sortIndicatorSection() == 3


def test_a_big_directory_loads_rows_lazily_in_pages(main_window, qtbot):
    wait_idle(qtbot, main_window)
    page = main_window.show_page("ContactsPage")
    rows = [dict(name=f"联络{i:04d}", is_merchant=True, company=f"公司{i}") for i in range(1500)]
    main_window.ctx.profile.write(bulk_insert, Contact, rows)
    main_window.ctx.data_changed.emit(frozenset({"contact"}))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1500)
    wait_idle(qtbot, main_window)
    last = page.model.index(1499, 0)
    page.table.scrollTo(last)
    first_look = page.model.data(last)  # not fetched yet: a placeholder, and the page is requested
    assert first_look in (PENDING, "联络1499")
    qtbot.waitUntil(lambda: page.model.data(last) == "联络1499")
    assert page.count_label.text() == "1,500 contacts"


def test_stale_results_are_dropped(page, qtbot):
    search(qtbot, page, "zs")
    qtbot.waitUntil(lambda: names(page) == ["张三"])
    generation = page._generation
    page.run_query()  # a newer query; an answer to the older generation must not show
    from chushang_desk.services.contacts import ContactHead
    page._head_arrived(generation, page.filters.query(), ContactHead(0, [], []))
    qtbot.waitUntil(lambda: not main_window_busy(page))
    assert names(page) == ["张三"]


def main_window_busy(page) -> bool:
    return page.ctx.runner.busy


def test_detail_pane_shows_visit_history_newest_first(page, qtbot, main_window):
    contact_id = page.model.contact_id(names(page).index("张三"))

    def visits(session):
        for day, purpose in ((date(2024, 3, 1), "第一次拜访"), (date(2025, 6, 9), "最近一次洽谈"),
                             (date(2024, 11, 20), "中间的回访")):
            visit = Visit(visit_date=day, mode="visit", purpose=purpose, station="jjj")
            session.add(visit)
            session.flush()
            session.add(VisitContact(visit_id=visit.id, contact_id=contact_id))

    main_window.ctx.profile.write(visits)
    main_window.ctx.data_changed.emit(frozenset({"visit", "visit_contact"}))
    page.table.selectRow(names(page).index("张三"))
    qtbot.waitUntil(lambda: "最近一次洽谈" in page.detail.body.toPlainText())
    text = page.detail.body.toPlainText()
    assert text.index("2025-06-09") < text.index("2024-11-20") < text.index("2024-03-01")
    assert "Visit history (3)" in text
    assert page.detail.heading.text() == "张三"
    assert "楚天科技有限公司" in text and "138 1234 5678" in text


def test_log_a_visit_asks_the_visit_screen_with_the_contact(page, qtbot, main_window):
    page.table.selectRow(names(page).index("李四"))
    qtbot.waitUntil(lambda: page.detail.heading.text() == "李四")
    with qtbot.waitSignal(main_window.ctx.log_visit_requested) as signal:
        page.detail.log_visit_button.click()
    assert signal.args == [[page.detail.contact_id]]


def test_show_contact_requested_selects_the_contact_even_when_filtered_out(page, qtbot, main_window):
    target = page.model.contact_id(names(page).index("赵六"))
    search(qtbot, page, "zs")
    qtbot.waitUntil(lambda: names(page) == ["张三"])
    main_window.show_page("VisitsPage")
    main_window.ctx.show_contact_requested.emit(target)
    qtbot.waitUntil(lambda: page.detail.contact_id == target and page.detail.heading.text() == "赵六")
    qtbot.waitUntil(lambda: page.model.contact_id(page.table.currentIndex().row()) == target)
    assert main_window.stack.currentWidget() is page
    assert page.filters.search.text() == ""


def test_shortcuts_focus_search_and_open_a_new_contact(page, qtbot, main_window):
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.filters.search.hasFocus() or main_window.focusWidget() is page.filters.search
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(page, "dialog", None) is not None and page.dialog.isVisible())
    page.dialog.reject()


def test_table_model_passes_qtmodeltester(page, qtmodeltester):
    qtmodeltester.check(page.model)


def test_enter_in_the_search_box_moves_to_the_first_result(page, qtbot):
    search(qtbot, page, "wang")
    qtbot.waitUntil(lambda: names(page) == ["王五"])
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Return)
    assert page.table.currentIndex().row() == 0
    qtbot.waitUntil(lambda: page.detail.heading.text() == "王五")


def test_a_search_shows_a_contact_added_meanwhile_in_name_order(page, qtbot, main_window):
    search(qtbot, page, "z")
    qtbot.waitUntil(lambda: names(page) == ["张三", "赵六"])
    seed(main_window, [dict(name="曾一", is_talent=True)])  # zeng: a new name among the z's
    qtbot.waitUntil(lambda: names(page) == ["曾一", "张三", "赵六"])


def test_a_mistyped_name_shows_the_closest_names_and_says_so(page, qtbot):
    search(qtbot, page, "zhangsna")  # zhangsan with two letters swapped: no exact match
    qtbot.waitUntil(lambda: names(page) == ["张三"])
    assert page.count_label.text() == "No exact match: 1 similar"
    assert not page.table.currentIndex().isValid()  # a guess is not opened as if it were the hit
    search(qtbot, page, "zhangsan")
    qtbot.waitUntil(lambda: page.count_label.text() == "1 contact")
