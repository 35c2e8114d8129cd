"""0005: reference rows seeded with random ids take the seed ids the server uses for the same rows,
so a first pull updates them instead of adding a second copy; conflicts get who/when of theirs."""
from __future__ import annotations


from chushang_desk.db.engine import DB_FILENAME
from chushang_desk.db.ids import seed_id, uuid7
from chushang_desk.db.migrate import downgrade, upgrade
from chushang_desk.models import SyncConflict
from chushang_desk.services.profile import open_profile
from tests.support.profile_db import db, engine_of


def rows(db_path, sql: str) -> list[tuple]:
    with db(db_path) as conn:
        return conn.execute(sql).fetchall()


def seeded_the_old_way(db_path) -> tuple[str, str]:
    """Before 0005 seeds had random ids (the template is built with today's seeding): give them random
    ids again, and queue an outbox entry for one, as headquarters' edit of it would have."""
    with db(db_path) as conn:
        for table in ("reference_item", "annual_target"):
            for (old,) in conn.execute(f"SELECT id FROM {table}").fetchall():
                conn.execute(f"UPDATE {table} SET id = ? WHERE id = ?", (uuid7(), old))
        row_id, list_name, code = conn.execute(
            "SELECT id, list_name, code FROM reference_item WHERE code = 'csj'").fetchone()
        conn.execute("INSERT INTO outbox (table_name, row_id, op, fields, base_version, device_time) "
                     "VALUES ('reference_item', ?, 'upsert', '{\"name_en\": \"YRD\"}', 0, '2026-11-30 10:00:00.000000')",
                     (row_id,))
        conn.commit()
    return list_name, code


def test_0005_gives_never_synced_reference_rows_their_seed_ids(old_profile_dir):
    db_path = old_profile_dir / DB_FILENAME
    engine = engine_of(db_path)
    upgrade(engine, db_path, old_profile_dir / "backups", revision="0004")
    edited = seeded_the_old_way(db_path)
    items_before = rows(db_path, "SELECT list_name, code, name_zh FROM reference_item ORDER BY list_name, code")
    assert not any(i == seed_id("reference_item", lst, code)
                   for (i, lst, code) in rows(db_path, "SELECT id, list_name, code FROM reference_item"))
    # (the columns contacts had then: later revisions add some)
    columns = ", ".join(r[1] for r in rows(db_path, "PRAGMA table_info(contact)"))
    contacts_before = rows(db_path, f"SELECT {columns} FROM contact ORDER BY id")
    outbox_before = rows(db_path, "SELECT count(*) FROM outbox")

    upgrade(engine, db_path, old_profile_dir / "backups")
    engine.dispose()
    moved = rows(db_path, "SELECT id, list_name, code FROM reference_item")
    assert moved and all(i == seed_id("reference_item", lst, code) for (i, lst, code) in moved)
    targets = rows(db_path, "SELECT id, year, metric FROM annual_target")
    assert targets and all(i == seed_id("annual_target", y, m) for (i, y, m) in targets)
    # (0015 adds a list of its own, the kinds of event)
    assert rows(db_path, "SELECT list_name, code, name_zh FROM reference_item WHERE list_name != 'event_kind' "
                         "ORDER BY list_name, code") == items_before
    assert rows(db_path, f"SELECT {columns} FROM contact ORDER BY id") == contacts_before
    assert rows(db_path, "SELECT count(*) FROM outbox") == outbox_before
    # headquarters' pending edit of an item follows the item to its new id
    [(row_id,)] = rows(db_path, "SELECT row_id FROM outbox WHERE table_name = 'reference_item'")
    assert row_id == seed_id("reference_item", *edited)

    profile = open_profile(old_profile_dir)  # opens at head; the conflict columns are there
    try:
        columns = {c for (_, c, *_rest) in rows(db_path, "PRAGMA table_info(sync_conflict)")}
        assert {"theirs_by", "theirs_at"} <= columns
        assert profile.read(lambda s: s.query(SyncConflict).count()) == 0
    finally:
        profile.close()


def test_0005_leaves_synced_reference_rows_alone_and_steps_down(old_profile_dir):
    db_path = old_profile_dir / DB_FILENAME
    engine = engine_of(db_path)
    upgrade(engine, db_path, old_profile_dir / "backups", revision="0004")
    with db(db_path) as conn:
        conn.execute("UPDATE reference_item SET version = 9 WHERE code = 'jjj'")
        conn.commit()
    [(synced_id,)] = rows(db_path, "SELECT id FROM reference_item WHERE code = 'jjj'")
    upgrade(engine, db_path, old_profile_dir / "backups")
    assert rows(db_path, "SELECT id FROM reference_item WHERE code = 'jjj'") == [(synced_id,)]
    downgrade(engine, "0004")
    engine.dispose()
    columns = {c for (_, c, *_rest) in rows(db_path, "PRAGMA table_info(sync_conflict)")}
    assert "theirs_by" not in columns
