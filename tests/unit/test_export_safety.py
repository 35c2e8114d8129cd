"""The visit-log export never loses or cuts a value: long texts, early dates, control characters, odd
rows; and a killed export leaves nothing behind. Read back with openpyxl and from the sheet's XML."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl

from chushang_desk.db.bulk import bulk_insert
from chushang_desk.exchange.export_scratch import PARTIAL_NOTE, SealedSpool, remove_export_leftovers
from chushang_desk.exchange.visit_log import (
    LONG_SHEET, SCRATCH_FOLDER, export_visit_log_file, remove_profile_leftovers,
)
from chushang_desk.exchange.visit_log_cells import EXCEL_CELL_LIMIT, pieces
from chushang_desk.models import Contact, FollowUp, Visit, VisitContact
from chushang_desk.services.visit_log import iter_visit_log
from chushang_desk.services.visits import VisitQuery

ATTENDEES = 1500


def big_meeting(session) -> str:
    """A 1,500-person meeting (its attendee list ~60,000 characters), long follow-ups, a 100,000-character
    summary with emoji (two UTF-16 units each), and an ordinary visit after it."""
    people = bulk_insert(session, Contact, [dict(name=f"参会者{i:04d}", company="湖北楚商企业有限公司", title="代表")
                                            for i in range(ATTENDEES)])
    [meeting, after] = bulk_insert(session, Visit, [
        dict(visit_date=date(2025, 9, 1), station="csj", officers=["刘一"], mode="meeting",
             summary=("楚商大会🎉" * 20_000), purpose="年会"),
        dict(visit_date=date(2025, 9, 2), station="csj", officers=["陈二"], mode="visit", purpose="回访"),
    ])
    bulk_insert(session, VisitContact, [dict(visit_id=meeting, contact_id=c) for c in people])
    bulk_insert(session, FollowUp, [dict(visit_id=meeting, task=f"跟进第{i}项：" + "寄送资料" * 300, owner="刘一")
                                    for i in range(40)])
    return meeting


def whole_texts(book) -> dict[tuple[int, str], str]:
    """(row on the log sheet, column header) -> the pieces on the 长文本 sheet joined in order."""
    parts: dict[tuple[int, str], list[tuple[int, str]]] = {}
    for row, header, number, text in book[LONG_SHEET].iter_rows(min_row=2, values_only=True):
        index, count = map(int, number.split("/"))
        parts.setdefault((row, header), []).append((index, text))
    return {key: "".join(t for _i, t in sorted(ps)) for key, ps in parts.items()}


def test_texts_over_the_cell_limit_are_complete_on_the_long_texts_sheet(profile, tmp_path):
    profile.write(big_meeting)
    [[_after, expected]] = profile.read(lambda s: list(iter_visit_log(s, VisitQuery())))
    out = tmp_path / "meeting.xlsx"
    report = export_visit_log_file(profile, VisitQuery(), out)
    assert (report.visits, report.odd_rows, report.long_texts) == (2, 0, 3)
    book = openpyxl.load_workbook(out)
    log = book["走访记录"]
    headers = [c.value for c in log[2]]
    whole = whole_texts(book)
    for field, header in (("contacts", "走访对象（单位 职务）"), ("summary", "纪要"), ("follow_ups", "跟进事项")):
        text = getattr(expected, field)
        assert len(text) > EXCEL_CELL_LIMIT
        assert whole[(4, header)] == text  # joined back, the whole text
        cell = log.cell(4, headers.index(header) + 1).value
        assert cell.startswith(text[:1000]) and f"见“{LONG_SHEET}”表" in cell
        assert len(cell.encode("utf-16-le")) // 2 <= EXCEL_CELL_LIMIT
    assert "参会者1499" in whole[(4, "走访对象（单位 职务）")]
    assert log.cell(3, 8).value == "回访"  # the visit a day later is on the row above (newest first), untouched
    notes = [c.value for c in log["A"] if isinstance(c.value, str) and c.value.startswith("注：")]
    assert notes and "3 个单元格" in notes[0]


def test_pieces_fit_a_cell_in_utf16_units():
    text = "😀" * 40_000 + "尾"
    parts = pieces(text)
    assert "".join(parts) == text
    assert all(len(p.encode("utf-16-le")) // 2 <= EXCEL_CELL_LIMIT for p in parts)


def sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read("xl/worksheets/sheet1.xml").decode("utf-8")


EARLY = [date(1, 1, 1), date(1899, 12, 31), date(1900, 1, 1), date(1900, 2, 28), date(1900, 3, 1), date(2025, 3, 14)]


def test_dates_before_1900_03_01_are_iso_text_and_later_ones_right_serials(profile, tmp_path):
    profile.write(lambda s: bulk_insert(s, Visit, [dict(visit_date=d, station="csj", officers=["刘一"], purpose=str(d))
                                                   for d in EARLY]))
    out = tmp_path / "early.xlsx"
    export_visit_log_file(profile, VisitQuery(), out)
    sheet = openpyxl.load_workbook(out).active
    cells = [sheet.cell(r, 1) for r in range(3, 3 + len(EARLY))][::-1]  # newest first: the earliest last
    assert [c.value for c in cells[:4]] == ["0001-01-01", "1899-12-31", "1900-01-01", "1900-02-28"]
    assert all(c.data_type == "s" for c in cells[:4])
    assert [c.value for c in cells[4:]] == [datetime(1900, 3, 1), datetime(2025, 3, 14)]
    xml = sheet_xml(out)
    assert re.search(r'<c r="A4"[^>]*><v>61</v></c>', xml)  # Excel's serial of 1900-03-01
    assert re.search(r'<c r="A3"[^>]*><v>45730</v></c>', xml)
    assert not re.search(r'<c r="A[5-8]"[^>]*><v>\d+</v>', xml.replace('t="s"', "TEXT"))


def test_control_characters_are_replaced_visibly_never_cut(profile, tmp_path):
    profile.write(lambda s: bulk_insert(s, Visit, [dict(
        visit_date=date(2025, 1, 2), station="csj", officers=["刘\x00一", "陈二"], place="武汉\ufffe光谷",
        summary="第一段\x0b第二段\x1f完\t制表\n换行")]))
    out = tmp_path / "controls.xlsx"
    export_visit_log_file(profile, VisitQuery(), out)
    row = [c.value for c in openpyxl.load_workbook(out).active[3]]
    assert row[2] == "刘\ufffd一、陈二"
    assert row[6] == "武汉\ufffd光谷"
    assert row[8] == "第一段\ufffd第二段\ufffd完\t制表\n换行"


ODD_ROWS = [
    # (visit_date, intention_amount, officers, summary): what a damaged database or an old server left
    ("20250101", "12.5", '["刘一"]', "日期不是 ISO"),
    ("2025-01-03", "1e400", '["刘一"]', "金额过大"),
    ("2025-01-04", "abc", '["刘一"]', "金额不是数"),
    ("2025-01-05", "NaN", '["刘一"]', "金额非数"),
    ("2025-01-06", None, "not json", "人员不是 JSON"),
    ("2025-01-07", None, '{"name": "刘一"}', "人员不是列表"),
    ("2025-01-08", None, "5", "人员是数"),
]


def insert_odd_rows(session) -> None:
    """Ordinary rows, then their columns overwritten in raw SQL with what no service would store."""
    ids = bulk_insert(session, Visit, [dict(visit_date=date(2025, 1, 1), station="csj", officers=["刘一"], summary=summary)
                                       for *_values, summary in ODD_ROWS] + [dict(visit_date=date(2025, 1, 9),
                                                                                  station="csj", summary="blob")])
    bulk_insert(session, FollowUp, [dict(visit_id=ids[0], task="寄资料", owner="刘一")])
    conn = session.connection().connection.driver_connection
    for day, amount, officers, summary in ODD_ROWS:
        conn.execute("UPDATE visit SET visit_date = ?, intention_amount = ?, officers = ? WHERE summary = ?",
                     (day, amount, officers, summary))
    conn.execute("UPDATE visit SET summary = X'E6ADA3FF' WHERE summary = 'blob'")
    conn.execute("UPDATE follow_up SET due_date = 'soon' WHERE task = '寄资料'")


def test_odd_rows_are_exported_as_stored_and_counted(profile, tmp_path):
    profile.write(lambda s: bulk_insert(s, Visit, [dict(visit_date=date(2025, 1, 2), station="csj",
                                                        officers=["周七"], summary="正常")]))
    profile.write(insert_odd_rows)
    out = tmp_path / "odd.xlsx"
    report = export_visit_log_file(profile, VisitQuery(), out)
    assert report.visits == len(ODD_ROWS) + 2 and report.odd_rows == len(ODD_ROWS) + 1
    sheet = openpyxl.load_workbook(out).active
    rows = {r[8]: r for r in sheet.iter_rows(min_row=3, values_only=True) if r[8]}
    assert rows["正常"][0] == datetime(2025, 1, 2) and rows["正常"][2] == "周七"
    assert rows["日期不是 ISO"][0] == "20250101" and "截止 soon" in rows["日期不是 ISO"][12]
    assert rows["金额过大"][10] == "1e400" and rows["金额不是数"][10] == "abc" and rows["金额非数"][10] == "NaN"
    assert rows["人员不是 JSON"][2] == "not json" and rows["人员不是列表"][2] == '{"name": "刘一"}'
    assert rows["人员是数"][2] == "5"
    assert "正\ufffd" in rows
    notes = [c.value for c in sheet["A"] if isinstance(c.value, str) and c.value.startswith("注：")]
    assert notes == [f"注：{len(ODD_ROWS) + 1} 条记录含有格式不符的数据（如日期、金额），已按原样以文字导出。"]


# --- nothing left behind --------------------------------------------------------------------------------

KILLED_EXPORT = """
import sys, time
from chushang_desk.exchange.visit_log import export_visit_log_file
from chushang_desk.services.profile import open_profile
from chushang_desk.services.visits import VisitQuery

