"""Server settings: where the database is, and the limits that are policy rather than protocol."""
from __future__ import annotations

import os

DB_ENV = "CHUSHANG_SERVER_DB"
PASSWORD_ENV = "CHUSHANG_PASSWORD"
DEFAULT_DB_URL = "sqlite:///./chushang-server.db"

# Login rate limits (per account, per address) over one window.
LOGIN_WINDOW_SECONDS = 15 * 60
LOGIN_MAX_FAILURES_USER = 5
LOGIN_MAX_FAILURES_ADDR = 20

# A gzip request body may expand to at most this many times the body limit (zip bombs).
GZIP_EXPANSION_CAP = 8
# Seconds a client waits after a 503 (a push that met a lock).
RETRY_AFTER_SECONDS = 2
# How long a push waits for the counter lock before answering 503.
LOCK_TIMEOUT_SECONDS = 10
# A device's last_seen_at is written at most this often (an idle pull should not write).
LAST_SEEN_EVERY_SECONDS = 60


def db_url_from_env() -> str:
    return os.environ.get(DB_ENV) or DEFAULT_DB_URL
