"""The "today" screen (issue 11, item 5): the app opens on it; seeded follow-ups, key contacts, projects
and capital show in sections with their counts; a line opens what it is about; the sidebar's counts
follow a write; the key contacts' days are a setting edited on the page or in Settings."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from chushang_desk.services.contacts import save_contact
from chushang_desk.services.projects import add_arrival, save_project
from chushang_desk.services.visits import save_visit, set_follow_up_done
from tests.conftest import wait_idle

TODAY = date.today()


def _seed(s):
    met = save_contact(s, {"name": "张总", "is_merchant": True, "is_key": True})
    never = save_contact(s, {"name": "久未访", "is_merchant": True, "is_key": True})
    visit = save_visit(s, {"visit_date": TODAY - timedelta(days=10), "mode": "visit", "officers": "李明",
                           "contact_ids": [met], "follow_ups": [
                               {"task": "寄送园区资料", "owner": "李明", "due_date": TODAY - timedelta(days=2)},
                               {"task": "约见区招商局", "owner": "李明", "due_date": TODAY},
                               {"task": "回访", "owner": "李明", "due_date": TODAY + timedelta(days=3)},
                               {"task": "年底再说", "owner": "李明", "due_date": TODAY + timedelta(days=60)}]})
    stuck = save_project(s, {"name": "光谷芯片", "station": "jjj"}, today=TODAY - timedelta(days=45))
    add_arrival(s, stuck, "500", due_on=TODAY - timedelta(days=1))
    return {"met": met, "never": never, "visit": visit, "stuck": stuck}


def seeded(main_window, qtbot):
    """The window on its first screen, with the set above written as the app writes (announced)."""
    got = []
    main_window.ctx.write(_seed, on_done=got.append)
    qtbot.waitUntil(lambda: bool(got))
    wait_idle(qtbot, main_window)
    page = main_window.stack.currentWidget()
    qtbot.waitUntil(lambda: page.view is not None and page.view.counts.overdue == 1)
    return page, got[0]


def sidebar(main_window) -> list[str]:
    return [main_window.sidebar.item(i).text() for i in range(main_window.sidebar.count())]


def test_the_app_opens_on_today_and_a_clear_day_says_so(main_window, qtbot):
    wait_idle(qtbot, main_window)
    page = main_window.stack.currentWidget()
    assert type(page).__name__ == "TodayPage" and main_window.sidebar.currentRow() == 0
    assert sidebar(main_window)[0] == "Today"
    qtbot.waitUntil(lambda: page.view is not None)
    assert page.views.currentWidget() is page.empty
    assert "The day is clear" in page.empty.text()
    assert page.tree.topLevelItemCount() == 0


def test_sections_with_their_counts_and_the_sidebar(main_window, qtbot):
    page, _ids = seeded(main_window, qtbot)
    assert page.views.currentWidget() is page.tree
    titles = [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]
    assert titles == ["Follow-ups overdue (1)", "Follow-ups due today (1)", "Follow-ups in the next 7 days (1)",
                      "Key contacts not visited for 180 days (1)", "Projects waiting too long in a stage (1)",
                      "Capital promised and not arrived (1)"]
    sections = page.sections()
    assert sections["overdue"].child(0).text(0) == "寄送园区资料"
    assert sections["overdue"].child(0).text(2) == "2 days late"
    assert "张总" in sections["overdue"].child(0).text(3)
    assert sections["key_contacts"].child(0).text(0) == "久未访"
    assert sections["key_contacts"].child(0).text(1) == "never visited"
    assert sections["stuck_projects"].child(0).text(0) == "光谷芯片"
    assert sections["stuck_projects"].child(0).text(2) == "45 days in the stage"
    assert sections["stuck_projects"].child(0).text(3) == "Recommended: over 30 days"
    assert sections["arrivals_due"].child(0).text(2) == "1 day late"
    assert sections["arrivals_due"].child(0).text(3) == "500 (10k yuan) promised"
    assert "年底再说" not in [line.text(0) for line in page.lines()]  # two months away: not today's
    # due: 1 overdue + 1 today + 1 key contact + 1 stuck project + 1 instalment; this week's is not due yet
    assert page.summary.text() == ("5 things to do today: 1 follow-up overdue, 1 due today, 1 key contact to visit, "
                                   "1 project stuck, 1 instalment overdue; 1 more due in the next 7 days")
    qtbot.waitUntil(lambda: sidebar(main_window)[0] == "Today (5)")
    assert "Follow-ups (1)" in sidebar(main_window)


def test_a_write_changes_the_sidebar_counts(main_window, qtbot):
    page, _ids = seeded(main_window, qtbot)
    qtbot.waitUntil(lambda: sidebar(main_window)[0] == "Today (5)")
    overdue = page.sections()["overdue"].child(0).data(0, Qt.ItemDataRole.UserRole)[1]
    main_window.ctx.write(set_follow_up_done, overdue.follow_up_id, True)
    qtbot.waitUntil(lambda: sidebar(main_window)[0] == "Today (4)")
    assert "Follow-ups" in sidebar(main_window)  # no overdue one left: no count
    qtbot.waitUntil(lambda: "overdue" not in page.sections())
    # On another screen the sidebar reads the counts itself: Mark done on the Follow-ups screen.
    follow_ups = main_window.show_page("FollowUpsPage")
    qtbot.waitUntil(lambda: [line.data(0, Qt.ItemDataRole.UserRole).text for line in follow_ups.lines()][:1]
                    == ["约见区招商局"])
    follow_ups.agenda.setCurrentItem(follow_ups.lines()[0])
    follow_ups.mark_done()
    qtbot.waitUntil(lambda: sidebar(main_window)[0] == "Today (3)")
    assert not page.isVisible()


def _double_click(qtbot, page, line) -> None:
    page.tree.scrollToItem(line)
    rect = page.tree.visualItemRect(line)
    qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.tree.currentItem() is line
    qtbot.mouseDClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_line_opens_the_contact(main_window, qtbot):
    page, ids = seeded(main_window, qtbot)
    _double_click(qtbot, page, page.sections()["key_contacts"].child(0))
    contacts = main_window.stack.currentWidget()
    assert type(contacts).__name__ == "ContactsPage"  # built for this request, and still shows him
    qtbot.waitUntil(lambda: contacts.detail.contact_id == ids["never"] and contacts.detail.heading.text() == "久未访")


def test_a_line_opens_the_follow_up_on_its_screen(main_window, qtbot):
    page, _ids = seeded(main_window, qtbot)
    line = page.sections()["today"].child(0)
    page.tree.setCurrentItem(line)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    follow_ups = main_window.stack.currentWidget()
    assert type(follow_ups).__name__ == "FollowUpsPage"
    qtbot.waitUntil(lambda: follow_ups.selected_item() is not None
                    and follow_ups.selected_item().text == "约见区招商局")


def test_a_line_opens_the_project(main_window, qtbot):
    page, ids = seeded(main_window, qtbot)
    _double_click(qtbot, page, page.sections()["arrivals_due"].child(0))
    screens = [s.cls for s in main_window.screens]
    if "ProjectsPage" in screens:
        projects = main_window.stack.currentWidget()
        assert type(projects).__name__ == "ProjectsPage"
        qtbot.waitUntil(lambda: projects.current_id() == ids["stuck"])
    else:  # a build without the Projects screen: the line opens nothing, and nothing breaks
        assert main_window.stack.currentWidget() is page


def test_the_key_contacts_days_on_the_page_and_in_settings(main_window, qtbot):
    page, _ids = seeded(main_window, qtbot)
    page.days.setValue(5)  # 张总 was visited 10 days ago: now he is due too
    qtbot.waitUntil(lambda: page.sections().get("key_contacts") is not None
                    and page.sections()["key_contacts"].text(0) == "Key contacts not visited for 5 days (2)")
    qtbot.waitUntil(lambda: sidebar(main_window)[0] == "Today (6)")
    from chushang_desk.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(main_window.ctx, main_window)
    assert dialog.key_contact_days.value() == 5
    dialog.key_contact_days.setValue(400)
    dialog.save()
    qtbot.waitUntil(lambda: page.days.value() == 400)
    qtbot.waitUntil(lambda: page.sections()["key_contacts"].text(0) == "Key contacts not visited for 400 days (1)")
    qtbot.waitUntil(lambda: sidebar(main_window)[0] == "Today (5)")


def test_more_than_nine_screens_get_no_invalid_shortcut(main_window):
    from PySide6.QtGui import QKeySequence

    go = [a for a in main_window.menuBar().actions() if a.text() == "&Go"][0].menu()
    shortcuts = [a.shortcut().toString() for a in go.actions()]
    assert shortcuts[0] == "Ctrl+1"
    expected = [f"Ctrl+{n + 1}" if n < 9 else "" for n in range(len(main_window.screens))]
    assert shortcuts == expected
    assert all(QKeySequence(s).count() <= 1 for s in shortcuts)
