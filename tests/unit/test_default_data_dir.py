"""The default profile folder is the platform's per-user data folder, never beside the program (an
installer's upgrade or uninstall replaces the program folder and must leave the profile alone)."""
from __future__ import annotations

import sys
from pathlib import Path

from chushang_desk.services.profile import default_data_dir


def test_linux_follows_xdg_data_home(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_data_dir() == tmp_path / "chushang-desk" / "default"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert default_data_dir() == Path.home() / ".local" / "share" / "chushang-desk" / "default"


def test_windows_uses_local_app_data_not_the_roaming_profile(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))  # a Linux habit does not apply there
    assert default_data_dir() == tmp_path / "Local" / "chushang-desk" / "default"


def test_macos_uses_application_support(monkeypatch):
    monkeypatch.setattr(sys, "platform", "darwin")
    assert default_data_dir() == Path.home() / "Library" / "Application Support" / "chushang-desk" / "default"
