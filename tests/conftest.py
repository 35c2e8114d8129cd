"""Shared fixtures: a fresh profile per test, and the main window over one (offscreen Qt)."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Every profile is encrypted: its recovery passphrase from the environment (as `make run` gives it), a
# cheap Argon2 (hundreds of profiles open here), and no OS keyring (as on this headless Linux; a
# developer's own keyring never gets test keys). Subprocesses (CLI, reader) inherit all three.
os.environ.setdefault("CHUSHANG_PASSPHRASE", "test-passphrase")
os.environ.setdefault("CHUSHANG_ARGON2", "fast")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

# Real server processes on loopback for the sync, server and sync-UI tests (tests/support/fixtures.py).
pytest_plugins = ["tests.support.fixtures"]


@pytest.fixture(autouse=True)
def _collect_on_the_main_thread():
    """Once a TaskRunner exists, automatic collection is off (chushang_desk/ui/main_thread_gc.py) and only
    a running event loop collects; tests without one would pile up cycles: collect what is due after each."""
    yield
    import gc

    if not gc.isenabled():
        from chushang_desk.ui.main_thread_gc import collect_due

        collect_due()


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "profile"


@pytest.fixture
def profile(data_dir):
    """An opened, migrated, seeded profile in a temp folder (services tests, no Qt)."""
    from chushang_desk.services.profile import open_profile

    opened = open_profile(data_dir)
    opened.sessions.actor = "测试员"
    yield opened
    opened.close()


@pytest.fixture
def main_window(qtbot, data_dir):
    """The real main window over a fresh profile, in English unless a test says otherwise."""
    from chushang_desk.ui.app import build_main_window

    window = build_main_window(data_dir, "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.ctx.profile is not None, timeout=15_000)
    yield window
    from tests.support.dialogs import discard_open_dialogs

    discard_open_dialogs(window)  # a dialog left holding typed text would ask first (see test_dialogs.py)
    window.close()
    import gc

    gc.collect()  # the closed window's cycles, here on the main thread and not during the next test


def wait_idle(qtbot, window, timeout: int = 10_000) -> None:
    """Wait until every queued database job of the window has finished and called back."""
    qtbot.waitUntil(lambda: not window.ctx.runner.busy, timeout=timeout)
