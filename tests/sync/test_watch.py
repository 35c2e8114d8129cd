"""The long-poll the live sync listens on: quiet until the server has news past our cursor."""
from __future__ import annotations

import threading
import time

import pytest

from chushang_desk.services.contacts import save_contact
from chushang_desk.sync.account import account_token, current_account
from chushang_desk.sync.client import SyncClient
from chushang_desk.sync.engine import sync_once


@pytest.mark.parametrize("server_db_url", ["sqlite"], indirect=True)
def test_watch_answers_when_another_device_pushes(make_device):
    a, b = make_device("a", "officer_a"), make_device("b", "officer_b")
    sync_once(b.profile)
    account = current_account(b.profile)
    with SyncClient(account.server_url, account_token(b.profile, account)) as client:
        head = client.pull(0)["head"]
        started = time.monotonic()
        assert client.watch(head, 0.5) == head  # nothing new: answered after the wait
        assert time.monotonic() - started >= 0.4

        def edit_elsewhere():
            time.sleep(0.3)
            a.write(save_contact, {"name": "新消息", "is_merchant": True})
            sync_once(a.profile)

        pusher = threading.Thread(target=edit_elsewhere)
        pusher.start()
        started = time.monotonic()
        assert client.watch(head, 20) > head
        assert time.monotonic() - started < 10  # woken by the push, not by the wait running out
        pusher.join()
