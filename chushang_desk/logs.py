"""The profile's log file: what went wrong, for a bug report, without the people in it.

`logs/chushang-desk.log` in the profile folder (0700 folder, 0600 files like the rest of the profile),
rotated at 1 MB with 4 older files kept. The directory's personal data must not leak into it, so the file
never holds an exception's message (a database error quotes the row it failed on, a file error the file
name): exceptions are written as their type and their frames (file, line, function), and an exception
passed as a log argument as its type alone. The details box of an error message still shows everything
to the officer, who may see it anyway.
"""
from __future__ import annotations

import logging
import logging.handlers
import os
import traceback
from pathlib import Path

LOG_NAME = "chushang-desk.log"
MAX_BYTES, BACKUPS = 1_000_000, 4
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_path(data_dir: Path) -> Path:
    return Path(data_dir) / "logs" / LOG_NAME


def frames_only(exc: BaseException) -> str:
    """A traceback without messages: each exception of the chain as its type, then its frames."""
    parts = []
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        frames = "".join(f'  File "{f.filename}", line {f.lineno}, in {f.name}\n'
                         for f in traceback.extract_tb(exc.__traceback__))
        parts.append(f"{type(exc).__module__}.{type(exc).__qualname__} (message not logged)\n{frames}")
        exc = exc.__cause__ or exc.__context__
    return "Traceback, innermost cause last:\n" + "".join(reversed(parts))


class _WithoutPersonalData(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        if record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            record = logging.makeLogRecord({**record.__dict__, "args": tuple(
                f"<{type(a).__name__}>" if isinstance(a, BaseException) else a for a in args)})
        exc = record.exc_info[1] if record.exc_info else None
        if exc is not None:
            record = logging.makeLogRecord({**record.__dict__, "exc_info": None, "exc_text": None})
        text = super().format(record)
        return f"{text}\n{frames_only(exc)}" if exc is not None else text


class _PrivateRotatingFile(logging.handlers.RotatingFileHandler):
    """Created 0600 whatever the umask, as every file of the profile."""

    def _open(self):
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return os.fdopen(fd, self.mode.replace("w", "a"), encoding=self.encoding)


def install_profile_log(data_dir: Path, level: int = logging.INFO) -> Path:
    """Send our loggers' records (and Qt's, once routed to logging) to the profile's log file; a second
    call (another profile) replaces the first."""
    path = log_path(data_dir)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _PrivateRotatingFile)]:
        root.removeHandler(handler)
        handler.close()
    handler = _PrivateRotatingFile(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(_WithoutPersonalData(FORMAT))
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    # Every long-poll and push would be a line of httpx's; its warnings and errors still come.
    for chatty in ("httpx", "httpcore"):
        logging.getLogger(chatty).setLevel(max(logging.WARNING, logging.getLogger(chatty).level))
    return path


def current_log_path() -> Path | None:
    """The log file install_profile_log opened, if any (the error box names it for a bug report)."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, _PrivateRotatingFile):
            return Path(handler.baseFilename)
    return None
