"""The bureau's report (issue 11, item 6): `chushang-desk report` writes the summary and the records behind
it, read back cell by cell, and LibreOffice reads the same figures."""
from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from chushang_desk.exchange.bureau_report import write_report
from chushang_desk.services.contacts import save_contact
from chushang_desk.services.events import invite, save_event, set_attended
from chushang_desk.services.projects import add_arrival, move_stage, save_project
from chushang_desk.services.referrals import save_referral

from .test_export_libreoffice import convert_to_csv

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def year_of_work(profile):
    a = profile.write(save_project, {"name": "小米武汉总部二期", "station": "jjj", "is_chushang": True,
                                     "planned_amount": "500000", "district": ""}, today=date(2025, 1, 5))
    b = profile.write(save_project, {"name": "=HYPERLINK(\"x\")", "station": "dwq"}, today=date(2025, 1, 6))
    profile.write(move_stage, a, "signed", date(2025, 2, 10))
    profile.write(save_project, {"signed_amount": "1000.10"}, a)
    profile.write(move_stage, b, "signed", date(2025, 4, 2))
    profile.write(save_project, {"signed_amount": "0.20"}, b)
    profile.write(move_stage, a, "landed", date(2025, 3, 20))
    profile.write(add_arrival, a, "300.10", arrived_on=date(2025, 3, 3))
    profile.write(add_arrival, a, "0.20", arrived_on=date(2025, 3, 4))
    ambassador = profile.write(save_contact, dict(name="王五", is_merchant=True, is_ambassador=True,
                                                  ambassador_since=date(2024, 1, 1)))
    profile.write(save_referral, dict(ambassador_id=ambassador, project_name="光谷芯片", referred_on=date(2025, 3, 1),
                                      status="negotiating", station="jjj"))
    return a, b


def sheet_rows(path, name) -> list[tuple]:
    sheet = openpyxl.load_workbook(path)[name]
    return [tuple(c.value for c in row) for row in sheet.iter_rows()]


def test_the_report_of_a_quarter_has_its_figures_and_the_records_behind_them(profile, year_of_work, tmp_path):
    out = tmp_path / "report.xlsx"
    summary = write_report(profile, 2025, "Q1", out, today=date(2025, 4, 15))
    assert (summary.signed, summary.landed, summary.arrivals, summary.referrals) == (1, 1, 2, 1)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["汇总", "签约项目", "落地项目", "项目到资", "主题活动", "大使推荐"]
    rows = sheet_rows(out, "汇总")
    assert rows[0][0] == "2025 Q1 楚商回归工作定期汇总" and rows[2][:4] == ("工作事项", "单位", "年度目标", "完成")
    by_item = {r[0]: r for r in rows[3:] if r[0]}
    assert by_item["新签约楚商投资项目"][2:4] == (200, 1)
    assert by_item["新签约楚商投资项目"][4] == pytest.approx(0.005) and by_item["新签约楚商投资项目"][6] == "滞后"
    assert by_item["产业到资金额"][3] == pytest.approx(300.30)
    assert by_item["主题活动"][3] == 0 and by_item["主题活动"][6] == "滞后"  # events are counted: none held
    assert book["汇总"].freeze_panes == "A4" and book["汇总"].auto_filter.ref
    signed = sheet_rows(out, "签约项目")
    assert signed[3][0] == "小米武汉总部二期" and signed[3][3] == datetime(2025, 2, 10)
    assert signed[3][4] == pytest.approx(1000.10) and signed[3][8] == "是"
    assert signed[-1][0] == "合计 1 项" and signed[-1][4] == pytest.approx(1000.10)
    assert book["签约项目"]["D4"].number_format == "yyyy-mm-dd"
    arrivals = sheet_rows(out, "项目到资")
    assert [r[2] for r in arrivals[3:5]] == [pytest.approx(300.10), pytest.approx(0.20)]
    assert arrivals[-1][2] == pytest.approx(300.30)
    assert sheet_rows(out, "大使推荐")[3][:2] == ("王五", "光谷芯片")
    assert not list(tmp_path.glob(".report-*"))  # nothing left beside it


