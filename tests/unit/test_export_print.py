"""The visit log prints as the bureau files it (issue 8, item 5): landscape A4, one page wide, the column
headers on every page, page x of y and who exported it when in the footer, newest first, a title that
reads naturally. Checked in the workbook's own XML and, printed by LibreOffice, in the PDF's pages."""
from __future__ import annotations

import getpass
import os
import re
import subprocess
import sys
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

from chushang_desk.db.bulk import bulk_insert
from chushang_desk.exchange.visit_log import COLUMNS, LINE_HEIGHT, export_visit_log, export_visit_log_file
from chushang_desk.models import Contact, Visit, VisitContact
from chushang_desk.services.sync_status import set_state
from chushang_desk.services.visits import VisitQuery

from ..support.pdf_text import pdf_pages
from .test_export_libreoffice import SOFFICE

HEADERS = [c.header for c in COLUMNS]
NEWEST = date(2025, 12, 31)
MINUTES = "双方就光谷半导体配套项目深入交流，约定下月来汉考察。"


def many_long_visits(session, count: int = 300) -> None:
    """`count` visits a day apart, newest on NEWEST, with minutes of one to six sentences and a contact."""
    people = bulk_insert(session, Contact, [dict(name=f"张{i}", company="楚天科技有限公司", title="董事长")
                                            for i in range(20)])
    visits = bulk_insert(session, Visit, [dict(
        visit_date=NEWEST - timedelta(days=i), station="csj", officers=["刘一", "陈二"], mode="visit",
        place="上海浦东", purpose=f"第{i}次：对接光谷半导体配套项目", summary=MINUTES * (1 + i % 6),
        intention_note="+86 项目意向", next_contact_date=NEWEST + timedelta(days=30 - i % 7)) for i in range(count)])
    bulk_insert(session, VisitContact, [dict(visit_id=v, contact_id=people[i % 20]) for i, v in enumerate(visits)])


def sheet_xml(path: Path, part: str = "xl/worksheets/sheet1.xml") -> str:
    with zipfile.ZipFile(path) as package:
        return package.read(part).decode("utf-8")


def convert_to_pdf(xlsx: Path, tmp_path: Path) -> Path:
    """LibreOffice prints the workbook to PDF, from a private profile (never the user's)."""
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed (make test installs it)")
    outdir = tmp_path / "pdf"
    done = subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'lo-profile-pdf'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(outdir), str(xlsx)],
        capture_output=True, text=True, timeout=180,
    )
    produced = outdir / (xlsx.stem + ".pdf")
    assert done.returncode == 0 and produced.exists(), done.stdout + done.stderr
    return produced


def squeezed(text: str) -> str:
    """Text without whitespace: a PDF draws the gaps between words as positions, not always as spaces."""
    return re.sub(r"\s+", "", text)


@pytest.mark.libreoffice
def test_printed_log_is_landscape_a4_one_page_wide_with_headers_and_page_numbers_on_every_page(profile, tmp_path):
    profile.write(many_long_visits)
    xlsx = tmp_path / "visits.xlsx"
    export_visit_log_file(profile, VisitQuery(date_from=date(2025, 1, 1)), xlsx)
    pages = pdf_pages(convert_to_pdf(xlsx, tmp_path))
    count = len(pages)
    assert 1 < count < 100, count  # some pages; not a page or more per visit
    for number, page in enumerate(pages, 1):
        assert page.landscape and round(page.width) == 842 and round(page.height) == 595  # A4 landscape
        text = squeezed(page.text)
        assert [h for h in HEADERS if squeezed(h) not in text] == [], f"page {number}"  # every column
        assert f"第{number}页，共{count}页" in text
        assert f"{getpass.getuser()}导出于" in text
        assert squeezed("全部联络站走访记录（2025-01-01 起）") in text
    first, last = squeezed(pages[0].text), squeezed(pages[-1].text)
    # Newest first, and the first page holds whole rows: the newest visit's next contact, the last column.
    assert "2025-12-31" in first and "2026-01-30" in first and "2025-12-31" not in last
    assert (NEWEST - timedelta(days=299)).isoformat() in last


