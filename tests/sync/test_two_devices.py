"""Two devices edit offline and sync through a real server (SQLite and PostgreSQL): they converge,
different fields of one record merge, the same field is a conflict on the later device that "keep
mine" and "keep theirs" resolve, and an edit against a record deleted elsewhere can restore it."""
from __future__ import annotations

from datetime import date

import pytest

from chushang_desk.models import Contact, SyncConflict
from chushang_desk.services import conflicts, organizations, visits
from chushang_desk.services.contacts import delete_contact, get_contact, restore_contact, save_contact
from chushang_desk.sync.engine import sync_once

from .conftest import local_rows, server_rows

MERCHANT = {"is_merchant": True}


def contact(name: str, **fields) -> dict:
    return {"name": name, **MERCHANT, **fields}


def field_of(device, contact_id: str, field: str):
    return device.read(lambda s: getattr(s.get(Contact, contact_id), field))


def rounds(*devices, times: int = 2) -> None:
    for _ in range(times):
        for device in devices:
            sync_once(device.profile)


def shared_contact(a, b, **fields) -> str:
    """A contact made on a and known to b (both synced)."""
    cid = a.write(save_contact, contact("王五", company="楚商投资", **fields))
    rounds(a, b, times=1)
    assert field_of(b, cid, "name") == "王五"
    return cid


def offline_work(device, tag: str) -> None:
    """A little of everything, made offline: contacts, an organization, a membership, a visit with
    people met and a follow-up, an edit and a delete."""
    def work(s):
        people = [save_contact(s, contact(f"{tag}{i}号", phones=[f"+8613800{i:06d}"])) for i in range(5)]
        org = organizations.save_organization(s, {"name": f"{tag}商会", "kind": "chamber"})
        organizations.save_affiliation(s, {"contact_id": people[0], "organization_id": org, "role": "会长"})
        visits.save_visit(s, {"visit_date": date(2025, 3, 14), "station": "jjj", "officers": [tag],
                              "mode": "visit", "place": f"{tag}的公司", "intention_amount": "1250.5",
                              "contact_ids": people[:2], "organization_ids": [org],
                              "follow_ups": [{"task": "寄资料", "owner": tag, "due_date": date(2025, 4, 1)}]})
        save_contact(s, {"title": "董事长"}, people[1])
        delete_contact(s, people[4])
    device.write(work)


def test_two_devices_edit_offline_and_converge(make_device):
    a, b = make_device("a", "officer_a"), make_device("b", "lead_a")
    offline_work(a, "甲")
    offline_work(b, "乙")
    rounds(a, b)
    mine_a, mine_b = local_rows(a.profile), local_rows(b.profile)
    assert mine_a == mine_b
    assert mine_a == server_rows(a.profile) == server_rows(b.profile)
    names = {r["name"] for (t, _), r in mine_a.items() if t == "contact"}
    assert {"甲0号", "乙3号"} <= names
    assert not a.read(conflicts.open_conflicts) and not b.read(conflicts.open_conflicts)


def test_different_fields_of_one_record_merge(make_device):
    a, b = make_device("a", "officer_a"), make_device("b", "officer_b")
    cid = shared_contact(a, b)
    a.write(save_contact, {"company": "长江存储"}, cid)
    b.write(save_contact, {"title": "总经理"}, cid)
    report_a = sync_once(a.profile)
    report_b = sync_once(b.profile)
    assert (report_a.applied, report_b.merged, report_b.conflicts) == (1, 1, 0)
    sync_once(a.profile)
    for device in (a, b):
        assert (field_of(device, cid, "company"), field_of(device, cid, "title")) == ("长江存储", "总经理")
        assert device.read(conflicts.count_open) == 0


@pytest.mark.parametrize("choice", ["keep_mine", "keep_theirs"])
def test_same_field_is_a_conflict_on_the_later_device(make_device, choice):
    a, b = make_device("a", "officer_a"), make_device("b", "officer_b")
    cid = shared_contact(a, b)
    a.write(save_contact, {"company": "甲的公司"}, cid)
    b.write(save_contact, {"company": "乙的公司", "title": "总经理"}, cid)
    sync_once(a.profile)
    report = sync_once(b.profile)
    assert report.conflicts == 1
    assert a.read(conflicts.count_open) == 0
    [item] = b.read(conflicts.open_conflicts)
    assert (item.table_name, item.row_id, item.record_label, item.field) == ("contact", cid, "王五", "company")
    assert (item.mine, item.theirs, item.theirs_by) == ("乙的公司", "甲的公司", "officer_a name")
    assert item.theirs_at is not None and item.device_time is not None
    # The server's value is what b shows meanwhile; b's other field went through.
    assert (field_of(b, cid, "company"), field_of(b, cid, "title")) == ("甲的公司", "总经理")

    b.write(getattr(conflicts, choice), item.id)
    rounds(b, a)
    expected = "乙的公司" if choice == "keep_mine" else "甲的公司"
    for device in (a, b):
        assert field_of(device, cid, "company") == expected
        assert field_of(device, cid, "title") == "总经理"
        assert device.read(conflicts.count_open) == 0
    resolution = b.read(lambda s: s.get(SyncConflict, item.id).resolution)
    assert resolution == choice


