"""The tables 0002 adds for the sync engine: device-local, never synced, never in the outbox.

A conflict keeps both values in their wire form so "keep mine" can send the officer's value again
(SYNC.md: nothing is overwritten silently); its resolution is one of three states, checked by SQLite.
"""
from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from chushang_desk.db.ids import uuid7
from chushang_desk.models import OutboxEntry, SyncConflict, SyncState, synced_tables


def outbox_size(profile) -> int:
    with profile.sessions.read() as s:
        return s.scalar(select(func.count()).select_from(OutboxEntry))


def a_conflict(**overrides) -> SyncConflict:
    values = dict(id=uuid7(), table_name="visit", row_id=uuid7(), field="intention_amount", mine="1200.50",
                  theirs=["周一", None], server_version=41, device_time=datetime(2026, 11, 23, 9, 30),
                  created_at=datetime(2026, 11, 23, 9, 31))
    return SyncConflict(**{**values, **overrides})


def test_sync_tables_are_local(profile):
    assert not {"sync_conflict", "sync_state"} & set(synced_tables())
    before = outbox_size(profile)
    with profile.sessions.write() as s:
        s.add(a_conflict())
        s.add_all([SyncState(key="device_id", value=uuid7()), SyncState(key="cursor", value="0")])
    assert outbox_size(profile) == before


def test_conflict_keeps_both_values_in_wire_form_until_resolved(profile):
    conflict = a_conflict()
    with profile.sessions.write() as s:
        s.add(conflict)
    with profile.sessions.read() as s:
        stored = s.get(SyncConflict, conflict.id)
        assert (stored.mine, stored.theirs, stored.resolution, stored.resolved_at) == (
            "1200.50", ["周一", None], "", None)
    with profile.sessions.write() as s:
        stored = s.get(SyncConflict, conflict.id)
        stored.resolution, stored.resolved_at = "keep_theirs", datetime(2026, 11, 24)
    with profile.sessions.read() as s:
        assert s.get(SyncConflict, conflict.id).resolution == "keep_theirs"


def test_unknown_resolution_is_refused_by_the_database(profile):
    with pytest.raises(IntegrityError, match="ck_sync_conflict_resolution"):
        with profile.sessions.write() as s:
            s.add(a_conflict(resolution="keep_both"))
