"""What a sync costs on the wire, and how it reports progress and stops when asked."""
from __future__ import annotations

import pytest

from chushang_desk.services.contacts import save_contact
from chushang_desk.services.sync_status import pending_edits, sync_summary
from chushang_desk.sync.engine import sync_once

SQLITE_SERVER_ONLY = pytest.mark.parametrize("server_db_url", ["sqlite"], indirect=True)


@SQLITE_SERVER_ONLY
def test_an_idle_sync_is_one_small_request_and_a_one_field_edit_little_more(make_device):
    a = make_device("a", "officer_a")
    cid = a.write(save_contact, {"name": "张三", "is_merchant": True})
    sync_once(a.profile)
    idle = sync_once(a.profile)
    assert (idle.requests, idle.pushed, idle.pulled) == (1, 0, 0)
    assert idle.bytes_sent + idle.bytes_received <= 2048
    a.write(save_contact, {"title": "董事长"}, cid)
    one = sync_once(a.profile)
    assert (one.requests, one.pushed) == (2, 1)  # the push, then the (empty) pull
    assert one.bytes_sent + one.bytes_received <= 2 * 2048
    assert a.read(sync_summary).last_sync_at is not None


@SQLITE_SERVER_ONLY
def test_progress_is_reported_and_a_cancelled_sync_keeps_its_edits(make_device):
    a = make_device("a", "officer_a")
    for i in range(3):
        a.write(save_contact, {"name": f"联系人{i}", "is_merchant": True})
    stopped = sync_once(a.profile, cancel=lambda: True)
    assert stopped.cancelled and stopped.pushed == 0 and a.read(pending_edits) == 3
    assert a.read(sync_summary).last_sync_at is None  # a cancelled sync is not a successful one
    seen = []
    report = sync_once(a.profile, progress=lambda stage, done, total: seen.append((stage, done, total)))
    assert report.pushed == 3 and not report.cancelled
    assert ("push", 3, 3) in seen and seen[-1][0] == "pull"
