"""Encryption as an officer meets it: a canary typed into the app leaves no readable byte under the
profile once the app is closed; the recovery passphrase is set at the first start (typed twice), asked
for when the keyring lacks the key (a wrong one says so), and changed in the settings."""
from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from chushang_desk.services.contacts import ContactQuery, find_contact_ids
from chushang_desk.services.profile import PASSPHRASE_ENV, open_profile
from chushang_desk.ui.app import build_main_window
from chushang_desk.ui.passphrase_dialog import PassphraseDialog
from tests.conftest import wait_idle
from tests.support.canary import CANARY_NAME, CANARY_NOTE, canary_hits
from tests.ui.helpers import names, open_new_dialog, type_text

PASSPHRASE = os.environ[PASSPHRASE_ENV]


def test_canary_typed_into_the_app_is_in_no_byte_under_the_profile(page, qtbot, main_window, data_dir):
    dialog = open_new_dialog(qtbot, page)
    type_text(qtbot, dialog.fields["name"], CANARY_NAME)
    qtbot.mouseClick(dialog.kind_boxes["merchant"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.phones, "13987654321")
    type_text(qtbot, dialog.notes, CANARY_NOTE)
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: CANARY_NAME in names(page))
    type_text(qtbot, page.filters.search, "金丝雀")  # what is searched must not land in ui.ini either
    qtbot.waitUntil(lambda: names(page) == [CANARY_NAME])
    wait_idle(qtbot, main_window)
    main_window.close()
    assert (data_dir / "ui.ini").exists()
    assert canary_hits(data_dir) == []
    reopened = open_profile(data_dir)
    try:
        assert reopened.read(find_contact_ids, ContactQuery(text="13987654321")) == [saved.args[0]]
    finally:
        reopened.close()


class DialogAnswers:
    """Fills each passphrase dialog the app opens (they are modal: answered from a timer)."""

    def __init__(self, *answers: str | None):
        self.answers, self.seen = list(answers), []
        self.timer = QTimer()
        self.timer.timeout.connect(self._answer)
        self.timer.start(20)

    def _answer(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PassphraseDialog) or not self.answers:
            return
        self.seen.append((dialog.purpose, dialog.problem.text()))
        answer = self.answers.pop(0)
        if answer is None:
            dialog.reject()
            return
        dialog.passphrase.setText(answer)
        if dialog.again is not None:
            dialog.again.setText(answer)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()


@pytest.fixture
def no_passphrase_in_env(monkeypatch):
    monkeypatch.delenv(PASSPHRASE_ENV)


def open_window(qtbot, data_dir):
    window = build_main_window(data_dir, "en")
    qtbot.addWidget(window)
    window.show()
    return window


def test_first_start_asks_for_a_recovery_passphrase_twice(qtbot, data_dir, no_passphrase_in_env):
    answers = DialogAnswers("my recovery words")
    window = open_window(qtbot, data_dir)
    qtbot.waitUntil(lambda: window.ctx.profile is not None, timeout=15_000)
    answers.timer.stop()
    assert answers.seen == [("new", "")]
    window.close()
    reopened = open_profile(data_dir, lambda purpose: "my recovery words")
    reopened.close()


def test_the_new_passphrase_must_be_typed_the_same_twice(qtbot):
    dialog = PassphraseDialog("new")
    qtbot.addWidget(dialog)
    dialog.passphrase.setText("my recovery words")
    dialog.again.setText("my recovery wordz")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.value() is None and "differ" in dialog.problem.text()
    dialog.passphrase.setText("short")
    dialog.again.setText("short")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.value() is None and "at least 8" in dialog.problem.text()


def test_without_the_keyring_the_app_asks_and_a_wrong_passphrase_says_so(qtbot, data_dir, no_passphrase_in_env):
    open_profile(data_dir, lambda purpose: PASSPHRASE).close()  # no keyring here (tests/conftest.py)
    answers = DialogAnswers("not the passphrase", PASSPHRASE)
    window = open_window(qtbot, data_dir)
    qtbot.waitUntil(lambda: window.ctx.profile is not None, timeout=15_000)
    answers.timer.stop()
    assert answers.seen[0] == ("unlock", "")
    assert answers.seen[1][0] == "wrong" and "wrong" in answers.seen[1][1]
    window.close()


def test_giving_up_leaves_the_app_locked_with_a_clear_message(qtbot, data_dir, no_passphrase_in_env):
    open_profile(data_dir, lambda purpose: PASSPHRASE).close()
    answers = DialogAnswers(None)
    window = open_window(qtbot, data_dir)
    qtbot.waitUntil(lambda: not answers.answers)
    answers.timer.stop()
    assert window.ctx.profile is None
    assert "could not be opened" in window.statusBar().currentMessage()
    window.close()


def test_settings_change_the_recovery_passphrase(qtbot, main_window, data_dir):
    from chushang_desk.ui.settings_dialog import SettingsDialog

    wait_idle(qtbot, main_window)
    settings = SettingsDialog(main_window.ctx, main_window)
    qtbot.addWidget(settings)
    answers = DialogAnswers("a changed passphrase")
    settings.change_passphrase.click()
    qtbot.waitUntil(lambda: not settings.change_passphrase.isEnabled(), timeout=10_000)
    answers.timer.stop()
    assert answers.seen == [("change", "")]
    main_window.close()
    with pytest.raises(Exception, match="wrong"):
        open_profile(data_dir)  # the old passphrase, from the environment
    open_profile(data_dir, lambda purpose: "a changed passphrase").close()
