"""The ranking of a year's investment ambassadors (招商大使) as a workbook, for the yearly honours: rank,
name, appointing unit, station, referrals, projects signed and landed, capital arrived (services/ambassadors).
Formatted like the bureau's report: a title row, a bold frozen header with filters, widths that fit, real
numbers and totals. Written beside the target and moved into place, so a failed export leaves no
half-written file."""
from __future__ import annotations

import os
import tempfile
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from ..services.ambassadors import AmbassadorRank, ambassador_ranking
from ..services.reference import name_lookup
from .bureau_report import report_styles
from .visit_log import display_width
from .visit_log_cells import visible

HEADER = ("名次", "招商大使", "聘任单位", "联络站", "推荐数", "签约项目", "落地项目", "到资金额（万元）")
KINDS = ("count", "text", "text", "text", "count", "count", "count", "money")
FIRST_ROW = 3  # after the title row, a blank row and the header


def write_ranking(profile, year: int, path: Path | str, station: str = "") -> int:
    """The ranking of `year` (of one station's referrals when `station` is given); returns its rows."""
    path = Path(path)
    handle, scratch = tempfile.mkstemp(prefix=".ranking-", suffix=".xlsx", dir=path.parent)
    os.close(handle)
    try:
        count = profile.read(_write, year, station, Path(scratch))
        os.replace(scratch, path)
    except BaseException:
        Path(scratch).unlink(missing_ok=True)
        raise
    return count


def _write(session: Session, year: int, station: str, path: Path) -> int:
    stations = name_lookup(session, "station")
    rows = ambassador_ranking(session, year, station)
    where = f"（{stations.get(station, station)}）" if station else ""
    write_rows(path, f"{year} 年度招商大使推荐成效排名{where}", rows, stations)
    return len(rows)


def write_rows(path: Path, title: str, rows: list[AmbassadorRank], stations: dict[str, str]) -> None:
    import xlsxwriter  # only when exporting: not on the way to the first screen

    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False})
    try:
        styles = report_styles(book)  # the bureau report's: the same look
        sheet = book.add_worksheet("大使排名")
        sheet.merge_range(0, 0, 0, len(HEADER) - 1, title, styles["title"])
        sheet.write_row(2, 0, HEADER, styles["header"])
        widths = [display_width(h) for h in HEADER]
        for r, row in enumerate(rows, start=FIRST_ROW):
            values = (row.rank, row.name, row.unit, stations.get(row.station, row.station), row.referrals,
                      row.signed_projects, row.landed_projects, row.capital_arrived)
            for c, (kind, value) in enumerate(zip(KINDS, values)):
                if kind == "text":
                    text = visible(str(value or ""))
                    sheet.write_string(r, c, text, styles["text"])
                    widths[c] = max(widths[c], display_width(text))
                else:
                    sheet.write_number(r, c, float(value), styles[kind])
        last = FIRST_ROW + len(rows) - 1
        sheet.write(last + 1, 1, f"合计 {len(rows)} 人", styles["total_label"])
        for c, total in ((4, sum(r.referrals for r in rows)), (5, sum(r.signed_projects for r in rows)),
                         (6, sum(r.landed_projects for r in rows))):
            sheet.write_number(last + 1, c, total, styles["total_count"])
        # Summed as Decimal here: Excel's SUM of floats could show 0.01 off.
        sheet.write_number(last + 1, 7, float(sum((r.capital_arrived for r in rows), Decimal("0"))), styles["total"])
        sheet.freeze_panes(FIRST_ROW, 0)
        sheet.autofilter(2, 0, max(last, FIRST_ROW), len(HEADER) - 1)
        for c, kind in enumerate(KINDS):
            width = 14 if kind == "money" else (8 if kind == "count" else min(max(widths[c], 6) + 2, 40))
            sheet.set_column(c, c, max(width, display_width(HEADER[c]) + 2))
        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(2)
    finally:
        book.close()
