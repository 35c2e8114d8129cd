"""The outbox invariant of SYNC.md, checked after every kind of edit.

Every change of a synced row writes exactly one outbox entry in the same transaction (changed fields
only), nothing else writes one, and no path may change a synced row without it. These tests go through
the real session factory, hooks and SQLite database of a profile; nothing of ours is mocked.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import delete, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from chushang_desk.db.bulk import bulk_insert
from chushang_desk.db.outbox import OutboxBypassed, TombstoneRequired, synced_fields
from chushang_desk.models import (
    Affiliation, Contact, FollowUp, LocalSetting, Organization, OutboxEntry, Referral, Visit,
    VisitContact, synced_tables,
)
from chushang_desk.services.contacts import delete_contact, restore_contact, save_contact

ACTOR = "测试员"  # the actor tests/conftest.py gives the profile


# ---------------------------------------------------------------------------------------------- helpers
def outbox(profile, after: int = 0) -> list[dict]:
    """The outbox entries after mid `after`, in mid order, as plain dicts read back from SQLite."""
    with profile.sessions.read() as s:
        rows = s.scalars(select(OutboxEntry).where(OutboxEntry.mid > after).order_by(OutboxEntry.mid))
        return [dict(mid=e.mid, table=e.table_name, row_id=e.row_id, op=e.op, fields=e.fields,
                     base_version=e.base_version, device_time=e.device_time) for e in rows]


def last_mid(profile) -> int:
    with profile.sessions.read() as s:
        return s.scalar(select(func.max(OutboxEntry.mid))) or 0


def new_contact(profile, name: str = "张三", **extra) -> str:
    return profile.write(save_contact, {"name": name, "is_merchant": True, **extra})


def add_rows(profile, *rows) -> list[str]:
    """Add model instances in one write transaction; returns their ids."""
    with profile.sessions.write() as s:
        s.add_all(rows)
        s.flush()
        return [r.id for r in rows]


def set_version(profile, model, row_id: str, version: int) -> None:
    """What a pull does after the server accepted the row: bookkeeping only, no outbox entry."""
    with profile.sessions.write() as s:
        s.info["applying_remote"] = True
        s.get(model, row_id).version = version


def a_visit_with_everything(profile) -> dict[str, str]:
    """One row of every synced table a visit touches, created in one transaction."""
    ambassador = new_contact(profile, "李四", is_ambassador=True, ambassador_since="2025-03-01")
    met = new_contact(profile, "王五")
    with profile.sessions.write() as s:
        org = Organization(name="深圳湖北商会", kind="chamber")
        visit = Visit(visit_date=date(2026, 5, 4), station="shenzhen", officers=["周一"],
                      intention_amount=Decimal("1200.50"), next_contact_date=date(2026, 6, 1))
        s.add_all([org, visit])
        s.flush()
        links = [
            Affiliation(contact_id=met, organization_id=org.id, role="会长", since=date(2020, 1, 1)),
            VisitContact(visit_id=visit.id, contact_id=met),
            FollowUp(visit_id=visit.id, task="寄送园区资料", owner="周一", due_date=date(2026, 5, 20)),
            Referral(ambassador_id=ambassador, referred_contact_id=met, referred_on=date(2026, 5, 5),
                     project_name="光谷新材料"),
        ]
        s.add_all(links)
        s.flush()
        ids = dict(organization=org.id, visit=visit.id, ambassador=ambassador, met=met)
        ids.update({type(r).__tablename__: r.id for r in links})
        return ids


# ---------------------------------------------------------------------------------------------- creates
def test_create_writes_one_upsert_with_every_synced_field(profile):
    before = last_mid(profile)
    cid = new_contact(profile, company="武汉光谷集团", phones=["+8613800138000"])
    [entry] = outbox(profile, before)
    with profile.sessions.read() as s:
        contact = s.get(Contact, cid)
        expected = {k: getattr(contact, k) for k in synced_fields(contact)}
    assert (entry["table"], entry["row_id"], entry["op"], entry["base_version"]) == ("contact", cid, "upsert", 0)
    assert set(entry["fields"]) == set(expected)
    assert "id" not in entry["fields"] and "version" not in entry["fields"] and "sort_key" not in entry["fields"]
    assert entry["fields"]["company"] == "武汉光谷集团"
    assert entry["fields"]["phones"] == ["+8613800138000"]
    assert entry["fields"]["created_at"] == expected["created_at"].isoformat(timespec="microseconds")


def test_creates_across_tables_write_one_upsert_per_row(profile):
    before = last_mid(profile)
    ids = a_visit_with_everything(profile)
    entries = outbox(profile, before)
    assert all(e["op"] == "upsert" for e in entries)
    assert len(entries) == len({e["row_id"] for e in entries}) == 8
    by_row = {e["row_id"]: e["table"] for e in entries}
    for table in ("organization", "visit", "affiliation", "visit_contact", "follow_up", "referral"):
        assert by_row[ids[table]] == table
    assert by_row[ids["ambassador"]] == by_row[ids["met"]] == "contact"


def test_every_synced_table_is_covered_by_these_tests():
    """A new synced model must get outbox coverage: this list is the reminder."""
    covered = {"contact", "organization", "affiliation", "visit", "visit_contact", "visit_organization",
               "follow_up", "referral", "reference_item", "annual_target",
               "contact_merge",  # its upsert: tests/unit/test_merge.py
               "project", "capital_arrival",  # theirs: tests/unit/test_projects.py
               "event", "event_attendee"}  # theirs: tests/unit/test_events.py
    assert set(synced_tables()) == covered


# ---------------------------------------------------------------------------------------------- edits
def test_edit_writes_only_changed_fields_and_audit_on_the_rows_version(profile):
    cid = new_contact(profile)
    set_version(profile, Contact, cid, 7)
    before = last_mid(profile)
    profile.write(save_contact, {"company": "楚商投资", "title": "董事长"}, cid)
    [entry] = outbox(profile, before)
    assert entry["op"] == "upsert" and entry["base_version"] == 7
    assert set(entry["fields"]) == {"company", "title", "updated_at", "updated_by"}
    assert entry["fields"]["company"] == "楚商投资" and entry["fields"]["updated_by"] == ACTOR


def test_edit_of_name_does_not_ship_the_derived_sort_key(profile):
    cid = new_contact(profile, "张三")
    before = last_mid(profile)
    profile.write(save_contact, {"name": "曾小明"}, cid)
    [entry] = outbox(profile, before)
    assert set(entry["fields"]) == {"name", "updated_at", "updated_by"}
    with profile.sessions.read() as s:
        assert s.get(Contact, cid).sort_key == "zeng xiao ming"


def test_no_op_edit_writes_nothing(profile):
    cid = new_contact(profile, company="楚商投资")
    before = last_mid(profile)
    profile.write(save_contact, {"company": "楚商投资"}, cid)
    with profile.sessions.write() as s:
        contact = s.get(Contact, cid)
        contact.company = "楚商投资"  # same value assigned: the row is in session.dirty, but unchanged
        contact.phones = list(contact.phones)
    assert outbox(profile, before) == []


def test_edits_of_other_tables_carry_their_own_changed_fields(profile):
    ids = a_visit_with_everything(profile)
    before = last_mid(profile)
    with profile.sessions.write() as s:
        s.get(FollowUp, ids["follow_up"]).done = True
        s.get(FollowUp, ids["follow_up"]).done_on = date(2026, 5, 18)
        s.get(Referral, ids["referral"]).status = "signed"
        s.get(Affiliation, ids["affiliation"]).role = "名誉会长"
    fields = {e["table"]: set(e["fields"]) for e in outbox(profile, before)}
    audit = {"updated_at", "updated_by"}
    assert fields == {"follow_up": {"done", "done_on"} | audit, "referral": {"status"} | audit,
                      "affiliation": {"role"} | audit}


# ---------------------------------------------------------------------------------------------- delete / restore
def test_delete_is_a_tombstone_entry_and_restore_undoes_it(profile):
    cid = new_contact(profile)
    before = last_mid(profile)
    profile.write(delete_contact, cid)
    profile.write(restore_contact, cid)
    deleted, restored = outbox(profile, before)
    assert deleted["op"] == "delete" and restored["op"] == "restore"
    assert set(deleted["fields"]) == set(restored["fields"]) == {"deleted_at", "updated_at", "updated_by"}
    assert deleted["fields"]["deleted_at"] is not None and restored["fields"]["deleted_at"] is None
    with profile.sessions.read() as s:
        assert s.get(Contact, cid).deleted_at is None


def test_hard_delete_is_refused_and_writes_nothing(profile):
    cid = new_contact(profile)
    before = last_mid(profile)
    with pytest.raises(TombstoneRequired):
        with profile.sessions.write() as s:
            s.delete(s.get(Contact, cid))
    assert outbox(profile, before) == []
    with profile.sessions.read() as s:
        assert s.get(Contact, cid) is not None


# ---------------------------------------------------------------------------------------------- bulk paths
BYPASSES = {
    "orm update": lambda s, cid: s.execute(update(Contact).where(Contact.id == cid).values(company="X")),
    "core update": lambda s, cid: s.execute(update(Contact.__table__).where(Contact.__table__.c.id == cid)
                                            .values(company="X")),
    "orm delete": lambda s, cid: s.execute(delete(Contact).where(Contact.id == cid)),
    "core delete": lambda s, cid: s.execute(delete(Contact.__table__)),
    "orm insert": lambda s, cid: s.execute(insert(Contact), [dict(id="x-1", name="X")]),
    "core insert": lambda s, cid: s.execute(insert(Contact.__table__).values(id="x-2", name="X")),
    "query update": lambda s, cid: s.query(Contact).filter_by(id=cid).update({"company": "X"}),
    "query delete": lambda s, cid: s.query(Contact).filter_by(id=cid).delete(),
    "bulk_update_mappings": lambda s, cid: s.bulk_update_mappings(Contact, [dict(id=cid, company="X")]),
    "bulk_insert_mappings": lambda s, cid: s.bulk_insert_mappings(Contact, [dict(id="x-3", name="X")]),
    "bulk_save_objects": lambda s, cid: s.bulk_save_objects([Contact(id="x-4", name="X")]),
    "core update on the connection": lambda s, cid: s.connection().execute(
        update(Contact.__table__).where(Contact.__table__.c.id == cid).values(company="X")),
    "text update": lambda s, cid: s.execute(text("UPDATE contact SET company = 'X'")),
    "text insert or replace": lambda s, cid: s.execute(text(
        "INSERT OR REPLACE INTO \"contact\" (id, name) VALUES ('x-5', 'X')")),
    "driver sql delete": lambda s, cid: s.connection().exec_driver_sql("DELETE FROM contact"),
}


@pytest.mark.parametrize("path", sorted(BYPASSES))
def test_bulk_statements_on_synced_tables_are_refused(profile, path):
    cid = new_contact(profile, company="原公司")
    before = last_mid(profile)
    with pytest.raises(OutboxBypassed):
        with profile.sessions.write() as s:
            BYPASSES[path](s, cid)
    with profile.sessions.read() as s:
        assert s.scalars(select(Contact.company)).all() == ["原公司"]
    assert outbox(profile, before) == []


def test_applying_remote_changes_may_use_core_statements(profile):
    """The sync engine applies pulled pages however is fastest; they are the server's, not edits."""
    cid = new_contact(profile)
    before = last_mid(profile)
    with profile.sessions.write() as s:
        s.info["applying_remote"] = True
        s.connection().execute(update(Contact.__table__).where(Contact.__table__.c.id == cid).values(version=9))
    assert outbox(profile, before) == []
    with profile.sessions.read() as s:
        assert s.get(Contact, cid).version == 9


