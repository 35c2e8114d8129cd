"""`chushang-server serve` with TLS: the certificate and key are checked before it starts (exit 2 with
one sentence, never a traceback), HTTPS is served with them, and plain HTTP on an address others can
reach is warned about at start. The files' checks come before the database is opened, so they run on
SQLite alone; the HTTPS sync itself runs on both backends in tests/sync/test_tls.py."""
from __future__ import annotations

import os
import shutil
import ssl

import httpx
import pytest

from chushang_desk.sync import protocol
from chushang_server.throttle import throttle_key
from tests.server.test_cli import run_cli
from tests.support.certs import make_certs
from tests.support.server_process import ServerHandle, _wait_healthy, free_port, migrate, start_server


@pytest.fixture(scope="module")
def certs(tmp_path_factory):
    return make_certs(tmp_path_factory.mktemp("certs"))


def _bad_files(certs, folder):
    """case -> (cert, key, the words the error must say)"""
    other = make_certs(folder / "other")
    unreadable = folder / "unreadable-key.pem"
    shutil.copy(certs.good.key, unreadable)
    os.chmod(unreadable, 0)
    cases = {
        "missing certificate": (str(folder / "nope.pem"), certs.good.key, "does not exist"),
        "missing key": (certs.good.cert, str(folder / "nope-key.pem"), "does not exist"),
        "key of another certificate": (certs.good.cert, other.good.key, "does not belong to the certificate"),
        "key given as certificate": (certs.good.key, certs.good.key, "cannot read"),
    }
    if os.geteuid() != 0:  # root reads a file of mode 000 all the same
        cases["unreadable key"] = (certs.good.cert, str(unreadable), "cannot be read")
    return cases


def test_missing_unreadable_or_mismatched_files_are_one_sentence_and_exit_2(certs, tmp_path):
    db_url = f"sqlite:///{tmp_path / 'server.db'}"
    for case, (cert, key, words) in _bad_files(certs, tmp_path).items():
        result = run_cli(db_url, "serve", "--port", str(free_port()), "--tls-cert", cert, "--tls-key", key)
        assert result.returncode == 2, case
        assert result.stderr.startswith("error: ") and words in result.stderr, (case, result.stderr)
        assert "Traceback" not in result.stderr, case
    half = run_cli(db_url, "serve", "--tls-cert", certs.good.cert)
    assert half.returncode == 2 and "give both --tls-cert and --tls-key" in half.stderr


def test_https_is_served_with_the_certificate_and_without_a_plain_http_warning(certs, tmp_path):
    server = start_server(f"sqlite:///{tmp_path / 'server.db'}", tls=certs.good.pair)
    try:
        context = ssl.create_default_context(cafile=certs.ca_file)
        answer = httpx.get(server.url + "/v1/health", verify=context, timeout=10)
        assert answer.status_code == 200 and answer.json()["ok"] is True
        with pytest.raises(httpx.TransportError):  # the port speaks TLS only
            httpx.get(server.url.replace("https://", "http://") + "/v1/health", timeout=10)
    finally:
        server.stop()
    assert "plain HTTP" not in server.log()
    assert "can be read by other users" not in server.log()  # the key is 0600


def _serve(tmp_path, *args: str) -> ServerHandle:
    """Start `serve` with these arguments (listening on 127.0.0.1 among others) until it is healthy."""
    import subprocess
    import sys

    from tests.support.server_process import REPO, server_env

    db_url = f"sqlite:///{tmp_path / 'server.db'}"
    migrate(db_url)
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "chushang_server", "serve", "--db", db_url,
                                    "--port", str(port), *args],
                                   env=server_env(), cwd=REPO, stdout=subprocess.DEVNULL, stderr=out)
    handle = ServerHandle(f"http://127.0.0.1:{port}", db_url, process, str(log))
    _wait_healthy(handle)
    return handle


def test_plain_http_on_every_address_is_warned_about_at_start(tmp_path):
    server = _serve(tmp_path, "--host", "0.0.0.0")
    server.stop()
    assert "warning: serving plain HTTP on 0.0.0.0" in server.log()
    assert "docs/deployment-tls.md" in server.log()


def _stored_anywhere(db_url: str, text: str) -> bool:
    """Whether any text value in any table of the server's database holds `text` (wherever the login
    throttle keeps its key of the client's address)."""
    from sqlalchemy import MetaData, String, Text, create_engine, select

    engine = create_engine(db_url)
    try:
        metadata = MetaData()
        metadata.reflect(engine)
        with engine.connect() as conn:
            for table in metadata.sorted_tables:
                columns = [c for c in table.columns if isinstance(c.type, (String, Text))]
                for row in conn.execute(select(*columns)) if columns else ():
                    if any(text in str(value) for value in row if value is not None):
                        return True
        return False
    finally:
        engine.dispose()


SPOOFED = "203.0.113.7"  # TEST-NET-3: an address no test machine has


@pytest.mark.parametrize("trusted", [True, False], ids=["behind-proxy", "direct"])
def test_the_client_address_comes_from_the_proxy_only_when_it_is_trusted(tmp_path, trusted):
    args = ["--host", "127.0.0.1"] + (["--forwarded-allow-ips", "127.0.0.1"] if trusted else [])
    server = _serve(tmp_path, *args)
    try:
        answer = httpx.post(server.url + protocol.LOGIN_PATH, json={"user": "nobody", "password": "wrong"},
                            headers={"X-Forwarded-For": SPOOFED, "X-Forwarded-Proto": "https",
                                     protocol.SCHEMA_HEADER: str(protocol.SCHEMA_VERSION)}, timeout=30)
        assert answer.status_code == 401
    finally:
        server.stop()
    # A failed login is counted against the client's address (kept as its throttle key, a hash): the
    # proxy's word for it only when trusted.
    assert _stored_anywhere(server.db_url, throttle_key("address", SPOOFED)) is trusted
    assert "plain HTTP" not in server.log()  # loopback: nothing to warn about
