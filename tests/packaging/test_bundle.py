"""Issue 9: the PyInstaller bundle and the .deb (installer/). Built here from the checkout by the same script
as `make installer`, then run from a folder outside the checkout with no Python on PATH: --version, demo
data, the visit-log export, the window offscreen and on a real X display (its Chinese title proves the .qm
files are inside), and the .deb installed and removed. The Windows installer script compiles against the
Linux bundle (makensis); the Windows build itself runs on a Windows runner (installer/README.md)."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import openpyxl
import pytest

from tests.support.xvfb import viewable_window, xvfb
from tests.support.x11_close import close_window

REPO = Path(__file__).resolve().parents[2]
PACKAGE = "chushang-desk"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """dist/ of installer/build.sh, in a temporary folder: the bundle folder and the .deb."""
    root = tmp_path_factory.mktemp("bundle")
    done = subprocess.run(["sh", "installer/build.sh", str(REPO / ".venv" / "bin" / "python"), str(root / "dist"),
                           str(root / "work")], cwd=REPO, capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, f"installer/build.sh exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return root / "dist"


@pytest.fixture(scope="module")
def bundle(built, tmp_path_factory) -> Path:
    """The bundle moved away from where it was built, as a user's copy would be."""
    target = tmp_path_factory.mktemp("elsewhere") / PACKAGE
    shutil.copytree(built / PACKAGE, target, symlinks=True)
    return target