def test_bulk_statements_on_local_tables_are_allowed(profile):
    """The guard is about synced tables only: device-local settings may be written in bulk."""
    with profile.sessions.write() as s:
        s.execute(insert(LocalSetting), [dict(key="a", value="1"), dict(key="b", value="2")])
        s.execute(update(LocalSetting).values(value="3"))
    with profile.sessions.read() as s:
        assert s.scalars(select(LocalSetting.value).where(LocalSetting.key.in_(["a", "b"]))).all() == ["3", "3"]


def test_bulk_insert_writes_one_entry_per_row_in_order(profile):
    before = last_mid(profile)
    with profile.sessions.write() as s:
        ids = bulk_insert(s, Organization, [dict(name=f"商会{i}", kind="chamber") for i in range(50)])
    entries = outbox(profile, before)
    assert [e["row_id"] for e in entries] == ids
    assert {e["op"] for e in entries} == {"upsert"} and {e["table"] for e in entries} == {"organization"}
    assert entries[3]["fields"]["name"] == "商会3" and entries[3]["fields"]["created_by"] == ACTOR
    with profile.sessions.read() as s:
        org = s.get(Organization, ids[3])
        assert set(entries[3]["fields"]) == set(synced_fields(org))


def test_bulk_insert_of_server_data_writes_no_entry(profile):
    before = last_mid(profile)
    with profile.sessions.write() as s:
        bulk_insert(s, Organization, [dict(name="总部下发商会", kind="chamber")], from_server=True)
    assert outbox(profile, before) == []


