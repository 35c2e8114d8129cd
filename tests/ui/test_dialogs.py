"""Every dialog the same way (issue 8): Ctrl+Enter saves, Esc asks before throwing typing away, the focus
comes back where it was, closing the window asks too; and a visit is logged for the selected contact
with one shortcut, a single search hit is selected, the focused button wears a ring."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from chushang_desk.models import Contact, Organization
from chushang_desk.services.contacts import save_contact
from chushang_desk.services.organizations import save_organization
from chushang_desk.ui.organizations.dialogs import AffiliationDialog, OrganizationDialog
from chushang_desk.ui.referrals.dialog import ReferralDialog
from chushang_desk.ui.settings_dialog import SettingsDialog
from chushang_desk.ui.widgets.focus_ring import FocusRing
from tests.conftest import wait_idle
from tests.support.dialogs import answer, is_closed, open_question
from tests.ui.helpers import names, search, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


def contacts_page(window, qtbot, people=("张三", "李四", "王五")):
    wait_idle(qtbot, window)
    page = window.show_page("ContactsPage")
    window.ctx.profile.write(lambda s: [save_contact(s, dict(name=n, is_merchant=True)) for n in people])
    window.ctx.data_changed.emit(frozenset({"contact"}))
    qtbot.waitUntil(lambda: len(names(page)) == len(people))
    activate(qtbot, window)
    return page


def activate(qtbot, window):
    """Key presses go to the active window."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def select_contact(qtbot, page, name):
    page.table.selectRow(names(page).index(name))
    qtbot.waitUntil(lambda: page.detail.heading.text() == name)
    return page.detail.contact_id


def visit_dialog(qtbot, window):
    """The Log a visit dialog the request opened, with its prefilled contacts read."""
    qtbot.waitUntil(lambda: type(window.stack.currentWidget()).__name__ == "VisitsPage")
    page = window.stack.currentWidget()
    qtbot.waitUntil(lambda: page.log_dialog is not None and page.log_dialog.isVisible())
    wait_idle(qtbot, window)
    return page.log_dialog


# --- Log a visit for the selected person -------------------------------------------------------------


def test_the_shortcut_in_the_contact_list_logs_a_visit_with_the_selected_person(main_window, qtbot):
    page = contacts_page(main_window, qtbot)
    li = select_contact(qtbot, page, "李四")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_V, CTRL_SHIFT)
    dialog = visit_dialog(qtbot, main_window)
    assert dialog.contacts.ids() == [li]


def test_the_shortcut_in_the_contact_pane_logs_a_visit_with_that_person(main_window, qtbot):
    page = contacts_page(main_window, qtbot)
    wang = select_contact(qtbot, page, "王五")
    assert "Ctrl+Shift+V" in page.detail.log_visit_button.toolTip()
    page.detail.edit_button.setFocus()
    qtbot.keyClick(page.detail.edit_button, Qt.Key.Key_V, CTRL_SHIFT)
    dialog = visit_dialog(qtbot, main_window)
    assert dialog.contacts.ids() == [wang]


def test_the_shortcut_takes_a_row_selected_before_its_detail_arrived(main_window, qtbot):
    page = contacts_page(main_window, qtbot)
    page.table.setFocus()
    page.table.selectRow(names(page).index("张三"))  # the detail waits for the arrow keys to stop
    zhang = page.model.contact_id(names(page).index("张三"))
    qtbot.keyClick(page.table, Qt.Key.Key_V, CTRL_SHIFT)
    assert visit_dialog(qtbot, main_window).contacts.ids() == [zhang]


def test_the_visit_screens_button_takes_the_person_selected_in_contacts(main_window, qtbot):
    page = contacts_page(main_window, qtbot)
    li = select_contact(qtbot, page, "李四")
    visits = main_window.show_page("VisitsPage")
    wait_idle(qtbot, main_window)
    qtbot.mouseClick(visits.log_button, Qt.MouseButton.LeftButton)
    dialog = visit_dialog(qtbot, main_window)
    assert dialog.contacts.ids() == [li]
    assert not dialog.is_dirty(), "the prefilled person is not something the officer typed"


