"""Background sync in the app: it starts by itself, edits go up without the user doing anything, and a
revoked device says so in the status bar and stops retrying by itself."""
from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from chushang_desk.models import Contact
from chushang_desk.services.contacts import save_contact
from tests.conftest import wait_idle
from tests.ui.helpers import SHOTS, open_signed_in_window, outbox_size, second_device, wait_synced



def _contact_names(profile) -> list[str]:
    return profile.read(lambda s: s.scalars(select(Contact.name).where(Contact.deleted_at.is_(None))).all())


def test_an_edit_in_the_app_reaches_another_device_by_itself(qtbot, data_dir, tmp_path, server):
    from chushang_desk.sync.engine import sync_once

    window = open_signed_in_window(qtbot, data_dir, server.url, debounce_ms=300)
    wait_synced(qtbot, window)  # the sync at start, with nobody asking
    scheduler = window.sync.scheduler
    first = scheduler.last_success
    window.ctx.write(save_contact, {"name": "自动同步", "is_merchant": True})
    qtbot.waitUntil(lambda: scheduler.last_success != first and not scheduler.running, timeout=15_000)
    wait_idle(qtbot, window)
    assert outbox_size(window.ctx.profile) == 0
    assert window.pending_label.text() == "0 edits waiting to sync"

    other = second_device(tmp_path, server.url)
    try:
        sync_once(other)
        assert "自动同步" in _contact_names(other)
        # ...and the other way: the other device's edit arrives with the next background sync.
        other.write(save_contact, {"name": "对面来的", "is_merchant": True})
        sync_once(other)
    finally:
        other.close()
    changed = []
    window.ctx.data_changed.connect(changed.append)
    window.sync.sync_now_action.trigger()
    qtbot.waitUntil(lambda: any("contact" in tables for tables in changed), timeout=15_000)
    wait_synced(qtbot, window)
    assert "对面来的" in _contact_names(window.ctx.profile)
    window.close()


def test_a_request_while_syncing_queues_exactly_one_more(qtbot, data_dir, server):
    window = open_signed_in_window(qtbot, data_dir, server.url)
    wait_synced(qtbot, window)
    scheduler = window.sync.scheduler
    starts = []
    scheduler.started.connect(lambda: starts.append(1))
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F9)  # the shortcut
    assert scheduler.running and not scheduler.queued and len(starts) == 1
    for _ in range(3):
        scheduler.sync_now()
    assert scheduler.running and scheduler.queued and len(starts) == 1
    qtbot.waitUntil(lambda: len(starts) == 2, timeout=15_000)
    wait_synced(qtbot, window)
    qtbot.wait(300)
    assert len(starts) == 2
    window.close()


def test_a_revoked_device_says_so_and_stops_retrying(qtbot, data_dir, server):
    from tests.support.server_process import server_admin

    window = open_signed_in_window(qtbot, data_dir, server.url)
    wait_synced(qtbot, window)
    scheduler, status = window.sync.scheduler, window.sync.status
    server_admin(server.db_url, "revoke-device", "--device", scheduler.account.device_id)
    starts = []
    scheduler.started.connect(lambda: starts.append(1))

    window.sync.sync_now_action.trigger()
    qtbot.waitUntil(lambda: status.error_label.isVisible(), timeout=15_000)
    assert status.error_label.text() == "This computer's access was revoked: sign in again"
    assert status.connection_label.text() == "● Refused by the server"
    window.statusBar().grab().save(SHOTS.format("status_bar_revoked"))
    assert scheduler.halted
    assert not (scheduler.retry.isActive() or scheduler.periodic.isActive() or scheduler.debounce.isActive())

    window.ctx.write(save_contact, {"name": "撤销后", "is_merchant": True})
    wait_idle(qtbot, window)
    qtbot.wait(800)  # longer than the debounce and the first backoff step
    assert len(starts) == 1 and not scheduler.debounce.isActive()
    assert window.pending_label.text() == "1 edit waiting to sync"
    window.close()


