"""Visit services without Qt: logging, editing, deleting visits, follow-ups and their due states."""
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from chushang_desk.models import FollowUp, OutboxEntry, Visit, VisitContact, VisitOrganization
from chushang_desk.services.contacts import save_contact
from chushang_desk.services.messages import ValidationFailed
from chushang_desk.services.visits import (
    VisitQuery, delete_visit, due_state, find_follow_up_ids, find_visit_ids, first_visit_rows, follow_up_rows,
    get_visit,
    my_follow_ups, officer_names, restore_visit, save_visit, set_follow_up_done, split_officers, visit_rows,
)

TODAY = date.today()


def _contact(profile, name, company="华星科技"):
    return profile.write(save_contact, {"name": name, "is_merchant": True, "company": company})


def _visit(contact_ids, **extra):
    data = dict(visit_date=TODAY, mode="visit", station="jjj", officers="李明, 王芳", place="北京",
                purpose="了解回汉投资意向", summary="谈了光谷的项目", contact_ids=contact_ids,
                intention_industry="ic", intention_amount="5000", follow_ups=[
                    dict(task="寄送园区资料", owner="李明", due_date=TODAY - timedelta(days=2)),
                    dict(task="约见区招商局", owner="王芳", due_date=TODAY + timedelta(days=3)),
                ])
    data.update(extra)
    return data


def _outbox(profile, table, row_id):
    return profile.read(lambda s: [(e.op, e.fields) for e in s.scalars(
        select(OutboxEntry).where(OutboxEntry.table_name == table, OutboxEntry.row_id == row_id)
        .order_by(OutboxEntry.mid))])


def test_save_visit_writes_rows_and_outbox(profile):
    a, b = _contact(profile, "张三"), _contact(profile, "李四")
    visit_id = profile.write(save_visit, _visit([a, b]))
    visit = profile.read(get_visit, visit_id)
    assert [c["name"] for c in visit["contacts"]] == ["张三", "李四"]
    assert visit["officers"] == ["李明", "王芳"]
    assert visit["intention_amount"] == Decimal("5000.00")
    assert [f["task"] for f in visit["follow_ups"]] == ["寄送园区资料", "约见区招商局"]
    assert [f["state"] for f in visit["follow_ups"]] == ["overdue", "soon"]
    assert _outbox(profile, "visit", visit_id)[0][0] == "upsert"
    links = profile.read(lambda s: list(s.scalars(select(VisitContact.id).where(VisitContact.visit_id == visit_id))))
    follow_ups = profile.read(lambda s: list(s.scalars(select(FollowUp.id).where(FollowUp.visit_id == visit_id))))
    for table, ids in (("visit_contact", links), ("follow_up", follow_ups)):
        assert len(ids) == 2
        for row_id in ids:
            assert [op for op, _ in _outbox(profile, table, row_id)] == ["upsert"]


def test_validation_names_each_bad_field(profile):
    with pytest.raises(ValidationFailed) as failed:
        profile.write(save_visit, dict(visit_date="2025-13-40", mode="bike", station="nowhere", officers="",
                                       intention_amount="lots", contact_ids=[], next_contact_date="x",
                                       follow_ups=[dict(task="", owner="李明", due_date="")]))
    errors = failed.value.errors
    assert set(errors) == {"visit_date", "mode", "station", "officers", "intention_amount", "contacts",
                           "next_contact_date", "follow_ups"}
    assert errors["contacts"].render("en") == "Choose at least one contact met"
    assert errors["follow_ups"].render("zh_CN") == "第 1 条待办缺少事项"
    assert profile.read(lambda s: s.scalar(select(Visit.id))) is None


def test_next_contact_before_visit_is_refused(profile):
    a = _contact(profile, "张三")
    with pytest.raises(ValidationFailed) as failed:
        profile.write(save_visit, _visit([a], next_contact_date=TODAY - timedelta(days=1)))
    assert failed.value.errors["next_contact_date"].code == "next_before_visit"


