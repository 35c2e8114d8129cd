"""Signing in and out, the device token's storage, and what people are told when sync fails."""
from __future__ import annotations

import stat

import keyring
import pytest
from keyring.backends import fail

from chushang_desk.services.contacts import save_contact
from chushang_desk.services.profile import open_profile
from chushang_desk.services.settings import all_settings
from chushang_desk.services.sync_status import pending_edits, sync_summary
from chushang_desk.sync import credentials
from chushang_desk.sync.account import current_account, sign_in, sign_out
from chushang_desk.sync.engine import sync_once
from chushang_desk.sync.errors import PendingEdits, SyncError
from tests.support.server_process import PASSWORD, server_admin


# Account bookkeeping is the client's alone: one server database is enough for it (the server's side of
# sign-in is tested on both in tests/server; the error answers below run on both here too).
SQLITE_SERVER_ONLY = pytest.mark.parametrize("server_db_url", ["sqlite"], indirect=True)


@pytest.fixture
def no_keyring():
    """The headless case: keyring has no backend, so the token goes to the fallback file."""
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def test_token_fallback_file_is_readable_by_its_owner_only(tmp_path, no_keyring):
    credentials.save_token(tmp_path, "http://127.0.0.1:1", "officer_a", "dev-1", "tok-1")
    credentials.save_token(tmp_path, "http://127.0.0.1:1", "officer_b", "dev-2", "tok-2")
    path = credentials.fallback_path(tmp_path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert credentials.load_token(tmp_path, "http://127.0.0.1:1", "officer_a", "dev-1") == "tok-1"
    credentials.delete_token(tmp_path, "http://127.0.0.1:1", "officer_a", "dev-1")
    assert credentials.load_token(tmp_path, "http://127.0.0.1:1", "officer_a", "dev-1") is None
    assert credentials.load_token(tmp_path, "http://127.0.0.1:1", "officer_b", "dev-2") == "tok-2"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@SQLITE_SERVER_ONLY
def test_sign_in_stores_the_account_and_names_the_officer(make_device, no_keyring):
    device = make_device("a", "officer_a")
    account = current_account(device.profile)
    assert (account.user, account.display_name, account.role, account.station) == (
        "officer_a", "officer_a name", "officer", "jjj")
    assert device.profile.sessions.actor == "officer_a name"
    settings = device.read(all_settings)
    assert (settings["officer_name"], settings["station"]) == ("officer_a name", "jjj")
    assert credentials.fallback_path(device.profile.data_dir).exists()


@SQLITE_SERVER_ONLY
def test_sign_out_keeps_unsynced_edits_unless_discarded(make_device, server):
    device = make_device("a", "officer_a")
    device.write(save_contact, {"name": "未同步", "is_merchant": True})
    with pytest.raises(PendingEdits) as refused:
        sign_out(device.profile)
    assert refused.value.count == 1 and "1" in refused.value.message
    assert current_account(device.profile) is not None and device.read(pending_edits) == 1

    sync_once(device.profile)
    device_id = current_account(device.profile).device_id
    device.write(save_contact, {"name": "放弃的", "is_merchant": True})
    sign_out(device.profile, discard_pending=True)
    assert current_account(device.profile) is None and device.read(pending_edits) == 0
    with pytest.raises(SyncError) as not_signed_in:
        sync_once(device.profile)
    assert not_signed_in.value.code == "not_signed_in"
    # Signing out told the server: the old device is revoked there.
    [line] = [ln for ln in server_admin(server.db_url, "list-devices").stdout.splitlines() if device_id in ln]
    assert line.split()[-1] != "-"  # the revoked column has a time


@SQLITE_SERVER_ONLY
def test_signing_in_elsewhere_keeps_pending_edits_and_pulls_everything(make_device, server):
    device = make_device("a", "officer_a")
    sync_once(device.profile)
    device.write(save_contact, {"name": "换人也在", "is_merchant": True})
    sign_in(device.profile, server.url, "officer_b", PASSWORD)
    state = device.read(sync_summary)
    assert (state.user, state.pending) == ("officer_b", 1)
    report = sync_once(device.profile)
    assert report.applied == 1 and report.pulled > 0  # from cursor 0 again


def test_wrong_password_says_so(server, tmp_path):
    profile = open_profile(tmp_path / "p")
    try:
        with pytest.raises(SyncError) as wrong:
            sign_in(profile, server.url, "officer_a", "not-the-password")
        assert wrong.value.code == "bad_credentials"
        assert "密码" in wrong.value.message and "password" in wrong.value.message
        assert current_account(profile) is None
    finally:
        profile.close()


def test_revoked_device_and_server_down_are_told_apart(make_device, server):
    device = make_device("a", "officer_a")
    sync_once(device.profile)
    server_admin(server.db_url, "revoke-device", "--device", current_account(device.profile).device_id)
    with pytest.raises(SyncError) as revoked:
        sync_once(device.profile)
    assert revoked.value.code == "device_revoked" and "revoked" in revoked.value.message
    assert device.read(sync_summary).last_error == "device_revoked"

    other = make_device("b", "officer_b")
    server.stop()
    with pytest.raises(SyncError) as down:
        sync_once(other.profile)
    # the network is fine (loopback), the server is not: not "no network"
    assert down.value.code == "server_unreachable" and down.value.temporary
    assert other.read(sync_summary).last_error == "server_unreachable"
