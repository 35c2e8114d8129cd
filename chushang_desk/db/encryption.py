"""A profile's files at rest: plain databases (made before encryption) encrypted in place, the folder
0700 and every file in it 0600.

Encrypting a plain profile: an online backup first (the officer's data stays safe whatever happens),
then SQLCipher's `sqlcipher_export` into a new keyed file beside it, checked (integrity, same rows in
every table), then swapped in with one atomic rename. The plaintext (the old file, its -wal and -shm,
the backup made for the swap) is overwritten and removed; older plaintext backups are encrypted too,
so the folder keeps its rollback copies and no readable byte of the directory.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from .engine import HMAC_ALGORITHM, connect
from .keys import fsync_dir
from .migrate import create_private_file, online_backup

SQLITE_HEADER = b"SQLite format 3\x00"
SIDE_FILES = ("-wal", "-shm", "-journal")
ENCRYPTING_SUFFIX = ".encrypting"  # the keyed copy being made
PLAINTEXT_SUFFIX = ".plaintext"  # the old plain file, linked aside for the swap, then shredded


def is_plain(db_path: Path) -> bool:
    """A plain SQLite file starts with its header in clear; a SQLCipher file with 16 random bytes."""
    try:
        with open(db_path, "rb") as f:
            return f.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except FileNotFoundError:
        return False


def encrypt_plain_profile(db_path: Path, key: bytes, backup_dir: Path) -> bool:
    """Encrypt the profile's database if it is still plain, and every plain backup beside it; True when
    it was plain. Leftovers of an encryption cut short (a crash) are finished or removed first."""
    _finish_interrupted(db_path)
    was_plain = is_plain(db_path)
    if was_plain:
        backup = online_backup(db_path, backup_dir, "encryption", None)
        encrypt_file(db_path, key)
        shred(backup)
    for old_backup in sorted(backup_dir.glob("*.db")) if backup_dir.is_dir() else ():
        _finish_interrupted(old_backup)
        if is_plain(old_backup):
            encrypt_file(old_backup, key)
    return was_plain


def encrypt_file(path: Path, key: bytes) -> None:
    """Replace a plain database (no other connection open on it) by an encrypted copy of it."""
    encrypted = path.with_name(path.name + ENCRYPTING_SUFFIX)
    _remove_with_side_files(encrypted)
    create_private_file(encrypted)
    plain = connect(path, None)
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # every committed page into the file itself
        user_version = plain.execute("PRAGMA user_version").fetchone()[0]
        plain.execute(f"ATTACH DATABASE '{_quoted(encrypted)}' AS encrypted KEY \"x'{key.hex()}'\"")
        plain.execute(f"PRAGMA encrypted.cipher_hmac_algorithm = {HMAC_ALGORITHM}")
        plain.execute("SELECT sqlcipher_export('encrypted')")
        plain.execute(f"PRAGMA encrypted.user_version = {int(user_version)}")
        plain.execute("DETACH DATABASE encrypted")
        counts = _row_counts(plain)
    finally:
        plain.close()
    _verify(encrypted, key, counts)
    _fsync(encrypted)
    _swap(path, encrypted)


def _row_counts(conn) -> dict[str, int]:
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND rootpage > 0 AND name NOT LIKE 'sqlite%' "
        "ORDER BY name")]
    return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def _verify(encrypted: Path, key: bytes, counts: dict[str, int]) -> None:
    conn = connect(encrypted, key)
    try:
        check = conn.execute("PRAGMA integrity_check").fetchall()
        copied = _row_counts(conn)
    finally:
        conn.close()
    if check != [("ok",)] or copied != counts:
        encrypted.unlink(missing_ok=True)
        raise RuntimeError(f"the encrypted copy of {encrypted.name} does not match the plain database "
                           f"({check[:3]}, {_differences(counts, copied)}); the plain database is left as it was")


def _differences(counts: dict, copied: dict) -> dict:
    return {t: (counts.get(t), copied.get(t)) for t in set(counts) | set(copied) if counts.get(t) != copied.get(t)}


def _swap(path: Path, encrypted: Path) -> None:
    """The plain file stays linked aside while the encrypted one takes its name in one atomic rename,
    so a crash at any point leaves a whole database under the name; then the plaintext is shredded."""
    aside = path.with_name(path.name + PLAINTEXT_SUFFIX)
    _remove_with_side_files(aside)
    os.link(path, aside)
    for suffix in SIDE_FILES:  # empty after the checkpoint and close, but never beside the new file
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.replace(encrypted, path)
    fsync_dir(path.parent)
    shred(aside)


def _finish_interrupted(path: Path) -> None:
    aside = path.with_name(path.name + PLAINTEXT_SUFFIX)
    if aside.exists() and path.exists() and not is_plain(path):
        shred(aside)  # swapped, then cut short before the shredding
    elif aside.exists() and path.exists():
        aside.unlink()  # cut short before the swap: the plain file is still the database
    _remove_with_side_files(path.with_name(path.name + ENCRYPTING_SUFFIX))


def shred(path: Path) -> None:
    """Overwrite a file with zeros, then remove it (best effort: an SSD may keep old blocks, but no
    file under the profile holds the bytes any more)."""
    try:
        size = path.stat().st_size
        with open(path, "r+b") as f:
            block = bytes(1 << 20)
            for _ in range(0, size, len(block)):
                f.write(block)
            f.flush()
            os.fsync(f.fileno())
    except FileNotFoundError:
        return
    _remove_with_side_files(path)


def _remove_with_side_files(path: Path) -> None:
    for name in (str(path), *(f"{path}{suffix}" for suffix in SIDE_FILES)):
        Path(name).unlink(missing_ok=True)


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def _fsync(path: Path) -> None:
    with open(path, "rb") as f:
        os.fsync(f.fileno())


# --- permissions ---------------------------------------------------------------------------------------


def secure_folder(data_dir: Path) -> None:
    """Create the profile folder 0700, and repair loose modes inside it: folders 0700, files 0600."""
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "nt":
        return  # a user's profile folder on Windows is private by its ACL
    _chmod(data_dir, 0o700)
    for root, dirs, files in os.walk(data_dir):
        for name in dirs:
            _chmod(Path(root) / name, 0o700)
        for name in files:
            _chmod(Path(root) / name, 0o600)


def _chmod(path: Path, mode: int) -> None:
    try:
        st = path.lstat()
        if not stat.S_ISLNK(st.st_mode) and stat.S_IMODE(st.st_mode) != mode:
            os.chmod(path, mode)
    except FileNotFoundError:
        pass  # removed meanwhile (e.g. a -shm at close)
