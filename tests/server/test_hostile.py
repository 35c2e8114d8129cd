"""Hostile input, on SQLite and PostgreSQL: every malformed or odd request answers a JSON error
{code, message} with 400/401/413/429 (or, for one bad entry of a push, a `rejected` result), never a
500; the server keeps answering and logs no traceback."""
from __future__ import annotations

import socket

import pytest

from chushang_desk.sync import protocol

from tests.support.server_process import PASSWORD

from .helpers import client, entry, new_id, new_user, sign_in, visit

NUL = "\x00"
ERROR_STATUSES = {400, 401, 413, 429}


@pytest.fixture(scope="module")
def hostile(shared_server):
    """The shared server of this module; after all its tests it must still be healthy and quiet."""
    yield shared_server
    assert client(shared_server).get("/v1/health").status_code == 200
    assert "Traceback" not in shared_server.log() and "internal error" not in shared_server.log()


def assert_error(answer, statuses=ERROR_STATUSES) -> dict:
    assert answer.status_code in statuses, answer.text
    assert answer.headers["content-type"].startswith("application/json")
    body = answer.json()
    assert isinstance(body["code"], str) and body["code"] and isinstance(body["message"], str) and body["message"]
    return body


def assert_still_serving(server) -> None:
    assert client(server).get("/v1/health").status_code == 200
    assert "Traceback" not in server.log(), server.log()[-3000:]


# --- sign-in -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("user", [
    "officer" + NUL, NUL, "a" * 156, "a" * 5000, "王" * 200, "\t\n", "'; DROP TABLE app_user; --",
], ids=["nul", "only-nul", "156-chars", "5000-chars", "200-cjk", "control", "sql"])
def test_odd_user_names_are_bad_credentials(hostile, user):
    body = assert_error(client(hostile).post(protocol.LOGIN_PATH, json={"user": user, "password": "x" * 12}), {401})
    assert body["code"] == "bad_credentials"
    assert_still_serving(hostile)


@pytest.mark.parametrize("body", [
    {"user": 1, "password": PASSWORD}, {"user": ["hq"], "password": PASSWORD}, {"user": {"a": 1}, "password": "x"},
    {"user": None, "password": PASSWORD}, {"user": True, "password": PASSWORD}, {"user": "hq", "password": 12345678},
    {"user": "hq", "password": None}, {"user": "hq"}, {}, {"user": 1.5e300, "password": [1]},
], ids=["int", "list", "object", "null", "bool", "int-password", "null-password", "no-password", "empty", "float"])
def test_login_bodies_of_the_wrong_types_are_400(hostile, body):
    assert assert_error(client(hostile).post(protocol.LOGIN_PATH, json=body), {400})["code"] == "bad_request"


@pytest.mark.parametrize("raw", [
    b"[1, 2]", b'"text"', b"null", b"{not json", b'{"user": "\\ud800", "password": "x"}', b"\xff\xfe",
    b'{"user": "hq", "password": 1e400}',
], ids=["list", "string", "null", "broken", "lone-surrogate", "not-utf8", "infinite"])
def test_login_bodies_that_are_not_an_object_are_400(hostile, raw):
    answer = client(hostile).post(protocol.LOGIN_PATH, content=raw, headers={"Content-Type": "application/json"})
    assert assert_error(answer, {400})["code"] == "bad_request"


@pytest.mark.parametrize("device_name", [
    "lap" + NUL + "top", NUL * 10, "\x1b[31mred\x07", "名" * 500, 17, ["x"], {"a": "b"}, None,
], ids=["nul", "only-nul", "escapes", "long", "int", "list", "object", "null"])
def test_any_device_name_signs_in_and_is_kept_clean(hostile, device_name):
    answer = client(hostile).post(protocol.LOGIN_PATH, json={"user": "officer_b", "password": PASSWORD,
                                                              "device_name": device_name})
    assert answer.status_code == 200, answer.text
    signed = client(hostile)
    signed.headers["Authorization"] = f"Bearer {answer.json()['token']}"
    name = signed.get("/v1/me").json()["device"]["name"]
    assert name.isprintable() and len(name) <= 128
    if device_name == "lap" + NUL + "top":
        assert name == "lap top"


