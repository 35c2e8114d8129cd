"""Administration used by the command line: stations, users, passwords, devices."""
from __future__ import annotations

import secrets

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine

from chushang_desk.sync import protocol

from .auth import hash_password
from .db import read_session, utcnow, write_session
from .models import AppUser, Device, KnownDevice, Record, ServerMeta, Station
from .records import RowState, bump_counter, new_record, read_head, store_data, wire
from .seed import reference_data


class AdminError(ValueError):
    """Bad input to an admin command (the CLI prints it and exits 2)."""


def add_station(engine: Engine, code: str, name_zh: str, name_en: str = "") -> None:
    """Add or rename a station; its reference_item (list "station") syncs to every client."""
    if not code or len(code) > 32 or not name_zh:
        raise AdminError("a station needs a code (at most 32 characters) and a Chinese name")
    with write_session(engine) as session:
        station = session.get(Station, code)
        if station is None:
            session.add(Station(code=code, name_zh=name_zh, name_en=name_en))
        else:
            station.name_zh, station.name_en = name_zh, name_en
        _put_station_item(session, code, name_zh, name_en)


def _put_station_item(session, code: str, name_zh: str, name_en: str) -> None:
    version = bump_counter(session, 1)
    row_id = protocol.seed_id("reference_item", "station", code)
    record = session.get(Record, ("reference_item", row_id))
    fields = {"list_name": "station", "code": code, "name_zh": name_zh, "name_en": name_en}
    if record is None:
        sort_order = session.query(Station).count()
        data = reference_data("reference_item", dict(fields, category="domestic", sort_order=sort_order))
        session.add(new_record("reference_item", row_id, data, version, ""))
        return
    state = RowState.of(record)
    for field, value in dict(fields, updated_at=wire(utcnow()), updated_by="hq", deleted_at=None).items():
        state.set(field, value, version, "")
    record.version, record.deleted, record.last_device = version, False, ""
    store_data(record, state)


def add_user(engine: Engine, name: str, station: str, role: str, password: str, display_name: str = "") -> None:
    _check_user_input(name, role, password)
    station = "" if role == "hq" else station
    with write_session(engine) as session:
        if role != "hq" and session.get(Station, station) is None:
            raise AdminError(f"no station {station!r}; add it with add-station first")
        if session.scalar(select(AppUser).where(AppUser.name == name)) is not None:
            raise AdminError(f"user {name!r} exists already; use set-password to change the password")
        session.add(AppUser(name=name, display_name=display_name or name, role=role, station=station,
                            password_hash=hash_password(password), created_at=utcnow(), disabled=False))


def _check_user_input(name: str, role: str, password: str) -> None:
    if not name or len(name) > 64:
        raise AdminError("a user name of 1 to 64 characters is required")
    if role not in protocol.ROLES:
        raise AdminError(f"role must be one of {', '.join(protocol.ROLES)}")
    check_password(password)


def check_password(password: str) -> None:
    if len(password) < 8:
        raise AdminError("the password must have at least 8 characters")


def set_password(engine: Engine, name: str, password: str) -> None:
    check_password(password)
    with write_session(engine) as session:
        user = session.scalar(select(AppUser).where(AppUser.name == name))
        if user is None:
            raise AdminError(f"no user {name!r}")
        user.password_hash = hash_password(password)


def list_users(engine: Engine) -> list[dict]:
    with read_session(engine) as session:
        return [
            {"user": u.name, "display_name": u.display_name, "role": u.role, "station": u.station,
             "created": u.created_at, "disabled": u.disabled}
            for u in session.scalars(select(AppUser).order_by(AppUser.name))
        ]


def list_devices(engine: Engine, user: str | None = None) -> list[dict]:
    query = select(Device, AppUser.name).join(AppUser, AppUser.id == Device.user_id).order_by(Device.created_at)
    if user:
        query = query.where(AppUser.name == user)
    with read_session(engine) as session:
        return [
            {"id": d.id, "user": name, "name": d.name, "created": d.created_at, "last_seen": d.last_seen_at,
             "revoked": d.revoked_at}
            for d, name in session.execute(query)
        ]


def revoke_device(engine: Engine, device_id: str) -> None:
    with write_session(engine) as session:
        device = session.get(Device, device_id)
        if device is None:
            raise AdminError(f"no device {device_id!r}")
        device.revoked_at = device.revoked_at or utcnow()
        # Its device key no longer marks a known device: a stolen laptop signs in like a stranger.
        session.execute(delete(KnownDevice).where(KnownDevice.device_id == device_id))


def new_epoch(engine: Engine) -> tuple[str, int]:
    """After the database was restored from a backup: a new epoch, so every laptop's next request
    answers 410 and it does a replacement sync; `epoch_base`, the head the restored data ends at, tells
    the laptops which of their rows are newer than the backup (they send those again). Returns both."""
    epoch = secrets.token_hex(8)
    with write_session(engine) as session:
        base = read_head(session)
        for key, value in (("epoch", epoch), ("epoch_base", str(base))):
            row = session.get(ServerMeta, key)
            if row is None:
                session.add(ServerMeta(key=key, value=value))
            else:
                row.value = value
    return epoch, base
