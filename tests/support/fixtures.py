"""Fixtures that start real chushang_server processes on 127.0.0.1, on SQLite and on PostgreSQL."""
from __future__ import annotations

import pytest

from .server_process import drop_pg_database, fresh_pg_url, seed_people, start_server


def make_db_url(kind: str, tmp_path, hint: str) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'server.db'}"
    return fresh_pg_url(hint)


def release_db(db_url: str) -> None:
    if db_url.startswith("postgresql"):
        drop_pg_database(db_url)


@pytest.fixture(params=["sqlite", "postgresql"], ids=["sqlite", "postgresql"])
def server_db_url(request, tmp_path):
    """A fresh, empty database (not migrated) on each backend."""
    db_url = make_db_url(request.param, tmp_path, request.node.name)
    yield db_url
    release_db(db_url)


@pytest.fixture
def server(server_db_url):
    """A running server on a fresh database with stations jjj/csj and users officer_a, officer_b,
    lead_a, hq (password "secret-pass-1"); stopped at teardown."""
    handle = start_server(server_db_url)
    seed_people(server_db_url)
    yield handle
    handle.stop()
