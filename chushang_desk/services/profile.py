"""A profile: one officer's data folder (database, backups) opened, migrated and seeded."""
from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, TypeVar

from ..db.engine import DB_FILENAME, make_engine
from ..db.migrate import upgrade
from ..db.session import SessionFactory
from . import erase, reference, search, settings

T = TypeVar("T")


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (some containers)
        return ""


def default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "chushang-desk" / "default"


@dataclass
class Profile:
    data_dir: Path
    sessions: SessionFactory

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_FILENAME

    def read(self, service: Callable[..., T], *args, **kwargs) -> T:
        """Run a read-only service function in its own session and return its plain result."""
        with self.sessions.read() as session:
            return service(session, *args, **kwargs)

    def write(self, service: Callable[..., T], *args, **kwargs) -> T:
        """Run a service function in one write transaction (with its outbox entries)."""
        with self.sessions.write() as session:
            return service(session, *args, **kwargs)

    def sign_as(self, officer_name: str) -> None:
        """Stamp later edits with this officer's name; until one is set, with the computer's login name,
        so every change still says who made it."""
        self.sessions.actor = officer_name or _login_name()

    def close(self) -> None:
        self.sessions.engine.dispose()


def open_profile(data_dir: Path | str | None = None) -> Profile:
    """Open (creating if needed) the profile in data_dir; migrations run after a backup."""
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    data_dir.mkdir(parents=True, exist_ok=True)
    db_path = data_dir / DB_FILENAME
    engine = make_engine(db_path)
    erase.keep_secure_delete(engine)
    upgrade(engine, db_path, data_dir / "backups")
    profile = Profile(data_dir, SessionFactory(engine))
    profile.write(reference.seed_if_empty)
    profile.write(search.reindex_if_outdated)
    profile.sign_as(profile.read(settings.officer_name))
    return profile
