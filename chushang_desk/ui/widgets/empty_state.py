"""What a pane shows while it has nothing to show: what to do, instead of disabled tabs and buttons."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def empty_state(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("emptyState")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setContentsMargins(24, 24, 24, 24)
    label.setStyleSheet("QLabel#emptyState { color: #666; font-size: 14px; }")
    return label