@pytest.mark.parametrize("device_key", [NUL, "k" * 10_000, 5, ["k"], {"k": 1}, True],
                         ids=["nul", "long", "int", "list", "object", "bool"])
def test_any_device_key_is_just_not_known(hostile, device_key):
    answer = client(hostile).post(protocol.LOGIN_PATH, json={"user": "officer_b", "password": PASSWORD,
                                                              "device_key": device_key})
    assert answer.status_code == 200, answer.text


# --- push --------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pusher(hostile):
    return sign_in(hostile, new_user(hostile, station="jjj"))


@pytest.mark.parametrize("envelope", [
    {}, {"entries": None}, {"entries": {"mid": 1}}, {"entries": "x"}, {"entries": 5}, {"entries": [5]},
    {"entries": [None]}, {"entries": [[1, 2]]}, {"entries": [{"table": "contact"}]},
    *({"entries": [{"mid": mid, "table": "contact", "id": "x", "op": "upsert"}]}
      for mid in ("1", 1.5, True, -1, 2 ** 63, 10 ** 30, None, [1], {"a": 1})),
    {"entries": [{"mid": 2, "table": "contact", "id": "a", "op": "upsert"},
                 {"mid": 2, "table": "contact", "id": "b", "op": "upsert"}]},
    {"entries": [], "from_mid": "1"}, {"entries": [], "from_mid": -5}, {"entries": [], "from_mid": 1.0},
    {"entries": [], "from_mid": 2 ** 70},
], ids=["no-entries", "null", "object", "string", "int", "int-entry", "null-entry", "list-entry", "no-mid",
        "mid-text", "mid-float", "mid-bool", "mid-negative", "mid-2^63", "mid-10^30", "mid-null", "mid-list",
        "mid-object", "mid-repeated", "from-text", "from-negative", "from-float", "from-huge"])
def test_bad_push_envelopes_are_400(hostile, pusher, envelope):
    assert assert_error(pusher.post(protocol.PUSH_PATH, json=envelope), {400})["code"] == "bad_request"


BAD_ENTRIES = {
    "table-list": {"table": ["contact"]}, "table-object": {"table": {"contact": 1}}, "table-int": {"table": 7},
    "table-null": {"table": None}, "table-unknown": {"table": "app_user"}, "table-nul": {"table": "contact" + NUL},
    "table-huge": {"table": "t" * 100_000},
    "id-nul": {"id": "ab" + NUL + "cd"}, "id-only-nul": {"id": NUL}, "id-long": {"id": "i" * 37},
    "id-empty": {"id": ""}, "id-int": {"id": 12}, "id-list": {"id": ["a"]}, "id-newline": {"id": "a\nb"},
    "op-list": {"op": ["upsert"]}, "op-object": {"op": {"upsert": 1}}, "op-unknown": {"op": "drop"},
    "op-null": {"op": None},
    "base-text": {"base_version": "3"}, "base-float": {"base_version": 1.5}, "base-bool": {"base_version": True},
    "base-negative": {"base_version": -1}, "base-huge": {"base_version": 2 ** 63},
    "fields-list": {"fields": [1, 2]}, "fields-text": {"fields": "x"},
    "parent-list": {"table": "follow_up", "fields": {"visit_id": ["v"]}},
    "parent-nul": {"table": "follow_up", "fields": {"visit_id": "v" + NUL}},
    "parent-object": {"table": "visit_contact", "fields": {"visit_id": {"id": 1}}},
}


