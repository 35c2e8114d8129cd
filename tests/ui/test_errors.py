"""Errors reach the officer in the interface language, with details to copy."""
import pytest
from PySide6.QtWidgets import QApplication

from chushang_desk.services.messages import Message, ValidationFailed
from chushang_desk.ui.errors import describe, show_error
from chushang_desk.ui.i18n import install_language


@pytest.fixture
def chinese(qapp):
    install_language(qapp, "zh_CN")
    yield
    install_language(qapp, "en")


def test_validation_errors_are_rendered_in_chinese(chinese):
    exc = ValidationFailed({"phones": Message("bad_phone", {"value": "12ab"})})
    assert describe(exc) == "无法识别的电话号码：12ab"


def test_validation_errors_are_rendered_in_english(qapp):
    install_language(qapp, "en")
    exc = ValidationFailed({"name": Message("required")})
    assert describe(exc) == "Required"


def test_unexpected_error_shows_details_to_copy(qtbot, qapp):
    try:
        raise RuntimeError("disk on fire")
    except RuntimeError as exc:
        import traceback

        box = show_error(None, exc, traceback.format_exc())
    qtbot.addWidget(box)
    assert "disk on fire" in box.text()
    assert "Traceback" in box.detailedText() and "RuntimeError" in box.detailedText()
    box.close()
    assert QApplication.activeModalWidget() is None or QApplication.activeModalWidget() is not box


def test_database_errors_say_nothing_was_lost(qapp):
    import sqlite3

    install_language(qapp, "en")
    text = describe(sqlite3.OperationalError("database is locked"))
    assert "Nothing was lost" in text
