"""Server settings: where the database is, and the limits that are policy rather than protocol."""
from __future__ import annotations

import os

DB_ENV = "CHUSHANG_SERVER_DB"
PASSWORD_ENV = "CHUSHANG_PASSWORD"
DEFAULT_DB_URL = "sqlite:///./chushang-server.db"

# Login throttling (throttle.py): per key kind, (failures before delays start, failures that lock the
# key until its window ends), counted over one window.
LOGIN_WINDOW_SECONDS = 15 * 60
LOGIN_LIMITS = {
    "pair": (3, 10),       # one account from one address
    "device": (3, 10),     # one known device (its device key), wherever it is
    "account": (20, 50),   # one account from all addresses (unknown devices only)
    "address": (30, 100),  # all accounts from one address (unknown devices only): a NAT's people
}
# The first delay (seconds), doubling with each further failure up to the cap. CHUSHANG_LOGIN_DELAY
# overrides it (tests that must reach a lock without waiting set 0).
LOGIN_DELAY_ENV = "CHUSHANG_LOGIN_DELAY"
LOGIN_DELAY_SECONDS = float(os.environ.get(LOGIN_DELAY_ENV) or 1)
LOGIN_DELAY_CAP_SECONDS = 60.0

# A gzip request body may expand to at most this many times the body limit (zip bombs).
GZIP_EXPANSION_CAP = 8
# Seconds a client waits after a 503 (a push that met a lock).
RETRY_AFTER_SECONDS = 2
# How long a push waits for the counter lock before answering 503 (CHUSHANG_LOCK_TIMEOUT overrides).
LOCK_TIMEOUT_ENV = "CHUSHANG_LOCK_TIMEOUT"
LOCK_TIMEOUT_SECONDS = float(os.environ.get(LOCK_TIMEOUT_ENV) or 10)
# A device's last_seen_at is written at most this often (an idle pull should not write).
LAST_SEEN_EVERY_SECONDS = 60


# Argon2id cost: the library's recommended one, unless this says "fast" (tests and demos sign in often;
# a hash carries its own cost, so a fast hash made there still verifies anywhere).
ARGON2_ENV = "CHUSHANG_ARGON2"
FAST_ARGON2 = {"time_cost": 1, "memory_cost": 1024, "parallelism": 1}


def argon2_params() -> dict:
    return dict(FAST_ARGON2) if os.environ.get(ARGON2_ENV) == "fast" else {}


def db_url_from_env() -> str:
    return os.environ.get(DB_ENV) or DEFAULT_DB_URL