def test_edit_removes_contact_with_tombstone_and_updates_follow_ups(profile):
    a, b = _contact(profile, "张三"), _contact(profile, "李四")
    visit_id = profile.write(save_visit, _visit([a, b]))
    first, second = profile.read(get_visit, visit_id)["follow_ups"]
    profile.write(save_visit, {"contact_ids": [a], "purpose": "第二次",
                               "follow_ups": [dict(first, done=True), dict(task="新事项", owner="李明")]}, visit_id)
    visit = profile.read(get_visit, visit_id)
    assert [c["name"] for c in visit["contacts"]] == ["张三"]
    assert visit["purpose"] == "第二次" and visit["summary"] == "谈了光谷的项目"
    assert [(f["task"], f["done"]) for f in visit["follow_ups"]] == [("寄送园区资料", True), ("新事项", False)]
    assert visit["follow_ups"][0]["done_on"] == TODAY
    removed = profile.read(lambda s: s.scalar(select(VisitContact).where(
        VisitContact.visit_id == visit_id, VisitContact.contact_id == b)))
    assert removed.deleted_at is not None
    assert [op for op, _ in _outbox(profile, "visit_contact", removed.id)] == ["upsert", "delete"]
    assert [op for op, _ in _outbox(profile, "follow_up", second["id"])] == ["upsert", "delete"]
    # Adding the contact again brings the same row back rather than a second one.
    profile.write(save_visit, {"contact_ids": [a, b]}, visit_id)
    assert [op for op, _ in _outbox(profile, "visit_contact", removed.id)] == ["upsert", "delete", "restore"]
    # Only changed fields travel.
    _op, fields = _outbox(profile, "visit", visit_id)[-1]
    assert "purpose" in fields and "summary" not in fields


def test_organizations_are_linked(profile):
    from chushang_desk.models import Organization

    a = _contact(profile, "张三")
    org_id = profile.write(lambda s: (s.add(o := Organization(name="北京湖北企业商会", kind="chamber")), s.flush(), o.id)[2])
    visit_id = profile.write(save_visit, _visit([a], organization_ids=[org_id]))
    assert [o["name"] for o in profile.read(get_visit, visit_id)["organizations"]] == ["北京湖北企业商会"]
    profile.write(save_visit, {"organization_ids": []}, visit_id)
    assert profile.read(get_visit, visit_id)["organizations"] == []
    assert profile.read(lambda s: s.scalar(select(VisitOrganization.deleted_at))) is not None


def test_list_query_rows_and_filters(profile):
    a, b = _contact(profile, "张三"), _contact(profile, "李四")
    old = profile.write(save_visit, _visit([a], visit_date=date(2025, 3, 14), mode="call", follow_ups=[]))
    new = profile.write(save_visit, _visit([b], station="csj", officers="赵六"))
    assert profile.read(find_visit_ids, VisitQuery()) == [new, old]
    assert profile.read(find_visit_ids, VisitQuery(mode="call")) == [old]
    assert profile.read(find_visit_ids, VisitQuery(station="csj")) == [new]
    assert profile.read(find_visit_ids, VisitQuery(officer="赵六")) == [new]
    assert profile.read(find_visit_ids, VisitQuery(contact_id=a)) == [old]
    assert profile.read(find_visit_ids, VisitQuery(date_from=date(2025, 1, 1), date_to=date(2025, 12, 31))) == [old]
    rows = profile.read(visit_rows, [new, old])
    assert [r.contacts for r in rows] == [["李四"], ["张三"]]
    assert (rows[0].open_follow_ups, rows[0].due_state) == (2, "overdue")
    assert (rows[1].open_follow_ups, rows[1].due_state) == (0, "")
    assert profile.read(officer_names) == ["李明", "王芳", "赵六"]
    assert profile.read(find_visit_ids, VisitQuery(), 1) == [new]
    assert [r.id for r in profile.read(first_visit_rows, VisitQuery(), 1)] == [new]


def test_delete_and_restore_visit(profile):
    a = _contact(profile, "张三")
    visit_id = profile.write(save_visit, _visit([a]))
    profile.write(delete_visit, visit_id)
    assert profile.read(find_visit_ids, VisitQuery()) == []
    assert profile.read(my_follow_ups, "李明") == []
    assert [op for op, _ in _outbox(profile, "visit", visit_id)] == ["upsert", "delete"]
    profile.write(restore_visit, visit_id)
    assert profile.read(find_visit_ids, VisitQuery()) == [visit_id]
    assert len(profile.read(get_visit, visit_id)["follow_ups"]) == 2


