"""The visit log exported to Excel, read back cell by cell with openpyxl (no Qt)."""
from __future__ import annotations

import multiprocessing
import subprocess
import sys
import time
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import psutil
import pytest

from chushang_desk.exchange.visit_log_reader import (
    VisitLogReader, VisitLogReadError, _reraised, _sendable, sheet_row,
)
from chushang_desk.exchange.visit_log import (
    COLUMNS, default_file_name, display_width, export_visit_log, export_visit_log_file, workbook_title,
)
from chushang_desk.db.bulk import bulk_insert
from chushang_desk.db.engine import WrongKey
from chushang_desk.models import Contact, FollowUp, Organization, Visit, VisitContact, VisitOrganization
from chushang_desk.services.visit_log import iter_visit_log
from chushang_desk.services.visits import VisitQuery

HEADERS = [c.header for c in COLUMNS]
GONE = datetime(2025, 8, 1, 12, 0)
LONG_SUMMARY = "双方就光谷半导体配套项目深入交流，" * 8 + "\n第二段：约定下月来汉考察。"

# The rows an export of the known data set must hold, in log order (newest first, ties by id descending).
V_2024 = [datetime(2024, 12, 31), "长三角楚商联络站", "刘一", "座谈/活动", None, None, None, "年终座谈", None,
          None, None, None, None, None]
V_MARCH = [
    datetime(2025, 3, 14), "长三角楚商联络站", "刘一、陈二", "上门走访",
    "张三（楚天科技有限公司 董事长）；李四（总经理）", "上海湖北商会", "上海浦东", "=SUM(A1:A2)", LONG_SUMMARY,
    "集成电路", 5000.5, "+86 项目意向", "对接用地需求（负责人 王五，截止 2025-04-01，未完成）；寄送招商资料（已完成）",
    datetime(2025, 5, 1),
]
V_MARCH_JJJ = [datetime(2025, 3, 14), "京津冀楚商联络站", "周七", "来汉考察", "李四（总经理）", None, "@光谷", None,
               None, None, None, None, None, None]
V_JUNE = [datetime(2025, 6, 1), "大湾区楚商联络站", "陈二", "电话/视频", "李四（总经理）", None, None, "-负面清单",
          "@提及项目", None, None, None, None, None]


def add(session, obj):
    session.add(obj)
    session.flush()
    return obj


def make_known_visits(session) -> dict[str, str]:
    """Five visits (one deleted), with live and deleted contacts, links, organizations and follow-ups."""
    zhang = add(session, Contact(name="张三", company="楚天科技有限公司", title="董事长", is_merchant=True))
    li = add(session, Contact(name="李四", title="总经理", is_merchant=True))
    wang = add(session, Contact(name="王五", company="已删公司", deleted_at=GONE))
    zhao = add(session, Contact(name="赵六", company="链接已删"))
    chamber = add(session, Organization(name="上海湖北商会", kind="chamber"))
    gone_org = add(session, Organization(name="已删除商会", kind="chamber", deleted_at=GONE))

    march = add(session, Visit(
        visit_date=date(2025, 3, 14), station="csj", officers=["刘一", "陈二"], mode="visit", place="上海浦东",
        purpose="=SUM(A1:A2)", summary=LONG_SUMMARY, intention_industry="ic", intention_amount=Decimal("5000.50"),
        intention_note="+86 项目意向", next_contact_date=date(2025, 5, 1)))
    for contact, deleted in ((zhang, None), (li, None), (wang, None), (zhao, GONE)):
        add(session, VisitContact(visit_id=march.id, contact_id=contact.id, deleted_at=deleted))
    add(session, VisitOrganization(visit_id=march.id, organization_id=chamber.id))
    add(session, VisitOrganization(visit_id=march.id, organization_id=gone_org.id))
    add(session, FollowUp(visit_id=march.id, task="寄送招商资料", done=True))
    add(session, FollowUp(visit_id=march.id, task="对接用地需求", owner="王五", due_date=date(2025, 4, 1)))
    add(session, FollowUp(visit_id=march.id, task="已删除的跟进", due_date=date(2025, 3, 20), deleted_at=GONE))

    jjj = add(session, Visit(visit_date=date(2025, 3, 14), station="jjj", officers=["周七"], mode="inspection",
                             place="@光谷"))
    add(session, VisitContact(visit_id=jjj.id, contact_id=li.id))
    june = add(session, Visit(visit_date=date(2025, 6, 1), station="dwq", officers=["陈二"], mode="call",
                              purpose="-负面清单", summary="@提及项目"))
    add(session, VisitContact(visit_id=june.id, contact_id=li.id))
    old = add(session, Visit(visit_date=date(2024, 12, 31), station="csj", officers=["刘一"], mode="meeting",
                             purpose="年终座谈"))
    deleted = add(session, Visit(visit_date=date(2025, 7, 1), station="csj", officers=["刘一"], purpose="已删除走访",
                                 deleted_at=GONE))
    add(session, VisitContact(visit_id=deleted.id, contact_id=zhang.id))
    return {"march": march.id, "jjj": jjj.id, "june": june.id, "old": old.id, "deleted": deleted.id}


