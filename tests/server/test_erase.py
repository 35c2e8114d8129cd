"""Erasing a person on the server (PIPL Art. 47), SQLite and PostgreSQL: only headquarters may; the
contact and his affiliations are blanked and tombstoned, referrals naming him lose their notes, every
replica pulls the change, stored push answers no longer carry his data, and later edits are refused
without being kept anywhere. Afterwards no byte of him is left in the server's database."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, inspect, text

from chushang_desk.sync import protocol

from .helpers import entry, new_id, pull_all, push, push_one, sign_in

CANARY = {"name": "Qzvcanaryname", "phones": ["+8613912345678"], "notes": "qzvcanarynote",
          "email": "qzvcanary@example.org", "company": "Qzvcanaryco", "is_merchant": True}
SECRETS = ("qzvcanary", "Qzvcanary", "13912345678", "qzvcanarywasrole", "qzvcanaryconflict", "qzvcanarylate")


def _person_with_history(hq, officer) -> tuple[str, str, str, str]:
    """A contact with an affiliation, a referral naming him, and a stored conflict answer carrying him."""
    cid, org, aff, ref = new_id(), new_id(), new_id(), new_id()
    made = push(officer,
                entry(officer, "contact", cid, CANARY),
                entry(officer, "organization", org, {"name": "某商会"}),
                entry(officer, "affiliation", aff, {"contact_id": cid, "organization_id": org,
                                                    "role": "qzvcanarywasrole", "notes": "qzvcanary member"}),
                entry(officer, "referral", ref, {"ambassador_id": cid, "referred_on": "2025-01-02", "station": "jjj",
                                                 "notes": "qzvcanary brought a friend"}))["results"]
    assert [r["status"] for r in made] == ["applied"] * 4, made
    base = made[0]["version"]
    first = push_one(hq, "contact", cid, {"notes": "qzvcanary hq note"}, base=base)
    assert first["status"] == "applied", first
    conflict = push_one(officer, "contact", cid, {"notes": "qzvcanaryconflict"}, base=base)
    assert conflict["status"] == "conflict" and conflict["row"]["data"]["name"] == CANARY["name"]
    return cid, org, aff, ref


def _all_text(db_url: str) -> str:
    """Every column of every row of every table, as the database spells it in text."""
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            parts = []
            for table in inspect(conn).get_table_names():
                cast = "CAST(t AS TEXT)" if conn.dialect.name == "postgresql" else None
                if cast:
                    rows = conn.execute(text(f'SELECT CAST(t AS TEXT) FROM "{table}" t')).scalars()
                else:
                    cols = [c["name"] for c in inspect(conn).get_columns(table)]
                    rows = (repr(tuple(r)) for r in conn.execute(text(f'SELECT {", ".join(cols)} FROM "{table}"')))
                parts.extend(str(r) for r in rows)
            return "\n".join(parts)
    finally:
        engine.dispose()


def _server_files(db_url: str) -> bytes:
    path = Path(db_url.removeprefix("sqlite:///"))
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


def test_hq_erases_a_person_everywhere_on_the_server(server):
    hq, officer = sign_in(server, "hq"), sign_in(server, "officer_a")
    cid, org, aff, ref = _person_with_history(hq, officer)
    _rows, before = pull_all(officer)

    erased = push_one(hq, "contact", cid, {}, op="erase")
    assert erased["status"] == "applied", erased

    rows = {(r["table"], r["id"]): r for r in pull_all(officer, before)[0]}
    person, membership, referral = rows[("contact", cid)], rows[("affiliation", aff)], rows[("referral", ref)]
    assert person["deleted"] and person.get("erased") and membership["deleted"] and membership.get("erased")
    assert person["data"]["name"] == protocol.ERASED_NAME and person["data"]["phones"] == []
    assert person["data"]["notes"] == person["data"]["email"] == person["data"]["company"] == ""
    assert membership["data"]["role"] == membership["data"]["notes"] == ""
    assert membership["data"]["contact_id"] == cid and membership["data"]["organization_id"] == org
    assert referral["data"]["notes"] == "" and not referral["deleted"] and "erased" not in referral
    assert referral["data"]["ambassador_id"] == cid
    assert ("organization", org) not in rows  # the organization is not his

    # The stored conflict answer, repeated to a device that lost it, carries the erased row now.
    again = push(officer, entry(officer, "contact", cid, {"notes": "x"}, mid=officer.next_mid - 1))["results"][0]
    assert again["row"]["data"]["name"] == protocol.ERASED_NAME
    assert again["conflicts"][0]["mine"] == again["conflicts"][0]["theirs"] == ""

    late = push_one(officer, "contact", cid, {"notes": "qzvcanarylate", "phones": ["+8613912345678"]}, base=1)
    restore = push_one(officer, "contact", cid, {}, op="restore", base=1)
    member_edit = push_one(officer, "affiliation", aff, {"notes": "qzvcanarylate"}, base=1)
    new_member = push_one(officer, "affiliation", new_id(), {"contact_id": cid, "organization_id": org,
                                                             "notes": "qzvcanarylate"})
    for refused in (late, restore, member_edit, new_member):
        assert refused["status"] == "rejected" and refused["reason"].startswith("erased:"), refused
    assert push_one(hq, "contact", cid, {}, op="erase")["status"] == "applied"  # twice is once

    found = _all_text(server.db_url)
    assert cid in found  # (the search does see the rows)
    assert not [s for s in SECRETS if s in found]
    if server.db_url.startswith("sqlite"):
        raw = _server_files(server.db_url)
        assert cid.encode() in raw
        assert not [s for s in SECRETS if s.encode() in raw]


def test_only_headquarters_may_erase(server):
    hq, officer, lead = sign_in(server, "hq"), sign_in(server, "officer_a"), sign_in(server, "lead_a")
    cid = new_id()
    push_one(officer, "contact", cid, CANARY)
    for who in (officer, lead):
        refused = push_one(who, "contact", cid, {}, op="erase", base=1)
        assert refused["status"] == "rejected" and refused["reason"].startswith("forbidden:"), refused
    rows = {r["id"]: r for r in pull_all(hq)[0]}
    assert rows[cid]["data"]["name"] == CANARY["name"] and not rows[cid]["deleted"] and "erased" not in rows[cid]
    org = new_id()
    push_one(hq, "organization", org, {"name": "某商会"})
    assert push_one(hq, "organization", org, {}, op="erase", base=1)["reason"].startswith("bad_op:")
    assert push_one(hq, "contact", new_id(), {}, op="erase")["reason"].startswith("not_found:")


def test_the_erased_person_lookup_survives_hostile_entries(server):
    """The preload of the people an entry names never queries odd values (no 500 on either database)."""
    officer = sign_in(server, "officer_a")
    answer = push(officer,
                  entry(officer, "affiliation", new_id(), {"contact_id": "\x00bad", "organization_id": new_id()}),
                  entry(officer, "referral", new_id(), {"ambassador_id": ["x"], "referred_on": "2025-01-02"}),
                  entry(officer, "affiliation", new_id(), {"contact_id": "x" * 400, "organization_id": new_id()}))
    assert len(answer["results"]) == 3
