"""The visit list: filters, lazy pages, stale answers dropped, highlighting, delete, export, model checks."""
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from chushang_desk.db.bulk import bulk_insert
from chushang_desk.models import Visit
from chushang_desk.services.visits import VisitQuery, find_visit_ids
from chushang_desk.ui.labels import STATE_BACKGROUND, STATE_FOREGROUND
from chushang_desk.ui.visits.table_model import VisitTableModel
from chushang_desk.ui.widgets.lazy_table import ROW_ROLE
from tests.conftest import wait_idle
from tests.ui.helpers import add_contact, add_visit, visits_page

TODAY = date.today()


def shown_contacts(page):
    return [page.model.index(r, VisitTableModel.CONTACTS).data() for r in range(page.model.rowCount())]


def settle(page, qtbot, window):
    """Let the filter timer fire, the ids arrive and every visible page be fetched."""
    page.apply_filters()
    wait_idle(qtbot, window)
    for r in range(page.model.rowCount()):
        page.model.index(r, 0).data()
    wait_idle(qtbot, window)


def test_filters_narrow_the_list(main_window, qtbot):
    zhang, li, wang = (add_contact(main_window, n) for n in ("张三", "李四", "王五"))
    add_visit(main_window, [zhang], visit_date=date(2025, 3, 14), mode="call", station="jjj", officers="李明")
    add_visit(main_window, [li], visit_date=date(2025, 6, 1), mode="visit", station="csj", officers="王芳")
    add_visit(main_window, [wang, zhang], visit_date=date(2025, 9, 9), mode="meeting", station="dwq",
              officers="李明, 赵六")
    page = visits_page(main_window, qtbot)
    settle(page, qtbot, main_window)
    assert shown_contacts(page) == ["王五、张三", "李四", "张三"], "newest first"
    assert page.count_label.text() == "3 visits"

    page.mode.setCurrentIndex(page.mode.findData("call"))
    settle(page, qtbot, main_window)
    assert shown_contacts(page) == ["张三"]
    page.mode.setCurrentIndex(0)
    page.station.setCurrentIndex(page.station.findData("csj"))
    settle(page, qtbot, main_window)
    assert shown_contacts(page) == ["李四"]
    page.station.setCurrentIndex(0)
    page.officer.setText("李明")
    settle(page, qtbot, main_window)
    assert shown_contacts(page) == ["王五、张三", "张三"]
    page.officer.clear()
    page.contact.set_items([dict(id=zhang, name="张三")])
    settle(page, qtbot, main_window)
    assert shown_contacts(page) == ["王五、张三", "张三"]
    page.date_from.set_value(date(2025, 6, 1))
    settle(page, qtbot, main_window)
    assert shown_contacts(page) == ["王五、张三"]
    assert page.query() == VisitQuery(date_from=date(2025, 6, 1), contact_id=zhang)
    page.clear_filters()
    settle(page, qtbot, main_window)
    assert len(shown_contacts(page)) == 3


def test_contact_filter_is_picked_by_typing(main_window, qtbot):
    zhang, li = add_contact(main_window, "张三"), add_contact(main_window, "李四")
    add_visit(main_window, [zhang])
    add_visit(main_window, [li])
    page = visits_page(main_window, qtbot)
    main_window.activateWindow()
    page.contact.edit.setFocus()
    qtbot.keyClicks(page.contact.edit, "lisi")
    qtbot.keyClick(page.contact.edit, Qt.Key.Key_Return)  # before the answer: the first match is taken
    qtbot.waitUntil(lambda: page.contact.ids() == [li])
    settle(page, qtbot, main_window)
    assert shown_contacts(page) == ["李四"]


