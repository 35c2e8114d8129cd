"""Start the app: show the window at once, unlock the profile's key (keyring, else the recovery passphrase
asked in a dialog), open the profile on the database thread, then fill it."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from ..logs import install_profile_log
from ..services.disk_full import watch_folder
from ..services.profile import ProfileKeyError, default_data_dir, open_profile, profile_key
from ..services.reference import all_reference_lists
from ..services.settings import all_settings
from .context import AppContext
from .error_routes import install_error_routes
from .errors import show_error
from .i18n import install_language
from .icons import window_icon
from .main_window import MainWindow
from .passphrase_dialog import DialogNeeded, asker, without_dialog
from .quit_signals import quit_on_signals
from .tasks import TaskRunner
from .widgets.focus_ring import install_focus_ring

_log = logging.getLogger(__name__)


def _open(data_dir: Path, key: bytes | None = None):
    """On the database thread: the key from the keyring (its first use costs the import and backend
    discovery, here off the window's path) or CHUSHANG_PASSPHRASE, unless given; then the profile."""
    watch_folder(data_dir)  # a "disk I/O error" there is then told as a full disk when it is one
    profile = open_profile(data_dir, without_dialog, key=key)
    return profile, profile.read(all_reference_lists), profile.read(all_settings)


def _remove_export_leftovers(ctx: AppContext) -> None:
    """What exports killed earlier left; once the first screen has its rows (the folder walk is then off
    the path to them)."""
    from ..exchange.export_leftovers import remove_profile_leftovers

    profile = ctx.profile
    ctx.runner.run(lambda: remove_profile_leftovers(profile),
                   on_error=lambda exc, details: _log.warning("export leftovers not removed: %s", exc))


def ui_settings_for(data_dir: Path) -> QSettings:
    path = data_dir / "ui.ini"
    if not path.exists():  # made 0600 first: QSettings keeps the mode of the file it rewrites
        path.touch(mode=0o600)
    return QSettings(str(path), QSettings.Format.IniFormat)


def build_main_window(data_dir: Path | str | None = None, lang: str | None = None) -> MainWindow:
    """The main window over a profile (opened in the background); used by run_app and the tests."""
    app = QApplication.instance()
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    ui_settings = ui_settings_for(data_dir)
    lang = lang or str(ui_settings.value("language", "zh_CN"))
    install_language(app, lang)
    install_focus_ring(app)
    app.setWindowIcon(window_icon())
    app.setDesktopFileName("chushang-desk")  # the .desktop entry the installers add: its icon in the dock
    ctx = AppContext(TaskRunner(app), app)
    ctx.lang, ctx.ui_settings = lang, ui_settings
    window = MainWindow(ctx)
    ctx.settled.connect(lambda: _remove_export_leftovers(ctx))  # once: not again after a passphrase retry
    _start_opening(ctx, window, data_dir, None)
    return window


def _start_opening(ctx: AppContext, window: MainWindow, data_dir: Path, key: bytes | None) -> None:
    def failed(exc: BaseException, details: str) -> None:
        if isinstance(exc, DialogNeeded):
            _unlock_in_dialog(ctx, window, data_dir)
        else:
            window.profile_failed(exc, details)

    ctx.runner.run(lambda: _open(data_dir, key), on_done=lambda opened: ctx.set_ready(*opened), on_error=failed)


def _unlock_in_dialog(ctx: AppContext, window: MainWindow, data_dir: Path) -> None:
    """The keyring lacks the key (or the profile is new): ask here, in the window's thread."""
    try:
        key = profile_key(data_dir, asker(window))
    except ProfileKeyError as exc:
        window.profile_failed(exc, "")
        return
    _start_opening(ctx, window, data_dir, key)


def run_app(data_dir: Path | str | None = None, lang: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Chushang Desk")
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    install_profile_log(data_dir)
    install_error_routes()
    window = build_main_window(data_dir, lang)
    quit_on_signals(window)
    window.show()
    return app.exec()


__all__ = ["run_app", "build_main_window", "show_error"]
