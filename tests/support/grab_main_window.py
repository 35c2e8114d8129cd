"""Child process of tests/ui/test_real_display.py: the real main window on the X display in DISPLAY (Qt's
xcb plugin), grabbed from the X server to a PNG once its first screen has its rows.
Usage: python -m tests.support.grab_main_window DATA_DIR OUT.png. Exit 0 when the PNG is written."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from chushang_desk.ui.app import build_main_window


def fail(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
    QApplication.exit(1)


def main(data_dir: Path, out: Path) -> int:
    app = QApplication(sys.argv)
    if app.platformName() != "xcb":
        print(f"Qt platform is {app.platformName()!r}, not xcb", file=sys.stderr)
        return 1
    # Without a CJK font every Chinese string on the display is boxes (fonts-noto-cjk in APT_RUN).
    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        print("no font for Simplified Chinese is installed", file=sys.stderr)
        return 1
    window = build_main_window(data_dir, "zh_CN")
    window.resize(1100, 700)
    window.show()

    def grab_when_exposed() -> None:
        if not window.windowHandle().isExposed():  # mapped by the X server, not only shown by Qt
            QTimer.singleShot(50, grab_when_exposed)
            return
        window.repaint()  # paint and flush to the X server now; the grab below is read back from it
        image = window.screen().grabWindow(window.winId()).toImage()
        if image.isNull() or not image.save(str(out)):
            fail(f"the window could not be grabbed to {out}")
            return
        QApplication.exit(0)

    window.ctx.settled.connect(grab_when_exposed)  # settled: the first screen has its rows
    QTimer.singleShot(15_000, lambda: fail("the first screen did not get its rows within 15 s: "
                                           + window.statusBar().currentMessage()))
    code = app.exec()
    window.close()
    return code


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