def test_an_edit_against_a_record_deleted_elsewhere_can_restore_it(make_device):
    a, b = make_device("a", "officer_a"), make_device("b", "officer_b")
    cid = shared_contact(a, b)
    a.write(delete_contact, cid)
    sync_once(a.profile)
    b.write(save_contact, {"title": "会长"}, cid)
    report = sync_once(b.profile)
    assert report.conflicts == 1
    [item] = b.read(conflicts.open_conflicts)
    assert item.field == "deleted_at" and item.mine["title"] == "会长"
    assert field_of(b, cid, "deleted_at") is not None  # a delete wins until someone restores
    b.write(conflicts.keep_mine, item.id)
    assert field_of(b, cid, "deleted_at") is None
    rounds(b, a)
    for device in (a, b):
        assert device.read(get_contact, cid)["title"] == "会长"
        assert field_of(device, cid, "deleted_at") is None
    assert local_rows(a.profile)[("contact", cid)] == local_rows(b.profile)[("contact", cid)]


def test_a_refused_edit_stays_in_view(make_device):
    """The server refuses an officer's visit for another station: the edit is not dropped silently but
    waits under "needs review" with the server's reason."""
    a = make_device("a", "officer_a")
    people = [a.write(save_contact, contact("赵六"))]
    vid = a.write(visits.save_visit, {"visit_date": date(2025, 3, 14), "station": "csj", "officers": ["甲"],
                                      "mode": "visit", "place": "上海", "contact_ids": people})
    report = sync_once(a.profile)
    assert report.rejected >= 1 and report.applied >= 1
    refused = [c for c in a.read(conflicts.open_conflicts) if c.row_id == vid]
    assert len(refused) == 1
    assert refused[0].field == "" and refused[0].mine["fields"]["station"] == "csj" and refused[0].theirs
    assert refused[0].record_label == "2025-03-14 上海"


def test_several_offline_edits_of_one_field_are_not_a_conflict_with_themselves(make_device):
    """Each edit is pushed on the version the one before produced, also when another device changed
    a different field of the record meanwhile."""
    a, b = make_device("a", "officer_a"), make_device("b", "officer_b")
    cid = shared_contact(a, b)
    b.write(save_contact, {"title": "秘书长"}, cid)
    sync_once(b.profile)
    for company in ("第一家", "第二家", "第三家"):
        a.write(save_contact, {"company": company}, cid)
    report = sync_once(a.profile)
    assert (report.pushed, report.conflicts, report.rejected) == (3, 0, 0)
    sync_once(b.profile)
    for device in (a, b):
        assert (field_of(device, cid, "company"), field_of(device, cid, "title")) == ("第三家", "秘书长")
        assert device.read(conflicts.count_open) == 0


@pytest.mark.parametrize("server_db_url", ["sqlite"], indirect=True)
def test_small_batches_and_pages_when_asked(make_device, monkeypatch):
    """CHUSHANG_PUSH_BATCH / CHUSHANG_PULL_LIMIT make one sync many transactions (the kill tests
    stop it between any two); the outcome is the same."""
    monkeypatch.setenv("CHUSHANG_PUSH_BATCH", "4")
    monkeypatch.setenv("CHUSHANG_PULL_LIMIT", "7")
    a, b = make_device("a", "officer_a"), make_device("b", "lead_a")
    offline_work(a, "甲")
    pushed = sync_once(a.profile)
    assert pushed.pushed >= 12 and pushed.requests >= pushed.pushed // 4 + 1
    pulled = sync_once(b.profile)
    assert pulled.pages >= pulled.pulled // 7 and pulled.pages > 2
    sync_once(a.profile)
    assert local_rows(a.profile) == local_rows(b.profile)


def test_a_delete_brings_back_what_another_device_changed_meanwhile(make_device):
    a, b = make_device("a", "officer_a"), make_device("b", "lead_a")
    cid = shared_contact(a, b)
    b.write(save_contact, {"notes": "乙的备注"}, cid)
    sync_once(b.profile)
    a.write(delete_contact, cid)
    rounds(a, b)
    assert field_of(a, cid, "notes") == field_of(b, cid, "notes") == "乙的备注"
    assert local_rows(a.profile) == local_rows(b.profile) == server_rows(a.profile)


def test_a_restore_brings_back_what_another_device_changed_meanwhile(make_device):
    a, b = make_device("a", "officer_a"), make_device("b", "lead_a")
    cid = shared_contact(a, b)
    b.write(save_contact, {"notes": "乙的备注"}, cid)
    b.write(delete_contact, cid)
    sync_once(b.profile)
    a.write(delete_contact, cid)
    a.write(restore_contact, cid)
    rounds(a, b)
    assert field_of(a, cid, "notes") == field_of(b, cid, "notes") == "乙的备注"
    assert local_rows(a.profile) == local_rows(b.profile) == server_rows(a.profile)
