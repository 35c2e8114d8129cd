"""Reminders (issue 11, item 5, the service): key contacts not visited for N days (a setting), projects
in one stage too long, capital promised and not arrived — counted from a hand-made set."""
from __future__ import annotations

from datetime import date

from chushang_desk.services.contacts import save_contact
from chushang_desk.services.projects import add_arrival, move_stage, save_project
from chushang_desk.services.reminders import reminders
from chushang_desk.services.settings import set_setting
from chushang_desk.services.visits import save_visit

TODAY = date(2025, 12, 1)


def test_what_asks_for_attention_today(profile):
    def make(s):
        seen_lately = save_contact(s, dict(name="近访", is_merchant=True, is_key=True, station="jjj"))
        seen_long_ago = save_contact(s, dict(name="久未访", is_merchant=True, is_key=True, station="jjj"))
        never = save_contact(s, dict(name="从未访", is_merchant=True, is_key=True, station="dwq"))
        save_contact(s, dict(name="非重点", is_merchant=True))  # not key: never a reminder
        save_visit(s, dict(visit_date=date(2025, 11, 1), mode="visit", station="jjj", officers="李明",
                           contact_ids=[seen_lately]))
        save_visit(s, dict(visit_date=date(2025, 1, 5), mode="visit", station="jjj", officers="李明",
                           contact_ids=[seen_long_ago]))
        stuck = save_project(s, {"name": "久推项目", "station": "jjj"}, today=date(2025, 9, 1))  # 91 days recommended
        fresh = save_project(s, {"name": "新项目", "station": "jjj"}, today=date(2025, 11, 20))
        return never, seen_long_ago, stuck, fresh
    never, seen_long_ago, stuck, fresh = profile.write(make)
    profile.write(add_arrival, fresh, "100", due_on=date(2025, 11, 30))  # promised yesterday
    profile.write(add_arrival, fresh, "200", due_on=date(2025, 12, 31))  # not yet due
    profile.write(add_arrival, fresh, "300", due_on=date(2025, 10, 1), arrived_on=date(2025, 10, 2))  # arrived

    found = profile.read(reminders, TODAY)
    assert [(r.text, r.days) for r in found.key_contacts] == [("从未访", None), ("久未访", 330)]
    assert [(r.text, r.days) for r in found.stuck_projects] == [("久推项目", 91)]
    assert [(r.text, r.since) for r in found.arrivals_due] == [("新项目", date(2025, 11, 30))]
    assert found.counts == {"key_contacts": 2, "stuck_projects": 1, "arrivals_due": 1}

    assert [r.text for r in profile.read(reminders, TODAY, "jjj").key_contacts] == ["久未访"]
    profile.write(set_setting, "key_contact_days", "400")
    assert [r.text for r in profile.read(reminders, TODAY).key_contacts] == ["从未访"]
    profile.write(move_stage, stuck, "tracking", date(2025, 11, 25))
    assert profile.read(reminders, TODAY).stuck_projects == []
