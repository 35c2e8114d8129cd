"""The visit log's rows as the cells Excel can hold, made in the reader process (off the writer's path).

Three things Excel cannot take as they are, each handled so that no value is lost or cut:
- text over 32,767 characters in one cell (a 1,500-person meeting's attendees, long follow-ups): the
  cell is left empty here and the whole text sent beside the row (SheetBatch.long_cells); the writer
  puts its beginning and a reference in the cell and the whole text in pieces on a second sheet;
- characters XML 1.0 forbids (NUL and the other C0 controls but tab, newline and carriage return, the
  non-characters U+FFFE/U+FFFF, lone surrogates): replaced by U+FFFD, visibly. XlsxWriter would write
  NUL as `_x0000_`, which Excel reads back as a NUL and cuts the text at;
- dates before 1900-03-01: Excel's day numbers count 1900-02-29, a day that never was, so a serial
  before 61 means the day after in Excel and the right day in LibreOffice; before 1900-01-01 there is
  no serial at all. Those dates are written as ISO text, unambiguous to every reader.
A row the services flagged odd (a value stored in a form its column does not hold) has every cell
made text-safe the slow way; a normal row costs one join, one regex search and one length check.
"""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from ..services.visit_log import VisitLogRow

EXCEL_CELL_LIMIT = 32_767  # characters (UTF-16 code units) in one cell
EXCEL_DAY_ZERO = date(1899, 12, 30).toordinal()  # Excel's serial 0 (1900 system, leap-year bug included)
FIRST_RIGHT_SERIAL = date(1900, 3, 1)  # serial 61; every later serial means the same day everywhere
DATE_POSITIONS, AMOUNT_POSITION = (0, 13), 10
TEXT_POSITIONS = (1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
REPLACEMENT = "\ufffd"


class SheetBatch(NamedTuple):
    """A batch of sheet rows, how many of them were odd, and the texts too long for their cells as
    (index of the row in `rows`, column, whole text); such a cell is None in its row."""

    rows: list[tuple]
    odd: int = 0
    long_cells: list[tuple[int, int, str]] = []


def sheet_batch(rows: list[VisitLogRow]) -> SheetBatch:
    cells, odd, long_cells = [], 0, []
    for index, row in enumerate(rows):
        values, too_long = sheet_row(row), row.odd
        if row.odd:
            values, odd = _text_safe(values), odd + 1
        else:
            try:
                joined = "".join([values[i] or "" for i in TEXT_POSITIONS])
            except TypeError:  # not text where text belongs: a damaged row the services did not catch
                values, odd, too_long = _text_safe(values), odd + 1, True
            else:
                if _NOT_XML.search(joined):
                    values = tuple(visible(v) if v.__class__ is str else v for v in values)
                too_long = len(joined) > EXCEL_CELL_LIMIT
        cells.append(_set_aside_long(index, values, long_cells) if too_long else values)
    return SheetBatch(cells, odd, long_cells)


def _set_aside_long(index: int, values: tuple, long_cells: list) -> tuple:
    """The row with its too-long texts taken out into long_cells."""
    values = list(values)
    for col, value in enumerate(values):
        if value.__class__ is str and not fits_a_cell(value):
            long_cells.append((index, col, value))
            values[col] = None
    return tuple(values)


def sheet_row(row: VisitLogRow) -> tuple:
    """The row as the sheet stores it: a plain tuple, dates as Excel serial day numbers (or ISO text, see
    the module's doc), the amount as a float. Made in the reader process, so the writing process only
    passes values on, and the pipe carries ints and floats, which unpickle faster than dates and Decimals."""
    amount = row.intention_amount
    return (excel_date(row.visit_date), *row[1:10], float(amount) if amount.__class__ is Decimal else amount,
            row.intention_note, row.follow_ups, excel_date(row.next_contact_date))


def excel_date(day):
    if day.__class__ is not date:
        return day  # None, or an odd stored value already made text
    if day < FIRST_RIGHT_SERIAL:
        return day.isoformat()
    return day.toordinal() - EXCEL_DAY_ZERO


def visible(text: str) -> str:
    """The text with every character XML 1.0 cannot carry replaced by U+FFFD, the rest untouched."""
    return _NOT_XML.sub(REPLACEMENT, text)


def fits_a_cell(text: str) -> bool:
    """Excel counts UTF-16 code units: a character beyond the BMP (an emoji) counts two."""
    length = len(text)
    if length * 2 <= EXCEL_CELL_LIMIT:
        return True
    return length <= EXCEL_CELL_LIMIT and len(text.encode("utf-16-le")) // 2 <= EXCEL_CELL_LIMIT


def _text_safe(values: tuple) -> tuple:
    """Every cell a number, None or visible text: whatever a damaged row holds becomes its text."""
    return tuple(_safe_cell(position, value) for position, value in enumerate(values))


def _safe_cell(position: int, value):
    if value is None or value == "":
        return None
    if value.__class__ in (int, float) and (position in DATE_POSITIONS or position == AMOUNT_POSITION):
        return value
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return visible(str(value))


def pieces(text: str, size: int = 32_000) -> list[str]:
    """The text cut into pieces that each fit a cell (in UTF-16 code units), in order."""
    out, start = [], 0
    while start < len(text):
        piece = text[start:start + size]
        while not fits_a_cell(piece):
            piece = piece[: len(piece) * 3 // 4]
        out.append(piece)
        start += len(piece)
    return out
