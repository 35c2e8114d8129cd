"""The officer's guide (docs/guide/officer-guide-zh.md) shows screens the script regenerates from the real
app: the script runs, writes every picture the guide links to, each a real grab (not blank), and the
committed pictures are those the script makes (same names)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "guide" / "officer-guide-zh.md"


def linked_images() -> set[str]:
    return set(re.findall(r"!\[[^\]]*\]\(img/([^)]+)\)", GUIDE.read_text(encoding="utf-8")))


def test_the_script_regenerates_every_picture_the_guide_shows(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "scripts/guide_screenshots.py", str(tmp_path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    made = {path.name for path in tmp_path.glob("*.png")}
    assert linked_images() and linked_images() <= made, f"the guide links {linked_images() - made} the script does not make"
    assert {p.name for p in (ROOT / "docs" / "guide" / "img").glob("*.png")} == made, "stale or missing pictures"
    for name in made:
        image = QImage(str(tmp_path / name))
        assert image.width() >= 600 and image.height() >= 400, name
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
        assert len(colours) > 50, f"{name} looks blank ({len(colours)} colours)"
