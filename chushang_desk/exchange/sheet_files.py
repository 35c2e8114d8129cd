"""Member lists sent by chambers of commerce, alumni associations and universities, read safely for import.

The files come from outside the bureau (e-mail, USB sticks, download links), so each is checked before a
parser sees it, and read into plain Python values (no Qt; the importer turns them into contacts):

* Size: the file's size from os.stat, before it is opened (Limits.file_bytes).
* Zip-based workbooks (.xlsx .xlsm .xlsb .ods): the central directory first — the sum of the members'
  declared sizes, and the compression ratio of any member over 1 MB. A "zip bomb" unpacks a few
  megabytes into gigabytes; the declared sizes bind (the zip reader inside calamine stops at a member's
  declared size, and so does Python's), so checking them bounds everything read below.
* The shape of every sheet, before calamine reads it. calamine builds a sheet's whole rectangle, from its
  first to its last non-empty cell, before it gives the first row, and when that allocation fails it
  aborts the process — no exception: the desktop client would vanish. Two cells at A1 and XFD1048576 in
  a 6 KB .xlsx ask for 512 GB. A shared-strings table declaring four billion strings, an .xls whose
  DIMENSIONS record or compound-file header lies, do the same when the file is opened. So the members
  are scanned here first — the XML with regular expressions over the raw bytes (no XML parser, so no
  entity is ever expanded), .xlsb and .xls record by record — following the cells the way calamine
  does, and a sheet spanning more than Limits.cells cells is refused with the corner it reaches. A
  document type declaration, which carries "billion laughs" entity bombs and has no place in a
  workbook, is refused as well (calamine would not expand the entities, only fail on them).
* Text files (.csv .txt .tsv, and the HTML or CSV that old web systems save as .xls): the encoding from
  the BOM, else strict UTF-8, else GB18030 against Big5 scored by how many decoded characters are
  common ones (short files defeat statistical detectors), else charset-normalizer.
* Rows, columns and cell lengths are capped (Limits); a capped table says so instead of failing.

Every problem with the file itself becomes UnsafeFile carrying a Message for the officer; no raw
exception escapes for a bad file.
"""
from __future__ import annotations

import codecs
import csv
import datetime
import io
import os
import re
import struct
import zipfile
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from itertools import chain, islice
from pathlib import Path
from typing import Callable, Iterable, Iterator

import charset_normalizer
from python_calamine import CalamineWorkbook, PasswordError, SheetTypeEnum, SheetVisibleEnum

from ..services.messages import Message

SUPPORTED_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".csv", ".txt", ".tsv")
_TEXT_SUFFIXES = (".csv", ".txt", ".tsv")

MB = 1024 * 1024
HEADER_MARGIN = 20          # rows read beyond Limits.rows: a title, notes and the header above the data
_RATIO_FLOOR = 1 * MB       # smaller members may compress as well as they like (empty-cell XML does)
_MAX_MEMBERS = 10_000       # a workbook with more zip members is not a member list
_CHUNK = 1 * MB             # bytes of a zip member scanned at a time
_MAX_TAG = 1 * MB           # an XML tag longer than this is not from a spreadsheet program
_DELIMITERS = (",", "\t", ";", "|")


@dataclass(frozen=True)
class Limits:
    file_bytes: int = 50 * 1024 * 1024          # the file itself
    uncompressed_bytes: int = 500 * 1024 * 1024  # sum of the zip members' declared sizes (xlsx/xlsm/xlsb/ods)
    ratio: int = 100                              # uncompressed/compressed for any one member of size > 1 MB
    rows: int = 100_000                           # data rows read; more -> SheetTable.truncated = True (not an error)
    columns: int = 200                            # columns kept; wider rows are cut, SheetTable.columns_cut = True
    cell_chars: int = 32_767                      # a longer cell is cut to this, and its (row, col) listed in SheetTable.long_cells
    # The rectangle from a sheet's first to its last non-empty cell, which calamine allocates whole (about
    # 32 bytes a cell) before any row is read; for .xls and .ods every sheet's, at once. More -> refused.
    # 10 million: about 300 MB in calamine, and as much again in the rows handed over.
    cells: int = 10_000_000


@dataclass
class SheetTable:
    """One sheet as read. For workbooks rows[i][j] is the sheet's row i + 1, column j (A = 0), so the
    importer can name the cell an officer should look at; for text files rows are the CSV records."""
    name: str                 # sheet name ("" for CSV)
    rows: list[list[object]]  # str (NUL removed, never stripped), int, float, bool, date, datetime, time, or None
    truncated: bool = False
    columns_cut: bool = False
    long_cells: list[tuple[int, int]] = field(default_factory=list)  # 0-based (row index in rows, column)
    encoding: str = ""        # CSV only: the encoding used, e.g. "utf_8", "utf_8_sig", "gb18030", "big5"


class UnsafeFile(Exception):
    """Refused before or while reading; `.message` is a chushang_desk.services.messages.Message (code + params)."""

    def __init__(self, message: Message):
        super().__init__(message.render("en"))
        self.message = message


def sheet_names(path, limits: Limits = Limits()) -> list[str]:
    """The visible worksheets, in workbook order ([""] for a text file)."""
    path = Path(path)
    kind = _checked_kind(path, limits)
    if kind == "text":
        return [""]
    with _calamine(path) as book:
        return _visible_sheets(book)


def read_sheet(path, sheet: str | None = None, limits: Limits = Limits()) -> SheetTable:
    """One sheet (None: the first visible one), capped by `limits`."""
    path = Path(path)
    kind = _checked_kind(path, limits)
    if kind == "text":
        if sheet not in (None, ""):
            raise UnsafeFile(Message("import_no_such_sheet", {"sheet": sheet}))
        return _read_text_file(path, limits)
    with _calamine(path) as book:
        names = _visible_sheets(book)
        if sheet is None:
            if not names:
                return SheetTable(name="", rows=[])
            sheet = names[0]
        if sheet not in book.sheet_names:
            raise UnsafeFile(Message("import_no_such_sheet", {"sheet": sheet}))
        return _read_calamine_sheet(book, sheet, limits, path)


# --- What the file is, and the checks made before any parser sees it ---------------------------------