def test_a_stopped_server_shows_at_once_and_the_app_reconnects_within_seconds(qtbot, data_dir, server):
    """Nobody edits and nobody presses F9: the long-poll notices the server going and coming back."""
    from tests.support.server_process import start_server

    window = open_signed_in_window(qtbot, data_dir, server.url)
    scheduler, status = window.sync.scheduler, window.sync.status
    window.sync.scheduler.set_intervals(300, 600_000, (30, 60))  # no timed sync or retry may help here
    wait_synced(qtbot, window)
    qtbot.waitUntil(lambda: status.connection_label.text() == "● Online", timeout=5_000)
    server.stop()
    qtbot.waitUntil(lambda: status.connection_label.text() == "● Server unreachable", timeout=8_000)
    assert status.error_label.text() == "The server does not answer: sync resumes by itself when it is back"
    assert "it may be stopped, or the address is wrong" in status.error_label.toolTip()
    assert status.last_sync_label.isVisible() and status.last_sync_label.text().startswith("Last sync ")
    assert scheduler.retry.isActive() and scheduler.retry.interval() == 30_000 and not scheduler.halted
    window.statusBar().grab().save(SHOTS.format("status_bar_server_down"))

    port = int(server.url.rsplit(":", 1)[1])
    again = start_server(server.db_url, port=port)
    try:
        back = scheduler.last_success
        # the probe looks every 1-3 s; the 30 s retry is far off
        qtbot.waitUntil(lambda: scheduler.last_success != back, timeout=10_000)
        assert status.connection_label.text() == "● Online" and not status.error_label.isVisible()
    finally:
        window.close()
        again.stop()


def test_no_network_and_a_silent_server_are_told_apart(main_window):
    import errno

    from chushang_desk.sync.client import transport_code
    from chushang_desk.sync.errors import SyncError

    def caused_by(cause: BaseException) -> Exception:
        wrapper = ConnectionError("connect failed")
        wrapper.__cause__ = cause
        return wrapper

    assert transport_code(caused_by(OSError(errno.ENETUNREACH, "Network is unreachable"))) == "network"
    assert transport_code(caused_by(OSError(errno.ECONNREFUSED, "Connection refused"))) == "server_unreachable"
    assert transport_code(caused_by(TimeoutError())) == "server_unreachable"

    status = main_window.sync.status
    main_window.sync.scheduler._failed(SyncError("network"), "")
    assert status.connection_label.text() == "● No network"
    assert status.error_label.text() == "No network: sync resumes by itself once connected"


def test_the_first_sync_does_not_say_never_synced_beside_its_progress(main_window):
    status = main_window.sync.status
    status.show_last_sync(None)
    assert status.last_sync_label.text() == "Never synced"
    status.show_syncing()
    status.show_progress(5_500, 27_996)
    assert status.connection_label.text() == "● Syncing… 5,500 of 27,996 edits sent"
    assert not status.last_sync_label.isVisible()


def test_while_online_it_syncs_again_by_itself(qtbot, data_dir, server):
    window = open_signed_in_window(qtbot, data_dir, server.url)
    wait_synced(qtbot, window)
    scheduler = window.sync.scheduler
    assert scheduler.periodic.isActive() and scheduler.periodic.interval() == 60_000
    scheduler.set_intervals(300, 400, (1, 2, 4))
    scheduler.periodic.start()
    starts = []
    scheduler.started.connect(lambda: starts.append(1))
    qtbot.waitUntil(lambda: len(starts) >= 2, timeout=10_000)  # nobody asked, nothing was edited
    window.close()


def test_failures_back_off_step_by_step_and_honour_retry_after(main_window):
    from chushang_desk.sync.errors import SyncError

    scheduler, status = main_window.sync.scheduler, main_window.sync.status
    delays = []
    for error in [SyncError("network")] * 5 + [SyncError("server_busy", retry_after=600)]:
        scheduler._failed(error, "")
        delays.append(scheduler.retry.interval() // 1000)
    assert delays == [5, 15, 30, 60, 60, 600]  # capped at a minute; a longer Retry-After is honoured
    assert status.error_label.text() == "The server is busy: will retry at {0}".format(
        scheduler.last_problem.retry_at.strftime("%H:%M"))
    scheduler._failed(SyncError("client_too_old"), "")
    assert scheduler.halted and not scheduler.retry.isActive()
    assert status.error_label.text() == "This app is too old for the server: please update Chushang Desk"


def test_a_station_added_at_headquarters_reaches_the_reference_lists(qtbot, data_dir, server):
    from tests.support.server_process import server_admin

    window = open_signed_in_window(qtbot, data_dir, server.url)
    wait_synced(qtbot, window)
    assert "wh_new" not in [item.code for item in window.ctx.ref_items("station")]
    server_admin(server.db_url, "add-station", "--code", "wh_new", "--name-zh", "新联络站", "--name-en", "New station")
    window.sync.sync_now_action.trigger()
    qtbot.waitUntil(lambda: "wh_new" in [item.code for item in window.ctx.ref_items("station")], timeout=15_000)
    assert window.ctx.ref_name("station", "wh_new") == "New station"
    window.close()
