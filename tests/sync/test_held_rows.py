"""A client never wedges (issue 7): a row the server holds that this client cannot store - stored
past the server's checks, as an old buggy server would have - is held aside with the reason; the
other rows still arrive, the cursor moves on, the command line warns and exits 0; once the row is
fixed on the server (a new version) it applies and leaves the held list."""
from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from chushang_desk.models import Contact, SyncHeldRow, Visit
from chushang_desk.services.conflicts import count_held, held_items
from chushang_desk.services.contacts import ContactQuery, find_contact_ids, save_contact
from chushang_desk.services.sync_status import all_state, sync_summary
from chushang_desk.sync.engine import sync_once
from tests.support.raw_rows import store_raw_row

from .test_cli import desk

HOSTILE = {
    "contact": {"name": "坏电话", "phones": [1], "is_merchant": True},
    "visit": {"visit_date": "20250101", "station": "jjj", "intention_amount": "1e400", "officers": ["王伟"]},
}


def _names(device) -> set[str]:
    return set(device.read(lambda s: s.scalars(select(Contact.name)).all()))


def test_a_row_the_client_cannot_store_is_held_and_sync_moves_on(server, make_device):
    writer, reader = make_device("writer", "officer_a"), make_device("reader", "lead_a")
    writer.write(save_contact, {"name": "之前", "is_merchant": True})
    sync_once(writer.profile)
    bad_contact, bad_visit = str(uuid.uuid4()), str(uuid.uuid4())
    store_raw_row(server.db_url, "contact", bad_contact, HOSTILE["contact"])
    store_raw_row(server.db_url, "visit", bad_visit, HOSTILE["visit"], station="jjj")
    writer.write(save_contact, {"name": "之后", "is_merchant": True})
    sync_once(writer.profile)

    report = sync_once(reader.profile)  # (lead_a is of station jjj too: both rows reach it)
    assert report.held == 2
    assert {"之前", "之后"} <= _names(reader) and "坏电话" not in _names(reader)
    assert reader.read(lambda s: s.get(Visit, bad_visit)) is None
    held = {(h.table_name, h.row_id): h.reason for h in reader.read(held_items)}
    assert set(held) == {("contact", bad_contact), ("visit", bad_visit)}
    assert "contact.phones" in held[("contact", bad_contact)]
    assert "visit." in held[("visit", bad_visit)]
    assert reader.read(sync_summary).held_rows == 2
    cursor = int(reader.read(all_state)["cursor"])

    again = sync_once(reader.profile)  # tried again, still held, nothing wedged
    assert again.held == 2 and int(reader.read(all_state)["cursor"]) == cursor

    store_raw_row(server.db_url, "contact", bad_contact, dict(HOSTILE["contact"], phones=["+8613800000001"]))
    fixed = sync_once(reader.profile)
    assert fixed.held == 1
    assert "坏电话" in _names(reader)
    assert reader.read(find_contact_ids, ContactQuery(text="13800000001")) == [bad_contact]
    assert [(h.table_name, h.row_id) for h in reader.read(held_items)] == [("visit", bad_visit)]


def test_a_held_row_is_retried_and_applies_once_this_version_can_store_it(server, make_device):
    """A row an older version held (say, for a field it did not know) is tried again at the next sync
    and leaves the list once it applies."""
    reader = make_device("reader", "officer_b")
    row_id = str(uuid.uuid4())
    row = {"table": "contact", "id": row_id, "version": 1, "deleted": False,
           "data": {"name": "稍后", "is_merchant": True, "created_at": "2026-01-01T00:00:00.000000",
                    "updated_at": "2026-01-01T00:00:00.000000"}}

    def hold(s):
        from chushang_desk.sync.held import hold_rows
        hold_rows(s.connection(), [(row, "a field this version did not know")])
    reader.write(hold)
    assert reader.read(count_held) == 1 and "稍后" not in _names(reader)
    assert sync_once(reader.profile).held == 0
    assert reader.read(count_held) == 0
    assert "稍后" in _names(reader)


@pytest.mark.parametrize("server_db_url", ["sqlite"], indirect=True)
def test_the_sync_command_warns_about_held_rows_and_exits_0(server, tmp_path):
    data_dir = tmp_path / "cli"
    from tests.support.server_process import PASSWORD
    login = desk("login", "--data-dir", str(data_dir), "--server", server.url, "--user", "officer_a",
                 stdin=PASSWORD + "\n")
    assert login.returncode == 0, login.stderr
    bad = str(uuid.uuid4())
    store_raw_row(server.db_url, "contact", bad, {"name": "x\x00y", "is_merchant": True})
    store_raw_row(server.db_url, "contact", str(uuid.uuid4()), {"name": "好人", "is_merchant": True})
    for _ in range(2):  # and again: never 1 forever
        done = desk("sync", "--data-dir", str(data_dir))
        assert done.returncode == 0, done.stderr
        assert "warning: 1 records from the server could not be stored" in done.stderr
        assert f"contact {bad}" in done.stderr and "control character" in done.stderr
        assert "1 rows from the server held aside" in done.stdout


def test_an_unknown_field_of_a_newer_server_is_held(server, make_device):
    reader = make_device("reader", "officer_b")
    row_id = str(uuid.uuid4())
    store_raw_row(server.db_url, "contact", row_id, {"name": "新字段", "is_merchant": True, "nickname": "小王"})
    assert sync_once(reader.profile).held == 1
    assert reader.read(lambda s: s.get(SyncHeldRow, ("contact", row_id))).reason.startswith("contact.nickname")


def test_a_push_answer_carrying_a_row_the_client_cannot_store_holds_it(server, make_device):
    """Merged and conflicting answers carry the server's row: a damaged one is held like a pulled one."""
    writer = make_device("writer", "officer_a")
    cid = writer.write(save_contact, {"name": "原样", "is_merchant": True, "city": "武汉"})
    sync_once(writer.profile)
    store_raw_row(server.db_url, "contact", cid, {"name": "原样", "is_merchant": True, "phones": [1]})
    writer.write(save_contact, {"city": "杭州"}, cid)  # on the old version: the answer brings the row
    report = sync_once(writer.profile)
    assert report.pushed == 1 and report.held == 1
    assert [(h.table_name, h.row_id) for h in writer.read(held_items)] == [("contact", cid)]
    assert writer.read(lambda s: s.get(Contact, cid)).phones == []  # the damaged value never stored
