"""Passwords (Argon2id), device tokens and device keys (opaque, stored as sha256), sign-in (throttled by
throttle.py), the signed-in actor."""
from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from . import config, throttle
from .db import read_session, utcnow, write_session
from .errors import ApiError
from .models import AppUser, Device, KnownDevice

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

# A name no user can have (add_user takes 1 to 64 characters; PostgreSQL text cannot hold NUL): such a
# name is not looked up, and fails like an unknown one.
MAX_USER_NAME = 64
MAX_DEVICE_NAME = 128
MAX_DEVICE_KEY = 128


def login(engine: Engine, name: str, password: str, device_name: str, address: str, device_key: str = "") -> dict:
    """Count the attempt (throttle.py: refused with 429 at a limit), then check the password; a success
    makes a device and returns its token and the device key to send at the next sign-in."""
    with write_session(engine) as session:
        user = _user_named(session, name)
        known = _known_key(session, user, device_key)
        keys = throttle.keys_for(name, address, known)
        throttle.reserve(session, keys)
    ok = False
    try:
        ok = verify_password(user.password_hash if user else _DUMMY_HASH, password)
        ok = ok and user is not None and not user.disabled
    finally:  # settled whatever happens, so the reservation never lingers
        if not ok:
            with write_session(engine) as session:
                throttle.settle(session, keys, succeeded=False)
    if not ok:
        raise ApiError(401, "bad_credentials")
    token, device_id = secrets.token_urlsafe(32), str(uuid.uuid4())
    device_key = known or secrets.token_urlsafe(32)
    with write_session(engine) as session:
        throttle.settle(session, keys, succeeded=True)
        now = utcnow()
        session.add(Device(id=device_id, user_id=user.id, name=clean_device_name(device_name),
                           token_hash=token_hash(token), created_at=now, last_seen_at=now))
        _remember_device(session, user, device_key, device_id, now)
    return {"device_id": device_id, "token": token, "device_key": device_key, "user": user_dict(user)}


def _remember_device(session, user: AppUser, device_key: str, device_id: str, now) -> None:
    known = session.get(KnownDevice, token_hash(device_key))
    if known is None:
        session.add(KnownDevice(key_hash=token_hash(device_key), user_id=user.id, device_id=device_id,
                                created_at=now, last_login_at=now))
    else:
        known.device_id, known.last_login_at = device_id, now


def _user_named(session, name: str) -> AppUser | None:
    if not 0 < len(name) <= MAX_USER_NAME or "\x00" in name:
        return None
    return session.scalar(select(AppUser).where(AppUser.name == name))


def _known_key(session, user: AppUser | None, device_key: str) -> str | None:
    """The device key if an earlier sign-in of this user handed it out, else None."""
    if user is None or not device_key or len(device_key) > MAX_DEVICE_KEY:
        return None
    known = session.get(KnownDevice, token_hash(device_key))
    return device_key if known is not None and known.user_id == user.id else None


def clean_device_name(name: str) -> str:
    """What a device calls itself, fit to store and show: control characters (NUL, which PostgreSQL
    cannot hold, and the rest) become spaces, at most 128 characters."""
    cleaned = "".join(c if c.isprintable() else " " for c in name[:MAX_DEVICE_NAME * 2])
    return " ".join(cleaned.split())[:MAX_DEVICE_NAME]


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
