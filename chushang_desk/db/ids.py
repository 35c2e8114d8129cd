"""UUIDv7 ids made on the device (time-ordered, so new rows land at the end of the primary-key index)."""
from __future__ import annotations

import os
import threading
import time
import uuid

_lock = threading.Lock()
_last = [0, 0]  # last millisecond, last 12-bit counter: keeps ids from one device strictly increasing


def uuid7() -> str:
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last[0]:
            ms, seq = _last[0], _last[1] + 1
            if seq > 0xFFF:
                ms, seq = ms + 1, 0
        else:
            seq = int.from_bytes(os.urandom(2), "big") & 0x3FF
        _last[0], _last[1] = ms, seq
    rand = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (ms << 80) | (0x7 << 76) | (seq << 64) | (0b10 << 62) | rand
    return str(uuid.UUID(int=value))


# Reference rows seeded from resources/ get the same id on every device and on the server, so a
# device's seed and headquarters' copy are one row, not two (protocol.seed_id is this function).
SEED_NAMESPACE = uuid.UUID("5b1e3a52-6c4e-4f0e-9a63-1c0d2f7e8a11")


def seed_id(table: str, *key) -> str:
    return str(uuid.uuid5(SEED_NAMESPACE, "/".join([table, *map(str, key)])))
