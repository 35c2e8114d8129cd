"""A push that cannot get the counter's lock in time answers 503 with Retry-After; an old cursor 410."""
from __future__ import annotations

import threading

import pytest
from sqlalchemy import text

from chushang_desk.sync import protocol
from chushang_server.db import make_engine, write_session

from tests.support.fixtures import make_db_url, release_db
from tests.support.server_process import seed_people, start_server

from .helpers import contact, entry, new_id, sign_in


@pytest.fixture(scope="module", params=["sqlite", "postgresql"], ids=["sqlite", "postgresql"])
def impatient_server(request, tmp_path_factory):
    db_url = make_db_url(request.param, tmp_path_factory.mktemp("busy"), "busy")
    handle = start_server(db_url, env={"CHUSHANG_LOCK_TIMEOUT": "0.5"})
    seed_people(db_url)
    yield handle
    handle.stop()
    release_db(db_url)


def test_a_push_that_waits_too_long_for_the_lock_gets_503_and_then_succeeds(impatient_server):
    device = sign_in(impatient_server, "officer_a")
    message = {"entries": [entry(device, "contact", new_id(), contact("等锁"))]}
    engine = make_engine(impatient_server.db_url)
    holding, release = threading.Event(), threading.Event()

    def hold_counter():  # another writer holds the counter row (PostgreSQL) or the write lock (SQLite)
        with write_session(engine) as session:
            session.execute(text("UPDATE sync_counter SET head = head WHERE id = 1"))
            holding.set()
            release.wait(30)

    holder = threading.Thread(target=hold_counter)
    holder.start()
    try:
        assert holding.wait(10)
        busy = device.post(protocol.PUSH_PATH, json=message)
        assert busy.status_code == 503 and busy.json()["code"] == "busy"
        assert int(busy.headers["Retry-After"]) > 0
    finally:
        release.set()
        holder.join(30)
        engine.dispose()
    retried = device.post(protocol.PUSH_PATH, json=message)
    assert retried.status_code == 200 and retried.json()["results"][0]["status"] == "applied"


def test_a_cursor_older_than_the_purge_horizon_gets_410_but_a_first_sync_does_not(impatient_server):
    device = sign_in(impatient_server, "officer_a")
    engine = make_engine(impatient_server.db_url)
    with write_session(engine) as session:
        session.execute(text("UPDATE server_meta SET value = '5' WHERE key = 'purged_through'"))
    engine.dispose()
    old = device.get(protocol.PULL_PATH, params={"cursor": 3})
    assert old.status_code == 410 and old.json()["code"] == "cursor_too_old"
    assert device.get(protocol.PULL_PATH, params={"cursor": 5}).status_code == 200
    assert device.get(protocol.PULL_PATH, params={"cursor": 0}).status_code == 200


def test_an_unexpected_error_answers_500_json_and_is_logged(impatient_server):
    device = sign_in(impatient_server, "officer_a")
    row_id = new_id()
    engine = make_engine(impatient_server.db_url)
    broken = {"t": "contact", "id": row_id, "v": 10**9, "now": "2026-01-01 00:00:00", "no": False}
    with write_session(engine) as session:  # a record the server cannot read back (hand-damaged)
        session.execute(text(
            "INSERT INTO record (table_name, id, version, station, deleted, data, field_versions, field_devices,"
            " last_device, created_at, updated_at) VALUES (:t, :id, :v, '', :no, '{broken', '{}', '{}', '', :now, :now)"
        ), broken)
    try:
        answer = device.post(protocol.PUSH_PATH, json={"entries": [entry(device, "contact", row_id, {"city": "x"})]})
        assert answer.status_code == 500 and answer.json()["code"] == "internal"
        assert answer.headers[protocol.SERVER_SCHEMA_HEADER] == str(protocol.SCHEMA_VERSION)
        assert "internal error" in impatient_server.log()
    finally:
        with write_session(engine) as session:
            session.execute(text("DELETE FROM record WHERE id = :id"), {"id": row_id})
        engine.dispose()
    retried = device.post(protocol.PUSH_PATH, json={"entries": [entry(device, "contact", new_id(), contact("好"))]})
    assert retried.status_code == 200  # the failed push changed nothing, not even the device's last mid
