"""Exporting the visit log from the window: file chosen, progress shown, Cancel leaves no file."""
from __future__ import annotations

import threading
from datetime import date, timedelta

import openpyxl
import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QPushButton

from chushang_desk.db.bulk import bulk_insert
from chushang_desk.models import Visit
from chushang_desk.services.visits import VisitQuery
from chushang_desk.ui.file_folder import LAST_FOLDER_KEY
from chushang_desk.ui.visits.export import export_visit_log_interactive

from ..conftest import wait_idle
from ..unit.test_visit_log_export import V_MARCH, make_known_visits

YEAR_2025 = VisitQuery(date_from=date(2025, 1, 1), date_to=date(2025, 12, 31), station="csj")


@pytest.fixture
def save_as(monkeypatch):
    """Answer Qt's save dialog with a path (or with nothing, like pressing Cancel); remember the proposal."""
    asked = {}

    def answer(path):
        def fake(parent, caption, proposed, filters):
            asked["proposed"] = proposed
            return (str(path) if path else "", filters)

        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
        return asked

    return answer


def progress_dialog(window) -> QProgressDialog | None:
    return next((d for d in window.findChildren(QProgressDialog) if d.isVisible()), None)


def click_cancel(dialog: QProgressDialog) -> None:
    button = dialog.findChild(QPushButton)
    button.click()


def test_interactive_export_writes_the_filtered_log(qtbot, main_window, save_as, tmp_path):
    main_window.ctx.profile.write(make_known_visits)
    out = tmp_path / "csj-2025"  # the officer typed no extension
    asked = save_as(out)
    export_visit_log_interactive(main_window, main_window.ctx, YEAR_2025)
    assert asked["proposed"].endswith("走访记录_2025-01-01_2025-12-31.xlsx")
    written = tmp_path / "csj-2025.xlsx"
    qtbot.waitUntil(lambda: written.exists() and not main_window.ctx.runner.busy, timeout=20_000)
    sheet = openpyxl.load_workbook(written).active
    assert sheet["A1"].value == "长三角楚商联络站走访记录（2025-01-01 至 2025-12-31）"
    assert [[c.value for c in row] for row in sheet.iter_rows(min_row=3)] == [V_MARCH]
    assert "Exported 1 visits" in main_window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: progress_dialog(main_window) is None)


def test_no_file_chosen_means_no_export(qtbot, main_window, save_as):
    save_as(None)
    wait_idle(qtbot, main_window)  # the screens' own start-up reads
    export_visit_log_interactive(main_window, main_window.ctx, VisitQuery())
    assert not main_window.ctx.runner.busy and progress_dialog(main_window) is None


def test_cancel_before_the_export_starts_leaves_no_file(qtbot, main_window, save_as, tmp_path):
    """A job ahead of it on the long-job thread holds the export back until Cancel has been pressed."""
    main_window.ctx.profile.write(make_known_visits)
    release = threading.Event()
    main_window.ctx.runner.run_long(lambda progress: release.wait(20))
    out = tmp_path / "cancelled.xlsx"
    save_as(out)
    export_visit_log_interactive(main_window, main_window.ctx, VisitQuery())
    dialog = progress_dialog(main_window)
    assert dialog is not None
    click_cancel(dialog)
    release.set()
    wait_idle(qtbot, main_window, 20_000)
    assert not out.exists() and list(tmp_path.iterdir()) == [tmp_path / "profile"]
    assert "cancelled" in main_window.statusBar().currentMessage()
    assert not [box for box in main_window.findChildren(QMessageBox) if box.isVisible()]


def many_visits(session, count: int) -> None:
    start = date(2020, 1, 1)
    rows = [dict(visit_date=start + timedelta(days=i % 2000), station="csj", officers=["刘一"], mode="visit",
                 place="上海", purpose=f"第{i}次走访", summary="纪要" * 40) for i in range(count)]
    bulk_insert(session, Visit, rows)


