"""Upgrading an officer's database keeps every row, and a failed upgrade leaves it exactly as it was.

ARCHITECTURE.md: migrations run at start-up after an online backup; a failed migration leaves the old
database untouched and tells the user, never deletes it. The databases here are real profiles filled
through the services at revision 0001 (tests/migrations/conftest.py); nothing of ours is mocked.
"""
from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import event, select, func, delete
from sqlalchemy.exc import IntegrityError

from chushang_desk.db import derived
from chushang_desk.db.encryption import is_plain
from chushang_desk.db.engine import DB_FILENAME
from chushang_desk.db.ids import SEED_NAMESPACE, seed_id
from chushang_desk.paths import resources_dir
from chushang_desk.db.search_index import FTS_TABLE
from tests.support.profile_db import connect_db, db, engine_of
from chushang_desk.db.migrate import (
    MigrationFailed, current_revision, downgrade, head_revision, upgrade,
)
from chushang_desk.db.session import SessionFactory
from chushang_desk.models import Base, FollowUp, OutboxEntry, SyncConflict, SyncState
from chushang_desk.services.contacts import ContactQuery, find_contact_ids, save_contact
from chushang_desk.services.profile import open_profile

from .conftest import OLD_REVISION, SEARCHES

SEARCH_TABLE_PREFIX = "contact_search"  # FTS5 tables made with raw DDL, outside the ORM metadata


# ---------------------------------------------------------------------------------------------- helpers
def revision_of(db_path: Path) -> str:
    with db(db_path) as conn:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def snapshot(db_path: Path) -> dict[str, tuple[tuple, list]]:
    """Every table's column names and rows as SQLite stores them (raw values, not ORM conversions)."""
    conn = connect_db(db_path)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'alembic_version' ORDER BY name")]
        return {name: _table(conn, name) for name in names}
    finally:
        conn.close()


def _table(conn, name: str) -> tuple[tuple, list]:
    columns = tuple(r[1] for r in conn.execute(f'PRAGMA table_info("{name}")'))
    rows = conn.execute(f'SELECT * FROM "{name}"').fetchall()
    return columns, sorted(rows, key=repr)


def dump(db_path: Path) -> list[str]:
    """Schema and every row as SQL text: equal dumps mean an equal database, whatever the file's header."""
    conn = connect_db(db_path)  # sqlcipher3 has no iterdump: the schema's SQL, then every table's rows
    try:
        schema = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                              "ORDER BY type, name").fetchall()
        tables = [name for kind, name, _ in schema if kind == "table" and not name.startswith("sqlite_")]
        return [repr(row) for row in schema] + [repr((t, _table(conn, t))) for t in tables]
    finally:
        conn.close()


EVERY_KIND = ("merchant", "alumnus", "talent")


def searches(db_path: Path, index_only: bool = True) -> dict[str, list[str]]:
    """What the contact search finds for each of SEARCHES, through the service and the FTS index.

    `index_only=False` adds a filter that keeps every contact, so the service joins the contact table
    instead of ordering by the index's own sort keys (which a 0001 database does not have yet).
    """
    kinds = () if index_only else EVERY_KIND
    engine = engine_of(db_path)
    try:
        with SessionFactory(engine).read() as s:
            return {text: find_contact_ids(s, ContactQuery(text=text, kinds=kinds)) for text in SEARCHES}
    finally:
        engine.dispose()


