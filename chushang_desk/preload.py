"""The app's Qt-free modules, imported before PySide6 at start.

Once PySide6 is imported, shiboken's import hook (`__feature_import__`) reads the whole source of every
Python module imported after it (inspect.getsource, kept in linecache) to look for `from __feature__`.
For SQLAlchemy, the models and the services the first screen uses, that costs time and memory at every
start (bench/bench_startup.py lists the import times); imported first, they never pass through the hook.
"""
from __future__ import annotations

import importlib

# What the window imports before its first screen (python -X importtime shows it), PySide6 aside.
FIRST_SCREEN_MODULES = (
    "sqlalchemy.orm",
    "chushang_desk.services.profile",
    "chushang_desk.services.reference",
    "chushang_desk.services.settings",
    "chushang_desk.services.sync_status",
    "chushang_desk.services.disk_full",
    "chushang_desk.services.erase",
    "chushang_desk.services.contacts",
    "chushang_desk.services.visits",
    "chushang_desk.services.referrals",
)


def import_before_qt() -> None:
    for name in FIRST_SCREEN_MODULES:
        importlib.import_module(name)
