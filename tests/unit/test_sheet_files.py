"""Member lists read for import (exchange/sheet_files.py): values and types from each format, encodings,
and every kind of hostile or broken file refused before it can hurt the desktop client.

Fixtures are built here: workbooks with XlsxWriter, .xls and .ods by LibreOffice (which `make apt-test`
installs: a missing LibreOffice fails these tests, it does not skip them), .xlsb and compound files by
hand, and hostile files by editing the XML or records of good ones. A file that would make calamine
abort the process (a failed allocation ends it, it raises nothing) is read in a child process with a
memory ceiling, so that a guard that stopped working fails its test instead of ending the test run.
"""
from __future__ import annotations

import csv
import datetime
import io
import json
import re
import shutil
import struct
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path
from string import Formatter

import pytest
import xlsxwriter

from chushang_desk.exchange import sheet_files
from chushang_desk.exchange.sheet_files import (
    HEADER_MARGIN, SUPPORTED_SUFFIXES, Limits, SheetTable, UnsafeFile, read_sheet, sheet_names)
from chushang_desk.services.messages import CATALOG, render

ROOT = Path(__file__).resolve().parents[2]
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
MB = 1024 * 1024

TITLE = "武汉市湖北商会会员名单（2024 年）"
HEADER = ["姓名", "手机", "入会日期", "会费（元）", "理事", "到会时间"]
MEMBERS = [
    ["张伟", 13800138000, datetime.date(2024, 3, 14), 1200.5, True, datetime.time(9, 30)],
    ["  李娜 ", 13907141234, datetime.datetime(2023, 11, 2, 14, 5), 800, False, datetime.time(14, 0)],
    ["欧阳明", 15827031111, datetime.date(2022, 1, 31), 0, True, datetime.time(8, 15)],
]


def refusal(call, *args, **kwargs):
    """The Message an UnsafeFile carries."""
    with pytest.raises(UnsafeFile) as raised:
        call(*args, **kwargs)
    return raised.value.message


def member_workbook(path: Path) -> Path:
    """A chamber's list as they send it: a merged title above the header, dates, numbers, a hidden
    sheet of last year's list and a visible notes sheet."""
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("会员")
    bold = book.add_format({"bold": True, "align": "center"})
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    moment = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    clock = book.add_format({"num_format": "hh:mm"})
    sheet.merge_range("A1:F1", TITLE, bold)
    sheet.write_row(1, 0, HEADER)
    for row, (name, phone, joined, fee, board, arrival) in enumerate(MEMBERS, start=2):
        sheet.write_string(row, 0, name)
        sheet.write_number(row, 1, phone)
        sheet.write_datetime(row, 2, joined, moment if isinstance(joined, datetime.datetime) else day)
        sheet.write_number(row, 3, fee)
        sheet.write_boolean(row, 4, board)
        sheet.write_datetime(row, 5, arrival, clock)
    old = book.add_worksheet("旧名单")
    old.write(0, 0, "2023 年名单")
    old.hide()
    notes = book.add_worksheet("说明")
    notes.write(0, 0, "手机号请核对")
    book.close()
    return path


def simple_workbook(path: Path, rows: list[list], sheet: str = "名单", **options) -> Path:
    book = xlsxwriter.Workbook(path, options)
    worksheet = book.add_worksheet(sheet)
    for index, row in enumerate(rows):
        worksheet.write_row(index, 0, row)
    book.close()
    return path


def rewrite(path: Path, member: str, edit) -> Path:
    """The zip at `path` with one member's bytes passed through `edit` (other members kept)."""
    with zipfile.ZipFile(path) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in members:
            archive.writestr(info.filename, edit(data) if info.filename == member else data)
    return path


def add_member(path: Path, name: str, data: bytes, method=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return path


def edit_sheet(path: Path, edit) -> Path:
    return rewrite(path, "xl/worksheets/sheet1.xml", lambda data: edit(data.decode()).encode())


def before_sheet_data_end(extra: str):
    return lambda xml: xml.replace("</sheetData>", extra + "</sheetData>")


def libreoffice(sources: list[Path], fmt: str, outdir: Path) -> list[Path]:
    """Converted by LibreOffice with a private profile (parallel runs do not share one)."""
    assert SOFFICE is not None, "LibreOffice is not installed: run `make apt-test`"
    profile = outdir / "lo-profile"
    done = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", fmt,
         "--outdir", str(outdir)] + [str(s) for s in sources],
        capture_output=True, text=True, timeout=120)
    produced = [outdir / f"{s.stem}.{fmt}" for s in sources]
    assert done.returncode == 0 and all(p.exists() for p in produced), done.stdout + done.stderr
    return produced


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    """The member list and a 3,000-row list (its Workbook stream outgrows the compound file's mini
    stream) as .xls and .ods, made by LibreOffice once for the module."""
    base = tmp_path_factory.mktemp("libreoffice")
    members = member_workbook(base / "members.xlsx")
    many = simple_workbook(base / "many.xlsx", [[f"会员{i}", 13800000000 + i, i * 1.5] for i in range(3000)])
    xls = libreoffice([members, many], "xls", base)
    ods = libreoffice([members], "ods", base)
    return {"xls": xls[0], "many_xls": xls[1], "ods": ods[0]}


