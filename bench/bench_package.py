"""The package as users get it (issue 9): the wheel (build, install into a fresh venv with [server], sizes),
the PyInstaller bundle and the .deb (sizes; built first by installer/build.sh when dist/ has none), and the
cold start of the bundled app against the checkout's, side by side.

Cold start: from spawn until the main window is mapped on an Xvfb display (xwininfo polled every 20 ms;
the polling costs both sides the same), the window closed as a window manager would after each run. The
two are interleaved, ROUNDS each, on a new profile with 2,000 contacts; `--version` (process start alone)
is timed the same way. Ratio = bundle / checkout.
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(REPO), str(HERE)]

from common import header  # noqa: E402
from tests.packaging.installed import build_wheel, copy_sources, install  # noqa: E402
from tests.support.x11_close import close_window  # noqa: E402
from tests.support.xvfb import viewable_window, xvfb  # noqa: E402

ROUNDS = 5
TITLE = "楚商联络台"
DIST = REPO / "dist"
ENV = {"CHUSHANG_PASSPHRASE": "bench-passphrase", "CHUSHANG_ARGON2": "fast",
       "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


def size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 2**20
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()) / 2**20


def wheel_figures(tmp: Path) -> None:
    started = time.perf_counter()
    wheel = build_wheel(copy_sources(tmp / "source"), tmp / "dist")
    built = time.perf_counter() - started
    (tmp / "home").mkdir()
    started = time.perf_counter()
    installed = install(wheel, tmp / "venv", tmp / "home")
    took = time.perf_counter() - started
    print(f"wheel: {wheel.name} {size_mb(wheel):.2f} MB, built in {built:.1f} s; venv + pip install [server] "
          f"{took:.1f} s (pip's cache warm), {size_mb(installed.venv):.0f} MB installed")


def bundle() -> Path:
    if not (DIST / "chushang-desk" / "chushang-desk").exists():
        started = time.perf_counter()
        subprocess.run(["sh", "installer/build.sh", sys.executable], cwd=REPO, check=True)
        print(f"installer/build.sh (bundle + .deb): {time.perf_counter() - started:.0f} s")
    folder = DIST / "chushang-desk"
    debs = sorted(DIST.glob("chushang-desk_*.deb"))
    print(f"bundle: {size_mb(folder):.0f} MB in {sum(1 for _ in folder.rglob('*'))} files"
          + (f"; .deb {size_mb(debs[-1]):.1f} MB" if debs else ""))
    return folder / "chushang-desk"


def time_to_window(command: list[str], display: str, profile: Path) -> float:
    env = {**os.environ, **ENV, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display, "PYTHONPATH": str(REPO)}
    started = time.perf_counter()
    app = subprocess.Popen([*command, "--data-dir", str(profile)], env=env, cwd=REPO,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        window = None
        while window is None and app.poll() is None and time.perf_counter() - started < 30:
            window = viewable_window(display, TITLE)
            time.sleep(0.02)
        shown = time.perf_counter() - started
        if window is None:
            raise RuntimeError(f"{command[0]}: no window (exit {app.poll()})")
        close_window(display, window)
        app.wait(timeout=20)
        return shown
    finally:
        if app.poll() is None:
            app.kill()


def time_version(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run([*command, "--version"], env={**os.environ, **ENV, "PYTHONPATH": str(REPO)}, check=True,
                   capture_output=True)
    return time.perf_counter() - started


def cold_start(program: Path, tmp: Path) -> None:
    checkout = [sys.executable, "-m", "chushang_desk"]
    profile = tmp / "profile"
    subprocess.run([*checkout, "demo-data", "--data-dir", str(profile), "--contacts", "2000", "--visits", "6000"],
                   env={**os.environ, **ENV, "PYTHONPATH": str(REPO)}, check=True, capture_output=True)
    runs = {"checkout": [], "bundle": []}
    versions = {"checkout": [], "bundle": []}
    with xvfb(tmp / "xvfb.log") as display:
        for _ in range(ROUNDS):
            for name, command in (("checkout", checkout), ("bundle", [str(program)])):
                runs[name].append(time_to_window(command, display, profile))
                versions[name].append(time_version(command))
    for label, figures in (("window mapped", runs), ("--version", versions)):
        med = {name: statistics.median(values) for name, values in figures.items()}
        print(f"{label}: checkout median {med['checkout']:.2f} s (max {max(figures['checkout']):.2f}), bundle "
              f"median {med['bundle']:.2f} s (max {max(figures['bundle']):.2f}); ratio bundle/checkout "
              f"{med['bundle'] / med['checkout']:.2f}")


def main() -> None:
    header(f"package: wheel, bundle, .deb; cold start bundle vs checkout, {ROUNDS} rounds each")
    tmp = Path(tempfile.mkdtemp(prefix="bench-package-"))
    try:
        wheel_figures(tmp)
        program = bundle()
        cold_start(program, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
