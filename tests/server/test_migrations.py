"""The server's Alembic chain upgrades a database that already holds data, on both backends."""
from __future__ import annotations

from datetime import datetime

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select, text

from chushang_server import admin, auth
from chushang_server.db import make_engine, read_session
from chushang_server.migrate import _config, current_revision, head_revision, is_current, upgrade_engine
from chushang_server.models import Base, KnownDevice, LoginFailure, Record


def test_an_upgrade_keeps_the_data_of_the_previous_revision(server_db_url):
    engine = make_engine(server_db_url)
    try:
        upgrade_engine(engine, "0001")
        assert current_revision(engine) == "0001" and not is_current(engine)
        assert "login_failure" not in inspect(engine).get_table_names()
        with engine.begin() as conn:  # data written by a 0001 server
            epoch = conn.execute(text("SELECT value FROM server_meta WHERE key = 'epoch'")).scalar_one()
            seeded = conn.execute(text("SELECT count(*) FROM record")).scalar_one()
            conn.execute(text("INSERT INTO station (code, name_zh, name_en) VALUES ('jjj', '京津冀', '')"))
            conn.execute(text(
                "INSERT INTO app_user (name, display_name, role, station, password_hash, created_at, disabled) "
                "VALUES ('old', 'Old', 'officer', 'jjj', :hash, :now, :no)"
            ), {"hash": auth.hash_password("old-password"), "now": datetime(2026, 1, 1), "no": False})
        upgrade_engine(engine)
        assert current_revision(engine) == head_revision() == "0004"
        indexes = {ix["name"] for ix in inspect(engine).get_indexes("record")}
        assert {"ix_record_version", "ix_record_station_version"} <= indexes
        with read_session(engine) as session:
            assert session.scalar(text("SELECT value FROM server_meta WHERE key = 'epoch'")) == epoch
            assert session.scalar(text("SELECT count(*) FROM record")) == seeded > 0  # not seeded twice
        device = auth.login(engine, "old", "old-password", "laptop", "127.0.0.1")
        assert auth.authenticate(engine, f"Bearer {device['token']}").station == "jjj"
        admin.add_station(engine, "whn", "武汉站")
        with read_session(engine) as session:
            assert session.scalars(select(LoginFailure)).all() == []
            versions = session.scalars(select(Record.version).order_by(Record.version)).all()
        assert versions == list(range(1, seeded + 2))  # the seed and the new station, in counter order
    finally:
        engine.dispose()


def test_0003_drops_old_counters_and_matches_the_models(server_db_url):
    engine = make_engine(server_db_url)
    try:
        upgrade_engine(engine, "0002")
        with engine.begin() as conn:  # a 0002 server's counter, keyed by the user name itself
            conn.execute(text("INSERT INTO login_failure (key, count, window_start) VALUES ('user:hq', 5, :now)"),
                         {"now": datetime(2026, 1, 1)})
        upgrade_engine(engine)
        with read_session(engine) as session:
            assert session.scalars(select(LoginFailure)).all() == []
            assert session.scalars(select(KnownDevice)).all() == []
        with engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        config = _config()
        with engine.begin() as conn:  # and back down
            config.attributes["connection"] = conn
            command.downgrade(config, "0002")
        assert "known_device" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_migrate_twice_changes_nothing(server_db_url):
    engine = make_engine(server_db_url)
    try:
        upgrade_engine(engine)
        with read_session(engine) as session:
            before = session.execute(text("SELECT table_name, id, version FROM record ORDER BY version")).all()
        upgrade_engine(engine)
        with read_session(engine) as session:
            after = session.execute(text("SELECT table_name, id, version FROM record ORDER BY version")).all()
        assert before == after and is_current(engine)
    finally:
        engine.dispose()


def test_a_list_a_newer_version_brings_is_seeded_on_a_server_seeded_before(server_db_url):
    """A server seeded by an older version lacks the kinds of event: the upgrade adds that list, with
    the ids every laptop seeds, and adds nothing back to a list headquarters holds (an item removed)."""
    import json

    from chushang_server.records import load_data
    from chushang_server.seed import SEED_FILE

    engine = make_engine(server_db_url)
    try:
        upgrade_engine(engine)
        with engine.begin() as conn:  # as an older seed left it: no event kinds, and one industry taken out
            rows = conn.execute(text("SELECT id, data FROM record WHERE table_name = 'reference_item'")).all()
            gone = [row_id for row_id, data in rows
                    if json.loads(data)["list_name"] == "event_kind" or json.loads(data).get("code") == "ic"]
            for row_id in gone:
                conn.execute(text("DELETE FROM record WHERE id = :id"), {"id": row_id})
        upgrade_engine(engine)
        with read_session(engine) as session:
            items = [load_data(r) for r in session.scalars(select(Record).where(Record.table_name == "reference_item"))]
            ids = set(session.scalars(select(Record.id).where(Record.table_name == "reference_item")))
        kinds = json.loads(SEED_FILE.read_text(encoding="utf-8"))["lists"]["event_kind"]
        assert sorted(i["code"] for i in items if i["list_name"] == "event_kind") == sorted(k["code"] for k in kinds)
        from chushang_desk.sync.protocol import seed_id

        assert {seed_id("reference_item", "event_kind", k["code"]) for k in kinds} <= ids
        assert not any(i["list_name"] == "industry" and i["code"] == "ic" for i in items)  # hq's list stays hq's
    finally:
        engine.dispose()