_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")


def _checked_kind(path: Path, limits: Limits) -> str:
    """'text', 'xlsx' (also .xlsm), 'xlsb', 'ods' or 'xls', once the checks before parsing have passed."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsafeFile(Message("import_unsupported", {"suffix": suffix or path.name,
                                                        "supported": " ".join(SUPPORTED_SUFFIXES)}))
    size = _file_size(path)
    if size > limits.file_bytes:
        raise UnsafeFile(Message("import_file_too_large", {"size": _mb(size), "max": _mb(limits.file_bytes)}))
    if suffix in _TEXT_SUFFIXES:
        return "text"
    head = _read_head(path, 8)
    if suffix == ".xls":
        if head != _OLE_MAGIC:
            return "text"  # HTML or CSV saved as .xls by old web systems; read as text, never by calamine
        _scan_once(path, limits, "xls")  # calamine builds every sheet of an .xls when it opens it
        return "xls"
    if head == _OLE_MAGIC:
        raise _refusal("import_password" if _is_encrypted_package(path, limits) else "import_not_a_workbook", path)
    kind = {".ods": "ods", ".xlsb": "xlsb"}.get(suffix, "xlsx")
    _check_zip_directory(path, limits)
    # Even to list the sheets: an .ods is read whole when opened, an .xlsx's shared strings are.
    _scan_once(path, limits, kind)
    return kind


def _file_size(path: Path) -> int:
    try:
        stat = os.stat(path)
    except OSError:
        raise _refusal("import_unreadable", path) from None
    if not os.path.isfile(path):
        raise _refusal("import_unreadable", path)
    return stat.st_size


def _read_head(path: Path, count: int) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(count)
    except OSError:
        raise _refusal("import_unreadable", path) from None


def _read_bytes(path: Path, limits: Limits) -> bytes:
    try:
        with open(path, "rb") as handle:
            data = handle.read(limits.file_bytes + 1)  # the file may have grown since it was measured
    except OSError:
        raise _refusal("import_unreadable", path) from None
    if len(data) > limits.file_bytes:
        raise UnsafeFile(Message("import_file_too_large", {"size": _mb(len(data)), "max": _mb(limits.file_bytes)}))
    return data


def _check_zip_directory(path: Path, limits: Limits) -> None:
    """The central directory only: declared sizes, which bind what any reader unpacks."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except OSError:
        raise _refusal("import_unreadable", path) from None
    except Exception:  # BadZipFile, and whatever a mangled directory makes zipfile raise
        raise _refusal("import_not_a_workbook", path) from None
    if len(members) > _MAX_MEMBERS:
        raise _refusal("import_not_a_workbook", path)
    if sum(m.file_size for m in members) > limits.uncompressed_bytes:
        raise _refusal("import_zip_bomb", path)
    for member in members:
        if member.file_size > _RATIO_FLOOR and member.file_size / max(member.compress_size, 1) > limits.ratio:
            raise _refusal("import_zip_bomb", path)


def _refusal(code: str, path: Path) -> UnsafeFile:
    return UnsafeFile(Message(code, {"name": path.name}))


def _mb(size: int) -> str:
    megabytes = size / MB
    return f"{megabytes:,.1f}" if megabytes >= 1 else f"{megabytes:.2g}"


# --- Scanning the members before calamine reads them --------------------------------------------------

class _Refused(Exception):
    """Raised by a scanner; turned into UnsafeFile with the file's name."""

    def __init__(self, code: str, params: dict | None = None):
        super().__init__(code)
        self.code = code
        self.params = params or {}


_scanned: dict[tuple, bool] = {}  # files that passed, so sheet_names then read_sheet scan a file once


def _scan_once(path: Path, limits: Limits, kind: str) -> None:
    try:
        stat = os.stat(path)
    except OSError:
        raise _refusal("import_unreadable", path) from None
    key = (os.path.realpath(path), stat.st_size, stat.st_mtime_ns, stat.st_ino, limits, kind)
    if key in _scanned:
        return
    try:
        if kind == "xls":
            _check_xls(_read_bytes(path, limits), limits)
        else:
            _scan_zip(path, limits, kind)
    except _Refused as refused:
        params = {"name": path.name, **refused.params}
        raise UnsafeFile(Message(refused.code, params)) from None
    if len(_scanned) > 16:
        _scanned.clear()
    _scanned[key] = True


def _scan_zip(path: Path, limits: Limits, kind: str) -> None:
    """Every member, whatever its name: calamine finds the parts through the workbook's relationships,
    and a hostile file may put a sheet anywhere."""
    scan = {"xlsx": _scan_ooxml_member, "xlsb": _scan_xlsb_member, "ods": _scan_ods_member}[kind]
    total = 0
    try:
        with zipfile.ZipFile(path) as archive:
            for member in archive.infolist():
                if member.file_size == 0 or member.is_dir():
                    continue
                total += scan(lambda member=member: archive.open(member), limits)
    except _Refused:
        raise
    except OSError:
        raise _Refused("import_unreadable") from None
    except Exception:  # a CRC error, an encrypted or unsupported member: calamine could not read it either
        raise _Refused("import_not_a_workbook") from None
    if kind == "ods":
        _check_total(total, limits)


class _Shape:
    """Where the non-empty cells of one sheet reach: the rectangle calamine will allocate."""

    __slots__ = ("top", "left", "bottom", "right")

    def __init__(self):
        self.top = self.left = None
        self.bottom = self.right = -1

    def add(self, row: int, col: int) -> None:
        if self.top is None:
            self.top, self.left, self.bottom, self.right = row, col, row, col
            return
        if row < self.top:
            self.top = row
        if row > self.bottom:
            self.bottom = row
        if col < self.left:
            self.left = col
        if col > self.right:
            self.right = col

    @property
    def area(self) -> int:
        if self.top is None:
            return 0
        return (self.bottom - self.top + 1) * (self.right - self.left + 1)

    def check(self, limits: Limits) -> None:
        if self.area > limits.cells:
            raise _Refused("import_sheet_too_big", {
                "cell": f"{_column_letters(self.right)}{self.bottom + 1}",
                "rows": f"{self.bottom - self.top + 1:,}", "columns": f"{self.right - self.left + 1:,}"})