def expected_in_order(ids: dict[str, str]) -> list[list]:
    """Newest first, as the visit list shows them; the two 2025-03-14 visits in descending id order
    (the keyset's tie-break, the list's too)."""
    same_day = sorted([(ids["march"], V_MARCH), (ids["jjj"], V_MARCH_JJJ)], reverse=True)
    return [V_JUNE, *[row for _id, row in same_day], V_2024]



@pytest.fixture
def known(profile):
    return profile.write(make_known_visits)


def sheet_values(path: Path) -> tuple[list[list], object]:
    book = openpyxl.load_workbook(path)
    sheet = book.active
    return [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3)], sheet


def test_every_cell_of_the_unfiltered_log(profile, known, tmp_path):
    out = tmp_path / "all.xlsx"
    assert export_visit_log_file(profile, VisitQuery(), out) == (4, 0, 0)  # visits, odd rows, long texts
    rows, sheet = sheet_values(out)
    assert sheet["A1"].value == "全部联络站走访记录"
    assert [c.value for c in sheet[2]] == HEADERS
    assert rows == expected_in_order(known)


def test_filters_by_period_and_station(profile, known, tmp_path):
    out = tmp_path / "csj.xlsx"
    query = VisitQuery(date_from=date(2025, 1, 1), date_to=date(2025, 12, 31), station="csj")
    assert export_visit_log_file(profile, query, out).visits == 1
    rows, sheet = sheet_values(out)
    assert sheet["A1"].value == "长三角楚商联络站走访记录（2025-01-01 至 2025-12-31）"
    assert rows == [V_MARCH]


def test_period_without_station(profile, known, tmp_path):
    out = tmp_path / "spring.xlsx"
    export_visit_log_file(profile, VisitQuery(date_from=date(2025, 3, 14), date_to=date(2025, 3, 14)), out)
    rows, _sheet = sheet_values(out)
    assert sorted(r[1] for r in rows) == ["京津冀楚商联络站", "长三角楚商联络站"]


