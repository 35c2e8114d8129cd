"""What every editing dialog does the same way, and where the keyboard focus goes when a dialog closes.

EditingDialog: Ctrl+Enter (and Ctrl+Return) saves; Esc, Cancel and the title bar's close button close at
once when nothing was changed, and otherwise ask first (放弃 / 继续编辑, keeping on editing the default).
FocusReturn: when a dialog closes, the focus goes back to the widget that had it when the dialog opened.
"""
from __future__ import annotations

from typing import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QMessageBox, QWidget

SAVE_KEYS = ("Ctrl+Return", "Ctrl+Enter")  # the main Enter key and the keypad's


class FocusReturn(QObject):
    """Watches one dialog (its parent): the widget focused when it is shown gets the focus back when it
    is hidden."""

    def __init__(self, dialog: QWidget):
        super().__init__(dialog)
        self.before: QWidget | None = None
        dialog.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        # The dialog is this object's parent (read from Qt: events may still come while Python tears down).
        if obj is self.parent() and not event.spontaneous():  # not a minimize and restore
            if event.type() == QEvent.Type.Show:
                self._remember(obj)
            elif event.type() == QEvent.Type.Hide:
                self._give_back()
        return False

    def _remember(self, dialog: QWidget) -> None:
        parent = dialog.parentWidget()
        for widget in (QApplication.focusWidget(), parent.window().focusWidget() if parent else None):
            if widget is not None and widget.window() is not dialog:
                self.before = widget
                return

    def _give_back(self) -> None:
        before, self.before = getattr(self, "before", None), None
        if before is None or not shiboken6.isValid(before):
            return
        before.window().activateWindow()
        if before.isVisible() and before.isEnabled():  # else Qt gives it to the window's next widget
            before.setFocus(Qt.FocusReason.ActiveWindowFocusReason)


def return_focus_after(dialog: QWidget) -> QWidget:
    """For a dialog that is not an EditingDialog (a question, a confirmation): the same focus return."""
    FocusReturn(dialog)
    return dialog


class EditingDialog(QDialog):
    """The base of every dialog that saves what the officer typed.

    Subclasses implement `form_state` (a comparable value of everything the officer can change) and
    `save`, and set `save_button` (Ctrl+Enter does nothing while it is disabled: a save is running).
    What the form holds when it is first shown counts as unchanged; a dialog that fills itself later
    (a record read in the background) calls `mark_clean` once filled.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.save_button: QAbstractButton | None = None
        self.discard_question: QMessageBox | None = None
        self._snapshot = None
        self._discard_button: QAbstractButton | None = None
        self._on_discard: Callable[[], None] | None = None
        FocusReturn(self)
        for keys in SAVE_KEYS:
            QShortcut(QKeySequence(keys), self, activated=self._save_by_shortcut)

    def set_save_button(self, button: QAbstractButton) -> None:
        self.save_button = button
        if not button.toolTip():
            button.setToolTip(self.tr("{0} (Ctrl+Enter)").format(button.text().replace("&", "")))

    def form_state(self):
        raise NotImplementedError

    def save(self) -> None:
        raise NotImplementedError

    def discard_text(self) -> str:
        return self.tr("Discard what you typed?")

    def mark_clean(self) -> None:
        self._snapshot = self.form_state()

    def is_dirty(self) -> bool:
        return self._snapshot is not None and self.form_state() != self._snapshot

    def showEvent(self, event) -> None:
        if self._snapshot is None:
            self.mark_clean()
        super().showEvent(event)

    def _save_by_shortcut(self) -> None:
        if self.discard_question is None and (self.save_button is None or self.save_button.isEnabled()):
            self.save()

    def reject(self) -> None:
        """Esc, Cancel or the close button: close at once, or ask first when something was changed."""
        if self.is_dirty():
            self.ask_to_discard()
        else:
            super().reject()

    def discard(self) -> None:
        """Close without asking: the officer chose to throw away what was typed."""
        super().reject()

    def ask_to_discard(self, text: str | None = None, on_discard: Callable[[], None] | None = None) -> QMessageBox:
        """Ask (without blocking) whether to throw away what was typed; 继续编辑 is the default and Esc.
        `on_discard` runs after the dialog closed, when the officer chose 放弃."""
        if self.discard_question is not None:  # asked already: the same question comes to the front
            self._on_discard = on_discard or self._on_discard
            self.discard_question.raise_()
            self.discard_question.activateWindow()
            return self.discard_question
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(), text or self.discard_text(),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("discardQuestion")
        self._discard_button = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        FocusReturn(box)
        box.finished.connect(lambda _result: self._answered(box))
        self.discard_question, self._on_discard = box, on_discard
        box.open()
        return box

    def _answered(self, box: QMessageBox) -> None:
        on_discard, self._on_discard = self._on_discard, None
        self.discard_question = None
        if box.clickedButton() is self._discard_button:
            self.discard()
            if on_discard is not None:
                on_discard()


def dialogs_with_typing(window: QWidget) -> list[EditingDialog]:
    """The open editing dialogs of this window that hold something not saved."""
    return [d for d in window.findChildren(EditingDialog) if d.isVisible() and d.is_dirty()]
