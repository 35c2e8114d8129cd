"""Erasing a person (PIPL Art. 47) through a real server (SQLite and PostgreSQL) and three laptops: a
canary person with a phone, a note, an e-mail, an affiliation note, a referral note, a conflict record
and an unsynced edit is erased on the headquarters laptop; after sync no byte of him is left on the
server, on the erasing laptop, on a second laptop, nor on an offline laptop whose later edit of him is
refused. An officer cannot erase."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from chushang_desk.models import Contact, OutboxEntry, SyncConflict
from chushang_desk.services import organizations, referrals
from chushang_desk.services.contacts import save_contact
from chushang_desk.services.erase import EraseRefused, erase_contact, erase_person, is_erased
from chushang_desk.sync import protocol
from chushang_desk.sync.engine import sync_once

from .conftest import server_rows

NAME, PHONE, OFFLINE_PHONE = "Qzvkanary", "+8613911112222", "+8613722223333"
# What must be gone everywhere (compared lower-case: the search index keeps lower-case tokens).
SECRETS = ("qzvkanary", "13911112222", "13722223333")


def _canary(s) -> tuple[str, str, str]:
    cid = save_contact(s, {"name": NAME, "phones": [PHONE], "notes": "qzvkanary note", "company": "Qzvkanary Co",
                           "email": "qzvkanary@example.org", "is_merchant": True, "is_ambassador": True,
                           "ambassador_since": date(2024, 5, 1)})
    org = organizations.save_organization(s, {"name": "某某商会", "kind": "chamber"})
    aff = organizations.save_affiliation(s, {"contact_id": cid, "organization_id": org, "role": "会长",
                                             "notes": "qzvkanary membership"})
    ref = referrals.save_referral(s, {"ambassador_id": cid, "referred_on": date(2025, 1, 2), "station": "jjj",
                                      "project_name": "某项目", "notes": "qzvkanary brought it"})
    return cid, aff, ref


def _found(blob: str | bytes) -> list[str]:
    if isinstance(blob, bytes):
        blob = blob.decode("utf-8", "replace")
    blob = blob.lower()
    return [s for s in SECRETS if s in blob]


def _local_text(profile) -> str:
    """Every row of every table of the profile, read through the app's own engine (it may be encrypted)."""
    with profile.sessions.engine.connect() as conn:
        parts = []
        for table in inspect(conn).get_table_names():
            parts += [repr(tuple(row)) for row in conn.execute(text(f'SELECT * FROM "{table}"'))]
        return "\n".join(parts)


def _files(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def _server_text(db_url: str) -> str:
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            parts = []
            for table in inspect(conn).get_table_names():
                if conn.dialect.name == "postgresql":
                    parts += conn.execute(text(f'SELECT CAST(t AS TEXT) FROM "{table}" t')).scalars().all()
                else:
                    parts += [repr(tuple(r)) for r in conn.execute(text(f'SELECT * FROM "{table}"'))]
            return "\n".join(parts)
    finally:
        engine.dispose()


def _server_files(db_url: str) -> bytes:
    path = Path(db_url.removeprefix("sqlite:///"))
    return b"".join(p.read_bytes() for p in sorted(path.parent.glob(path.name + "*")))


def test_an_erased_person_leaves_no_byte_on_the_server_nor_on_any_laptop(make_device, server):
    hq, officer, offline = make_device("hq", "hq"), make_device("officer", "officer_a"), make_device("off", "lead_a")
    cid, aff, ref = officer.write(_canary)
    for device in (officer, hq, offline):
        sync_once(device.profile)
    # A conflict on the headquarters laptop holds his note, and an unsynced edit waits in its outbox.
    officer.write(save_contact, {"notes": "qzvkanary officer note"}, cid)
    sync_once(officer.profile)
    hq.write(save_contact, {"notes": "qzvkanary hq note"}, cid)
    assert sync_once(hq.profile).conflicts == 1
    assert hq.read(lambda s: s.query(SyncConflict).filter_by(row_id=cid).count()) == 1
    hq.write(save_contact, {"title": "qzvkanary title"}, cid)
    # The offline laptop edits him and does not sync before the erase.
    offline.write(save_contact, {"phones": [OFFLINE_PHONE], "notes": "qzvkanary offline"}, cid)
    assert _found(_local_text(hq.profile)) and _found(_local_text(offline.profile))  # (the search sees him)

    # A person made on the headquarters laptop and erased before he ever reached the server.
    fresh = hq.write(save_contact, {"name": "Qzvkanaryfresh", "phones": ["+8613911112222"], "is_talent": True})

    erase_person(hq.profile, cid)
    erase_person(hq.profile, fresh)
    assert hq.read(is_erased, cid) and hq.read(is_erased, fresh)
    assert [e.op for e in hq.read(lambda s: s.query(OutboxEntry).filter_by(row_id=cid).order_by(OutboxEntry.mid).all())] \
        == ["upsert", "erase"]
    report = sync_once(hq.profile)
    assert report.rejected == 0, report
    sync_once(officer.profile)
    refused = sync_once(offline.profile)
    assert refused.rejected == 1

    on_server = server_rows(officer.profile)
    assert on_server[("contact", fresh)]["name"] == on_server[("contact", cid)]["name"] == protocol.ERASED_NAME
    assert on_server[("contact", fresh)]["deleted_at"] is not None
    for device in (hq, officer, offline):
        contact = device.read(lambda s: s.get(Contact, cid))
        assert contact.name == protocol.ERASED_NAME and contact.deleted_at is not None and contact.phones == []
        assert device.read(is_erased, cid)
        assert device.read(lambda s: s.query(SyncConflict).filter_by(row_id=cid).count()) == 0
        found = _local_text(device.profile)
        assert cid in found and aff in found and ref in found  # the rows stay (ids), blank
        assert _found(found) == [], device.name
        assert _found(_files(device.profile.data_dir)) == [], device.name
    assert _found(_server_text(server.db_url)) == []
    if server.db_url.startswith("sqlite"):
        raw = _server_files(server.db_url)
        assert cid.encode() in raw and _found(raw) == []
    assert "could not reclaim" not in server.log()  # the WAL truncate / VACUUM after the erase ran


def test_an_officer_cannot_erase(make_device):
    officer = make_device("officer", "officer_a")
    cid = officer.write(save_contact, {"name": NAME, "phones": [PHONE], "is_merchant": True})
    with pytest.raises(EraseRefused):
        officer.write(erase_contact, cid)
    assert officer.read(lambda s: s.get(Contact, cid).name) == NAME
    assert officer.read(lambda s: s.query(OutboxEntry).filter_by(op="erase").count()) == 0
