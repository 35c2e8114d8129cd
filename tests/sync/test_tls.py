"""TLS end to end: real servers on 127.0.0.1 serving HTTPS with certificates made here (trustme).

A certificate the client must not trust (another CA, none at all, expired, another host name, no TLS)
is refused with a sentence an officer understands, and the server never sees the login: no device is
made. The bureau's own CA file makes a good certificate work for sign-in and sync, from the library and
from `chushang-desk login --ca-file`. Plain http:// is refused off loopback before any connection.
"""
from __future__ import annotations

import socket
import threading

import pytest
from sqlalchemy import select

from chushang_desk.models import Contact
from chushang_desk.services.contacts import save_contact
from chushang_desk.services.messages import render
from chushang_desk.services.profile import open_profile
from chushang_desk.sync import tls
from chushang_desk.sync.account import current_account, sign_in
from chushang_desk.sync.client import SyncClient
from chushang_desk.sync.engine import sync_once
from chushang_desk.sync.errors import SyncError
from tests.support.certs import make_certs
from tests.support.fixtures import make_db_url, release_db
from tests.support.server_process import PASSWORD, seed_people, start_server
from tests.sync.test_cli import desk


@pytest.fixture(scope="module")
def certs(tmp_path_factory):
    return make_certs(tmp_path_factory.mktemp("certs"))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"], ids=["sqlite", "postgresql"])
def servers(request, certs, tmp_path_factory):
    """Two HTTPS servers on one database: one with a good certificate, one with an expired one."""
    db_url = make_db_url(request.param, tmp_path_factory.mktemp("tls_server"), "tls")
    good = start_server(db_url, tls=certs.good.pair)
    seed_people(db_url)
    expired = start_server(db_url, tls=certs.expired.pair)
    yield {"good": good, "expired": expired}
    good.stop()
    expired.stop()
    release_db(db_url)


def devices_named(db_url: str, name: str) -> list[dict]:
    from chushang_server import admin
    from chushang_server.db import make_engine

    engine = make_engine(db_url)
    try:
        return [d for d in admin.list_devices(engine) if d["name"] == name]
    finally:
        engine.dispose()


def test_a_good_certificate_with_the_bureau_ca_file_signs_in_and_syncs(servers, certs, tmp_path):
    url = servers["good"].url
    a = open_profile(tmp_path / "a")
    try:
        account = sign_in(a, url, "officer_a", PASSWORD, device_name="tls-a", ca_file=certs.ca_file)
        assert current_account(a).ca_file == certs.ca_file
        a.write(save_contact, {"name": "加密同步", "is_merchant": True})
        assert sync_once(a).pushed == 1
    finally:
        a.close()
    assert account.server_url.startswith("https://")
    # The second laptop signs in from the command line with the CA file, then pulls the contact.
    login = desk("login", "--data-dir", str(tmp_path / "b"), "--server", url, "--user", "officer_b",
                 "--device-name", "tls-b", "--ca-file", certs.ca_file, stdin=PASSWORD + "\n")
    assert login.returncode == 0, login.stderr
    pulled = desk("sync", "--data-dir", str(tmp_path / "b"))
    assert pulled.returncode == 0, pulled.stderr
    b = open_profile(tmp_path / "b")
    try:
        assert "加密同步" in b.read(lambda s: s.scalars(select(Contact.name)).all())
    finally:
        b.close()
    assert devices_named(servers["good"].db_url, "tls-a") and devices_named(servers["good"].db_url, "tls-b")


def _port(url: str) -> str:
    return url.rsplit(":", 1)[1]