def _check_total(cells: int, limits: Limits) -> None:
    """For an .ods or .xls, whose sheets calamine all builds at once."""
    if cells > limits.cells:
        raise _Refused("import_too_many_cells", {"cells": f"{cells:,}", "max": f"{limits.cells:,}"})


def _column_letters(col: int) -> str:
    letters = ""
    col += 1
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# XML, scanned as bytes: the few constructs that can hide markup (comments, CDATA, processing
# instructions) are skipped as an XML reader skips them; any other tag with attributes is consumed whole
# (its quoted values may hold '>' or '<'), so only real elements are counted.
_NS = rb"(?:[A-Za-z_][\w.\-]*:)?"
_TAG_REST = re.compile(rb"""(?:[^>"']|"[^"]*"|'[^']*')*>""")
_SKIP_UNTIL = {b"<!--": b"-->", b"<![CDATA[": b"]]>", b"<?": b"?>"}


def _xml_tokens(read: Callable[[int], bytes], pattern: re.Pattern) -> Iterator[tuple[bytes, bytes, bool, bytes]]:
    """(name, attributes, self-closing, the bytes right after the tag) for each element `pattern` names
    in its first group; end tags (its second group) come as (b"/name", b"", False, b""). Refuses a DOCTYPE."""
    buf = b""
    until = None  # the end of a comment, CDATA section or processing instruction being skipped
    final = False
    while not final:
        chunk = read(_CHUNK)
        final = not chunk
        buf += chunk
        pos = 0
        if until is not None:
            end = buf.find(until)
            if end < 0:
                buf = buf[-(len(until) - 1):]
                continue
            pos, until = end + len(until), None
        carry = None  # where the bytes kept for the next chunk start
        while carry is None:
            m = pattern.search(buf, pos)
            if m is None:
                # Only a token starting at the last '<' can have been cut short by the chunk's end.
                last = buf.rfind(b"<", pos)
                carry = last if last >= 0 else len(buf)
                break
            token = m.group(0)
            if token == b"<!DOCTYPE":
                raise _Refused("import_not_a_workbook")
            if token in _SKIP_UNTIL:
                end = buf.find(_SKIP_UNTIL[token], m.end())
                if end < 0:
                    until = _SKIP_UNTIL[token]
                    carry = max(len(buf) - len(until) + 1, m.end())
                    break
                pos = end + len(_SKIP_UNTIL[token])
                continue
            if m.group(2):  # an end tag, complete as matched
                pos = m.end()
                yield b"/" + m.group(2), b"", False, b""
                continue
            rest = _TAG_REST.match(buf, m.end())
            if rest is None:  # the tag goes on in the next chunk
                carry = m.start()
                break
            pos = rest.end()
            if m.group(1):
                attrs = buf[m.end():pos - 1]
                yield m.group(1), attrs, attrs.endswith(b"/"), buf[pos:pos + 64]
        buf = buf[carry:]
        if len(buf) > _MAX_TAG:
            raise _Refused("import_not_a_workbook")  # no spreadsheet program writes such a tag


_OOXML_TOKEN = re.compile(
    rb"<!--|<!\[CDATA\[|<\?|<!DOCTYPE"
    rb"|<" + _NS + rb"(row|c|sst|si)(?=[\s/>])"
    rb"|</" + _NS + rb"(row)\s*>"
    rb"|<[A-Za-z_][\w.:\-]*\s")
