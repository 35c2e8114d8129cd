"""Merging duplicates from the contact's page (issue 10, item 5): the other picked by typing, a value
chosen where they differ, the merge written and shown, and undone from the same page."""
from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from chushang_desk.models import Contact
from chushang_desk.services.contacts import save_contact
from tests.conftest import wait_idle
from tests.ui.helpers import type_text


def live(window) -> dict[str, str]:
    return window.ctx.profile.read(lambda s: {c.name: c.company for c in s.scalars(
        select(Contact).where(Contact.deleted_at.is_(None)))})


def test_an_officer_merges_a_duplicate_choosing_the_company_and_undoes_it(main_window, qtbot):
    profile = main_window.ctx.profile
    zhang = profile.write(save_contact, dict(name="张伟", is_merchant=True, company="华为", phones="13800138000"))
    twin = profile.write(save_contact, dict(name="張偉", is_alumnus=True, company="华为技术有限公司",
                                            email="zw@example.cn"))
    page = main_window.show_page("ContactsPage")
    wait_idle(qtbot, main_window)
    page.show_contact(zhang)
    qtbot.waitUntil(lambda: page.detail.contact_id == zhang and page.detail.merge_button.isEnabled())
    qtbot.mouseClick(page.detail.merge_button, Qt.MouseButton.LeftButton)
    dialog = page.merge_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.merge_button.isEnabled()  # nobody picked yet
    dialog.picker.edit.setFocus()
    type_text(qtbot, dialog.picker.edit, "zw@example.cn")  # the other one, by its e-mail
    qtbot.waitUntil(lambda: dialog.picker.suggestions.count() > 0, timeout=5000)
    qtbot.keyClick(dialog.picker.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(dialog.candidates) == 2, timeout=5000)
    company = dialog.groups["company"]
    assert company.checkedId() == 0  # the kept contact's own value first
    company.button(1).click()  # the officer prefers the full company name
    assert dialog.groups["email"].checkedId() == 1  # what the kept one lacks comes from the other
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert live(main_window) == {"张伟": "华为技术有限公司"}
    qtbot.waitUntil(lambda: page.detail.undo_merge_button.isVisible())
    assert "Merged into this contact" in page.detail.body.toPlainText()
    qtbot.mouseClick(page.detail.undo_merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: live(main_window) == {"张伟": "华为", "張偉": "华为技术有限公司"})
    qtbot.waitUntil(lambda: not page.detail.undo_merge_button.isVisible())
    assert twin in live_ids(main_window)


def live_ids(window) -> set[str]:
    return set(window.ctx.profile.read(lambda s: s.scalars(select(Contact.id).where(Contact.deleted_at.is_(None))).all()))
