"""Devices for the sync tests: real profiles in temp folders, signed in to a real server process.

Replicas are compared in wire form: each device's synced tables as the server's pull would carry them,
and the server's own view through a pull from cursor 0 with that device's token.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from chushang_desk.db.outbox import to_wire
from chushang_desk.models import synced_tables
from chushang_desk.services.profile import Profile, open_profile
from chushang_desk.sync import protocol
from chushang_desk.sync.account import account_token, current_account, sign_in
from chushang_desk.sync.client import SyncClient
from tests.support.server_process import PASSWORD


@dataclass
class Device:
    name: str
    profile: Profile

    def read(self, fn, *args):
        return self.profile.read(fn, *args)

    def write(self, fn, *args):
        return self.profile.write(fn, *args)


@pytest.fixture
def make_device(server, tmp_path):
    """make_device(name, user) -> a fresh profile signed in to the test server as that user."""
    opened = []

    def make(name: str, user: str) -> Device:
        profile = open_profile(tmp_path / name)
        opened.append(profile)
        sign_in(profile, server.url, user, PASSWORD, device_name=name)
        return Device(name, profile)

    yield make
    for profile in opened:
        profile.close()


def local_rows(profile: Profile) -> dict[tuple[str, str], dict]:
    """(table, id) -> the row's fields in wire form, for every synced row of the profile."""
    rows = {}
    fields = protocol.table_fields()
    with profile.sessions.read() as s:
        for table, model in synced_tables().items():
            for obj in s.scalars(select(model)):
                rows[(table, obj.id)] = {f: to_wire(getattr(obj, f)) for f in fields[table]}
    return rows


def server_rows(profile: Profile) -> dict[tuple[str, str], dict]:
    """What the server holds that this device may see: a whole pull from cursor 0, in wire form."""
    account = current_account(profile)
    rows, cursor = {}, 0
    with SyncClient(account.server_url, account_token(profile, account)) as client:
        while True:
            page = client.pull(cursor, protocol.PULL_MAX_LIMIT)
            for row in page["rows"]:
                rows[(row["table"], row["id"])] = _normal(row["table"], row["data"])
            cursor = page["cursor"]
            if not page["has_more"]:
                return rows


def _normal(table: str, data: dict) -> dict:
    """Server data spelled as local_rows spells it (datetimes re-read, decimals to cents)."""
    out = {}
    for field, (kind, _length, _nullable) in protocol.table_fields()[table].items():
        value = data.get(field)
        if kind == "datetime" and value:
            value = to_wire(datetime.fromisoformat(value).replace(tzinfo=None))
        elif kind == "decimal" and value:
            value = str(Decimal(value).quantize(Decimal("0.01")))
        out[field] = value
    return out
