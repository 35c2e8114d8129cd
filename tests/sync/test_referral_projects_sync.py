"""The free text of referrals made before projects were records becomes one project, not one per laptop
(issue 11): two laptops that both adopt the same referral before hearing of each other make the same
project with the same values, and their pushes agree: no conflict, one project on the server. Real
server, SQLite and PostgreSQL."""
from __future__ import annotations

from chushang_desk.models import Project, Referral, SyncConflict
from chushang_desk.services.contacts import save_contact
from chushang_desk.services.referrals import adopt_named_projects, save_referral
from chushang_desk.sync.engine import sync_once

from .conftest import local_rows, server_rows


def rounds(*devices, times: int = 2) -> None:
    for _ in range(times):
        for device in devices:
            sync_once(device.profile)


def test_two_laptops_adopting_one_referral_agree_on_one_project(make_device):
    a, b = make_device("a", "officer_a"), make_device("b", "lead_a")  # both of station jjj
    ambassador = a.write(save_contact, dict(name="王大使", is_merchant=True, is_ambassador=True,
                                             ambassador_since="2024-01-01"))
    referral = a.write(save_referral, dict(ambassador_id=ambassador, project_name="东湖生物医药园",
                                           referred_on="2024-10-01", station="jjj"))  # as older versions saved it
    rounds(a, b)
    assert b.read(lambda s: s.get(Referral, referral).project_name) == "东湖生物医药园"
    assert a.write(adopt_named_projects) == 1 and b.write(adopt_named_projects) == 1  # neither has heard
    rounds(a, b, times=3)
    for device in (a, b):
        projects = device.read(lambda s: [(p.id, p.name) for p in s.query(Project)])
        linked = device.read(lambda s: s.get(Referral, referral).project_id)
        assert len(projects) == 1 and projects[0] == (linked, "东湖生物医药园"), device.name
        assert device.read(lambda s: s.query(SyncConflict).count()) == 0, device.name
    assert local_rows(a.profile) == local_rows(b.profile) == server_rows(a.profile)
