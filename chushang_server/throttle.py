"""Login throttling: every attempt is counted BEFORE its password is checked, under the counters' row
locks, so concurrent guesses cannot slip past a limit; a success gives its reservation back.

An attempt is counted against several keys, each with its own limit within one window
(config.LOGIN_WINDOW_SECONDS):

- `pair`: the account from this address. After `free` failures each further attempt must wait a
  doubling delay (1 s, 2 s, 4 s ... capped) after the last one: a 429 with Retry-After; at `most`
  failures the pair is locked until the window ends. A stranger guessing an officer's password from
  their own address stops here, and locks out nobody else.
- `account`: the account from every address together (guessing spread over many addresses): a
  higher limit.
- `address`: every account from this address (one address trying many names): a limit well above
  what the people behind one NAT fail together, since each of them stops at their own pair's limit.
- `device`: a known device, i.e. a login body carrying the `device_key` that an earlier successful
  sign-in of this user handed out (stored only as its sha256, table known_device). Its attempts are
  counted on that key ALONE, with the pair's limits: strangers failing from any address, for this
  account or behind the same NAT, never stop an officer signing in again from their own laptop,
  while a stolen laptop still cannot guess faster than a pair.

An attempt is first reserved (`pending`), then settled once its password is checked: a failure
counts, a success gives the reservation back. Reservations count towards the lock, so 60 concurrent
guesses get at most `most` checked; the delay runs from the last settled failure. A refused attempt is
not counted (its password is never checked): waiting out a delay is all it takes.
"""
from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from . import config
from .db import utcnow
from .errors import ApiError
from .models import LoginFailure


# A reservation older than this was made by a process that died before settling it.
PENDING_STALE_SECONDS = 120


@dataclass(frozen=True)
class Limit:
    free: int  # failures before any delay
    most: int  # failures that lock the key until its window ends


def limits() -> dict[str, Limit]:
    return {kind: Limit(*pair) for kind, pair in config.LOGIN_LIMITS.items()}


def throttle_key(kind: str, *who: str) -> str:
    """A fixed-length key whatever the user name or address holds (length, NUL, any character)."""
    digest = hashlib.sha256("\x1f".join(who).encode("utf-8", "surrogatepass")).hexdigest()
    return f"{kind}:{digest}"


def keys_for(name: str, address: str, known_device_key: str | None) -> dict[str, Limit]:
    """The keys an attempt counts against, each with its limit."""
    policy = limits()
    if known_device_key is not None:
        return {throttle_key("device", known_device_key): policy["device"]}
    return {throttle_key("pair", name, address): policy["pair"], throttle_key("account", name): policy["account"],
            throttle_key("address", address): policy["address"]}


def delay_after(failures: int, limit: Limit) -> float:
    """Seconds the next attempt must wait after the last one, having `failures` in the window."""
    if failures < limit.free:
        return 0.0
    return min(config.LOGIN_DELAY_SECONDS * 2 ** (failures - limit.free), config.LOGIN_DELAY_CAP_SECONDS)


def reserve(session: Session, keys: dict[str, Limit]) -> None:
    """Reserve one attempt on every key, or refuse it (429) without counting when a key is at its lock
    (failures plus attempts being checked now) or inside its delay. Run in a write transaction: the
    rows stay locked until it commits, so concurrent attempts see each other's reservations."""
    now = utcnow()
    window = timedelta(seconds=config.LOGIN_WINDOW_SECONDS)
    _purge(session, now - window, keys)
    rows = _locked_rows(session, sorted(keys), now)
    for row in rows:
        if row.window_start + window <= now:
            row.count, row.window_start = 0, now
        if row.pending and row.pending_since + timedelta(seconds=PENDING_STALE_SECONDS) <= now:
            row.pending = 0  # reserved by a process that died checking
    wait = max((_wait(row, keys[row.key], now, window) for row in rows), default=0.0)
    if wait > 0:
        raise ApiError(429, "rate_limited", headers={"Retry-After": str(max(1, math.ceil(wait)))})
    for row in rows:
        row.pending += 1
        row.pending_since = now


def settle(session: Session, keys: dict[str, Limit], succeeded: bool) -> None:
    """The checked attempt's outcome: a failure counts (and restarts the delay); a success forgives
    the pair's (or device's) failures, while the wider keys keep theirs."""
    now = utcnow()
    for row in _locked_rows(session, sorted(keys), now):
        row.pending = max(0, row.pending - 1)
        if not succeeded:
            row.count += 1
            row.last_at = now
        elif row.key.partition(":")[0] in ("pair", "device"):
            row.count = 0
        if row.count == 0 and row.pending == 0:
            session.delete(row)


def _wait(row: LoginFailure, limit: Limit, now: datetime, window: timedelta) -> float:
    if row.count >= limit.most:
        return (row.window_start + window - now).total_seconds()
    if row.count + row.pending >= limit.most:
        return 1.0  # the last attempts allowed are being checked now
    if row.last_at is None:
        return 0.0
    ready = row.last_at + timedelta(seconds=delay_after(row.count, limit))
    return max(0.0, (ready - now).total_seconds())


def _purge(session: Session, before: datetime, keep: dict) -> None:
    """Drop other keys whose window ended; rows another login holds are left for a later one (two
    purges locking in different orders would deadlock)."""
    stale = (select(LoginFailure.key).where(LoginFailure.window_start < before, LoginFailure.key.not_in(list(keep)))
             .with_for_update(skip_locked=True))
    session.execute(delete(LoginFailure).where(LoginFailure.key.in_(stale)))


def _locked_rows(session: Session, keys: list[str], now: datetime) -> list[LoginFailure]:
    """The keys' rows, made if missing and locked in key order (no two logins deadlock)."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(
        insert(LoginFailure).values([{"key": key, "count": 0, "pending": 0, "window_start": now} for key in keys])
        .on_conflict_do_nothing(index_elements=["key"])
    )
    return list(session.scalars(
        select(LoginFailure).where(LoginFailure.key.in_(keys)).order_by(LoginFailure.key)
        .with_for_update().execution_options(populate_existing=True)
    ))
