"""An import reaches the other laptops as ordinary edits, and undoing it after it was synced takes it back
everywhere, but for what another laptop edited since (issue 10, item 6), through a real server on
SQLite and PostgreSQL."""
from __future__ import annotations

from sqlalchemy import select

from chushang_desk.models import Contact
from chushang_desk.services.contact_import import ImportDefaults, apply_import, plan_import, undo_import
from chushang_desk.services.contacts import save_contact
from chushang_desk.services.import_columns import guess_mapping
from chushang_desk.sync.engine import sync_once

from .conftest import local_rows, server_rows

HEADER = ["姓名", "手机", "工作单位", "职务"]
ROWS = [HEADER, ["张伟", "13800138000", "", "总裁"], ["李四", "13900001111", "腾讯", ""],
        ["王五", "13900002222", "小米", ""], ["赵六", "13900003333", "美的", ""]]


def live(device) -> dict[str, str]:
    return device.read(lambda s: {c.name: c.title for c in s.scalars(
        select(Contact).where(Contact.deleted_at.is_(None)))})


def rounds(*devices, times: int = 2) -> None:
    for _ in range(times):
        for device in devices:
            sync_once(device.profile)


def test_an_import_undone_after_sync_is_undone_on_every_laptop(make_device):
    a, b = make_device("a", "officer_a"), make_device("b", "officer_b")
    zhang = a.write(save_contact, dict(name="张伟", is_merchant=True, phones="13800138000"))
    rounds(a, b)
    plan = a.read(plan_import, ROWS, 0, guess_mapping(HEADER), ImportDefaults(kinds=("merchant",)))
    batch = a.write(apply_import, plan, "名单.xlsx", "").batch_id
    rounds(a, b)
    assert live(b) == {"张伟": "总裁", "李四": "", "王五": "", "赵六": ""}
    wang = b.read(lambda s: s.scalars(select(Contact.id).where(Contact.name == "王五")).one())
    b.write(save_contact, dict(company="小米科技"), wang)  # edited on the other laptop since
    rounds(b, a)
    undone = a.write(undo_import, batch)
    assert [(name, why) for _id, name, why in undone.kept] == [("王五", "edited")]
    rounds(a, b)
    for device in (a, b):
        assert live(device) == {"张伟": "", "王五": ""}, device.name
    assert b.read(lambda s: s.get(Contact, zhang).title) == ""
    assert local_rows(a.profile) == local_rows(b.profile) == {
        k: v for k, v in server_rows(a.profile).items() if k in local_rows(a.profile)}
