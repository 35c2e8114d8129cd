"""Tests open a profile's database only through here: with SQLCipher and the profile's key, never with
the standard library's sqlite3 (two SQLite libraries on one file corrupt its locks).

The key is found from the file's place: `<profile>/chushang.db`, or a backup in `<profile>/backups/`.
A folder without key.json holds a plain database (a profile made before encryption).
"""
from __future__ import annotations

from contextlib import closing, contextmanager
from pathlib import Path
from typing import Iterator

from chushang_desk.db import keys
from chushang_desk.db.engine import connect, make_engine


def profile_dir_of(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.parent.parent if db_path.parent.name == "backups" else db_path.parent


def key_of(db_path: Path) -> bytes | None:
    """The key of the profile holding this database file (None for a plain profile)."""
    data_dir = profile_dir_of(db_path)
    key_file = keys.read_key_file(data_dir)
    if key_file is None:
        return None
    return keys.key_from_keyring(key_file) or keys.unwrap_key(key_file, keys.passphrase_from_env(keys.UNLOCK))


def connect_db(db_path: Path):
    """A sqlcipher3 connection to a profile's database file (or backup); close it after use."""
    return connect(db_path, key_of(db_path))


@contextmanager
def db(db_path: Path) -> Iterator:
    """`with db(path) as conn:` a connection, committed and closed at the end."""
    with closing(connect_db(db_path)) as conn:
        yield conn
        conn.commit()


def engine_of(db_path: Path):
    """A SQLAlchemy engine over a profile's database file, as the app makes it."""
    return make_engine(db_path, key_of(db_path))
