"""The bureau's report (定期汇总上报) from the dashboard: ask where, write it on the long-job lane with
exchange.bureau_report (the command line's writer), say where it went. The figures and the report read
the same services, so the workbook says what the dashboard shows."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QFileDialog, QMainWindow, QProgressDialog, QWidget

from ...exchange.bureau_report import write_report
from ...services.targets import period_of
from ..context import AppContext
from ..errors import show_error
from ..file_folder import remember_folder, start_folder



def default_file_name(year: int, period: str, station_name: str) -> str:
    label = period_of(year, period or None).label.replace(" ", "-")
    return f"楚商回归工作定期汇总-{label}{'-' + station_name if station_name else ''}.xlsx"


def ask_report_file(parent: QWidget, ctx: AppContext, year: int, period: str, station: str) -> Path | None:
    name = default_file_name(year, period, ctx.ref_name("station", station) if station else "")
    proposed = str(Path(start_folder(ctx.ui_settings)) / name)
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("DashboardReport", "Write the bureau's report"), proposed,
        QCoreApplication.translate("DashboardReport", "Excel workbook (*.xlsx)"))
    if not chosen:
        return None
    remember_folder(ctx.ui_settings, chosen)
    path = Path(chosen)
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


class ReportWriting:
    """One report in flight: a busy dialog while it is written, then the outcome in the status bar."""

    def __init__(self, parent: QWidget, ctx: AppContext, year: int, period: str, station: str, path: Path):
        self.parent, self.ctx, self.path = parent, ctx, path
        self.args = (year, period or None, path, station or None)
        self.summary = None
        self.dialog = QProgressDialog(QCoreApplication.translate("DashboardReport", "Writing the report…"), "", 0, 0,
                                      parent)
        self.dialog.setCancelButton(None)  # a few seconds at most, and a half-written file is never left
        self.dialog.setWindowTitle(QCoreApplication.translate("DashboardReport", "Write the bureau's report"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)

    def start(self) -> None:
        profile, (year, period, path, station) = self.ctx.profile, self.args
        self.dialog.show()
        self.ctx.runner.run_long(lambda _progress: write_report(profile, year, period, path, station),
                                 self._done, self._failed)

    def _done(self, summary) -> None:
        self.summary = summary
        self._close()
        count = QLocale().toString
        text = QCoreApplication.translate(
            "DashboardReport", "Report for {0} written to {1}: {2} signed, {3} landed, {4} arrivals, {5} events")
        _status(self.parent, text.format(summary.period.label, summary.path, count(summary.signed),
                                         count(summary.landed), count(summary.arrivals), count(summary.events)))

    def _failed(self, exc: BaseException, details: str) -> None:
        self._close()
        show_error(self.parent, exc, details,
                   QCoreApplication.translate("DashboardReport", "Write the bureau's report"))

    def _close(self) -> None:
        self.dialog.reset()
        self.dialog.close()
        self.dialog.deleteLater()


def _status(parent: QWidget, text: str) -> None:
    window = parent.window() if parent is not None else None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 10_000)
