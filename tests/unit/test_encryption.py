"""The profile's data at rest: encrypted (SQLCipher, a raw key), the key in the keyring or recovered with
the passphrase, private files, and only the SQLCipher library on a profile's file (ISSUE7 item 5)."""
from __future__ import annotations

import json
import os
import stat
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from chushang_desk.db import keys
from chushang_desk.db.encryption import is_plain
from chushang_desk.db.engine import DB_FILENAME, WrongKey, connect
from chushang_desk.db.migrate import online_backup
from chushang_desk.services.contacts import ContactQuery, find_contact_ids, save_contact
from chushang_desk.services.profile import open_profile
from tests.support.canary import CANARY_NAME, CANARY_PHONE, canary_contact, canary_hits
from tests.support.memory_keyring import memory_keyring

REPO = Path(__file__).resolve().parents[2]
PASSPHRASE = os.environ["CHUSHANG_PASSPHRASE"]  # tests/conftest.py


def never_asked(purpose: str):
    raise AssertionError(f"the passphrase was asked for ({purpose}) though the keyring holds the key")


def answers(*passphrases: str):
    """ask(purpose) giving these passphrases in turn, and recording each purpose asked."""
    queue, asked = list(passphrases), []

    def ask(purpose: str) -> str | None:
        asked.append(purpose)
        return queue.pop(0) if queue else None

    ask.asked = asked
    return ask


def test_database_wal_and_backup_hold_no_canary_byte(data_dir):
    profile = open_profile(data_dir)
    try:
        contact_id = profile.write(save_contact, canary_contact())
        profile.write(save_contact, {"notes": "改过一次 " + canary_contact()["notes"]}, contact_id)
        online_backup(profile.db_path, data_dir / "backups", "test", profile.key)
        assert Path(f"{profile.db_path}-wal").stat().st_size > 0  # the edits are in the WAL right now
        assert canary_hits(data_dir) == []
        assert profile.read(find_contact_ids, ContactQuery(text="金丝雀")) == [contact_id]
    finally:
        profile.close()
    assert canary_hits(data_dir) == []
    reopened = open_profile(data_dir)
    try:
        assert reopened.read(find_contact_ids, ContactQuery(text="13987654321")) == [contact_id]
    finally:
        reopened.close()


def test_the_scan_finds_a_canary_in_a_plain_file(tmp_path):
    """Guards the scan above: the same values in a plain database are found."""
    conn = connect(tmp_path / "plain.db", None)
    conn.execute("CREATE TABLE t (v)")
    conn.executemany("INSERT INTO t VALUES (?)", [(CANARY_NAME,), (CANARY_PHONE,)])
    conn.commit()
    conn.close()
    assert {value for _, value in canary_hits(tmp_path)} >= {CANARY_NAME, "13987654321"}


def test_database_file_is_not_plain_sqlite_and_opens_only_with_its_key(profile):
    assert not is_plain(profile.db_path)
    with pytest.raises(WrongKey):
        connect(profile.db_path, None)
    with pytest.raises(WrongKey):
        connect(profile.db_path, bytes(32))
    conn = connect(profile.db_path, profile.key)
    try:
        assert conn.execute("PRAGMA cipher_hmac_algorithm").fetchone() == ("HMAC_SHA256",)
    finally:
        conn.close()


def test_key_is_random_per_profile_and_never_written_in_clear(tmp_path):
    one, two = open_profile(tmp_path / "one"), open_profile(tmp_path / "two")
    try:
        assert len(one.key) == 32 and one.key != two.key
        for profile in (one, two):
            raw = (profile.data_dir / keys.KEY_FILENAME).read_bytes()
            assert profile.key not in raw and profile.key.hex().encode() not in raw
    finally:
        one.close()
        two.close()


# --- the keyring, the recovery passphrase -----------------------------------------------------------------


def test_keyring_holds_the_key_and_opens_without_the_passphrase(tmp_path, monkeypatch):
    with memory_keyring() as backend:
        first = open_profile(tmp_path / "p")
        first.close()
        assert list(backend.entries) == [(keys.KEYRING_SERVICE, f"profile-key|{keys.read_key_file(tmp_path / 'p').profile_id}")]
        monkeypatch.delenv(keys.PASSPHRASE_ENV)
        again = open_profile(tmp_path / "p", never_asked)
        assert again.key == first.key
        again.close()