def run_isolated(snippet: str, timeout: float = 120) -> dict:
    """`snippet` (which sets `result`) run in a child process whose address space is capped at 2 GB:
    if calamine is reached with a file that makes it allocate hundreds of gigabytes, the child aborts
    and the test fails; the test run goes on. Reports the time taken and the child's peak memory
    (Linux's VmHWM; the project's tests run on Linux)."""
    code = textwrap.dedent("""
        import json, resource, sys, time
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
        from chushang_desk.exchange.sheet_files import Limits, UnsafeFile, read_sheet, sheet_names
        start = time.perf_counter()
        try:
        {body}
        except UnsafeFile as refused:
            result = {{"refused": refused.message.code, "params": refused.message.params}}
        result["seconds"] = time.perf_counter() - start
        # VmHWM, this process's own peak: ru_maxrss would include the test run's, inherited by fork.
        status = open("/proc/self/status").read()
        result["peak_mb"] = int(status.split("VmHWM:")[1].split()[0]) / 1024
        print(json.dumps(result, default=str))
    """).format(body=textwrap.indent(textwrap.dedent(snippet).strip(), "    "))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    assert done.returncode == 0, f"the child ended with {done.returncode}: {done.stderr[-2000:]}"
    return json.loads(done.stdout.strip().splitlines()[-1])


def read_isolated(path: Path, sheet: str | None = None, limits: str = "Limits()") -> dict:
    return run_isolated(f"""
        names = sheet_names({str(path)!r}, {limits})
        table = read_sheet({str(path)!r}, {sheet!r}, {limits})
        result = {{"names": names, "rows": table.rows[:5], "count": len(table.rows), "truncated": table.truncated,
                  "columns_cut": table.columns_cut}}
    """)


# --- Workbooks: values and types -----------------------------------------------------------------------

def test_xlsx_rows_keep_the_sheet_layout_values_and_types(tmp_path):
    table = read_sheet(member_workbook(tmp_path / "members.xlsx"))
    assert table.name == "会员" and not table.truncated and not table.columns_cut and table.long_cells == []
    assert table.rows[0] == [TITLE, None, None, None, None, None]  # the merged title: its text, then empty cells
    assert table.rows[1] == HEADER
    zhang, li, ouyang = table.rows[2:]
    assert zhang == ["张伟", 13800138000.0, datetime.date(2024, 3, 14), 1200.5, True, datetime.time(9, 30)]
    assert li == ["  李娜 ", 13907141234.0, datetime.datetime(2023, 11, 2, 14, 5), 800.0, False, datetime.time(14, 0)]
    assert ouyang[0] == "欧阳明" and ouyang[3] == 0
    assert type(zhang[1]) is float and type(zhang[2]) is datetime.date and type(li[2]) is datetime.datetime
    assert type(zhang[4]) is bool and type(zhang[5]) is datetime.time
    assert table.encoding == ""


def test_sheet_names_are_the_visible_worksheets_and_a_hidden_one_can_still_be_read(tmp_path):
    path = member_workbook(tmp_path / "members.xlsx")
    assert sheet_names(path) == ["会员", "说明"]
    assert read_sheet(path, "说明").rows == [["手机号请核对"]]
    assert read_sheet(path, "旧名单").rows == [["2023 年名单"]]


def test_a_sheet_that_does_not_exist_is_refused_by_name(tmp_path):
    path = member_workbook(tmp_path / "members.xlsx")
    message = refusal(read_sheet, path, "理事会")
    assert message.code == "import_no_such_sheet" and message.params == {"sheet": "理事会"}
    assert "理事会" in message.render("zh_CN") and "理事会" in message.render("en")
    text = tmp_path / "members.csv"
    text.write_text("姓名\n张伟\n", encoding="utf-8")
    assert refusal(read_sheet, text, "Sheet1").code == "import_no_such_sheet"
    assert read_sheet(text, "").rows == [["姓名"], ["张伟"]]


def test_rows_start_at_a1_so_indices_are_the_sheets_own(tmp_path):
    path = tmp_path / "offset.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("名单")
    sheet.write("C3", "姓名")
    sheet.write("C4", "张伟")
    book.close()
    assert read_sheet(path).rows == [[None, None, None], [None, None, None], [None, None, "姓名"], [None, None, "张伟"]]


def test_durations_and_nul_characters(tmp_path):
    path = tmp_path / "times.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("名单")
    hours = book.add_format({"num_format": "[h]:mm"})
    sheet.write_number("A1", 1.5, hours)   # 36 hours
    sheet.write_number("B1", 0.25, hours)  # 6 hours
    sheet.write_string("C1", "张\x00伟")
    book.close()
    assert read_sheet(path).rows == [["36:00:00", datetime.time(6, 0), "张伟"]]


@pytest.mark.libreoffice
def test_xls_and_ods_made_by_libreoffice_read_like_the_xlsx(converted):
    for kind in ("xls", "ods"):
        path = converted[kind]
        assert sheet_names(path) == ["会员", "说明"], kind
        table = read_sheet(path)
        assert table.rows[0] == [TITLE, None, None, None, None, None], kind
        assert table.rows[1] == HEADER, kind
        for row, expected in zip(table.rows[2:], MEMBERS, strict=True):
            name, phone, joined, fee, board, arrival = row
            assert (name, phone, joined, arrival) == (expected[0], float(expected[1]), expected[2], expected[5]), kind
            assert fee == expected[3] and bool(board) is expected[4], kind
    fee = read_sheet(converted["xls"]).rows[3][3]
    assert fee == 800 and type(fee) is int  # .xls stores whole numbers as integers; calamine gives an int


