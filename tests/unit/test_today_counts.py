"""The "today" view's data and the sidebar's counts (issue 11, item 5): one read gives the follow-ups
overdue, due today and this week beside the reminders, and the counts alone agree with it."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from chushang_desk.models import Visit
from chushang_desk.services.agenda import follow_up_agenda

from chushang_desk.services.contacts import save_contact
from chushang_desk.services.messages import ValidationFailed
from chushang_desk.services.projects import add_arrival, save_project
from chushang_desk.services.reminders import key_contact_days, save_key_contact_days, today_counts, today_view
from chushang_desk.services.visits import save_visit

TODAY = date(2025, 12, 1)


def _seed(s):
    met = save_contact(s, {"name": "张总", "is_merchant": True, "is_key": True, "station": "jjj"})
    save_contact(s, {"name": "久未访", "is_merchant": True, "is_key": True, "station": "dwq", "company": "长江实业"})
    tasks = [("逾期一", "李明", -3), ("逾期二", "王芳", -1), ("今天", "李明", 0), ("三天后", "李明", 3),
             ("下月", "李明", 30)]
    save_visit(s, {"visit_date": TODAY - timedelta(days=10), "mode": "visit", "station": "jjj",
                   "officers": "李明, 王芳", "contact_ids": [met],
                   "follow_ups": [{"task": t, "owner": o, "due_date": TODAY + timedelta(days=d)} for t, o, d in tasks]})
    save_visit(s, {"visit_date": TODAY - timedelta(days=20), "mode": "visit", "station": "jjj", "officers": "李明",
                   "contact_ids": [met], "next_contact_date": TODAY - timedelta(days=5)})  # answered by the later visit
    other = save_contact(s, {"name": "李总", "is_merchant": True})
    save_visit(s, {"visit_date": TODAY - timedelta(days=30), "mode": "call", "station": "jjj", "officers": "王芳",
                   "contact_ids": [other], "next_contact_date": TODAY + timedelta(days=2)})  # not answered yet
    gone = save_visit(s, {"visit_date": TODAY - timedelta(days=40), "mode": "call", "officers": "李明",
                          "contact_ids": [other], "next_contact_date": TODAY - timedelta(days=1),
                          "follow_ups": [{"task": "已删走访的待办", "owner": "李明", "due_date": TODAY}]})
    s.get(Visit, gone).deleted_at = datetime.now(timezone.utc)  # a deleted visit: nothing of it is due
    project = save_project(s, {"name": "久推项目", "station": "jjj"}, today=TODAY - timedelta(days=40))
    add_arrival(s, project, "100", due_on=TODAY - timedelta(days=2))


def test_the_view_and_the_counts_agree(profile):
    profile.write(_seed)
    view = profile.read(today_view, "", None, TODAY)
    assert [g.key for g in view.agenda] == ["overdue", "today", "week"]
    assert [[i.text for i in g.items] for g in view.agenda] == [["逾期一", "逾期二"], ["今天"], ["", "三天后"]]
    assert view.agenda[2].items[0].kind == "next_contact" and view.agenda[2].items[0].contacts == ["李总"]
    assert [(r.text, r.detail) for r in view.reminders.key_contacts] == [("久未访", "长江实业")]  # 张总: seen lately
    assert [r.text for r in view.reminders.stuck_projects] == ["久推项目"]  # 40 days recommended (limit 30)
    assert [(r.text, r.detail) for r in view.reminders.arrivals_due] == [("久推项目", "100.00")]
    assert view.reminders.stuck_projects[0].detail == "recommended"
    assert view.key_contact_days == 180
    counts = profile.read(today_counts, "", None, TODAY)
    assert counts == view.counts
    assert (counts.overdue, counts.due_today, counts.this_week, counts.due) == (2, 1, 2, 2 + 1 + 1 + 1 + 1)

    mine = profile.read(today_counts, "李明", None, TODAY)  # his own follow-ups; 王芳's overdue one is not
    assert (mine.overdue, mine.due_today, mine.this_week) == (1, 1, 1)  # 王芳's next contact is not his
    at_jjj = profile.read(today_counts, "李明", "jjj", TODAY)  # the station's reminders only
    assert (at_jjj.key_contacts, at_jjj.stuck_projects, at_jjj.arrivals_due) == (0, 1, 1)
    assert profile.read(today_counts, "", None, TODAY + timedelta(days=31)).overdue == 6


@pytest.mark.parametrize("owner", ["", "李明", "王芳"])
def test_the_view_groups_as_the_follow_ups_screen_does(profile, owner):
    """The "today" view reads only its window, the Follow-ups screen everything: the same lines."""
    profile.write(_seed)

    def lines(groups):
        return {g.key: ([(i.kind, i.due, i.text, i.visit_id, i.follow_up_id, i.owner, i.state, i.contacts)
                         for i in g.items], g.count) for g in groups if g.key in ("overdue", "today", "week")}
    for day in (TODAY, TODAY + timedelta(days=3), TODAY + timedelta(days=31)):
        assert lines(profile.read(today_view, owner, None, day).agenda) == lines(
            profile.read(follow_up_agenda, owner, today=day))


def test_the_key_contact_days_setting(profile):
    assert profile.read(key_contact_days) == 180
    assert profile.write(save_key_contact_days, 30) == 30
    assert profile.read(key_contact_days) == 30
    for bad in (0, 3651, "30"):
        with pytest.raises(ValidationFailed):
            profile.write(save_key_contact_days, bad)
    assert profile.read(key_contact_days) == 30
