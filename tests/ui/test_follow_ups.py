"""My follow-ups: one agenda of the officer's follow-ups and next-contact reminders, grouped by when they
fall, overdue highlighted; Mark done and Reopen on the selected line; open the visit behind a line."""
from datetime import date, timedelta

from PySide6.QtCore import Qt

from chushang_desk.services.visits import get_visit
from chushang_desk.ui.visits.follow_ups import CONTACTS, DUE, STATE, TASK
from chushang_desk.ui.labels import STATE_BACKGROUND
from tests.conftest import wait_idle
from tests.ui.helpers import add_contact, add_visit, wait_dialog

TODAY = date.today()


def follow_ups_page(window, qtbot, officer="李明"):
    wait_idle(qtbot, window)
    window.ctx.settings["officer_name"] = officer
    page = window.show_page("FollowUpsPage")
    wait_idle(qtbot, window)
    page.reload()
    wait_idle(qtbot, window)
    return page


def reloaded(page, qtbot, window):
    wait_idle(qtbot, window)
    return page


def column(page, col):
    return [line.text(col) for line in page.lines()]


def groups(page) -> dict[str, list[tuple[str, str, str]]]:
    """{group title: [(due, task, contacts)]} as the agenda shows it."""
    out = {}
    for g in range(page.agenda.topLevelItemCount()):
        top = page.agenda.topLevelItem(g)
        out[top.text(0)] = [(top.child(c).text(DUE), top.child(c).text(TASK), top.child(c).text(CONTACTS))
                            for c in range(top.childCount())]
    return out


def select_task(page, task):
    line = next(line for line in page.lines() if line.text(TASK) == task)
    page.agenda.setCurrentItem(line)
    return line


def _visits(window):
    zhang = add_contact(window, "张三")
    return add_visit(window, [zhang], follow_ups=[
        dict(task="以后再说", owner="李明", due_date=TODAY + timedelta(days=30)),
        dict(task="寄送资料", owner="李明", due_date=TODAY - timedelta(days=3)),
        dict(task="约见区招商局", owner="李明", due_date=TODAY + timedelta(days=2)),
        dict(task="王芳的事", owner="王芳", due_date=TODAY - timedelta(days=5)),
        dict(task="有空时", owner="李明"),
    ])


def test_my_follow_ups_are_grouped_overdue_first_and_highlighted(main_window, qtbot):
    _visits(main_window)
    page = follow_ups_page(main_window, qtbot)
    assert column(page, TASK) == ["寄送资料", "约见区招商局", "以后再说", "有空时"]
    assert column(page, STATE) == ["overdue", "due soon", "open", "open"]
    overdue = page.lines()[0]
    assert overdue.background(TASK).color() == STATE_BACKGROUND["overdue"]
    assert page.lines()[1].background(0).color() == STATE_BACKGROUND["soon"]
    assert page.lines()[2].background(0).style() == Qt.BrushStyle.NoBrush
    assert overdue.text(CONTACTS) == "张三"
    assert [page.agenda.topLevelItem(g).text(0) for g in range(page.agenda.topLevelItemCount())] == [
        "Overdue (1)", "Today (0)", "Next 7 days (1)", "Later (1)", "No due date (1)"]
    assert "李明" in page.heading.text()
    assert page.count_label.text() == "4 items"
    assert page.agenda.currentItem() is overdue, "the first line is selected, ready for Ctrl+D"

    page.all_open.setChecked(True)
    reloaded(page, qtbot, main_window)
    assert column(page, TASK) == ["王芳的事", "寄送资料", "约见区招商局", "以后再说", "有空时"]


def test_mark_done_writes_done_and_date_and_reopen_undoes_it(main_window, qtbot):
    visit_id = _visits(main_window)
    page = follow_ups_page(main_window, qtbot)
    assert page.agenda.currentItem().text(TASK) == "寄送资料"
    assert page.done_button.isEnabled() and not page.reopen_button.isEnabled()
    page.done_button.click()
    reloaded(page, qtbot, main_window)
    qtbot.waitUntil(lambda: column(page, TASK) == ["约见区招商局", "以后再说", "有空时"])
    assert page.agenda.currentItem() is page.lines()[0], "the cursor stays in place for the next one"
    done = {f["task"]: f for f in main_window.ctx.profile.read(get_visit, visit_id)["follow_ups"]}
    assert done["寄送资料"]["done"] and done["寄送资料"]["done_on"] == TODAY
    assert not done["约见区招商局"]["done"]

    page.show_done.setChecked(True)
    reloaded(page, qtbot, main_window)
    assert groups(page)[page.group_title("done", 1)] == [((TODAY - timedelta(days=3)).isoformat(), "寄送资料", "张三")]
    line = select_task(page, "寄送资料")
    assert line.text(STATE) == f"done {TODAY.isoformat()}"
    assert page.reopen_button.isEnabled() and not page.done_button.isEnabled()
    page.reopen_button.click()
    reloaded(page, qtbot, main_window)
    qtbot.waitUntil(lambda: column(page, TASK)[:1] == ["寄送资料"])
    assert {f["task"]: f["done"] for f in main_window.ctx.profile.read(get_visit, visit_id)["follow_ups"]}["寄送资料"] is False


def test_open_visit_from_a_follow_up(main_window, qtbot):
    _visits(main_window)
    page = follow_ups_page(main_window, qtbot)
    select_task(page, "约见区招商局")
    page.open_button.click()
    dialog = wait_dialog(page, qtbot, main_window)
    qtbot.waitUntil(lambda: len(dialog.follow_ups.rows) == 5)
    assert dialog.windowTitle() == "Edit visit"
    assert [c["name"] for c in dialog.contacts.items()] == ["张三"]


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
    assert groups(page) == {
        "Overdue (1)": [(days[-1], "昨天的事", "张三")],
        "Today (1)": [(days[0], "今天的事", "张三")],
        "Next 7 days (1)": [(days[3], "三天后的事", "张三")],
        "Later (2)": [(days[10], next_contact, "王五"), (days[30], "一个月后的事", "张三")],
        "No due date (0)": [],
    }
    reminder = select_task(page, next_contact)
    assert reminder.text(STATE) == "reminder" and reminder.text(3) == "李明"
    assert not page.done_button.isEnabled(), "a reminder is answered by the next visit, not ticked off"
    page.mark_done(True)  # Ctrl+D on a reminder does nothing
    page.agenda.itemActivated.emit(reminder, 0)  # Enter or double-click: the visit that set it
    assert wait_dialog(page, qtbot, main_window).visit_id == wang_visit
    page.log_dialog.reject()
    page.all_open.setChecked(True)
    reloaded(page, qtbot, main_window)
    assert sorted(row[1] for row in groups(page)["Today (2)"]) == sorted(["今天的事", "别人的事"])
