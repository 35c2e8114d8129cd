"""Every date field of the app, typed into like an officer does: an impossible date (20250230) is named
next to the field, the text stays as typed and nothing is saved; a real date, typed in any of the usual
forms or picked from the calendar, saves."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QTableView
from sqlalchemy import func, select

from chushang_desk.models import Affiliation, Contact, Organization, Referral
from chushang_desk.services import organizations as orgs
from chushang_desk.services.contacts import get_contact, save_contact
from chushang_desk.services.visits import VisitQuery, find_visit_ids, get_visit
from chushang_desk.ui.i18n import install_language
from tests.conftest import wait_idle
from tests.ui.helpers import add_contact, open_dialog, type_text, visits_page

CTRL = Qt.KeyboardModifier.ControlModifier
NO_FEB_30 = "No such date: February 2025 has no day 30"


def retype(qtbot, field, text: str) -> None:
    """Into a field that already holds a date: select it all (as Tab into it does), then type."""
    field.setFocus()
    field.selectAll()
    type_text(qtbot, field, text)


def activate(qtbot, dialog) -> None:
    """Key presses and focus go to the active window."""
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def leave(qtbot, field) -> None:
    qtbot.keyClick(field, Qt.Key.Key_Tab)


def count(window, model) -> int:
    return window.ctx.profile.read(lambda s: s.scalar(select(func.count()).select_from(model)))


def click_save(qtbot, window, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)


# ---------------------------------------------------------------------------------------- the visit dialog


def test_visit_date_20250230_is_refused_next_to_the_field_and_kept(main_window, qtbot):
    zhang = add_contact(main_window, "张三")
    page = visits_page(main_window, qtbot)
    dialog = open_dialog(page, qtbot, main_window)
    dialog.contacts.add_item(dict(id=zhang, name="张三"))
    dialog.officers.setText("李明")
    assert dialog.focusWidget() is dialog.visit_date
    qtbot.keyClicks(dialog.visit_date, "20250230")  # replaces today's date: the field selects all on entry
    assert dialog.visit_date.text() == "20250230"  # not 2025-02-03
    leave(qtbot, dialog.visit_date)
    error = dialog.errors["visit_date"]
    assert error.isVisible() and error.text() == NO_FEB_30

    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return, CTRL)  # Ctrl+Enter: the save is refused
    wait_idle(qtbot, main_window)
    assert dialog.isVisible() and error.isVisible() and error.text() == NO_FEB_30
    assert dialog.visit_date.text() == "20250230"
    assert dialog.focusWidget() is dialog.visit_date
    assert main_window.ctx.profile.read(find_visit_ids, VisitQuery()) == []

    retype(qtbot, dialog.visit_date, "20250228")
    assert not error.isVisible()  # fixed: the message goes at once
    qtbot.keyClick(dialog.visit_date, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    [visit_id] = main_window.ctx.profile.read(find_visit_ids, VisitQuery())
    assert main_window.ctx.profile.read(get_visit, visit_id)["visit_date"] == date(2025, 2, 28)


def test_next_contact_and_follow_up_dates_are_refused_on_save(main_window, qtbot):
    zhang = add_contact(main_window, "张三")
    page = visits_page(main_window, qtbot)
    dialog = open_dialog(page, qtbot, main_window)
    dialog.contacts.add_item(dict(id=zhang, name="张三"))
    dialog.officers.setText("李明")
    qtbot.keyClicks(dialog.visit_date, "2025-02-01")
    dialog.next_contact.setFocus()
    qtbot.keyClicks(dialog.next_contact, "2025-13-01")
    row = dialog.follow_ups.add_row(focus=True)
    type_text(qtbot, row.task, "寄送园区资料")
    retype(qtbot, row.due, "2025-02-29")  # 2025 is no leap year
    qtbot.keyClick(row.due, Qt.Key.Key_Return, CTRL)  # saved straight from the field, never left
    wait_idle(qtbot, main_window)
    assert dialog.isVisible()
    assert dialog.errors["next_contact_date"].text() == "No such date: there is no month 13"
    assert dialog.errors["follow_ups"].isVisible()
    assert dialog.errors["follow_ups"].text() == "Follow-up 1, due date: No such date: February 2025 has no day 29"
    assert (dialog.next_contact.text(), row.due.text()) == ("2025-13-01", "2025-02-29")
    assert main_window.ctx.profile.read(find_visit_ids, VisitQuery()) == []

    retype(qtbot, dialog.next_contact, "2025/3/1")
    retype(qtbot, row.due, "２０２５０２２８")  # full-width digits, as a Chinese input method gives them
    leave(qtbot, row.due)
    assert not dialog.errors["follow_ups"].isVisible()
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    [visit_id] = main_window.ctx.profile.read(find_visit_ids, VisitQuery())
    visit = main_window.ctx.profile.read(get_visit, visit_id)
    assert visit["next_contact_date"] == date(2025, 3, 1)
    assert [f["due_date"] for f in visit["follow_ups"]] == [date(2025, 2, 28)]


@pytest.mark.parametrize("typed", ["2025-02-28", "2025/2/28", "20250228", "2025.2.28", "２０２５－０２－２８"])
def test_the_usual_forms_are_dates(main_window, qtbot, typed):
    page = visits_page(main_window, qtbot)
    dialog = open_dialog(page, qtbot, main_window)
    type_text(qtbot, dialog.visit_date, typed)
    leave(qtbot, dialog.visit_date)
    assert dialog.visit_date.value() == date(2025, 2, 28) and dialog.visit_date.text() == typed
    assert not dialog.errors["visit_date"].isVisible()


def test_the_message_is_in_the_interface_language(main_window, qtbot):
    page = visits_page(main_window, qtbot)
    dialog = open_dialog(page, qtbot, main_window)
    install_language(QApplication.instance(), "zh_CN")
    try:
        qtbot.keyClicks(dialog.visit_date, "20250230")
        leave(qtbot, dialog.visit_date)
        assert dialog.errors["visit_date"].text() == "日期不存在：2025年2月没有30日"
    finally:
        install_language(QApplication.instance(), "en")


def test_the_calendar_picks_a_date(main_window, qtbot):
    page = visits_page(main_window, qtbot)
    dialog = open_dialog(page, qtbot, main_window)
    qtbot.keyClicks(dialog.visit_date, "20250230")
    leave(qtbot, dialog.visit_date)
    dialog.visit_date.setFocus()
    qtbot.keyClick(dialog.visit_date, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = dialog.visit_date.calendar
    qtbot.waitUntil(calendar.isVisible)
    assert calendar.selectedDate().toPython() == date.today()  # the typed text is no date: today
    view = calendar.findChild(QTableView)
    qtbot.keyClick(view, Qt.Key.Key_Right)  # the next day
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert not calendar.isVisible()
    tomorrow = date.today() + timedelta(days=1)
    assert dialog.visit_date.text() == tomorrow.isoformat() and dialog.visit_date.value() == tomorrow
    assert not dialog.errors["visit_date"].isVisible()
    # Opened on a typed date, the calendar shows that date.
    retype(qtbot, dialog.visit_date, "2024/2/29")
    dialog.visit_date.calendar_action.trigger()
    qtbot.waitUntil(calendar.isVisible)
    assert calendar.selectedDate().toPython() == date(2024, 2, 29)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not calendar.isVisible() and dialog.visit_date.text() == "2024/2/29"


def test_arrows_step_and_ctrl_delete_empties(main_window, qtbot):
    page = visits_page(main_window, qtbot)
    dialog = open_dialog(page, qtbot, main_window)
    qtbot.keyClicks(dialog.visit_date, "20250228")
    qtbot.keyClick(dialog.visit_date, Qt.Key.Key_Up)
    assert dialog.visit_date.value() == date(2025, 3, 1)  # the day after, not 2025-02-29
    qtbot.keyClick(dialog.visit_date, Qt.Key.Key_Delete, CTRL)
    assert dialog.visit_date.text() == "" and dialog.visit_date.value() is None


# ---------------------------------------------------------------------------------------- the other dialogs


def test_referral_date(main_window, qtbot):
    profile = main_window.ctx.profile
    wang = profile.write(save_contact, dict(name="王海峰", is_merchant=True, is_ambassador=True,
                                            ambassador_since="2024-01-01"))
    li = profile.write(save_contact, dict(name="李明", is_merchant=True))
    wait_idle(qtbot, main_window)
    page = main_window.show_page("ReferralsPage")
    wait_idle(qtbot, main_window)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    activate(qtbot, dialog)
    dialog.ambassador.set_choice(wang, "王海峰")
    dialog.referred_contact.set_choice(li, "李明")
    retype(qtbot, dialog.referred_on, "20250230")
    leave(qtbot, dialog.referred_on)
    assert dialog.form.error_text("referred_on") == NO_FEB_30
    click_save(qtbot, main_window, dialog)
    assert dialog.isVisible() and dialog.form.error_text("referred_on") == NO_FEB_30
    assert dialog.referred_on.text() == "20250230" and count(main_window, Referral) == 0

    retype(qtbot, dialog.referred_on, "2025.2.28")
    click_save(qtbot, main_window, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert profile.read(lambda s: s.scalars(select(Referral.referred_on)).all()) == [date(2025, 2, 28)]


def test_organization_founded_on(main_window, qtbot):
    wait_idle(qtbot, main_window)
    page = main_window.show_page("OrganizationsPage")
    wait_idle(qtbot, main_window)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    activate(qtbot, dialog)
    type_text(qtbot, dialog.name, "上海湖北商会")
    dialog.founded_on.setFocus()
    qtbot.keyClicks(dialog.founded_on, "20250230")
    leave(qtbot, dialog.founded_on)
    assert dialog.form.error_text("founded_on") == NO_FEB_30
    click_save(qtbot, main_window, dialog)
    assert dialog.isVisible() and dialog.form.error_text("founded_on") == NO_FEB_30
    assert dialog.founded_on.text() == "20250230" and count(main_window, Organization) == 0

    retype(qtbot, dialog.founded_on, "20250228")
    click_save(qtbot, main_window, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    [org_id] = main_window.ctx.profile.read(orgs.find_organization_ids, orgs.OrganizationQuery())
    assert main_window.ctx.profile.read(orgs.get_organization, org_id)["founded_on"] == date(2025, 2, 28)


def test_member_since(main_window, qtbot):
    profile = main_window.ctx.profile
    org_id = profile.write(orgs.save_organization, dict(name="上海湖北商会", kind="chamber"))
    zhang = profile.write(save_contact, dict(name="张三丰", is_merchant=True))
    wait_idle(qtbot, main_window)
    page = main_window.show_page("OrganizationsPage")
    wait_idle(qtbot, main_window)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.detail.detail is not None)
    qtbot.mouseClick(page.detail.add_button, Qt.MouseButton.LeftButton)
    dialog = page.member_dialog
    activate(qtbot, dialog)
    dialog.contact.set_choice(zhang, "张三丰")
    dialog.since.setFocus()
    qtbot.keyClicks(dialog.since, "20250230")
    leave(qtbot, dialog.since)
    assert dialog.form.error_text("since") == NO_FEB_30
    click_save(qtbot, main_window, dialog)
    assert dialog.isVisible() and dialog.since.text() == "20250230" and count(main_window, Affiliation) == 0

    retype(qtbot, dialog.since, "2025/2/28")
    click_save(qtbot, main_window, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert profile.read(lambda s: s.scalars(select(Affiliation.since).where(
        Affiliation.organization_id == org_id)).all()) == [date(2025, 2, 28)]


def test_ambassador_since(main_window, qtbot):
    wait_idle(qtbot, main_window)
    page = main_window.show_page("ContactsPage")
    wait_idle(qtbot, main_window)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(page, "dialog", None) is not None and page.dialog.isVisible())
    dialog = page.dialog
    activate(qtbot, dialog)
    type_text(qtbot, dialog.fields["name"], "孙七")
    qtbot.mouseClick(dialog.kind_boxes["merchant"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.is_ambassador, Qt.MouseButton.LeftButton)
    field = dialog.fields["ambassador_since"]
    field.setFocus()
    qtbot.keyClicks(field, "20250230")
    leave(qtbot, field)
    assert dialog.errors["ambassador_since"].isVisible()
    assert dialog.errors["ambassador_since"].text() == NO_FEB_30
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, main_window)
    assert dialog.isVisible() and dialog.errors["ambassador_since"].text() == NO_FEB_30
    assert field.text() == "20250230"
    assert count(main_window, Contact) == 0
    retype(qtbot, field, "20250228")
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert main_window.ctx.profile.read(get_contact, saved.args[0])["ambassador_since"] == date(2025, 2, 28)


# ---------------------------------------------------------------------------------------- the visit list


def test_visit_list_dates_refuse_an_impossible_day_and_the_export_waits(main_window, qtbot, monkeypatch):
    asked = []  # Qt's own file dialog, so no window blocks the test if the export went ahead
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: asked.append(args) or ("", ""))
    page = visits_page(main_window, qtbot)
    page.date_from.setFocus()
    qtbot.keyClicks(page.date_from, "20250230")
    leave(qtbot, page.date_from)
    assert page.date_error.isVisible() and page.date_error.text() == NO_FEB_30
    assert page.date_from.text() == "20250230"
    page.export_button.click()
    assert asked == []  # not taken for "from the beginning"
    assert page.focusWidget() is page.date_from

    retype(qtbot, page.date_from, "20250201")
    assert not page.date_error.isVisible()
    assert page.query().date_from == date(2025, 2, 1)
    page.export_button.click()
    assert len(asked) == 1