def test_layout_freeze_filter_bold_header_dates_and_widths(profile, known, tmp_path):
    out = tmp_path / "layout.xlsx"
    export_visit_log_file(profile, VisitQuery(), out)
    sheet = openpyxl.load_workbook(out).active
    assert sheet.freeze_panes == "A3"
    assert sheet.auto_filter.ref == "A2:N6"
    assert "A1:N1" in {str(r) for r in sheet.merged_cells.ranges}
    assert all(sheet.cell(2, col).font.b for col in range(1, len(COLUMNS) + 1))
    date_cells = [c for c in sheet["A"][2:]] + [c for c in sheet["N"][2:] if c.value is not None]
    assert all(c.is_date and c.number_format == "yyyy-mm-dd" for c in date_cells)
    amounts = [c for c in sheet["K"][2:] if c.value is not None]
    assert [(c.data_type, c.value) for c in amounts] == [("n", 5000.5)]
    widths = {col: sheet.column_dimensions[col].width for col in "BEIN"}
    assert widths["B"] >= display_width("长三角楚商联络站")  # station names fit
    assert widths["E"] >= 20  # contacts with companies are wide ...
    assert widths["I"] <= 40  # ... but the summary wraps instead of running off the page
    summary = next(c for c in sheet["I"][2:] if c.value == LONG_SUMMARY)
    assert summary.alignment.wrap_text and summary.alignment.vertical == "top"
    station = sheet["B3"]  # a plain text cell: the default format, top-aligned and wrapped like the summary
    assert station.value and station.alignment.vertical == "top" and station.alignment.wrap_text
    assert sum(sheet.column_dimensions[c.column_letter].width for c in sheet[2]) < 300  # fits a page at ~55 %


def test_formula_looking_text_stays_text(profile, known, tmp_path):
    out = tmp_path / "formulas.xlsx"
    export_visit_log_file(profile, VisitQuery(), out)
    sheet = openpyxl.load_workbook(out).active
    texts = {"=SUM(A1:A2)", "+86 项目意向", "-负面清单", "@提及项目", "@光谷"}
    found = {c.value: c.data_type for row in sheet.iter_rows(min_row=3) for c in row if c.value in texts}
    assert found == {t: "s" for t in texts}
    with zipfile.ZipFile(out) as package:
        xml = package.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in xml and "<f " not in xml


def test_deleted_visits_links_and_records_are_absent(profile, known, tmp_path):
    out = tmp_path / "live.xlsx"
    export_visit_log_file(profile, VisitQuery(), out)
    rows, _sheet = sheet_values(out)
    text = "\n".join(str(v) for row in rows for v in row if v is not None)
    for gone in ("已删除走访", "王五（", "赵六", "已删除商会", "已删除的跟进"):
        assert gone not in text


def test_batches_page_through_equal_dates(profile, known):
    """Keyset pagination with batches of one still returns every visit once, in the same order."""
    def collect(session, size):
        return [row for batch in iter_visit_log(session, VisitQuery(), batch_size=size) for row in batch]

    assert profile.read(collect, 1) == profile.read(collect, 1000)
    assert len(profile.read(collect, 1)) == 4


def test_cancelled_export_leaves_no_file_and_keeps_the_old_one(profile, known, tmp_path):
    out = tmp_path / "kept.xlsx"
    out.write_bytes(b"an older export")

    class Stop(Exception):
        pass

    def stop_after_first_batch(done, total):
        if done:
            raise Stop()

    with pytest.raises(Stop):
        export_visit_log_file(profile, VisitQuery(), out, stop_after_first_batch)
    assert out.read_bytes() == b"an older export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.xlsx", "profile"]


def test_progress_counts_up_to_the_total(profile, known, tmp_path):
    calls = []
    export_visit_log_file(profile, VisitQuery(), tmp_path / "p.xlsx", lambda d, t: calls.append((d, t)))
    assert calls[0] == (0, 4) and calls[-1] == (4, 4)


def test_unwritable_folder_is_an_os_error(profile, known, tmp_path):
    with pytest.raises(OSError):
        export_visit_log_file(profile, VisitQuery(), tmp_path / "no-such-folder" / "x.xlsx")


def test_empty_log_still_has_title_and_header(profile, tmp_path):
    out = tmp_path / "empty.xlsx"
    assert profile.read(export_visit_log, VisitQuery(station="hk"), out).visits == 0
    rows, sheet = sheet_values(out)
    assert sheet["A1"].value == "香港联络处走访记录" and rows == []


def test_titles_file_names_and_widths():
    assert workbook_title("", VisitQuery(date_from=date(2025, 1, 1))) == "全部联络站走访记录（2025-01-01 起）"
    assert workbook_title("日韩联络处", VisitQuery(date_to=date(2025, 6, 30))) == "日韩联络处走访记录（截至 2025-06-30）"
    q = VisitQuery(date_from=date(2025, 1, 1), date_to=date(2025, 12, 31))
    assert default_file_name(q) == "走访记录_2025-01-01_2025-12-31.xlsx"
    assert default_file_name(VisitQuery()) == "走访记录.xlsx"
    assert display_width("张三ab") == 6 and display_width("") == 0


