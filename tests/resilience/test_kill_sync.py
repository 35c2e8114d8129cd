"""Guarantees 1, 2 and 5 of SYNC.md under SIGKILL: the headless sync is killed at random moments, over
and over, while the officer keeps editing between runs. Afterwards nothing is lost, nothing is stored
twice, and the profile's database is intact."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

from chushang_desk.services import contacts
from chushang_desk.services.profile import open_profile
from chushang_desk.sync.account import sign_in
from chushang_desk.sync.engine import sync_once
from tests.support.profile_db import db

# At least 100 kills in CI: 60 on each server database.
KILLS = int(os.environ.get("CHUSHANG_KILL_RUNS", "60"))
# Small batches and pages, so one sync is many transactions and a kill can land between any two.
SMALL_BATCHES = {"CHUSHANG_PUSH_BATCH": "7", "CHUSHANG_PULL_LIMIT": "11"}
PASSWORD = "secret-pass-1"  # tests/support/server_process.py seed_people


def _new_contact(profile, n: int) -> str:
    return profile.write(contacts.save_contact, {"name": f"断点{n}", "is_merchant": True, "notes": "v0"})


def _edit_notes(profile, contact_id: str, notes: str) -> None:
    profile.write(contacts.save_contact, {"notes": notes}, contact_id)


def _integrity(db_path) -> str:
    with db(db_path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def _killed_sync(data_dir, delay: float) -> int | None:
    env = {**os.environ, **SMALL_BATCHES}
    proc = subprocess.Popen([sys.executable, "-m", "chushang_desk", "sync", "--data-dir", str(data_dir)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    return proc.wait()


def _contacts_by_id(profile) -> dict[str, tuple[str, str]]:
    def read(session):
        from sqlalchemy import select
        from chushang_desk.models import Contact
        rows = session.execute(select(Contact.id, Contact.name, Contact.notes).where(Contact.deleted_at.is_(None)))
        return {r.id: (r.name, r.notes) for r in rows if r.name.startswith("断点")}
    return profile.read(read)


def test_sync_killed_at_random_moments_loses_and_duplicates_nothing(server, tmp_path):
    rng = random.Random(20261201)
    officer = open_profile(tmp_path / "officer")
    sign_in(officer, server.url, "officer_a", PASSWORD)
    expected: dict[str, tuple[str, str]] = {}
    finished = 0
    for run in range(KILLS):
        for _ in range(3):
            cid = _new_contact(officer, len(expected))
            expected[cid] = (f"断点{len(expected)}", "v0")
        for cid in rng.sample(sorted(expected), 2):
            notes = f"run {run}"
            _edit_notes(officer, cid, notes)
            expected[cid] = (expected[cid][0], notes)
        officer.close()
        status = _killed_sync(officer.data_dir, rng.uniform(0.3, 1.8))
        finished += status == 0
        assert _integrity(officer.db_path) == "ok", f"run {run}"
        officer = open_profile(officer.data_dir)
    assert finished < KILLS, "every sync finished before its kill: the kills tested nothing"

    # Two full syncs with no new edits: everything has gone up, once.
    sync_once(officer)
    report = sync_once(officer)
    assert report.pushed == 0
    assert _contacts_by_id(officer) == expected
    assert officer.read(_pending) == 0
    assert officer.read(_open_conflicts) == 0, "a device's own edits never conflict with each other"

    # A second device sees exactly the officer's contacts: none lost, none twice, latest values.
    other = open_profile(tmp_path / "other")
    sign_in(other, server.url, "officer_b", PASSWORD)
    sync_once(other)
    assert _contacts_by_id(other) == expected
    officer.close()
    other.close()


def _pending(session) -> int:
    from chushang_desk.services.sync_status import pending_edits
    return pending_edits(session)


def _open_conflicts(session) -> int:
    from chushang_desk.services.conflicts import count_open
    return count_open(session)
