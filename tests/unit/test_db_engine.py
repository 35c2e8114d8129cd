"""The SQLite engine's promises (ARCHITECTURE.md, Data rules), checked on real temp databases.

- WAL, synchronous=FULL, foreign_keys=ON and busy_timeout on every connection: a connection without
  them silently loses durability (FULL), integrity (foreign keys) or fails instead of waiting (timeout).
- Write transactions start with BEGIN IMMEDIATE: a deferred transaction that reads and then writes
  fails with "database is locked" (SQLITE_BUSY_SNAPSHOT, no waiting) once another writer committed in
  between; taking the write lock at BEGIN makes writers queue instead.
"""
from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import text

from chushang_desk.db.engine import BUSY_TIMEOUT_MS, connect, make_engine
from chushang_desk.db.migrate import upgrade
from chushang_desk.db.session import SessionFactory
from chushang_desk.models import LocalSetting

EXPECTED_PRAGMAS = {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": BUSY_TIMEOUT_MS,
                    "secure_delete": 1, "temp_store": 2}
KEY = bytes(range(32))


@pytest.fixture
def db(tmp_path):
    """A migrated database and its session factory (no seeding: only the engine is under test)."""
    path = tmp_path / "engine.db"
    engine = make_engine(path, KEY)
    upgrade(engine, path, tmp_path / "backups")
    yield path, SessionFactory(engine, actor="测试员")
    engine.dispose()


def pragmas(conn) -> dict:
    return {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar() for name in EXPECTED_PRAGMAS}


def test_pragmas_hold_on_every_pooled_connection(db):
    _, sessions = db
    engine = sessions.engine
    connections = [engine.connect() for _ in range(4)]  # four at once: four distinct DBAPI connections
    try:
        assert len({id(c.connection.driver_connection) for c in connections}) == 4
        for conn in connections:
            assert pragmas(conn) == EXPECTED_PRAGMAS
    finally:
        for conn in connections:
            conn.close()


def test_pragmas_hold_in_read_and_write_sessions(db):
    _, sessions = db
    with sessions.read() as s:
        assert pragmas(s.connection()) == EXPECTED_PRAGMAS
    with sessions.write() as s:
        assert pragmas(s.connection()) == EXPECTED_PRAGMAS


def test_profile_connections_have_the_pragmas(profile):
    """The same through open_profile, after its migration and seeding used the pool."""
    for _ in range(3):
        with profile.sessions.write() as s:
            assert pragmas(s.connection()) == EXPECTED_PRAGMAS


def try_immediate(path) -> bool:
    """Can another process-like connection take the write lock right now (no waiting)?"""
    import sqlcipher3

    other = connect(path, KEY)
    other.isolation_level = None
    other.execute("PRAGMA busy_timeout=0")  # fail at once instead of waiting
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        return True
    except sqlcipher3.OperationalError as exc:
        assert "locked" in str(exc)
        return False
    finally:
        other.close()


def test_write_session_holds_the_write_lock_from_its_first_statement(db):
    path, sessions = db
    with sessions.write() as s:
        s.execute(text("SELECT 1"))  # a read only: a deferred BEGIN would not lock yet
        assert not try_immediate(path)
    assert try_immediate(path)


def test_read_session_takes_no_write_lock(db):
    path, sessions = db
    with sessions.read() as s:
        s.execute(text("SELECT count(*) FROM local_setting"))
        assert try_immediate(path)


def test_second_writer_waits_for_the_first_instead_of_failing(db):
    _, sessions = db
    first_has_lock, events, errors = threading.Event(), [], []

    def first():
        with sessions.write() as s:
            s.add(LocalSetting(key="first", value="1"))
            s.flush()
            first_has_lock.set()
            time.sleep(0.5)
            events.append(("first commits", time.monotonic()))

    def second():
        first_has_lock.wait(5)
        with sessions.write() as s:
            s.execute(text("SELECT 1"))  # the transaction's BEGIN runs here (sessions begin lazily)
            events.append(("second has the lock", time.monotonic()))
            s.add(LocalSetting(key="second", value="2"))

    run_threads([first, second], errors)
    assert errors == []
    assert [name for name, _ in sorted(events, key=lambda e: e[1])] == ["first commits", "second has the lock"]
    with sessions.read() as s:
        assert {r.key for r in s.query(LocalSetting)} >= {"first", "second"}


def test_concurrent_read_modify_write_loses_no_update(db):
    """Four writer threads each add 1 to a counter 15 times: reads and writes in one transaction."""
    _, sessions = db
    with sessions.write() as s:
        s.add(LocalSetting(key="counter", value="0"))
    errors: list = []

    def bump_many():
        for _ in range(15):
            with sessions.write() as s:
                row = s.get(LocalSetting, "counter")
                time.sleep(0.001)  # widen the window between the read and the write
                row.value = str(int(row.value) + 1)

    run_threads([bump_many] * 4, errors)
    assert errors == []
    with sessions.read() as s:
        assert s.get(LocalSetting, "counter").value == "60"


def run_threads(targets, errors: list) -> None:
    def guarded(target):
        try:
            target()
        except Exception as exc:  # reported to the test, which fails on any
            errors.append(exc)

    threads = [threading.Thread(target=guarded, args=(t,)) for t in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
        assert not thread.is_alive(), "a writer thread hung"
