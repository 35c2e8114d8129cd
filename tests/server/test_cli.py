"""The chushang-server command line, run as `python -m chushang_server` against both backends."""
from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import select

from chushang_server import auth
from chushang_server.db import make_engine, read_session
from chushang_server.models import AppUser, Record
from chushang_desk.sync import protocol

from tests.support.server_process import REPO, server_env, server_admin


def start_cli(db_url: str, *args: str, stdin: str = "", env: dict | None = None) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-m", "chushang_server", *args, "--db", db_url],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=env or server_env(), cwd=REPO)
    process.stdin.write(stdin)
    process.stdin.close()
    process.stdin = None  # sent; communicate() then only reads
    return process


def finished(process: subprocess.Popen) -> subprocess.CompletedProcess:
    out, err = process.communicate(timeout=120)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def run_cli(db_url: str, *args: str, stdin: str = "", env: dict | None = None) -> subprocess.CompletedProcess:
    return finished(start_cli(db_url, *args, stdin=stdin, env=env))


def test_admin_commands_from_migrate_to_revoke(server_db_url):
    assert "server database schema at 0004" in server_admin(server_db_url, "migrate").stdout
    server_admin(server_db_url, "add-station", "--code", "whn", "--name-zh", "武汉站", "--name-en", "Wuhan")
    added = server_admin(server_db_url, "add-user", "--user", "li", "--station", "whn", "--role", "officer",
                         "--display-name", "李明", password="from-stdin-1")
    assert "li" in added.stdout and "from-stdin-1" not in added.stdout
    engine = make_engine(server_db_url)
    try:
        with read_session(engine) as session:
            user = session.scalar(select(AppUser).where(AppUser.name == "li"))
            item = session.get(Record, ("reference_item", protocol.seed_id("reference_item", "station", "whn")))
        assert (user.display_name, user.role, user.station) == ("李明", "officer", "whn")
        assert user.password_hash.startswith("$argon2id$") and auth.verify_password(user.password_hash, "from-stdin-1")
        assert '"name_zh":"武汉站"' in item.data  # the new station syncs to every client as a reference item
        users = server_admin(server_db_url, "list-users").stdout.splitlines()
        assert users[0].split()[:2] == ["user", "display"]
        assert [line.split()[:4] for line in users[1:]] == [["li", "李明", "officer", "whn"]]
        device = auth.login(engine, "li", "from-stdin-1", "李明的笔记本", "127.0.0.1")
        listed = server_admin(server_db_url, "list-devices", "--user", "li").stdout.splitlines()
        assert listed[0].split() == ["id", "user", "name", "created", "last", "seen", "revoked"]
        assert device["device_id"] in listed[1] and "李明的笔记本" in listed[1] and listed[1].rstrip().endswith("-")
        server_admin(server_db_url, "revoke-device", "--device", device["device_id"])
        listed = server_admin(server_db_url, "list-devices").stdout.splitlines()
        assert len(listed) == 2 and not listed[1].rstrip().endswith("-")
        with pytest.raises(auth.ApiError) as revoked:
            auth.authenticate(engine, f"Bearer {device['token']}")
        assert revoked.value.code == "device_revoked"
    finally:
        engine.dispose()


def test_passwords_come_from_stdin_or_the_environment_and_bad_input_exits_2(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'cli.db'}"
    server_admin(db_url, "migrate")
    server_admin(db_url, "add-station", "--code", "jjj", "--name-zh", "京津冀")
    env = dict(server_env(), CHUSHANG_PASSWORD="from-env-pass")
    assert run_cli(db_url, "add-user", "--user", "hq1", "--role", "hq", env=env).returncode == 0
    failing = [  # run at once: each only reads, or is refused before it writes
        start_cli(db_url, "add-user", "--user", "hq1", "--role", "hq", stdin="another-pass\n"),  # exists
        start_cli(db_url, "add-user", "--user", "x", "--role", "officer", "--station", "nowhere", stdin="long-enough\n"),
        start_cli(db_url, "add-user", "--user", "y", "--role", "officer", stdin="long-enough\n"),  # no station
        start_cli(db_url, "add-user", "--user", "z", "--role", "hq", stdin="short\n"),
        start_cli(db_url, "add-user", "--user", "w", "--role", "king", stdin="long-enough\n"),
        start_cli(db_url, "set-password", "--user", "nobody", stdin="long-enough\n"),
        start_cli(db_url, "revoke-device", "--device", "no-such-device"),
    ]
    for failed in map(finished, failing):
        assert failed.returncode == 2, failed
        assert failed.stderr.strip() and "Traceback" not in failed.stderr
    assert run_cli(db_url, "set-password", "--user", "hq1", stdin="changed-pass-1\n").returncode == 0
    engine = make_engine(db_url)
    with read_session(engine) as session:
        names = session.scalars(select(AppUser.name)).all()
        stored = session.scalar(select(AppUser.password_hash).where(AppUser.name == "hq1"))
    engine.dispose()
    assert names == ["hq1"] and auth.verify_password(stored, "changed-pass-1")


def test_commands_refuse_a_database_that_is_not_migrated_or_not_there(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'empty.db'}"
    refusing = [start_cli(db_url, "serve", "--port", "9"), start_cli(db_url, "list-devices")]
    for refused in map(finished, refusing):
        assert refused.returncode == 2 and "chushang-server migrate" in refused.stderr
    nowhere = [start_cli("nosuchdb://x/y", "migrate"),
               start_cli("postgresql+psycopg://postgres@127.0.0.1:5432/cs_no_such_database", "migrate")]
    for refused in map(finished, nowhere):
        assert refused.returncode == 2 and "cannot use the database" in refused.stderr, refused.stderr


def test_both_commands_say_their_version():
    import tomllib

    from chushang_server.migrate import head_revision

    version = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
    for module, name in (("chushang_desk", "chushang-desk"), ("chushang_server", "chushang-server")):
        done = subprocess.run([sys.executable, "-m", module, "--version"], capture_output=True, text=True,
                              env=server_env(), cwd=REPO, timeout=60)
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith(f"{name} {version} (sync schema {protocol.SCHEMA_VERSION}"), done.stdout
    assert f"database schema {head_revision()})" in done.stdout
