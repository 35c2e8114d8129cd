"""The sync wire protocol shared by the client and the server (SYNC.md): paths, headers, limits, the
tables and fields that may travel, who may write them, and the JSON + gzip encoding.

Messages are plain dicts (JSON objects); their shapes, in the words of SYNC.md:

POST /v1/auth/login  {"user", "password", "device_name"}
  -> {"device_id", "token", "user": {"name", "display_name", "role", "station"}, "epoch"}
POST /v1/sync/push   {"entries": [{"mid", "table", "id", "op", "fields", "base_version", "device_time"}]}
  -> {"results": [{"mid", "status", "version", "conflicts": [{"field", "mine", "theirs"}],
                   "row": {...} | null, "reason"}], "head"}
     status: applied | merged | conflict | rejected. `row` (the server's whole row: "table", "id",
     "version", "deleted", "data") comes with merged and conflict results, so the device holds what the
     server holds without waiting for a pull.
     op: upsert | delete | restore | erase. `erase` (headquarters only, a contact: PIPL Art. 47) blanks
     every personal field (PERSONAL_FIELDS) of the person's row and of the rows that belong to him
     (ERASE_CHILDREN), tombstones them and marks them erased for good: any later entry on an erased
     row is rejected "erased: ..." and its values are stored nowhere. Its fields are ignored.
GET  /v1/sync/pull?cursor=N&limit=L
  -> {"rows": [{"table", "id", "version", "deleted", "data", "erased"?}], "cursor", "has_more", "epoch",
      "head"}
     `erased: true` only on erased rows; a client that does not know it sees a deleted row with
     blanked fields, which is what the row holds (so older clients keep working).
GET  /v1/sync/watch?cursor=N&wait=S   (long-poll: answers once head > N, or after S seconds)
  -> {"head"}
Every request carries SCHEMA_HEADER; every request but login carries "Authorization: Bearer <token>"
and EPOCH_HEADER once the device knows the server's epoch. Errors answer {"code", "message"}.
"""
from __future__ import annotations

import gzip
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import orjson
from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, String, Text

from ..db import ids as _ids
from ..models.base import synced_tables
from ..models.types import DecimalText, to_wire  # noqa: F401  (the server's wire form of a value)
# Erasure (PIPL Art. 47): which fields are personal and what they read once erased. Kept in the models
# layer (TEMPORARY, until the record declarations carry a `personal` flag) so the client's services
# reach them too; re-exported here for the server.
from ..models.erasure import (  # noqa: F401
    ERASABLE_TABLE, ERASE_CHILDREN, ERASED_NAME, ERASED_REASON, PERSONAL_FIELDS, erased_fields, erased_value,
)

# The data schema this client speaks; a server accepts clients from its MIN_CLIENT_SCHEMA up.
SCHEMA_VERSION = 1
MIN_CLIENT_SCHEMA = 1

SCHEMA_HEADER = "X-Chushang-Schema"
EPOCH_HEADER = "X-Chushang-Epoch"
SERVER_SCHEMA_HEADER = "X-Chushang-Server-Schema"

LOGIN_PATH = "/v1/auth/login"
LOGOUT_PATH = "/v1/auth/logout"
PUSH_PATH = "/v1/sync/push"
PULL_PATH = "/v1/sync/pull"
WATCH_PATH = "/v1/sync/watch"

PUSH_MAX_ENTRIES = 500
PUSH_MAX_BYTES = 1 << 20  # one push batch, uncompressed
BODY_LIMIT = 4 << 20  # any request body, as sent (413 above it)
PULL_DEFAULT_LIMIT = 2000
PULL_MAX_LIMIT = 5000
GZIP_LEVEL = 1  # ~3.5x smaller for ~1/10 of the cost of level 6 on our records

OPS = ("upsert", "delete", "restore", "erase")
RESULT_STATUSES = ("applied", "merged", "conflict", "rejected")
ROLES = ("officer", "station_lead", "hq")

# Who may write what (SYNC.md, Authorization). Shared tables: every signed-in user reads and edits.
# Station tables: officers and station leads read and edit their own station's rows; headquarters all.
# Their child rows belong to the station of the visit they hang on. HQ tables: everyone reads, only
# headquarters writes.
SHARED_TABLES = frozenset({"contact", "organization", "affiliation"})
STATION_TABLES = frozenset({"visit", "referral"})
CHILD_TABLES = {"visit_contact": "visit_id", "visit_organization": "visit_id", "follow_up": "visit_id"}
HQ_TABLES = frozenset({"reference_item", "annual_target"})

