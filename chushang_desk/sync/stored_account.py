"""The account this profile is signed in to, as its SyncState rows hold it.

Apart from account.py (signing in and out), so that the window can read it at start without importing
the HTTP client (httpx and what it brings: ~65 ms and ~10 MB before a sync is due).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..services.sync_status import all_state, is_signed_in

ACCOUNT_KEYS = ("server_url", "user", "display_name", "role", "station", "device_id")


@dataclass(frozen=True)
class Account:
    server_url: str
    user: str
    display_name: str
    role: str
    station: str
    device_id: str
    ca_file: str = ""  # PEM certificates trusted besides the system's, '' for none


def _account_of(state: dict) -> Account | None:
    if not is_signed_in(state):
        return None
    return Account(*(state.get(key, "") for key in ACCOUNT_KEYS), ca_file=state.get("ca_file", ""))


def current_account(profile) -> Account | None:
    return profile.read(lambda s: _account_of(all_state(s)))