@pytest.mark.libreoffice
def test_an_xls_whose_workbook_stream_is_in_the_regular_sectors(converted):
    table = read_sheet(converted["many_xls"])
    assert len(table.rows) == 3000
    assert table.rows[2999] == ["会员2999", 13800002999.0, 4498.5]


# .xlsb: no program here writes it, so it is put together from its records (MS-XLSB).

def xlsb_record(typ: int, data: bytes = b"") -> bytes:
    head = bytes([typ]) if typ < 0x80 else bytes([0x80 | (typ & 0x7F), typ >> 7])
    size, n = b"", len(data)
    while True:
        size += bytes([(n & 0x7F) | (0x80 if n >> 7 else 0)])
        n >>= 7
        if not n:
            return head + size + data


def wide(text: str) -> bytes:
    return struct.pack("<I", len(text)) + text.encode("utf-16-le")


def xlsb_workbook(path: Path, cells: list[tuple[int, int, object]], name: str = "名单") -> Path:
    sheet = xlsb_record(0x81) + xlsb_record(0x94, bytes(16)) + xlsb_record(0x91)
    for row in sorted({r for r, _, _ in cells}):
        sheet += xlsb_record(0x00, struct.pack("<I", row) + bytes(13))
        for _, col, value in (c for c in cells if c[0] == row):
            if isinstance(value, str):
                sheet += xlsb_record(0x06, struct.pack("<I", col) + bytes(4) + wide(value))
            else:
                sheet += xlsb_record(0x05, struct.pack("<I", col) + bytes(4) + struct.pack("<d", value))
    sheet += xlsb_record(0x92) + xlsb_record(0x82)
    book = (xlsb_record(0x83) + xlsb_record(0x8F) + xlsb_record(0x9C, struct.pack("<II", 0, 1) + wide("rId1") + wide(name))
            + xlsb_record(0x90) + xlsb_record(0x84))
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"'
            ' Target="worksheets/sheet1.bin"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/_rels/workbook.bin.rels", rels)
        archive.writestr("xl/workbook.bin", book)
        archive.writestr("xl/worksheets/sheet1.bin", sheet)
    return path


def test_xlsb(tmp_path):
    path = xlsb_workbook(tmp_path / "members.xlsb", [(0, 0, "姓名"), (0, 1, "手机"), (1, 0, "张伟"), (1, 1, 13800138000.0)])
    assert sheet_names(path) == ["名单"]
    assert read_sheet(path).rows == [["姓名", "手机"], ["张伟", 13800138000.0]]


# --- Text files: encodings and delimiters --------------------------------------------------------------

SIMPLIFIED = ("姓名,手机,单位\n张伟,13800138000,武汉长江实业有限公司\n王芳,13907141234,湖北省楚商联合会\n"
              "李娜,15827031111,华中科技大学校友会\n刘洋,18971002222,武汉大学深圳校友会\n"
              "陈静,13545673333,宜昌三峡建设集团\n杨帆,13308614444,襄阳汽车零部件厂\n")
TRADITIONAL = ("姓名,電話,單位\n劉德華,+852 9123 4567,香港中環皇后大道中99號\n陳美玲,+886 912 345 678,臺北市信義區松高路\n"
               "黃志強,+852 6234 5678,九龍尖沙咀彌敦道\n林志玲,+886 923 456 789,高雄市前鎮區成功二路\n")

# (fixture, text, how it is written, the encoding the reader must report). The short ones are the hard
# cases: charset-normalizer alone calls "张伟,13800138000" Big5, four GBK names Korean (cp949) and
# "黃大仙,九龍" UTF-16.
ENCODED = [
    ("gbk", SIMPLIFIED, "gbk", "gb18030"),
    ("gbk-one-line", "张伟,13800138000\n", "gbk", "gb18030"),
    ("gbk-one-name", "王芳\n", "gbk", "gb18030"),
    ("gbk-names", "周杰\n吴敏\n郑爽\n孙丽\n", "gbk", "gb18030"),
    ("gbk-mostly-latin", "name,phone,company\nZhang Wei,13800138000,武汉\n", "gbk", "gb18030"),
    ("gb18030-beyond-gbk", SIMPLIFIED + "㐀𠀀明,13800000000,武汉𠀀公司\n", "gb18030", "gb18030"),
    ("big5", TRADITIONAL, "big5", "big5"),
    ("big5-one-line", "劉德華,香港中環\n", "big5", "big5"),
    ("big5-one-name", "陳美玲\n", "big5", "big5"),
    ("big5-names", "周傑倫\n吳敏\n鄭爽\n孫麗\n", "big5", "big5"),
    ("big5-place", "黃大仙,九龍\n", "big5", "big5"),
    ("utf-8", SIMPLIFIED, "utf-8", "utf_8"),
    ("utf-8-bom", SIMPLIFIED, "utf-8-sig", "utf_8_sig"),
    ("utf-16-bom", SIMPLIFIED, "utf-16", "utf_16"),
    ("utf-16-be-bom", SIMPLIFIED, "utf-16-be-with-bom", "utf_16"),
]


def encode(text: str, how: str) -> bytes:
    if how == "utf-16-be-with-bom":
        return b"\xfe\xff" + text.encode("utf-16-be")
    return text.encode(how)


