"""The bureau's CA file in the app: chosen in the sign-in dialog and kept for the profile, changed in
Settings, against a real HTTPS server on 127.0.0.1 with certificates made here (trustme)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from chushang_desk.sync.account import ca_file_of
from tests.conftest import wait_idle
from tests.support.certs import make_certs
from tests.support.server_process import seed_people, start_server
from tests.ui.helpers import PASSWORD, wait_synced


@pytest.fixture
def tls_server(tmp_path):
    certs = make_certs(tmp_path / "certs")
    db_url = f"sqlite:///{tmp_path / 'server.db'}"
    server = start_server(db_url, tls=certs.good.pair)
    seed_people(db_url)
    yield server, certs
    server.stop()


@pytest.fixture
def app_window(main_window):
    main_window.sync.scheduler.set_intervals(300, 60_000, (60, 60, 60))
    return main_window


def _fill_and_submit(qtbot, dialog, url: str, ca_file: str) -> None:
    dialog.server_url.clear()
    qtbot.keyClicks(dialog.server_url, url)
    dialog.user.clear()
    qtbot.keyClicks(dialog.user, "officer_a")
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, PASSWORD)
    dialog.ca_file.path.clear()
    qtbot.keyClicks(dialog.ca_file.path, ca_file)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)


def _open_sign_in(qtbot, window):
    wait_idle(qtbot, window)
    window.sync.sign_in_action.trigger()
    dialog = window.sync.dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_the_ca_file_chosen_at_sign_in_is_used_and_offered_again(app_window, qtbot, tls_server):
    server, certs = tls_server
    window = app_window
    dialog = _open_sign_in(qtbot, window)
    _fill_and_submit(qtbot, dialog, server.url, certs.stranger_ca_file)
    qtbot.waitUntil(lambda: "certificate is not trusted" in dialog.error.text(), timeout=15_000)
    assert dialog.error.text().startswith("The server's certificate is not trusted (self-signed or from an "
                                          "unknown authority). Nothing was sent.")
    assert window.sync.scheduler.account is None and dialog.ca_file.isEnabled()
    dialog.grab().save("/tmp/ui_sync_tls_untrusted.png")

    dialog.ca_file.path.clear()
    qtbot.keyClicks(dialog.ca_file.path, certs.ca_file)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)
    wait_synced(qtbot, window)
    assert window.sync.scheduler.account.ca_file == certs.ca_file
    assert window.ctx.profile.read(ca_file_of) == certs.ca_file
    assert window.sync.status.connection_label.text() == "● Online"

    again = _open_sign_in(qtbot, window)
    assert again.ca_file.text() == certs.ca_file
    again.reject()


def test_settings_change_the_ca_file_refusing_one_without_a_certificate(qtbot, data_dir, tls_server):
    from chushang_desk.services.profile import open_profile
    from chushang_desk.sync.account import sign_in
    from chushang_desk.ui.app import build_main_window
    from chushang_desk.ui.settings_dialog import SettingsDialog

    server, certs = tls_server
    profile = open_profile(data_dir)  # signed in before the app starts, as `chushang-desk login` leaves it
    sign_in(profile, server.url, "officer_a", PASSWORD, ca_file=certs.ca_file)
    profile.close()
    window = build_main_window(data_dir, "en")
    qtbot.addWidget(window)
    window.sync.scheduler.set_intervals(300, 60_000, (60, 60, 60))
    window.show()
    qtbot.waitUntil(lambda: window.ctx.profile is not None, timeout=15_000)
    wait_synced(qtbot, window)
    dialog = SettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ca_file.text() == certs.ca_file, timeout=10_000)

    dialog.ca_file.setText(certs.good.key)  # a key, no certificate in it
    dialog._save()
    qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
    assert dialog.error.text().startswith("The CA certificate file cannot be read.")
    assert dialog.isVisible() and window.ctx.profile.read(ca_file_of) == certs.ca_file

    dialog.ca_file.setText(certs.stranger_ca_file)
    dialog._save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert window.ctx.profile.read(ca_file_of) == certs.stranger_ca_file
    # The next sync trusts only the stranger's CA now: refused, and said so in the status bar.
    window.sync.scheduler.sync_now()
    label = window.sync.status.error_label
    qtbot.waitUntil(lambda: label.isVisible() and "certificate is not trusted" in label.text(), timeout=15_000)
    assert label.text().startswith("The server's certificate is not trusted, nothing was sent: will retry at ")
    window.close()