def test_key_recovered_with_the_passphrase_when_the_keyring_is_empty(tmp_path):
    with memory_keyring():
        made = open_profile(tmp_path / "p")
        contact_id = made.write(save_contact, canary_contact())
        made.close()
    with memory_keyring() as new_keyring:  # a new computer, a switched backend: the keyring is empty
        ask = answers(PASSPHRASE)
        recovered = open_profile(tmp_path / "p", ask)
        try:
            assert ask.asked == [keys.UNLOCK] and recovered.key == made.key
            assert recovered.read(find_contact_ids, ContactQuery(text=CANARY_NAME)) == [contact_id]
        finally:
            recovered.close()
        assert len(new_keyring.entries) == 1  # put back: the next start asks nothing
        open_profile(tmp_path / "p", never_asked).close()


def test_stale_key_in_the_keyring_falls_back_to_the_passphrase(tmp_path):
    with memory_keyring() as backend:
        made = open_profile(tmp_path / "p")
        made.close()
        [entry] = backend.entries
        backend.entries[entry] = bytes(32).hex()  # e.g. a profile folder restored over another one
        ask = answers(PASSPHRASE)
        reopened = open_profile(tmp_path / "p", ask)
        reopened.close()
        assert ask.asked == [keys.UNLOCK] and backend.entries[entry] == made.key.hex()


def test_wrong_passphrase_is_refused_and_asked_again(tmp_path):
    open_profile(tmp_path / "p").close()
    ask = answers("not the passphrase", PASSPHRASE)
    reopened = open_profile(tmp_path / "p", ask)
    reopened.close()
    assert ask.asked == [keys.UNLOCK, keys.WRONG]
    with pytest.raises(keys.WrongPassphrase, match="wrong"):
        keys.unwrap_key(keys.read_key_file(tmp_path / "p"), "not the passphrase")


def test_wrong_passphrase_from_the_environment_says_so(tmp_path, monkeypatch):
    open_profile(tmp_path / "p").close()
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "not the passphrase")
    with pytest.raises(keys.WrongPassphrase, match=f"passphrase in {keys.PASSPHRASE_ENV} is wrong"):
        open_profile(tmp_path / "p")


def test_giving_up_leaves_the_profile_locked(tmp_path, monkeypatch):
    open_profile(tmp_path / "p").close()
    with pytest.raises(keys.PassphraseNeeded):
        open_profile(tmp_path / "p", answers())
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    with pytest.raises(keys.PassphraseNeeded, match=keys.PASSPHRASE_ENV):
        open_profile(tmp_path / "p")


def test_new_profile_refuses_a_short_passphrase(tmp_path):
    with pytest.raises(keys.PassphraseTooShort):
        open_profile(tmp_path / "p", answers("short"))
    assert not (tmp_path / "p" / DB_FILENAME).exists() and not (tmp_path / "p" / keys.KEY_FILENAME).exists()


def test_changed_passphrase_opens_and_the_old_one_no_longer_does(tmp_path):
    profile = open_profile(tmp_path / "p")
    profile.change_passphrase("a brand new passphrase")
    profile.close()
    key_file = keys.read_key_file(tmp_path / "p")
    with pytest.raises(keys.WrongPassphrase):
        keys.unwrap_key(key_file, PASSPHRASE)
    assert keys.unwrap_key(key_file, "a brand new passphrase") == profile.key
    reopened = open_profile(tmp_path / "p", answers("a brand new passphrase"))
    reopened.close()


def test_key_file_of_another_profile_does_not_open_this_one(tmp_path):
    one, two = open_profile(tmp_path / "one"), open_profile(tmp_path / "two")
    one.close()
    two.close()
    (tmp_path / "one" / keys.KEY_FILENAME).write_bytes((tmp_path / "two" / keys.KEY_FILENAME).read_bytes())
    with pytest.raises(WrongKey):
        open_profile(tmp_path / "one")


def test_missing_key_file_is_named(tmp_path):
    open_profile(tmp_path / "p").close()
    (tmp_path / "p" / keys.KEY_FILENAME).unlink()
    with pytest.raises(keys.KeyFileMissing, match="key.json"):
        open_profile(tmp_path / "p")


def test_key_file_stores_the_argon2id_cost_it_was_made_with(tmp_path):
    open_profile(tmp_path / "p").close()
    stored = json.loads((tmp_path / "p" / keys.KEY_FILENAME).read_text())
    assert stored["kdf"]["name"] == "argon2id" and stored["cipher"]["name"] == "aes-256-gcm"
    assert {k: stored["kdf"][k] for k in keys.FAST_ARGON2_COST} == keys.FAST_ARGON2_COST  # CHUSHANG_ARGON2=fast
    assert keys.ARGON2_COST["memory_cost"] >= 65536  # without it: 64 MiB


