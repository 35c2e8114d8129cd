"""The one date field of the app: typed the way officers write dates, or picked from a calendar.

The text stays exactly as typed. What it means is decided by services.validation.parse_date, the same
function the services and the command line use: 2025-03-14, 2025/3/14, 2025.3.14, 20250314,
2025年3月14日 and full-width digits are dates; 20250230 or 2025-13-01 is refused by name, never rolled
over to another day (as QDateEdit did). A refused date is shown next to the field (`problem_changed`,
connected to the field's error line) and goes to the service as typed, which refuses the save.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Callable

from PySide6.QtCore import QDate, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QLabel, QLineEdit, QSizePolicy, QWidget

from ...services.messages import Message
from ...services.validation import BadDate, parse_date
from ..i18n import current_language
from .style import ERROR_COLOUR

PROBLEM_STYLE = f"QLineEdit {{ border: 1px solid {ERROR_COLOUR}; }}"


def calendar_icon() -> QIcon:
    """A small calendar page, drawn (the app ships no icon files)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QPen(QColor("#555555"), 1))
    painter.drawRect(QRect(1, 2, 13, 12))
    painter.fillRect(QRect(2, 3, 12, 3), QColor(ERROR_COLOUR))
    for x in (4, 7, 10):
        for y in (8, 11):
            painter.fillRect(QRect(x, y, 2, 2), QColor("#555555"))
    painter.end()
    return QIcon(pixmap)


class DateField(QLineEdit):
    """A date typed or picked (Alt+Down or the calendar button). Up/Down step a day (an empty field takes
    `default`), Ctrl+Delete empties it. value(): the date, None when empty, or the text as typed when it
    is no date."""

    problem_changed = Signal(str)  # what is wrong, in the interface language; "" once it is fixed

    def __init__(self, value: date | None = None, default: Callable[[], date | None] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._default = default or date.today
        self._shown = ""  # the problem on display
        self.calendar: QCalendarWidget | None = None
        self.setPlaceholderText(self.tr("e.g. 2025-03-14"))
        self.setMaxLength(40)
        # As wide as a date: in a form the field's error line, not the field, takes the row's width.
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.calendar_action = self.addAction(calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setToolTip(self.tr("Pick from a calendar (Alt+Down)"))
        self.calendar_action.triggered.connect(self.open_calendar)
        self.editingFinished.connect(self.check)
        self.textChanged.connect(self._text_changed)
        self.set_value(value)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        text = max(metrics.horizontalAdvance("2025-12-31 "), metrics.horizontalAdvance(self.placeholderText()))
        return QSize(text + 44, hint.height())  # the calendar button and the frame's margins

    # ------------------------------------------------------------------ value
    def value(self) -> date | str | None:
        try:
            return parse_date(self.text())
        except BadDate:
            return self.text()  # as typed: the service refuses it and says why

    def date(self) -> date | None:
        """The date, or None when the field is empty or holds no date."""
        value = self.value()
        return value if isinstance(value, date) else None

    def set_value(self, value: date | None) -> None:
        self.setText(value.isoformat() if value else "")

    def problem(self) -> Message | None:
        try:
            parse_date(self.text())
        except BadDate as bad:
            return bad.message
        return None

    def check(self) -> bool:
        """Show what is wrong with the date typed (or that nothing is any more); True when it is fine."""
        problem = self.problem()
        self._show(problem.render(current_language()) if problem else "")
        return problem is None

    def shown_problem(self) -> str:
        """The message on display for this field ("" when none is)."""
        return self._shown

    def _text_changed(self, _text: str) -> None:
        if self._shown and self.problem() is None:
            self._show("")  # fixed: the message goes at once; a new one waits until the field is left

    def _show(self, text: str) -> None:
        self.setStyleSheet(PROBLEM_STYLE if text else "")
        if text != self._shown:
            self._shown = text
            self.problem_changed.emit(text)

    def show_problems_in(self, label: QLabel) -> None:
        """Show this field's problems in its error line (the line also shows the service's messages)."""
        def shown(text: str) -> None:
            label.setText(text)
            label.setVisible(bool(text))

        self.problem_changed.connect(shown)

    # ------------------------------------------------------------------ keys
    def keyPressEvent(self, event) -> None:
        key, mods = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and mods & Qt.KeyboardModifier.ControlModifier:
            self.clear()
        elif key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and mods & Qt.KeyboardModifier.AltModifier):
            self.open_calendar()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._step(1 if key == Qt.Key.Key_Up else -1)
        else:
            super().keyPressEvent(event)

    def _step(self, days: int) -> None:
        if not self.text().strip():
            self.set_value(self._default())
        elif self.date() is not None:
            self.set_value(self.date() + timedelta(days=days))

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        if event.reason() not in (Qt.FocusReason.MouseFocusReason, Qt.FocusReason.PopupFocusReason):
            self.selectAll()  # typing "20250314" right away replaces the date

    # ------------------------------------------------------------------ calendar
    def open_calendar(self) -> None:
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setGridVisible(True)
            self.calendar.clicked.connect(self._picked)
            self.calendar.activated.connect(self._picked)
        shown = self.date() or self._default() or date.today()
        self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        self.calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self.calendar.show()
        self.calendar.setFocus()

    def _picked(self, picked: QDate) -> None:
        self.calendar.hide()
        self.set_value(date(picked.year(), picked.month(), picked.day()))
        self.setFocus(Qt.FocusReason.PopupFocusReason)
        self.check()
