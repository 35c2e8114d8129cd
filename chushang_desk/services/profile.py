"""A profile: one officer's data folder (encrypted database, backups, key file) opened, migrated and seeded."""
from __future__ import annotations

import getpass
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, TypeVar

from ..db import keys
from ..db.encryption import encrypt_plain_profile, is_plain, secure_folder
from ..db.engine import DB_FILENAME, WrongKey, make_engine  # noqa: F401 (WrongKey: for the ui)
from ..db.keys import (  # noqa: F401 (for the ui, which does not import the db package)
    MIN_PASSPHRASE_LENGTH, NEW, PASSPHRASE_ENV, UNLOCK, WRONG, KeyFileDamaged, KeyFileMissing, PassphraseNeeded,
    PassphraseTooShort, ProfileKeyError, WrongPassphrase,
)
from ..db.migrate import create_private_file, upgrade
from ..db.outbox import changed_tables
from ..db.session import SessionFactory
from . import reference, referrals, search, settings

T = TypeVar("T")


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (some containers)
        return ""


def default_data_dir() -> Path:
    """The per-user data folder of the platform: outside the program's folder, so an upgrade or an
    uninstall never touches the profile and its unsynced edits."""
    if sys.platform == "win32":  # local, not roaming: a database must not travel with a roaming profile
        base = os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "chushang-desk" / "default"


@dataclass
class Profile:
    data_dir: Path
    sessions: SessionFactory
    key: bytes | None = field(default=None, repr=False)  # the database's raw key (the export's reader needs it)

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_FILENAME

    def read(self, service: Callable[..., T], *args, **kwargs) -> T:
        """Run a read-only service function in its own session and return its plain result."""
        with self.sessions.read() as session:
            return service(session, *args, **kwargs)

    def write(self, service: Callable[..., T], *args, **kwargs) -> T:
        """Run a service function in one write transaction (with its outbox entries)."""
        return self.write_changes(service, *args, **kwargs)[0]

    def write_changes(self, service: Callable[..., T], *args, **kwargs) -> tuple[T, frozenset[str]]:
        """write, and the tables the transaction changed (what the screens showing them redraw)."""
        with self.sessions.write() as session:
            result = service(session, *args, **kwargs)
        return result, changed_tables(session)  # noted up to the commit's own flush

    def sign_as(self, officer_name: str) -> None:
        """Stamp later edits with this officer's name; until one is set, with the computer's login name,
        so every change still says who made it."""
        self.sessions.actor = officer_name or _login_name()

    def change_passphrase(self, new_passphrase: str) -> None:
        """Wrap the database's key with a new recovery passphrase (the old one no longer opens it)."""
        keys.change_passphrase(self.data_dir, self.key, new_passphrase)

    def close(self) -> None:
        self.sessions.engine.dispose()


def profile_key(data_dir: Path, ask_passphrase: keys.PassphrasePrompt | None = None) -> bytes:
    """The profile's database key: from the OS keyring, else unwrapped with the recovery passphrase that
    ask_passphrase(purpose) gives (see db/keys.py; default: CHUSHANG_PASSPHRASE). A profile without a
    key file (new, or made before encryption) gets a new key, wrapped by a new passphrase."""
    data_dir = Path(data_dir)
    secure_folder(data_dir)
    db_path = data_dir / DB_FILENAME
    encrypted_db = db_path.exists() and db_path.stat().st_size > 0 and not is_plain(db_path)
    if encrypted_db and keys.read_key_file(data_dir) is None:
        raise keys.KeyFileMissing(f"The profile's key file {keys.key_file_path(data_dir)} is missing: its encrypted "
                                  "database cannot be opened without it (restore key.json from a backup).")
    return keys.unlock(data_dir, ask_passphrase or keys.passphrase_from_env)


def open_profile(data_dir: Path | str | None = None, ask_passphrase: keys.PassphrasePrompt | None = None, *,
                 key: bytes | None = None) -> Profile:
    """Open (creating if needed) the profile in data_dir, with its key (given, or see profile_key); a plain
    database is encrypted first; migrations run after a backup."""
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    key = key or profile_key(data_dir, ask_passphrase)
    db_path = data_dir / DB_FILENAME
    encrypt_plain_profile(db_path, key, data_dir / "backups")
    create_private_file(db_path)
    engine = make_engine(db_path, key)
    upgrade(engine, db_path, data_dir / "backups")
    secure_folder(data_dir)  # the backups just made, and any file an older version left readable
    profile = Profile(data_dir, SessionFactory(engine), key)
    profile.write(reference.seed_if_empty)
    profile.write(search.reindex_if_outdated)
    profile.sign_as(profile.read(settings.officer_name))
    profile.write(referrals.adopt_named_projects)  # (signed as the officer: the projects are his edits)
    return profile