@pytest.mark.parametrize("change", list(BAD_ENTRIES.values()), ids=list(BAD_ENTRIES))
def test_a_bad_entry_is_rejected_and_the_queue_goes_on(hostile, pusher, change):
    bad = dict(entry(pusher, "contact", new_id(), {"name": "张三"}), **change)
    good = entry(pusher, "visit", new_id(), visit("jjj"))
    answer = pusher.post(protocol.PUSH_PATH, json={"entries": [bad, good]})
    assert answer.status_code == 200, answer.text
    first, second = answer.json()["results"]
    assert first["status"] == "rejected" and first["reason"] and len(first["reason"]) < 400
    assert second["status"] == "applied"
    again = pusher.post(protocol.PUSH_PATH, json={"entries": [bad, good]}).json()["results"]
    assert again == [first, second]  # repeated: the stored answers
    assert_still_serving(hostile)


# --- pull and watch ----------------------------------------------------------------------------------

@pytest.mark.parametrize("params", [
    {"cursor": -1}, {"cursor": "abc"}, {"cursor": 10 ** 30}, {"cursor": 2 ** 63}, {"cursor": "1.5"},
    {"cursor": ""}, {"limit": 0}, {"limit": -5}, {"limit": "many"}, {"limit": 10 ** 30}, {"cursor": "1e3"},
    {"cursor": "\x00"},
], ids=["negative", "text", "10^30", "2^63", "float", "empty", "limit-0", "limit-negative", "limit-text",
        "limit-10^30", "exponent", "nul"])
def test_bad_pull_parameters_are_400(hostile, pusher, params):
    assert assert_error(pusher.get(protocol.PULL_PATH, params=params), {400})["code"] == "bad_request"


@pytest.mark.parametrize("params", [
    {"cursor": -1}, {"cursor": "x"}, {"cursor": 10 ** 30}, {"wait": -1}, {"wait": "nan"}, {"wait": "inf"},
    {"wait": 10 ** 9}, {"wait": "soon"},
], ids=["negative", "text", "huge", "wait-negative", "wait-nan", "wait-inf", "wait-huge", "wait-text"])
def test_bad_watch_parameters_are_400(hostile, pusher, params):
    assert assert_error(pusher.get(protocol.WATCH_PATH, params=params), {400})["code"] == "bad_request"


def test_a_big_limit_within_range_is_cut_to_the_page_size(hostile, pusher):
    answer = pusher.get(protocol.PULL_PATH, params={"cursor": 0, "limit": 2 ** 40})
    assert answer.status_code == 200 and len(answer.json()["rows"]) <= protocol.PULL_MAX_LIMIT


# --- bodies and connections --------------------------------------------------------------------------

def test_a_body_over_the_limit_is_413(hostile, pusher):
    answer = pusher.post(protocol.PUSH_PATH, content=b"[" + b" " * (protocol.BODY_LIMIT + 10) + b"]",
                         headers={"Content-Type": "application/json"})
    assert assert_error(answer, {413})["code"] == "too_large"


def test_a_bad_gzip_body_is_400(hostile, pusher):
    answer = pusher.post(protocol.PUSH_PATH, content=b"not gzip at all",
                         headers={"Content-Type": "application/json", "Content-Encoding": "gzip"})
    assert assert_error(answer, {400})["code"] == "bad_request"


def test_a_client_gone_mid_upload_is_one_info_line(hostile, pusher):
    host, port = hostile.url.removeprefix("http://").split(":")
    for path in (protocol.PUSH_PATH, protocol.LOGIN_PATH):
        with socket.create_connection((host, int(port))) as raw:
            raw.sendall((f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
                         f"Authorization: Bearer {pusher.token}\r\n"
                         f"{protocol.SCHEMA_HEADER}: {protocol.SCHEMA_VERSION}\r\n"
                         "Content-Length: 100000\r\n\r\n").encode() + b'{"entries": [' + b" " * 5000)
        assert client(hostile).get("/v1/health").status_code == 200  # still serving, and then:
    assert_still_serving(hostile)
    assert "ERROR" not in hostile.log()
    assert push_answers(pusher) == "applied"


def push_answers(pusher) -> str:
    answer = pusher.post(protocol.PUSH_PATH, json={"entries": [entry(pusher, "visit", new_id(), visit("jjj"))]})
    return answer.json()["results"][0]["status"]
