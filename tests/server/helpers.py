"""Small HTTP helpers for the server tests: a signed-in httpx client and outbox entries."""
from __future__ import annotations

import uuid

import httpx

from chushang_desk.sync import protocol

from tests.support.server_process import PASSWORD

SCHEMA = {protocol.SCHEMA_HEADER: str(protocol.SCHEMA_VERSION)}


def new_id() -> str:
    return str(uuid.uuid4())


def client(server) -> httpx.Client:
    return httpx.Client(base_url=server.url, headers=dict(SCHEMA), timeout=30.0)


def sign_in(server, user: str, device_name: str = "laptop") -> httpx.Client:
    """A client with a fresh device of `user`; .device_id and .epoch set as attributes."""
    signed = client(server)
    answer = signed.post(protocol.LOGIN_PATH, json={"user": user, "password": PASSWORD, "device_name": device_name})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    signed.headers["Authorization"] = f"Bearer {body['token']}"
    signed.device_id, signed.epoch, signed.token = body["device_id"], body["epoch"], body["token"]
    signed.next_mid = 1
    return signed


def entry(signed, table: str, row_id: str, fields: dict, op: str = "upsert", base: int = 0, mid=None) -> dict:
    """An outbox entry with the device's next mid."""
    if mid is None:
        mid = signed.next_mid
    signed.next_mid = mid + 1
    return {"mid": mid, "table": table, "id": row_id, "op": op, "fields": fields, "base_version": base,
            "device_time": "2026-01-01T00:00:00.000000"}


def push(signed, *entries: dict) -> dict:
    answer = signed.post(protocol.PUSH_PATH, json={"entries": list(entries)})
    assert answer.status_code == 200, answer.text
    return answer.json()


def push_one(signed, table: str, row_id: str, fields: dict, op: str = "upsert", base: int = 0) -> dict:
    return push(signed, entry(signed, table, row_id, fields, op, base))["results"][0]


def pull_all(signed, cursor: int = 0, limit: int = protocol.PULL_MAX_LIMIT) -> tuple[list[dict], int]:
    """Every page from `cursor`; returns (rows, final cursor)."""
    rows = []
    while True:
        answer = signed.get(protocol.PULL_PATH, params={"cursor": cursor, "limit": limit})
        assert answer.status_code == 200, answer.text
        page = answer.json()
        rows += page["rows"]
        cursor = page["cursor"]
        if not page["has_more"]:
            return rows, cursor


def head(signed) -> int:
    answer = signed.get(protocol.PULL_PATH, params={"cursor": 0, "limit": 1})
    return answer.json()["head"]


def new_user(server, station: str = "jjj", role: str = "officer") -> str:
    """A user of its own for a test that counts its failures (made with the admin code the CLI runs)."""
    from chushang_server import admin
    from chushang_server.db import make_engine

    name = "u_" + new_id()[:8]
    engine = make_engine(server.db_url)
    try:
        admin.add_user(engine, name, station, role, PASSWORD, display_name=f"{name} name")
    finally:
        engine.dispose()
    return name


def visit(station: str, **extra) -> dict:
    fields = {"visit_date": "2026-03-01", "station": station, "officers": ["王伟"], "mode": "visit",
              "place": "北京", "purpose": "回访", "summary": "", "updated_at": "2026-03-01T09:00:00.000000"}
    fields.update(extra)
    return fields


def contact(name: str, **extra) -> dict:
    fields = {"name": name, "updated_at": "2026-03-01T09:00:00.000000"}
    fields.update(extra)
    return fields
