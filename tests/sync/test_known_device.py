"""The desktop client keeps the device key a sign-in answers and sends it at its next sign-in, so
strangers guessing its officer's password from many addresses never lock that laptop out."""
from __future__ import annotations

import httpx
import pytest

from chushang_desk.services.profile import open_profile
from chushang_desk.sync import credentials, protocol
from chushang_desk.sync.account import sign_in, sign_out
from chushang_desk.sync.errors import SyncError
from tests.support.server_process import PASSWORD, seed_people, start_server


@pytest.fixture
def quick_server(server_db_url):
    handle = start_server(server_db_url, env={"CHUSHANG_LOGIN_DELAY": "0"})
    seed_people(server_db_url)
    yield handle
    handle.stop()


def stranger_fails(server, user: str, address: str, times: int) -> None:
    with httpx.Client(base_url=server.url, transport=httpx.HTTPTransport(local_address=address),
                      headers={protocol.SCHEMA_HEADER: str(protocol.SCHEMA_VERSION)}) as stranger:
        for _ in range(times):
            answer = stranger.post(protocol.LOGIN_PATH, json={"user": user, "password": "guess-guess"})
            assert answer.status_code == 401


def test_a_signed_in_laptop_signs_in_again_while_strangers_have_locked_the_account(quick_server, tmp_path):
    laptop = open_profile(tmp_path / "laptop")
    fresh = open_profile(tmp_path / "fresh")
    try:
        sign_in(laptop, quick_server.url, "officer_a", PASSWORD)
        assert credentials.load_device_key(laptop.data_dir, quick_server.url, "officer_a")
        sign_out(laptop)
        for n in range(5):  # 5 addresses x 10 failures: the account's limit for unknown devices
            stranger_fails(quick_server, "officer_a", f"127.0.1.{n + 1}", 10)
        with pytest.raises(SyncError) as refused:
            sign_in(fresh, quick_server.url, "officer_a", PASSWORD)
        assert refused.value.code == "rate_limited"
        account = sign_in(laptop, quick_server.url, "officer_a", PASSWORD)
        assert account.user == "officer_a" and account.station == "jjj"
    finally:
        laptop.close()
        fresh.close()
