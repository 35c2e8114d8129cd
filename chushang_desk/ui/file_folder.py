"""Where the app's file dialogs start: the folder the officer used last, else Documents, never the
program's own folder (where a dialog given a bare file name would otherwise open, and save)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, QSettings, QStandardPaths

LAST_FOLDER_KEY = "files/last_folder"


def start_folder(settings: QSettings | None) -> str:
    """The last folder used (kept in the profile's ui.ini), while it still exists; else Documents."""
    if settings is not None:
        last = str(settings.value(LAST_FOLDER_KEY, "") or "")
        if last and Path(last).is_dir():
            return last
    return documents_folder()


def documents_folder() -> str:
    """The user's Documents folder, or the home folder where there is none (a fresh Linux account)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return folder if folder and Path(folder).is_dir() else QDir.homePath()


def remember_folder(settings: QSettings | None, chosen: Path | str) -> None:
    """Remember the folder of a file the officer chose, for the next dialog."""
    if settings is not None:
        settings.setValue(LAST_FOLDER_KEY, str(Path(chosen).parent))
