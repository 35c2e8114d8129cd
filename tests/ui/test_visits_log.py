"""Log a visit: filled in with the keyboard alone, checked in the list and in the database."""
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from chushang_desk.models import FollowUp, OutboxEntry, VisitContact
from chushang_desk.services.visits import VisitQuery, find_visit_ids, get_visit
from tests.conftest import wait_idle
from tests.support.dialogs import answer, open_question
from tests.ui.helpers import add_contact, add_visit, open_dialog, type_text, visits_page, wait_dialog

CTRL = Qt.KeyboardModifier.ControlModifier



def outbox_ops(window, table, row_id):
    return window.ctx.profile.read(lambda s: [e.op for e in s.scalars(
        select(OutboxEntry).where(OutboxEntry.table_name == table, OutboxEntry.row_id == row_id))])



def tab(qtbot, dialog, times=1):
    for _ in range(times):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)


def test_log_a_visit_with_the_keyboard(main_window, qtbot):
    zhang = add_contact(main_window, "张三")
    add_contact(main_window, "李四")
    page = visits_page(main_window, qtbot)
    dialog = open_dialog(page, qtbot, main_window)
    assert dialog.focusWidget() is dialog.visit_date and dialog.visit_date.value() == date.today()

    tab(qtbot, dialog)  # mode
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Down)
    tab(qtbot, dialog)  # station
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Down)
    tab(qtbot, dialog)  # officers
    assert dialog.focusWidget() is dialog.officers
    type_text(qtbot, dialog.officers, "李明, 王芳")
    tab(qtbot, dialog)  # contacts: type-ahead by initials, Enter picks the first match
    assert dialog.focusWidget() is dialog.contacts.edit
    type_text(qtbot, dialog.contacts.edit, "zs")
    # the answer comes from the database thread: on a loaded CI machine that took over 5 s once
    qtbot.waitUntil(lambda: dialog.contacts.suggestions.isVisible(), timeout=20_000)
    assert dialog.contacts.suggestion_texts() == ["张三 · 华星科技 · 董事长"]
    qtbot.keyClick(dialog.contacts.edit, Qt.Key.Key_Return)
    assert dialog.contacts.ids() == [zhang] and dialog.isVisible()
    tab(qtbot, dialog, 2)  # organizations, place
    assert dialog.focusWidget() is dialog.place
    type_text(qtbot, dialog.place, "北京")
    tab(qtbot, dialog)
    type_text(qtbot, dialog.purpose, "了解回汉投资意向")
    tab(qtbot, dialog)  # industry
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Down)
    tab(qtbot, dialog)
    type_text(qtbot, dialog.amount, "5000")
    tab(qtbot, dialog, 5)  # note, project, event, next contact, summary
    assert dialog.focusWidget() is dialog.summary
    type_text(qtbot, dialog.summary, "谈了光谷的项目")
    tab(qtbot, dialog)  # Tab leaves the summary (no tab character) for "Add follow-up"
    assert dialog.summary.toPlainText() == "谈了光谷的项目"
    assert dialog.focusWidget() is dialog.follow_ups.add_button
    qtbot.keyClick(dialog.follow_ups.add_button, Qt.Key.Key_Space)
    row = dialog.follow_ups.rows[0]
    assert dialog.focusWidget() is row.task and row.owner.text() == "李明"
    type_text(qtbot, row.task, "寄送园区资料")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return, CTRL)  # Ctrl+Enter saves

    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    qtbot.waitUntil(lambda: page.model.index(0, 3).data() == "张三")
    assert page.model.index(0, 0).data() == date.today().isoformat()

    [visit_id] = main_window.ctx.profile.read(find_visit_ids, VisitQuery())
    visit = main_window.ctx.profile.read(get_visit, visit_id)
    assert (visit["mode"], visit["station"], visit["officers"]) == ("inspection", "jjj", ["李明", "王芳"])
    assert (visit["place"], visit["summary"], str(visit["intention_amount"])) == ("北京", "谈了光谷的项目", "5000.00")
    assert visit["intention_industry"] == "ic"
    assert [(f["task"], f["owner"], f["due_date"]) for f in visit["follow_ups"]] == [
        ("寄送园区资料", "李明", date.today() + timedelta(days=7))]
    assert visit["next_contact_date"] is None
    profile = main_window.ctx.profile
    links = profile.read(lambda s: list(s.scalars(select(VisitContact).where(VisitContact.visit_id == visit_id))))
    follow_ups = profile.read(lambda s: list(s.scalars(select(FollowUp).where(FollowUp.visit_id == visit_id))))
    assert [link.contact_id for link in links] == [zhang] and len(follow_ups) == 1
    for table, row_id in [("visit", visit_id), ("visit_contact", links[0].id), ("follow_up", follow_ups[0].id)]:
        assert outbox_ops(main_window, table, row_id) == ["upsert"]


