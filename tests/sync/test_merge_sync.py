"""A merge travels (issue 10, item 5), through a real server on SQLite and PostgreSQL: a merge on one
laptop and an edit of the merged contact on another both arrive (the edit waits in Needs review, as any
edit of a deleted record does); the other laptop sees one person with the visits of both; undone on the
other laptop after the sync, both people come back everywhere."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from chushang_desk.models import Contact, SyncConflict, VisitContact
from chushang_desk.services.contacts import save_contact
from chushang_desk.services.merge import merge_contacts, merge_preview, merges_into, undo_merge, united_values
from chushang_desk.services.visits import save_visit
from chushang_desk.sync.engine import sync_once

from .conftest import local_rows


def rounds(*devices, times: int = 2) -> None:
    for _ in range(times):
        for device in devices:
            sync_once(device.profile)


def live_people(device) -> dict[str, list[str]]:
    def read(s):
        people = s.scalars(select(Contact).where(Contact.deleted_at.is_(None))).all()
        return {c.name: sorted(v.visit_id for v in s.scalars(select(VisitContact).where(
            VisitContact.contact_id == c.id, VisitContact.deleted_at.is_(None)))) for c in people}
    return device.read(read)


def test_a_merge_and_its_undo_reach_the_other_laptop_and_nothing_is_lost(make_device):
    a, b = make_device("a", "officer_a"), make_device("b", "lead_a")  # both of station jjj

    def people(s):
        zhang = save_contact(s, dict(name="张伟", is_merchant=True, company="华为", phones="13800138000"))
        twin = save_contact(s, dict(name="張偉", is_merchant=True, phones="13900001111"))
        visit = save_visit(s, dict(visit_date=date(2025, 3, 1), mode="visit", station="jjj", officers="李明",
                                   contact_ids=[twin]))
        return zhang, twin, visit
    zhang, twin, visit = a.write(people)
    rounds(a, b)
    values = united_values(a.read(merge_preview, [zhang, twin]))
    merge_id = a.write(merge_contacts, zhang, [twin], values)
    b.write(save_contact, dict(title="董事长"), twin)  # meanwhile, offline, b edits the merged one
    rounds(a, b)
    for device in (a, b):
        assert live_people(device) == {"张伟": [visit]}, device.name
    assert b.read(merges_into, zhang)[0]["names"] == ["張偉"]
    # b's edit met the merge's delete: not lost, it waits in Needs review (keeping it restores the person)
    held = b.read(lambda s: [(c.table_name, c.row_id, c.field, c.mine["title"]) for c in s.scalars(select(SyncConflict))])
    assert held == [("contact", twin, "deleted_at", "董事长")]

    b.write(undo_merge, merge_id)  # undone on the other laptop
    rounds(b, a)
    for device in (a, b):
        assert live_people(device) == {"张伟": [], "張偉": [visit]}, device.name
        assert device.read(lambda s: s.get(Contact, zhang).phones) == ["+8613800138000"]
    assert local_rows(a.profile) == local_rows(b.profile)