def checks(db_path: Path) -> tuple[list, list]:
    with db(db_path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchall(), conn.execute("PRAGMA foreign_key_check").fetchall()


def as_upgraded(old: dict[str, tuple[tuple, list]], new: dict[str, tuple[tuple, list]]) -> dict:
    """The 0001 snapshot as the later revisions are meant to leave it (0003: amounts as decimal text,
    the search doc table with each contact's sort key, 0010: and identity keys); every other table exactly
    as it was but the full-text index's own storage, which the re-index 0010 starts writes anew (what it
    finds is compared by test_search_finds_the_same_contacts_after_the_upgrade)."""
    expected = without_index_storage(old)
    columns, rows = old["visit"]
    amount = columns.index("intention_amount")
    expected["visit"] = (columns, sorted((
        row[:amount] + (None if row[amount] is None else f"{row[amount]:.2f}",) + row[amount + 1:]
        for row in rows), key=repr))
    sort_keys = dict((r[0], r[1]) for r in _contact_sort_keys(new))
    identity = _identity_keys(new)  # 0010, filled by the re-index its search keys version starts
    doc_columns, doc_rows = old["contact_search_doc"]
    docids = _docids_in_name_order(new)  # 0011: docids follow the name order
    expected["contact_search_doc"] = (doc_columns + ("sort_key", "name_key", "company_key"), sorted(
        ((docids[row[1]], row[1], sort_keys.get(row[1], ""), *identity[row[1]]) for row in doc_rows), key=repr))
    expected["reference_item"] = _with_event_kinds(expected["reference_item"], new["reference_item"])
    return _with_adopted_projects(with_added_columns(expected), new)


def _with_adopted_projects(expected: dict, new: dict) -> dict:
    """Opening adopts the free-text project of each referral (services/referrals.adopt_named_projects):
    the name leaves the referral for a project of an id made from the referral's, an edit of the
    officer's (stamped then, so its stamps are read from the result), queued after the outbox's entries."""
    columns, rows = expected["referral"]
    at = {name: columns.index(name) for name in ("id", "project_name", "project_id", "updated_at", "updated_by")}
    stamps = {row[at["id"]]: (row[at["updated_at"]], row[at["updated_by"]]) for row in new["referral"][1]}
    adopted = []
    for row in rows:
        row = list(row)
        if row[at["project_name"]]:
            row[at["project_name"]] = ""
            row[at["project_id"]] = str(uuid.uuid5(SEED_NAMESPACE, f"referral-project/{row[at['id']]}"))
            row[at["updated_at"]], row[at["updated_by"]] = stamps[row[at["id"]]]
        adopted.append(tuple(row))
    expected["referral"] = (columns, sorted(adopted, key=repr))
    out_columns, out_rows = expected["outbox"]
    mid_at, table_at = out_columns.index("mid"), out_columns.index("table_name")
    last = max(row[mid_at] for row in out_rows)
    queued = [row for row in new["outbox"][1] if row[mid_at] > last]
    assert queued and {row[table_at] for row in queued} == {"project", "referral"}
    expected["outbox"] = (out_columns, sorted(out_rows + queued, key=repr))
    return expected


def with_added_columns(snap: dict) -> dict:
    """The snapshot with the columns of ADDED_COLUMNS appended to each row, with their defaults."""
    snap = dict(snap)
    for table, added in ADDED_COLUMNS.items():
        if table in snap:
            columns, rows = snap[table]
            snap[table] = (columns + tuple(added), sorted((row + tuple(added.values()) for row in rows), key=repr))
    return snap


# Columns later revisions add to 0001's tables, in order, with the value an old row takes (0014: links to
# projects, a referral's step days, an ambassador's appointing unit, targets per station; 0015: links to
# events).
STEP_DAYS = ("contacted_on", "negotiating_on", "signed_on", "landed_on", "dropped_on")
ADDED_COLUMNS = {"contact": {"ambassador_unit": ""}, "visit": {"project_id": None, "event_id": None},
                 "referral": {"project_id": None, **dict.fromkeys(STEP_DAYS), "event_id": None},
                 "annual_target": {"station": ""}}


def _with_event_kinds(old: tuple[tuple, list], new: tuple[tuple, list]) -> tuple[tuple, list]:
    """0015 adds the event_kind reference list (as the seed has it, with its seed ids) to lists seeded before it."""
    columns, rows = old
    at = {name: columns.index(name) for name in ("id", "list_name", "code", "version")}
    kinds = [row for row in new[1] if row[at["list_name"]] == "event_kind"]
    seed = json.loads((resources_dir() / "reference" / "seed.json").read_text(encoding="utf-8"))
    assert sorted((r[at["id"]], r[at["version"]]) for r in kinds) == sorted(
        (seed_id("reference_item", "event_kind", item["code"]), 0) for item in seed["lists"]["event_kind"])
    return columns, sorted(rows + kinds, key=repr)


def _docids_in_name_order(snap: dict) -> dict[str, int]:
    """The contacts' docids after 0011, checked to follow (sort_key, contact_id)."""
    columns, rows = snap["contact_search_doc"]
    docid_at, id_at, sort_at = columns.index("docid"), columns.index("contact_id"), columns.index("sort_key")
    by_docid = sorted(rows, key=lambda row: row[docid_at])
    assert [(r[sort_at], r[id_at]) for r in by_docid] == sorted((r[sort_at], r[id_at]) for r in rows)
    return {row[id_at]: row[docid_at] for row in rows}


def without_index_storage(snap: dict, docids: bool = False) -> dict:
    """A snapshot without the full-text index's shadow tables (its bytes change with any re-index), and
    with `docids`, the index's own row ids left out (0011 renumbers them in name order, for good)."""
    shadows = {f"{FTS_TABLE}_{part}" for part in ("data", "idx", "docsize", "config", "content")}
    kept = {table: value for table, value in snap.items() if table not in shadows}
    if docids:
        columns, rows = kept["contact_search_doc"]
        kept["contact_search_doc"] = (columns[1:], sorted(row[1:] for row in rows))
    return kept


def _identity_keys(snap: dict) -> dict[str, tuple[str, str]]:
    from chushang_desk.db.search_index import company_key, name_key

    columns, rows = snap["contact"]
    id_at, name_at, company_at = columns.index("id"), columns.index("name"), columns.index("company")
    return {row[id_at]: (name_key(row[name_at]), company_key(row[company_at] or ""))
            for row in rows}


def _contact_sort_keys(snap: dict) -> list[tuple[str, str]]:
    columns, rows = snap["contact"]
    id_at, key_at = columns.index("id"), columns.index("sort_key")
    return [(row[id_at], row[key_at]) for row in rows]


def count(profile, model) -> int:
    with profile.sessions.read() as s:
        return s.scalar(select(func.count()).select_from(model))


# ---------------------------------------------------------------------------------------------- upgrade
def test_the_old_profile_really_is_at_0001_with_hundreds_of_rows(old_profile_dir):
    """Guards the fixture: an upgrade test over an empty or already-upgraded database proves nothing."""
    db_path = old_profile_dir / DB_FILENAME
    before = snapshot(db_path)
    assert revision_of(db_path) == OLD_REVISION and head_revision() != OLD_REVISION
    assert "sync_conflict" not in before and "sync_state" not in before
    sizes = {t: len(rows) for t, (_, rows) in before.items()}
    assert sizes["contact"] == 300 and sizes["visit"] == 120 and sizes["referral"] == 40
    assert sizes["affiliation"] == 60 and sizes["follow_up"] > 50 and sizes["visit_contact"] > 120
    assert sizes["outbox"] > 800


def test_upgrade_keeps_every_row_and_value(old_profile_dir):
    db_path = old_profile_dir / DB_FILENAME
    before = snapshot(db_path)
    open_profile(old_profile_dir).close()
    after = snapshot(db_path)
    assert revision_of(db_path) == head_revision()
    assert isinstance(before["visit"][1][0][before["visit"][0].index("intention_amount")], (float, type(None)))
    expected = as_upgraded(before, after)
    assert {"contact", "visit", "outbox", "contact_search_doc"} <= set(expected)
    for table, (columns, rows) in expected.items():
        assert after[table][0] == columns, f"{table} columns changed"
        assert after[table][1] == rows, f"{table} rows changed"
    assert set(after) - set(before) == {"sync_conflict", "sync_state", "sync_held_row", "import_batch", "contact_merge",
                                        "contact_search_generation", "project", "capital_arrival", "event",
                                        "event_attendee", *derived.TABLES}


def test_search_finds_the_same_contacts_after_the_upgrade(old_profile_dir):
    db_path = old_profile_dir / DB_FILENAME
    found_before = searches(db_path, index_only=False)  # the 0001 index has no sort keys yet
    assert all(found_before[t] for t in ("张", "zhang", "光谷", "xie", "0012", "hubei")), found_before
    open_profile(old_profile_dir).close()
    assert searches(db_path) == found_before  # now answered by the upgraded index alone
    assert searches(db_path, index_only=False) == found_before


def test_upgraded_database_passes_sqlite_checks(old_profile_dir):
    open_profile(old_profile_dir).close()
    integrity, foreign_keys = checks(old_profile_dir / DB_FILENAME)
    assert integrity == [("ok",)] and foreign_keys == []


def test_upgrade_leaves_a_backup_of_the_old_revision(old_profile_dir):
    db_path = old_profile_dir / DB_FILENAME
    before = snapshot(db_path)
    open_profile(old_profile_dir).close()
    backups = sorted((old_profile_dir / "backups").glob("*.db"))
    assert len(backups) == 1 and OLD_REVISION in backups[0].name
    assert revision_of(backups[0]) == OLD_REVISION
    assert snapshot(backups[0]) == before


def test_upgraded_profile_keeps_working_with_its_outbox(old_profile_dir):
    """New edits go on from the old mids, and a pushed-and-deleted mid is never handed out again."""
    db_path = old_profile_dir / DB_FILENAME
    with db(db_path) as conn:
        old_max = conn.execute("SELECT max(mid) FROM outbox").fetchone()[0]
    profile = open_profile(old_profile_dir)
    try:
        with profile.sessions.read() as s:  # opening queued the referrals' adopted projects after them
            opened_max = s.scalar(select(func.max(OutboxEntry.mid)))
        assert opened_max > old_max
        with profile.sessions.write() as s:
            s.execute(delete(OutboxEntry))  # the server confirmed everything
        profile.write(save_contact, {"name": "新联系人", "is_talent": True})
        with profile.sessions.read() as s:
            assert s.scalars(select(OutboxEntry.mid)).all() == [opened_max + 1]
        with profile.sessions.write() as s:
            s.add(SyncState(key="cursor", value="0"))
        assert count(profile, SyncState) == 1 and count(profile, SyncConflict) == 0
    finally:
        profile.close()


def test_new_profile_goes_straight_to_head_without_a_backup(tmp_path):
    db_path = tmp_path / DB_FILENAME
    engine = engine_of(db_path)
    try:
        assert upgrade(engine, db_path, tmp_path / "backups") is None
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()
    assert not (tmp_path / "backups").exists()


# ---------------------------------------------------------------------------------------------- foreign keys
def test_foreign_keys_are_off_while_migrations_run_and_on_again_after(old_profile_dir):
    """Batch migrations rebuild tables (DROP + RENAME): with foreign keys on, rebuilding a parent table
    would fail or cascade. The app's connections must get them back on."""
    db_path = old_profile_dir / DB_FILENAME
    engine = engine_of(db_path)
    seen: list[int] = []

    @event.listens_for(engine, "before_cursor_execute")
    def record(conn, _cursor, statement, *_):
        if statement.lstrip().upper().startswith(("CREATE TABLE", "DROP TABLE", "INSERT INTO _ALEMBIC")):
            seen.append(conn.connection.driver_connection.execute("PRAGMA foreign_keys").fetchone()[0])

    try:
        upgrade(engine, db_path, old_profile_dir / "backups")
        event.remove(engine, "before_cursor_execute", record)
        assert len(seen) >= 4 and set(seen) == {0}
        sessions = SessionFactory(engine)
        with pytest.raises(IntegrityError):
            with sessions.write() as s:
                s.add(FollowUp(visit_id="no-such-visit", task="孤儿任务"))
    finally:
        engine.dispose()


# ---------------------------------------------------------------------------------------------- failure
def block_0002(db_path: Path) -> None:
    """A real obstacle for 0002: a table of its name already there (a half-applied or hand-made one).

    Checkpointed and closed, so the database file alone holds every page (no -wal beside it).
    """
    with db(db_path) as conn:
        conn.execute("CREATE TABLE sync_conflict (id TEXT PRIMARY KEY, note TEXT)")
        conn.execute("INSERT INTO sync_conflict VALUES ('x', '手工建的表')")
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def test_failed_migration_leaves_the_database_as_it_was(old_profile_dir):
    db_path = old_profile_dir / DB_FILENAME
    block_0002(db_path)
    before, before_dump = snapshot(db_path), dump(db_path)
    with pytest.raises(MigrationFailed) as failure:
        open_profile(old_profile_dir)
    assert "sync_conflict" in str(failure.value) and OLD_REVISION in str(failure.value)
    # Encrypted before the migration ran, and restored from the encrypted backup: every page is new
    # ciphertext, so the proof is the content (dump, rows, checks), not the bytes.
    assert not is_plain(db_path)
    assert revision_of(db_path) == OLD_REVISION
    assert snapshot(db_path) == before
    assert dump(db_path) == before_dump
    assert checks(db_path) == ([("ok",)], [])


def test_failed_migration_reports_the_backup_it_made(old_profile_dir):
    db_path = old_profile_dir / DB_FILENAME
    block_0002(db_path)
    before_dump = dump(db_path)
    with pytest.raises(MigrationFailed) as failure:
        open_profile(old_profile_dir)
    backup = failure.value.backup
    assert backup is not None and backup.parent == old_profile_dir / "backups" and backup.exists()
    assert dump(backup) == before_dump
    assert backup in (old_profile_dir / "backups").iterdir()


# ---------------------------------------------------------------------------------------------- schema vs models
def schema_diff(engine) -> list:
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    return [d for d in diff if not _is_migrations_own(d)]


def _is_migrations_own(diff) -> bool:
    """The search index's tables and the tables kept from the visits (db/derived.py), with their indexes,
    are the migrations' own (no model declares them)."""
    if diff[0] in ("add_table", "remove_table"):
        name = diff[1].name
    elif diff[0] in ("add_index", "remove_index"):
        name = diff[1].table.name
    else:
        return False
    return name.startswith(SEARCH_TABLE_PREFIX) or name in derived.TABLES


def test_head_matches_the_models(profile):
    """A model change without its migration (or the reverse) shows here as a pending autogenerate diff."""
    assert schema_diff(profile.sessions.engine) == []


def test_schema_diff_sees_a_missing_migration(old_profile_dir):
    """The check above is not vacuous: against 0001 it sees the tables 0002, 0006, 0008, 0009, 0013 and 0015 add."""
    engine = engine_of(old_profile_dir / DB_FILENAME)
    try:
        added = {d[1].name for d in schema_diff(engine) if d[0] == "add_table"}
    finally:
        engine.dispose()
    assert added == {"sync_conflict", "sync_state", "sync_held_row", "import_batch", "contact_merge", "project",
                     "capital_arrival", "event", "event_attendee"}


def test_downgrade_to_0001_and_upgrade_again_keep_the_rows(old_profile_dir):
    db_path = old_profile_dir / DB_FILENAME
    before = snapshot(db_path)
    engine = engine_of(db_path)
    try:  # (migrations only: opening the profile would also adopt the referrals' projects, an edit)
        upgrade(engine, db_path, old_profile_dir / "backups")
        downgrade(engine, OLD_REVISION)
        downgraded, old = (without_index_storage(snap, docids=True) for snap in (snapshot(db_path), before))
        # 0010 forgot the search keys' version (for the re-index that the next start runs): nothing else
        assert downgraded.pop("local_setting") == (("key", "value"), [])
        old.pop("local_setting")
        assert downgraded == old
        upgrade(engine, db_path, old_profile_dir / "backups")
    finally:
        engine.dispose()
    open_profile(old_profile_dir).close()  # the re-index 0010 asks for, as the app's next start runs it
    after = snapshot(db_path)
    expected = as_upgraded(before, after)
    assert {t: after[t] for t in expected} == expected
