"""No error is lost: an exception nobody caught (in a slot, in a thread) and Qt's own warnings go to the
profile's log (chushang_desk/logs.py, without personal data), and an uncaught exception on the window's
thread is also shown to the officer by the one error function, show_error."""
from __future__ import annotations

import logging
import sys
import threading
import traceback

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from .errors import show_error

_log = logging.getLogger("chushang_desk.uncaught")
_qt_log = logging.getLogger("qt")
_QT_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}
_showing = []  # an error inside the error box must not open another box, and another ...
_shown = []  # the boxes open: kept, since one without a parent window would be deleted at once


def uncaught(exc_type, exc, tb) -> None:
    """sys.excepthook: log it, then tell the officer (with the whole traceback under Details)."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    _log.error("uncaught exception", exc_info=(exc_type, exc, tb))
    app = QApplication.instance()
    if app is None or _showing or threading.current_thread() is not threading.main_thread():
        return
    _showing.append(exc)
    try:
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        box = show_error(app.activeWindow(), exc, details)
        _shown.append(box)
        box.finished.connect(lambda _result: _shown.remove(box))
    finally:
        _showing.pop()


def _thread_uncaught(args: threading.ExceptHookArgs) -> None:
    _log.error("uncaught exception in thread %s", args.thread.name if args.thread else "?",
               exc_info=(args.exc_type, args.exc_value, args.exc_traceback))


def qt_message(kind: QtMsgType, _context, message: str) -> None:
    level = _QT_LEVELS.get(kind, logging.WARNING)
    _qt_log.log(level, "%s", message)
    if level >= logging.WARNING:  # as Qt itself does: a developer's terminal still shows them
        print(message, file=sys.stderr, flush=True)


def install_error_routes() -> None:
    sys.excepthook = uncaught
    threading.excepthook = _thread_uncaught
    qInstallMessageHandler(qt_message)
