"""A ring round the focused button, so the keyboard's place is always visible.

Fusion marks a focused button only after Tab was pressed in that window, and then with the same thin
blue border as the default button; the platform styles draw a faint dotted rectangle. One QFocusFrame
follows the focus instead: it is drawn outside the button, over its neighbours' margin, so every button
keeps its own style's look. Line edits, combo boxes and tables already show their focus themselves.
"""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractButton, QApplication, QFocusFrame, QWidget

RING_STYLE = "QFocusFrame { border: 2px solid palette(highlight); border-radius: 4px; }"


class FocusRing(QObject):
    """Moves the ring to each newly focused button (push, tool, check and radio buttons)."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.setObjectName("focusRing")
        self.frame: QFocusFrame | None = None
        app.focusChanged.connect(self._follow)

    def _follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        target = new if isinstance(new, QAbstractButton) else None
        if self.frame is None or not shiboken6.isValid(self.frame):  # gone with the window it was in
            if target is None:
                return
            self.frame = QFocusFrame()
            self.frame.setObjectName("focusRingFrame")
            self.frame.setStyleSheet(RING_STYLE)
        self.frame.setWidget(target)

    def widget(self) -> QWidget | None:
        """The button the ring is round now, if any."""
        if self.frame is None or not shiboken6.isValid(self.frame) or not self.frame.isVisible():
            return None
        return self.frame.widget()


def install_focus_ring(app: QApplication) -> FocusRing:
    """Once per application (the tests build many windows in one)."""
    return app.findChild(FocusRing, "focusRing") or FocusRing(app)
