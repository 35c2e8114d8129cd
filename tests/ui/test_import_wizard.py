"""The import wizard driven as an officer does (issue 10, items 2-4 and 6): a real workbook with a title
row, the columns it maps, the check with an error fixed in the grid and a duplicate decided, the import
written, seen on the contacts screen, and undone."""
from __future__ import annotations

import xlsxwriter
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import select

from chushang_desk.models import Contact
from chushang_desk.services.contacts import save_contact
from tests.conftest import wait_idle
from tests.support.dialogs import answer

HEADER = ["序号", "姓名", "手机", "工作单位", "职务", "籍贯"]
ROWS = [
    [1, "張偉", "138-0013-8000", "华为", "总裁", "黄冈"],  # 张伟 in the directory: an update
    [2, "李四", "12345", "腾讯", "经理", "武汉"],  # a phone that is no number: an error
    [3, "章伟", "", "华为技术有限公司", "", "孝感"],  # sounds like 张伟 at the same company: medium
    [4, "王五", "139 0000 2222", "小米", "", ""],  # new
]


def member_list(path, rows=ROWS):
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("理事会")
    sheet.merge_range(0, 0, 0, len(HEADER) - 1, "2025 年理事会名单")
    sheet.write_row(2, 0, HEADER)
    for r, row in enumerate(rows, start=3):
        sheet.write_row(r, 0, row)
    book.close()
    return path


def live_names(window) -> set[str]:
    return set(window.ctx.profile.read(
        lambda s: s.scalars(select(Contact.name).where(Contact.deleted_at.is_(None))).all()))


def open_wizard(main_window, qtbot, path):
    main_window.ctx.profile.write(save_contact, dict(name="张伟", is_merchant=True, company="华为技术有限公司",
                                                     phones="13800138000"))
    main_window.open_import()
    wizard = main_window.import_wizard
    qtbot.waitUntil(wizard.isVisible)
    wizard.open_file(path)
    qtbot.waitUntil(lambda: wizard.next_button.isEnabled(), timeout=10_000)
    return wizard


def grid_row(wizard, row_number: int) -> int:
    model = wizard.grid.model()
    return next(r for r in range(model.rowCount()) if model.index(r, 0).data() == row_number)


