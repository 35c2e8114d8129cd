"""Is this error a full disk? Recognised in every form it takes, so the app and every command can say
"disk full" instead of a traceback or "busy, try again".

- SQLite: SQLITE_FULL ("database or disk is full"), raised by sqlite3 or SQLCipher and wrapped by
  SQLAlchemy; and "disk I/O error" (SQLITE_IOERR: SQLite does not say why) when the folder of a
  database in use has (almost) no free space left;
- the OS: OSError with errno ENOSPC or EDQUOT (writing the workbook, a backup), also when XlsxWriter or
  another library re-raised it as its own error (found in the chain of causes).
In each case the transaction was rolled back and the file being written was not put in place: nothing
is lost, only not saved.
"""
from __future__ import annotations

import errno
import shutil
from pathlib import Path
from typing import Iterable, Iterator

SQLITE_FULL, SQLITE_IOERR = 13, 10
NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
LOW_SPACE_BYTES = 1 << 20  # "disk I/O error" with less than this free is taken for a full disk

_folders_in_use: list[Path] = []  # data folders whose free space explains a "disk I/O error"


def watch_folder(folder: Path | str) -> None:
    """Remember a profile's folder (the app and the command line do, once opened)."""
    path = Path(folder)
    if path not in _folders_in_use:
        _folders_in_use.append(path)


def is_disk_full(exc: BaseException, folders: Iterable[Path | str] = ()) -> bool:
    for error in _chain(exc):
        if isinstance(error, OSError) and error.errno in NO_SPACE:
            return True
        code = getattr(error, "sqlite_errorcode", None)
        text = str(error).lower()
        if (code is not None and code & 0xFF == SQLITE_FULL) or "database or disk is full" in text:
            return True
        if ((code is not None and code & 0xFF == SQLITE_IOERR) or "disk i/o error" in text) and \
                _low_on_space([*folders, *_folders_in_use]):
            return True
    return False


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The error, what it wraps (SQLAlchemy's .orig, an exception passed as an argument) and its causes."""
    seen, todo = set(), [exc]
    while todo:
        error = todo.pop()
        if error is None or id(error) in seen:
            continue
        seen.add(id(error))
        yield error
        todo += [error.__cause__, error.__context__, getattr(error, "orig", None)]
        todo += [arg for arg in getattr(error, "args", ()) if isinstance(arg, BaseException)]


def _low_on_space(folders: list[Path | str]) -> bool:
    for folder in folders:
        path = Path(folder)
        while not path.exists() and path != path.parent:
            path = path.parent
        try:
            if shutil.disk_usage(path).free < LOW_SPACE_BYTES:
                return True
        except OSError:
            continue
    return False
