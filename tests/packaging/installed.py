"""A package built from the checkout's files and installed the ordinary way (a wheel, not editable) in a
fresh virtual environment outside the checkout, and the commands run from there with a clean environment:
nothing from the checkout (no PYTHONPATH, no checkout venv on PATH, another working folder)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def project_files() -> list[str]:
    """What a fresh clone would hold, plus new files not yet committed (ignored ones excluded)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                            capture_output=True, check=True).stdout.decode()
    return [name for name in listed.split("\0") if name and (REPO / name).is_file()]


def copy_sources(target: Path) -> Path:
    """The project's files alone, so no build/ leftover or untracked .qm slips into the wheel."""
    for name in project_files():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target / name)
    return target


def checked(command: list[str], timeout: float, **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, **kwargs)
    assert done.returncode == 0, f"{' '.join(command)} exited {done.returncode}:\n{done.stdout}{done.stderr}"
    return done


def build_wheel(source: Path, out: Path) -> Path:
    checked([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(source)], 600)
    (wheel,) = out.glob("chushang_desk-*.whl")
    return wheel


@dataclass
class Installed:
    venv: Path
    home: Path  # the working folder of every command: outside the checkout

    def bin(self, name: str) -> str:
        return str(self.venv / "bin" / name)

    def env(self, **extra: str) -> dict[str, str]:
        keep = {k: v for k, v in os.environ.items() if k in ("LANG", "LC_ALL", "TMPDIR", "HOME")}
        keep.update(PATH=f"{self.venv / 'bin'}:/usr/bin:/bin", QT_QPA_PLATFORM="offscreen",
                    CHUSHANG_PASSPHRASE="installed-passphrase", CHUSHANG_ARGON2="fast",
                    PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
        keep.update(extra)
        return keep

    def run(self, command: str, *args: str, stdin: str = "", timeout: float = 120, **env: str):
        return subprocess.run([self.bin(command), *args], cwd=self.home, env=self.env(**env), input=stdin,
                              capture_output=True, text=True, timeout=timeout)

    def popen(self, command: str, *args: str, log: Path, **env: str) -> subprocess.Popen:
        with log.open("w") as out:
            return subprocess.Popen([self.bin(command), *args], cwd=self.home, env=self.env(**env),
                                    stdout=out, stderr=subprocess.STDOUT)


def install(wheel: Path, venv: Path, home: Path) -> Installed:
    checked([sys.executable, "-m", "venv", str(venv)], 300)
    checked([str(venv / "bin" / "pip"), "install", "-q", f"{wheel}[server]"], 900, cwd=home)
    return Installed(venv, home)
