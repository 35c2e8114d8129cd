"""The follow-ups agenda's groups: overdue, today, the next 7 days, later."""
from datetime import date, timedelta

from chushang_desk.services.agenda import agenda_group

TODAY = date(2026, 12, 2)


def test_each_day_falls_in_one_group():
    groups = {n: agenda_group(TODAY + timedelta(days=n), TODAY) for n in (-400, -1, 0, 1, 7, 8, 30)}
    assert groups == {-400: "overdue", -1: "overdue", 0: "today", 1: "week", 7: "week", 8: "later", 30: "later"}


def test_undated_and_done_follow_ups_have_their_own_groups():
    assert agenda_group(None, TODAY) == "undated"
    assert agenda_group(TODAY - timedelta(days=3), TODAY, done=True) == "done"
    assert agenda_group(None, TODAY, done=True) == "done"
