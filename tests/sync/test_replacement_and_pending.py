"""Pulled values never overwrite fields still waiting in the outbox, and a server restored from a
backup (new epoch: 410) makes the client pull everything again while keeping its pending edits."""
from __future__ import annotations

import pytest
from sqlalchemy import delete, text

from chushang_desk.models import Contact, OutboxEntry
from chushang_desk.services.contacts import save_contact
from chushang_desk.services.sync_status import all_state, pending_edits
from chushang_desk.sync.apply import apply_rows
from chushang_desk.sync.engine import remote_write, sync_once
from tests.support.server_process import start_server

from .conftest import local_rows, server_rows


def pulled_contact(contact_id: str, version: int, **data) -> dict:
    base = {"name": "张三", "is_merchant": True, "company": "", "title": "", "phones": [], "tags": [],
            "created_at": "2026-01-01T00:00:00.000000", "updated_at": "2026-01-02T00:00:00.000000",
            "created_by": "hq", "updated_by": "hq", "deleted_at": None}
    return {"table": "contact", "id": contact_id, "version": version, "deleted": False, "data": {**base, **data}}


def test_pulled_values_leave_pending_fields_alone(profile):
    cid = profile.write(save_contact, {"name": "张三", "is_merchant": True})
    with remote_write(profile) as session:  # as if pushed: the create's outbox entry was answered
        session.execute(delete(OutboxEntry))
    profile.write(save_contact, {"company": "我改的公司"}, cid)
    with remote_write(profile) as session:
        apply_rows(session.connection(), [pulled_contact(cid, 7, company="服务器的公司", title="董事长")])
    row = profile.read(lambda s: s.get(Contact, cid))
    assert (row.company, row.title, row.version) == ("我改的公司", "董事长", 7)
    assert profile.read(pending_edits) == 1  # applying the server's row wrote no outbox entry


def test_pulled_rows_land_without_their_parents_and_are_searchable(profile):
    rows = [{"table": "affiliation", "id": "0190aaaa-0000-7000-8000-000000000001", "version": 3, "deleted": False,
             "data": {"contact_id": "0190aaaa-0000-7000-8000-0000000000c1",
                      "organization_id": "0190aaaa-0000-7000-8000-0000000000o1", "role": "会长"}},
            pulled_contact("0190aaaa-0000-7000-8000-0000000000c1", 4, name="曾小贤", phones=["+8613812345678"])]
    with remote_write(profile) as session:
        apply_rows(session.connection(), rows)
    from chushang_desk.services.contacts import ContactQuery, find_contact_ids

    assert profile.read(find_contact_ids, ContactQuery(text="zeng")) == ["0190aaaa-0000-7000-8000-0000000000c1"]
    assert profile.read(find_contact_ids, ContactQuery(text="5678")) == ["0190aaaa-0000-7000-8000-0000000000c1"]
    with profile.sessions.read() as s:  # foreign keys are back on for the officer's own edits
        assert s.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def change_epoch(db_url: str) -> None:
    from chushang_server.db import make_engine

    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE server_meta SET value = 'restored-from-backup' WHERE key = 'epoch'"))
    engine.dispose()


def test_a_new_server_epoch_means_a_replacement_sync_that_keeps_pending_edits(make_device, server):
    a, b = make_device("a", "officer_a"), make_device("b", "officer_a")
    cid = a.write(save_contact, {"name": "李四", "is_merchant": True})
    sync_once(a.profile)
    sync_once(b.profile)
    a.write(save_contact, {"company": "离线时改的"}, cid)
    b.write(save_contact, {"name": "离线新建", "is_merchant": True})

    server.stop()
    change_epoch(server.db_url)
    port = int(server.url.rsplit(":", 1)[1])
    server.process = start_server(server.db_url, port=port).process  # same address, new epoch

    report = sync_once(a.profile)
    assert report.replaced and report.applied == 1
    assert a.read(all_state)["epoch"] == "restored-from-backup"
    assert a.read(pending_edits) == 0
    rounds_b = sync_once(b.profile)
    assert rounds_b.replaced
    sync_once(a.profile)
    assert local_rows(a.profile) == local_rows(b.profile) == server_rows(a.profile)
    assert a.read(lambda s: s.get(Contact, cid).company) == "离线时改的"


@pytest.mark.parametrize("server_db_url", ["sqlite"], indirect=True)
def test_an_edit_carries_the_servers_stamp_of_who_made_it_after_sync(server, tmp_path):
    """The server writes who made an edit (the signed-in user), never what the device sent (here a
    name typed into the settings after signing in); the device's copy says the same once the edit is
    through, so the replicas stay equal."""
    from chushang_desk.services.profile import open_profile
    from chushang_desk.sync.account import sign_in
    from tests.support.server_process import PASSWORD

    profile = open_profile(tmp_path / "p")
    try:
        sign_in(profile, server.url, "officer_a", PASSWORD)
        sync_once(profile)
        profile.sign_as("本机用户")
        cid = profile.write(save_contact, {"name": "改了名字后录入", "is_merchant": True})
        sync_once(profile)
        mine = local_rows(profile)[("contact", cid)]
        assert mine["created_by"] == mine["updated_by"] == "officer_a name"
        assert mine == server_rows(profile)[("contact", cid)]
    finally:
        profile.close()
