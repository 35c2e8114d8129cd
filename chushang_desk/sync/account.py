"""Signing this profile in to a sync server and out again.

The account lives in the profile's SyncState rows; the device token in the OS keyring (credentials.py).
The bureau's own CA file (if its server's certificate is not from a public CA) is kept beside the
account, and stays after signing out so the next sign-in offers it again.
Unsynced edits are never lost by signing in or out: signing out refuses while the outbox holds edits
unless the user discards them knowingly, and signing in to another server or user keeps them, to push
to the new account after a full pull.
"""
from __future__ import annotations

import socket
from pathlib import Path

from sqlalchemy import delete

from ..models import OutboxEntry
from ..services import settings
from ..services.sync_status import all_state, pending_edits, set_state
from . import credentials, tls
from .client import SyncClient
from .errors import PendingEdits, SyncError
from .stored_account import ACCOUNT_KEYS, Account, current_account  # noqa: F401 (this module's API)

def normalized_url(server_url: str) -> str:
    return server_url.strip().rstrip("/")


def normalized_ca_file(ca_file: str) -> str:
    """An absolute path (a relative one would name another file from another folder), '' for none."""
    ca_file = ca_file.strip()
    return str(Path(ca_file).expanduser().absolute()) if ca_file else ""


def ca_file_of(session) -> str:
    """The CA file chosen last for this profile ('' for none), signed in or not."""
    return all_state(session)["ca_file"]


def save_ca_file(session, ca_file: str) -> str:
    """Trust the certificates of `ca_file` (PEM; '' for none) besides the system's from the next sync
    on; raises SyncError('ca_file_unreadable') for a file without a certificate we can load."""
    ca_file = normalized_ca_file(ca_file)
    tls.check_ca_file(ca_file)
    set_state(session, ca_file=ca_file)
    return ca_file


def sign_in(profile, server_url: str, user: str, password: str, device_name: str | None = None,
            ca_file: str = "") -> Account:
    """Log in (one request), then store the account, its CA file and its token; returns the account."""
    server_url, ca_file = normalized_url(server_url), normalized_ca_file(ca_file)
    device_key = credentials.load_device_key(profile.data_dir, server_url, user)
    with SyncClient(server_url, ca_file=ca_file) as client:
        answer = client.login(user, password, device_name or socket.gethostname() or "chushang-desk", device_key)
    if answer.get("device_key"):
        credentials.save_device_key(profile.data_dir, server_url, user, answer["device_key"])
    person = answer["user"]
    account = Account(server_url, person.get("name") or user, person.get("display_name") or user,
                      person.get("role", ""), person.get("station") or "", answer["device_id"], ca_file)
    previous = current_account(profile)
    credentials.save_token(profile.data_dir, server_url, account.user, account.device_id, answer["token"])
    profile.write(_store_account, account, answer.get("epoch") or "", previous)
    if previous is not None and previous.device_id != account.device_id:
        credentials.delete_token(profile.data_dir, previous.server_url, previous.user, previous.device_id)
    profile.sign_as(account.display_name)
    return account


def _store_account(session, account: Account, epoch: str, previous: Account | None) -> None:
    state = all_state(session)
    same_place = previous is not None and (previous.server_url, previous.user) == (account.server_url, account.user)
    if not same_place or (state["epoch"] and state["epoch"] != epoch):
        # Another server or user (or the server restored from a backup): everything is pulled again.
        # Pending edits stay in the outbox and push to this account.
        set_state(session, cursor="0")
    set_state(session, epoch=epoch, last_error="", ca_file=account.ca_file,
              **{key: getattr(account, key) for key in ACCOUNT_KEYS})
    settings.set_setting(session, "officer_name", account.display_name)
    if account.station and not settings.get_setting(session, "station"):
        settings.set_setting(session, "station", account.station)


def account_token(profile, account: Account) -> str | None:
    return credentials.load_token(profile.data_dir, account.server_url, account.user, account.device_id)


def sign_out(profile, discard_pending: bool = False) -> None:
    """Forget the account and its token (telling the server when it can be reached).

    Raises PendingEdits while edits wait to be pushed, unless the user chose to discard them."""
    count = profile.read(pending_edits)
    if count and not discard_pending:
        raise PendingEdits(count)
    account = current_account(profile)
    if account is not None:
        _tell_server(profile, account)
        credentials.delete_token(profile.data_dir, account.server_url, account.user, account.device_id)
    profile.write(_forget_account, discard_pending)


def _tell_server(profile, account: Account) -> None:
    token = account_token(profile, account)
    if not token:
        return
    try:
        with SyncClient(account.server_url, token, ca_file=account.ca_file) as client:
            client.logout()
    except SyncError:  # offline or already revoked: the token is forgotten here either way
        pass


def _forget_account(session, discard_pending: bool) -> None:
    if discard_pending:
        session.execute(delete(OutboxEntry))
    set_state(session, cursor="0", epoch="", last_error="", **{key: "" for key in ACCOUNT_KEYS})
