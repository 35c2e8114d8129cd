"""Two devices that set a field to the same value concurrently agree: no conflict is recorded for
either, and a later edit made on that value replaces it without a conflict (SYNC.md: a pushed field
conflicts only if the server *changed* it after the entry's base; writing the value it already holds is
no change). Both databases, real devices, a real server."""
from __future__ import annotations

from chushang_desk.models import SyncConflict
from chushang_desk.services.contacts import save_contact
from chushang_desk.sync.engine import sync_once

from .conftest import local_rows, server_rows
from .test_two_devices import contact, field_of, rounds


def conflict_count(device) -> int:
    return device.read(lambda s: s.query(SyncConflict).count())


def test_an_agreeing_edit_changes_nothing_and_a_later_edit_on_that_value_wins(make_device):
    a, b = make_device("a", "lead_a"), make_device("b", "officer_b")
    cid = b.write(save_contact, contact("张三"))
    rounds(b, a, times=1)
    b.write(save_contact, {"notes": "丙"}, cid)
    sync_once(b.profile)                          # the server holds 丙, written by b
    b.write(save_contact, {"notes": "甲"}, cid)   # b, offline, replaces the 丙 it holds
    a.write(save_contact, {"notes": "丙"}, cid)   # a, not having seen b's 丙, sets the same value
    sync_once(a.profile)                          # agrees with the server: no change, no conflict
    assert field_of(a, cid, "notes") == "丙" and conflict_count(a) == 0
    sync_once(b.profile)                          # b's edit was made on 丙, which nobody changed since
    assert field_of(b, cid, "notes") == "甲" and conflict_count(b) == 0
    rounds(a, b)
    assert field_of(a, cid, "notes") == "甲"
    assert local_rows(a.profile) == local_rows(b.profile) == server_rows(a.profile)
