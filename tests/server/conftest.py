"""A server shared by a test module (per backend): read-mostly tests use distinct record ids."""
from __future__ import annotations

import pytest

from tests.support.fixtures import make_db_url, release_db
from tests.support.server_process import seed_people, start_server


@pytest.fixture(scope="module", params=["sqlite", "postgresql"], ids=["sqlite", "postgresql"])
def shared_server(request, tmp_path_factory):
    db_url = make_db_url(request.param, tmp_path_factory.mktemp("server"), request.module.__name__.split(".")[-1])
    handle = start_server(db_url)
    seed_people(db_url)
    yield handle
    handle.stop()
    release_db(db_url)
