"""A full disk says "disk full" in the user's language, in every command and in the app, and loses
nothing: on a real 2 MB file system (tmpfs, mounted by the test: CI runs as root), with SQLite's own
SQLITE_FULL (max_page_count), and writing the workbook to /dev/full (ENOSPC on every write)."""
from __future__ import annotations

import os
import secrets
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from chushang_desk.models import Contact
from chushang_desk.services.contacts import save_contact
from chushang_desk.services.disk_full import is_disk_full
from chushang_desk.services.profile import open_profile

from ..support.profile_db import db

CHECKOUT = Path(__file__).resolve().parents[2]


def run(*args: str, env_lang: str = "C.UTF-8") -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(CHECKOUT), "LANG": env_lang, "HOME": "/tmp",
           **{k: os.environ[k] for k in ("CHUSHANG_PASSPHRASE", "CHUSHANG_ARGON2", "PYTHON_KEYRING_BACKEND")}}
    return subprocess.run([sys.executable, "-m", "chushang_desk", *args], capture_output=True, text=True,
                          timeout=300, env=env)


@pytest.fixture
def small_disk(tmp_path):
    """A 2 MB file system of its own."""
    mount = tmp_path / "small-disk"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)


def canary_profile(data_dir: Path) -> None:
    profile = open_profile(data_dir)
    try:
        profile.write(save_contact, {"name": "金丝雀", "phones": ["13800138000"], "is_merchant": True})
    finally:
        profile.close()


def contacts_named(data_dir: Path, name: str) -> int:
    with db(data_dir / "chushang.db") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return conn.execute("SELECT count(*) FROM contact WHERE name = ?", (name,)).fetchone()[0]


@pytest.mark.parametrize(("lang", "says"), [("en", "disk full"), ("zh_CN", "磁盘已满")])
def test_demo_data_on_a_full_disk_says_so_in_one_line(small_disk, lang, says):
    data_dir = small_disk / "profile"
    canary_profile(data_dir)
    done = run("--lang", lang, "demo-data", "--data-dir", str(data_dir), "--contacts", "5000", "--visits", "5000")
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert lines[-1].startswith("chushang-desk demo-data: ") and says in lines[-1]
    assert "Traceback" not in done.stderr and "sqlalchemy" not in done.stderr.lower()
    assert contacts_named(data_dir, "金丝雀") == 1  # nothing lost


def test_the_language_follows_the_locale_without_lang(small_disk):
    data_dir = small_disk / "profile"
    canary_profile(data_dir)
    done = run("demo-data", "--data-dir", str(data_dir), "--contacts", "5000", env_lang="zh_CN.UTF-8")
    assert done.returncode == 1 and "磁盘已满" in done.stderr and "Traceback" not in done.stderr


def test_export_to_a_full_device_says_disk_full(profile, data_dir):
    profile.write(save_contact, {"name": "张三", "is_merchant": True})
    profile.close()
    done = run("--lang", "en", "export-visits", "--data-dir", str(data_dir), "--out", "/dev/full")
    assert done.returncode == 1
    assert done.stderr.strip() == ("chushang-desk export-visits: disk full: nothing was lost, but this was not "
                                   "saved or written. Free some space on the disk and try again.")
    assert Path("/dev/full").is_char_device()  # written to, never replaced


def test_export_on_a_full_disk_leaves_nothing_and_keeps_the_old_file(small_disk, profile, data_dir):
    from chushang_desk.db.bulk import bulk_insert
    from chushang_desk.models import Visit
    from datetime import date

    profile.write(lambda s: bulk_insert(s, Visit, [dict(visit_date=date(2025, 1, 1), station="csj", officers=["刘一"],
                                                        summary=secrets.token_hex(200)) for i in range(15_000)]))
    profile.close()
    old = small_disk / "log.xlsx"
    old.write_bytes(b"an older export")
    done = run("--lang", "zh_CN", "export-visits", "--data-dir", str(data_dir), "--out", str(old))
    assert done.returncode == 1 and "磁盘已满" in done.stderr and "Traceback" not in done.stderr
    assert sorted(p.name for p in small_disk.iterdir()) == ["log.xlsx"] and old.read_bytes() == b"an older export"


def full_after_this(profile) -> None:
    """Every new connection may grow the database no further than it is now: SQLite's SQLITE_FULL."""
    engine = profile.sessions.engine
    pages = engine.connect().exec_driver_sql("PRAGMA page_count").scalar()
    engine.dispose()
    event.listen(engine, "connect", lambda conn, _r: conn.execute(f"PRAGMA max_page_count={pages}"))


def test_sqlite_full_rolls_back_and_is_recognised(profile):
    profile.write(save_contact, {"name": "金丝雀", "is_merchant": True})
    full_after_this(profile)
    with pytest.raises(Exception) as raised:
        profile.write(lambda s: [save_contact(s, {"name": f"新联系人{i}", "notes": "备注" * 500, "is_merchant": True}) for i in range(300)])
    assert is_disk_full(raised.value)
    assert profile.read(lambda s: s.scalar(select(func.count()).select_from(Contact))) == 1  # rolled back
    assert profile.read(lambda s: s.scalar(select(Contact.name))) == "金丝雀"


def test_other_errors_are_not_a_full_disk(tmp_path):
    assert not is_disk_full(sqlite3.OperationalError("database is locked"))
    assert not is_disk_full(OSError(13, "Permission denied"))
    assert not is_disk_full(sqlite3.OperationalError("disk I/O error"), [tmp_path])  # plenty of space here
    assert is_disk_full(OSError(28, "No space left on device"))


def test_a_disk_io_error_on_a_full_folder_is_a_full_disk(small_disk):
    (small_disk / "filler").write_bytes(b"\0" * (2 * 1024 * 1024 - 4096 * 8))
    try:
        with open(small_disk / "more", "wb") as handle:
            handle.write(b"\0" * 1024 * 1024)
    except OSError:
        pass
    assert is_disk_full(sqlite3.OperationalError("disk I/O error"), [small_disk / "profile"])
