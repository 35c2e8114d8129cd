"""Regenerate the officer's guide's screenshots (docs/guide/img/*.png) from the real app: a deterministic
demo profile, the real main window offscreen at 1280×800 in Chinese, each screen grabbed once its rows are
in. Run after changing a screen:

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/guide_screenshots.py [OUT_DIR]

Needs a CJK font (fonts-noto-cjk, which `make run` installs); exit 1 without one (every label would be boxes).
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CHUSHANG_PASSPHRASE", "guide-passphrase")
os.environ.setdefault("CHUSHANG_ARGON2", "fast")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SIZE = (1280, 800)
# (file, screen class, what to do on it first)
SHOTS = [("today", "TodayPage", ""), ("contacts", "ContactsPage", "select_first"),
         ("organizations", "OrganizationsPage", "select_first"), ("visits", "VisitsPage", "select_first"),
         ("follow-ups", "FollowUpsPage", ""), ("referrals", "ReferralsPage", "select_first"),
         ("events", "EventsPage", "select_first"), ("projects", "ProjectsPage", ""),
         ("project-list", "ProjectsPage", "project_list"), ("dashboard", "DashboardPage", "")]


def settle(app, window, seconds: float = 10.0) -> None:
    """Turn the event loop until every queued database job has called back (and a little more, so the
    views have painted what arrived)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        if window.ctx.profile is not None and not window.ctx.runner.busy:
            break
        time.sleep(0.01)
    for _ in range(20):
        app.processEvents()
        time.sleep(0.01)


def select_first(page) -> None:
    table = getattr(page, "table", None)  # each list screen's main table (not a combo box's list)
    if table is not None and table.model() is not None and table.model().rowCount() > 0:
        table.setCurrentIndex(table.model().index(0, 0))


def grab(widget, out: Path) -> None:
    if not widget.grab().save(str(out)):
        raise SystemExit(f"could not write {out}")
    print(out)


def main(out: Path) -> int:
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication

    from chushang_desk.ui.app import build_main_window

    app = QApplication.instance() or QApplication(sys.argv)
    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        print("no font for Simplified Chinese is installed (fonts-noto-cjk)", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    data_dir = Path(tempfile.mkdtemp(prefix="guide-profile-"))
    _demo(data_dir)
    window = build_main_window(data_dir, "zh_CN")
    window.resize(*SIZE)
    window.show()
    settle(app, window)
    for name, screen, action in SHOTS:
        page = window.show_page(screen)
        settle(app, window)
        if action == "select_first":
            select_first(page)
            settle(app, window)
        elif action == "project_list":  # the list view of the projects, its first one open
            page.list_button.click()
            settle(app, window)
            select_first(page)
            settle(app, window)
        grab(window, out / f"{name}.png")
    visits = window.show_page("VisitsPage")
    visits.log_visit()
    settle(app, window)
    grab(visits.log_dialog, out / "log-visit.png")
    visits.log_dialog.reject()
    settle(app, window)
    _import_shot(app, window, data_dir, out)
    window.close()
    return 0


MEMBER_LIST = [  # a chamber's list as they come: a title row, a running number, phones written every way
    ["序号", "姓名", "手机", "工作单位", "职务", "籍贯"],
    [1, "張偉", "138-0013-8000", "华为", "总裁", "黄冈"],
    [2, "李四", "12345", "腾讯", "经理", "武汉"],
    [3, "章伟", "", "华为技术有限公司", "", "孝感"],
    [4, "王五", "139 0000 2222", "小米", "", ""],
    [5, "劉德華", "+852 9123 4567", "寰亞電影", "董事", "湖南长沙"],
]


def _import_shot(app, window, data_dir: Path, out: Path) -> None:
    """The import wizard's check of every row, with a possible duplicate selected."""
    import xlsxwriter

    from chushang_desk.services.contacts import save_contact

    window.ctx.profile.write(save_contact, dict(name="张伟", is_merchant=True, company="华为技术有限公司",
                                                phones="13800138000"))
    path = data_dir / "理事会名单.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("理事会")
    sheet.merge_range(0, 0, 0, len(MEMBER_LIST[0]) - 1, "2025 年理事会名单")
    for r, row in enumerate(MEMBER_LIST, start=2):
        sheet.write_row(r, 0, row)
    book.close()
    window.open_import()
    wizard = window.import_wizard
    wizard.open_file(path)
    settle(app, window)
    wizard.next_button.click()
    settle(app, window)
    wizard.next_button.click()
    settle(app, window)
    model = wizard.grid.model()
    duplicate = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == 6)
    wizard.grid.setCurrentIndex(model.index(duplicate, 0))
    settle(app, window)
    grab(wizard, out / "import.png")
    wizard.discard()
    settle(app, window)


def _demo(data_dir: Path) -> None:
    """The same demo directory `make run` makes, smaller (deterministic: seed 1)."""
    from chushang_desk.cli import main as cli

    if cli(["demo-data", "--data-dir", str(data_dir), "--contacts", "300", "--visits", "600", "--seed", "1"]):
        raise SystemExit("demo-data failed")


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "guide" / "img"))
