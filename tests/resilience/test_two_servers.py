"""Guarantee 4 of SYNC.md: no skipped change. Two server processes serve one PostgreSQL; many clients
push and pull at once through both; afterwards every committed change has reached every client."""
from __future__ import annotations

import threading

import psycopg

from chushang_desk.services import contacts
from chushang_desk.services.profile import open_profile
from chushang_desk.sync.account import sign_in
from chushang_desk.sync.engine import sync_once

from tests.support.server_process import fresh_pg_url, seed_people, start_server

PASSWORD = "secret-pass-1"
USERS = ("officer_a", "officer_b", "lead_a", "hq")
CLIENTS = 8
ROUNDS = 6


def _work(profile, n: int, errors: list) -> None:
    try:
        for round_ in range(ROUNDS):
            ids = [profile.write(contacts.save_contact, {"name": f"并发{n}-{round_}-{i}", "is_merchant": True})
                   for i in range(5)]
            profile.write(contacts.save_contact, {"notes": f"edited by {n}"}, ids[0])
            sync_once(profile)
    except Exception as exc:  # reported by the test, not lost in the thread
        errors.append(exc)


def _versions(profile) -> dict[str, int]:
    def read(session):
        from sqlalchemy import select
        from chushang_desk.models import Contact
        return dict(session.execute(select(Contact.id, Contact.version).where(Contact.name.like("并发%"))).all())
    return profile.read(read)


def _server_versions(db_url: str) -> dict[str, int]:
    with psycopg.connect(db_url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        rows = conn.execute("SELECT id, version FROM record WHERE table_name = 'contact'"
                            " AND data LIKE %s", ('%并发%',)).fetchall()
    return dict(rows)


def test_no_change_is_skipped_with_two_servers_on_one_postgresql(tmp_path):
    db_url = fresh_pg_url("two_servers")
    servers = [start_server(db_url), start_server(db_url)]
    try:
        seed_people(db_url)
        profiles = []
        for n in range(CLIENTS):
            profile = open_profile(tmp_path / f"client{n}")
            sign_in(profile, servers[n % 2].url, USERS[n % len(USERS)], PASSWORD)
            profiles.append(profile)
        errors: list = []
        threads = [threading.Thread(target=_work, args=(p, n, errors)) for n, p in enumerate(profiles)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors, errors
        for profile in profiles:
            sync_once(profile)
        truth = _server_versions(db_url)
        assert len(truth) == CLIENTS * ROUNDS * 5
        for n, profile in enumerate(profiles):
            assert _versions(profile) == truth, f"client {n} missed or misversioned a change"
            profile.close()
    finally:
        for server in servers:
            server.stop()
