"""Where the shipped resources live: inside the package, found the same way in a checkout, an installed
wheel and a PyInstaller bundle (whose loader answers importlib.resources from its unpack folder)."""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resources_dir() -> Path:
    """chushang_desk/resources: seed data, pinyin table, translations (.qm), icons."""
    # Qt and open() need a real file: the package is always installed unzipped (wheel or bundle).
    return Path(str(files("chushang_desk") / "resources"))
