"""The server's Alembic migrations, run programmatically (no alembic.ini)."""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

from .db import make_engine
from .seed import seed_reference_if_empty

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def is_current(engine: Engine) -> bool:
    return current_revision(engine) == head_revision()


def upgrade_engine(engine: Engine, revision: str = "head") -> None:
    """Upgrade the schema, then seed headquarters' reference lists when there are none."""
    config = _config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    seed_reference_if_empty(engine)


def upgrade(db_url: str, revision: str = "head") -> None:
    engine = make_engine(db_url)
    try:
        upgrade_engine(engine, revision)
    finally:
        engine.dispose()
