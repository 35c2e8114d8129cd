"""Export what the visit list shows to Excel: pick a file, write it off the GUI thread, allow Cancel.

The writing itself is `exchange.visit_log` (Qt-free, shared with the command line); this module only
asks for the file, shows progress, and reports the outcome. The export is a read-only long job, so it
runs on the task runner's long-job thread while the database thread keeps serving the screens.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QFileDialog, QMainWindow, QProgressDialog, QWidget

from ...exchange.visit_log import LONG_SHEET, default_file_name, export_visit_log_file
from ...services.visits import VisitQuery
from ..context import AppContext
from ..errors import show_error
from ..file_folder import remember_folder, start_folder
from ..tasks import Cancelled, CancelToken



def export_visit_log_interactive(parent: QWidget, ctx: AppContext, query: VisitQuery) -> None:
    """Ask where to save the visits matching `query`, then export them with a cancellable progress bar."""
    path = _ask_for_file(parent, ctx, query)
    if path is not None:
        _VisitLogExport(parent, ctx, query, path).start()


def _ask_for_file(parent: QWidget, ctx: AppContext, query: VisitQuery) -> Path | None:
    proposed = str(Path(start_folder(ctx.ui_settings)) / default_file_name(query))
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("VisitExport", "Export visit log"), proposed, QCoreApplication.translate("VisitExport", "Excel workbook (*.xlsx)")
    )
    if not chosen:
        return None
    remember_folder(ctx.ui_settings, chosen)
    path = Path(chosen)
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


class _VisitLogExport:
    """One export in flight: its progress dialog, its cancel token, and what to say when it ends."""

    def __init__(self, parent: QWidget, ctx: AppContext, query: VisitQuery, path: Path):
        self.parent, self.ctx, self.query, self.path = parent, ctx, query, path
        self.token = CancelToken()
        self.dialog = _progress_dialog(parent)
        self.dialog.canceled.connect(self.token.cancel)

    def start(self) -> None:
        profile, query, path, token = self.ctx.profile, self.query, self.path, self.token

        def job(progress):
            def report(done: int, total: int) -> None:
                token.check()  # raising here makes the export remove what it wrote
                progress(done, total)

            return export_visit_log_file(profile, query, path, report)

        self.dialog.show()
        self.ctx.runner.run_long(job, self._done, self._failed, self._progress, cancel=token)

    def _progress(self, done: int, total: int) -> None:
        if self.token.cancelled:
            return
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))
        self.dialog.setLabelText(QCoreApplication.translate("VisitExport", "Exporting visits… {0} of {1}").format(_count(done), _count(total)))

    def _done(self, report) -> None:
        self._close_dialog()
        _status(self.parent, done_message(report, self.path))

    def _failed(self, exc: BaseException, details: str) -> None:
        self._close_dialog()
        if isinstance(exc, Cancelled):
            _status(self.parent, QCoreApplication.translate("VisitExport", "Export cancelled; no file was written."))
        else:
            show_error(self.parent, exc, details, QCoreApplication.translate("VisitExport", "Export visit log"))

    def _close_dialog(self) -> None:
        self.dialog.canceled.disconnect(self.token.cancel)
        self.dialog.reset()
        self.dialog.close()
        self.dialog.deleteLater()


def done_message(report, path: Path) -> str:
    """Exported 12 visits to …; and, when it happened, what was continued or written as stored."""
    parts = [QCoreApplication.translate("VisitExport", "Exported {0} visits to {1}").format(_count(report.visits), path)]
    if report.long_texts:
        parts.append(QCoreApplication.translate(
            "VisitExport", "{0} texts longer than an Excel cell holds continue in full on the sheet {1}").format(
            _count(report.long_texts), LONG_SHEET))
    if report.odd_rows:
        parts.append(QCoreApplication.translate(
            "VisitExport", "{0} visits held values in an unexpected form, exported as stored").format(_count(report.odd_rows)))
    return "; ".join(parts)


def _count(n: int) -> str:
    """A count as every other count of the app reads (6,000 with the interface's locale)."""
    return QLocale().toString(n)


def _progress_dialog(parent: QWidget) -> QProgressDialog:
    dialog = QProgressDialog(QCoreApplication.translate("VisitExport", "Exporting visits…"), QCoreApplication.translate("VisitExport", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(QCoreApplication.translate("VisitExport", "Export visit log"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    return dialog


def _status(parent: QWidget, text: str) -> None:
    """The main window's status bar when there is one; the officer sees the outcome without a dialog."""
    window = parent.window() if parent is not None else None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 10_000)
