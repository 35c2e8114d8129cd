"""The dashboard's two charts, drawn with QPainter (no Qt Charts, no plotting library: issue 11 measured a
QPainter widget at ~0.03 s where pyqtgraph adds ~0.5 s and matplotlib ~1.1 s): progress by station as
horizontal bars with each station's own target marked, and the months of the year as bars with the
year so far as a line. A click on a bar (or Enter on the bar chosen with the arrow keys) says which."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

BAR = QColor("#2b6cb0")
BAR_FAINT = QColor("#a9c4e4")  # a month outside the period chosen
BAR_CHOSEN = QColor("#1a4971")
TARGET = QColor("#b42318")
LINE = QColor("#dd6b20")
AXIS = QColor("#8a96a8")
TEXT = QColor("#1a202c")
MUTED = QColor("#5a6678")


@dataclass(frozen=True)
class Bar:
    key: object  # what a click on it names (a station code, a month)
    label: str
    value: float
    text: str  # the value as shown
    target: float | None = None
    faint: bool = False


class BarChart(QWidget):
    """Bars the officer can click; the arrow keys move a chosen bar, Enter or Space clicks it."""

    bar_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.chosen = -1
        self.empty_text = ""
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_bars(self, bars: list[Bar]) -> None:
        self.bars = bars
        self.chosen = min(self.chosen, len(bars) - 1)
        self.updateGeometry()
        self.update()

    def bar_rects(self) -> list[QRectF]:
        """Where each bar is drawn (its whole slot, so a short bar is as easy to click as a long one)."""
        raise NotImplementedError

    def bar_at(self, point: QPointF) -> int:
        for i, rect in enumerate(self.bar_rects()):
            if rect.contains(point):
                return i
        return -1

    def mouseReleaseEvent(self, event) -> None:
        i = self.bar_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and i >= 0:
            self.chosen = i
            self.update()
            self.bar_clicked.emit(self.bars[i].key)
        super().mouseReleaseEvent(event)

    def mouseMoveEvent(self, event) -> None:
        i = self.bar_at(event.position())
        self.setCursor(Qt.CursorShape.PointingHandCursor if i >= 0 else Qt.CursorShape.ArrowCursor)
        if i >= 0:
            bar = self.bars[i]
            QToolTip.showText(event.globalPosition().toPoint(), f"{bar.label}: {bar.text}", self)
        super().mouseMoveEvent(event)

    def keyPressEvent(self, event) -> None:
        step = {Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1}.get(event.key())
        if step and self.bars:
            self.chosen = max(0, min(len(self.bars) - 1, self.chosen + step))
            self.update()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.chosen >= 0:
            self.bar_clicked.emit(self.bars[self.chosen].key)
        else:
            super().keyPressEvent(event)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        if not self.bars or not any(b.value or b.target for b in self.bars):
            painter.setPen(MUTED)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
        else:
            self.draw(painter)
        if self.hasFocus():
            painter.setPen(QPen(BAR, 1, Qt.PenStyle.DotLine))
            painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        painter.end()

    def draw(self, painter: QPainter) -> None:
        raise NotImplementedError

    def _colour(self, i: int, bar: Bar) -> QColor:
        return BAR_CHOSEN if i == self.chosen else (BAR_FAINT if bar.faint else BAR)


class StationChart(BarChart):
    """One row per station: its name, a bar of its actual and a red tick at its own target."""

    ROW, PAD, LEGEND = 26, 8, 20

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.target_legend = ""  # drawn under the bars when a station has a target of its own

    def sizeHint(self) -> QSize:
        return QSize(420, self.PAD * 2 + self.ROW * max(len(self.bars), 3) + self.LEGEND)

    def minimumSizeHint(self) -> QSize:
        return QSize(260, self.sizeHint().height())

    def _label_width(self) -> int:
        metrics = QFontMetrics(self.font())
        widest = max((metrics.horizontalAdvance(b.label) for b in self.bars), default=0)
        return min(widest + 10, int(self.width() * 0.4))

    def bar_rects(self) -> list[QRectF]:
        left = self._label_width()
        return [QRectF(left, self.PAD + i * self.ROW, self.width() - left - self.PAD, self.ROW)
                for i in range(len(self.bars))]

    def draw(self, painter: QPainter) -> None:
        metrics = QFontMetrics(self.font())
        text_room = max((metrics.horizontalAdvance(b.text) for b in self.bars), default=0) + 12
        most = max(max(b.value, b.target or 0) for b in self.bars) or 1
        left = self._label_width()
        for i, (bar, slot) in enumerate(zip(self.bars, self.bar_rects())):
            painter.setPen(TEXT)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, left - 10)
            painter.drawText(QRectF(0, slot.top(), left - 8, slot.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            room = slot.width() - text_room
            length = room * bar.value / most
            painter.fillRect(QRectF(slot.left(), slot.top() + 5, max(length, 1), slot.height() - 10),
                             self._colour(i, bar))
            if bar.target:
                x = slot.left() + room * bar.target / most
                painter.setPen(QPen(TARGET, 2))
                painter.drawLine(QPointF(x, slot.top() + 2), QPointF(x, slot.bottom() - 2))
            painter.setPen(MUTED)
            painter.drawText(QRectF(slot.left() + length + 4, slot.top(), text_room, slot.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, bar.text)
        if self.target_legend and any(bar.target for bar in self.bars):
            y = self.PAD + self.ROW * len(self.bars) + self.LEGEND / 2
            painter.setPen(QPen(TARGET, 2))
            painter.drawLine(QPointF(left, y - 6), QPointF(left, y + 6))
            painter.setPen(MUTED)
            painter.drawText(QRectF(left + 8, y - 9, self.width() - left - 8, 18),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.target_legend)


class MonthChart(BarChart):
    """Twelve months as bars (those outside the period chosen faint), the year so far as a line on its
    own scale (right), so January's few and December's many both read."""

    PAD, BOTTOM, TOP = 10, 22, 22

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.cumulative: list[float] = []
        self.cumulative_text = ""
        self.legend = ("", "")

    def set_line(self, values: list[float], last_text: str, legend: tuple[str, str]) -> None:
        self.cumulative, self.cumulative_text, self.legend = values, last_text, legend
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, 230)

    def minimumSizeHint(self) -> QSize:
        return QSize(300, 200)

    def _plot(self) -> QRectF:
        return QRectF(self.PAD, self.TOP, self.width() - 2 * self.PAD - 40, self.height() - self.TOP - self.BOTTOM)

    def bar_rects(self) -> list[QRectF]:
        plot = self._plot()
        step = plot.width() / max(len(self.bars), 1)
        return [QRectF(plot.left() + i * step, plot.top(), step, plot.height() + self.BOTTOM)
                for i in range(len(self.bars))]

    def draw(self, painter: QPainter) -> None:
        plot = self._plot()
        most = max(b.value for b in self.bars) or 1
        painter.setPen(AXIS)
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        self._draw_line(painter, plot)  # behind the bars and their figures, which it would hide
        for i, (bar, slot) in enumerate(zip(self.bars, self.bar_rects())):
            height = plot.height() * bar.value / most
            body = QRectF(slot.left() + slot.width() * 0.2, plot.bottom() - height, slot.width() * 0.6, height)
            painter.fillRect(body, self._colour(i, bar))
            painter.setPen(MUTED)
            painter.drawText(QRectF(slot.left(), plot.bottom() + 2, slot.width(), self.BOTTOM - 2),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, bar.label)
            if bar.value:
                painter.drawText(QRectF(slot.left() - 10, body.top() - 16, slot.width() + 20, 14),
                                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, bar.text)
        self._draw_legend(painter)

    def _draw_line(self, painter: QPainter, plot: QRectF) -> None:
        if not self.cumulative or not max(self.cumulative):
            return
        most = max(self.cumulative)
        rects = self.bar_rects()
        points = [QPointF(r.center().x(), plot.bottom() - plot.height() * v / most)
                  for r, v in zip(rects, self.cumulative)]
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        painter.setPen(QPen(LINE, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setBrush(LINE)
        for point in points:
            painter.drawEllipse(point, 2.5, 2.5)
        painter.setPen(LINE)
        painter.drawText(QRectF(plot.right() + 2, points[-1].y() - 8, 60, 16),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.cumulative_text)

    def _draw_legend(self, painter: QPainter) -> None:
        metrics = QFontMetrics(self.font())
        x = self.PAD
        for colour, text in ((BAR, self.legend[0]), (LINE, self.legend[1])):
            if not text:
                continue
            painter.fillRect(QRectF(x, 6, 12, 8), colour)
            painter.setPen(MUTED)
            painter.drawText(QPointF(x + 16, 14), text)
            x += 16 + metrics.horizontalAdvance(text) + 14