_R_ATTR = re.compile(rb"""(?:^|\s)r\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_UNIQUE_COUNT = re.compile(rb"""(?:^|\s)uniqueCount\s*=\s*["'](\d+)["']""")
_END_C = re.compile(rb"</" + _NS + rb"c\s*>")
_SPARE_STRINGS = 1_000_000  # room a declared shared-strings count may have over the strings present


def _scan_ooxml_member(open_member: Callable[[], io.BufferedIOBase], limits: Limits) -> int:
    """The cells of an .xlsx member (a sheet, or none) and its shared-strings count, checked."""
    with open_member() as stream:
        found = _fast_ooxml(stream.read)
    if found is None or found[0].area > limits.cells:
        # Something only the careful pass can follow; or a large area, which it measures without the
        # empty cells the fast pass counts (a formatted but empty cell far away is no danger).
        with open_member() as stream:
            found = _careful_ooxml(stream.read)
    shape, declared, strings = found
    shape.check(limits)
    if declared > strings + _SPARE_STRINGS:
        raise _Refused("import_not_a_workbook")
    return shape.area


# Spreadsheet programs write every cell as <c r="A1" ...>, with no namespace prefix, comments, CDATA
# or DOCTYPE: then one regular expression finds every cell's reference, five times faster than
# following the tags. Any other form, anywhere in the member, sends it to the careful pass. (Several
# plain searches: one regular expression with alternatives is slower than all of them together.)
_FAST_REF = re.compile(rb'<c r="([A-Za-z]*)([0-9]*)"')
_UNUSUAL = (re.compile(rb"<[!?]"), re.compile(rb":(?:c|si|sst|row)[\s>/]"), re.compile(rb"<c[>/\t\n\r]"))
_SI_STARTS = (b"<si>", b"<si ", b"<si/", b"<si\t", b"<si\n", b"<si\r")
_SST = re.compile(rb"<sst\s([^>]*)>")


def _fast_ooxml(read: Callable[[int], bytes]) -> tuple[_Shape, int, int] | None:
    """(the cells' shape, empty cells included; declared shared strings; strings present), or None
    when the member holds a form the fast pass does not follow."""
    columns: set[bytes] = set()
    low_row, high_row = None, -1
    declared = strings = 0
    in_strings = False  # strings count from the <sst> element on, as calamine reads them
    carry = b""
    first = True
    while True:
        chunk = read(_CHUNK)
        buf = carry + chunk
        last = buf.rfind(b"<")
        cut = last if chunk and last >= 0 else len(buf)  # a tag cut short waits for the next chunk
        part, carry = buf[:cut], buf[cut:]
        if len(carry) > _MAX_TAG:
            raise _Refused("import_not_a_workbook")
        if first and part.startswith(b"<?xml"):
            part = part[part.find(b"?>") + 2:]
        first = False
        if any(pattern.search(part) for pattern in _UNUSUAL):
            return None
        refs = _FAST_REF.findall(part)
        if len(refs) != part.count(b"<c "):
            return None
        if refs:
            columns.update({letters for letters, _ in refs})
            rows = list(map(_ref_row, (digits or b"0" for _, digits in refs)))
            low_row = min(rows) if low_row is None else min(low_row, min(rows))
            high_row = max(high_row, max(rows))
        if not in_strings:
            sst = _SST.search(part)
            if sst is not None:
                in_strings = True
                count = _attr(_UNIQUE_COUNT, sst.group(1))
                declared = int(count) if count else 0
        if in_strings:
            strings += sum(part.count(start) for start in _SI_STARTS)
        if not chunk:
            break
    shape = _Shape()
    if low_row is not None:
        col_numbers = [_ref_column(letters) for letters in columns]
        if low_row == 0 or min(col_numbers) == 0:
            return None  # calamine refuses such a reference; the careful pass follows it exactly
        shape.add(low_row - 1, min(col_numbers) - 1)
        shape.add(high_row - 1, max(col_numbers) - 1)
    return shape, declared, strings


def _careful_ooxml(read: Callable[[int], bytes]) -> tuple[_Shape, int, int]:
    """Follows rows and cells as calamine's xlsx reader does (it reads <x/> as <x></x>; a cell without
    r= takes the next column of the current row; a cell holding nothing is not kept)."""
    shape = _Shape()
    row = col = 0
    declared = strings = 0
    for name, attrs, closed, after in _xml_tokens(read, _OOXML_TOKEN):
        if name == b"c":
            ref = _attr(_R_ATTR, attrs)
            cell_row = row
            if ref is not None:
                position = _cell_ref(ref)
                if position is None:
                    continue  # calamine refuses the sheet
                cell_row, col = position
            if not closed and not _END_C.match(after):  # <c/> and <c ...></c> hold nothing
                shape.add(cell_row, col)
            col += 1
        elif name == b"row":
            position = _cell_ref(_attr(_R_ATTR, attrs) or b"", row_only=True)
            if position is not None:
                row = position[0]
            if closed:
                row, col = row + 1, 0
        elif name == b"/row":
            row, col = row + 1, 0
        elif name == b"si":
            strings += 1
        elif name == b"sst":
            count = _attr(_UNIQUE_COUNT, attrs)
            declared = int(count) if count else 0
    return shape, declared, strings


def _attr(pattern: re.Pattern, attrs: bytes) -> bytes | None:
    m = pattern.search(attrs)
    if m is None:
        return None
    return m.group(1) if m.group(1) is not None else m.group(2)


def _cell_ref(ref: bytes, row_only: bool = False) -> tuple[int, int] | None:
    """(row, col), 0-based, as calamine computes it; None where calamine fails (no row; no column
    unless `row_only`)."""
    m = _REF.fullmatch(ref)
    if m is None:
        return None
    row, col = _ref_row(m.group(2)), _ref_column(m.group(1))
    if row == 0 or (col == 0 and not row_only):
        return None
    return row - 1, col - 1


_REF = re.compile(rb"([A-Za-z]*)([0-9]+)")


def _ref_column(letters: bytes) -> int:
    """1-based, in calamine's 32-bit arithmetic (which wraps)."""
    col = 0
    for letter in letters:
        col = (col * 26 + (letter | 0x20) - 96) & 0xFFFFFFFF
    return col


def _ref_row(digits: bytes) -> int:
    row = int(digits)
    return row if row <= 0xFFFFFFFF else _wrapped_row(digits)


def _wrapped_row(digits: bytes) -> int:
    row = 0
    for digit in digits:
        row = (row * 10 + digit - 48) & 0xFFFFFFFF
    return row


_ODS_TOKEN = re.compile(
    rb"<!--|<!\[CDATA\[|<\?|<!DOCTYPE"
    rb"|<(table:table|table:table-row|table:table-cell|table:covered-table-cell)(?=[\s/>])"
    rb"|</(table:table|table:table-row)\s*>"
    rb"|<[A-Za-z_][\w.:\-]*\s")
_ROWS_REPEATED = re.compile(rb"""(?:^|\s)table:number-rows-repeated\s*=\s*["'](\d+)["']""")
_COLUMNS_REPEATED = re.compile(rb"""(?:^|\s)table:number-columns-repeated\s*=\s*["'](\d+)["']""")
_ODS_VALUE = re.compile(rb"(?:^|\s)(?:office:(?:value|string-value|date-value|time-value|boolean-value|value-type)"
                        rb"|table:formula)\s*=")
_ODS_FORMULA = re.compile(rb"(?:^|\s)table:formula\s*=")
_END_ODS_CELL = re.compile(rb"</table:(?:covered-)?table-cell\s*>")
_ODS_MAX_ROWS = 1_048_576     # calamine caps repeated rows and columns at these
_ODS_MAX_COLUMNS = 16_384


class _OdsTable:
    """One table:table followed as calamine's ods reader expands repeated rows and cells."""

    def __init__(self):
        self.rows = 0            # rows so far, repeats expanded
        self.top = None          # first and last-plus-one rows holding a value
        self.end = 0
        self.left = None
        self.right = -1
        self.formulas = False
        self.start_row()

    def start_row(self):
        self.repeat = 1
        self.pushed = 0          # cells calamine has pushed in this row (empty ones only before a value)
        self.pending = 0
        self.first = None
        self.last = -1

    def cell(self, repeat: int, value: bool):
        self.pushed += min(self.pending, _ODS_MAX_COLUMNS - self.pushed)
        self.pending = 0
        repeat = min(repeat, _ODS_MAX_COLUMNS - self.pushed)
        if not value:
            self.pending = repeat
            return
        if repeat > 0:
            if self.first is None:
                self.first = self.pushed
            self.pushed += repeat
            self.last = self.pushed - 1

    def end_row(self):
        repeat = min(self.repeat, _ODS_MAX_ROWS - self.rows)
        if self.first is not None:
            if self.top is None:
                self.top = self.rows
            self.end = self.rows + repeat
            self.left = self.first if self.left is None else min(self.left, self.first)
            self.right = max(self.right, self.last)
        self.rows += repeat
        self.start_row()

    def shape(self) -> _Shape:
        shape = _Shape()
        if self.top is not None:
            shape.add(self.top, self.left)
            shape.add(self.end - 1, self.right)
        return shape


def _scan_ods_member(open_member: Callable[[], io.BufferedIOBase], limits: Limits) -> int:
    """The cells every table of an .ods holds once repeats are expanded (calamine keeps them all)."""
    with open_member() as stream:
        return _ods_cells(stream.read, limits)


def _ods_cells(read: Callable[[int], bytes], limits: Limits) -> int:
    total = 0
    table = _OdsTable()

    def table_cells(table: _OdsTable) -> int:
        shape = table.shape()
        shape.check(limits)
        return shape.area * (2 if table.formulas else 1)  # and as many formula strings
    for name, attrs, closed, after in _xml_tokens(read, _ODS_TOKEN):
        if name in (b"table:table-cell", b"table:covered-table-cell"):
            repeat = _attr(_COLUMNS_REPEATED, attrs)
            value = bool(_ODS_VALUE.search(attrs)) or not (closed or _END_ODS_CELL.match(after))
            table.formulas = table.formulas or bool(_ODS_FORMULA.search(attrs))
            table.cell(int(repeat) if repeat else 1, value)
        elif name == b"table:table-row":
            table.start_row()
            repeat = _attr(_ROWS_REPEATED, attrs)
            table.repeat = int(repeat) if repeat else 1
            if closed:
                table.end_row()
        elif name == b"/table:table-row":
            table.end_row()
        elif name == b"table:table":
            total += table_cells(table)
            table = _OdsTable()
        elif name == b"/table:table":
            total += table_cells(table)
            table = _OdsTable()
            _check_total(total, limits)
    return total + table_cells(table)


def _scan_xlsb_member(open_member: Callable[[], io.BufferedIOBase], limits: Limits) -> int:
    with open_member() as stream:
        return _xlsb_cells(stream.read, limits)


def _xlsb_cells(read: Callable[[int], bytes], limits: Limits) -> int:
    """BIFF12 records, followed as calamine's xlsb reader does: cells between BrtBeginSheetData and
    BrtEndSheetData, each at the last row header's row and the column in its first four bytes."""
    records = _Records(read)
    shape = _Shape()
    head = bytearray(4)  # calamine reuses one buffer: a record shorter than 4 bytes leaves the rest stale
    in_data = False
    row = 0
    for typ, data in records:
        head[:min(len(data), 4)] = data[:4]
        if not in_data:
            in_data = typ == 0x0091
            continue
        if typ == 0x0092:
            break
        if typ == 0x0000:
            row = struct.unpack_from("<I", head)[0]
            if row > 0x100000:
                break
        elif 0x0002 <= typ <= 0x000A:
            shape.add(row, struct.unpack_from("<I", head)[0])
    shape.check(limits)
    return shape.area


class _Records:
    """BIFF12 record stream: a 1-2 byte type and a 1-4 byte length, both 7 bits a byte."""

    def __init__(self, read: Callable[[int], bytes]):
        self.read = read
        self.buf = bytearray()
        self.pos = 0

    def _have(self, count: int) -> bool:
        while len(self.buf) - self.pos < count:
            chunk = self.read(_CHUNK)
            if not chunk:
                return False
            del self.buf[:self.pos]
            self.pos = 0
            self.buf += chunk
        return True

    def _byte(self) -> int | None:
        if not self._have(1):
            return None
        self.pos += 1
        return self.buf[self.pos - 1]

    def __iter__(self) -> Iterator[tuple[int, bytes]]:
        while True:
            first = self._byte()
            if first is None:
                return
            typ = first
            if first & 0x80:
                second = self._byte()
                if second is None:
                    return
                typ = (first & 0x7F) + ((second & 0x7F) << 7)
            size = 0
            for shift in (0, 7, 14, 21):
                byte = self._byte()
                if byte is None:
                    return
                size += (byte & 0x7F) << shift
                if not byte & 0x80:
                    break
            if not self._have(size):
                return  # truncated: calamine fails on it too
            data = bytes(self.buf[self.pos:self.pos + size])
            self.pos += size
            yield typ, data


# .xls: a compound file (OLE) holding the BIFF8 "Workbook" stream.
_FREE = 0xFFFFFFFA  # sector ids from here on are markers (end of chain, free, FAT, DIFAT)
_MINI_CUTOFF = 4096


def _check_xls(data: bytes, limits: Limits) -> None:
    try:
        streams = _Compound(data).streams(("workbook", "book"))
        cost = sum(_biff_cost(stream, limits) for stream in streams)
    except (struct.error, IndexError, ValueError):
        raise _Refused("import_not_a_workbook") from None
    _check_total(cost, limits)


class _Compound:
    """A compound file (OLE), read as far as its streams; its header is checked first, because
    calamine sizes its first allocations by the header's fields alone."""

    def __init__(self, data: bytes):
        if len(data) < 512 or data[:8] != _OLE_MAGIC:
            raise ValueError("not a compound file")
        shift, mini_shift = struct.unpack_from("<HH", data, 30)
        if shift not in (9, 12) or mini_shift != 6:
            raise ValueError("sector size")
        self.data, self.size = data, 1 << shift
        self.count = max(len(data) // self.size - 1, 1)  # sectors after the header
        fat_sectors, self.dir_start = struct.unpack_from("<II", data, 44)
        self.mini_fat_start, _, self.difat_start, difat_sectors = struct.unpack_from("<IIII", data, 60)
        # calamine reserves room for fat_sectors entries, and for as many as the u32 at offset 62 says
        # (where it reads the DIFAT length from).
        quirk = struct.unpack_from("<I", data, 62)[0]
        if fat_sectors > self.count or difat_sectors > self.count or quirk > 16 * MB:
            raise _Refused("import_not_a_workbook")
        self.fat = self._fat()

    def sector(self, index: int) -> bytes:
        start = (index + 1) * self.size
        if index >= _FREE or start >= len(self.data):
            raise ValueError("sector beyond the file")
        return self.data[start:start + self.size].ljust(self.size, b"\0")

    def _numbers(self, raw: bytes) -> list[int]:
        return list(struct.unpack(f"<{len(raw) // 4}I", raw[:len(raw) // 4 * 4]))

    def _fat(self) -> list[int]:
        difat = self._numbers(self.data[76:512])
        seen, index = set(), self.difat_start
        while index < _FREE:
            if index in seen or len(seen) > self.count:
                raise ValueError("DIFAT loop")
            seen.add(index)
            entries = self._numbers(self.sector(index))
            difat.extend(entries[:-1])
            index = entries[-1]
        return [n for index in difat if index < _FREE for n in self._numbers(self.sector(index))]

    def chain(self, start: int, table: list[int], read: Callable[[int], bytes]) -> bytes:
        parts, seen, index = [], set(), start
        while index < _FREE:
            if index in seen or index >= len(table):
                raise ValueError("bad chain")
            seen.add(index)
            parts.append(read(index))
            index = table[index]
        return b"".join(parts)

    def entries(self) -> list[tuple[str, bytes]]:
        """(name in lower case, the 128-byte entry) for each directory entry, the root first."""
        directory = self.chain(self.dir_start, self.fat, self.sector)
        found = []
        for i in range(0, len(directory) - 127, 128):
            entry = directory[i:i + 128]
            name_len = min(struct.unpack_from("<H", entry, 64)[0], 64)
            found.append((entry[:max(name_len - 2, 0)].decode("utf-16-le", "replace").lower(), entry))
        if not found:
            raise ValueError("no directory")
        return found

    def names(self) -> set[str]:
        return {name for name, _ in self.entries()}

    def streams(self, names: tuple[str, ...]) -> list[bytes]:
        """Every stream so named (case aside): a hostile file may hold two."""
        entries = self.entries()
        found = []
        for name, entry in entries[1:]:
            if entry[66] == 2 and name in names:
                start, length = struct.unpack_from("<II", entry, 116)
                found.append(self._stream(entries[0][1], start, length))
        return found

    def _stream(self, root: bytes, start: int, length: int) -> bytes:
        if length >= _MINI_CUTOFF:
            return self.chain(start, self.fat, self.sector)[:length]
        # Small streams live in the mini stream (the root entry's), in 64-byte sectors.
        root_start, root_size = struct.unpack_from("<II", root, 116)
        mini_stream = self.chain(root_start, self.fat, self.sector)[:root_size]
        mini_fat = self._numbers(self.chain(self.mini_fat_start, self.fat, self.sector))
        return self.chain(start, mini_fat, lambda i: mini_stream[i * 64:i * 64 + 64])[:length]


_BIFF_CELLS = frozenset((0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD, 0x0006))


def _biff_records(stream: bytes, pos: int) -> Iterator[tuple[int, bytes]]:
    while pos + 4 <= len(stream):
        typ, length = struct.unpack_from("<HH", stream, pos)
        if pos + 4 + length > len(stream):
            return  # calamine stops with an error here
        yield typ, stream[pos + 4:pos + 4 + length]
        pos += 4 + length


def _biff_cost(stream: bytes, limits: Limits) -> int:
    """The cells calamine allocates when it opens the workbook: every sheet's value and formula
    rectangles (kept), and the largest room a DIMENSIONS record makes it reserve (freed per sheet)."""
    positions = []
    for typ, data in _biff_records(stream, 0):
        if typ == 0x0085 and len(data) >= 4:  # BoundSheet8: where the sheet's records start
            positions.append(struct.unpack_from("<I", data)[0])
        elif typ == 0x000A:
            break
    kept, reserved = 0, 0
    for pos in positions:
        if pos > len(stream):
            raise ValueError("sheet beyond the stream")  # calamine panics on this one
        values, formulas, dims = _biff_sheet(stream, pos)
        values.check(limits)
        kept += values.area + formulas.area
        reserved = max(reserved, dims)
    return kept + reserved


def _biff_sheet(stream: bytes, pos: int) -> tuple[_Shape, _Shape, int]:
    values, formulas = _Shape(), _Shape()
    dims = 0
    seen_bof, depth = False, 0
    for typ, data in _biff_records(stream, pos):
        if depth:
            depth += {0x0809: 1, 0x000A: -1}.get(typ, 0)
            continue
        if typ == 0x0809:  # BOF: the sheet's own, then those of charts embedded in it
            if seen_bof:
                depth += 1
            seen_bof = True
        elif typ == 0x000A:
            break
        elif typ == 0x0200:
            dims = max(dims, _biff_dimensions(data))
        elif typ in _BIFF_CELLS and len(data) >= 4:
            row, col = struct.unpack_from("<HH", data)
            values.add(row, col)
            if typ == 0x0006:
                formulas.add(row, col)
        elif typ == 0x00BD and len(data) >= 6:  # MulRk: a run of numbers in one row
            row, first = struct.unpack_from("<HH", data)
            values.add(row, first)
            values.add(row, first + max((len(data) - 6) // 6 - 1, 0))
    return values, formulas, dims


def _biff_dimensions(data: bytes) -> int:
    """The cells calamine reserves for a DIMENSIONS record, with its arithmetic (32-bit, wrapping)."""
    if len(data) == 10:
        first_row, last_row, first_col, last_col = struct.unpack_from("<HHHH", data)
    elif len(data) == 14:
        first_row, last_row, first_col, last_col = struct.unpack_from("<IIHH", data)
    else:
        return 0
    if first_col > 0xFF or last_col < first_col:
        first_col = 0
    if last_row < 1 or last_col < 1:
        return 1
    return ((last_row - first_row) & 0xFFFFFFFF) * ((last_col - first_col) & 0xFFFFFFFF)


def _is_encrypted_package(path: Path, limits: Limits) -> bool:
    """An .xlsx with an opening password is a compound file holding an 'EncryptedPackage' stream."""
    try:
        return "encryptedpackage" in _Compound(_read_bytes(path, limits)).names()
    except (_Refused, struct.error, IndexError, ValueError):
        return False


# --- Workbooks, through calamine ------------------------------------------------------------------------

@contextmanager
def _calamine(path: Path) -> Iterator[CalamineWorkbook]:
    with _calamine_errors(path):
        book = CalamineWorkbook.from_path(str(path))
    try:
        yield book
    finally:
        book.close()


@contextmanager
def _calamine_errors(path: Path):
    """calamine's exceptions (and a Rust panic, which pyo3 raises as a BaseException) as UnsafeFile."""
    try:
        yield
    except UnsafeFile:
        raise
    except PasswordError:
        raise _refusal("import_password", path) from None
    except OSError:
        raise _refusal("import_unreadable", path) from None
    except Exception:
        raise _refusal("import_not_a_workbook", path) from None
    except BaseException as error:
        if type(error).__name__ != "PanicException":
            raise
        raise _refusal("import_not_a_workbook", path) from None


def _visible_sheets(book: CalamineWorkbook) -> list[str]:
    """Worksheets the officer can see; all worksheets if calamine says none is visible."""
    sheets = [m for m in book.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
    visible = [m.name for m in sheets if m.visible == SheetVisibleEnum.Visible]
    return visible or [m.name for m in sheets] or list(book.sheet_names)


def _read_calamine_sheet(book: CalamineWorkbook, name: str, limits: Limits, path: Path) -> SheetTable:
    cap = limits.rows + HEADER_MARGIN
    with _calamine_errors(path):
        sheet = book.get_sheet_by_name(name)
        # Rows from A1 (not from the first non-empty cell) so indices are the sheet's own.
        rows = sheet.to_python(skip_empty_area=False, nrows=cap)
        end = sheet.end
    table = _table(name, rows, limits)
    table.truncated = end is not None and end[0] + 1 > cap  # calamine's range ends at a non-empty cell
    return table


# --- Shaping rows into a SheetTable ---------------------------------------------------------------------

def _table(name: str, raw_rows: Iterable[list], limits: Limits) -> SheetTable:
    """Cells converted, columns and long cells cut, rows padded; reading stops after the cap (Limits.rows
    and the header margin), and `truncated` says whether a non-empty row was left."""
    rows = iter(raw_rows)
    table = SheetTable(name=name, rows=[])
    for raw in islice(rows, limits.rows + HEADER_MARGIN):
        if len(raw) > limits.columns:
            if any(_cell(v) is not None for v in raw[limits.columns:]):
                table.columns_cut = True
            raw = raw[:limits.columns]
        row = [_cell(v) for v in raw]
        for col, value in enumerate(row):
            if isinstance(value, str) and len(value) > limits.cell_chars:
                row[col] = value[:limits.cell_chars]
                table.long_cells.append((len(table.rows), col))
        table.rows.append(row)
    table.truncated = any(any(_cell(v) is not None for v in raw) for raw in rows)
    _square(table.rows)
    return table


def _cell(value):
    if isinstance(value, str):
        if "\x00" in value:
            value = value.replace("\x00", "")
        return value or None
    if isinstance(value, datetime.timedelta):
        return _duration(value)
    return value


def _duration(value: datetime.timedelta):
    """A [h]:mm cell: a time of day when under 24 hours, else hours:minutes:seconds as text."""
    if datetime.timedelta(0) <= value < datetime.timedelta(days=1):
        return (datetime.datetime.min + value).time()
    seconds = int(value.total_seconds())
    sign, seconds = ("-", -seconds) if seconds < 0 else ("", seconds)
    return f"{sign}{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def _square(rows: list[list]) -> None:
    """Trailing empty rows dropped, trailing columns empty in every row dropped, the rest padded."""
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    width = 0
    for row in rows:
        used = len(row)
        while used > width and row[used - 1] is None:
            used -= 1
        width = max(width, used)
    for i, row in enumerate(rows):
        if len(row) > width:
            rows[i] = row[:width]
        elif len(row) < width:
            row.extend([None] * (width - len(row)))


# --- Text files: CSV, TSV, and HTML or CSV saved as .xls ------------------------------------------------

def _read_text_file(path: Path, limits: Limits) -> SheetTable:
    data = _read_bytes(path, limits)
    in_xls = path.suffix.lower() == ".xls"
    try:
        text, encoding = _decode(data, path)
    except UnsafeFile:
        if in_xls:  # no text at all: a damaged workbook, not a CSV in the wrong encoding
            raise _refusal("import_not_a_workbook", path) from None
        raise
    if in_xls:
        _check_text_in_xls(text, path)
    text = text.replace("\x00", "")
    if in_xls and _looks_like_html(text):
        table = _table("", _html_rows(text), limits)
    else:
        table = _read_csv_text(text, path, limits)
    table.encoding = encoding
    return table


def _read_csv_text(text: str, path: Path, limits: Limits) -> SheetTable:
    delimiter = "\t" if path.suffix.lower() == ".tsv" else _guess_delimiter(text[:64 * 1024])
    # A field may be as long as the file (an unclosed quote); the cell is then cut and listed.
    if csv.field_size_limit() < limits.file_bytes:
        csv.field_size_limit(limits.file_bytes)
    records = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        table = _table("", records, limits)
    except csv.Error:
        raise _refusal("import_not_a_workbook", path) from None
    return table


def _guess_delimiter(sample: str) -> str:
    """The candidate that splits the first lines into the same number (> 1) of fields most often;
    comma when none does (a single column).

    Not csv.Sniffer: it gives up on ordinary files (rows with empty trailing fields), and its
    quote-finding regular expression is quadratic — 48 KB of crafted text took it 3 s."""
    cut = max(sample.rfind("\n"), sample.rfind("\r"))
    if cut > 0:
        sample = sample[:cut]
    best, best_score = ",", (0, 0)
    for delimiter in _DELIMITERS:
        try:
            counts = [len(r) for r in islice(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter), 100)
                      if any(r)]
        except csv.Error:
            continue
        if not counts:
            continue
        fields, lines = Counter(counts).most_common(1)[0]
        if fields > 1 and (lines, fields) > best_score:
            best, best_score = delimiter, (lines, fields)
    return best


def _check_text_in_xls(text: str, path: Path) -> None:
    """A non-OLE .xls is read only if it really is text (HTML or delimited), not some binary."""
    sample = text[:64 * 1024]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n")
    if not sample.strip() or controls > len(sample) // 100:
        raise _refusal("import_not_a_workbook", path)
    if sample.lstrip()[:5].lower() == "<?xml" and "urn:schemas-microsoft-com:office:spreadsheet" in sample:
        raise _refusal("import_not_a_workbook", path)  # Excel 2003 XML: save it as .xlsx first


def _looks_like_html(text: str) -> bool:
    head = text[:64 * 1024].lstrip().lower()
    return head.startswith("<") and "<table" in text[:4 * MB].lower()


class _HtmlRows(HTMLParser):
    """<tr>/<td>/<th> of an HTML page, as old web systems export 'Excel' files. Cell text has HTML's
    whitespace collapsed, <br> kept as a line break; a colspan leaves empty cells after the text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.span = 1

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self._end_row()
            self.row = []
        elif tag in ("td", "th"):
            self._end_cell()
            if self.row is None:
                self.row = []
            self.cell = []
            span = dict(attrs).get("colspan") or "1"
            self.span = min(int(span), 1000) if span.isdigit() and int(span) > 0 else 1
        elif tag == "br" and self.cell is not None:
            self.cell.append("\n")

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self._end_cell()
        elif tag in ("tr", "table"):
            self._end_row()

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)

    def _end_cell(self):
        if self.cell is not None and self.row is not None:
            lines = "".join(self.cell).split("\n")
            self.row.append("\n".join(" ".join(line.split()) for line in lines).strip("\n"))
            self.row.extend([""] * (self.span - 1))
        self.cell = None

    def _end_row(self):
        self._end_cell()
        if self.row is not None:
            self.rows.append(self.row)
        self.row = None


def _html_rows(text: str) -> list[list[str]]:
    parser = _HtmlRows()
    parser.feed(text)
    parser.close()
    parser._end_row()
    return parser.rows


# --- Encodings ------------------------------------------------------------------------------------------

_BOMS = ((codecs.BOM_UTF32_LE, "utf_32"), (codecs.BOM_UTF32_BE, "utf_32"), (codecs.BOM_UTF8, "utf_8_sig"),
         (codecs.BOM_UTF16_LE, "utf_16"), (codecs.BOM_UTF16_BE, "utf_16"))
_BIG5_FAMILY = ("big5", "cp950", "big5hkscs")  # Taiwan's base set, Microsoft's additions, Hong Kong's
_SCORED_CHARS = 20_000  # non-ASCII characters enough to tell GB18030 from Big5
_SCORED_SPAN = 4 * MB   # how far into the text they are looked for (a list may be mostly digits)
_PLAUSIBLE = 0.6        # share of common characters a CJK decoding must reach to be believed


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    """(text, encoding): BOM, strict UTF-8, GB18030 against Big5, then charset-normalizer."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data, encoding)
            if text is not None:
                return text.lstrip("\ufeff"), encoding
            break
    text = _strict(data, "utf_8")
    if text is not None:
        return text, "utf_8"
    guess = _chinese(data)
    if guess is not None:
        return guess
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise _refusal("import_encoding", path)
    for encoding in _widened(best.encoding):
        text = _strict(data, encoding)
        if text is not None:
            return text, encoding
    return str(best), best.encoding


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _widened(encoding: str) -> tuple[str, ...]:
    """charset-normalizer's name (as Python's codecs spell it), GB encodings widened to GB18030 (their
    superset) and the Big5 variants tried from the base set up."""
    name = codecs.lookup(encoding).name.replace("-", "_")
    if name in ("gbk", "gb2312"):
        return ("gb18030",)
    if name in _BIG5_FAMILY:
        return _BIG5_FAMILY
    return (name,)


def _chinese(data: bytes) -> tuple[str, str] | None:
    """GB18030 or Big5, whichever decodes strictly into more common characters; None if neither
    yields mostly common Chinese characters (then it is some other encoding)."""
    candidates = []
    simplified = _strict(data, "gb18030")
    if simplified is not None:
        candidates.append((_common_share(simplified, _common_simplified()), 1, simplified, "gb18030"))
    for encoding in _BIG5_FAMILY:
        traditional = _strict(data, encoding)
        if traditional is not None:
            candidates.append((_common_share(traditional, _common_traditional()), 0, traditional, encoding))
            break
    if not candidates:
        return None
    share, _, text, encoding = max(candidates)  # on a tie GB18030 (ranked 1): the mainland is most senders
    if share < _PLAUSIBLE:
        return None
    return text, encoding


def _common_share(text: str, common: frozenset[str]) -> float:
    """The share of the (first 20,000) non-ASCII characters that are common characters or CJK punctuation."""
    chars = _NON_ASCII.findall(text, 0, _SCORED_SPAN)[:_SCORED_CHARS]
    if not chars:
        return 0.0
    hits = sum(1 for ch in chars if ch in common or ch in _PUNCTUATION or "\u3000" <= ch <= "\u303f"
               or "\uff00" <= ch <= "\uffef")
    return hits / len(chars)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_PUNCTUATION = frozenset("“”‘’…—·")


@lru_cache(maxsize=1)
def _common_simplified() -> frozenset[str]:
    """GB 2312 level 1 (rows 16-55): the 3,755 most used simplified characters."""
    return frozenset(_decoded_range("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF)))


@lru_cache(maxsize=1)
def _common_traditional() -> frozenset[str]:
    """Big5 常用字 (0xA440-0xC67E): the 5,401 most used traditional characters."""
    chars = _decoded_range("big5", range(0xA4, 0xC7), chain(range(0x40, 0x7F), range(0xA1, 0xFF)))
    return frozenset(chars) - frozenset(_decoded_range("big5", [0xC6], range(0x7F, 0xFF)))


def _decoded_range(encoding: str, leads: Iterable[int], trails: Iterable[int]) -> set[str]:
    trails = list(trails)
    chars = set()
    for lead in leads:
        for trail in trails:
            text = _strict(bytes((lead, trail)), encoding)
            if text is not None and len(text) == 1:
                chars.add(text)
    return chars
