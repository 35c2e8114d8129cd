"""The long-poll: a device waiting on /v1/sync/watch hears of another device's push at once."""
from __future__ import annotations

import signal
import threading
import time

import pytest

from chushang_desk.sync import protocol

from tests.server.helpers import head, new_id, push_one, sign_in
from tests.support.server_process import seed_people, start_server


def _watch(device, cursor: int, wait: float) -> tuple[int, float]:
    started = time.monotonic()
    answer = device.get(protocol.WATCH_PATH, params={"cursor": cursor, "wait": wait})
    assert answer.status_code == 200, answer.text
    return answer.json()["head"], time.monotonic() - started


def test_a_watch_behind_the_head_answers_at_once(shared_server):
    device = sign_in(shared_server, "officer_b")
    now = head(device)
    got, seconds = _watch(device, now - 1, 20)
    assert got == now and seconds < 2


def test_a_watch_with_no_news_answers_when_its_wait_is_up(shared_server):
    device = sign_in(shared_server, "officer_b")
    now = head(device)
    got, seconds = _watch(device, now, 1.5)
    assert got == now and 1.4 < seconds < 10


def test_a_push_elsewhere_wakes_every_watcher(shared_server):
    watchers = [sign_in(shared_server, "lead_a") for _ in range(3)]
    writer = sign_in(shared_server, "officer_a")
    now = head(writer)
    results = []
    threads = [threading.Thread(target=lambda w=w: results.append(_watch(w, now, 25))) for w in watchers]
    for thread in threads:
        thread.start()
    time.sleep(0.5)
    pushed = push_one(writer, "contact", new_id(), {"name": "王五", "is_merchant": True})
    for thread in threads:
        thread.join()
    assert [got for got, _s in results] == [pushed["version"]] * 3
    assert all(seconds < 10 for _got, seconds in results), results  # woken by the push, not by the 25 s wait


def _stopped_with(handle, sig) -> str:
    handle.process.send_signal(sig)
    handle.process.wait(timeout=30)
    return handle.log()


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_stopping_the_server_ends_a_waiting_long_poll_and_logs_no_error(tmp_path, sig):
    """Ctrl+C or SIGTERM while a device waits on /v1/sync/watch: the watch answers with the head it has,
    and uvicorn does not log `ERROR: Cancel 1 running task(s), timeout graceful shutdown exceeded`."""
    handle = start_server(f"sqlite:///{tmp_path / 'server.db'}")
    try:
        seed_people(handle.db_url)
        device = sign_in(handle, "officer_b")
        now = head(device)
        results = []
        watcher = threading.Thread(target=lambda: results.append(_watch(device, now, 25)))
        watcher.start()
        time.sleep(1.0)  # the watch reaches the server and waits (no news will come)
        log = _stopped_with(handle, sig)
        watcher.join()
    finally:
        handle.kill()
    assert [got for got, _s in results] == [now]
    assert "ERROR" not in log and "Traceback" not in log, log
    assert handle.process.returncode in (0, -sig)  # uvicorn re-raises the signal once it has stopped
