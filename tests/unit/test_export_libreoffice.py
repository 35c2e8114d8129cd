"""The exported visit log opened by another spreadsheet program: LibreOffice converts it to CSV.

openpyxl reading back what XlsxWriter wrote proves little about what the bureau's staff will see;
LibreOffice is an independent reader, so its CSV must show the same values — and formula-looking
text as the literal text, not as a computed value or an error.
"""
from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import date

import pytest

from chushang_desk.exchange.visit_log import COLUMNS, export_visit_log_file
from chushang_desk.services.visits import VisitQuery

from .test_visit_log_export import V_MARCH, expected_in_order, make_known_visits

pytestmark = pytest.mark.libreoffice

SOFFICE = shutil.which("libreoffice") or shutil.which("soffice")


def convert_to_csv(xlsx, tmp_path) -> list[list[str]]:
    """CSV in UTF-8 (filter options 44,34,76: comma, double quote, UTF-8) from a private LO profile."""
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed (make test installs it)")
    outdir = tmp_path / "csv"
    user = tmp_path / "lo-profile"
    done = subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{user}", "--headless",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(outdir), str(xlsx)],
        capture_output=True, text=True, timeout=120,
    )
    produced = outdir / (xlsx.stem + ".csv")
    assert done.returncode == 0 and produced.exists(), done.stdout + done.stderr
    with produced.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def as_shown(value) -> str:
    """How LibreOffice writes a cell to CSV: dates in the cell's yyyy-mm-dd format, amounts as formatted."""
    if value is None:
        return ""
    if hasattr(value, "date"):
        return value.date().isoformat()
    if isinstance(value, float):
        return f"{value:,.2f}"
    return value


def test_libreoffice_shows_the_same_values(profile, tmp_path):
    ids = profile.write(make_known_visits)
    xlsx = tmp_path / "visits.xlsx"
    export_visit_log_file(profile, VisitQuery(), xlsx)
    lines = convert_to_csv(xlsx, tmp_path)
    assert lines[0][0] == "全部联络站 走访记录 全部日期"
    assert lines[1] == [c.header for c in COLUMNS]
    assert lines[2:] == [[as_shown(v) for v in row] for row in expected_in_order(ids)]


def test_libreoffice_keeps_formula_looking_text_literal(profile, tmp_path):
    profile.write(make_known_visits)
    xlsx = tmp_path / "csj.xlsx"
    query = VisitQuery(date_from=date(2025, 1, 1), date_to=date(2025, 12, 31), station="csj")
    export_visit_log_file(profile, query, xlsx)
    lines = convert_to_csv(xlsx, tmp_path)
    assert len(lines) == 3
    row = lines[2]
    assert row[7] == "=SUM(A1:A2)" and row[11] == "+86 项目意向"
    assert row == [as_shown(v) for v in V_MARCH]
