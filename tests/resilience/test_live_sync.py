"""Live sync: with both laptops online, an edit on one reaches the other by itself (the long-poll wakes
the second laptop; nobody calls sync), and stopping the watcher ends its open long-poll."""
from __future__ import annotations

import time

from chushang_desk.services import contacts
from chushang_desk.services.profile import open_profile
from chushang_desk.sync.account import sign_in
from chushang_desk.sync.live import ChangeWatcher, LiveSync

PASSWORD = "secret-pass-1"


def _arrives(condition, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def test_an_edit_reaches_the_other_online_laptop_by_itself(server, tmp_path):
    writer, reader = open_profile(tmp_path / "writer"), open_profile(tmp_path / "reader")
    sign_in(writer, server.url, "officer_a", PASSWORD)
    sign_in(reader, server.url, "lead_a", PASSWORD)
    writing, reading = LiveSync(writer), LiveSync(reader)
    writing.start(), reading.start()
    try:
        cid = writer.write(contacts.save_contact, {"name": "实时", "is_merchant": True})
        writing.edited()
        assert _arrives(lambda: reader.read(contacts.find_contact_ids, contacts.ContactQuery(text="实时")) == [cid])
        for n in range(3):
            writer.write(contacts.save_contact, {"notes": f"第{n}次"}, cid)
            writing.edited()
            assert _arrives(lambda: reader.read(contacts.get_contact, cid)["notes"] == f"第{n}次")
        assert not writing.errors and not reading.errors
        started = time.monotonic()
        writing.stop(), reading.stop()
        assert time.monotonic() - started < 5  # neither waits out a long-poll nor hangs on its queue
    finally:
        writing.stop(), reading.stop()
        writer.close(), reader.close()


def test_stopping_the_watcher_ends_its_long_poll(server, tmp_path):
    profile = open_profile(tmp_path / "idle")
    sign_in(profile, server.url, "officer_b", PASSWORD)
    heard = []
    watcher = ChangeWatcher(profile, lambda: heard.append(1), wait=25)
    watcher.start()
    time.sleep(1.0)  # the first watch sees the reference lists' versions past cursor 0: news
    started = time.monotonic()
    watcher.stop()
    assert time.monotonic() - started < 2  # the window closes without waiting on the network
    assert heard  # a fresh device (cursor 0) has news at once
    profile.close()