@pytest.mark.parametrize("fixture, text, how, expected", ENCODED, ids=[case[0] for case in ENCODED])
def test_csv_encodings_are_detected(tmp_path, fixture, text, how, expected):
    path = tmp_path / f"{fixture}.csv"
    path.write_bytes(encode(text, how))
    table = read_sheet(path)
    assert table.encoding == expected
    assert table.rows == [[cell or None for cell in row] for row in csv.reader(io.StringIO(text))]
    assert table.name == "" and sheet_names(path) == [""]


def test_excel_unicode_text_is_utf16_with_tabs(tmp_path):
    """What Excel saves as 'Unicode text (*.txt)'."""
    path = tmp_path / "members.txt"
    path.write_bytes("姓名\t手机\r\n张伟\t13800138000\r\n".encode("utf-16"))
    table = read_sheet(path)
    assert (table.encoding, table.rows) == ("utf_16", [["姓名", "手机"], ["张伟", "13800138000"]])


def test_a_european_file_falls_through_to_charset_normalizer(tmp_path):
    path = tmp_path / "partners.csv"
    path.write_bytes("Name,City\nMüller,Zürich\nRenée,Besançon\nFrançois,Genève\n".encode("cp1252"))
    assert read_sheet(path).rows == [["Name", "City"], ["Müller", "Zürich"], ["Renée", "Besançon"], ["François", "Genève"]]


def test_bytes_in_no_encoding_are_refused(tmp_path):
    path = tmp_path / "noise.csv"
    path.write_bytes(bytes(range(128, 256)) * 8)
    message = refusal(read_sheet, path)
    assert message.code == "import_encoding" and message.params == {"name": "noise.csv"}


@pytest.mark.parametrize("name, text, rows", [
    ("semicolon.csv", "姓名;手机;单位\n张伟;13800138000;武汉某某公司\n王芳;13907141234;\"湖北;楚商\"\n",
     [["姓名", "手机", "单位"], ["张伟", "13800138000", "武汉某某公司"], ["王芳", "13907141234", "湖北;楚商"]]),
    ("tabs.tsv", "姓名\t手机\n张伟\t13800138000\n", [["姓名", "手机"], ["张伟", "13800138000"]]),
    ("commas-in-a-tsv.tsv", "姓名\t单位\n张伟\t长江实业,武汉\n", [["姓名", "单位"], ["张伟", "长江实业,武汉"]]),
    ("pipes.txt", "姓名|手机\n张伟|13800138000\n", [["姓名", "手机"], ["张伟", "13800138000"]]),
    ("semicolons-in-quotes.csv", "姓名,地址\n张伟,\"武汉;江岸\"\n王芳,\"黄石;下陆\"\n",
     [["姓名", "地址"], ["张伟", "武汉;江岸"], ["王芳", "黄石;下陆"]]),
    ("one-column.csv", "姓名\n张伟\n王芳\n", [["姓名"], ["张伟"], ["王芳"]]),
    ("quoted-newline.csv", "姓名,地址\n张伟,\"武汉市\n江岸区\"\n", [["姓名", "地址"], ["张伟", "武汉市\n江岸区"]]),
    ("windows-lines.csv", "姓名,手机\r\n张伟,138\r\n", [["姓名", "手机"], ["张伟", "138"]]),
    ("ragged.csv", "a,b,,,\nc\n\n,,\n", [["a", "b"], ["c", None]]),
    ("empty-fields.csv", "张伟,,武汉\n", [["张伟", None, "武汉"]]),
    ("spaces-kept.csv", " 张伟 ,  \n", [[" 张伟 ", "  "]]),
])
def test_delimiters_quotes_and_empty_cells(tmp_path, name, text, rows):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    assert read_sheet(path).rows == rows


def test_nul_characters_are_removed(tmp_path):
    path = tmp_path / "nul.csv"
    path.write_bytes("张\x00伟,138\x0000\n".encode("utf-8"))
    assert read_sheet(path).rows == [["张伟", "13800"]]


