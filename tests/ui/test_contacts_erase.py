"""The contact screen's "Erase person…": offered only to a headquarters account, and only after the
person's name is typed into a confirmation that says it cannot be undone; plain delete is unchanged."""
from __future__ import annotations

from chushang_desk.models import Contact, OutboxEntry
from chushang_desk.services.erase import is_erased
from chushang_desk.services.sync_status import set_state
from tests.conftest import wait_idle
from tests.ui.helpers import names, seed, type_text



def _select(page, qtbot, name: str) -> str:
    page.table.selectRow(names(page).index(name))
    qtbot.waitUntil(lambda: page.detail.heading.text() == name)
    wait_idle(qtbot, page.window())
    return page.detail.contact_id


def _page(main_window, qtbot, role: str):
    wait_idle(qtbot, main_window)
    main_window.ctx.profile.write(set_state, role=role)  # what sign-in stores from the server's answer
    page = main_window.show_page("ContactsPage")
    seed(main_window)
    qtbot.waitUntil(lambda: len(names(page)) == 4)
    return page


def test_an_officer_is_not_offered_erase(main_window, qtbot):
    page = _page(main_window, qtbot, "officer")
    _select(page, qtbot, "张三")
    assert page.detail.delete_button.isEnabled() and page.detail.delete_button.isVisible()
    assert not page.detail.erase_button.isVisible() and not page.detail.erase_button.isEnabled()


def test_headquarters_erases_after_typing_the_name(main_window, qtbot):
    page = _page(main_window, qtbot, "hq")
    contact_id = _select(page, qtbot, "张三")
    assert page.detail.erase_button.isVisible() and page.detail.erase_button.isEnabled()
    page.detail.erase_button.click()
    dialog = page.erase_dialog
    assert dialog is not None and dialog.isVisible()
    text = " ".join(label.text() for label in dialog.findChildren(type(dialog.prompt)))
    assert "cannot be undone" in text and "every laptop at its next sync" in text
    assert not dialog.erase_button.isEnabled()
    type_text(qtbot, dialog.name_edit, "李四")
    assert not dialog.erase_button.isEnabled()  # another person's name does not confirm
    dialog.name_edit.clear()
    type_text(qtbot, dialog.name_edit, "张三")
    assert dialog.erase_button.isEnabled()
    dialog.erase_button.click()
    profile = main_window.ctx.profile
    qtbot.waitUntil(lambda: profile.read(is_erased, contact_id), timeout=10_000)
    qtbot.waitUntil(lambda: "张三" not in names(page))
    assert page.detail.contact_id is None
    assert profile.read(lambda s: s.query(OutboxEntry).filter_by(row_id=contact_id, op="erase").count()) == 1
    assert profile.read(lambda s: s.get(Contact, contact_id).company) == ""


def test_cancelling_the_erase_changes_nothing(main_window, qtbot):
    page = _page(main_window, qtbot, "hq")
    contact_id = _select(page, qtbot, "李四")
    page.detail.erase_button.click()
    dialog = page.erase_dialog
    type_text(qtbot, dialog.name_edit, "李四")
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    wait_idle(qtbot, main_window)
    assert not main_window.ctx.profile.read(is_erased, contact_id)
    assert "李四" in names(page)
