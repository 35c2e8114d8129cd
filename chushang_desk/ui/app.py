"""Start the app: show the window at once, open the profile on the database thread, then fill it."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from ..exchange.visit_log import remove_profile_leftovers
from ..services.disk_full import watch_folder
from ..services.profile import default_data_dir, open_profile
from ..services.reference import all_reference_lists
from ..services.settings import all_settings
from .context import AppContext
from .errors import show_error
from .i18n import install_language
from .main_window import MainWindow
from .tasks import TaskRunner


def _open(data_dir: Path):
    watch_folder(data_dir)  # a "disk I/O error" there is then told as a full disk when it is one
    profile = open_profile(data_dir)
    remove_profile_leftovers(profile)  # what exports killed earlier left
    return profile, profile.read(all_reference_lists), profile.read(all_settings)


def ui_settings_for(data_dir: Path) -> QSettings:
    return QSettings(str(data_dir / "ui.ini"), QSettings.Format.IniFormat)


def build_main_window(data_dir: Path | str | None = None, lang: str | None = None) -> MainWindow:
    """The main window over a profile (opened in the background); used by run_app and the tests."""
    app = QApplication.instance()
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    data_dir.mkdir(parents=True, exist_ok=True)
    ui_settings = ui_settings_for(data_dir)
    lang = lang or str(ui_settings.value("language", "zh_CN"))
    install_language(app, lang)
    ctx = AppContext(TaskRunner(app), app)
    ctx.lang, ctx.ui_settings = lang, ui_settings
    window = MainWindow(ctx)
    ctx.runner.run(
        lambda: _open(data_dir),
        on_done=lambda opened: ctx.set_ready(*opened),
        on_error=lambda exc, details: window.profile_failed(exc, details),
    )
    return window


def run_app(data_dir: Path | str | None = None, lang: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Chushang Desk")
    app.setApplicationDisplayName("楚商联络台")
    window = build_main_window(data_dir, lang)
    window.show()
    return app.exec()


__all__ = ["run_app", "build_main_window", "show_error"]
