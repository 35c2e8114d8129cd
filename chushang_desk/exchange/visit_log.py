"""The visit log (走访记录) as an Excel workbook for the bureau, from the visit list or the command line.

Writer: XlsxWriter in constant_memory mode, chosen by bench/bench_export.py: writing the same
100,000 visit rows (14 columns) side by side on 2 CPUs, XlsxWriter took 5.3 s at 58 MB peak RSS and
openpyxl's write-only mode 9.8 s at the same memory. So XlsxWriter writes; openpyxl only reads.
Read and written in one process the export took 7.7 s (the query ~2 s of it, 1.45 x XlsxWriter alone);
with the rows read by a child process while this one writes (visit_log_reader), 6.3 s (1.13-1.18 x,
load ~1 on 2 CPUs), at the price of ~1 s more CPU in all (a second interpreter, pickling).

Every text cell goes through `write_string`, so text that begins with = + - @ stays text and never
becomes a formula. Nothing is cut or lost (visit_log_cells): text too long for a cell keeps its
beginning and a reference there and goes whole, in pieces, to the second sheet "长文本"; characters XML
cannot carry become U+FFFD; a row with odd stored values is written with them as text. The workbook
is moved into place only when complete, and its temporary data is never plain text on disk
(export_scratch): a cancelled, failed or killed export leaves no partial file (and an older file intact).

The log lists the newest visit first, as the visit list does, and prints as it is: landscape A4, one
page wide (the columns' widths are chosen for that), the column headers on every page, and in the
footer who exported it when, and the page number of the page count.
"""
from __future__ import annotations

import getpass
import sys
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, NamedTuple

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError
from sqlalchemy.orm import Session

from ..db.engine import DB_FILENAME
from ..services.disk_full import is_disk_full
from ..services.messages import render
from ..services.profile import Profile, open_profile
from ..services.reference import name_lookup
from ..services.sync_status import all_state, is_signed_in
from ..services.validation import BadDate, parse_date
from ..services.visit_log import count_visit_log, iter_visit_log
from ..services.visits import VisitQuery
from .export_leftovers import SCRATCH_FOLDER, profile_scratch, remove_profile_leftovers  # noqa: F401 (API)
from .export_scratch import ExportScratch, SealedWorksheet, remove_export_leftovers
from .visit_log_cells import EXCEL_CELL_LIMIT, SheetBatch, fits_a_cell, pieces, sheet_batch
from .visit_log_reader import VisitLogReader

Progress = Callable[[int, int], None]

TEXT, DATE, AMOUNT = "text", "date", "amount"
TITLE_ROW, HEADER_ROW, FIRST_DATA_ROW = 0, 1, 2
MIN_WIDTH, DATE_WIDTH, PADDING = 6, 10, 2  # a column is as wide as its widest text, plus PADDING
# Points per line of wrapped text, and the most Excel allows a row. A text taller than that (a long
# minutes) shows its beginning in print; the cell still holds all of it.
LINE_HEIGHT, MAX_ROW_HEIGHT = 16.5, 409
A4 = 9  # XlsxWriter's (and Excel's) paper code


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = TEXT
    limit: int = 12  # the widest the column gets (CJK counts 2); longer text wraps within it


# In the order of services.visit_log.VisitLogRow. The limits add up to what fits a landscape A4 page
# at a scale that still reads (~55 %); the free texts get the room.
COLUMNS = (
    Column("走访日期", DATE), Column("联络站", limit=16), Column("联络员"), Column("走访方式", limit=10),
    Column("走访对象（单位 职务）", limit=22), Column("组织", limit=14), Column("地点", limit=10),
    Column("事由", limit=18), Column("纪要", limit=34), Column("意向产业", limit=10),
    Column("意向金额（万元）", AMOUNT, limit=16), Column("意向说明", limit=18), Column("跟进事项", limit=22),
    Column("下次联系日期", DATE),
)


TEXT_COLUMNS = tuple(i for i, c in enumerate(COLUMNS) if c.kind == TEXT)
LONG_SHEET = "长文本"
LONG_HEADERS = ("走访记录表行号", "列", "段", "内容")


