"""The app on a real X display (issue 8): the rest of the suite runs offscreen, which never loads Qt's xcb
plugin, so a missing X11 library only showed as `make run` aborting before any window. Here: ldd over the
platform plugins, then the real app and the real main window on an Xvfb server."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import PySide6

from tests.support.x11_close import close_window
from tests.support.xvfb import viewable_window, xvfb

REPO = Path(__file__).resolve().parents[2]
PLUGINS = Path(PySide6.__file__).parent / "Qt" / "plugins"
# The plugins Qt loads on a Linux desktop: xcb (X11, with its GL integrations) and Wayland (with the shell,
# EGL and decoration plugins it picks by default). ldd follows the Qt libraries they load (libQt6XcbQpa...).
RELIED_ON = ["platforms/libqxcb.so", "xcbglintegrations/libqxcb-glx-integration.so",
             "xcbglintegrations/libqxcb-egl-integration.so", "platforms/libqwayland.so",
             "wayland-shell-integration/libxdg-shell.so",
             "wayland-graphics-integration-client/libqt-plugin-wayland-egl.so",
             "wayland-decoration-client/libbradient.so"]
TITLE = "楚商联络台"  # the app's display name, in every window title whatever the language


def test_qt_platform_plugins_find_every_library():
    missing = {}
    for plugin in RELIED_ON:
        path = PLUGINS / plugin
        assert path.exists(), f"{path} is not in the PySide6 wheel any more: update RELIED_ON"
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=True).stdout
        libs = sorted({line.split()[0] for line in out.splitlines() if "not found" in line})
        if libs:
            missing[plugin] = libs
    assert not missing, ("Qt plugins link to libraries this system lacks; add their Debian packages to the "
                         "Makefile's APT_RUN (dpkg -S / apt-file find the package of each .so):\n"
                         + "\n".join(f"  {plugin}: {', '.join(libs)}" for plugin, libs in missing.items()))


@pytest.fixture(scope="module")
def x_display(tmp_path_factory):
    with xvfb(tmp_path_factory.mktemp("xvfb") / "xvfb.log") as display:
        yield display


def app_env(display: str) -> dict:
    """The app on that display through the xcb plugin, never a developer's own display or keyring."""
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "XAUTHORITY")}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", CHUSHANG_PASSPHRASE="test-passphrase",
               CHUSHANG_ARGON2="fast", PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
               PYTHONPATH=str(REPO))
    return env


def viewable_app_window(display: str) -> int | None:
    return viewable_window(display, TITLE)


def test_the_app_starts_on_a_real_x_display_and_closes_cleanly(x_display, tmp_path):
    log = tmp_path / "app.log"
    with log.open("w") as out:
        app = subprocess.Popen([sys.executable, "-m", "chushang_desk", "--data-dir", str(tmp_path / "profile")],
                               cwd=REPO, env=app_env(x_display), stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline, window = time.monotonic() + 15, None
        while window is None and app.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
            window = viewable_app_window(x_display)
        assert app.poll() is None, (f"the app exited with {app.returncode} on a real X display (-6 or 134: Qt "
                                    f"aborted, e.g. the xcb plugin could not load):\n{log.read_text()}")
        assert window is not None, f"no window titled {TITLE} appeared on the display in 15 s:\n{log.read_text()}"
        # It keeps running with its window up (the profile opens in the background meanwhile).
        time.sleep(1)
        assert app.poll() is None, f"the app exited with {app.returncode} after its window appeared:\n{log.read_text()}"
        close_window(x_display, window)  # as a window manager's close button: closeEvent, then exit 0
        try:
            code = app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            code = "nothing (still running 10 s later)"
        assert code == 0, f"the app's window was closed and it exited with {code}, not 0:\n{log.read_text()}"
    finally:
        if app.poll() is None:
            app.send_signal(signal.SIGKILL)
            app.wait()


def test_the_main_window_is_painted_on_the_display_with_its_rows(x_display, tmp_path):
    from PySide6.QtGui import QImage

    data_dir, png = tmp_path / "profile", tmp_path / "main-window.png"
    env = app_env(x_display)
    subprocess.run([sys.executable, "-m", "chushang_desk", "demo-data", "--data-dir", str(data_dir),
                    "--contacts", "30", "--visits", "30", "--seed", "1"], cwd=REPO, env=env, check=True,
                   capture_output=True)
    child = subprocess.run([sys.executable, "-m", "tests.support.grab_main_window", str(data_dir), str(png)],
                           cwd=REPO, env=env, capture_output=True, text=True, timeout=30)
    assert child.returncode == 0, f"exit {child.returncode}:\n{child.stdout}{child.stderr}"
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1100, 700), "the grab is not the main window"
    # A window with widgets and antialiased text has hundreds of colours; a blank or black one has one or two.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    assert len(colours) > 100, f"the window on the display looks blank: {len(colours)} colours ({png})"


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_import_wizard_and_the_merge_dialog_are_painted_on_the_display(x_display, tmp_path, lang):
    """Issue 10's two screens through the xcb plugin: the wizard with every row of a member list checked,
    and two contacts side by side to merge (the grabs are kept under the test's folder)."""
    from PySide6.QtGui import QImage

    from tests.ui.test_import_wizard import member_list

    data_dir, out = tmp_path / "profile", tmp_path / "grabs"
    out.mkdir()
    env = app_env(x_display)
    subprocess.run([sys.executable, "-c", (
        "import sys; from chushang_desk.services.profile import open_profile; "
        "from chushang_desk.services.contacts import save_contact; p = open_profile(sys.argv[1]); "
        "p.write(save_contact, dict(name='张伟', is_merchant=True, company='华为', phones='13800138000')); "
        "p.write(save_contact, dict(name='張偉', is_alumnus=True, company='华为技术有限公司', email='zw@example.cn')); "
        "p.close()"), str(data_dir)], cwd=REPO, env=env, check=True, capture_output=True)
    book = member_list(tmp_path / "members.xlsx")
    child = subprocess.run([sys.executable, "-m", "tests.support.grab_dialogs", str(data_dir), str(book), str(out),
                            lang], cwd=REPO, env=env, capture_output=True, text=True, timeout=90)
    assert child.returncode == 0, f"exit {child.returncode}:\n{child.stdout}{child.stderr}"
    for name in ("import-wizard.png", "merge-dialog.png"):
        image = QImage(str(out / name))
        assert image.width() > 400 and image.height() > 300, f"{name} is {image.width()}x{image.height()}"
        colours = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
        assert len(colours) > 100, f"{name} looks blank on the display: {len(colours)} colours"