# --- the command line ---------------------------------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "chushang_desk", "export-visits", *args],
                          capture_output=True, text=True, timeout=120)


def test_cli_exports_a_period_of_one_station(profile, known, data_dir, tmp_path):
    out = tmp_path / "cli.xlsx"
    done = run_cli("--data-dir", str(data_dir), "--out", str(out), "--from", "2025-01-01", "--to", "2025/12/31",
                   "--station", "csj")
    assert done.returncode == 0, done.stderr
    assert "1" in done.stdout
    rows, sheet = sheet_values(out)
    assert sheet["A1"].value == "长三角楚商联络站走访记录（2025-01-01 至 2025-12-31）"
    assert rows == [V_MARCH]


def test_cli_rejects_a_bad_date(profile, data_dir, tmp_path):
    out = tmp_path / "bad.xlsx"
    done = run_cli("--data-dir", str(data_dir), "--out", str(out), "--from", "2025-13-45")
    assert done.returncode != 0
    assert "--from" in done.stderr and "没有13月" in done.stderr and "no month 13" in done.stderr
    assert not out.exists()


def test_cli_rejects_an_unknown_station(profile, data_dir, tmp_path):
    done = run_cli("--data-dir", str(data_dir), "--out", str(tmp_path / "x.xlsx"), "--station", "mars")
    assert done.returncode != 0 and "mars" in done.stderr


def test_cli_reports_an_unwritable_file(profile, data_dir, tmp_path):
    done = run_cli("--data-dir", str(data_dir), "--out", str(tmp_path / "missing" / "x.xlsx"))
    assert done.returncode == 1 and "cannot write" in done.stderr


def test_cli_refuses_a_folder_without_a_profile(tmp_path):
    empty = tmp_path / "nothing-here"
    done = run_cli("--data-dir", str(empty), "--out", str(tmp_path / "x.xlsx"))
    assert done.returncode == 2 and "no profile database" in done.stderr
    assert not empty.exists() and not (tmp_path / "x.xlsx").exists()


# --- the reader process (exchange.visit_log_reader) -----------------------------------------------------


def test_reader_process_sends_the_rows_of_one_snapshot(profile, known):
    with VisitLogReader(profile.db_path, VisitQuery(), batch_size=1, key=profile.key) as log:
        assert (log.total, log.station_name) == (4, "")
        rows = [row for batch in log.batches() for row in batch.rows]
    assert log.exitcode == 0  # it finished on its own
    in_process = profile.read(lambda s: [r for b in iter_visit_log(s, VisitQuery()) for r in b])
    assert rows == [sheet_row(row) for row in in_process]


def test_sheet_rows_hold_dates_as_excel_day_numbers_and_the_amount_as_a_float(profile, known):
    [march] = [row for batch in profile.read(iter_visit_log, VisitQuery(station="csj", date_from=date(2025, 1, 1)))
               for row in batch]
    cells = sheet_row(march)
    assert cells[0] == 45730 and cells[13] == 45778  # 2025-03-14 and 2025-05-01 in Excel's 1900 system
    assert cells[10] == 5000.5 and type(cells[10]) is float
    assert cells[1:10] == tuple(march[1:10]) and cells[11:13] == tuple(march[11:13])


def test_reader_process_names_the_station(profile, known):
    with VisitLogReader(profile.db_path, VisitQuery(station="csj"), key=profile.key) as log:
        assert (log.total, log.station_name) == (2, "长三角楚商联络站")


