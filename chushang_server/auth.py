"""Passwords (Argon2id), device tokens (opaque, stored as sha256), login rate limits, the signed-in actor."""
from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError

from . import config
from .db import read_session, utcnow, write_session
from .errors import ApiError
from .models import AppUser, Device, LoginFailure

_hasher = PasswordHasher(**config.argon2_params())  # Argon2id
# Verified when the user does not exist, so a wrong name costs the same time as a wrong password.
_DUMMY_HASH = _hasher.hash("no such user")


@dataclass(frozen=True)
class Actor:
    """Who is calling: the user and the device of a valid token."""

    user_id: int
    name: str
    display_name: str
    role: str
    station: str
    device_id: str
    device_name: str
    device_created_at: datetime
    last_seen_at: datetime | None

    def user_dict(self) -> dict:
        return {"name": self.name, "display_name": self.display_name, "role": self.role, "station": self.station}


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def user_dict(user: AppUser) -> dict:
    return {"name": user.name, "display_name": user.display_name, "role": user.role, "station": user.station}


# --- login ---------------------------------------------------------------------------------------------

def login(engine: Engine, name: str, password: str, device_name: str, address: str) -> dict:
    """Check the rate limits, then the password; a success makes a device and returns its token."""
    keys = {f"user:{name}": config.LOGIN_MAX_FAILURES_USER, f"addr:{address}": config.LOGIN_MAX_FAILURES_ADDR}
    with read_session(engine) as session:
        _refuse_if_limited(session, keys)
        user = session.scalar(select(AppUser).where(AppUser.name == name))
    ok = verify_password(user.password_hash if user else _DUMMY_HASH, password)
    if not ok or user is None or user.disabled:
        _count_failure(engine, list(keys))
        raise ApiError(401, "bad_credentials")
    token = secrets.token_urlsafe(32)
    device_id = str(uuid.uuid4())
    with write_session(engine) as session:
        session.execute(delete(LoginFailure).where(LoginFailure.key == f"user:{name}"))
        session.add(Device(id=device_id, user_id=user.id, name=device_name[:128], token_hash=token_hash(token),
                           created_at=utcnow(), last_seen_at=utcnow()))
    return {"device_id": device_id, "token": token, "user": user_dict(user)}


def _refuse_if_limited(session, keys: dict[str, int]) -> None:
    now = utcnow()
    window = timedelta(seconds=config.LOGIN_WINDOW_SECONDS)
    rows = session.scalars(select(LoginFailure).where(LoginFailure.key.in_(list(keys))))
    for row in rows:
        if row.count >= keys[row.key] and row.window_start + window > now:
            retry = int((row.window_start + window - now).total_seconds()) + 1
            raise ApiError(429, "rate_limited", headers={"Retry-After": str(retry)})


def _count_failure(engine: Engine, keys: list[str]) -> None:
    for attempt in range(3):  # two processes may insert the same key at once: retry on the duplicate
        try:
            with write_session(engine) as session:
                for key in keys:
                    _bump_failure(session, key)
            return
        except IntegrityError:
            continue


def _bump_failure(session, key: str) -> None:
    now = utcnow()
    row = session.scalar(select(LoginFailure).where(LoginFailure.key == key).with_for_update())
    if row is None:
        session.add(LoginFailure(key=key, count=1, window_start=now))
        session.flush()
    elif row.window_start + timedelta(seconds=config.LOGIN_WINDOW_SECONDS) <= now:
        row.count, row.window_start = 1, now
    else:
        row.count += 1


# --- tokens --------------------------------------------------------------------------------------------

def bearer_token(authorization: str | None) -> str:
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "bad_token")
    return token.strip()


def authenticate(engine: Engine, authorization: str | None) -> Actor:
    token = bearer_token(authorization)
    with read_session(engine) as session:
        found = session.execute(
            select(Device, AppUser).join(AppUser, AppUser.id == Device.user_id)
            .where(Device.token_hash == token_hash(token))
        ).first()
    if found is None:
        raise ApiError(401, "bad_token")
    device, user = found
    if device.revoked_at is not None:
        raise ApiError(401, "device_revoked")
    if user.disabled:
        raise ApiError(401, "user_disabled")
    _note_seen(engine, device)
    return Actor(user.id, user.name, user.display_name, user.role, user.station,
                 device.id, device.name, device.created_at, device.last_seen_at)


def _note_seen(engine: Engine, device: Device) -> None:
    """Record last_seen_at, at most once a minute (an idle pull should not write every time)."""
    now = utcnow()
    if device.last_seen_at and now - device.last_seen_at < timedelta(seconds=config.LAST_SEEN_EVERY_SECONDS):
        return
    try:
        with write_session(engine) as session:
            row = session.get(Device, device.id)
            row.last_seen_at = now
    except OperationalError:
        pass  # a busy database only delays the note; the request itself goes on


def logout(engine: Engine, actor: Actor) -> None:
    with write_session(engine) as session:
        session.get(Device, actor.device_id).revoked_at = utcnow()