def test_an_empty_csv(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    assert read_sheet(path) == SheetTable(name="", rows=[], encoding="utf_8")


# --- .xls files that are really HTML or text (old web systems) -----------------------------------------

def test_an_xls_that_is_an_html_table(tmp_path):
    path = tmp_path / "export.xls"
    path.write_bytes("""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head><body>
        <table border="1"><tr><th colspan="3">会员名单</th></tr>
        <tr><td>姓名</td><td>手机</td><td>地址</td></tr>
        <tr><td> 张伟 </td><td>13800138000</td><td>武汉市<br>江岸区&nbsp;一号</td></tr></table></body></html>
        """.encode("gbk"))
    table = read_sheet(path)
    assert table.encoding == "gb18030" and sheet_names(path) == [""]
    assert table.rows == [["会员名单", None, None], ["姓名", "手机", "地址"], ["张伟", "13800138000", "武汉市\n江岸区 一号"]]


def test_an_xls_that_is_tab_separated_text(tmp_path):
    path = tmp_path / "export.xls"
    path.write_bytes("姓名\t手机\r\n张伟\t13800138000\r\n".encode("gbk"))
    assert read_sheet(path).rows == [["姓名", "手机"], ["张伟", "13800138000"]]


@pytest.mark.parametrize("content", [
    bytes(range(256)) * 40,                                                     # binary, not OLE
    b"PK\x03\x04" + bytes(2000),                                                # a zip
    b'<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>',
])
def test_an_xls_that_is_neither_a_workbook_nor_text_is_refused(tmp_path, content):
    path = tmp_path / "odd.xls"
    path.write_bytes(content)
    assert refusal(read_sheet, path).code == "import_not_a_workbook"


# --- Limits: rows, columns, cell length ----------------------------------------------------------------

def test_150000_rows_are_capped_quickly(tmp_path):
    path = tmp_path / "big.xlsx"
    book = xlsxwriter.Workbook(path, {"constant_memory": True})
    sheet = book.add_worksheet("名单")
    sheet.write_row(0, 0, ["姓名", "手机", "单位"])
    for i in range(1, 150_001):
        sheet.write_row(i, 0, [f"会员{i}", 13800000000 + i, "武汉长江实业有限公司"])
    book.close()
    start = time.perf_counter()
    table = read_sheet(path, limits=Limits(rows=100_000))
    seconds = time.perf_counter() - start
    print(f"150,000 rows ({path.stat().st_size / MB:.1f} MB): read {len(table.rows):,} in {seconds:.2f} s")
    assert len(table.rows) == 100_000 + HEADER_MARGIN and table.truncated
    assert table.rows[-1] == [f"会员{100_019}", 13800000000.0 + 100_019, "武汉长江实业有限公司"]
    assert seconds < 30


def test_csv_rows_are_capped_and_blank_lines_after_the_cap_do_not_count(tmp_path):
    limits = Limits(rows=5)
    path = tmp_path / "long.csv"
    path.write_text("".join(f"会员{i},138{i:08d}\n" for i in range(40)), encoding="utf-8")
    table = read_sheet(path, limits=limits)
    assert len(table.rows) == 5 + HEADER_MARGIN and table.truncated and table.rows[-1] == ["会员24", "13800000024"]
    path.write_text("".join(f"会员{i},138\n" for i in range(25)) + "\n\n,,\n", encoding="utf-8")
    table = read_sheet(path, limits=limits)
    assert len(table.rows) == 25 and not table.truncated


def test_wide_rows_are_cut(tmp_path):
    wide_row = [f"列{i}" for i in range(250)]
    table = read_sheet(simple_workbook(tmp_path / "wide.xlsx", [wide_row, ["张伟"]]))
    assert table.columns_cut and len(table.rows[0]) == 200 and table.rows[0][-1] == "列199"
    assert table.rows[1] == ["张伟"] + [None] * 199
    path = tmp_path / "wide.csv"
    path.write_text(",".join(wide_row) + "\n", encoding="utf-8")
    assert read_sheet(path).columns_cut
    path.write_text(",".join(wide_row[:3]) + "," * 300 + "\n", encoding="utf-8")  # empty fields beyond: nothing lost
    table = read_sheet(path)
    assert not table.columns_cut and table.rows == [wide_row[:3]]


def test_long_cells_are_cut_and_listed(tmp_path):
    path = tmp_path / "long.csv"
    path.write_text("姓名,简介\n张伟," + "长" * 40_000 + "\n", encoding="utf-8")
    table = read_sheet(path)
    assert table.long_cells == [(1, 1)] and len(table.rows[1][1]) == 32_767
    book = simple_workbook(tmp_path / "long.xlsx", [["姓名", "简介"], ["张伟", "长" * 150]])
    table = read_sheet(book, limits=Limits(cell_chars=100))
    assert table.long_cells == [(1, 1)] and table.rows[1][1] == "长" * 100


def test_an_unclosed_quote_makes_one_long_cell_not_an_error(tmp_path):
    path = tmp_path / "broken.csv"
    path.write_text('姓名,简介\n张伟,"' + "长" * 200_000 + "\n王芳,x\n", encoding="utf-8")
    table = read_sheet(path)
    assert table.long_cells == [(1, 1)] and table.rows[0] == ["姓名", "简介"]


# --- Refused before parsing: size, type, damage --------------------------------------------------------

def test_a_file_too_large_is_refused_from_its_size(tmp_path):
    path = member_workbook(tmp_path / "members.xlsx")
    message = refusal(read_sheet, path, limits=Limits(file_bytes=1000))
    assert message.code == "import_file_too_large" and message.params["max"] == "0.00095"
    assert float(message.params["size"]) == pytest.approx(path.stat().st_size / MB, rel=0.05)
    csv_path = tmp_path / "members.csv"
    csv_path.write_text(SIMPLIFIED, encoding="utf-8")
    assert refusal(sheet_names, csv_path, Limits(file_bytes=100)).code == "import_file_too_large"


def test_an_unsupported_suffix_is_refused_with_the_list(tmp_path):
    path = tmp_path / "members.pdf"
    path.write_bytes(b"%PDF-1.4")
    message = refusal(read_sheet, path)
    assert message.code == "import_unsupported" and message.params["suffix"] == ".pdf"
    assert all(suffix in message.params["supported"] for suffix in SUPPORTED_SUFFIXES)


def test_suffixes_are_matched_without_case(tmp_path):
    path = member_workbook(tmp_path / "MEMBERS.XLSX")
    assert sheet_names(path) == ["会员", "说明"]


def test_a_missing_file_or_a_folder_is_unreadable(tmp_path):
    message = refusal(read_sheet, tmp_path / "gone.xlsx")
    assert message.code == "import_unreadable" and message.params == {"name": "gone.xlsx"}
    (tmp_path / "folder.csv").mkdir()
    assert refusal(read_sheet, tmp_path / "folder.csv").code == "import_unreadable"


def test_an_xlsx_that_is_text_is_not_a_workbook(tmp_path):
    path = tmp_path / "members.xlsx"
    path.write_text(SIMPLIFIED, encoding="utf-8")
    message = refusal(sheet_names, path)
    assert message.code == "import_not_a_workbook" and message.params == {"name": "members.xlsx"}


def test_a_damaged_xlsx_is_not_a_workbook(tmp_path):
    path = member_workbook(tmp_path / "members.xlsx")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert refusal(read_sheet, path).code == "import_not_a_workbook"
    whole = member_workbook(tmp_path / "crc.xlsx")
    with zipfile.ZipFile(whole) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    damaged = bytearray(whole.read_bytes())
    offset = info.header_offset + 30 + len(info.filename) + len(info.extra) + 10
    damaged[offset] ^= 0xFF
    whole.write_bytes(bytes(damaged))
    assert refusal(read_sheet, whole).code == "import_not_a_workbook"


def compound_file(names: list[str]) -> bytes:
    """A minimal compound (OLE) file: sector 0 its FAT, sector 1 its directory of empty streams."""
    header = bytearray(512)
    header[:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIII", header, 44, 1, 1, 0, 4096)
    struct.pack_into("<IIII", header, 60, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    struct.pack_into("<109I", header, 76, 0, *[0xFFFFFFFF] * 108)
    fat = struct.pack("<128I", 0xFFFFFFFD, 0xFFFFFFFE, *[0xFFFFFFFF] * 126)
    entries = b""
    for index, name in enumerate(["Root Entry"] + names):
        encoded = (name + "\0").encode("utf-16-le")
        entry = bytearray(128)
        entry[:len(encoded)] = encoded
        struct.pack_into("<HBB", entry, 64, len(encoded), 5 if index == 0 else 2, 1)
        struct.pack_into("<IIIII", entry, 68, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0, 0)
        struct.pack_into("<II", entry, 116, 0xFFFFFFFE, 0)
        entries += bytes(entry)
    return bytes(header) + fat + entries.ljust(512, b"\0")


def test_a_password_protected_xlsx_says_so(tmp_path):
    path = tmp_path / "members.xlsx"
    path.write_bytes(compound_file(["EncryptionInfo", "EncryptedPackage"]))
    message = refusal(read_sheet, path)
    assert message.code == "import_password" and message.params == {"name": "members.xlsx"}


@pytest.mark.libreoffice
def test_an_xls_named_xlsx_is_not_a_workbook(converted, tmp_path):
    path = tmp_path / "members.xlsx"
    path.write_bytes(converted["xls"].read_bytes())
    assert refusal(read_sheet, path).code == "import_not_a_workbook"


def test_a_compound_file_without_a_workbook_stream(tmp_path):
    path = tmp_path / "members.xls"
    path.write_bytes(compound_file(["SummaryInformation"]))
    assert refusal(read_sheet, path).code == "import_not_a_workbook"


# --- Hostile files --------------------------------------------------------------------------------------

def test_a_zip_bomb_by_its_declared_size(tmp_path):
    path = member_workbook(tmp_path / "members.xlsx")
    add_member(path, "xl/media/image1.png", bytes(20 * MB), zipfile.ZIP_STORED)  # stored: the ratio is 1
    limits = Limits(uncompressed_bytes=10 * MB)
    message = refusal(sheet_names, path, limits)
    assert message.code == "import_zip_bomb" and message.params == {"name": "members.xlsx"}
    assert read_sheet(path).rows[1] == HEADER  # under the default limit it is read


def test_a_zip_bomb_by_its_compression_ratio(tmp_path):
    path = member_workbook(tmp_path / "members.xlsx")
    add_member(path, "xl/sharedStrings2.xml", bytes(5 * MB))  # 5 MB of zeros deflate to about 5 KB
    assert refusal(read_sheet, path).code == "import_zip_bomb"
    small = member_workbook(tmp_path / "small.xlsx")
    add_member(small, "xl/media/blank.bin", bytes(MB - 1))  # as compressible, but under 1 MB
    assert read_sheet(small).rows[1] == HEADER


BILLION_LAUGHS = ('<!DOCTYPE {root} [<!ENTITY lol "lollollollollollollollollollol">'
                  + "".join(f'<!ENTITY lol{i} "' + f"&lol{i - 1 if i > 1 else ''};" * 10 + '">' for i in range(1, 10))
                  + "]>")


def laughing_workbook(path: Path, where: str) -> Path:
    simple_workbook(path, [["姓名", "单位"], ["张伟", "武汉"]])
    if where == "shared strings":
        return rewrite(path, "xl/sharedStrings.xml", lambda data: data.decode().replace(
            "<sst ", BILLION_LAUGHS.format(root="sst") + "<sst ", 1).replace("<t>张伟</t>", "<t>&lol9;</t>").encode())
    return edit_sheet(path, lambda xml: xml.replace("<worksheet ", BILLION_LAUGHS.format(root="worksheet") + "<worksheet ", 1)
                      .replace("</sheetData>", '<row r="3"><c r="A3" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData>'))


@pytest.mark.parametrize("where", ["shared strings", "sheet"])
def test_an_entity_bomb_is_refused_without_expanding(tmp_path, where):
    path = laughing_workbook(tmp_path / "laughs.xlsx", where)
    result = read_isolated(path)
    print(f"entity bomb in the {where}: refused in {result['seconds']:.3f} s, child peak {result['peak_mb']:.0f} MB")
    assert result["refused"] == "import_not_a_workbook"
    assert result["seconds"] < 5 and result["peak_mb"] < 200


@pytest.mark.parametrize("where", ["shared strings", "sheet"])
def test_calamine_itself_does_not_expand_entities(tmp_path, where):
    """The second line of defence, should a DOCTYPE ever get past the scan: calamine fails on the
    entity instead of expanding it (a billion 'lol's would take 3 GB)."""
    path = laughing_workbook(tmp_path / "laughs.xlsx", where)
    result = run_isolated(f"""
        from python_calamine import CalamineWorkbook
        try:
            rows = CalamineWorkbook.from_path({str(path)!r}).get_sheet_by_name("名单").to_python()
            result = {{"text": max((len(str(c)) for r in rows for c in r), default=0)}}
        except Exception as error:
            result = {{"error": type(error).__name__}}
    """)
    assert result.get("error") or result["text"] < 100
    assert result["seconds"] < 5 and result["peak_mb"] < 200


def test_a_lying_dimension_costs_nothing(tmp_path):
    path = simple_workbook(tmp_path / "lying.xlsx", [["姓名", "手机"], ["张伟", 13800138000], ["王芳", 13907141234]])
    edit_sheet(path, lambda xml: re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:XFD1048576"/>', xml))
    assert '<dimension ref="A1:XFD1048576"/>' in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    result = read_isolated(path)
    print(f"dimension A1:XFD1048576 over 3 rows: read in {result['seconds']:.3f} s, child peak {result['peak_mb']:.0f} MB")
    assert result["rows"] == [["姓名", "手机"], ["张伟", 13800138000.0], ["王芳", 13907141234.0]]
    assert not result["truncated"] and not result["columns_cut"]
    assert result["seconds"] < 30 and result["peak_mb"] < 200


FAR_CELL = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'


def far_workbook(path: Path, extra: str = FAR_CELL) -> Path:
    simple_workbook(path, [["姓名", "手机"], ["张伟", 13800138000]])
    return edit_sheet(path, before_sheet_data_end(extra))


def test_two_cells_far_apart_are_refused_with_the_corner_they_reach(tmp_path):
    """A1 and XFD1048576: calamine would allocate 512 GB for the rectangle and abort the process."""
    path = far_workbook(tmp_path / "far.xlsx")
    result = read_isolated(path)
    assert result["refused"] == "import_sheet_too_big"
    assert result["params"] == {"name": "far.xlsx", "cell": "XFD1048576", "rows": "1,048,576", "columns": "16,384"}


def test_a_cell_without_a_reference_takes_its_row_from_the_row_element(tmp_path):
    """Under a lower limit, so that only the r-less cell's row makes the sheet too big."""
    path = far_workbook(tmp_path / "rowless.xlsx", '<row r="1048576"><c><v>1</v></c></row>')
    result = read_isolated(path, limits="Limits(cells=1_000_000)")
    assert result.get("refused") == "import_sheet_too_big" and result["params"]["cell"] == "B1048576", result
    assert read_sheet(path).truncated


@pytest.mark.parametrize("form, extra", [
    ("prefixed", '<x:row r="1048576" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                 '<x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row>'),
    ("behind a comment", '<!-- a note --><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'),
    ("after a quoted '>'", '<row r="1048576"><c s="0" t="n" r="XFD1048576" foo="/>"><v>1</v></c></row>'),
    ("lower case", '<row r="1048576"><c r="xfd1048576"><v>1</v></c></row>'),
])
def test_far_cells_written_unusually_are_found_too(tmp_path, form, extra):
    result = read_isolated(far_workbook(tmp_path / "far.xlsx", extra))
    assert result.get("refused") == "import_sheet_too_big", result


def test_a_formatted_but_empty_cell_far_away_is_harmless(tmp_path):
    path = far_workbook(tmp_path / "styled.xlsx", '<row r="5"><c r="XFD5" s="1"/><c r="XFD6" s="1"></c></row>')
    table = read_sheet(path)
    assert table.rows == [["姓名", "手机"], ["张伟", 13800138000.0]] and not table.columns_cut


def test_a_stray_cell_within_the_limit_is_read_and_cut(tmp_path):
    path = far_workbook(tmp_path / "stray.xlsx", '<row r="2"><c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row>')
    table = read_sheet(path)
    assert table.columns_cut and table.rows == [["姓名", "手机"], ["张伟", 13800138000.0]]


def test_a_namespace_prefixed_workbook_is_read(tmp_path):
    """As the .NET Open XML SDK writes them: the careful pass follows it, calamine reads it."""
    path = simple_workbook(tmp_path / "prefixed.xlsx", [["姓名"], ["张伟"]])
    edit_sheet(path, lambda xml: re.sub(r"<(/?)([A-Za-z])", r"<\1x:\2", xml).replace('xmlns="', 'xmlns:x="'))
    assert read_sheet(path).rows == [["姓名"], ["张伟"]]


def test_a_shared_strings_count_that_lies_is_refused(tmp_path):
    """calamine reserves room for uniqueCount strings as the workbook opens: 4e9 of them, 96 GB."""
    path = simple_workbook(tmp_path / "count.xlsx", [["姓名", "单位"], ["张伟", "武汉"]])
    rewrite(path, "xl/sharedStrings.xml",
            lambda data: re.sub(rb'uniqueCount="\d+"', b'uniqueCount="4000000000"', data))
    result = run_isolated(f"result = {{'names': sheet_names({str(path)!r})}}")
    assert result.get("refused") == "import_not_a_workbook"


def test_xlsb_cells_far_apart_are_refused(tmp_path):
    path = xlsb_workbook(tmp_path / "far.xlsb", [(0, 0, "姓名"), (1_048_575, 16_383, 1.0)])
    result = read_isolated(path)
    assert result.get("refused") == "import_sheet_too_big" and result["params"]["cell"] == "XFD1048576"


def patched_xls(source: Path, target: Path, patch) -> Path:
    data = bytearray(source.read_bytes())
    patch(data)
    target.write_bytes(bytes(data))
    return target


@pytest.mark.libreoffice
def test_xls_cells_far_apart_are_refused(converted, tmp_path):
    """BIFF8 columns are 16-bit in the record: 65,536 × 65,536 cells would be 137 GB."""
    def far(data):
        number = data.find(struct.pack("<d", 13800138000.0))  # in a NUMBER record: row, column, format, value
        assert number > 0
        struct.pack_into("<HH", data, number - 6, 0xFFFF, 0xFFFF)
    result = read_isolated(patched_xls(converted["xls"], tmp_path / "far.xls", far))
    assert result.get("refused") == "import_sheet_too_big", result
    assert result["params"]["cell"] == "CRXP65536"


@pytest.mark.libreoffice
def test_a_lying_xls_dimensions_record_is_refused(converted, tmp_path):
    """calamine reserves room for the rows × columns a DIMENSIONS record claims, as the file opens."""
    def lie(data):
        record = data.find(b"\x00\x02\x0e\x00")  # DIMENSIONS, 14 bytes: first and last row, first and last column
        assert record > 0
        struct.pack_into("<IIHH", data, record + 4, 0, 0xFFFFFFFF, 0, 0xFF)
    result = read_isolated(patched_xls(converted["xls"], tmp_path / "lying.xls", lie))
    assert result.get("refused") == "import_too_many_cells", result


@pytest.mark.libreoffice
def test_a_compound_file_header_that_lies_is_refused(converted, tmp_path):
    result = read_isolated(patched_xls(converted["xls"], tmp_path / "header.xls",
                                       lambda data: struct.pack_into("<I", data, 44, 0x7FFFFFFF)))
    assert result.get("refused") == "import_not_a_workbook", result


def ods_workbook(path: Path, rows_xml: str) -> Path:
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content'
               ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
               ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
               ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               f'<office:body><office:spreadsheet><table:table table:name="名单">{rows_xml}</table:table>'
               "</office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest'
                         ' xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                         '<manifest:file-entry manifest:full-path="/"'
                         ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                         '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                         "</manifest:manifest>")
    return path


def ods_row(*values: str, repeat: int = 1) -> str:
    cells = "".join(f'<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>'
                    for v in values)
    return f'<table:table-row table:number-rows-repeated="{repeat}">{cells}</table:table-row>'


def test_ods_repeats_that_expand_to_a_huge_sheet_are_refused(tmp_path):
    """Repeat counts in a 1 KB content.xml: a million rows of 64 cells each, 4 GB in calamine (which
    itself stops only at 100 million cells)."""
    repeated = ('<table:table-row table:number-rows-repeated="1048000"><table:table-cell'
                ' table:number-columns-repeated="64" office:value-type="float" office:value="1"/></table:table-row>')
    result = read_isolated(ods_workbook(tmp_path / "repeats.ods", ods_row("姓名", "手机") + repeated))
    assert result.get("refused") == "import_sheet_too_big", result


def test_ods_empty_repeated_rows_cost_little(tmp_path):
    empty = '<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    path = ods_workbook(tmp_path / "gap.ods", ods_row("姓名", "手机") + ods_row("张伟", "138") + empty + ods_row("王芳", "139"))
    result = read_isolated(path)
    print(f"ods with a million empty rows: read in {result['seconds']:.2f} s, child peak {result['peak_mb']:.0f} MB")
    assert result["rows"][:2] == [["姓名", "手机"], ["张伟", "138"]] and result["truncated"]


# --- Messages -------------------------------------------------------------------------------------------

def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name}


def codes_the_reader_raises() -> set[str]:
    source = Path(sheet_files.__file__).read_text(encoding="utf-8")
    return set(re.findall(r'"(import_[a-z_]+)"', source))


def test_the_reader_raises_the_codes_this_test_knows():
    """So that the check below cannot pass by finding nothing."""
    assert codes_the_reader_raises() == {
        "import_file_too_large", "import_unsupported", "import_not_a_workbook", "import_zip_bomb",
        "import_sheet_too_big", "import_too_many_cells", "import_no_such_sheet", "import_encoding",
        "import_unreadable", "import_password"}


def test_every_code_the_reader_raises_has_both_languages_with_the_same_placeholders():
    for code in codes_the_reader_raises():
        texts = CATALOG[code]
        assert set(texts) == {"zh_CN", "en"}, code
        assert placeholders(texts["zh_CN"]) == placeholders(texts["en"]), code
        params = {name: "X" for name in placeholders(texts["en"])}
        assert "{" not in render(code, "zh_CN", **params) and "{" not in render(code, "en", **params), code


def test_the_placeholder_check_sees_a_mismatch():
    assert placeholders("文件过大（{size} MB）") != placeholders("The file is too large ({max} MB)")
