"""Bring a profile's database to the current schema, after an online backup.

A failed migration restores the backup over the database, so the officer's data is exactly as before,
and raises MigrationFailed naming the backup; nothing is ever deleted.
"""
from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Engine

from .engine import connect, engine_key

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


class MigrationFailed(RuntimeError):
    def __init__(self, message: str, backup: Path | None):
        super().__init__(message)
        self.backup = backup


_REVISION = re.compile(r"^(down_revision|revision)\s*=\s*['\"]?([\w]+)?['\"]?", re.M)


def alembic_config():
    # Alembic is imported only when a migration runs: it costs ~150 ms that every start-up would pay.
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    """The newest revision, read from the migration files' `revision`/`down_revision` lines."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        fields = dict(_REVISION.findall(path.read_text(encoding="utf-8")))
        revisions.add(fields["revision"])
        if fields.get("down_revision") and fields["down_revision"] != "None":
            parents.add(fields["down_revision"])
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have exactly one head, found {sorted(heads)}")
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        except sa_exc.OperationalError:  # no such table: a new, empty database
            return None


def online_backup(db_path: Path, backup_dir: Path, label: str, key: bytes | None) -> Path:
    """Copy the live database page by page with SQLite's backup API (safe while others read); the copy
    is encrypted with the same key, and only its owner may read it."""
    backup_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"chushang-{stamp}-before-{label}.db"
    copy_database(db_path, target, key)
    return target


def copy_database(source: Path, target: Path, key: bytes | None) -> None:
    """A consistent copy of a database, page by page (safe while others read or write it), with SQLCipher's
    backup API: both ends opened with the same key (None: both plain)."""
    create_private_file(target)
    src = connect(source, key)
    try:
        dst = connect(target, key)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def create_private_file(path: Path) -> None:
    """The file, created 0600 if missing (SQLite gives its -wal and -shm the same mode), and made 0600."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    os.chmod(path, 0o600)


def upgrade(engine: Engine, db_path: Path, backup_dir: Path, revision: str = "head") -> Path | None:
    """Upgrade to `revision`; returns the backup made first (None for a new, empty database)."""
    current = current_revision(engine)
    target = head_revision() if revision == "head" else revision
    if current == target:
        return None
    key = engine_key(engine)
    backup = online_backup(db_path, backup_dir, current or "empty", key) if current else None
    try:
        _run_upgrade(engine, revision)
    except Exception as exc:
        engine.dispose()
        if backup is not None:
            copy_database(backup, db_path, key)
        raise MigrationFailed(f"upgrade from {current} to {target} failed: {exc}", backup) from exc
    return backup


def downgrade(engine: Engine, revision: str) -> None:
    """Step the schema back to `revision` (for IT staff rolling back a release, and for tests)."""
    _run_upgrade(engine, revision, step="downgrade")


def _run_upgrade(engine: Engine, revision: str, step: str = "upgrade") -> None:
    from alembic import command

    cfg = alembic_config()
    with engine.connect() as conn:
        # Batch migrations rebuild tables: foreign keys must be off, and that pragma is ignored
        # inside a transaction. Any statement through `conn` first runs the engine's BEGIN, so the
        # pragmas go straight to the driver connection, outside any transaction.
        raw = conn.connection.driver_connection
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            cfg.attributes["connection"] = conn
            getattr(command, step)(cfg, revision)
            conn.commit()
            problems = raw.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            conn.rollback()
            raw.execute("PRAGMA foreign_keys=ON")  # this connection goes back to the pool
        if problems:
            raise RuntimeError(f"foreign key check failed after migration: {problems[:5]}")
