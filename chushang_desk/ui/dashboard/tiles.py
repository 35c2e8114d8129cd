"""A figure tile: one item of the work list with its target, actual, completion rate and a progress bar,
marked when it is behind (under half of its pro-rata share). Clicking it (or Enter / Space on it) asks
for the records behind the figure."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QProgressBar, QSizePolicy, QVBoxLayout, QWidget

from ...services.targets import TargetFigure
from ..widgets.style import ERROR_COLOUR
from .words import metric_label, number, percent, unit_label

TILE_STYLE = """
QFrame#figureTile { background: #ffffff; border: 1px solid #d5dbe3; border-radius: 6px; }
QFrame#figureTile:focus { border: 2px solid #2b6cb0; }
QFrame#figureTile[behind="true"] { border: 2px solid %s; background: #fff6f5; }
QLabel#tileTitle { color: #44546a; }
QLabel#tileActual { font-size: 20px; font-weight: 600; color: #1a202c; }
QLabel#tileState[behind="true"] { color: %s; font-weight: 600; }
""" % (ERROR_COLOUR, ERROR_COLOUR)


class FigureTile(QFrame):
    clicked = Signal(str)  # the metric

    def __init__(self, metric: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.figure_metric = metric  # not "metric": QPaintDevice.metric() is called by Qt
        self.figure: TargetFigure | None = None
        self.setObjectName("figureTile")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.title = QLabel(metric_label(metric))
        self.title.setObjectName("tileTitle")
        self.actual = QLabel("–")
        self.actual.setObjectName("tileActual")
        self.amount = QLabel()  # the signed projects' amount (签约额), under their count
        self.amount.hide()
        self.target = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        self.state = QLabel()
        self.state.setObjectName("tileState")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(3)
        for widget in (self.title, self.actual, self.amount, self.target, self.bar, self.state):
            if isinstance(widget, QLabel):  # a narrow window cuts a long line rather than widening the page
                widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            layout.addWidget(widget)

    def show_figure(self, figure: TargetFigure) -> None:
        self.figure = figure
        money = figure.unit == "万元"
        unit = unit_label(figure.unit)
        if figure.actual is None:
            self.actual.setText(self.tr("Not recorded yet"))
        else:
            self.actual.setText(f"{number(figure.actual, money)} {unit}".strip())
        if figure.target is None:
            self.target.setText(self.tr("No target set"))
        elif figure.actual is None:
            self.target.setText(self.tr("Target {0}").format(number(figure.target)))
        else:
            self.target.setText(self.tr("Target {0} · {1} done").format(number(figure.target), percent(figure.rate)))
        if figure.amount is not None:
            self.amount.setText(self.tr("Amount {0} (10k ¥)").format(number(figure.amount, True)))
        self.amount.setVisible(figure.amount is not None)
        rate = float(figure.rate or 0)
        self.bar.setValue(int(min(rate, 1.0) * 1000))
        self.state.setText(self._state_text(figure))
        self._mark(figure.behind)
        self.setToolTip(self._tooltip(figure))
        self.setAccessibleName(f"{self.title.text()}: {self.actual.text()}; {self.target.text()}")

    def _state_text(self, figure: TargetFigure) -> str:
        if figure.behind:
            return self.tr("Behind: pro-rata share {0}").format(percent(figure.share))
        if figure.rate is not None and figure.rate >= 1:
            return self.tr("Target reached")
        return ""

    def _tooltip(self, figure: TargetFigure) -> str:
        amount = self.amount.text() if figure.amount is not None else ""
        return "\n".join(filter(None, (self.title.text(), self.actual.text(), amount, self.target.text(),
                                        self.state.text(), self.tr("Click to list the records behind this figure"))))

    def _mark(self, behind: bool) -> None:
        for widget in (self, self.state):
            widget.setProperty("behind", "true" if behind else "false")
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit(self.figure_metric)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit(self.figure_metric)
            return
        super().keyPressEvent(event)


class TileGrid(QWidget):
    """The work list's tiles, `columns` to a row, in the bureau's order."""

    clicked = Signal(str)

    def __init__(self, metrics: tuple[str, ...], columns: int = 4, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet(TILE_STYLE)
        self.tiles: dict[str, FigureTile] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        for i, metric in enumerate(metrics):
            tile = FigureTile(metric)
            tile.clicked.connect(self.clicked)
            self.tiles[metric] = tile
            grid.addWidget(tile, i // columns, i % columns, Qt.AlignmentFlag.AlignTop)
        for column in range(columns):
            grid.setColumnStretch(column, 1)

    def show_figures(self, figures: list[TargetFigure]) -> None:
        for figure in figures:
            tile = self.tiles.get(figure.metric)
            if tile is not None:
                tile.show_figure(figure)