def test_missing_contact_is_shown_next_to_the_field_and_keeps_what_was_typed(main_window, qtbot):
    page = visits_page(main_window, qtbot)
    dialog = open_dialog(page, qtbot, main_window)
    dialog.officers.setText("李明")
    dialog.summary.setFocus()
    type_text(qtbot, dialog.summary, "只写了纪要")
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Return, CTRL)
    wait_idle(qtbot, main_window)
    assert dialog.isVisible()
    assert dialog.errors["contacts"].isVisible()
    assert dialog.errors["contacts"].text() == "Choose at least one contact met"
    assert not dialog.errors["officers"].isVisible()
    assert dialog.summary.toPlainText() == "只写了纪要"
    assert dialog.focusWidget() is dialog.contacts.edit
    assert main_window.ctx.profile.read(find_visit_ids, VisitQuery()) == []


def test_messages_follow_the_interface_language(main_window, qtbot):
    page = visits_page(main_window, qtbot)
    main_window.ctx.lang = "zh_CN"
    dialog = open_dialog(page, qtbot, main_window)
    dialog.officers.clear()
    dialog.save()
    wait_idle(qtbot, main_window)
    assert dialog.errors["contacts"].text() == "至少选择一位走访对象"
    assert dialog.errors["officers"].text() == "必填"


def test_log_visit_requested_opens_the_dialog_with_the_contacts(main_window, qtbot):
    zhang, li = add_contact(main_window, "张三"), add_contact(main_window, "李四", "长江实业")
    wait_idle(qtbot, main_window)
    main_window.ctx.log_visit_requested.emit([zhang, li])
    page = main_window.stack.currentWidget()
    assert type(page).__name__ == "VisitsPage"
    qtbot.waitUntil(lambda: page.log_dialog is not None and page.log_dialog.isVisible())
    qtbot.waitUntil(lambda: page.log_dialog.contacts.ids() == [zhang, li])
    assert not page.log_dialog.is_dirty(), "prefilled contacts are not something the officer typed"


def test_escape_asks_before_discarding(main_window, qtbot):
    page = visits_page(main_window, qtbot)
    dialog = open_dialog(page, qtbot, main_window)
    type_text(qtbot, dialog.place, "上海")
    qtbot.keyClick(dialog.place, Qt.Key.Key_Escape)
    assert answer(qtbot, "Keep editing") == "Discard what you typed for this visit?"
    assert dialog.isVisible() and dialog.place.text() == "上海"
    qtbot.keyClick(dialog.place, Qt.Key.Key_Escape)
    answer(qtbot, "Discard")
    assert not dialog.isVisible()


