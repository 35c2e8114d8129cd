"""Fixtures of the UI tests (their helpers are in helpers.py)."""
from __future__ import annotations

import pytest

from tests.conftest import wait_idle
from tests.ui.helpers import PEOPLE, names, seed


@pytest.fixture
def server_db_url(tmp_path):
    """The app's side of sync runs on one backend (SQLite); the server tests cover both."""
    from tests.support.fixtures import make_db_url

    return make_db_url("sqlite", tmp_path, "ui")


@pytest.fixture
def page(main_window, qtbot):
    wait_idle(qtbot, main_window)
    page = main_window.show_page("ContactsPage")
    seed(main_window)
    qtbot.waitUntil(lambda: len(names(page)) == len(PEOPLE))
    return page
