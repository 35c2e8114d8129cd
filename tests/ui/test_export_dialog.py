"""Exporting the visit log from the window: file chosen, progress shown, Cancel leaves no file."""
from __future__ import annotations

import threading
from datetime import date, timedelta

import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QPushButton

from chushang_desk.db.bulk import bulk_insert
from chushang_desk.models import Visit
from chushang_desk.services.visits import VisitQuery
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
