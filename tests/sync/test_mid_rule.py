"""The mid rule (SYNC.md) with a real client and a real server: the server applies only the device's
last mid + 1; the client's outbox may have holes (entries discarded here), which it declares with
`from_mid` and never by renumbering, so it never wedges and nothing is applied out of order."""
from __future__ import annotations

import pytest
from sqlalchemy import delete, func, select

from chushang_desk.models import OutboxEntry, SyncConflict
from chushang_desk.services.contacts import save_contact
from chushang_desk.sync.account import account_token, current_account
from chushang_desk.sync.client import SyncClient
from chushang_desk.sync.engine import next_batch, remote_write, sync_once, wire_entry
from chushang_desk.sync.errors import SyncError

from .conftest import local_rows, server_rows


def mids(device) -> list[int]:
    return device.read(lambda s: list(s.scalars(select(OutboxEntry.mid).order_by(OutboxEntry.mid))))


def discard(device, *gone: int) -> None:
    """Entries that leave the outbox without being pushed (what a discard does)."""
    with remote_write(device.profile) as session:
        session.execute(delete(OutboxEntry).where(OutboxEntry.mid.in_(gone)))


def contacts(device, *names: str) -> list[str]:
    return [device.write(save_contact, {"name": name, "is_merchant": True}) for name in names]


def test_holes_in_the_outbox_are_skipped_not_renumbered_and_sync_goes_on(make_device):
    device = make_device("laptop", "officer_a")
    contacts(device, "甲", "乙")
    assert sync_once(device.profile).applied == 2  # the server now has a last mid for this device
    kept = contacts(device, "丙", "丁", "戊", "己", "庚", "辛")
    pending = mids(device)
    discard(device, pending[0], pending[3], pending[4])  # a hole at the start and one in the middle
    remaining = mids(device)
    batches = device.read(next_batch, 0)
    assert [e.mid for e in batches] == remaining[:2]  # a batch stops at a hole
    report = sync_once(device.profile)
    assert (report.pushed, report.applied, report.rejected) == (3, 3, 0)
    assert mids(device) == [] and device.read(lambda s: s.scalar(select(func.count(SyncConflict.id)))) == 0
    on_server = {row_id for (table, row_id) in server_rows(device.profile) if table == "contact"}
    assert {kept[1], kept[2], kept[5]} <= on_server and not {kept[0], kept[3], kept[4]} & on_server
    contacts(device, "壬")
    assert sync_once(device.profile).applied == 1  # and later edits go on as before
    assert local_rows(device.profile).keys() >= {("contact", kept[1])}


def test_a_push_that_skips_an_entry_applies_nothing_and_the_next_sync_sends_all(make_device):
    device = make_device("laptop", "officer_a")
    contacts(device, "甲")
    sync_once(device.profile)
    made = contacts(device, "乙", "丙", "丁")
    batch = device.read(next_batch, 0)
    account = current_account(device.profile)
    with SyncClient(account.server_url, account_token(device.profile, account)) as client:
        with pytest.raises(SyncError) as refused:  # as if the first entry were still on its way
            client.push([wire_entry(batch[0]), wire_entry(batch[2])], batch[0].mid)
    assert refused.value.code == "server_error" and "expected mid" in refused.value.detail
    assert len(mids(device)) == 3
    assert not set(made) & {row_id for (_t, row_id) in server_rows(device.profile)}  # none applied
    report = sync_once(device.profile)
    assert (report.applied, report.rejected) == (3, 0)
    assert set(made) <= {row_id for (_t, row_id) in server_rows(device.profile)}