def test_the_visit_screens_button_without_a_contact_selected_starts_empty(main_window, qtbot):
    wait_idle(qtbot, main_window)
    visits = main_window.show_page("VisitsPage")
    wait_idle(qtbot, main_window)
    qtbot.mouseClick(visits.log_button, Qt.MouseButton.LeftButton)
    assert visit_dialog(qtbot, main_window).contacts.ids() == []


# --- A single search hit -----------------------------------------------------------------------------


def test_a_single_search_hit_is_selected_and_shown_while_typing_goes_on(main_window, qtbot):
    page = contacts_page(main_window, qtbot)
    page.focus_search()
    search(qtbot, page, "lisi")
    qtbot.waitUntil(lambda: names(page) == ["李四"])
    qtbot.waitUntil(lambda: page.detail.heading.text() == "李四")
    assert page.table.selectionModel().isRowSelected(0)
    assert page.filters.search.hasFocus(), "the search box keeps the focus"
    search(qtbot, page, "zhang")  # the next single hit replaces it
    qtbot.waitUntil(lambda: page.detail.heading.text() == "张三")


def test_several_hits_select_nothing_new(main_window, qtbot):
    page = contacts_page(main_window, qtbot, people=("张三", "张伟", "李四"))
    search(qtbot, page, "zhang")
    qtbot.waitUntil(lambda: names(page) == ["张三", "张伟"] or names(page) == ["张伟", "张三"])
    wait_idle(qtbot, main_window)
    assert not page.table.selectionModel().hasSelection()
    assert page.detail.contact_id is None


# --- Every editing dialog: Esc asks, Ctrl+Enter saves ------------------------------------------------


def open_contact_dialog(window, qtbot):
    page = contacts_page(window, qtbot, people=())
    page.new_contact()
    return page.dialog, page.dialog.fields["name"]


def open_visit_dialog(window, qtbot):
    wait_idle(qtbot, window)
    page = window.show_page("VisitsPage")
    page.log_visit()
    return page.log_dialog, page.log_dialog.place


def open_organization_dialog(window, qtbot):
    wait_idle(qtbot, window)
    dialog = OrganizationDialog(window.ctx, None, window)
    dialog.open()
    return dialog, dialog.name


def open_member_dialog(window, qtbot):
    org = window.ctx.profile.write(save_organization, dict(name="杭州湖北商会", kind="chamber"))
    wait_idle(qtbot, window)
    dialog = AffiliationDialog(window.ctx, org, None, window)
    dialog.open()
    return dialog, dialog.since


def open_referral_dialog(window, qtbot):
    wait_idle(qtbot, window)
    dialog = ReferralDialog(window.ctx, None, window)
    dialog.open()
    return dialog, dialog.project.edit


def open_settings_dialog(window, qtbot):
    wait_idle(qtbot, window)
    dialog = SettingsDialog(window.ctx, window)
    dialog.open()
    wait_idle(qtbot, window)  # the stored CA file is read in the background
    return dialog, dialog.officer


def open_sign_in_dialog(window, qtbot):
    wait_idle(qtbot, window)
    window.sync.sign_in_action.trigger()
    return window.sync.dialog, window.sync.dialog.user


DIALOGS = {"contact": open_contact_dialog, "visit": open_visit_dialog, "organization": open_organization_dialog,
           "member": open_member_dialog, "referral": open_referral_dialog, "settings": open_settings_dialog,
           "sign in": open_sign_in_dialog}


def shown(qtbot, opened):
    dialog, field = opened
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    field.setFocus()
    return dialog, field


@pytest.mark.parametrize("which", DIALOGS)
def test_escape_with_typed_text_asks_and_keep_editing_keeps_it(main_window, qtbot, which):
    dialog, field = shown(qtbot, DIALOGS[which](main_window, qtbot))
    type_text(qtbot, field, "abc")
    typed = field.text()
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    answer(qtbot, "Keep editing")
    assert dialog.isVisible() and field.text() == typed
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)
    answer(qtbot, "Discard")
    assert not dialog.isVisible()


