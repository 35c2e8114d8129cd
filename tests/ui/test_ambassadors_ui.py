"""The ambassadors on the referrals screen (issue 11, item 1): a chain of referrals as a tree two levels
deep, reached from the outcomes panel, a selected referral and the ranking; the ranking's year and
station filters; its export writes a workbook that reads back."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from chushang_desk.models import Contact
from chushang_desk.services.contacts import save_contact
from chushang_desk.services.projects import add_arrival, move_stage, save_project
from chushang_desk.services.referrals import save_referral
from tests.conftest import wait_idle

YEAR = date.today().year


def _seed(s):
    def ambassador(name, station):
        contact_id = save_contact(s, {"name": name, "is_merchant": True, "is_ambassador": True,
                                      "ambassador_since": "2024-01-01", "station": station})
        s.get(Contact, contact_id).ambassador_unit = "武汉市招商局"
        return contact_id

    wang, li = ambassador("王海峰", "jjj"), ambassador("李春华", "dwq")
    zhao = save_contact(s, {"name": "赵雪", "is_merchant": True})
    project = save_project(s, {"name": "光谷芯片", "station": "jjj"}, today=date(YEAR, 1, 1))
    move_stage(s, project, "signed", date(YEAR, 1, 1))
    add_arrival(s, project, "1250.50", arrived_on=date(YEAR, 1, 1))
    on = date(YEAR, 1, 1)
    save_referral(s, {"ambassador_id": wang, "referred_contact_id": li, "referred_on": on, "station": "jjj",
                      "status": "contacted"})
    save_referral(s, {"ambassador_id": li, "referred_contact_id": zhao, "referred_on": on, "station": "dwq",
                      "project_id": project, "status": "signed", "signed_on": date(YEAR, 1, 1)})
    save_referral(s, {"ambassador_id": li, "referred_contact_id": wang, "referred_on": on, "station": "dwq"})
    return {"wang": wang, "li": li, "zhao": zhao}


def referrals_page(main_window, qtbot):
    got = []
    main_window.ctx.write(_seed, on_done=got.append)
    qtbot.waitUntil(lambda: bool(got))
    page = main_window.show_page("ReferralsPage")
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3 and page.ranking.table.rowCount() == 2)
    return page, got[0]


def tree_rows(item, depth=0):
    rows = [(depth, item.text(0), item.text(2))]
    for c in range(item.childCount()):
        rows += tree_rows(item.child(c), depth + 1)
    return rows


def test_the_chain_tree_shows_two_levels_and_the_cycle(main_window, qtbot):
    page, ids = referrals_page(main_window, qtbot)
    page.panels.setCurrentWidget(page.outcomes)
    table = page.outcomes.table
    qtbot.waitUntil(lambda: table.rowCount() == 2)
    row = [table.item(r, 0).text() for r in range(table.rowCount())].index("王海峰")
    assert not page.outcomes.chain_button.isEnabled()
    table.selectRow(row)
    qtbot.mouseClick(page.outcomes.chain_button, Qt.MouseButton.LeftButton)
    dialog = page.chain_dialog
    qtbot.waitUntil(lambda: dialog.chain is not None and dialog.isVisible())
    tree = dialog.tree
    rows = [r for i in range(tree.topLevelItemCount()) for r in tree_rows(tree.topLevelItem(i))]
    assert rows == [(0, "李春华", "Contacted"), (1, "赵雪", "Signed"),
                    (1, "王海峰 (already in the chain above)", "New lead")]
    assert tree.topLevelItem(0).child(0).text(5) == "光谷芯片 · Signed"
    assert tree.topLevelItem(0).child(0).text(3) == f"{YEAR}-01-01"  # the day it was signed
    assert tree.topLevelItem(0).isExpanded()
    assert "王海峰" in dialog.heading.text() and "3 referrals in the chain" in dialog.heading.text()
    assert "武汉市招商局" in dialog.heading.text()
    # Double-clicking a person shows him in the directory.
    child = tree.topLevelItem(0).child(0)
    qtbot.waitExposed(dialog)
    tree.scrollToItem(child)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(child).center())
    assert tree.currentItem() is child
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(child).center())
    contacts = main_window.stack.currentWidget()
    assert type(contacts).__name__ == "ContactsPage" and not dialog.isVisible()
    qtbot.waitUntil(lambda: contacts.detail.contact_id == ids["zhao"])


def test_the_chain_of_a_selected_referrals_ambassador(main_window, qtbot):
    page, ids = referrals_page(main_window, qtbot)
    assert not page.chain_button.isEnabled()
    ambassadors = [page.model.row_at(r).ambassador for r in range(page.model.rowCount())]
    page.table.selectRow(ambassadors.index("李春华"))
    qtbot.mouseClick(page.chain_button, Qt.MouseButton.LeftButton)
    dialog = page.chain_dialog
    qtbot.waitUntil(lambda: dialog.chain is not None)
    assert dialog.chain.ambassador_id == ids["li"]
    top = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert top == ["赵雪", "王海峰"]
    under_wang = dialog.tree.topLevelItem(1)  # 王 referred 李, who is the start: shown, not followed
    assert [under_wang.child(c).text(0) for c in range(under_wang.childCount())] == [
        "李春华 (already in the chain above)"]
    dialog.reject()


def test_the_rankings_filters(main_window, qtbot):
    page, _ids = referrals_page(main_window, qtbot)
    ranking = page.ranking
    table = ranking.table

    def shown():
        return [[table.item(r, c).text() for c in range(6)] for r in range(table.rowCount())]

    # 李: two referrals, one linking the project signed this year with 1,250.50 arrived; 王: one referral.
    assert shown() == [["1", "李春华", "2", "1", "0", "1,250.50"], ["2", "王海峰", "1", "0", "0", "0"]]
    ranking.station.setCurrentIndex(ranking.station.findData("jjj"))
    qtbot.waitUntil(lambda: shown() == [["1", "王海峰", "1", "0", "0", "0"]])
    ranking.year.setValue(YEAR - 1)
    qtbot.waitUntil(lambda: table.rowCount() == 0)
    assert str(YEAR - 1) in ranking.total.text()
    ranking.station.setCurrentIndex(0)
    ranking.year.setValue(YEAR)
    qtbot.waitUntil(lambda: table.rowCount() == 2)
    table.selectRow(1)
    qtbot.mouseClick(ranking.chain_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.chain_dialog.chain is not None)
    assert page.chain_dialog.chain.name == "王海峰"
    page.chain_dialog.reject()


def test_the_export_writes_a_workbook_that_reads_back(main_window, qtbot, tmp_path):
    import openpyxl

    page, _ids = referrals_page(main_window, qtbot)
    out = tmp_path / "ranking.xlsx"
    page.ranking.export(out)
    qtbot.waitUntil(lambda: getattr(page.ranking, "exported", None) == out, timeout=10_000)
    assert "Exported 2 ambassadors" in page.ranking.total.text()
    sheet = openpyxl.load_workbook(out).active
    assert sheet["A1"].value == f"{YEAR} 年度招商大使推荐成效排名"
    assert [sheet.cell(4, c).value for c in (1, 2, 5, 6, 8)] == [1, "李春华", 2, 1, 1250.5]
    assert [sheet.cell(5, c).value for c in (1, 2, 5, 6, 8)] == [2, "王海峰", 1, 0, 0]
