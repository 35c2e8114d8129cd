"""A profile database at revision 0001 with an officer's worth of data, made through the services.

The services write today's schema, so the data goes in at head and the database is then stepped
down to 0001 by the migrations' own downgrades: what is left is shaped exactly as 0001 stored it.

Built once per session (a few seconds) and copied for each test with SQLite's backup API, so every
test starts from the same bytes of data without rebuilding them. It is a plain (unencrypted) database,
as every profile made before encryption is: the first open_profile encrypts it, then migrates it.
"""
from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from chushang_desk.db.bulk import bulk_insert
from chushang_desk.db.engine import DB_FILENAME, make_engine
from chushang_desk.db.migrate import copy_database, downgrade, upgrade
from chushang_desk.db.session import SessionFactory
from chushang_desk.models import Contact
from chushang_desk.services import organizations, reference, referrals, search, visits
from chushang_desk.services.contacts import delete_contact, restore_contact, save_contact
from chushang_desk.services.profile import Profile

OLD_REVISION = "0001"
SURNAMES = "张王李赵刘陈杨黄周吴曾单解"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"
STATIONS = ("jjj", "csj", "dwq", "jp_kr")
# Words officers will type into search after the upgrade; each must keep finding the same contacts.
SEARCHES = ("张", "zhang", "光谷", "曾", "zeng", "shan", "xie", "0012", "13800", "hubei")


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


def _contact(rng: random.Random, i: int) -> dict:
    ambassador = i % 9 == 0
    return dict(
        name=_name(rng), is_merchant=i % 2 == 0 or i % 15 not in (0, 3, 5, 6, 9, 10, 12),
        is_alumnus=i % 3 == 0, is_talent=i % 5 == 0,
        is_key=i % 7 == 0, is_ambassador=ambassador,
        ambassador_since=date(2024, 1, 1) + timedelta(days=i) if ambassador else None,
        company=rng.choice(["武汉光谷科技", "楚商投资", "长江存储", "Hubei Trade Ltd", ""]),
        title=rng.choice(["董事长", "总经理", "CTO", ""]), station=rng.choice(STATIONS),
        phones=[f"+86138{i:08d}"] if i % 4 else [], tags=["校友"] if i % 3 == 0 else [],
        notes=f"第{i}次录入\n多行备注", graduation_year=2000 + i % 20 if i % 3 == 0 else None,
    )


def _fill_directory(profile: Profile, rng: random.Random) -> tuple[list[str], list[str]]:
    """Contacts (by service and by bulk insert), organizations and affiliations."""
    with profile.sessions.write() as s:
        contacts = [save_contact(s, _contact(rng, i)) for i in range(200)]
        contacts += bulk_insert(s, Contact, [dict(name=_name(rng), is_talent=True, company="光谷实验室",
                                                  phones=[f"+8613900{i:06d}"]) for i in range(100)])
    with profile.sessions.write() as s:
        orgs = [organizations.save_organization(s, dict(
            name=f"湖北{_name(rng)}商会{i}", kind=rng.choice(["chamber", "company", "alumni_association"]),
            region="广东", city="深圳", founded_on=date(2001, 1, 1) + timedelta(days=97 * i))) for i in range(30)]
        for i in range(60):
            organizations.save_affiliation(s, dict(contact_id=contacts[i * 3], organization_id=orgs[i % 30],
                                                   role=rng.choice(["会长", "副会长", "会员"]), since="2019-05-01"))
    return contacts, orgs


def _fill_visits(profile: Profile, rng: random.Random, contacts: list[str], orgs: list[str]) -> list[str]:
    with profile.sessions.write() as s:
        return [visits.save_visit(s, dict(
            visit_date=date(2025, 1, 1) + timedelta(days=i), mode=rng.choice(["visit", "call", "meeting"]),
            station=rng.choice(STATIONS), officers=["周一", "吴二"][: 1 + i % 2], place="汉口",
            purpose="招商", summary=f"纪要{i}：=SUM(A1) 不是公式", intention_industry="ic",
            intention_amount=f"{1000 + i * 12.5:.2f}" if i % 3 else "",
            next_contact_date=date(2025, 3, 1) + timedelta(days=i) if i % 2 else None,
            contact_ids=rng.sample(contacts[:200], 1 + i % 3), organization_ids=[orgs[i % 30]] if i % 2 else [],
            follow_ups=[dict(task=f"寄资料{i}-{k}", owner="周一", due_date=date(2025, 2, 1) + timedelta(days=i))
                        for k in range(i % 3)],
        )) for i in range(120)]


def _fill_referrals(profile: Profile, contacts: list[str], orgs: list[str]) -> None:
    with profile.sessions.write() as s:
        ambassadors = [contacts[i] for i in range(0, 200, 9)]
        for i in range(40):
            referrals.save_referral(s, dict(
                ambassador_id=ambassadors[i % len(ambassadors)], referred_contact_id=contacts[i * 4 + 1],
                referred_organization_id=orgs[i % 30] if i % 2 else None, project_name=f"项目{i}",
                referred_on=date(2025, 6, 1) + timedelta(days=i), status="new", station="jjj"))


def _edit_some(profile: Profile, contacts: list[str], visit_ids: list[str]) -> None:
    """Edits, deletes and restores, so the outbox holds every kind of entry before the upgrade."""
    with profile.sessions.write() as s:
        for cid in contacts[10:30]:
            save_contact(s, {"company": "改过的公司"}, cid)
        for cid in contacts[30:40]:
            delete_contact(s, cid)
        restore_contact(s, contacts[30])
        for vid in visit_ids[:5]:
            visits.delete_visit(s, vid)
        visits.restore_visit(s, visit_ids[0])


def build_old_profile(data_dir: Path) -> Path:
    """A profile database at 0001 filled through the services; returns the database path."""
    data_dir.mkdir(parents=True)
    db_path = data_dir / DB_FILENAME
    engine = make_engine(db_path, None)
    upgrade(engine, db_path, data_dir / "backups")
    profile = Profile(data_dir, SessionFactory(engine, actor="老版本联络员"))
    profile.write(reference.seed_if_empty)
    profile.write(search.reindex_if_outdated)  # as open_profile does: the keys are of today's rules
    rng = random.Random(20261123)
    contacts, orgs = _fill_directory(profile, rng)
    visit_ids = _fill_visits(profile, rng, contacts, orgs)
    _fill_referrals(profile, contacts, orgs)
    _edit_some(profile, contacts, visit_ids)
    downgrade(engine, OLD_REVISION)
    profile.close()
    return db_path


@pytest.fixture(scope="session")
def template_0001(tmp_path_factory) -> Path:
    return build_old_profile(tmp_path_factory.mktemp("template") / "profile")


@pytest.fixture
def old_profile_dir(template_0001, tmp_path) -> Path:
    """A fresh copy of the 0001 profile; the test may upgrade or break it."""
    data_dir = tmp_path / "old-profile"
    (data_dir / DB_FILENAME).parent.mkdir(parents=True, exist_ok=True)
    copy_database(template_0001, data_dir / DB_FILENAME, None)
    return data_dir