@pytest.mark.parametrize("which", DIALOGS)
def test_the_close_button_with_typed_text_asks_too(main_window, qtbot, which):
    dialog, field = shown(qtbot, DIALOGS[which](main_window, qtbot))
    type_text(qtbot, field, "abc")
    dialog.close()  # what the title bar's close button does
    answer(qtbot, "Keep editing")
    assert dialog.isVisible()
    dialog.close()
    answer(qtbot, "Discard")
    assert not dialog.isVisible()


@pytest.mark.parametrize("which", DIALOGS)
def test_escape_without_typing_closes_at_once(main_window, qtbot, which):
    dialog, field = shown(qtbot, DIALOGS[which](main_window, qtbot))
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and open_question() is None


def test_the_question_is_in_the_officers_language(qtbot, data_dir):
    from chushang_desk.ui.app import build_main_window
    from tests.support.dialogs import discard_open_dialogs

    window = build_main_window(data_dir, "zh_CN")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.ctx.profile is not None, timeout=15_000)
    try:
        dialog, field = shown(qtbot, open_contact_dialog(window, qtbot))
        type_text(qtbot, field, "张三")
        qtbot.keyClick(field, Qt.Key.Key_Escape)
        assert answer(qtbot, "继续编辑") == "放弃已填写的联系人信息？"
        assert dialog.isVisible()
        qtbot.keyClick(field, Qt.Key.Key_Escape)
        assert {b.text() for b in open_question().buttons()} == {"放弃", "继续编辑"}
        answer(qtbot, "放弃")
        assert not dialog.isVisible()
    finally:
        discard_open_dialogs(window)
        window.close()


def press_ctrl_enter(qtbot, widget, key=Qt.Key.Key_Return):
    qtbot.keyClick(widget, key, CTRL)


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_ctrl_enter_saves_a_contact_also_from_the_notes(main_window, qtbot, key):
    dialog, field = shown(qtbot, open_contact_dialog(main_window, qtbot))
    type_text(qtbot, field, "张三")
    dialog.kind_boxes["merchant"].setChecked(True)
    dialog.notes.setFocus()
    type_text(qtbot, dialog.notes, "见过两次")
    press_ctrl_enter(qtbot, dialog.notes, key)
    qtbot.waitUntil(lambda: is_closed(dialog))
    saved = main_window.ctx.profile.read(lambda s: [(c.name, c.notes) for c in s.scalars(select(Contact))])
    assert saved == [("张三", "见过两次")], "saved once, the notes without a line break"


def test_ctrl_enter_saves_a_visit(main_window, qtbot):
    zhang = main_window.ctx.profile.write(save_contact, dict(name="张三", is_merchant=True))
    dialog, field = shown(qtbot, open_visit_dialog(main_window, qtbot))
    dialog.contacts.add_item(dict(id=zhang, name="张三"))
    dialog.officers.setText("李明")
    type_text(qtbot, dialog.purpose, "回访")
    dialog.summary.setFocus()
    type_text(qtbot, dialog.summary, "谈了项目")
    press_ctrl_enter(qtbot, dialog.summary)
    qtbot.waitUntil(lambda: is_closed(dialog))
    assert dialog.visit_id is not None


def test_ctrl_enter_saves_an_organization(main_window, qtbot):
    dialog, field = shown(qtbot, open_organization_dialog(main_window, qtbot))
    type_text(qtbot, field, "上海湖北商会")
    press_ctrl_enter(qtbot, field)
    qtbot.waitUntil(lambda: is_closed(dialog))
    assert main_window.ctx.profile.read(lambda s: s.scalars(select(Organization.name)).all()) == ["上海湖北商会"]


@pytest.mark.parametrize("which, error_of", [
    ("member", lambda d: d.form.error_text("contact_id")),
    ("referral", lambda d: d.form.error_text("project_id")),  # typed, not chosen from the list
    ("sign in", lambda d: d.error.text() if d.error.isVisible() else ""),
])
def test_ctrl_enter_saves_and_a_refused_save_keeps_the_dialog_open(main_window, qtbot, which, error_of):
    dialog, field = shown(qtbot, DIALOGS[which](main_window, qtbot))
    type_text(qtbot, field, "abc")
    press_ctrl_enter(qtbot, field)
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(lambda: error_of(dialog) != "")
    assert dialog.isVisible() and field.text() == "abc"