def test_the_events_sheet_lists_the_period_s_events_with_their_categories_and_who_came(profile, tmp_path):
    def make(s):
        people = [save_contact(s, {"name": name, "is_merchant": True}) for name in ("甲", "乙", "丙")]
        gala = save_event(s, {"name": "新春楚商联谊会", "held_on": date(2025, 1, 20), "kind": "gathering",
                              "region": "北京", "place": "湖北大厦", "organizer": "京津冀楚商联络站",
                              "categories": ["festival", "key_region"], "station": "jjj"})
        invite(s, gala, people)
        set_attended(s, gala, people[0])
        set_attended(s, gala, people[1])
        fair = save_event(s, {"name": "=SUM(1)", "held_on": date(2025, 3, 31), "kind": "promotion",
                              "categories": ["platform"], "station": "csj"})
        invite(s, fair, people[:1])
        save_event(s, {"name": "二季度的推介会", "held_on": date(2025, 4, 1), "station": "jjj"})  # not in Q1
    profile.write(make)
    out = tmp_path / "events.xlsx"
    summary = write_report(profile, 2025, "Q1", out, today=date(2025, 4, 15))
    assert summary.events == 2
    rows = sheet_rows(out, "主题活动")
    assert rows[0][0] == "2025 Q1 主题活动"
    assert rows[2] == ("活动名称", "活动类型", "举办日期", "地区", "地点", "主办单位", "计入类别", "邀请人数", "出席人数",
                       "联络站")
    assert rows[3] == ("新春楚商联谊会", "联谊会", datetime(2025, 1, 20), "北京", "湖北大厦", "京津冀楚商联络站",
                       "节庆、重点区域", 3, 2, "京津冀楚商联络站")
    assert rows[4][:3] == ("=SUM(1)", "推介会", datetime(2025, 3, 31)) and rows[4][6:] == ("重大平台", 1, 0, "长三角楚商联络站")
    assert rows[-1][0] == "合计 2 项" and rows[-1][7:9] == (4, 2)
    sheet = openpyxl.load_workbook(out)["主题活动"]
    assert sheet.freeze_panes == "A4" and sheet.auto_filter.ref == "A3:J5"
    assert sheet["C4"].number_format == "yyyy-mm-dd" and sheet["A3"].font.b
    assert sheet.column_dimensions["C"].width > 10
    station_only = write_report(profile, 2025, "Q1", tmp_path / "jjj.xlsx", station="jjj", today=date(2025, 4, 15))
    assert [r[0] for r in sheet_rows(station_only.path, "主题活动")[3:-1] if r[0]] == ["新春楚商联谊会"]


def test_the_year_s_report_holds_formula_looking_names_as_text_and_libreoffice_reads_it(profile, year_of_work,
                                                                                       tmp_path):
    out = tmp_path / "year.xlsx"
    write_report(profile, 2025, None, out, today=date(2025, 12, 31))
    signed = sheet_rows(out, "签约项目")
    assert [r[0] for r in signed[3:5]] == ["小米武汉总部二期", '=HYPERLINK("x")']
    assert signed[-1][4] == pytest.approx(1000.30)
    csv_rows = convert_to_csv(out, tmp_path)  # the first sheet: the summary
    items = {r[0]: r for r in csv_rows if r and r[0]}
    assert items["新签约楚商投资项目"][2:4] == ["200", "2"]


def test_the_command_writes_the_report_and_refuses_a_period_in_words(profile, year_of_work, tmp_path):
    data_dir = profile.data_dir
    profile.close()
    env = {"CHUSHANG_PASSPHRASE": "test-passphrase", "CHUSHANG_ARGON2": "fast",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    out = tmp_path / "cli.xlsx"
    done = subprocess.run([sys.executable, "-m", "chushang_desk", "--lang", "en", "report", "--data-dir",
                           str(data_dir), "--year", "2025", "--period", "H1", "--out", str(out)], cwd=REPO,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2025 H1" in done.stdout and out.exists()
    bad = subprocess.run([sys.executable, "-m", "chushang_desk", "--lang", "en", "report", "--data-dir",
                          str(data_dir), "--year", "2025", "--period", "Q5", "--out", str(out)], cwd=REPO, env=env,
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "Q1–Q4" in bad.stderr