class ExportReport(NamedTuple):
    """What an export wrote: visits, rows with odd stored values (written as text), and texts too long
    for one cell (continued on the 长文本 sheet)."""

    visits: int
    odd_rows: int = 0
    long_texts: int = 0


def display_width(text: str) -> int:
    """Columns a text needs in Excel: a CJK character is as wide as two Latin ones.

    UTF-8 spends 3 bytes on a CJK character and 1 on ASCII, so the byte count gives the width without a
    Python loop per character (the export measures every cell of 100,000 rows).
    """
    length = len(text)
    return length + (len(text.encode("utf-8")) - length) // 2


def period_label(date_from: date | None, date_to: date | None) -> str:
    """（2025-01-01 至 2025-12-31）, （2025-01-01 起）, （截至 2025-12-31）, or '' for all dates."""
    if date_from and date_to:
        return f"（{date_from.isoformat()} 至 {date_to.isoformat()}）"
    if date_from:
        return f"（{date_from.isoformat()} 起）"
    if date_to:
        return f"（截至 {date_to.isoformat()}）"
    return ""


def workbook_title(station_name: str, query: VisitQuery) -> str:
    """长三角楚商联络站走访记录（2025-01-01 至 2025-12-31）; 全部联络站走访记录 for every station and date."""
    return f"{station_name or '全部联络站'}走访记录{period_label(query.date_from, query.date_to)}"


@dataclass(frozen=True)
class Exported:
    """Who exported the log and when (local time), for the printed footer and the file's properties."""

    by: str
    at: datetime

    def label(self) -> str:
        """刘一 导出于 2025-03-14 09:30 (without a name when none is known)."""
        when = f"导出于 {self.at:%Y-%m-%d %H:%M}"
        return f"{self.by} {when}" if self.by else when


def exported_now(session: Session) -> Exported:
    return Exported(exporting_officer(session), datetime.now().astimezone())


def exporting_officer(session: Session) -> str:
    """The signed-in officer's name, else the computer's user name."""
    state = all_state(session)
    if is_signed_in(state):
        return state["display_name"] or state["user"]
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no user name in the environment nor the password database
        return ""


def default_file_name(query: VisitQuery) -> str:
    """走访记录_2025-01-01_2025-12-31.xlsx, the name the save dialog proposes."""
    parts = ["走访记录"]
    if query.date_from or query.date_to:
        parts += [query.date_from.isoformat() if query.date_from else "", query.date_to.isoformat() if query.date_to else ""]
    return "_".join(parts) + ".xlsx"