def test_my_follow_ups_sorted_overdue_first_and_mark_done(profile):
    a = _contact(profile, "张三")
    profile.write(save_visit, _visit([a], follow_ups=[
        dict(task="later", owner="李明", due_date=TODAY + timedelta(days=30)),
        dict(task="undated", owner="李明"),
        dict(task="overdue", owner="李明", due_date=TODAY - timedelta(days=1)),
        dict(task="soon", owner="李明", due_date=TODAY + timedelta(days=7)),
        dict(task="someone else's", owner="王芳", due_date=TODAY),
    ]))
    mine = profile.read(my_follow_ups, "李明")
    assert [(r.task, r.state) for r in mine] == [
        ("overdue", "overdue"), ("soon", "soon"), ("later", "later"), ("undated", "none")]
    assert mine[0].contacts == ["张三"]
    assert len(profile.read(find_follow_up_ids, "")) == 5
    profile.write(set_follow_up_done, mine[0].id)
    assert [r.task for r in profile.read(my_follow_ups, "李明")] == ["soon", "later", "undated"]
    done = profile.read(follow_up_rows, [mine[0].id])[0]
    assert done.done and done.done_on == TODAY and done.state == "done"
    assert [op for op, f in _outbox(profile, "follow_up", mine[0].id)][-1] == "upsert"
    assert set(_outbox(profile, "follow_up", mine[0].id)[-1][1]) >= {"done", "done_on"}


def test_due_states_and_officer_splitting():
    today = date(2025, 3, 14)
    assert due_state(date(2025, 3, 13), today=today) == "overdue"
    assert due_state(today, today=today) == "soon"
    assert due_state(date(2025, 3, 21), today=today) == "soon"
    assert due_state(date(2025, 3, 22), today=today) == "later"
    assert due_state(None, today=today) == "none"
    assert due_state(date(2025, 3, 1), done=True, today=today) == "done"
    assert split_officers("李明，王芳、 赵六,李明；陈刚") == ["李明", "王芳", "赵六", "陈刚"]


def test_free_text_is_kept_as_typed(profile):
    a = _contact(profile, "张三")
    visit_id = profile.write(save_visit, _visit([a], purpose=" 了解意向，邀请回汉（光谷） ", follow_ups=[
        dict(task="约见区招商局领导，商谈用地", owner="李明")]))
    visit = profile.read(get_visit, visit_id)
    assert visit["purpose"] == "了解意向，邀请回汉（光谷）"
    assert visit["follow_ups"][0]["task"] == "约见区招商局领导，商谈用地"


def test_a_deleted_contact_disappears_from_visits_and_does_not_block_edits(profile):
    from chushang_desk.services.contacts import delete_contact

    a, b = _contact(profile, "张三"), _contact(profile, "李四")
    visit_id = profile.write(save_visit, _visit([a, b]))
    profile.write(delete_contact, b)
    assert [c["name"] for c in profile.read(get_visit, visit_id)["contacts"]] == ["张三"]
    assert profile.read(visit_rows, [visit_id])[0].contacts == ["张三"]
    profile.write(save_visit, {"purpose": "再次走访", "contact_ids": [a]}, visit_id)
    link = profile.read(lambda s: s.scalar(select(VisitContact).where(VisitContact.contact_id == b)))
    assert link.deleted_at is None, "the removed contact's link was left as it was"


def test_officer_filter_matches_whole_names_however_the_list_was_written(profile):
    from tests.support.profile_db import db

    from chushang_desk.models import Visit
    from chushang_desk.services.visits import VisitQuery, find_visit_ids

    def add(session, officers):
        visit = Visit(visit_date=date(2025, 5, 1), officers=officers)
        session.add(visit)
        session.flush()
        return visit.id

    both = profile.write(add, ["李明", "王芳"])
    longer = profile.write(add, ["李明明"])
    plain = profile.write(add, [])
    with db(profile.db_path) as raw:  # as another writer might store it: unescaped UTF-8
        raw.execute("UPDATE visit SET officers = '[\"王芳\", \"李明\"]' WHERE id = ?", (plain,))
    assert sorted(profile.read(find_visit_ids, VisitQuery(officer="李明"))) == sorted([both, plain])
    assert profile.read(find_visit_ids, VisitQuery(officer="李明明")) == [longer]
