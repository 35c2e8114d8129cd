"""The error workbook: the rows an import could not take, as they were, with the sheet's row number in
front and the reason at the end, so an officer fixes them in Excel and imports the file again (those
two columns are ignored then: services/import_columns.IGNORED_HEADERS)."""
from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

from ..services.messages import render

ROW_HEADER = {"zh_CN": "原行号", "en": "Source row"}
REASON_HEADER = {"zh_CN": "错误原因", "en": "Problem"}
WIDTH_LIMIT = 60


def write_error_workbook(path: Path, plan, lang: str = "zh_CN") -> int:
    """Write the plan's error rows to an .xlsx at `path`, under the file's own header; how many."""
    import xlsxwriter

    from ..services.contact_import import row_problems

    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False,
                                           "strings_to_numbers": False})
    try:
        sheet = book.add_worksheet("errors" if lang == "en" else "错误")
        bold = book.add_format({"bold": True, "bg_color": "#F2F2F2", "border": 1})
        reason_format = book.add_format({"font_color": "#B00020", "text_wrap": True})
        day = book.add_format({"num_format": "yyyy-mm-dd"})
        headers = plan.mapping.headers
        rows = [row for row in plan.rows if row.status == "error"]
        titles = [ROW_HEADER[lang], *headers, REASON_HEADER[lang]]
        sheet.write_row(0, 0, titles, bold)
        widths = [len(t) * 2 + 2 for t in titles]
        for r, row in enumerate(rows, start=1):
            sheet.write_number(r, 0, row.row_number)
            for c, value in enumerate(row.cells[:len(headers)], start=1):
                _write_cell(sheet, r, c, value, day)
                widths[c] = max(widths[c], min(len(str(value or "")) + 2, WIDTH_LIMIT))
            reason = "；".join(render(m.code, lang, **m.params) for m in row_problems(row, plan.mapping))
            sheet.write_string(r, len(titles) - 1, reason, reason_format)
            widths[-1] = max(widths[-1], min(len(reason) * 2, WIDTH_LIMIT))
        for c, width in enumerate(widths):
            sheet.set_column(c, c, width)
        sheet.freeze_panes(1, 1)
    finally:
        book.close()
    return len(rows)


EXCEL_SAFE_FROM = date(1900, 3, 1)  # Excel's day numbers are one off before (its 1900-02-29)


def _day(value) -> date:
    return value.date() if isinstance(value, datetime) else value


def _write_cell(sheet, r: int, c: int, value, day) -> None:
    if value is None:
        return
    if isinstance(value, bool):
        sheet.write_boolean(r, c, value)
    elif isinstance(value, (int, float)):
        sheet.write_number(r, c, value)
    elif isinstance(value, (datetime, date)) and _day(value) >= EXCEL_SAFE_FROM:
        sheet.write_datetime(r, c, value if isinstance(value, datetime) else datetime(value.year, value.month, value.day), day)
    elif isinstance(value, (datetime, date, time)):
        sheet.write_string(r, c, value.isoformat())
    else:
        sheet.write_string(r, c, str(value)[:32767])
