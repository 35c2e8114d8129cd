"""Keyboard shortcuts bound to a widget's scope."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def shortcut(keys, owner: QWidget, slot,
             context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetShortcut) -> QShortcut:
    """A shortcut of `owner` in `context` (by default only while `owner` has the focus: a list's Enter and
    Delete never act while a picker beside it is typed in). The context is set on the made shortcut:
    PySide6 (6.11) drops a `context=` given together with a callable, leaving the shortcut window-wide."""
    made = QShortcut(keys if isinstance(keys, QKeySequence) else QKeySequence(keys), owner)
    made.setContext(context)
    made.activated.connect(slot)
    return made
