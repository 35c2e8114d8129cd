"""The "needs review" service on its own (no server): keeping mine always writes a new outbox entry,
even when the row already shows my value, and a resolved conflict cannot be resolved twice."""
from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import delete, select

from chushang_desk.db.ids import uuid7
from chushang_desk.models import OutboxEntry, SyncConflict
from chushang_desk.services import conflicts
from chushang_desk.services.contacts import save_contact
from chushang_desk.services.messages import NotFound
from chushang_desk.sync.engine import remote_write


def conflict_on(profile, row_id: str, field: str, mine, theirs) -> str:
    conflict = SyncConflict(id=uuid7(), table_name="contact", row_id=row_id, field=field, mine=mine,
                            theirs=theirs, server_version=5, theirs_by="hq name", device_time=datetime(2026, 11, 30),
                            created_at=datetime(2026, 12, 1), resolution="")
    with remote_write(profile) as session:
        session.execute(delete(OutboxEntry))  # as if everything had been pushed
        session.add(conflict)
    return conflict.id


def outbox(profile) -> list[OutboxEntry]:
    return profile.read(lambda s: list(s.scalars(select(OutboxEntry).order_by(OutboxEntry.mid))))


def test_keep_mine_sends_my_value_again_even_when_the_row_shows_it(profile):
    cid = profile.write(save_contact, {"name": "张三", "is_merchant": True, "company": "我的公司"})
    conflict_id = conflict_on(profile, cid, "company", "我的公司", "他们的公司")
    [item] = profile.read(conflicts.open_conflicts)
    assert (item.record_label, item.theirs_by, item.mine) == ("张三", "hq name", "我的公司")
    profile.write(conflicts.keep_mine, conflict_id)
    [entry] = outbox(profile)
    assert (entry.row_id, entry.op, entry.fields["company"]) == (cid, "upsert", "我的公司")
    assert profile.read(conflicts.count_open) == 0
    with pytest.raises(NotFound):
        profile.write(conflicts.keep_theirs, conflict_id)


def test_keep_mine_on_a_deleted_record_restores_it_with_my_fields(profile):
    cid = profile.write(save_contact, {"name": "李四", "is_merchant": True})
    with remote_write(profile) as session:
        session.connection().exec_driver_sql(
            "UPDATE contact SET deleted_at = '2026-11-30 08:00:00.000000' WHERE id = ?", (cid,))
    conflict_id = conflict_on(profile, cid, "deleted_at", {"title": "会长", "updated_at": "2026-11-30T09:00:00.000000"},
                              "2026-11-30T08:00:00.000000")
    profile.write(conflicts.keep_mine, conflict_id)
    [entry] = outbox(profile)
    assert entry.op == "restore" and entry.fields["deleted_at"] is None and entry.fields["title"] == "会长"


def test_keep_theirs_closes_without_an_edit(profile):
    cid = profile.write(save_contact, {"name": "王五", "is_merchant": True})
    conflict_id = conflict_on(profile, cid, "title", "我的", "他们的")
    profile.write(conflicts.keep_theirs, conflict_id)
    assert outbox(profile) == [] and profile.read(conflicts.count_open) == 0
