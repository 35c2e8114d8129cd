"""Errors are never lost (issue 9): an uncaught exception is logged to the profile's log and shown by
show_error; Qt's warnings are logged; the log file is private (0600 in a 0700 folder), rotates, and never
holds an exception's message (a database error quotes the row it failed on)."""
from __future__ import annotations

import logging
import stat
import sys

import pytest
from PySide6.QtCore import qWarning
from PySide6.QtWidgets import QApplication, QMessageBox

from chushang_desk.logs import BACKUPS, MAX_BYTES, current_log_path, install_profile_log, log_path
from chushang_desk.ui import error_routes

PERSONAL = "张三 13800138000"


@pytest.fixture
def profile_log(tmp_path):
    path = install_profile_log(tmp_path)
    yield path
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "baseFilename", None) == str(path)]:
        root.removeHandler(handler)
        handler.close()


def failing_save():
    raise ValueError(f"constraint failed for {PERSONAL}")


def test_the_log_is_private_and_rotates(profile_log, tmp_path):
    assert profile_log == log_path(tmp_path) and current_log_path() == profile_log
    logging.getLogger("chushang_desk.test").warning("a line")
    assert stat.S_IMODE(profile_log.stat().st_mode) == 0o600
    assert stat.S_IMODE(profile_log.parent.stat().st_mode) == 0o700
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "baseFilename", None) == str(profile_log))
    assert (handler.maxBytes, handler.backupCount) == (MAX_BYTES, BACKUPS)
    handler.doRollover()
    logging.getLogger("chushang_desk.test").warning("after rotation")
    rotated = profile_log.with_name(profile_log.name + ".1")
    assert rotated.exists() and stat.S_IMODE(profile_log.stat().st_mode) == 0o600


def test_an_exception_is_logged_by_its_frames_not_its_message(profile_log):
    try:
        failing_save()
    except ValueError as exc:
        logging.getLogger("chushang_desk.test").error("save failed: %s", exc, exc_info=True)
    text = profile_log.read_text(encoding="utf-8")
    assert "failing_save" in text and "builtins.ValueError" in text and "save failed: <ValueError>" in text
    assert "张三" not in text and "13800138000" not in text


def test_an_uncaught_exception_is_logged_and_shown(qtbot, profile_log, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", error_routes.uncaught)
    try:
        failing_save()
    except ValueError:
        sys.excepthook(*sys.exc_info())
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert boxes, "no message box for the uncaught exception"
    box = boxes[-1]
    assert PERSONAL in box.text()  # the officer sees what happened
    assert "failing_save" in box.detailedText() and str(profile_log) in box.detailedText()
    box.close()
    assert "uncaught exception" in profile_log.read_text(encoding="utf-8")


def test_qt_warnings_go_to_the_log(profile_log, capfd):
    error_routes.install_error_routes()
    try:
        qWarning("a Qt warning for the log")
    finally:
        from PySide6.QtCore import qInstallMessageHandler

        qInstallMessageHandler(None)
        sys.excepthook = sys.__excepthook__
    assert "qt: a Qt warning for the log" in profile_log.read_text(encoding="utf-8")
    assert "a Qt warning for the log" in capfd.readouterr().err  # and still on the terminal


def test_each_request_of_the_sync_is_not_a_line_of_the_log(profile_log):
    logging.getLogger("httpx").info('HTTP Request: GET http://127.0.0.1:8765/v1/sync/watch "HTTP/1.1 200 OK"')
    logging.getLogger("httpx").warning("a retry")
    text = profile_log.read_text(encoding="utf-8")
    assert "HTTP Request" not in text and "a retry" in text