REFUSALS = {
    # case: (server, host the client names, CA file, the code it must get)
    "another CA": ("good", "127.0.0.1", "stranger", "tls_untrusted"),
    "no CA file: self-signed to the system": ("good", "127.0.0.1", "", "tls_untrusted"),
    "another host name": ("good", "localhost", "bureau", "tls_wrong_host"),
    "expired": ("expired", "127.0.0.1", "bureau", "tls_expired"),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_a_certificate_not_to_trust_is_refused_in_plain_words_and_nothing_is_sent(servers, certs, tmp_path, case):
    server_key, host, ca, code = REFUSALS[case]
    server = servers[server_key]
    ca_file = {"stranger": certs.stranger_ca_file, "bureau": certs.ca_file, "": ""}[ca]
    device = f"refused-{code}-{host}-{ca}"
    profile = open_profile(tmp_path / "p")
    try:
        with pytest.raises(SyncError) as refused:
            sign_in(profile, f"https://{host}:{_port(server.url)}", "officer_a", PASSWORD,
                    device_name=device, ca_file=ca_file)
        assert current_account(profile) is None
    finally:
        profile.close()
    assert refused.value.code == code
    assert refused.value.message == f"{render('sync_' + code, 'zh_CN')} / {render('sync_' + code, 'en')}"
    assert "nothing was sent" in refused.value.message and "未发送任何数据" in refused.value.message
    assert devices_named(server.db_url, device) == []  # the server never saw the login


@pytest.mark.parametrize("server_db_url", ["sqlite"], indirect=True)
def test_the_command_line_says_why_a_certificate_is_refused(server_db_url, certs, tmp_path):
    server = start_server(server_db_url, tls=certs.expired.pair)
    try:
        seed_people(server_db_url)
        login = desk("login", "--data-dir", str(tmp_path / "p"), "--server", server.url, "--user", "officer_a",
                     "--device-name", "cli-expired", "--ca-file", certs.ca_file, stdin=PASSWORD + "\n")
        assert devices_named(server_db_url, "cli-expired") == []
    finally:
        server.stop()
    assert login.returncode == 1
    assert render("sync_tls_expired", "en") in login.stderr and render("sync_tls_expired", "zh_CN") in login.stderr


class Listener:
    """A TCP listener on every address of this machine that records what any client sends it."""

    def __init__(self, answer: bytes = b""):
        self.sock = socket.create_server(("0.0.0.0", 0))
        self.port = self.sock.getsockname()[1]
        self.received: list[bytes] = []
        self.answer = answer
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:  # closed
                return
            with conn:
                conn.settimeout(5)
                try:
                    self.received.append(conn.recv(65536))
                    conn.sendall(self.answer)
                except OSError:
                    self.received.append(b"")

    def close(self) -> None:
        self.sock.close()
        self.thread.join(timeout=5)


def test_https_to_something_that_is_no_tls_server_is_a_handshake_failure(tmp_path):
    listener = Listener(answer=b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
    try:
        profile = open_profile(tmp_path / "p")
        try:
            with pytest.raises(SyncError) as refused:
                sign_in(profile, f"https://127.0.0.1:{listener.port}", "officer_a", PASSWORD)
        finally:
            profile.close()
    finally:
        listener.close()
    assert refused.value.code == "tls_handshake"
    assert len(listener.received) == 1 and listener.received[0][:1] == b"\x16"  # a TLS ClientHello only
    assert PASSWORD.encode() not in listener.received[0]


# 0.0.0.0 and the host's own name reach the listener below if anything connects.
@pytest.mark.parametrize("host", ["0.0.0.0", socket.gethostname(), "127.0.0.1.example.org"])
def test_plain_http_off_loopback_is_refused_before_any_connection(tmp_path, host):
    listener = Listener()
    try:
        profile = open_profile(tmp_path / "p")
        try:
            with pytest.raises(SyncError) as refused:
                sign_in(profile, f"http://{host}:{listener.port}", "officer_a", PASSWORD)
            assert current_account(profile) is None
        finally:
            profile.close()
    finally:
        listener.close()
    assert refused.value.code == "plain_http"
    assert listener.received == []  # no connection at all, so no password


def test_the_command_line_refuses_plain_http_off_loopback_before_asking_the_password(tmp_path):
    listener = Listener()
    try:
        login = desk("login", "--data-dir", str(tmp_path / "cli"), "--server", f"http://0.0.0.0:{listener.port}",
                     "--user", "officer_a", stdin=PASSWORD + "\n")
    finally:
        listener.close()
    assert login.returncode == 2
    assert render("sync_plain_http", "en") in login.stderr and render("sync_plain_http", "zh_CN") in login.stderr
    assert listener.received == []


@pytest.mark.parametrize("url", ["http://127.0.0.1:8765", "http://127.8.9.10", "http://[::1]:8765",
                                 "http://localhost:8765", "http://LOCALHOST", "https://sync.example.org",
                                 "https://10.1.2.3:8443"])
def test_loopback_http_and_any_https_are_allowed(url):
    tls.check_url(url)
    SyncClient(url).close()


@pytest.mark.parametrize("url, code", [("http://10.1.2.3:8765", "plain_http"), ("http://sync.example.org", "plain_http"),
                                       ("http://[::ffff:10.0.0.1]", "plain_http"), ("ftp://sync.example.org", "bad_url"),
                                       ("sync.example.org", "bad_url")])
def test_other_addresses_are_refused(url, code):
    with pytest.raises(SyncError) as refused:
        SyncClient(url)
    assert refused.value.code == code


def test_a_ca_file_that_holds_no_certificate_is_refused_before_connecting(tmp_path, certs):
    for path in (tmp_path / "missing.pem", certs.good.key):
        with pytest.raises(SyncError) as refused:
            SyncClient("https://sync.example.org", ca_file=str(path))
        assert refused.value.code == "ca_file_unreadable"
