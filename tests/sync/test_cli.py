"""The headless commands end to end, as subprocesses: login (password on standard input), sync
(prints what moved; non-zero with plain words on failure), logout (refused while edits wait)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sqlalchemy import select

from chushang_desk.models import Contact
from chushang_desk.services.contacts import save_contact
from chushang_desk.services.profile import open_profile
from tests.support.server_process import PASSWORD

REPO = Path(__file__).resolve().parents[2]


def desk(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CHUSHANG_PASSWORD"}
    env["PYTHONPATH"] = str(REPO)
    return subprocess.run([sys.executable, "-m", "chushang_desk", *args], input=stdin, capture_output=True,
                          text=True, env=env, cwd=REPO, timeout=120)


def add_contact(data_dir: Path, name: str) -> None:
    profile = open_profile(data_dir)
    try:
        profile.write(save_contact, {"name": name, "is_merchant": True})
    finally:
        profile.close()


# The commands are the same on either server database; the two-device tests cover both.
@pytest.mark.parametrize("server_db_url", ["sqlite"], indirect=True)
def test_login_sync_logout_from_the_command_line(server, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    wrong = desk("login", "--data-dir", str(a), "--server", server.url, "--user", "officer_a", stdin="nope\n")
    assert wrong.returncode != 0 and "password" in wrong.stderr
    for data_dir in (a, b):
        done = desk("login", "--data-dir", str(data_dir), "--server", server.url, "--user", "officer_a",
                    stdin=PASSWORD + "\n")
        assert done.returncode == 0, done.stderr
        assert "as officer_a (officer_a name, officer, station jjj)" in done.stdout
    again = desk("login", "--data-dir", str(a), "--server", server.url, "--user", "officer_a", "--if-needed")
    assert again.returncode == 0 and "already signed in" in again.stdout  # no password asked, no new device
    other_user = desk("login", "--data-dir", str(b), "--server", server.url, "--user", "lead_a", "--if-needed",
                      stdin="nope\n")
    assert other_user.returncode != 0  # another user does sign in again (and here the password is wrong)

    add_contact(a, "命令行")
    pushed = desk("sync", "--data-dir", str(a), "--server", server.url)
    assert pushed.returncode == 0, pushed.stderr
    assert "pushed 1 (applied 1" in pushed.stdout
    pulled = desk("sync", "--data-dir", str(b))
    assert pulled.returncode == 0 and "pulled" in pulled.stdout
    profile = open_profile(b)
    try:
        names = profile.read(lambda s: list(s.scalars(select(Contact.name))))
    finally:
        profile.close()
    assert names == ["命令行"]

    elsewhere = desk("sync", "--data-dir", str(a), "--server", "http://127.0.0.1:9")
    assert elsewhere.returncode != 0 and server.url in elsewhere.stderr

    add_contact(a, "未推送")
    refused = desk("logout", "--data-dir", str(a))
    assert refused.returncode != 0 and "1" in refused.stderr
    assert desk("logout", "--data-dir", str(a), "--discard-pending").returncode == 0
    not_signed_in = desk("sync", "--data-dir", str(a))
    assert not_signed_in.returncode != 0 and "Not signed in" in not_signed_in.stderr

    server.stop()
    down = desk("sync", "--data-dir", str(b))
    assert down.returncode == 1
    assert "the server does not answer" in down.stderr and "服务器没有应答" in down.stderr

