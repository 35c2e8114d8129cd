"""No skipped change: devices pushing at once through two server processes on one database, while
readers pull; every committed change reaches every reader, and versions never repeat."""
from __future__ import annotations

import threading

import pytest

from chushang_desk.sync import protocol

from tests.support.fixtures import make_db_url, release_db
from tests.support.server_process import seed_people, start_server

from .helpers import contact, entry, new_id, push, sign_in

WRITERS, BATCHES, PER_BATCH = 4, 12, 5


@pytest.fixture(params=["sqlite", "postgresql"], ids=["sqlite", "postgresql"])
def two_servers(request, tmp_path):
    db_url = make_db_url(request.param, tmp_path, "concurrency")
    first = start_server(db_url)
    second = start_server(db_url)
    seed_people(db_url)
    yield first, second
    first.stop()
    second.stop()
    release_db(db_url)


def write(server, pushed: dict, errors: list) -> None:
    try:
        device = sign_in(server, "officer_a")
        for _ in range(BATCHES):
            ids = [new_id() for _ in range(PER_BATCH)]
            results = push(device, *[entry(device, "contact", i, contact("并发")) for i in ids])["results"]
            pushed.update({i: r["version"] for i, r in zip(ids, results)})
    except Exception as error:  # reported by the test thread
        errors.append(error)


def read_until(server, done: threading.Event, seen: dict, errors: list) -> None:
    try:
        device, cursor = sign_in(server, "hq"), 0
        while True:
            finished = done.is_set()  # read once more after the writers stopped
            page = device.get(protocol.PULL_PATH, params={"cursor": cursor, "limit": 7}).json()
            for row in page["rows"]:
                assert row["version"] > cursor
                seen[row["id"]] = row["version"]
            cursor = page["cursor"]
            if finished and not page["has_more"]:
                return
    except Exception as error:
        errors.append(error)


def test_every_committed_change_is_pulled_by_every_reader(two_servers):
    first, second = two_servers
    pushed, errors, done = {}, [], threading.Event()
    seen = [{}, {}]
    readers = [threading.Thread(target=read_until, args=(s, done, seen[n], errors))
               for n, s in enumerate((first, second))]
    writers = [threading.Thread(target=write, args=((first, second)[n % 2], pushed, errors)) for n in range(WRITERS)]
    for thread in readers + writers:
        thread.start()
    for thread in writers:
        thread.join(timeout=120)
    done.set()
    for thread in readers:
        thread.join(timeout=120)
    assert errors == []
    assert len(pushed) == WRITERS * BATCHES * PER_BATCH
    assert len(set(pushed.values())) == len(pushed)  # one version per change
    for reader_seen in seen:
        assert {i: reader_seen.get(i) for i in pushed} == pushed
