"""Projects travel (issue 11, item 2's record), through a real server on SQLite and PostgreSQL: a project
moved on one laptop and an instalment added on another both arrive everywhere; an officer of another
station sees neither the project nor its instalments, headquarters sees both."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from chushang_desk.models import CapitalArrival, Project
from chushang_desk.services.projects import add_arrival, arrived_by_project, move_stage, save_project
from chushang_desk.sync.engine import sync_once


def rounds(*devices, times: int = 2) -> None:
    for _ in range(times):
        for device in devices:
            sync_once(device.profile)


def project_state(device, project_id):
    project = device.read(lambda s: s.get(Project, project_id))
    return None if project is None else (project.stage, project.signed_on, project.signed_amount)


def test_a_stage_moved_on_one_laptop_and_capital_added_on_another_both_arrive(make_device):
    a, b = make_device("a", "officer_a"), make_device("b", "lead_a")  # both of station jjj
    other_station, hq = make_device("c", "officer_b"), make_device("hq", "hq")
    project = a.write(save_project, {"name": "小米武汉总部二期", "station": "jjj", "planned_amount": "500000"})
    rounds(a, b)
    a.write(move_stage, project, "signed", date.today())
    b.write(add_arrival, project, "1200.50", date.today())
    rounds(a, b, other_station, hq)
    for device in (a, b, hq):
        assert project_state(device, project)[:1] == ("signed",), device.name
        assert device.read(arrived_by_project) == {project: Decimal("1200.50")}, device.name
    assert project_state(other_station, project) is None
    assert other_station.read(lambda s: s.query(CapitalArrival).count()) == 0