def stop_midway(done, total):
    if done:
        print("midway", flush=True)
        time.sleep(120)

if __name__ == "__main__":
    export_visit_log_file(open_profile(sys.argv[1]), VisitQuery(), sys.argv[2], stop_midway)
"""


def names_under(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def test_an_export_killed_midway_leaves_nothing_behind(profile, data_dir, tmp_path):
    profile.write(lambda s: bulk_insert(s, Visit, [dict(visit_date=date(2025, 1, 1), station="csj", officers=["刘一"],
                                                        summary=f"CANARY-纪要-{i}") for i in range(4500)]))
    target_dir = tmp_path / "exports"
    target_dir.mkdir()
    before = names_under(data_dir)
    script = tmp_path / "killed.py"
    script.write_text(KILLED_EXPORT)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    child = subprocess.Popen([sys.executable, str(script), str(data_dir), str(target_dir / "log.xlsx")],
                             stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert child.stdout.readline().strip() == "midway"
        os.kill(child.pid, signal.SIGKILL)
        child.wait(30)
    finally:
        child.kill()
        child.stdout.close()
    assert list(target_dir.iterdir()) == []
    assert names_under(data_dir) - before <= {SCRATCH_FOLDER}  # an empty private folder, nothing in it
    assert list((data_dir / SCRATCH_FOLDER).iterdir()) == []
    assert oct((data_dir / SCRATCH_FOLDER).stat().st_mode & 0o777) == "0o700"


def test_old_leftovers_are_removed_at_the_next_start(profile, data_dir, tmp_path):
    target_dir = tmp_path / "exports"
    target_dir.mkdir()
    old_style = target_dir / ".visit-log-k2j4h8aa"  # what earlier versions left: rows in plain text
    old_style.mkdir()
    (old_style / "tmpabc").write_text("<row><c><is><t>张三</t></is></c></row>")
    dead = dead_pid()
    scratch = data_dir / SCRATCH_FOLDER
    killed = scratch / f".visit-log-p{dead}-abcd"
    killed.mkdir(parents=True)
    hidden = target_dir / f".visit-log-p{dead}-0123.xlsx"
    hidden.write_bytes(b"PK half a workbook")
    (killed / PARTIAL_NOTE).write_text(str(hidden))
    running = scratch / f".visit-log-p{os.getppid()}-live"  # an export still running elsewhere
    running.mkdir()
    unrelated = target_dir / "visit-log-notes.txt"
    unrelated.write_text("mine")

    assert remove_profile_leftovers(profile) == 1  # what the app does when it opens the profile
    assert not killed.exists() and not hidden.exists() and running.exists()
    export_visit_log_file(profile, VisitQuery(), target_dir / "new.xlsx")  # and every export, where it writes
    assert sorted(p.name for p in target_dir.iterdir()) == ["new.xlsx", "visit-log-notes.txt"]


def dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


def test_sealed_row_data_is_neither_named_nor_plain_on_disk(tmp_path):
    spool = SealedSpool(str(tmp_path))
    spool.write("<row>张三 13800138000</row>" * 1000)
    spool.seal()
    spool.write("尾")
    assert list(tmp_path.iterdir()) == []  # unlinked as it was made
    spool._file.seek(0)
    assert "13800138000".encode() not in spool._file.read()
    assert "".join(spool.unsealed()) == "<row>张三 13800138000</row>" * 1000 + "尾"
    spool.close()


def test_leftover_removal_never_raises(tmp_path):
    assert remove_export_leftovers(tmp_path / "missing", None) == 0
