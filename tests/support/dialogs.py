"""Answering the questions the dialogs ask (放弃 / 继续编辑) as an officer would: by clicking a button."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

DISCARD = {"en": "Discard", "zh_CN": "放弃"}
KEEP_EDITING = {"en": "Keep editing", "zh_CN": "继续编辑"}


def open_question() -> QMessageBox | None:
    """The question on screen, found among the top-level windows (it is a window of its own)."""
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    return boxes[-1] if boxes else None


def answer(qtbot, text: str) -> str:
    """Wait for the question, then click its button labelled `text`; the question's text."""
    qtbot.waitUntil(lambda: open_question() is not None)
    box = open_question()
    button = next(b for b in box.buttons() if b.text() == text)
    text_shown = box.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return text_shown


def discard_open_dialogs(window) -> None:
    """Test teardown: close what a test left open without the questions, so the window closes."""
    from chushang_desk.ui.widgets.dialogs import EditingDialog

    for dialog in window.findChildren(EditingDialog):
        if dialog.isVisible():
            dialog.discard()


def is_closed(dialog) -> bool:
    """Hidden, or already deleted (a dialog with WA_DeleteOnClose)."""
    import shiboken6

    return not shiboken6.isValid(dialog) or not dialog.isVisible()