class _VisitLogSheet:
    """One worksheet written row by row (constant memory); widths are set from what was written. Texts
    too long for a cell go to a second sheet, made when the first one comes."""

    def __init__(self, output, spools: str, title: str, exported: Exported):
        self.book = xlsxwriter.Workbook(
            output,
            {"constant_memory": True, "tmpdir": spools, "strings_to_formulas": False, "strings_to_urls": False},
        )
        self.book.set_properties({"title": title, "author": exported.by,
                                  "created": exported.at.astimezone(timezone.utc).replace(tzinfo=None)})
        self.exported = exported
        self.sheet = self.book.add_worksheet("走访记录", SealedWorksheet)
        self.long_sheet = None
        self.row, self.long_row = FIRST_DATA_ROW, 1
        self.odd_rows = self.long_texts = 0
        self.widths = [min(display_width(c.header), c.limit) for c in COLUMNS]
        self._formats()
        self._title_and_header(title)
        _print_setup(self.sheet, title, exported, HEADER_ROW)

    def _formats(self) -> None:
        book = self.book
        self.title_format = book.add_format({"bold": True, "font_size": 14})
        self.header_format = book.add_format(
            {"bold": True, "bg_color": "#DDEBF7", "border": 1, "valign": "vcenter", "text_wrap": True})
        self.date_format = book.add_format({"num_format": "yyyy-mm-dd", "valign": "top"})
        self.amount_format = book.add_format({"num_format": "#,##0.00", "valign": "top"})
        # Text cells carry no format of their own: the default format (XlsxWriter's documented
        # workbook.formats[0]) aligns them to the top and wraps them within their column's width, and
        # XlsxWriter writes a style attribute less per cell.
        book.formats[0].set_align("top")
        book.formats[0].set_text_wrap()
        self.text_format = None
        self.wrap_format = book.add_format({"text_wrap": True, "valign": "top"})
        self.note_format = book.add_format({"text_wrap": False})  # a line below the log, across the columns

    def _title_and_header(self, title: str) -> None:
        last = len(COLUMNS) - 1
        self.sheet.merge_range(TITLE_ROW, 0, TITLE_ROW, last, "", self.title_format)
        self.sheet.write_string(TITLE_ROW, 0, title, self.title_format)
        self.sheet.set_row(TITLE_ROW, 24)
        for col, column in enumerate(COLUMNS):
            self.sheet.write_string(HEADER_ROW, col, column.header, self.header_format)
        self.sheet.freeze_panes(FIRST_DATA_ROW, 0)

    def write_batch(self, batch: SheetBatch) -> None:
        """A batch as sheet_batch makes it; a row with too-long texts gets them right after its cells,
        while it is still XlsxWriter's current row."""
        rows = batch.rows
        if batch.long_cells:
            long_by_row: dict[int, list] = {}
            for index, col, text in batch.long_cells:
                long_by_row.setdefault(index, []).append((col, text))
            start = 0
            for index in sorted(long_by_row):
                self._write_rows(rows[start:index + 1])
                for col, text in long_by_row[index]:
                    self._write_long(self.row - 1, col, text)
                start = index + 1
            self._write_rows(rows[start:])
        else:
            self._write_rows(rows)
        self.odd_rows += batch.odd
        self.sheet.forget_rows_before(self.row - 1)
        self.sheet.seal()
        if self.long_sheet is not None:
            self.long_sheet.seal()

    def _write_rows(self, rows) -> None:
        """Text as text, dates and the amount as numbers in their formats (a date or amount that comes
        as text, see visit_log_cells, as text in the same format); a row whose text wraps as tall as
        its lines.

        A date arrives as its Excel serial number and goes into a yyyy-mm-dd cell, which is what
        write_datetime writes too, minus its per-cell datetime arithmetic (a tenth of a 100,000-visit export).
        """
        write_string, write_number, set_row = self.sheet.write_string, self.sheet.write_number, self.sheet.set_row
        formats = [self._cell_format(c) for c in COLUMNS]
        texts = [c.kind == TEXT for c in COLUMNS]
        widths, lines_of = self.widths, self._lines
        for values in rows:
            r, lines = self.row, 1
            for col, value in enumerate(values):
                if value is None or value == "":
                    continue
                if texts[col]:
                    write_string(r, col, value, formats[col])
                    # Only a text that may be wider than its column so far, or has line breaks, is measured.
                    if len(value) * 2 > widths[col] or "\n" in value:
                        taken = lines_of(col, value)
                        if taken > lines:
                            lines = taken
                elif value.__class__ is str:
                    write_string(r, col, value, formats[col])
                else:
                    write_number(r, col, value, formats[col])
            if lines > 1:
                set_row(r, min(lines * LINE_HEIGHT, MAX_ROW_HEIGHT))
            self.row += 1

    def _lines(self, col: int, text: str) -> int:
        """The lines `text` takes in its column, which is widened to it up to the column's limit.

        Neither Excel nor LibreOffice sizes a row to its wrapped text when it opens a file (LibreOffice
        printed one line of every minutes), so the writer does, for Excel's CJK glyphs (two width
        units each; LibreOffice's are narrower and leave some space below). Counted against the limit:
        a column ends up narrower only when none of its texts is wider, and then none of them wraps.
        """
        limit = COLUMNS[col].limit
        room = limit + PADDING
        if "\n" not in text:  # most texts: one paragraph
            size = len(text)
            size += (len(text.encode("utf-8")) - size) // 2  # display_width, inline: once per long text
            if size > self.widths[col]:
                self.widths[col] = min(size, limit)
            return -(-size // room) if size > room else 1
        sizes = [display_width(p) for p in text.split("\n")]
        widest = min(max(sizes), limit)
        if widest > self.widths[col]:
            self.widths[col] = widest
        return sum(max(1, -(-size // room)) for size in sizes)

    def _write_long(self, row: int, col: int, text: str) -> None:
        """The text's beginning and where the rest is in the cell; the whole text, in pieces, on the
        长文本 sheet, one piece a row: joining a cell's pieces in order gives the text back."""
        parts = pieces(text)
        first, last = self.long_row + 1, self.long_row + len(parts)  # 1-based, as Excel numbers rows
        note = f"……［全文 {len(text):,} 字，超过 Excel 单元格 {EXCEL_CELL_LIMIT:,} 字的上限，分 {len(parts)} 段见“{LONG_SHEET}”表第 {first}–{last} 行］"
        head = text[:EXCEL_CELL_LIMIT - len(note)]
        while not fits_a_cell(head + note):
            head = head[: len(head) * 3 // 4]
        self.sheet.write_string(row, col, head + note, self._cell_format(COLUMNS[col]))
        self.sheet.set_row(row, MAX_ROW_HEIGHT)
        self.widths[col] = COLUMNS[col].limit
        sheet = self._long_sheet()
        for number, part in enumerate(parts, 1):
            sheet.write_number(self.long_row, 0, row + 1)
            sheet.write_string(self.long_row, 1, COLUMNS[col].header)
            sheet.write_string(self.long_row, 2, f"{number}/{len(parts)}")
            sheet.write_string(self.long_row, 3, part, self.wrap_format)
            self.long_row += 1
        self.long_texts += 1

    def _long_sheet(self):
        if self.long_sheet is None:
            self.long_sheet = self.book.add_worksheet(LONG_SHEET, SealedWorksheet)
            for col, header in enumerate(LONG_HEADERS):
                self.long_sheet.write_string(0, col, header, self.header_format)
            self.long_sheet.set_column(0, 2, 14)
            self.long_sheet.set_column(3, 3, 100)
            self.long_sheet.freeze_panes(1, 0)
            _print_setup(self.long_sheet, LONG_SHEET, self.exported, 0)
        return self.long_sheet

    def _cell_format(self, column: Column):
        if column.kind == DATE:
            return self.date_format
        if column.kind == AMOUNT:
            return self.amount_format
        return self.text_format

    def close(self, parts_folder: str) -> None:
        """Column widths and the filter need the whole log, and constant_memory allows both at the end;
        so does the note below the log saying what was continued or written as stored. XlsxWriter
        writes the package's parts to `parts_folder` first."""
        for col, column in enumerate(COLUMNS):
            self.sheet.set_column(col, col, self._width(column, self.widths[col]))
        self.sheet.autofilter(HEADER_ROW, 0, max(self.row - 1, HEADER_ROW), len(COLUMNS) - 1)
        self._notes()
        self.book.tmpdir = parts_folder
        try:
            self.book.close()
        except FileCreateError as exc:  # XlsxWriter's wrapper of the OSError (disk full, no access)
            _abandon_zip_files(exc)
            raise (exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else exc) from exc

    def _notes(self) -> None:
        notes = []
        if self.long_texts:
            notes.append(f"注：{self.long_texts} 个单元格的文字超过 Excel 单元格 {EXCEL_CELL_LIMIT:,} 字的上限，"
                         f"单元格中为开头部分，全文分段见“{LONG_SHEET}”表。")
        if self.odd_rows:
            notes.append(f"注：{self.odd_rows} 条记录含有格式不符的数据（如日期、金额），已按原样以文字导出。")
        for offset, note in enumerate(notes, 1):
            self.sheet.write_string(self.row + offset, 0, note, self.note_format)

    @staticmethod
    def _width(column: Column, measured: int) -> int:
        if column.kind == DATE:
            return max(measured, DATE_WIDTH) + PADDING
        return min(max(measured, MIN_WIDTH), column.limit) + PADDING


def _print_setup(sheet, title: str, exported: Exported, header_row: int) -> None:
    """Printed as the bureau files it: landscape A4, one page wide and as many tall as it takes, the
    column headers on every page, the title above and who exported it when, and the page of pages, below."""
    sheet.set_landscape()
    sheet.set_paper(A4)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(header_row)
    sheet.hide_gridlines(0)  # printed too: the rows of a long log are easier to follow
    sheet.set_margins(left=0.4, right=0.4, top=0.7, bottom=0.7)
    sheet.set_header(f"&L{_header_text(title)}", margin=0.3)
    sheet.set_footer(f"&L{_header_text(exported.label())}&R第 &P 页，共 &N 页", margin=0.3)


def _header_text(text: str) -> str:
    """Text as a header or footer shows it: & starts a code there, && is an ampersand."""
    return text.replace("&", "&&")


def export_visit_log(session: Session, query: VisitQuery, path: Path | str, progress: Progress | None = None,
                     scratch_root: Path | None = None) -> ExportReport:
    """Write the visits matching `query` to `path`, read in this process in the caller's session, and
    report what was written. export_visit_log_file is the faster way when there is a profile.

    `progress(done, total)` is called after each batch; it may raise (the UI's Cancel does) to stop the
    export, which then removes everything it wrote and re-raises.
    """
    title = workbook_title(_station_name(session, query.station), query)
    batches = (sheet_batch(batch) for batch in iter_visit_log(session, query))
    return write_visit_log(path, title, count_visit_log(session, query), batches, progress, scratch_root,
                           exported_now(session))


def export_visit_log_file(profile: Profile, query: VisitQuery, path: Path | str,
                          progress: Progress | None = None) -> ExportReport:
    """The export of a profile's visits, read by a child process while this one writes (see
    visit_log_reader: the two overlap on two cores). The child reads one consistent snapshot while officers
    keep editing. Progress and cancelling work as in export_visit_log; the child ends with the export.
    What earlier exports were killed leaving is removed first."""
    scratch_root = profile_scratch(profile)
    remove_export_leftovers(scratch_root, Path(path).parent)
    exported = profile.read(exported_now)
    with VisitLogReader(profile.db_path, query, key=profile.key) as log:
        return write_visit_log(path, workbook_title(log.station_name, query), log.total, log.batches(), progress,
                               scratch_root, exported)


def write_visit_log(path: Path | str, title: str, total: int, batches: Iterable[SheetBatch],
                    progress: Progress | None = None, scratch_root: Path | None = None,
                    exported: Exported | None = None) -> ExportReport:
    """Write the workbook from batches of sheet rows (see visit_log_cells.sheet_batch) into scratch space
    (export_scratch) that becomes the file at `path` only when complete. `exported`: who and when, for
    the footer (by default nobody named, now)."""
    path = Path(path)
    progress = progress or (lambda done, total: None)
    exported = exported or Exported("", datetime.now().astimezone())
    progress(0, total)
    with ExportScratch(path, scratch_root) as scratch:
        sheet = _VisitLogSheet(scratch.workbook, scratch.spools, title, exported)
        try:
            done = _write_batches(batches, sheet, total, progress)
            sheet.close(scratch.closing_folder())
        finally:
            _close_temp_files(sheet)
        scratch.commit()
    return ExportReport(done, sheet.odd_rows, sheet.long_texts)


def _write_batches(batches, sheet: _VisitLogSheet, total: int, progress: Progress) -> int:
    done = 0
    for batch in batches:
        sheet.write_batch(batch)
        done += len(batch.rows)
        progress(done, max(total, done))
    return done


def _close_temp_files(sheet: _VisitLogSheet) -> None:
    """A cancelled XlsxWriter keeps its row-data files open; close them so their folder can be removed."""
    for worksheet in sheet.book.worksheets():
        handle = getattr(worksheet, "row_data_fh", None)
        if handle is not None and not handle.closed:
            handle.close()


def _abandon_zip_files(exc: BaseException | None) -> None:
    """The ZipFile XlsxWriter was writing when the disk filled is left open in a frame of the error's
    traceback; marked closed here, it does not try (and fail) to finish the file when collected, noisily."""
    while exc is not None:
        tb = exc.__traceback__
        while tb is not None:
            for value in tb.tb_frame.f_locals.values():
                if isinstance(value, zipfile.ZipFile):
                    value.fp = None
            tb = tb.tb_next
        exc = exc.__context__


def _station_name(session: Session, code: str) -> str:
    return name_lookup(session, "station").get(code, code) if code else ""


# --- command line: chushang-desk export-visits ---------------------------------------------------------


class ExportArgumentError(ValueError):
    """A bad --from/--to/--station, with the message for the person at the terminal."""


def bilingual(code: str, **params) -> str:
    """The command line speaks both languages: 日期格式应为 2025-03-14 / Dates are written like 2025-03-14."""
    return f"{render(code, 'zh_CN', **params)} / {render(code, 'en', **params)}"


def query_from_args(args, station_codes: set[str]) -> VisitQuery:
    """The VisitQuery the command-line options ask for, or ExportArgumentError saying what is wrong."""
    date_from = _cli_date(args.date_from, "--from")
    date_to = _cli_date(args.date_to, "--to")
    if date_from and date_to and date_to < date_from:
        raise ExportArgumentError(bilingual("date_order"))
    station = (args.station or "").strip()
    if station and station not in station_codes:
        raise ExportArgumentError(f"--station: {bilingual('unknown_code', value=station)}")
    return VisitQuery(date_from=date_from, date_to=date_to, station=station)


def _cli_date(text: str | None, option: str) -> date | None:
    """--from/--to as officers write dates (services.validation.parse_date); a day the calendar lacks
    (20250230) is refused by name, never rolled over."""
    try:
        return parse_date(text)
    except BadDate as bad:
        raise ExportArgumentError(f"{option} {text!r}: {bilingual(bad.message.code, **bad.message.params)}") from None


def export_visits_command(args, ask_passphrase=None) -> int:
    """`export-visits`: 0 when the workbook was written; 2 for bad options; 1 when it could not be written.
    ask_passphrase: the CLI's way to get the recovery passphrase (db/keys.py)."""
    try:  # bad dates are told before the profile is opened (and its passphrase asked for)
        _cli_date(args.date_from, "--from"), _cli_date(args.date_to, "--to")
    except ExportArgumentError as exc:
        print(f"chushang-desk export-visits: {exc}", file=sys.stderr)
        return 2
    if not (Path(args.data_dir) / DB_FILENAME).exists():  # opening would create an empty profile
        print(f"chushang-desk export-visits: 没有找到资料库 / no profile database in {args.data_dir}", file=sys.stderr)
        return 2
    profile = open_profile(args.data_dir, ask_passphrase)
    try:
        query = query_from_args(args, set(profile.read(name_lookup, "station")))
        report = export_visit_log_file(profile, query, args.out)
    except ExportArgumentError as exc:
        print(f"chushang-desk export-visits: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        if is_disk_full(exc):
            raise  # the command line's own message for it, in the user's language
        print(f"chushang-desk export-visits: 无法写入文件 / cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    finally:
        profile.close()
    print(f"已导出 {report.visits} 条走访记录 / exported {report.visits} visits → {args.out}")
    for line in report_notes(report):
        print(line)
    return 0


def report_notes(report: ExportReport) -> list[str]:
    """What the command line adds after the count: what was continued, what was written as stored."""
    notes = []
    if report.long_texts:
        notes.append(f"{report.long_texts} 个超长文字续在“{LONG_SHEET}”表 / {report.long_texts} texts over Excel's "
                     f"{EXCEL_CELL_LIMIT:,}-character cell limit continue on the {LONG_SHEET} sheet")
    if report.odd_rows:
        notes.append(f"{report.odd_rows} 条记录含格式不符的数据，已按原样导出 / {report.odd_rows} rows held values "
                     "in an unexpected form, exported as stored")
    return notes