def test_an_officer_imports_a_member_list_fixes_an_error_decides_a_duplicate_and_undoes_it(
        main_window, qtbot, tmp_path):
    wizard = open_wizard(main_window, qtbot, member_list(tmp_path / "理事会.xlsx"))
    assert "5 rows read" in wizard.file_note.text() or "rows read" in wizard.file_note.text()
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.header_spin.value() == 3  # under the title and the blank row
    chosen = [wizard.columns_table.cellWidget(r, 2).currentData() for r in range(len(HEADER))]
    assert chosen == ["", "name", "phones", "company", "title", "native_prefecture"]
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=10_000)
    assert wizard.counts_label.text().startswith("Rows: 4 — new: 1, updates: 1, unchanged: 0, possible duplicates: 1")
    statuses = {r.row_number: r.status for r in wizard.plan.rows}
    assert statuses == {4: "update", 5: "error", 6: "duplicate", 7: "new"}

    # The error, fixed in the grid as in a spreadsheet: select the phone cell, type, Enter.
    row = grid_row(wizard, 5)
    phone_cell = wizard.grid.model().index(row, 3 + 2)
    wizard.grid.setCurrentIndex(phone_cell)
    wizard.grid.edit(phone_cell)
    editor = wizard.grid.findChild(QLineEdit)
    qtbot.waitUntil(lambda: editor is not None and editor.isVisible(), timeout=10_000)
    editor.selectAll()
    qtbot.keyClicks(editor, "13900001111")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.plan.row(5).status == "new", timeout=10_000)
    assert "new: 2," in wizard.counts_label.text()

    # The sound-alike: skipped unless the officer says otherwise; here: a new contact.
    wizard.grid.setCurrentIndex(wizard.grid.model().index(grid_row(wizard, 6), 0))
    assert wizard.decision_buttons["skip"].isChecked() and "sounds the same" in wizard.row_text.text()
    qtbot.mouseClick(wizard.decision_buttons["new"], Qt.MouseButton.LeftButton)
    assert wizard.plan.row(6).decision == "new"
    assert wizard.next_button.text() == "&Import 4 rows"

    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.import_result is not None, timeout=10_000)
    assert "3 new contacts, 1 updated" in wizard.done_label.text()
    assert live_names(main_window) == {"张伟", "李四", "章伟", "王五"}
    page = main_window.show_page("ContactsPage")
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(lambda: page.table.model().rowCount() == 4, timeout=10_000)  # the screen shows them without a restart

    qtbot.mouseClick(wizard.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Undone" in wizard.done_label.text(), timeout=10_000)
    assert live_names(main_window) == {"张伟"}
    qtbot.waitUntil(lambda: page.table.model().rowCount() == 1, timeout=10_000)
    zhang = main_window.ctx.profile.read(lambda s: s.scalars(select(Contact).where(Contact.name == "张伟")).one())
    assert zhang.title == "" and zhang.native_prefecture == ""  # what the import filled in, set back


def test_a_name_column_is_needed_and_choosing_one_moves_it(main_window, qtbot, tmp_path):
    path = tmp_path / "list.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["人员", "手机", "公司"])
    sheet.write_row(1, 0, ["赵六", "13900003333", "美的"])
    book.close()
    wizard = open_wizard(main_window, qtbot, path)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert not wizard.next_button.isEnabled() and "name column" in wizard.columns_problem.text()
    combo = wizard.columns_table.cellWidget(0, 2)
    combo.setCurrentIndex(combo.findData("name"))
    assert wizard.next_button.isEnabled() and wizard.columns_problem.text() == ""
    company = wizard.columns_table.cellWidget(2, 2)
    company.setCurrentIndex(company.findData("name"))  # name taken by another column: the first lets go
    assert combo.currentData() == "" and wizard.mapping.fields == ("", "phones", "name")


def test_closing_the_wizard_midway_asks_first(main_window, qtbot, tmp_path):
    wizard = open_wizard(main_window, qtbot, member_list(tmp_path / "a.xlsx"))
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert "Nothing has been written yet" in answer(qtbot, "Keep editing")
    assert wizard.isVisible()
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    answer(qtbot, "Discard")
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert live_names(main_window) == {"张伟"}


def test_a_hostile_file_is_refused_in_words(main_window, qtbot, tmp_path):
    path = tmp_path / "名单.xlsx"
    path.write_text("this is not a workbook")
    wizard = open_wizard(main_window, qtbot, member_list(tmp_path / "ok.xlsx"))
    wizard.open_file(path)
    qtbot.waitUntil(lambda: wizard.file_note.text() not in ("", "Reading the file…"), timeout=10_000)
    assert not wizard.next_button.isEnabled()
    assert QApplication.activeModalWidget() is wizard  # said in the wizard, no error dialog


def test_the_mapping_of_the_last_file_of_this_shape_comes_back_unless_a_column_was_chosen(
        main_window, qtbot, tmp_path):
    from chushang_desk.services.contact_import import remember_mapping
    from chushang_desk.services.import_columns import guess_mapping, shape_of

    header = ["人员", "手机", "公司"]
    path = tmp_path / "list.xlsx"
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet().write_row(0, 0, header)
    book.worksheets()[0].write_row(1, 0, ["赵六", "13900003333", "美的"])
    book.close()
    last_time = guess_mapping(header).with_field(0, "name").with_field(2, "title")
    main_window.ctx.profile.write(remember_mapping, shape_of(header), last_time)
    wizard = open_wizard(main_window, qtbot, path)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.mapping.fields == last_time.fields, timeout=10_000)
    assert wizard.columns_table.cellWidget(2, 2).currentData() == "title"

    wizard._guess()  # the header row moved: the remembered mapping is asked for again ...
    wizard._field_chosen(2, "company")  # ... and the officer chooses a column before it arrives
    wait_idle(qtbot, main_window)
    assert wizard.mapping.fields[2] == "company"
