"""Creating, editing and deleting contacts through the screen, checked in the table and the database."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from chushang_desk.models import Contact, OutboxEntry
from chushang_desk.services.contacts import ContactQuery, find_contact_ids, get_contact
from tests.conftest import wait_idle
from tests.ui.helpers import names, open_new_dialog, type_text


def test_create_a_contact_by_typing_and_clicking(page, qtbot, main_window):
    dialog = open_new_dialog(qtbot, page)
    type_text(qtbot, dialog.fields["name"], "孙七")
    qtbot.mouseClick(dialog.kind_boxes["merchant"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.is_ambassador, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.fields["ambassador_since"], "2025-03-14")
    type_text(qtbot, dialog.fields["company"], "江城智造")
    qtbot.keyClicks(dialog.phones, "13900001111")
    qtbot.keyClick(dialog.phones, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.phones, "+81 3-1234-5678")
    qtbot.keyClicks(dialog.fields["email"], "sun7@example.com")
    dialog.fields["industry"].setCurrentIndex(dialog.fields["industry"].findData("auto"))
    dialog.fields["native_prefecture"].setCurrentIndex(dialog.fields["native_prefecture"].findData("yichang"))
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    contact_id = saved.args[0]
    qtbot.waitUntil(lambda: "孙七" in names(page))
    qtbot.waitUntil(lambda: page.detail.heading.text() == "孙七")
    assert page.dialog is None  # closed (and deleted) after the save
    stored = main_window.ctx.profile.read(get_contact, contact_id)
    assert stored["company"] == "江城智造"
    assert stored["phones"] == ["+8613900001111", "+81312345678"]
    assert stored["is_ambassador"] and stored["ambassador_since"].isoformat() == "2025-03-14"
    assert stored["industry"] == "auto" and stored["native_prefecture"] == "yichang"
    assert main_window.ctx.profile.read(find_contact_ids, ContactQuery(text="sunqi")) == [contact_id]
    # The new contact is the selected row.
    assert page.model.contact_id(page.table.currentIndex().row()) == contact_id


def test_a_bad_phone_is_shown_next_to_the_field_and_nothing_is_saved(page, qtbot, main_window):
    dialog = open_new_dialog(qtbot, page)
    type_text(qtbot, dialog.fields["name"], "周八")
    qtbot.mouseClick(dialog.kind_boxes["alumnus"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.phones, "12345")
    qtbot.keyClicks(dialog.fields["email"], "not-an-address")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    error = dialog.errors["phones"]
    qtbot.waitUntil(lambda: error.isVisible())
    assert error.text() == "Not a valid phone number: 12345"
    assert dialog.errors["email"].text() == "Not a valid e-mail address"
    assert not dialog.errors["name"].isVisible()
    # The message sits right under the phone field, inside the same form row.
    assert error.parentWidget() is dialog.phones.parentWidget()
    assert error.mapTo(dialog, error.rect().topLeft()).y() > dialog.phones.mapTo(dialog, dialog.phones.rect().bottomLeft()).y()
    assert dialog.isVisible()
    assert dialog.fields["name"].text() == "周八"
    assert dialog.phones.toPlainText() == "12345"
    assert dialog.kind_boxes["alumnus"].isChecked()
    assert main_window.ctx.profile.read(find_contact_ids, ContactQuery(text="周八")) == []
    # Fixing the field and saving again works, and the message goes away.
    dialog.phones.setPlainText("027-8765 0000")  # (4321 is 王五's: a duplicate)
    dialog.fields["email"].clear()
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "周八" in names(page))


def test_required_fields_and_the_ambassador_date_are_checked(page, qtbot, main_window):
    dialog = open_new_dialog(qtbot, page)
    qtbot.mouseClick(dialog.is_ambassador, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["name"].isVisible())
    assert dialog.errors["name"].text() == "Required"
    assert dialog.errors["kinds"].text() == "Choose at least one kind (merchant, alumnus, talent)"
    assert dialog.errors["ambassador_since"].text() == "An ambassador needs the date appointed"
    assert dialog.isVisible()
    dialog.reject()


def test_messages_are_in_the_users_language(page, qtbot, main_window):
    main_window.ctx.lang = "zh_CN"
    dialog = open_new_dialog(qtbot, page)
    qtbot.keyClicks(dialog.phones, "12345")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["phones"].isVisible())
    assert dialog.errors["phones"].text() == "无法识别的电话号码：12345"
    assert dialog.errors["name"].text() == "必填"
    dialog.reject()


def select_contact(qtbot, page, name: str) -> str:
    row = names(page).index(name)
    page.table.selectRow(row)
    qtbot.waitUntil(lambda: page.detail.heading.text() == name and page.edit_button_ready())
    return page.detail.contact_id


@pytest.fixture(autouse=True)
def _ready_helper(page):
    page.edit_button_ready = lambda: page.detail.edit_button.isEnabled()


def test_edit_a_contact(page, qtbot, main_window):
    contact_id = select_contact(qtbot, page, "李四")
    qtbot.mouseClick(page.detail.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog.isVisible())
    dialog = page.dialog
    assert dialog.fields["name"].text() == "李四"
    assert dialog.phones.toPlainText() == "+1 415-555-0123"
    assert dialog.fields["university"].currentText() == "Wuhan University"
    dialog.fields["company"].clear()
    type_text(qtbot, dialog.fields["company"], "东湖资本")
    qtbot.mouseClick(dialog.is_key, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    row = lambda: names(page).index("李四")  # noqa: E731
    qtbot.waitUntil(lambda: page.model.data(page.model.index(row(), 3)) == "东湖资本")
    assert page.model.data(page.model.index(row(), 2)) == "★ Key"
    stored = main_window.ctx.profile.read(get_contact, contact_id)
    assert stored["company"] == "东湖资本" and stored["is_key"]
    assert stored["university"] == "whu" and stored["phones"] == ["+14155550123"]
    qtbot.waitUntil(lambda: "东湖资本" in page.detail.body.toPlainText())


def test_delete_asks_first_then_tombstones_with_an_outbox_entry(page, qtbot, main_window, monkeypatch):
    contact_id = select_contact(qtbot, page, "王五")
    asked = []

    def answer(reply):
        def question(parent, title, text, *args):
            asked.append(text)
            return reply
        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    qtbot.mouseClick(page.detail.delete_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, main_window)
    assert "王五" in asked[0] and "王五" in names(page)
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(page.detail.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "王五" not in names(page))
    assert len(asked) == 2
    assert page.detail.contact_id is None and page.count_label.text() == "3 contacts"

    def stored(session):
        contact = session.get(Contact, contact_id)
        ops = session.scalars(select(OutboxEntry.op).where(OutboxEntry.row_id == contact_id)
                              .order_by(OutboxEntry.mid)).all()
        return contact.deleted_at, ops

    deleted_at, ops = main_window.ctx.profile.read(stored)
    assert deleted_at is not None
    assert ops[-1] == "delete"


def test_double_click_edits_that_row(page, qtbot):
    row = names(page).index("赵六")
    rect = page.table.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    assert page.dialog.fields["name"].text() == "赵六"
    page.dialog.reject()


def test_delete_key_in_the_table_asks_too(page, qtbot, main_window, monkeypatch):
    select_contact(qtbot, page, "赵六")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.No)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert asked and "赵六" in asked[0]
    assert "赵六" in names(page)


def test_a_new_contact_already_in_the_directory_is_asked_about_first(page, qtbot, main_window):
    dialog = open_new_dialog(qtbot, page)
    type_text(qtbot, dialog.fields["name"], "张小三")
    qtbot.mouseClick(dialog.kind_boxes["merchant"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.phones, "+86 138 1234 5678")  # 张三's mobile, written another way
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(dialog, "duplicate_box", None) is not None and dialog.duplicate_box.isVisible())
    box = dialog.duplicate_box
    assert "张三（楚天科技有限公司）\n   the same mobile 138 1234 5678" in box.text()
    keep = next(b for b in box.buttons() if b.text() == "Keep editing")
    assert box.defaultButton() is keep
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, main_window)
    assert dialog.isVisible() and len(names(page)) == 4  # nothing saved, what was typed still there
    assert dialog.fields["name"].text() == "张小三"

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.duplicate_box is not box and dialog.duplicate_box.isVisible())
    save_new = next(b for b in dialog.duplicate_box.buttons() if b.text() == "Save as a new contact")
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(save_new, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(names(page)) == 5)
