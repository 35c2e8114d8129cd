"""My follow-ups: the officer's open follow-ups, overdue first and highlighted; Mark done; open the visit."""
from datetime import date, timedelta

from PySide6.QtCore import Qt

from chushang_desk.services.visits import get_visit
from chushang_desk.ui.visits.labels import STATE_BACKGROUND
from chushang_desk.ui.visits.table_model import FollowUpTableModel
from tests.conftest import wait_idle
from tests.ui.test_visits_log import add_contact, add_visit, wait_dialog

TODAY = date.today()


def follow_ups_page(window, qtbot, officer="李明"):
    wait_idle(qtbot, window)
    window.ctx.settings["officer_name"] = officer
    page = window.show_page("FollowUpsPage")
    wait_idle(qtbot, window)
    page.reload()
    wait_idle(qtbot, window)
    for r in range(page.model.rowCount()):
        page.model.index(r, 0).data()
    wait_idle(qtbot, window)
    return page


def column(page, col):
    return [page.model.index(r, col).data() for r in range(page.model.rowCount())]


def _visits(window):
    zhang = add_contact(window, "张三")
    return add_visit(window, [zhang], follow_ups=[
        dict(task="以后再说", owner="李明", due_date=TODAY + timedelta(days=30)),
        dict(task="寄送资料", owner="李明", due_date=TODAY - timedelta(days=3)),
        dict(task="约见区招商局", owner="李明", due_date=TODAY + timedelta(days=2)),
        dict(task="王芳的事", owner="王芳", due_date=TODAY - timedelta(days=5)),
    ])


def test_my_follow_ups_are_sorted_overdue_first_and_highlighted(main_window, qtbot):
    _visits(main_window)
    page = follow_ups_page(main_window, qtbot)
    assert column(page, FollowUpTableModel.TASK) == ["寄送资料", "约见区招商局", "以后再说"]
    assert column(page, FollowUpTableModel.STATE) == ["overdue", "due soon", "open"]
    overdue = page.model.index(0, FollowUpTableModel.TASK)
    assert overdue.data(Qt.ItemDataRole.BackgroundRole) == STATE_BACKGROUND["overdue"]
    assert page.model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) == STATE_BACKGROUND["soon"]
    assert page.model.index(2, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert page.model.index(0, FollowUpTableModel.CONTACTS).data() == "张三"
    assert "李明" in page.heading.text()

    page.all_open.setChecked(True)
    wait_idle(qtbot, main_window)
    for r in range(page.model.rowCount()):
        page.model.index(r, 0).data()
    wait_idle(qtbot, main_window)
    assert column(page, FollowUpTableModel.TASK) == ["王芳的事", "寄送资料", "约见区招商局", "以后再说"]


def test_mark_done_writes_done_and_date(main_window, qtbot):
    visit_id = _visits(main_window)
    page = follow_ups_page(main_window, qtbot)
    page.table.selectRow(0)
    assert page.done_button.isEnabled()
    page.done_button.click()
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    for r in range(2):
        page.model.index(r, 0).data()
    wait_idle(qtbot, main_window)
    assert column(page, FollowUpTableModel.TASK) == ["约见区招商局", "以后再说"]
    assert page.table.currentIndex().row() == 0, "the cursor stays in place for the next one"
    done = {f["task"]: f for f in main_window.ctx.profile.read(get_visit, visit_id)["follow_ups"]}
    assert done["寄送资料"]["done"] and done["寄送资料"]["done_on"] == TODAY
    assert not done["约见区招商局"]["done"]

    page.show_done.setChecked(True)
    wait_idle(qtbot, main_window)
    for r in range(page.model.rowCount()):
        page.model.index(r, 0).data()
    wait_idle(qtbot, main_window)
    assert column(page, FollowUpTableModel.STATE)[-1] == f"done {TODAY.isoformat()}"


def test_open_visit_from_a_follow_up(main_window, qtbot):
    _visits(main_window)
    page = follow_ups_page(main_window, qtbot)
    page.table.selectRow(0)
    page.open_button.click()
    dialog = wait_dialog(page, qtbot, main_window)
    qtbot.waitUntil(lambda: len(dialog.follow_ups.rows) == 4)
    assert dialog.windowTitle() == "Edit visit"
    assert [c["name"] for c in dialog.contacts.items()] == ["张三"]


def test_follow_up_table_model_passes_qt_model_tester(main_window, qtbot, qtmodeltester):
    _visits(main_window)
    page = follow_ups_page(main_window, qtbot)
    qtmodeltester.check(page.model)
    wait_idle(qtbot, main_window)


def _agenda(page) -> dict[str, list[tuple[str, str, str]]]:
    """{group title: [(date, what, contacts)]} as the agenda shows it."""
    out = {}
    for g in range(page.agenda.topLevelItemCount()):
        top = page.agenda.topLevelItem(g)
        out[top.text(0)] = [tuple(top.child(c).text(i) for i in range(3)) for c in range(top.childCount())]
    return out


def test_the_agenda_groups_follow_ups_and_next_contacts_by_when_they_fall(main_window, qtbot):
    zhang, wang = add_contact(main_window, "张三"), add_contact(main_window, "王五")
    days = {n: (TODAY + timedelta(days=n)).isoformat() for n in (-1, 0, 3, 10, 30)}
    add_visit(main_window, [zhang], visit_date=TODAY - timedelta(days=5), follow_ups=[
        dict(task="昨天的事", owner="李明", due_date=TODAY - timedelta(days=1)),
        dict(task="今天的事", owner="李明", due_date=TODAY),
        dict(task="三天后的事", owner="李明", due_date=TODAY + timedelta(days=3)),
        dict(task="一个月后的事", owner="李明", due_date=TODAY + timedelta(days=30)),
        dict(task="别人的事", owner="王芳", due_date=TODAY),
    ])
    wang_visit = add_visit(main_window, [wang], visit_date=TODAY - timedelta(days=2),
                           next_contact_date=TODAY + timedelta(days=10))
    # Answered by a later visit of the same contact: no longer a reminder.
    add_visit(main_window, [zhang], visit_date=TODAY - timedelta(days=9), next_contact_date=TODAY)
    page = follow_ups_page(main_window, qtbot)
    next_contact = page.tr("Next contact (set at a visit)")
    assert _agenda(page) == {
        "Overdue (1)": [(days[-1], "昨天的事", "张三")],
        "Today (1)": [(days[0], "今天的事", "张三")],
        "Next 7 days (1)": [(days[3], "三天后的事", "张三")],
        "Later (2)": [(days[10], next_contact, "王五"), (days[30], "一个月后的事", "张三")],
    }
    later = page.agenda.topLevelItem(3)
    page.agenda.itemActivated.emit(later.child(0), 0)  # Enter or double-click: the visit that set it
    assert wait_dialog(page, qtbot, main_window).visit_id == wang_visit
    page.log_dialog.reject()
    page.all_open.setChecked(True)
    wait_idle(qtbot, main_window)
    assert sorted(row[1] for row in _agenda(page)["Today (2)"]) == sorted(["今天的事", "别人的事"])
