"""Sign-in: devices and tokens, wrong credentials, and rate limits per account and per address."""
from __future__ import annotations

from chushang_desk.sync import protocol

from tests.support.server_process import PASSWORD

from .helpers import client, new_user, sign_in


def attempt(anonymous, user: str, password: str):
    return anonymous.post(protocol.LOGIN_PATH, json={"user": user, "password": password, "device_name": "t"})


def test_login_makes_a_device_with_its_own_token(shared_server):
    server = shared_server
    one, two = sign_in(server, "officer_a"), sign_in(server, "officer_a")
    assert one.device_id != two.device_id and one.token != two.token and len(one.token) >= 40
    assert one.get("/v1/me").json()["device"]["id"] == one.device_id
    answer = attempt(client(server), "hq", PASSWORD).json()
    assert answer["user"] == {"name": "hq", "display_name": "hq name", "role": "hq", "station": ""}
    assert answer["epoch"] == client(server).get("/v1/health").json()["epoch"]


def test_wrong_password_or_unknown_user_is_401_bad_credentials(shared_server):
    server = shared_server
    anonymous = client(server)
    user = new_user(server)
    for user, password in ((user, "wrong-pass-1"), ("nobody", PASSWORD), (user, "")):
        answer = attempt(anonymous, user, password)
        assert answer.status_code == 401 and answer.json()["code"] == "bad_credentials"
    missing = anonymous.post(protocol.LOGIN_PATH, json={"user": user})
    assert missing.status_code == 400


def test_five_failures_lock_the_account_even_for_the_right_password(shared_server):
    server = shared_server
    anonymous, user = client(server), new_user(server)
    for _ in range(5):
        assert attempt(anonymous, user, "wrong-pass-1").status_code == 401
    limited = attempt(anonymous, user, PASSWORD)
    assert limited.status_code == 429 and limited.json()["code"] == "rate_limited"
    assert 0 < int(limited.headers["Retry-After"]) <= 15 * 60
    assert attempt(anonymous, "officer_a", PASSWORD).status_code == 200  # another account is not locked


def test_a_success_clears_the_accounts_failures(shared_server):
    server = shared_server
    anonymous, user = client(server), new_user(server)
    for _ in range(4):
        assert attempt(anonymous, user, "wrong-pass-1").status_code == 401
    assert attempt(anonymous, user, PASSWORD).status_code == 200
    for _ in range(4):
        assert attempt(anonymous, user, "wrong-pass-1").status_code == 401
    assert attempt(anonymous, user, PASSWORD).status_code == 200


def test_twenty_failures_from_one_address_lock_it_for_every_account(server):
    # A server of its own: the address limit would lock out every other test on loopback.
    anonymous = client(server)
    for n in range(20):
        assert attempt(anonymous, f"guess{n % 4}", "wrong-pass-1").status_code == 401
    limited = attempt(anonymous, "hq", PASSWORD)
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) > 0
