"""Dates as officers type them: the forms read, the days the calendar lacks refused by name (never rolled
over), the same for the services and for `chushang-desk export-visits`."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest

from chushang_desk import cli
from chushang_desk.services.messages import Message, ValidationFailed
from chushang_desk.services.validation import BadDate, parse_date
from chushang_desk.services.visits import save_visit


@pytest.mark.parametrize("typed", ["2025-02-28", "2025/2/28", "20250228", "2025.2.28", "2025年2月28日",
                                   "２０２５－０２－２８", "２０２５０２２８", " 2025 - 2 - 28 "])
def test_the_forms_officers_type_are_read(typed):
    assert parse_date(typed) == date(2025, 2, 28)


def test_a_leap_day_is_a_day():
    assert parse_date("20240229") == date(2024, 2, 29)


@pytest.mark.parametrize("typed, code, zh, en", [
    ("20250230", "no_such_day", "日期不存在：2025年2月没有30日", "No such date: February 2025 has no day 30"),
    ("2025-02-29", "no_such_day", "日期不存在：2025年2月没有29日", "No such date: February 2025 has no day 29"),
    ("2025/4/31", "no_such_day", "日期不存在：2025年4月没有31日", "No such date: April 2025 has no day 31"),
    ("2025-13-01", "no_such_month", "日期不存在：没有13月", "No such date: there is no month 13"),
    ("20250015", "no_such_month", "日期不存在：没有0月", "No such date: there is no month 0"),
    ("2025-3", "bad_date", "日期格式应为 2025-03-14", "Dates are written like 2025-03-14"),
    ("下周三", "bad_date", "日期格式应为 2025-03-14", "Dates are written like 2025-03-14"),
])
def test_a_day_the_calendar_lacks_is_refused_by_name(typed, code, zh, en):
    with pytest.raises(BadDate) as refused:
        parse_date(typed)
    assert refused.value.message.code == code
    assert (refused.value.message.render("zh_CN"), refused.value.message.render("en")) == (zh, en)


def test_empty_is_no_date():
    assert parse_date("") is None and parse_date("  ") is None and parse_date(None) is None


def test_the_service_refuses_an_impossible_visit_date_and_saves_nothing(profile):
    from chushang_desk.services.contacts import save_contact
    from chushang_desk.services.visits import VisitQuery, find_visit_ids

    zhang = profile.write(save_contact, {"name": "张三", "is_merchant": True})
    data = dict(visit_date="20250230", mode="visit", station="jjj", officers="李明", contact_ids=[zhang],
                next_contact_date="2025-13-01",
                follow_ups=[dict(task="寄资料", owner="李明", due_date="2025-02-29")])
    with pytest.raises(ValidationFailed) as failed:
        profile.write(save_visit, data)
    errors = failed.value.errors
    assert errors["visit_date"] == Message("no_such_day", {"year": 2025, "month": 2, "day": 30,
                                                            "month_name": "February"})
    assert errors["next_contact_date"].code == "no_such_month"
    assert errors["follow_ups"].render("zh_CN") == "第 1 条待办的日期：日期不存在：2025年2月没有29日"
    assert errors["follow_ups"].render("en") == "Follow-up 1, due date: No such date: February 2025 has no day 29"
    assert profile.read(find_visit_ids, VisitQuery()) == []
    # Typed as officers do, the same visit saves.
    data.update(visit_date="20250228", next_contact_date="2025/3/31", follow_ups=[])
    assert profile.write(save_visit, data)


@pytest.mark.parametrize("option, typed, said", [
    ("--from", "20250230", "日期不存在：2025年2月没有30日 / No such date: February 2025 has no day 30"),
    ("--to", "2025-02-29", "日期不存在：2025年2月没有29日 / No such date: February 2025 has no day 29"),
    ("--to", "2025-13-01", "日期不存在：没有13月 / No such date: there is no month 13"),
])
def test_export_visits_refuses_an_impossible_date_in_one_line(option, typed, said, tmp_path, capsys):
    out = tmp_path / "x.xlsx"
    umask = os.umask(0o077)  # cli.main sets the process's umask: put back what pytest had
    try:
        code = cli.main(["export-visits", "--data-dir", str(tmp_path / "profile"), "--out", str(out), option, typed])
    finally:
        os.umask(umask)
    err = capsys.readouterr().err
    assert code == 2
    assert err == f"chushang-desk export-visits: {option} {typed!r}: {said}\n"
    assert not out.exists()


def test_export_visits_reads_dates_as_officers_type_them(profile, data_dir, tmp_path):
    from chushang_desk.services.contacts import save_contact

    zhang = profile.write(save_contact, {"name": "张三", "is_merchant": True})
    for day in (date(2025, 2, 28), date(2025, 3, 1)):
        profile.write(save_visit, dict(visit_date=day, mode="visit", station="jjj", officers="李明",
                                       contact_ids=[zhang]))
    out = tmp_path / "feb.xlsx"
    done = subprocess.run([sys.executable, "-m", "chushang_desk", "export-visits", "--data-dir", str(data_dir),
                           "--out", str(out), "--from", "２０２５０２０１", "--to", "2025.2.28"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "exported 1 visits" in done.stdout and out.exists()


def test_the_real_command_refuses_an_impossible_date_without_a_traceback(tmp_path):
    out = tmp_path / "x.xlsx"
    done = subprocess.run([sys.executable, "-m", "chushang_desk", "export-visits", "--data-dir",
                           str(tmp_path / "profile"), "--out", str(out), "--from", "20250230"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "2025年2月没有30日" in done.stderr and "2025-02-03" not in done.stderr
    assert not out.exists()
