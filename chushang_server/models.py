"""The server's own tables (its own metadata, separate from the client's)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import null, BigInteger, Boolean, DateTime, ForeignKey, Index, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from chushang_desk.models.base import NAMING_CONVENTION  # the client's, so both name constraints alike


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SyncCounter(Base):
    """One row (id=1): the last version handed out. Bumped first in every push, under its row lock."""

    __tablename__ = "sync_counter"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    head: Mapped[int] = mapped_column(BigInteger, default=0)


class ServerMeta(Base):
    """key/value: `epoch` (changes when the server's data is replaced), `epoch_base` (the head the
    replaced data ended at: rows a laptop holds at a later version are newer than the server's),
    `purged_through`."""

    __tablename__ = "server_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Record(Base):
    """One synced client row, generic: all its fields as a JSON object in wire form."""

    __tablename__ = "record"
    __mapper_args__ = {"eager_defaults": False}
    __table_args__ = (
        Index("ix_record_version", "version"),
        Index("ix_record_station_version", "station", "version"),
    )
    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger)
    # '' for rows everyone reads; else the station whose people read and write it.
    station: Mapped[str] = mapped_column(String(32), default="")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    data: Mapped[str] = mapped_column(Text)
    field_versions: Mapped[str] = mapped_column(Text)  # field -> version of its last change
    # field -> device that made its last change: a device's later edit never conflicts with its own.
    field_devices: Mapped[str] = mapped_column(Text, default="{}")
    last_device: Mapped[str] = mapped_column(String(36), default="")
    # A child row's visit, so the children follow when headquarters moves a visit to another station.
    parent_id: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # Set when the row's personal fields were erased (PIPL): its data is blank and stays so.
    # (A server default, not a Python one: the ORM then leaves the column out of its INSERTs, so the
    # seed still runs on a database at an older revision; it is never fetched back: eager_defaults.)
    erased_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True, server_default=null())


class Station(Base):
    __tablename__ = "station"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(128))
    name_en: Mapped[str] = mapped_column(String(128), default="")


class AppUser(Base):
    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))
    station: Mapped[str] = mapped_column(String(32), default="")  # '' for headquarters
    password_hash: Mapped[str] = mapped_column(String(256))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)


class Device(Base):
    __tablename__ = "device"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), index=True)
    name: Mapped[str] = mapped_column(String(128), default="")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    last_mid: Mapped[int | None] = mapped_column(BigInteger, default=None)


class PushResult(Base):
    """The answer given to one outbox entry, returned again when the device repeats the push."""

    __tablename__ = "push_result"
    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    mid: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    result: Mapped[str] = mapped_column(Text)


class LoginFailure(Base):
    """Sign-in attempts counted against one throttle key within a window, shared by all processes.

    The key is "<kind>:<sha256 of who>" (kinds in throttle.py: pair of account and address, account,
    address, known device), so any user name or address fits it. An attempt is counted
    (reserved) before its password is checked, under the row's lock, and settled after."""

    __tablename__ = "login_failure"
    key: Mapped[str] = mapped_column(String(160), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)  # failures (settled attempts that failed)
    window_start: Mapped[datetime] = mapped_column(DateTime)
    # The last failure: the progressive delay runs from it.
    last_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    # Attempts reserved and being checked right now, and when the latest was reserved.
    pending: Mapped[int] = mapped_column(Integer, default=0)
    pending_since: Mapped[datetime | None] = mapped_column(DateTime, default=None)


class KnownDevice(Base):
    """A device key handed out at a successful sign-in (kept as its sha256): signing in again with it
    and the right password is throttled on that key alone, so strangers failing elsewhere cannot lock
    the officer out. Kept across sign-out; removed when an administrator revokes its device."""

    __tablename__ = "known_device"
    key_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), index=True)
    device_id: Mapped[str] = mapped_column(String(36), index=True)  # the last device signed in with it
    created_at: Mapped[datetime] = mapped_column(DateTime)
    last_login_at: Mapped[datetime] = mapped_column(DateTime)