def test_ctrl_enter_saves_the_settings(main_window, qtbot):
    dialog, field = shown(qtbot, open_settings_dialog(main_window, qtbot))
    field.clear()
    type_text(qtbot, field, "Li Ming")
    press_ctrl_enter(qtbot, field)
    qtbot.waitUntil(lambda: is_closed(dialog))
    assert main_window.ctx.officer == "Li Ming"


def test_ctrl_enter_while_a_save_runs_does_not_save_twice(main_window, qtbot):
    dialog, field = shown(qtbot, open_contact_dialog(main_window, qtbot))
    type_text(qtbot, field, "张三")
    dialog.kind_boxes["merchant"].setChecked(True)
    press_ctrl_enter(qtbot, field)
    press_ctrl_enter(qtbot, field)  # before the database thread answered
    qtbot.waitUntil(lambda: is_closed(dialog))
    wait_idle(qtbot, main_window)
    assert main_window.ctx.profile.read(lambda s: s.scalars(select(Contact.name)).all()) == ["张三"]


# --- Focus after a dialog; closing the window ------------------------------------------------------------


def test_focus_returns_to_the_contact_list_after_a_dialog(main_window, qtbot):
    page = contacts_page(main_window, qtbot)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL)
    dialog, _field = shown(qtbot, (page.dialog, page.dialog.fields["name"]))
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main_window)
    qtbot.waitUntil(page.table.hasFocus)


def test_focus_returns_to_the_pane_button_after_the_edit_dialog_saved(main_window, qtbot):
    page = contacts_page(main_window, qtbot)
    select_contact(qtbot, page, "王五")
    page.detail.edit_button.setFocus()
    qtbot.keyClick(page.detail.edit_button, Qt.Key.Key_Space)  # presses the focused button
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog, field = shown(qtbot, (page.dialog, page.dialog.fields["company"]))
    type_text(qtbot, field, "光谷投资")
    press_ctrl_enter(qtbot, field)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main_window)
    qtbot.waitUntil(page.detail.edit_button.hasFocus)


def test_focus_returns_after_a_question_too(main_window, qtbot):
    from chushang_desk.ui.widgets.form import confirm

    page = contacts_page(main_window, qtbot)
    page.filters.search.setFocus()
    confirm(page, "Delete", "Delete it?", lambda: None)
    answer(qtbot, "&No")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main_window)
    qtbot.waitUntil(page.filters.search.hasFocus)


def test_closing_the_window_with_typed_text_in_a_dialog_asks(main_window, qtbot):
    dialog, field = shown(qtbot, open_visit_dialog(main_window, qtbot))
    type_text(qtbot, field, "上海")
    main_window.close()
    assert "Close Chushang Desk?" in answer(qtbot, "Keep editing")
    assert main_window.isVisible() and dialog.isVisible() and field.text() == "上海"
    assert main_window.ctx.profile is not None and not main_window.ctx.runner.busy
    main_window.close()
    answer(qtbot, "Discard")
    qtbot.waitUntil(lambda: not main_window.isVisible())
    assert not dialog.isVisible()


def test_closing_the_window_with_an_untouched_dialog_just_closes(main_window, qtbot):
    dialog, _field = shown(qtbot, open_visit_dialog(main_window, qtbot))
    main_window.close()
    assert not main_window.isVisible() and open_question() is None


# --- The focus ring ------------------------------------------------------------------------------------


def test_the_focused_button_wears_a_ring_and_a_line_edit_does_not(main_window, qtbot):
    page = contacts_page(main_window, qtbot)
    select_contact(qtbot, page, "李四")
    ring = QApplication.instance().findChild(FocusRing, "focusRing")
    button = page.detail.log_visit_button
    button.setFocus()  # as after a click or a dialog: no Tab pressed in this window
    qtbot.waitUntil(lambda: ring.widget() is button)
    frame = ring.frame
    inner = QRect(button.mapTo(frame.parentWidget(), QPoint(0, 0)), button.size())
    assert frame.isVisible() and frame.geometry().contains(inner) and frame.geometry() != inner, \
        "the ring is drawn round the button, outside it"
    page.filters.search.setFocus()
    qtbot.waitUntil(lambda: ring.widget() is None)
