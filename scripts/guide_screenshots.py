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
SHOTS = [("contacts", "ContactsPage", "select_first"), ("organizations", "OrganizationsPage", "select_first"),
         ("visits", "VisitsPage", "select_first"), ("follow-ups", "FollowUpsPage", ""),
         ("referrals", "ReferralsPage", "select_first")]


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
        grab(window, out / f"{name}.png")
    visits = window.show_page("VisitsPage")
    visits.log_visit()
    settle(app, window)
    grab(visits.log_dialog, out / "log-visit.png")
    visits.log_dialog.reject()
    settle(app, window)
    window.close()
    return 0


def _demo(data_dir: Path) -> None:
    """The same demo directory `make run` makes, smaller (deterministic: seed 1)."""
    from chushang_desk.cli import main as cli

    if cli(["demo-data", "--data-dir", str(data_dir), "--contacts", "300", "--visits", "600", "--seed", "1"]):
        raise SystemExit("demo-data failed")


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "guide" / "img"))
