"""Projects (issue 11, item 2, the record and its rules): stages with the day of each, dropped with a
reason and taken up again, capital arrived from dated instalments counted once, every edit synced."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from chushang_desk.models import CapitalArrival, OutboxEntry, Project
from chushang_desk.services.messages import NotFound, ValidationFailed
from chushang_desk.services.organizations import save_organization
from chushang_desk.services.contacts import save_contact
from chushang_desk.services.projects import (
    ProjectQuery, add_arrival, arrived_by_project, days_in_stage, find_projects, list_projects, move_stage,
    project_board, project_detail, save_project, waiting_too_long,
)


@pytest.fixture
def project(profile):
    def make(s):
        investor = save_organization(s, {"name": "小米科技", "kind": "company"})
        return save_project(s, {"name": "小米武汉总部二期", "organization_id": investor, "industry": "",
                                "planned_amount": "500000", "station": "dwq", "is_chushang": True,
                                "tracked_by": "李明、王芳"}, today=date(2025, 1, 10))
    return profile.write(make)


def stored(profile, project_id) -> dict:
    return profile.read(lambda s: {c.name: getattr(s.get(Project, project_id), c.name)
                                   for c in Project.__table__.columns})


def test_a_new_project_is_recommended_today_with_exact_amounts_and_officers(profile, project):
    row = stored(profile, project)
    assert (row["stage"], row["recommended_on"], row["tracked_by"]) == ("recommended", date(2025, 1, 10), ["李明", "王芳"])
    assert row["planned_amount"] == Decimal("500000.00") and row["is_chushang"] is True
    pending = profile.read(lambda s: [(e.table_name, e.op) for e in s.query(OutboxEntry).filter_by(row_id=project)])
    assert pending == [("project", "upsert")]  # it travels like every record


def test_stages_keep_their_days_a_skipped_one_none_and_moving_back_forgets_later_ones(profile, project):
    profile.write(move_stage, project, "signed", date(2025, 3, 1))
    profile.write(move_stage, project, "landed", date(2025, 9, 1))
    row = stored(profile, project)
    assert (row["tracking_on"], row["signed_on"], row["landed_on"]) == (None, date(2025, 3, 1), date(2025, 9, 1))
    profile.write(move_stage, project, "tracking", date(2025, 9, 2))  # a signing that fell through
    row = stored(profile, project)
    assert (row["stage"], row["tracking_on"], row["signed_on"], row["landed_on"]) == (
        "tracking", date(2025, 9, 2), None, None)


def test_a_stage_s_day_may_not_come_before_the_stage_before_it(profile, project):
    with pytest.raises(ValidationFailed) as refused:
        profile.write(move_stage, project, "signed", date(2024, 12, 31))
    assert refused.value.errors["signed_on"].code == "project_stage_order"
    assert stored(profile, project)["stage"] == "recommended"


def test_dropping_needs_a_reason_and_taking_it_up_again_forgets_the_drop(profile, project):
    with pytest.raises(ValidationFailed) as refused:
        profile.write(move_stage, project, "dropped", date(2025, 2, 1))
    assert "dropped_reason" in refused.value.errors
    profile.write(move_stage, project, "dropped", date(2025, 2, 1), "投资方资金链紧张")
    assert (stored(profile, project)["stage"], stored(profile, project)["dropped_reason"]) == ("dropped", "投资方资金链紧张")
    profile.write(move_stage, project, "tracking", date(2025, 5, 1))
    row = stored(profile, project)
    assert (row["stage"], row["dropped_on"], row["dropped_reason"], row["recommended_on"]) == (
        "tracking", None, "", date(2025, 1, 10))


def test_what_the_declaration_refuses_is_refused_before_saving(profile):
    with pytest.raises(ValidationFailed) as refused:
        profile.write(save_project, {"name": "", "stage": "won", "planned_amount": "-5", "waiting_on": ["luck"],
                                     "source": "rumour"})
    assert {"name", "stage", "planned_amount", "waiting_on", "source"} <= set(refused.value.errors)
    with pytest.raises(ValidationFailed) as refused:
        profile.write(save_project, {"name": "大项目", "planned_amount": "1" * 11})  # over 10 digits of 万元
    assert "planned_amount" in refused.value.errors
    assert profile.read(lambda s: s.query(Project).count()) == 0


def test_capital_arrived_is_each_project_s_arrived_instalments_once(profile, project):
    other = profile.write(save_project, {"name": "光谷芯片", "station": "dwq"})
    profile.write(add_arrival, project, "1000", arrived_on=date(2025, 4, 1))
    profile.write(add_arrival, project, "250.5", arrived_on=date(2025, 12, 31))
    profile.write(add_arrival, project, "9999", due_on=date(2026, 3, 1))  # promised, not arrived
    profile.write(add_arrival, other, "30", arrived_on=date(2026, 1, 2))
    assert profile.read(arrived_by_project) == {project: Decimal("1250.50"), other: Decimal("30.00")}
    assert profile.read(arrived_by_project, date(2025, 12, 31), date(2025, 1, 1)) == {project: Decimal("1250.50")}
    rows = {r.id: r for r in profile.read(list_projects)}
    assert rows[project].arrived == Decimal("1250.50") and rows[other].arrived == Decimal("30.00")
    entries = profile.read(lambda s: {e.table_name for e in s.query(OutboxEntry)})
    assert "capital_arrival" in entries
    with pytest.raises(ValidationFailed):
        profile.write(add_arrival, project, "100")  # neither arrived nor promised: which day?
    with pytest.raises(NotFound):
        profile.write(add_arrival, "no-such-project", "100", arrived_on=date(2025, 1, 1))
    assert profile.read(lambda s: s.query(CapitalArrival).count()) == 4


def test_a_project_in_one_stage_too_long_is_marked(profile, project):
    row = next(r for r in profile.read(list_projects) if r.id == project)
    assert not waiting_too_long(row, date(2025, 2, 9)) and waiting_too_long(row, date(2025, 2, 10))
    profile.write(move_stage, project, "landed", date(2025, 3, 1))
    landed = next(r for r in profile.read(list_projects, "landed") if r.id == project)
    assert not waiting_too_long(landed, date(2030, 1, 1))  # a landed project waits for nothing


def test_an_edit_changes_the_fields_it_names_only(profile, project):
    profile.write(move_stage, project, "signed", date(2025, 3, 1))
    profile.write(save_project, {"signed_amount": "480000", "waiting_on": ["land"]}, project)
    row = stored(profile, project)
    assert (row["stage"], row["signed_on"], row["signed_amount"], row["waiting_on"], row["name"]) == (
        "signed", date(2025, 3, 1), Decimal("480000.00"), ["land"], "小米武汉总部二期")


# --- what the screens read ---------------------------------------------------------------------------


@pytest.fixture
def several(profile, project):
    """The 小米 project (dwq, 楚商) and three more, hand-picked for the filters."""
    ids = {"xiaomi": project}
    ids["chip"] = profile.write(save_project, {"name": "光谷芯片", "station": "jjj", "industry": "ic",
                                               "is_alumni": True, "is_chushang": False}, today=date(2025, 2, 1))
    ids["car"] = profile.write(save_project, {"name": "新能源汽车零部件", "station": "dwq", "industry": "auto",
                                              "stage": "signed", "signed_on": date(2025, 3, 3)})
    ids["park"] = profile.write(save_project, {"name": "临空港物流园", "station": "jjj", "industry": "ic",
                                               "stage": "tracking", "tracking_on": date(2025, 4, 1)})
    return ids


def names(rows) -> set[str]:
    return {r.name for r in rows}


def test_the_list_filters_by_stage_station_industry_flags_and_part_of_a_name(profile, several):
    assert len(profile.read(find_projects)) == 4
    assert names(profile.read(find_projects, ProjectQuery(stage="signed"))) == {"新能源汽车零部件"}
    assert names(profile.read(find_projects, ProjectQuery(station="jjj"))) == {"光谷芯片", "临空港物流园"}
    assert names(profile.read(find_projects, ProjectQuery(industry="ic", station="jjj", alumni=True))) == {"光谷芯片"}
    assert "光谷芯片" not in names(profile.read(find_projects, ProjectQuery(chushang=True)))
    assert names(profile.read(find_projects, ProjectQuery(text="芯片"))) == {"光谷芯片"}
    assert names(profile.read(find_projects, ProjectQuery(text="小米科技"))) == {"小米武汉总部二期"}  # the investor
    assert profile.read(find_projects, ProjectQuery(text="100%")) == []  # % is a character, not a wildcard
    [row] = profile.read(find_projects, ProjectQuery(text="小米"))
    assert (row.investor, row.stage_since, row.planned_amount) == ("小米科技", date(2025, 1, 10), Decimal("500000.00"))


def test_the_board_puts_each_card_in_its_stage_longest_waiting_first_whatever_the_stage_filter(profile, several):
    board = profile.read(project_board, ProjectQuery(stage="signed", station="dwq"))
    assert list(board) == ["recommended", "tracking", "signed", "landed", "dropped"]
    assert {stage: [r.name for r in rows] for stage, rows in board.items()} == {
        "recommended": ["小米武汉总部二期"], "tracking": [], "signed": ["新能源汽车零部件"], "landed": [],
        "dropped": []}
    everything = profile.read(project_board)
    assert [r.name for r in everything["recommended"]] == ["小米武汉总部二期", "光谷芯片"]  # 1-10 before 2-01
    profile.write(move_stage, several["chip"], "dropped", date(2025, 6, 1), "资金未到位")
    assert [r.name for r in profile.read(project_board)["dropped"]] == ["光谷芯片"]
    assert days_in_stage(everything["tracking"][0], date(2025, 4, 11)) == 10


def test_a_project_s_page_has_its_names_history_instalments_and_totals(profile, project):
    boss = profile.write(save_contact, {"name": "雷军", "is_merchant": True})
    profile.write(save_project, {"contact_id": boss, "waiting_on": ["land", "policy"]}, project)
    profile.write(move_stage, project, "signed", date(2025, 3, 1))
    profile.write(add_arrival, project, "1000", arrived_on=date(2025, 4, 1), notes="首期")
    profile.write(add_arrival, project, "500", due_on=date(2025, 2, 1))
    profile.write(add_arrival, project, "250.5", arrived_on=date(2025, 3, 15))
    detail = profile.read(project_detail, project)
    assert (detail["name"], detail["organization"], detail["contact"], detail["waiting_on"]) == (
        "小米武汉总部二期", "小米科技", "雷军", ["land", "policy"])
    assert detail["history"] == [("recommended", date(2025, 1, 10)), ("signed", date(2025, 3, 1))]
    assert [(a.amount, a.arrived_on, a.due_on) for a in detail["arrivals"]] == [
        (Decimal("500.00"), None, date(2025, 2, 1)), (Decimal("250.50"), date(2025, 3, 15), None),
        (Decimal("1000.00"), date(2025, 4, 1), None)]
    assert (detail["arrived"], detail["promised"]) == (Decimal("1250.50"), Decimal("500.00"))
    with pytest.raises(NotFound):
        profile.read(project_detail, "no-such-project")


def test_an_instalment_s_days_may_come_as_typed_and_an_impossible_one_is_named(profile, project):
    profile.write(add_arrival, project, "300", arrived_on="2025年4月1日", due_on="")
    with pytest.raises(ValidationFailed) as refused:
        profile.write(add_arrival, project, "300", arrived_on="", due_on="20250230")
    assert refused.value.errors["due_on"].code == "no_such_day" and "arrived_on" not in refused.value.errors
    detail = profile.read(project_detail, project)
    assert [(a.amount, a.arrived_on, a.due_on) for a in detail["arrivals"]] == [
        (Decimal("300.00"), date(2025, 4, 1), None)]
