"""The app says "disk full" (not "busy, try again") however the full disk shows up."""
import errno
import sqlite3

import pytest
import sqlalchemy.exc
from xlsxwriter.exceptions import FileCreateError

from chushang_desk.exchange.visit_log import ExportReport
from chushang_desk.ui.errors import describe
from chushang_desk.ui.i18n import install_language
from chushang_desk.ui.visits.export import done_message

FULL = [
    sqlalchemy.exc.OperationalError("COMMIT", {}, sqlite3.OperationalError("database or disk is full")),
    OSError(errno.ENOSPC, "No space left on device"),
    FileCreateError(OSError(errno.ENOSPC, "No space left on device")),
]


@pytest.fixture
def chinese(qapp):
    install_language(qapp, "zh_CN")
    yield
    install_language(qapp, "en")


@pytest.mark.parametrize("exc", FULL)
def test_disk_full_in_chinese(chinese, exc):
    assert describe(exc) == "磁盘已满。没有丢失任何资料，但这次的内容未能保存或写入。请腾出磁盘空间后重试。"


@pytest.mark.parametrize("exc", FULL)
def test_disk_full_in_english(qapp, exc):
    install_language(qapp, "en")
    assert describe(exc).startswith("The disk is full. Nothing was lost")


def test_a_locked_database_is_still_busy(qapp):
    install_language(qapp, "en")
    exc = sqlalchemy.exc.OperationalError("BEGIN", {}, sqlite3.OperationalError("database is locked"))
    assert "busy" in describe(exc)


def test_the_export_says_what_was_continued_and_what_was_odd(chinese):
    text = done_message(ExportReport(12, 2, 3), "/tmp/走访记录.xlsx")
    assert "12" in text and "3 段超过 Excel 单元格容量的文字已完整续在“长文本”表中" in text
    assert "2 条走访记录含格式不符的数据" in text


def test_opening_the_app_removes_what_a_killed_export_left(qtbot, data_dir, tmp_path):
    import subprocess
    import sys

    from chushang_desk.exchange.visit_log import SCRATCH_FOLDER
    from chushang_desk.ui.app import build_main_window

    dead = int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True).stdout)
    leftover = data_dir / SCRATCH_FOLDER / f".visit-log-p{dead}-abcd"
    leftover.mkdir(parents=True)
    (leftover / "tmp1234").write_text("<row>张三</row>")
    window = build_main_window(data_dir, "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not leftover.exists(), timeout=15_000)  # once the first screen has its rows
    window.close()
