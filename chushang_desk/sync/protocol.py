"""The sync wire protocol shared by the client and the server (SYNC.md): paths, headers, limits, the
tables and fields that may travel, who may write them, and the JSON + gzip encoding.

Messages are plain dicts (JSON objects); their shapes, in the words of SYNC.md:

POST /v1/auth/login  {"user", "password", "device_name", "device_key"?}
  -> {"device_id", "token", "user": {"name", "display_name", "role", "station"}, "epoch", "device_key"}
     `device_key`: what this laptop's last sign-in of the user answered; a known device's attempts are
     throttled on their own (chushang_server/throttle.py). Throttled: 429 with Retry-After.
POST /v1/sync/push   {"from_mid"?, "entries": [{"mid", "table", "id", "op", "fields", "base_version", "device_time"}]}
     An entry applies only as the device's last applied mid + 1: a push that skips one answers 409
     {"code": "mid_gap", "expected"} and applies nothing. `from_mid` is the device's lowest pending mid:
     mids below it are answered (and applied on the device) or discarded, so the server skips them. Every field is checked against its declaration (models/records.py).
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
     blanked fields, which is what the row holds (so older clients keep working). A row the client
     cannot store is held aside (sync/held.py), never a stopped sync.
GET  /v1/sync/watch?cursor=N&wait=S   (long-poll: answers once head > N, or after S seconds)
  -> {"head"}
Every request carries SCHEMA_HEADER; every request but login carries "Authorization: Bearer <token>"
and EPOCH_HEADER once the device knows the server's epoch. Errors answer {"code", "message"}.
"""
from __future__ import annotations

import gzip
import ipaddress
from functools import lru_cache

import orjson

from ..db import ids as _ids
from ..models import records
from ..models.types import to_wire  # noqa: F401  (the server's wire form of a value)
# Erasure (PIPL Art. 47): which fields are personal (the record declarations say) and what they read
# once erased. Kept in the models layer so the client's services reach them too; re-exported here for
# the server.
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

# Who may write what (SYNC.md, Authorization), read off the record declarations (models.records).
# Shared tables: every signed-in user reads and edits. Station tables: officers and station leads read
# and edit their own station's rows; headquarters all. Child rows belong to the station of the parent
# they hang on. HQ tables: everyone reads, only headquarters writes.
SHARED_TABLES = records.tables_in_scope("shared")
STATION_TABLES = records.tables_in_scope("station")
CHILD_TABLES = {t: records.parent_of(t)[1] for t in sorted(records.tables_in_scope("parent"))}
HQ_TABLES = records.tables_in_scope("hq")

# Stamped by the server from the signed-in user: a push that carries them is forging an owner.
SERVER_STAMPED = frozenset({"created_by", "updated_by"})
# Bookkeeping every edit changes: never a conflict; the later push (in commit order) wins.
NEVER_CONFLICT = frozenset({"updated_at"})
# Where the deleted flag travels: the tombstone column itself.
TOMBSTONE_FIELD = "deleted_at"
# The field name a conflict carries when an edit met a row deleted elsewhere.
DELETED_CONFLICT_FIELD = "deleted_at"


# The older names of the declaration's kinds, as table_fields() has always given them.
_WIRE_KINDS = {"text": "str", "free_text": "str", "enum": "str", "code": "str", "id": "str",
               "strings": "json"}


@lru_cache(maxsize=1)
def table_fields() -> dict[str, dict[str, tuple[str, int | None, bool]]]:
    """table -> field -> (kind, max length, nullable): what may travel in a push (models.records)."""
    return {
        table: {f: (_WIRE_KINDS.get(r.kind, r.kind), r.max_len, r.nullable) for f, r in rt.fields.items()}
        for table, rt in records.RECORDS.items()
    }


BadValue = records.BadValue
check_field = records.check_field

# Reference rows seeded from resources/ get the same id on every device and on the server, so a
# device's seed and headquarters' copy are one row, not two. Kept in db.ids, where the client's seeding
# (services, below sync) can reach it too.
_SEED_NAMESPACE = _ids.SEED_NAMESPACE


def seed_id(table: str, *key) -> str:
    return _ids.seed_id(table, *key)


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 or localhost: traffic that never leaves this machine (the only place plain
    HTTP is allowed, by the client and without a warning by the server)."""
    host = host.strip("[]").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def encode(message) -> bytes:
    return orjson.dumps(message)


def decode(body: bytes):
    return orjson.loads(body)


def compress(body: bytes) -> bytes:
    return gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
