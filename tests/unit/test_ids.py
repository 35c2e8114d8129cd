"""UUIDv7 ids made on the device (SYNC.md: the server never reassigns ids).

They must be unique without asking anyone, valid RFC 9562 version-7 UUIDs (the server and other tools
parse them), and time-ordered so new rows land at the end of the primary-key index.
"""
from __future__ import annotations

import threading
import time
import uuid

from chushang_desk.db import ids
from chushang_desk.db.ids import uuid7

N = 100_000


def embedded_ms(value: str) -> int:
    return uuid.UUID(value).int >> 80


def test_hundred_thousand_ids_are_unique_and_strictly_increasing():
    made = [uuid7() for _ in range(N)]
    assert len(set(made)) == N
    assert all(a < b for a, b in zip(made, made[1:])), "ids must sort in the order they were made"


def test_ids_are_rfc_version_7_with_the_current_time():
    before = time.time_ns() // 1_000_000
    made = [uuid7() for _ in range(1000)]
    after = time.time_ns() // 1_000_000
    for value in made:
        parsed = uuid.UUID(value)
        assert parsed.version == 7 and parsed.variant == uuid.RFC_4122
        assert str(parsed) == value and len(value) == 36
    # Within a burst the counter may carry into the next millisecond, never further than the burst.
    assert before <= embedded_ms(made[0]) and embedded_ms(made[-1]) <= after + 1


def test_ids_made_by_several_threads_are_unique():
    """The database worker and an import may both make ids."""
    results: list[list[str]] = [[] for _ in range(4)]

    def make(out: list[str]) -> None:
        out.extend(uuid7() for _ in range(10_000))

    threads = [threading.Thread(target=make, args=(out,)) for out in results]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    every = [value for out in results for value in out]
    assert len(set(every)) == len(every) == 40_000
    assert all(out == sorted(out) for out in results)


def test_ids_keep_increasing_when_the_clock_steps_back(monkeypatch):
    """A laptop's clock corrected by NTP (or changed by hand) must not make ids go backwards."""
    first = uuid7()
    stepped_back = time.time_ns() - 3_600 * 10**9
    monkeypatch.setattr(ids.time, "time_ns", lambda: stepped_back)
    later = [uuid7() for _ in range(5000)]
    assert first < later[0] and later == sorted(later) and len(set(later)) == 5000