# ---------------------------------------------------------------------------------------------- transactions
def test_rollback_leaves_neither_row_nor_entry(profile):
    before = last_mid(profile)
    with pytest.raises(RuntimeError, match="officer cancelled"):
        with profile.sessions.write() as s:
            save_contact(s, {"name": "赵六", "is_merchant": True})
            raise RuntimeError("officer cancelled")
    assert outbox(profile, before) == []
    with profile.sessions.read() as s:
        assert s.scalar(select(func.count()).select_from(Contact)) == 0


def test_failed_flush_rolls_back_earlier_rows_and_entries_of_the_transaction(profile):
    """A follow-up pointing at no visit fails on the foreign key: the contact saved before it goes too."""
    before = last_mid(profile)
    with pytest.raises(IntegrityError):
        with profile.sessions.write() as s:
            save_contact(s, {"name": "赵六", "is_merchant": True})
            s.add(FollowUp(visit_id="no-such-visit", task="x"))
            s.flush()
    assert outbox(profile, before) == []
    with profile.sessions.read() as s:
        assert s.scalar(select(func.count()).select_from(Contact)) == 0


def test_mid_strictly_increases(profile):
    before = last_mid(profile)
    cid = new_contact(profile)
    for i in range(20):
        profile.write(save_contact, {"company": f"公司{i}"}, cid)
    mids = [e["mid"] for e in outbox(profile, before)]
    assert len(mids) == 21 and all(a < b for a, b in zip(mids, mids[1:]))