def test_escape_on_an_untouched_dialog_just_closes(main_window, qtbot):
    page = visits_page(main_window, qtbot)
    dialog = open_dialog(page, qtbot, main_window)
    qtbot.keyClick(dialog.visit_date, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and open_question() is None


def test_editing_a_visit_to_remove_a_contact_tombstones_its_row(main_window, qtbot):
    zhang, li = add_contact(main_window, "张三"), add_contact(main_window, "李四")
    visit_id = add_visit(main_window, [zhang, li], follow_ups=[dict(task="寄送资料", owner="李明")])
    page = visits_page(main_window, qtbot)
    qtbot.waitUntil(lambda: page.model.index(0, 3).data() == "张三、李四")
    where = page.table.visualRect(page.model.index(0, 1)).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    dialog = wait_dialog(page, qtbot, main_window)
    qtbot.waitUntil(lambda: dialog.contacts.ids() == [zhang, li])
    assert dialog.windowTitle() == "Edit visit" and dialog.follow_ups.rows[0].task.text() == "寄送资料"
    dialog.contacts.edit.setFocus()
    qtbot.keyClick(dialog.contacts.edit, Qt.Key.Key_Backspace)  # empty edit: removes the last chip
    assert dialog.contacts.ids() == [zhang]
    qtbot.keyClick(dialog.contacts.edit, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(lambda: page.model.index(0, 3).data() == "张三")

    rows = main_window.ctx.profile.read(lambda s: {r.contact_id: r for r in s.scalars(
        select(VisitContact).where(VisitContact.visit_id == visit_id))})
    assert rows[zhang].deleted_at is None and rows[li].deleted_at is not None
    assert outbox_ops(main_window, "visit_contact", rows[li].id) == ["upsert", "delete"]
    assert outbox_ops(main_window, "visit_contact", rows[zhang].id) == ["upsert"]
    follow_up = main_window.ctx.profile.read(get_visit, visit_id)["follow_ups"]
    assert [f["task"] for f in follow_up] == ["寄送资料"], "the follow-up was kept, not recreated"
    assert outbox_ops(main_window, "follow_up", follow_up[0]["id"]) == ["upsert"]


def test_chip_remove_button_and_picker_escape(main_window, qtbot):
    zhang = add_contact(main_window, "张三")
    add_contact(main_window, "张伟", "长江实业")
    page = visits_page(main_window, qtbot)
    dialog = open_dialog(page, qtbot, main_window)
    dialog.contacts.edit.setFocus()
    type_text(qtbot, dialog.contacts.edit, "张")
    qtbot.waitUntil(lambda: len(dialog.contacts.suggestion_texts()) == 2 and dialog.contacts.suggestions.isVisible(),
                    timeout=20_000)
    qtbot.keyClick(dialog.contacts.edit, Qt.Key.Key_Escape)  # closes the list, not the dialog
    assert dialog.isVisible() and not dialog.contacts.suggestions.isVisible()
    dialog.contacts.add_item(dict(id=zhang, name="张三"))
    chip = dialog.contacts.chips()[0]
    qtbot.mouseClick(chip.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.contacts.ids() == []


def test_dates_are_typed_and_the_shortcut_opens_the_dialog(main_window, qtbot):
    page = visits_page(main_window, qtbot)
    main_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main_window)
    qtbot.keyClick(page.table, Qt.Key.Key_V, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = wait_dialog(page, qtbot, main_window)
    assert dialog.focusWidget() is dialog.visit_date
    qtbot.keyClicks(dialog.visit_date, "20250314")
    assert dialog.visit_date.value() == date(2025, 3, 14)
    # The optional next contact date: empty until typed or stepped into; Ctrl+Delete empties it again.
    dialog.next_contact.setFocus()
    assert dialog.next_contact.value() is None
    qtbot.keyClick(dialog.next_contact, Qt.Key.Key_Up)
    assert dialog.next_contact.value() == date(2025, 4, 13)  # a month after the visit
    qtbot.keyClick(dialog.next_contact, Qt.Key.Key_Delete, CTRL)
    assert dialog.next_contact.value() is None


def test_an_organization_is_picked_by_typing(main_window, qtbot):
    from chushang_desk.models import Organization

    zhang = add_contact(main_window, "张三")
    org_id = main_window.ctx.profile.write(
        lambda s: (s.add(o := Organization(name="北京湖北企业商会", kind="chamber")), s.flush(), o.id)[2])
    page = visits_page(main_window, qtbot)
    dialog = open_dialog(page, qtbot, main_window)
    dialog.contacts.set_items([dict(id=zhang, name="张三")])
    dialog.officers.setText("李明")
    dialog.organizations.edit.setFocus()
    type_text(qtbot, dialog.organizations.edit, "湖北")
    qtbot.waitUntil(lambda: dialog.organizations.suggestion_texts() == ["北京湖北企业商会"])
    qtbot.keyClick(dialog.organizations.edit, Qt.Key.Key_Return)
    assert dialog.organizations.ids() == [org_id]
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    [visit_id] = main_window.ctx.profile.read(find_visit_ids, VisitQuery())
    assert [o["name"] for o in main_window.ctx.profile.read(get_visit, visit_id)["organizations"]] == ["北京湖北企业商会"]


def test_a_visit_links_the_project_it_was_about_and_shows_it_when_edited(main_window, qtbot):
    from chushang_desk.services.projects import save_project

    zhang = add_contact(main_window, "张三")
    project = main_window.ctx.profile.write(save_project, dict(name="光谷芯片二期"))
    page = visits_page(main_window, qtbot)
    dialog = open_dialog(page, qtbot, main_window)
    dialog.contacts.set_items([dict(id=zhang, name="张三")])
    dialog.officers.setText("李明")
    dialog.project.edit.setFocus()
    type_text(qtbot, dialog.project.edit, "芯片")
    qtbot.waitUntil(lambda: dialog.project.suggestion_texts() == ["光谷芯片二期"])  # no "new project" here
    qtbot.keyClick(dialog.project.edit, Qt.Key.Key_Return)
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    [visit_id] = main_window.ctx.profile.read(find_visit_ids, VisitQuery())
    saved = main_window.ctx.profile.read(get_visit, visit_id)
    assert (saved["project_id"], saved["project"]) == (project, "光谷芯片二期")
    page.edit_visit(visit_id)
    edit = page.log_dialog
    qtbot.waitUntil(lambda: edit.project.choice_id == project)
    assert [chip.label.text() for chip in edit.project.chips()] == ["光谷芯片二期"]
    edit.project.clear()  # the link can be taken away again
    edit.save()
    qtbot.waitUntil(lambda: not edit.isVisible())
    assert main_window.ctx.profile.read(get_visit, visit_id)["project_id"] is None
