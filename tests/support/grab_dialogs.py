"""Child process of tests/ui/test_real_display.py: the import wizard (its check step, every row checked)
and the merge dialog (two contacts side by side) on the X display in DISPLAY through Qt's xcb plugin,
each grabbed from the X server to a PNG. Usage: python -m tests.support.grab_dialogs DATA_DIR BOOK.xlsx
OUT_DIR LANG. The profile holds 张伟 and 張偉 (made by the test). Exit 0 when both PNGs are written."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from chushang_desk.ui.app import build_main_window


def fail(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
    QApplication.exit(1)


def when(condition, then, timeout_ms: int = 15_000, what: str = "") -> None:
    """Call `then` once `condition()` holds (polled on the event loop), or fail after timeout_ms."""
    left = [timeout_ms // 50]

    def poll() -> None:
        if condition():
            then()
        elif left[0] <= 0:
            fail(f"timed out waiting for {what}")
        else:
            left[0] -= 1
            QTimer.singleShot(50, poll)
    poll()


def grab(widget: QWidget, out: Path) -> bool:
    widget.repaint()  # paint and flush to the X server now; the grab is read back from it
    image = widget.screen().grabWindow(widget.winId()).toImage()
    return not image.isNull() and image.save(str(out))


def main(data_dir: Path, book: Path, out_dir: Path, lang: str) -> int:
    app = QApplication(sys.argv)
    if app.platformName() != "xcb":
        print(f"Qt platform is {app.platformName()!r}, not xcb", file=sys.stderr)
        return 1
    window = build_main_window(data_dir, lang)
    window.resize(1100, 700)
    window.show()

    def open_wizard() -> None:
        window.open_import()
        wizard = window.import_wizard
        wizard.open_file(book)
        when(lambda: wizard.next_button.isEnabled(), lambda: to_columns(wizard), what="the file to be read")

    def to_columns(wizard) -> None:
        wizard.next_button.click()
        when(lambda: wizard.mapping is not None and wizard.next_button.isEnabled(),
             lambda: to_check(wizard), what="the columns step")

    def to_check(wizard) -> None:
        wizard.next_button.click()
        when(lambda: wizard.plan is not None and wizard.windowHandle().isExposed(),
             lambda: grab_wizard(wizard), what="every row checked")

    def grab_wizard(wizard) -> None:
        if not grab(wizard, out_dir / "import-wizard.png"):
            return fail("the wizard could not be grabbed")
        wizard.edits = 0
        wizard.hide()
        open_merge()

    def open_merge() -> None:
        from chushang_desk.models import Contact
        from chushang_desk.ui.contacts.merge_dialog import MergeDialog

        ids = window.ctx.profile.read(lambda s: [c.id for c in s.query(Contact).order_by(Contact.name)])
        page = window.show_page("ContactsPage")
        dialog = MergeDialog(window.ctx, ids[0], page)
        dialog.open()
        dialog._load(ids[1:])
        when(lambda: len(dialog.candidates) == 2 and dialog.windowHandle() is not None
             and dialog.windowHandle().isExposed(), lambda: grab_merge(dialog), what="the merge dialog")

    def grab_merge(dialog) -> None:
        if not grab(dialog, out_dir / "merge-dialog.png"):
            return fail("the merge dialog could not be grabbed")
        dialog.done(0)  # not reject(): it would ask whether to discard the choices, as it should
        QApplication.exit(0)

    window.ctx.settled.connect(lambda: when(lambda: window.windowHandle().isExposed(), open_wizard,
                                            what="the main window"))
    QTimer.singleShot(45_000, lambda: fail("the dialogs were not grabbed within 45 s"))
    code = app.exec()
    if not window.close():  # it asked about something typed: the runner must stop all the same
        window.ctx.runner.shutdown()
        code = code or 1
    return code


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]))