# Stamped by the server from the signed-in user: a push that carries them is forging an owner.
SERVER_STAMPED = frozenset({"created_by", "updated_by"})
# Bookkeeping every edit changes: never a conflict; the later push (in commit order) wins.
NEVER_CONFLICT = frozenset({"updated_at"})
# Where the deleted flag travels: the tombstone column itself.
TOMBSTONE_FIELD = "deleted_at"
# The field name a conflict carries when an edit met a row deleted elsewhere.
DELETED_CONFLICT_FIELD = "deleted_at"


def _kind(column) -> tuple[str, int | None]:
    kind = column.type
    if isinstance(kind, DecimalText):
        return "decimal", None
    if isinstance(kind, Boolean):
        return "bool", None
    if isinstance(kind, Integer):
        return "int", None
    if isinstance(kind, DateTime):
        return "datetime", None
    if isinstance(kind, Date):
        return "date", None
    if isinstance(kind, JSON):
        return "json", None
    if isinstance(kind, (String, Text)):
        return "str", getattr(kind, "length", None)
    raise TypeError(f"no wire kind for {column.table.name}.{column.key}: {kind!r}")


@lru_cache(maxsize=1)
def table_fields() -> dict[str, dict[str, tuple[str, int | None, bool]]]:
    """table -> field -> (kind, max length, nullable): the allow-list of what may travel in a push.

    Read off the client's models, so a new column travels once it exists; derived columns (sort keys)
    and bookkeeping (id, version) never do.
    """
    tables = {}
    for name, model in synced_tables().items():
        skip = model.__sync_bookkeeping__
        tables[name] = {
            c.key: (*_kind(c), bool(c.nullable))
            for c in model.__table__.columns
            if c.key not in skip
        }
    return tables


class BadValue(ValueError):
    """A pushed field whose value does not fit its column."""


def check_value(kind: str, length: int | None, nullable: bool, value):
    """Validate one wire value of a field; returns it (as it is stored on the wire) or raises BadValue."""
    if value is None:
        if nullable or kind in ("str", "json"):
            return None if nullable else ("" if kind == "str" else [])
        raise BadValue("may not be empty")
    check = _CHECKS[kind]
    check(value, length)
    return value


def _check_str(value, length):
    if not isinstance(value, str):
        raise BadValue("must be text")
    if length and len(value) > length:
        raise BadValue(f"longer than {length} characters")


def _check_int(value, _length):
    if not isinstance(value, int) or isinstance(value, bool) or abs(value) > 2**53:
        raise BadValue("must be a whole number")


def _check_bool(value, _length):
    if not isinstance(value, bool):
        raise BadValue("must be true or false")


def _check_date(value, _length):
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        raise BadValue("must be a date (YYYY-MM-DD)") from None


def _check_datetime(value, _length):
    try:
        datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise BadValue("must be a date and time (ISO 8601)") from None


def _check_decimal(value, _length):
    try:
        ok = isinstance(value, str) and Decimal(value).is_finite()
    except InvalidOperation:
        ok = False
    if not ok:
        raise BadValue("must be a decimal number as text")


def _check_json(value, _length):
    if not isinstance(value, (list, dict)):
        raise BadValue("must be a list")
    if len(orjson.dumps(value)) > 16384:
        raise BadValue("too long")


_CHECKS = {
    "str": _check_str, "int": _check_int, "bool": _check_bool, "date": _check_date,
    "datetime": _check_datetime, "decimal": _check_decimal, "json": _check_json,
}

# Reference rows seeded from resources/ get the same id on every device and on the server, so a
# device's seed and headquarters' copy are one row, not two. Kept in db.ids, where the client's seeding
# (services, below sync) can reach it too.
_SEED_NAMESPACE = _ids.SEED_NAMESPACE


def seed_id(table: str, *key) -> str:
    return _ids.seed_id(table, *key)


def encode(message) -> bytes:
    return orjson.dumps(message)


def decode(body: bytes):
    return orjson.loads(body)


def compress(body: bytes) -> bytes:
    return gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