# --- files ----------------------------------------------------------------------------------------------


def modes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): stat.S_IMODE(p.stat().st_mode) for p in [folder, *folder.rglob("*")]}


def test_profile_folder_is_0700_and_every_file_0600(data_dir):
    profile = open_profile(data_dir)
    try:
        profile.write(save_contact, canary_contact())
        online_backup(profile.db_path, data_dir / "backups", "test", profile.key)
        found = modes(data_dir)
        assert {"chushang.db", "chushang.db-wal", "chushang.db-shm", "key.json"} <= set(found)
        assert any(name.startswith("backups/") for name in found)
        assert {name: mode for name, mode in found.items()
                if mode != (0o700 if (data_dir / name).is_dir() else 0o600)} == {}
    finally:
        profile.close()


def test_loose_permissions_of_an_existing_profile_are_repaired(data_dir):
    open_profile(data_dir).close()
    (data_dir / "ui.ini").write_text("[General]\n")
    for path in (data_dir / DB_FILENAME, data_dir / keys.KEY_FILENAME, data_dir / "ui.ini"):
        os.chmod(path, 0o644)
    os.chmod(data_dir, 0o755)
    open_profile(data_dir).close()
    assert set(modes(data_dir).values()) == {0o700, 0o600} and modes(data_dir)["."] == 0o700


# --- one SQLite library ---------------------------------------------------------------------------------


def test_the_standard_sqlite3_never_opens_a_profile(tmp_path, monkeypatch):
    """A whole cycle (create, write, search, back up, reopen with the passphrase) with the standard
    library's sqlite3 made unusable: any use of it on a profile would fail here."""
    opened = []

    def refuse(*args, **kwargs):
        opened.append(args)
        raise AssertionError(f"the standard sqlite3 opened {args}")

    monkeypatch.setattr(sqlite3, "connect", refuse)
    monkeypatch.setattr(sqlite3.dbapi2, "connect", refuse)
    profile = open_profile(tmp_path / "p")
    contact_id = profile.write(save_contact, canary_contact())
    online_backup(profile.db_path, tmp_path / "p" / "backups", "test", profile.key)
    profile.close()
    reopened = open_profile(tmp_path / "p", answers(PASSPHRASE))
    try:
        assert reopened.read(find_contact_ids, ContactQuery(text=CANARY_NAME)) == [contact_id]
    finally:
        reopened.close()
    assert opened == []


def test_a_process_opening_a_profile_maps_only_the_sqlcipher_library(tmp_path):
    """Linux: the libraries a CLI run mapped, read from /proc/self/maps at its end."""
    script = ("import sys; from chushang_desk.cli import main; main(sys.argv[1:]);"
              "print(open('/proc/self/maps').read())")
    done = subprocess.run([sys.executable, "-c", script, "demo-data", "--data-dir", str(tmp_path / "p"),
                           "--contacts", "20", "--visits", "20"], capture_output=True, text=True, cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=120)
    assert done.returncode == 0, done.stderr
    libraries = {line.split()[-1] for line in done.stdout.splitlines() if ".so" in line}
    assert any("sqlcipher3" in lib for lib in libraries)
    stdlib = [lib for lib in libraries if "sqlcipher3" not in lib and ("_sqlite3" in lib or "libsqlite3" in lib)]
    assert stdlib == []


# --- the command line -----------------------------------------------------------------------------------


def desk(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "chushang_desk", *args], capture_output=True, text=True,
                          cwd=REPO, env={**env, "PYTHONPATH": str(REPO)}, stdin=subprocess.DEVNULL, timeout=120)


def test_command_line_without_a_passphrase_says_how_to_give_one(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != keys.PASSPHRASE_ENV}
    done = desk("demo-data", "--data-dir", str(tmp_path / "p"), "--contacts", "5", "--visits", "5", env=env)
    assert done.returncode == 1 and keys.PASSPHRASE_ENV in done.stderr and "Traceback" not in done.stderr
    made = desk("demo-data", "--data-dir", str(tmp_path / "p"), "--contacts", "5", "--visits", "5", env=dict(os.environ))
    assert made.returncode == 0, made.stderr
    wrong = desk("logout", "--data-dir", str(tmp_path / "p"), env={**env, keys.PASSPHRASE_ENV: "not the passphrase"})
    assert wrong.returncode == 1 and "wrong" in wrong.stderr and "Traceback" not in wrong.stderr
