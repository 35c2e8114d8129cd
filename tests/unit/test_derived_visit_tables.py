"""The tables the triggers keep from the visits (db/derived.py) always equal what a fresh computation
from the visits gives: through random visits logged, edited, deleted and restored, attendees added and
removed, through the services, a raw bulk insert and a sync apply's raw writes alike."""
from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import text

from chushang_desk.db import derived
from chushang_desk.services.contacts import save_contact
from chushang_desk.services.messages import ValidationFailed
from chushang_desk.services.visits import delete_visit, restore_visit, save_visit


def tables(profile) -> dict[str, set]:
    return profile.read(lambda s: {t: set(s.execute(text(f"SELECT * FROM {t}")).all()) for t in derived.TABLES})


def rebuilt(profile) -> dict[str, set]:
    """What the tables would hold computed anew (in a transaction rolled back)."""
    def compute(session):
        derived.rebuild(session.connection())
        found = {t: set(session.execute(text(f"SELECT * FROM {t}")).all()) for t in derived.TABLES}
        session.rollback()
        return found
    return profile.read(compute)


def test_the_tables_follow_every_kind_of_edit(profile):
    rng = random.Random(7)
    people = [profile.write(save_contact, dict(name=f"联系人{i}", is_merchant=True)) for i in range(12)]
    visits: list[str] = []  # live
    gone: list[str] = []  # deleted
    start = date(2025, 1, 1)
    for step in range(160):
        action = rng.random()
        if action < 0.45 or not visits:
            day = start + timedelta(days=rng.randrange(300))
            data = dict(visit_date=day.isoformat(), officers="李明", contact_ids=rng.sample(people, rng.randint(1, 3)))
            if rng.random() < 0.7:
                data["next_contact_date"] = (day + timedelta(days=rng.randrange(1, 60))).isoformat()
            visits.append(profile.write(save_visit, data))
        elif action < 0.75:  # another day, other attendees, the next contact moved or cleared
            visit_id = rng.choice(visits)
            change = rng.choice(["date", "contacts", "next"])
            if change == "date":
                edit = {"visit_date": (start + timedelta(days=rng.randrange(300))).isoformat(), "next_contact_date": None}
            elif change == "contacts":
                edit = {"contact_ids": rng.sample(people, rng.randint(1, 3))}
            else:
                edit = {"next_contact_date": rng.choice([None, (start + timedelta(days=rng.randrange(400))).isoformat()])}
            try:
                profile.write(save_visit, edit, visit_id)
            except ValidationFailed:  # a next contact before the visit: refused, nothing changed
                pass
        elif action < 0.9:
            visit_id = rng.choice(visits)
            profile.write(delete_visit, visit_id)
            visits.remove(visit_id)
            gone.append(visit_id)
        elif gone:
            visit_id = rng.choice(gone)
            profile.write(restore_visit, visit_id)
            gone.remove(visit_id)
            visits.append(visit_id)
        if step % 20 == 19:
            assert tables(profile) == rebuilt(profile), step
    found = tables(profile)
    assert found == rebuilt(profile)
    assert found["contact_last_visit"] and found["visit_open_next_contact"]  # the walk left some of each


def test_raw_writes_as_a_sync_apply_makes_them_keep_the_tables_too(profile):
    wang = profile.write(save_contact, dict(name="王五", is_merchant=True))
    first = profile.write(save_visit, dict(visit_date="2025-03-01", officers="李明", contact_ids=[wang],
                                           next_contact_date="2025-04-01"))
    assert tables(profile)["visit_open_next_contact"] == {(first, "2025-04-01")}

    def pulled(session):  # a later visit arriving from the server: its attendance row before its visit row
        session.info["applying_remote"] = True  # (as sync/apply.py writes: raw rows, no outbox, in any order)
        conn = session.connection()
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        now = "2025-05-02 00:00:00.000000"
        conn.exec_driver_sql(
            "INSERT INTO visit_contact (id, visit_id, contact_id, created_at, updated_at, created_by, updated_by, "
            "version) VALUES ('vc-later', 'v-later', ?, ?, ?, 's', 's', 1)", (wang, now, now))
        conn.exec_driver_sql(
            "INSERT INTO visit (id, visit_date, station, officers, mode, place, purpose, summary, intention_industry, "
            "intention_note, created_at, updated_at, created_by, updated_by, version) VALUES "
            "('v-later', '2025-05-01', '', '[]', 'visit', '', '', '', '', '', ?, ?, 's', 's', 1)", (now, now))
    profile.write(pulled)
    found = tables(profile)
    assert found["contact_last_visit"] == {(wang, "2025-05-01")}
    assert found["visit_open_next_contact"] == set()  # answered by the later visit
    assert found == rebuilt(profile)