def bundle_env(home: Path, **extra: str) -> dict[str, str]:
    """No Python, no checkout: an empty PATH folder, no PYTHONPATH, HOME outside the checkout."""
    empty = home / "empty-path"
    empty.mkdir(exist_ok=True)
    env = {"PATH": str(empty), "HOME": str(home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
           "CHUSHANG_PASSPHRASE": "bundle-passphrase", "CHUSHANG_ARGON2": "fast",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    env.update(extra)
    return env


def run(program: Path, *args: str, home: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([str(program), *args], cwd=home, env=bundle_env(home), capture_output=True, text=True,
                          timeout=timeout)


def test_the_bundle_runs_its_commands_without_python(bundle, tmp_path):
    program = bundle / PACKAGE
    version = run(program, "--version", home=tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("chushang-desk 0.1.0"), version.stderr
    profile, out = tmp_path / "profile", tmp_path / "visits.xlsx"
    demo = run(program, "demo-data", "--data-dir", str(profile), "--contacts", "40", "--visits", "60", home=tmp_path)
    assert demo.returncode == 0, demo.stderr  # seed, pinyin table and migrations are inside the bundle
    export = run(program, "export-visits", "--data-dir", str(profile), "--out", str(out), home=tmp_path)
    assert export.returncode == 0, export.stderr  # the export's reader process starts from the bundle too
    rows = list(openpyxl.load_workbook(out, read_only=True).worksheets[0].iter_rows(values_only=True))
    assert len([row for row in rows if any(cell is not None for cell in row)]) >= 60


def test_the_bundled_window_starts_offscreen_and_closes(bundle, tmp_path):
    log = tmp_path / "app.log"
    with log.open("w") as out:
        app = subprocess.Popen([str(bundle / PACKAGE), "--data-dir", str(tmp_path / "profile")], cwd=tmp_path,
                               env=bundle_env(tmp_path), stdout=out, stderr=subprocess.STDOUT)
    try:
        time.sleep(4)
        assert app.poll() is None, f"the bundled app exited with {app.returncode}:\n{log.read_text()}"
        app.send_signal(signal.SIGTERM)
        code = app.wait(timeout=20)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    assert code == 0 and "Traceback" not in log.read_text(), log.read_text()
    assert (tmp_path / "profile" / "chushang.db").exists()


def test_the_bundled_window_on_a_real_display_is_titled_in_chinese(bundle, tmp_path):
    with xvfb(tmp_path / "xvfb.log") as display:
        log = tmp_path / "app.log"
        with log.open("w") as out:
            app = subprocess.Popen([str(bundle / PACKAGE), "--data-dir", str(tmp_path / "profile")], cwd=tmp_path,
                                   env=bundle_env(tmp_path, QT_QPA_PLATFORM="xcb", DISPLAY=display),
                                   stdout=out, stderr=subprocess.STDOUT)
        try:
            deadline, window = time.monotonic() + 20, None
            while window is None and app.poll() is None and time.monotonic() < deadline:
                time.sleep(0.3)
                window = viewable_window(display, "楚商联络台")  # the title's Chinese comes from the bundled .qm
            assert window is not None, f"no window titled 楚商联络台 (exit {app.poll()}):\n{log.read_text()}"
            close_window(display, window)
            assert app.wait(timeout=15) == 0, log.read_text()
        finally:
            if app.poll() is None:
                app.kill()
                app.wait()


def _deb(built: Path) -> Path:
    (deb,) = built.glob(f"{PACKAGE}_*.deb")
    return deb


def test_the_deb_holds_the_bundle_a_menu_entry_and_the_icon(built, tmp_path):
    subprocess.run(["dpkg-deb", "-x", str(_deb(built)), str(tmp_path)], check=True)
    assert (tmp_path / "opt" / PACKAGE / PACKAGE).is_file()
    entry = tmp_path / "usr" / "share" / "applications" / f"{PACKAGE}.desktop"
    checked = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout + checked.stderr
    text = entry.read_text(encoding="utf-8")
    assert "Name[zh_CN]=楚商联络台" in text and f"Icon={PACKAGE}" in text and "Exec=/opt/chushang-desk/" in text
    assert (tmp_path / "usr/share/icons/hicolor/scalable/apps" / f"{PACKAGE}.svg").is_file()
    assert (tmp_path / "usr/share/icons/hicolor/48x48/apps" / f"{PACKAGE}.png").is_file()
    control = subprocess.run(["dpkg-deb", "-f", str(_deb(built))], capture_output=True, text=True, check=True).stdout
    assert "Package: chushang-desk" in control and "libxcb-cursor0" in control


def as_root(*command: str) -> list[str]:
    """dpkg needs root: CI runs as root; elsewhere sudo, which must not ask (sudo -n), as make's apt step."""
    return list(command) if os.geteuid() == 0 else ["sudo", "-n", *command]


def test_the_deb_installs_runs_and_uninstalls_cleanly(built, tmp_path):
    status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", PACKAGE], capture_output=True, text=True)
    assert "installed" not in status.stdout.split(), "chushang-desk is already installed on this machine"
    installed = subprocess.run(as_root("dpkg", "-i", str(_deb(built))), capture_output=True, text=True, timeout=300)
    assert installed.returncode == 0, f"dpkg -i failed (as root, or with sudo -n):\n{installed.stderr}"
    ours: list[Path] = []
    try:
        files = subprocess.run(["dpkg", "-L", PACKAGE], capture_output=True, text=True, check=True).stdout.split("\n")
        ours = [Path(f) for f in files if f.startswith(("/opt/chushang-desk", "/usr/bin/chushang-desk",
                                                          "/usr/share/applications/chushang-desk"))]
        assert Path("/usr/share/applications/chushang-desk.desktop") in ours
        version = subprocess.run(["/usr/bin/chushang-desk", "--version"], capture_output=True, text=True,
                                 env=bundle_env(tmp_path), timeout=60)
        assert version.returncode == 0 and version.stdout.startswith("chushang-desk "), version.stderr
    finally:
        subprocess.run(as_root("dpkg", "--purge", PACKAGE), check=True, capture_output=True, timeout=300)
    left = [path for path in ours if path.exists() or path.is_symlink()]
    assert not left, f"left behind after removal: {left[:5]}"
    status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", PACKAGE], capture_output=True, text=True)
    assert status.returncode != 0 or "not-installed" in status.stdout


def test_the_windows_installer_script_compiles_against_the_bundle(built, tmp_path):
    setup = tmp_path / "chushang-desk-check.exe"  # NSIS warns of names like setup.exe (Windows' shims)
    icons = built.parent / "work" / "icons"
    done = subprocess.run(
        ["makensis", "-V2", "-DUNCOMPRESSED", f"-DBUNDLE={built / PACKAGE}", f"-DICON={icons / 'app.ico'}",
         f"-DEXE={PACKAGE}", f"-DOUTFILE={setup}", str(REPO / "installer" / "windows" / "chushang-desk.nsi")],
        capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "warning" not in (done.stdout + done.stderr).lower(), done.stdout + done.stderr
    assert setup.read_bytes()[:2] == b"MZ"  # a Windows executable
