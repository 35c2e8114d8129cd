"""The layering of ARCHITECTURE.md, enforced: `models <- db <- services <- exchange/sync <- ui <- cli`.

import-linter's contracts live in pyproject.toml; this runs them as part of the suite so a broken
layer fails `make test` with the linter's own explanation. A plain source scan backs up the Qt rule,
because import-linter only sees imports it can resolve statically.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("chushang_desk", "chushang_server")
UI_PACKAGE = ROOT / "chushang_desk" / "ui"
QT_IMPORT = re.compile(
    r"^\s*(?:from|import)\s+(?:PySide6|shiboken6)\b|import_module\(\s*['\"](?:PySide6|shiboken6)", re.MULTILINE
)


def lint_imports() -> subprocess.CompletedProcess:
    script = Path(sys.executable).with_name("lint-imports")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "importlinter.cli"]
    return subprocess.run(command + ["--no-cache", "--no-logo"], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_import_linter_contracts_are_kept():
    result = lint_imports()
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "BROKEN" not in output and " KEPT" in output, output


def qt_imports_outside_ui() -> list[str]:
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")) if (ROOT / package).exists() else []:
            if UI_PACKAGE in path.parents:
                continue
            for match in QT_IMPORT.finditer(path.read_text(encoding="utf-8")):
                line = path.read_text(encoding="utf-8")[: match.start()].count("\n") + 1
                found.append(f"{path.relative_to(ROOT)}:{line}: {match.group(0).strip()}")
    return found


def test_no_module_outside_ui_imports_qt():
    """models, db, services, exchange, sync and the server run headless (CLI, tests, sync worker)."""
    assert qt_imports_outside_ui() == []


def test_the_qt_import_scan_recognizes_qt_imports():
    """The scan above would pass vacuously if its pattern matched nothing."""
    samples = ["from PySide6.QtWidgets import QWidget", "import PySide6", "    import shiboken6",
               "mod = importlib.import_module('PySide6.QtCore')"]
    assert all(QT_IMPORT.search(s) for s in samples)
    assert not QT_IMPORT.search("# PySide6 6.12.0 leaks None; see tests/ui/test_qt_none_leak.py")


# Paths that leave the repository: the workplace's folders beside it, an absolute path into it. Spelt from
# parts, so this file does not itself hold the paths it looks for.
UP = "../"
BESIDE = ("shared", "seeds", "design")
WORKPLACE = "/" + "work" + "/"
OUTSIDE = re.compile(re.escape(UP) + "(" + "|".join(BESIDE) + ")/|" + re.escape(WORKPLACE))


def files_referring_outside() -> list[str]:
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    found = []
    for name in filter(None, tracked.decode().split("\0")):
        path = ROOT / name
        if path.suffix in {".qm", ".png", ".ico", ".dump"} or not path.is_file() or name.startswith("docs/sources/"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            if OUTSIDE.search(line):
                found.append(f"{name}:{number}: {line.strip()[:100]}")
    return found


def test_no_file_refers_to_anything_outside_the_repository():
    """The design, the sources and every path a file cites are in the repository (issue 9)."""
    assert files_referring_outside() == []


def test_the_outside_reference_check_catches_one():
    assert OUTSIDE.search(f"see {UP}{BESIDE[0]}/design/SYNC.md") and OUTSIDE.search(f"Source: `{UP}{BESIDE[1]}/000.txt`")
    assert not OUTSIDE.search("see docs/SYNC.md and ../docs/deployment.md")
