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
    assert lines[0][0] == "全部联络站走访记录"
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


def convert_every_sheet(xlsx, tmp_path) -> dict[str, list[list[str]]]:
    """Each sheet to its own CSV (the filter's 12th option, -1: LibreOffice 7.2 and later)."""
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed (make test installs it)")
    outdir = tmp_path / "sheets"
    user = tmp_path / "lo-profile-sheets"
    done = subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{user}", "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
         "--outdir", str(outdir), str(xlsx)],
        capture_output=True, text=True, timeout=180,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    sheets = {}
    for produced in outdir.glob(f"{xlsx.stem}-*.csv"):
        with produced.open(encoding="utf-8", newline="") as handle:
            sheets[produced.stem[len(xlsx.stem) + 1:]] = list(csv.reader(handle))
    return sheets


def test_libreoffice_reads_long_texts_whole_and_control_characters_replaced(profile, tmp_path):
    from chushang_desk.db.bulk import bulk_insert
    from chushang_desk.exchange.visit_log import LONG_SHEET
    from chushang_desk.models import Visit
    from chushang_desk.services.visit_log import iter_visit_log

    from .test_export_safety import big_meeting

    profile.write(big_meeting)
    profile.write(lambda s: bulk_insert(s, Visit, [dict(
        visit_date=date(1900, 2, 28), station="csj", officers=["刘\x00一"], summary="甲\x0b乙\x1f丙")]))
    [[_after, meeting, early]] = profile.read(lambda s: list(iter_visit_log(s, VisitQuery())))
    xlsx = tmp_path / "long.xlsx"
    export_visit_log_file(profile, VisitQuery(), xlsx)
    sheets = convert_every_sheet(xlsx, tmp_path)
    log, long_texts = sheets["走访记录"], sheets[LONG_SHEET]
    assert log[4][0] == "1900-02-28" and log[4][2] == "刘\ufffd一" and log[4][8] == "甲\ufffd乙\ufffd丙"
    assert log[3][0] == "2025-09-01" and f"见“{LONG_SHEET}”表" in log[3][4]
    pieces: dict[str, list[tuple[int, str]]] = {}
    for row, header, number, text in long_texts[1:]:
        assert row == "4"
        pieces.setdefault(header, []).append((int(number.split("/")[0]), text))
    whole = {header: "".join(t for _n, t in sorted(ps)) for header, ps in pieces.items()}
    assert whole == {"走访对象（单位 职务）": meeting.contacts, "纪要": meeting.summary, "跟进事项": meeting.follow_ups}
