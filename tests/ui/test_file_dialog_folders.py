"""Every file dialog of the app starts in a folder of the user's (Documents, or what the field holds),
never in the program's own folder (issue 8)."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog

from chushang_desk.ui.sync.ca_file import CaFileField


@pytest.fixture
def home(monkeypatch, tmp_path):
    folder = tmp_path / "home"
    (folder / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    return folder


@pytest.fixture
def open_dialog(monkeypatch):
    """Qt's open dialog answered with nothing (Cancel); what it was asked to start in is kept."""
    asked = {}

    def fake(parent, caption, start, filters):
        asked["start"] = start
        return "", filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake))
    return asked


def test_ca_certificate_dialog_starts_in_documents_or_at_the_chosen_file(qtbot, home, open_dialog, tmp_path):
    field = CaFileField()
    qtbot.addWidget(field)
    field.choose()
    assert open_dialog["start"] == str(home / "Documents")
    field.setText(str(tmp_path / "bureau-ca.pem"))
    field.choose()
    assert open_dialog["start"] == str(tmp_path / "bureau-ca.pem")


def test_without_a_documents_folder_the_dialog_starts_at_home(qtbot, home, open_dialog):
    (home / "Documents").rmdir()
    field = CaFileField()
    qtbot.addWidget(field)
    field.choose()
    assert open_dialog["start"] == str(home)
