"""The SQLCipher engine of a profile: the raw key first, pragmas on every connection, BEGIN IMMEDIATE
for writes.

Only the SQLCipher library (sqlcipher3) ever opens a profile's file, never the standard library's
sqlite3: two SQLite libraries in one process keep separate POSIX lock tables, and closing the file in
one drops the other's locks, which corrupts a database in WAL mode.
"""
from __future__ import annotations

import weakref
from pathlib import Path

import sqlcipher3
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine

DB_FILENAME = "chushang.db"
BUSY_TIMEOUT_MS = 10_000
# Every page is authenticated on read; HMAC-SHA256 (hardware-accelerated on current CPUs) instead of
# SQLCipher 4's default SHA512 halves the cost of reading cold pages (a 48 MB scan: 429 -> 245 ms, plain
# 121 ms). Part of the file format: every encrypted profile and backup is made and opened with it.
HMAC_ALGORITHM = "HMAC_SHA256"
# Engine -> its raw key (None for a plain database), for the backups the migrations make.
_KEYS: "weakref.WeakKeyDictionary[Engine, bytes | None]" = weakref.WeakKeyDictionary()


class WrongKey(RuntimeError):
    """The key does not open this database (or the file is not a database at all)."""


def connect(db_path: Path | str, key: bytes | None) -> sqlcipher3.Connection:
    """A sqlcipher3 connection with the raw key set before any other statement (no key derivation);
    key None opens a plain database (only to encrypt a profile made before encryption)."""
    conn = sqlcipher3.connect(str(db_path), check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our exception, not stderr noise
        if key is not None:
            conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
            conn.execute(f"PRAGMA cipher_hmac_algorithm = {HMAC_ALGORITHM}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # a wrong key fails here
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise WrongKey(f"{db_path}: {exc} (wrong key, or not a database)") from exc
    return conn


def _on_connect(dbapi_conn, _record) -> None:
    # pysqlite's own transaction handling is off: the "begin" hook below opens every transaction.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA secure_delete=ON")  # deleted and erased rows leave no old bytes in free pages
    cur.execute("PRAGMA temp_store=MEMORY")  # sorts and temp tables never go to a plaintext temp file
    cur.close()


def _on_begin(conn) -> None:
    # A writer takes the write lock at BEGIN, so two writers queue instead of failing mid-transaction.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("writer") else "BEGIN")


def make_engine(db_path: Path | str, key: bytes | None) -> Engine:
    # The pysqlite dialect over the sqlcipher3 module (its errors are wrapped as SQLAlchemy's), with a
    # creator that sets the key; the file URL keeps the pool a QueuePool.
    engine = create_engine(f"sqlite:///{db_path}", module=sqlcipher3.dbapi2, creator=lambda: connect(db_path, key),
                           future=True)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    _KEYS[engine] = key
    return engine


def engine_key(engine: Engine) -> bytes | None:
    """The key make_engine was given (an execution_options() copy answers for the engine it came from)."""
    while engine not in _KEYS and getattr(engine, "_proxied", None) is not None:
        engine = engine._proxied
    return _KEYS[engine]


def writer(engine: Engine) -> Engine:
    """The same engine (same pool), whose transactions start with BEGIN IMMEDIATE."""
    return engine.execution_options(writer=True)