def test_cancel_mid_export_removes_the_partial_file(qtbot, main_window, save_as, tmp_path):
    main_window.ctx.profile.write(many_visits, 60_000)
    out = tmp_path / "big.xlsx"
    save_as(out)
    export_visit_log_interactive(main_window, main_window.ctx, VisitQuery())
    dialog = progress_dialog(main_window)
    qtbot.waitUntil(lambda: dialog.value() > 0, timeout=20_000)  # some rows are written
    assert dialog.value() < 60_000
    click_cancel(dialog)
    wait_idle(qtbot, main_window, 30_000)
    assert not out.exists() and list(tmp_path.iterdir()) == [tmp_path / "profile"]
    assert "cancelled" in main_window.statusBar().currentMessage()


def test_write_failure_is_shown_to_the_officer(qtbot, main_window, save_as, tmp_path):
    save_as(tmp_path / "no-such-folder" / "x.xlsx")
    export_visit_log_interactive(main_window, main_window.ctx, VisitQuery())
    qtbot.waitUntil(lambda: any(b.isVisible() for b in main_window.findChildren(QMessageBox)), timeout=20_000)
    box = next(b for b in main_window.findChildren(QMessageBox) if b.isVisible())
    assert "could not be read or written" in box.text()
    box.close()


# --- where the save dialog starts -----------------------------------------------------------------------


@pytest.fixture
def home(monkeypatch, tmp_path):
    """A home folder of the test's own, with a Documents folder: nothing is read from or written to the real one."""
    folder = tmp_path / "home"
    (folder / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)  # user-dirs.dirs from the test's home, if any
    return folder


def test_save_dialog_starts_in_documents_then_in_the_last_folder_used(qtbot, main_window, save_as, home, tmp_path):
    main_window.ctx.profile.write(make_known_visits)
    elsewhere = tmp_path / "bureau"
    elsewhere.mkdir()
    asked = save_as(elsewhere / "first.xlsx")
    export_visit_log_interactive(main_window, main_window.ctx, YEAR_2025)
    assert asked["proposed"] == str(home / "Documents" / "走访记录_2025-01-01_2025-12-31.xlsx")
    qtbot.waitUntil(lambda: (elsewhere / "first.xlsx").exists() and not main_window.ctx.runner.busy, timeout=20_000)

    asked = save_as(None)  # the next export starts where the last one was saved, and Cancel changes nothing
    export_visit_log_interactive(main_window, main_window.ctx, VisitQuery())
    assert asked["proposed"] == str(elsewhere / "走访记录.xlsx")
    export_visit_log_interactive(main_window, main_window.ctx, VisitQuery())
    assert asked["proposed"] == str(elsewhere / "走访记录.xlsx")

    main_window.ctx.ui_settings.sync()  # kept in the profile's ui.ini, for the next start of the app
    reopened = QSettings(main_window.ctx.ui_settings.fileName(), QSettings.Format.IniFormat)
    assert reopened.value(LAST_FOLDER_KEY) == str(elsewhere)


def test_a_removed_last_folder_falls_back_to_documents(qtbot, main_window, save_as, home, tmp_path):
    gone = tmp_path / "gone"
    main_window.ctx.ui_settings.setValue(LAST_FOLDER_KEY, str(gone))
    asked = save_as(None)
    export_visit_log_interactive(main_window, main_window.ctx, VisitQuery())
    assert asked["proposed"] == str(home / "Documents" / "走访记录.xlsx")


def test_the_real_save_dialog_opens_in_documents(qtbot, main_window, home):
    """Qt's own dialog (not answered by a stand-in): it shows the Documents folder and the proposed name."""
    seen = {}

    def look_then_cancel():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(10, look_then_cancel)  # not shown yet: look again once it is
            return
        seen["folder"] = dialog.directory().absolutePath()
        seen["files"] = dialog.selectedFiles()
        dialog.reject()

    QTimer.singleShot(0, look_then_cancel)
    export_visit_log_interactive(main_window, main_window.ctx, VisitQuery())
    assert seen["folder"] == str(home / "Documents")
    assert seen["files"] == [str(home / "Documents" / "走访记录.xlsx")]


def test_export_counts_read_like_every_other_count_of_the_app(main_window):
    """6,000 with a group separator in the interface's locale, as the visit list's count (not a bare 6000)."""
    from pathlib import Path

    from chushang_desk.exchange.visit_log import ExportReport
    from chushang_desk.ui.visits.export import done_message

    text = done_message(ExportReport(visits=6000, long_texts=1200), Path("走访记录.xlsx"))
    assert "6,000" in text and "1,200" in text and "6000" not in text