def test_reader_process_ends_when_the_export_is_cancelled(profile, known, tmp_path):
    """Cancel between batches: the export stops, the reader process is ended and reaped, no orphan."""
    seen = []

    class Stop(Exception):
        pass

    def stop_at_first_progress(done, total):
        seen.extend((p.name, p.pid) for p in multiprocessing.active_children())
        raise Stop()

    with pytest.raises(Stop):
        export_visit_log_file(profile, VisitQuery(), tmp_path / "x.xlsx", stop_at_first_progress)
    [(name, pid)] = seen
    assert name == "chushang-visit-log-reader"
    assert multiprocessing.active_children() == [] and not psutil.pid_exists(pid)


def test_reader_process_ends_when_the_writing_fails(profile, known, tmp_path):
    with pytest.raises(OSError):
        export_visit_log_file(profile, VisitQuery(), tmp_path / "no-such-folder" / "x.xlsx")
    assert multiprocessing.active_children() == []


def test_reader_process_error_reaches_the_caller(tmp_path):
    """A database the child cannot read: its own exception is raised here, with its traceback as the cause."""
    broken = tmp_path / "chushang.db"
    broken.write_bytes(b"this is not a database" * 1000)
    with pytest.raises(WrongKey, match="not a database") as raised:
        with VisitLogReader(broken, VisitQuery(), key=bytes(32)):
            pass
    assert "In the visit-log reader process" in str(raised.value.__cause__)
    assert multiprocessing.active_children() == []


def add_plain_visits(profile, count: int) -> None:
    profile.write(lambda s: bulk_insert(s, Visit, [dict(visit_date=date(2025, 1, 1), station="csj", officers=["刘一"],
                                                        mode="visit", purpose=f"第{i}次") for i in range(count)]))


def test_reader_process_that_vanishes_is_a_clear_error(profile):
    """Batches of one over 3,000 visits fill the pipe long before the end, so the kill comes mid-log."""
    add_plain_visits(profile, 3000)
    with pytest.raises(VisitLogReadError, match="ended unexpectedly"):
        with VisitLogReader(profile.db_path, VisitQuery(), batch_size=1, key=profile.key) as log:
            log.process.kill()
            log.process.join()
            list(log.batches())  # the batches already in the pipe, then the end of it
    assert multiprocessing.active_children() == []


def test_unpicklable_error_in_the_reader_is_named():
    class Odd(Exception):
        def __init__(self, a, b):
            super().__init__(f"{a}/{b}")

    raised = _reraised(_sendable(Odd(1, 2)), "Odd: 1/2", "Traceback ...")
    assert isinstance(raised, VisitLogReadError) and "Odd: 1/2" in str(raised)


ABANDONING_PARENT = """
import sys, time
from chushang_desk.exchange.visit_log_reader import VisitLogReader
from chushang_desk.services.visits import VisitQuery
if __name__ == "__main__":
    key = bytes.fromhex(sys.stdin.readline())  # the key as the app gives it: never in argv or the environment
    with VisitLogReader(sys.argv[1], VisitQuery(), batch_size=1, key=key) as log:
        print(log.process.pid, flush=True)
        time.sleep(60)  # never reads: the child fills the pipe and waits
"""


def test_reader_process_ends_when_its_parent_dies(profile, tmp_path):
    """The app killed mid-export (no clean-up at all): the reader's next send fails and it exits, no orphan."""
    add_plain_visits(profile, 3000)
    script = tmp_path / "parent.py"
    script.write_text(ABANDONING_PARENT)
    parent = subprocess.Popen([sys.executable, str(script), str(profile.db_path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    parent.stdin.write(profile.key.hex() + "\n")
    parent.stdin.close()
    try:
        reader = psutil.Process(int(parent.stdout.readline()))
        parent.kill()
        parent.wait(10)
        assert has_ended(reader, 20)
    finally:
        parent.kill()
        parent.stdout.close()


def has_ended(process: psutil.Process, seconds: float) -> bool:
    """Gone, or a zombie: an orphan is reaped by whoever adopts it, which in a container may be nobody."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if process.status() == psutil.STATUS_ZOMBIE:
                return True
        except psutil.NoSuchProcess:
            return True
        time.sleep(0.1)
    return False
