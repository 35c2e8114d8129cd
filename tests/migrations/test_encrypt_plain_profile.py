"""A profile made before encryption (plain SQLite, written here with the standard library's sqlite3 as
any older version or tool did) is encrypted at its first start: after an online backup, which is then
removed, with every row kept, and no readable byte of it left under the profile."""
from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing

from chushang_desk.db.encryption import PLAINTEXT_SUFFIX, is_plain
from chushang_desk.db.engine import DB_FILENAME
from chushang_desk.models import Contact
from chushang_desk.services.contacts import ContactQuery, find_contact_ids
from chushang_desk.services.profile import open_profile
from tests.support.canary import CANARY_NAME, CANARY_NOTE, CANARY_PHONE, canary_hits
from tests.support.profile_db import db

from .test_upgrade import snapshot, with_added_columns


def plant_canary_with_the_stdlib(data_dir) -> str:
    """The canary person in the plain database and in an older plain backup beside it; returns its id."""
    db_path = data_dir / DB_FILENAME
    with closing(sqlite3.connect(db_path)) as conn:
        contact_id = conn.execute("SELECT id FROM contact WHERE deleted_at IS NULL ORDER BY id LIMIT 1").fetchone()[0]
        conn.execute("UPDATE contact SET name = ?, phones = ?, notes = ? WHERE id = ?",
                     (CANARY_NAME, json.dumps([CANARY_PHONE]), CANARY_NOTE, contact_id))
        conn.commit()
        (data_dir / "backups").mkdir()
        with closing(sqlite3.connect(data_dir / "backups" / "chushang-20250101-before-0001.db")) as old:
            conn.backup(old)
    return contact_id


def test_plain_profile_is_encrypted_at_first_start_and_its_plaintext_removed(old_profile_dir):
    db_path = old_profile_dir / DB_FILENAME
    contact_id = plant_canary_with_the_stdlib(old_profile_dir)
    before = snapshot(db_path)
    assert is_plain(db_path) and {f for f, _ in canary_hits(old_profile_dir)} == {
        DB_FILENAME, "backups/chushang-20250101-before-0001.db"}  # the scan sees plaintext where it is

    profile = open_profile(old_profile_dir)
    try:
        assert not is_plain(db_path)
        # the person as the old version stored them (the raw UPDATE bypassed the search index), and
        # the search index (FTS5 shadow tables) copied and working
        person = profile.read(lambda s: (lambda c: (c.name, c.phones, c.notes))(s.get(Contact, contact_id)))
        assert person == (CANARY_NAME, [CANARY_PHONE], CANARY_NOTE)
        assert len(profile.read(find_contact_ids, ContactQuery(text="zhang"))) > 5
    finally:
        profile.close()
    assert canary_hits(old_profile_dir) == []
    after, before = snapshot(db_path), with_added_columns(before)  # (migrated to head on the way)
    for table in ("contact", "visit_contact", "follow_up", "affiliation", "organization"):
        assert after[table] == before[table], table
    # (the referrals' free-text projects became projects on opening: services/referrals.adopt_named_projects)
    assert len(after["referral"][1]) == len(before["referral"][1])
    backups = sorted(p.name for p in (old_profile_dir / "backups").iterdir())
    assert not [name for name in backups if "encryption" in name]  # the plaintext backup of the swap is gone
    assert "chushang-20250101-before-0001.db" in backups  # the older backup is kept, encrypted
    for name in backups:
        assert not is_plain(old_profile_dir / "backups" / name)
    with db(old_profile_dir / "backups" / "chushang-20250101-before-0001.db") as conn:
        assert conn.execute("SELECT name FROM contact WHERE id = ?", (contact_id,)).fetchone() == (CANARY_NAME,)
    assert not list(old_profile_dir.glob(f"*{PLAINTEXT_SUFFIX}*")) and not list(old_profile_dir.glob("*.encrypting*"))


def test_plain_profile_killed_with_edits_in_its_wal_keeps_them(old_profile_dir, tmp_path):
    """A plain profile whose app was killed with its last edits only in the -wal: they are encrypted too."""
    db_path = old_profile_dir / DB_FILENAME
    killed = tmp_path / "killed"
    killed.mkdir()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("UPDATE contact SET company = '只在日志里' WHERE rowid = 1")
    conn.commit()
    for suffix in ("", "-wal"):  # the files as a kill leaves them (a clean close would checkpoint)
        shutil.copyfile(f"{db_path}{suffix}", killed / f"{DB_FILENAME}{suffix}")
    conn.close()
    assert (killed / f"{DB_FILENAME}-wal").stat().st_size > 0
    open_profile(killed).close()
    assert canary_hits(killed) == [] and not (killed / f"{DB_FILENAME}-wal").exists()
    with db(killed / DB_FILENAME) as enc:
        assert enc.execute("SELECT company FROM contact WHERE rowid = 1").fetchone() == ("只在日志里",)


def test_encryption_cut_short_before_the_swap_leaves_the_plain_database_working(old_profile_dir):
    """A crash after the keyed copy was made but before the rename: the next start starts over."""
    db_path = old_profile_dir / DB_FILENAME
    half_done = db_path.with_name(DB_FILENAME + ".encrypting")
    half_done.write_bytes(b"half a copy")
    (db_path.with_name(DB_FILENAME + PLAINTEXT_SUFFIX)).hardlink_to(db_path)
    before = snapshot(db_path)
    open_profile(old_profile_dir).close()
    assert not half_done.exists() and not db_path.with_name(DB_FILENAME + PLAINTEXT_SUFFIX).exists()
    assert snapshot(db_path)["contact"] == with_added_columns(before)["contact"]