def test_overdue_and_due_soon_follow_ups_are_highlighted(main_window, qtbot):
    zhang = add_contact(main_window, "张三")
    add_visit(main_window, [zhang], visit_date=TODAY - timedelta(days=20),
              follow_ups=[dict(task="寄送资料", owner="李明", due_date=TODAY - timedelta(days=1)),
                          dict(task="回访", owner="李明", due_date=TODAY + timedelta(days=20))])
    add_visit(main_window, [zhang], visit_date=TODAY - timedelta(days=10),
              follow_ups=[dict(task="约见", owner="李明", due_date=TODAY + timedelta(days=3))])
    add_visit(main_window, [zhang], visit_date=TODAY,
              follow_ups=[dict(task="以后", owner="李明", due_date=TODAY + timedelta(days=30))])
    page = visits_page(main_window, qtbot)
    settle(page, qtbot, main_window)
    cell = [page.model.index(r, VisitTableModel.FOLLOW_UPS) for r in range(3)]
    later, soon, overdue = cell
    assert overdue.data() == "2 · overdue"
    assert overdue.data(Qt.ItemDataRole.BackgroundRole) == STATE_BACKGROUND["overdue"]
    assert overdue.data(Qt.ItemDataRole.ForegroundRole) == STATE_FOREGROUND["overdue"]
    assert soon.data() == "1 · due soon"
    assert soon.data(Qt.ItemDataRole.BackgroundRole) == STATE_BACKGROUND["soon"]
    assert later.data() == "1" and later.data(Qt.ItemDataRole.BackgroundRole) is None
    tooltip = page.model.index(2, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "谈了光谷的项目" in tooltip and "寄送资料" in tooltip and "overdue" in tooltip


def test_selecting_a_visit_shows_its_summary_and_follow_ups(main_window, qtbot):
    zhang = add_contact(main_window, "张三")
    add_visit(main_window, [zhang], summary="企业计划在光谷设立研发中心",
              follow_ups=[dict(task="寄送资料", owner="李明", due_date=TODAY - timedelta(days=1))])
    page = visits_page(main_window, qtbot)
    settle(page, qtbot, main_window)
    page.table.selectRow(0)
    wait_idle(qtbot, main_window)
    text = page.detail.toPlainText()
    assert "企业计划在光谷设立研发中心" in text and "寄送资料" in text and "overdue" in text


def test_delete_asks_first_and_tombstones(main_window, qtbot, monkeypatch):
    zhang = add_contact(main_window, "张三")
    visit_id = add_visit(main_window, [zhang])
    page = visits_page(main_window, qtbot)
    settle(page, qtbot, main_window)
    page.table.selectRow(0)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No)
    page.delete_button.click()
    wait_idle(qtbot, main_window)
    assert len(asked) == 1 and page.model.rowCount() == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    main_window.activateWindow()
    qtbot.waitUntil(lambda: main_window.isActiveWindow())
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    deleted_at = main_window.ctx.profile.read(lambda s: s.get(Visit, visit_id).deleted_at)
    assert deleted_at is not None, "tombstoned, not deleted"


def test_export_button_passes_the_current_query(main_window, qtbot, monkeypatch):
    import chushang_desk.ui.visits.export as export

    calls = []
    monkeypatch.setattr(export, "export_visit_log_interactive", lambda parent, ctx, query: calls.append(query))
    page = visits_page(main_window, qtbot)
    page.station.setCurrentIndex(page.station.findData("jjj"))
    page.export_button.click()
    assert calls == [VisitQuery(station="jjj")]


def _many_visits(session, contact_id, count):
    rows = [dict(visit_date=TODAY - timedelta(days=i % 900), station="jjj", officers=["李明"], mode="visit",
                 purpose=f"第{i}次") for i in range(count)]
    ids = bulk_insert(session, Visit, rows)
    from chushang_desk.models import VisitContact
    bulk_insert(session, VisitContact, [dict(visit_id=v, contact_id=contact_id) for v in ids])
    return ids


def test_rows_are_fetched_lazily_in_pages_and_stale_answers_dropped(main_window, qtbot):
    zhang = add_contact(main_window, "张三")
    main_window.ctx.profile.write(_many_visits, zhang, 1000)
    page = visits_page(main_window, qtbot)
    model = page.model
    qtbot.waitUntil(lambda: model.rowCount() == 1000)
    qtbot.waitUntil(lambda: len(model._pages) > 0)  # the view painted its first rows
    wait_idle(qtbot, main_window)
    assert 0 < len(model._pages) < 5, "only the pages a view painted were fetched"
    assert model.row_at(999, fetch=False) is None
    assert model.index(999, 0).data() == "…"  # asks for the last page
    wait_idle(qtbot, main_window)
    assert model.index(999, VisitTableModel.CONTACTS).data() == "张三"
    # Two queries in a row: only the answer to the second one is shown.
    model.load(VisitQuery(mode="call"))
    model.load(VisitQuery())
    wait_idle(qtbot, main_window)
    assert model.rowCount() == 1000
    expected = main_window.ctx.profile.read(find_visit_ids, VisitQuery())
    assert model.ids() == expected


def test_visit_table_model_passes_qt_model_tester(main_window, qtbot, qtmodeltester):
    zhang = add_contact(main_window, "张三")
    add_visit(main_window, [zhang], follow_ups=[dict(task="寄送资料", owner="李明", due_date=TODAY)])
    main_window.ctx.profile.write(_many_visits, zhang, 250)
    page = visits_page(main_window, qtbot)
    settle(page, qtbot, main_window)
    assert page.model.index(0, 0).data(ROW_ROLE) is not None
    qtmodeltester.check(page.model)
    wait_idle(qtbot, main_window)
    empty = VisitTableModel(main_window.ctx)
    qtmodeltester.check(empty)