def test_mid_is_never_reused_after_pushed_entries_are_deleted(profile):
    """A reused mid would look to the server like a repeat of an applied entry and be dropped."""
    new_contact(profile, "甲")
    new_contact(profile, "乙")
    pushed = last_mid(profile)
    with profile.sessions.write() as s:
        s.execute(delete(OutboxEntry))  # what the sync engine does once the server confirmed them
    new_contact(profile, "丙")
    assert [e["mid"] for e in outbox(profile)] == [pushed + 1]


# ---------------------------------------------------------------------------------------------- audit and remote
def test_audit_columns_come_from_the_session_actor(profile):
    cid = new_contact(profile)
    profile.sessions.actor = "另一位联络员"
    profile.write(save_contact, {"company": "新公司"}, cid)
    with profile.sessions.read() as s:
        c = s.get(Contact, cid)
        assert (c.created_by, c.updated_by) == (ACTOR, "另一位联络员")
        assert c.updated_at > c.created_at
    assert outbox(profile)[-1]["fields"]["updated_by"] == "另一位联络员"


def test_applying_remote_changes_writes_no_entries(profile):
    cid = new_contact(profile)
    before = last_mid(profile)
    with profile.sessions.write() as s:
        s.info["applying_remote"] = True
        s.get(Contact, cid).company = "服务器的值"
        s.add(Organization(id="org-from-server", name="总部商会", kind="chamber", sort_key="zong bu",
                           created_at=datetime(2026, 1, 1), updated_at=datetime(2026, 1, 1), version=12))
    assert outbox(profile, before) == []
    with profile.sessions.read() as s:
        assert s.get(Contact, cid).company == "服务器的值"
        assert s.get(Organization, "org-from-server").version == 12


def test_decimal_and_dates_travel_as_strings(profile):
    ids = a_visit_with_everything(profile)
    entries = {e["row_id"]: e for e in outbox(profile)}
    visit = entries[ids["visit"]]["fields"]
    assert visit["intention_amount"] == "1200.50"
    assert visit["visit_date"] == "2026-05-04" and visit["next_contact_date"] == "2026-06-01"
    assert entries[ids["affiliation"]]["fields"]["since"] == "2020-01-01"
    assert entries[ids["ambassador"]]["fields"]["ambassador_since"] == "2025-03-01"
    assert datetime.fromisoformat(visit["created_at"]) == entries[ids["visit"]]["device_time"]
    before = last_mid(profile)
    with profile.sessions.write() as s:
        s.get(Visit, ids["visit"]).intention_amount = Decimal("99.90")
    assert outbox(profile, before)[0]["fields"]["intention_amount"] == "99.90"