def test_print_setup_in_the_workbook(profile, tmp_path):
    profile.write(many_long_visits, 5)
    out = tmp_path / "print.xlsx"
    before = datetime.now().replace(second=0, microsecond=0)
    export_visit_log_file(profile, VisitQuery(), out)
    after = datetime.now()
    sheet = openpyxl.load_workbook(out).active
    assert sheet.page_setup.orientation == "landscape" and str(sheet.page_setup.paperSize) == "9"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (sheet.page_setup.fitToWidth in (None, 1)) and sheet.page_setup.fitToHeight == 0  # 1 wide, any tall
    assert sheet.print_title_rows == "$2:$2"  # the column headers on every page
    assert sheet["A1"].value == "全部联络站走访记录"
    assert [sheet.cell(r, 1).value for r in range(3, 8)] == [
        datetime.combine(NEWEST - timedelta(days=i), datetime.min.time()) for i in range(5)]  # newest first
    xml = sheet_xml(out)
    footer = re.search(r"<oddFooter>(.*?)</oddFooter>", xml).group(1)
    assert footer.endswith("&amp;R第 &amp;P 页，共 &amp;N 页")
    stamp = re.fullmatch(r"&amp;L(.*) 导出于 (\d{4}-\d\d-\d\d \d\d:\d\d)&amp;R.*", footer)
    assert stamp.group(1) == getpass.getuser()
    assert before <= datetime.strptime(stamp.group(2), "%Y-%m-%d %H:%M") <= after  # local time
    assert re.search(r"<oddHeader>&amp;L全部联络站走访记录</oddHeader>", xml)
    assert f"<dc:creator>{getpass.getuser()}</dc:creator>" in sheet_xml(out, "docProps/core.xml")


def test_the_signed_in_officer_is_named_in_the_footer(profile, tmp_path):
    profile.write(many_long_visits, 2)
    profile.write(set_state, server_url="https://sync.example", user="liuyi", display_name="刘一 & 陈二",
                  role="officer", station="csj", device_id="device-1")
    out = tmp_path / "signed-in.xlsx"
    profile.read(export_visit_log, VisitQuery(station="csj"), out)  # the in-process export names them too
    footer = re.search(r"<oddFooter>(.*?)</oddFooter>", sheet_xml(out)).group(1)
    assert footer.startswith("&amp;L刘一 &amp;&amp; 陈二 导出于 ")  # & doubled: a footer's & starts a code
    assert openpyxl.load_workbook(out).active["A1"].value == "长三角楚商联络站走访记录"


def test_rows_are_as_tall_as_their_wrapped_text_in_every_batch(profile, tmp_path):
    """Neither Excel nor LibreOffice sizes rows on opening, so the heights are in the file, past the
    first batch of 2,000 rows too (the writer forgets the heights of rows already written)."""
    profile.write(lambda s: bulk_insert(s, Visit, [dict(
        visit_date=NEWEST - timedelta(days=i % 300), station="csj", officers=["刘一"],
        summary=MINUTES * 4 if i % 2 else "短", purpose="第一行\n第二行\n第三行" if i % 3 == 0 else "回访")
        for i in range(2500)]))
    out = tmp_path / "heights.xlsx"
    export_visit_log_file(profile, VisitQuery(), out)
    sheet = openpyxl.load_workbook(out, read_only=False).active
    summaries = [(r, sheet.cell(r, 9).value, sheet.cell(r, 8).value) for r in range(3, 2503)]
    heights = {r: sheet.row_dimensions[r].height for r, _s, _p in summaries}
    for row, summary, purpose in summaries:
        if summary != "短":  # 104 CJK characters in a column of 34 + 2: at least 6 lines
            assert heights[row] >= 6 * LINE_HEIGHT, row
        elif purpose.count("\n") == 2:
            assert heights[row] >= 3 * LINE_HEIGHT, row
        else:
            assert heights[row] is None, row  # one line: the default height
    assert any(heights[r] for r in range(2100, 2503))


def test_command_line_export_names_the_computer_user(profile, data_dir, tmp_path):
    profile.write(many_long_visits, 3)
    out = tmp_path / "cli.xlsx"
    env = {**os.environ, "LOGNAME": "wuhan-officer", "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run([sys.executable, "-m", "chushang_desk", "export-visits", "--data-dir", str(data_dir),
                           "--out", str(out)], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert "&amp;Lwuhan-officer 导出于 " in sheet_xml(out)
    sheet = openpyxl.load_workbook(out).active
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$2:$2"
