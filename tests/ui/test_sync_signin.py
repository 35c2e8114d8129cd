"""Signing in and out in the app, against a real server process on loopback.

Also home of the helpers the other sync UI tests share (a signed-in window, the dialog steps).
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from chushang_desk.models import Contact
from chushang_desk.services.contacts import save_contact
from tests.conftest import wait_idle
from tests.ui.helpers import PASSWORD, SHOTS, open_signed_in_window, outbox_size, wait_synced


def sign_in_through_dialog(qtbot, window, url: str, user: str = "officer_a", password: str = PASSWORD):
    """Open File → Sign in to server…, type into its fields, press Sign in."""
    wait_idle(qtbot, window)
    window.sync.sign_in_action.trigger()
    dialog = window.sync.dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.server_url.clear()
    qtbot.keyClicks(dialog.server_url, url)
    dialog.user.clear()
    qtbot.keyClicks(dialog.user, user)
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    return dialog



@pytest.fixture
def app_window(main_window):
    main_window.sync.scheduler.set_intervals(300, 60_000, (1, 2, 4))
    return main_window


def test_sign_in_through_the_dialog_then_edits_go_up(app_window, qtbot, server):
    window = app_window
    wait_idle(qtbot, window)
    window.ctx.profile.write(save_contact, {"name": "登录前", "is_merchant": True})
    window.refresh_pending()
    wait_idle(qtbot, window)
    status = window.sync.status
    assert status.connection_label.text() == "● Not signed in"
    assert window.pending_label.text() == "1 edit waiting to sync"
    assert not window.sync.sign_out_action.isEnabled()

    dialog = sign_in_through_dialog(qtbot, window, server.url)
    dialog.grab().save(SHOTS.format("sign_in_dialog"))
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)
    wait_synced(qtbot, window)

    assert status.connection_label.text() == "● Online"
    assert window.pending_label.text() == "0 edits waiting to sync"
    assert status.last_sync_label.text().startswith("Last sync 20")
    assert not status.error_label.isVisible()
    assert window.sync.sign_out_action.isEnabled()
    assert outbox_size(window.ctx.profile) == 0
    # Signing in names the officer and, as none was set, the account's station.
    assert window.officer_label.text() == f"{window.sync.scheduler.account.display_name} · Beijing-Tianjin-Hebei station"
    window.statusBar().grab().save(SHOTS.format("status_bar"))


def test_wrong_password_is_said_in_plain_words_in_the_dialog(app_window, qtbot, server):
    window = app_window
    dialog = sign_in_through_dialog(qtbot, window, server.url, password="not-the-password")
    qtbot.waitUntil(lambda: dialog.error.text() == "Wrong user name or password.", timeout=15_000)
    assert dialog.isVisible() and dialog.error.isVisible()
    assert dialog.sign_in_button.isEnabled() and dialog.password.isEnabled()
    assert window.sync.scheduler.account is None
    assert window.sync.status.connection_label.text() == "● Not signed in"
    dialog.grab().save(SHOTS.format("sign_in_error"))


def test_the_dialog_says_what_is_missing_before_asking_the_server(app_window, qtbot):
    window = app_window
    dialog = sign_in_through_dialog(qtbot, window, "sync.example", password="x")
    assert dialog.error.text() == "The server address starts with http:// or https://"
    dialog.server_url.clear()
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "Enter the server address, your user name and your password."
    assert not window.ctx.runner.busy  # nothing went to the network


def test_a_refused_connection_is_a_silent_server_not_no_network(app_window, qtbot):
    window = app_window
    dialog = sign_in_through_dialog(qtbot, window, "http://127.0.0.1:9")  # discard port: refused
    qtbot.waitUntil(lambda: "does not answer" in dialog.error.text(), timeout=15_000)
    assert dialog.error.text() == ("The server does not answer. Check the address; if it is right, "
                                   "the server may be stopped: tell the administrator.")


def test_sign_out_with_pending_edits_asks_and_keeps_them_when_cancelled(qtbot, data_dir, server):
    window = open_signed_in_window(qtbot, data_dir, server.url, debounce_ms=60_000)
    wait_synced(qtbot, window)
    window.ctx.write(save_contact, {"name": "未同步", "is_merchant": True})
    wait_idle(qtbot, window)
    assert outbox_size(window.ctx.profile) == 1

    flow = window.sync.sign_out()
    qtbot.waitUntil(lambda: flow.question is not None and flow.question.isVisible(), timeout=15_000)
    assert "1 edit has not reached the server yet." == flow.question.text()
    flow.question.grab().save(SHOTS.format("sign_out_question"))
    qtbot.mouseClick(flow.keep_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert window.sync.scheduler.account is not None
    assert outbox_size(window.ctx.profile) == 1
    assert window.sync.status.connection_label.text() == "● Online"

    flow = window.sync.sign_out()  # now discard them knowingly
    qtbot.waitUntil(lambda: flow.question is not None and flow.question.isVisible(), timeout=15_000)
    qtbot.mouseClick(flow.discard_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.sync.scheduler.account is None, timeout=15_000)
    assert window.sync.status.connection_label.text() == "● Not signed in"
    assert not window.sync.sync_now_action.isEnabled()
    names = window.ctx.profile.read(lambda s: s.scalars(select(Contact.name)).all())
    assert "未同步" in names  # discarding drops what waits to go up, never the local record
    window.close()


def test_signing_in_to_another_server_keeps_unsynced_edits(qtbot, data_dir, tmp_path, server):
    from tests.support.fixtures import make_db_url
    from tests.support.server_process import seed_people, start_server

    (tmp_path / "second").mkdir()
    second_db = make_db_url("sqlite", tmp_path / "second", "ui_second")
    second = start_server(second_db)
    try:
        seed_people(second_db)
        window = open_signed_in_window(qtbot, data_dir, server.url, debounce_ms=60_000)
        wait_synced(qtbot, window)
        window.ctx.write(save_contact, {"name": "换服务器", "is_merchant": True})
        wait_idle(qtbot, window)
        assert outbox_size(window.ctx.profile) == 1

        dialog = sign_in_through_dialog(qtbot, window, second.url, user="officer_b")
        assert "edits not yet synced are kept" in dialog.intro.text()
        scheduler = window.sync.scheduler
        qtbot.waitUntil(lambda: scheduler.account is not None and scheduler.account.server_url == second.url
                        and outbox_size(window.ctx.profile) == 0 and not scheduler.running, timeout=20_000)
        assert window.sync.status.connection_label.text() == "● Online"
        other = _device_on(tmp_path / "other", second.url)
        try:
            names = other.read(lambda s: s.scalars(select(Contact.name)).all())
        finally:
            other.close()
        assert "换服务器" in names
        window.close()
    finally:
        second.stop()


def _device_on(folder, url, user="officer_a"):
    from chushang_desk.services.profile import open_profile
    from chushang_desk.sync.account import sign_in
    from chushang_desk.sync.engine import sync_once

    profile = open_profile(folder)
    sign_in(profile, url, user, PASSWORD)
    sync_once(profile)
    return profile
