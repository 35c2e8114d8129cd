"""Removing what killed exports left (see export_scratch.py for what they leave, and why).

Apart from export_scratch, which needs XlsxWriter: the app clears leftovers at every start, and that
should not import a workbook writer nobody may use this session.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

PREFIX = ".visit-log-"  # the scratch folders' and partial files' names (also those of older versions)
PARTIAL_NOTE = "partial-workbook.txt"  # in a scratch folder: the path of its named partial workbook
SCRATCH_FOLDER = "export-scratch"  # in the profile's folder: private, and looked at when it opens
STALE_SECONDS = 24 * 3600  # where a process cannot be checked, leftovers older than this are stale


def remove_export_leftovers(*folders: Path | str | None) -> int:
    """Remove what killed exports left in these folders (this version's and older versions'), and the
    partial workbooks their scratch folders name; exports still running are left alone. Returns how
    many were removed. Never raises: clearing leftovers must not stop a start."""
    removed = 0
    for folder in {Path(f) for f in folders if f}:
        try:
            entries = [e for e in folder.iterdir() if e.name.startswith(PREFIX)]
        except OSError:
            continue
        for entry in entries:
            if _is_stale(entry):
                removed += _remove_leftover(entry)
    return removed


def _is_stale(entry: Path) -> bool:
    pid = _owner_pid(entry.name)
    if pid is None:
        return True  # an older version's folder: its export did not survive the upgrade
    if pid == os.getpid():
        return False
    alive = _process_alive(pid)
    if alive is None:
        try:
            return time.time() - entry.stat().st_mtime > STALE_SECONDS
        except OSError:
            return False
    return not alive


def _owner_pid(name: str) -> int | None:
    head = name[len(PREFIX):].split("-", 1)[0]
    return int(head[1:]) if head.startswith("p") and head[1:].isdigit() else None


def _process_alive(pid: int) -> bool | None:
    """Whether a process runs with this id; None where that cannot be asked safely (on Windows
    os.kill would end the process)."""
    if sys.platform == "win32":
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_leftover(entry: Path) -> int:
    try:
        if entry.is_dir() and not entry.is_symlink():
            note = entry / PARTIAL_NOTE
            if note.exists():
                Path(note.read_text(encoding="utf-8").strip()).unlink(missing_ok=True)
            shutil.rmtree(entry)
        else:
            entry.unlink()
    except OSError:
        return 0
    return 1


def profile_scratch(profile) -> Path:
    return Path(profile.data_dir) / SCRATCH_FOLDER


def remove_profile_leftovers(profile) -> int:
    """At start: what exports killed before (in the profile's scratch folder, or the system's) left."""
    return remove_export_leftovers(profile_scratch(profile), Path(tempfile.gettempdir()))
