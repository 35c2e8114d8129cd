"""The app's own icons: small SVGs in resources/icons/, drawn in one style (24 px grid, one stroke colour)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from ..paths import resources_dir

STROKE, ON_SELECTION = "#2b6cb0", "#ffffff"  # the files' colour; white on the selected row's blue


def icon_path(name: str) -> str:
    return str(resources_dir() / "icons" / f"{name}.svg")


def window_icon() -> QIcon:
    """The app's own mark (resources/icons/app.svg; the installers' icon files are rendered from it)."""
    return QIcon(icon_path("app"))


def app_icon(name: str, sizes: tuple[int, ...] = (16, 20, 24, 40, 48)) -> QIcon:
    """QIcon reads the .svg through Qt's SVG icon engine, sharp at any size; a white copy for the
    selected row, where the blue strokes would vanish into the highlight."""
    icon = QIcon(icon_path(name))
    white = Path(icon_path(name)).read_text(encoding="utf-8").replace(STROKE, ON_SELECTION)
    renderer = QSvgRenderer(QByteArray(white.encode("utf-8")))
    for size in sizes:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        icon.addPixmap(pixmap, QIcon.Mode.Selected)
    return icon
