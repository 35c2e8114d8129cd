"""The wire around the routes: schema and epoch headers, body limits, gzip both ways, errors, OpenAPI."""
from __future__ import annotations

import gzip
import re
import time

import httpx
import orjson
import pytest

from chushang_desk.sync import protocol

from .helpers import SCHEMA, client, contact, entry, new_id, push, sign_in


@pytest.fixture(scope="module")
def device(shared_server):
    return sign_in(shared_server, "officer_a")


def test_health_needs_nothing_and_names_schema_and_epoch(shared_server, device):
    answer = httpx.get(shared_server.url + "/v1/health")
    assert answer.status_code == 200
    assert answer.json() == {"ok": True, "schema": protocol.SCHEMA_VERSION, "epoch": device.epoch}
    assert answer.headers[protocol.SERVER_SCHEMA_HEADER] == str(protocol.SCHEMA_VERSION)


@pytest.mark.parametrize("schema", [None, "0", "abc"])
def test_a_client_too_old_or_without_schema_gets_426_in_plain_words(shared_server, device, schema):
    headers = {"Authorization": device.headers["Authorization"]}
    if schema is not None:
        headers[protocol.SCHEMA_HEADER] = schema
    for method, path in (("GET", "/v1/me"), ("POST", protocol.LOGIN_PATH), ("GET", protocol.PULL_PATH)):
        answer = httpx.request(method, shared_server.url + path, headers=headers)
        assert answer.status_code == 426, path
        assert answer.json() == {
            "code": "client_too_old",
            "message": "此客户端版本过旧，请更新楚商联络台后再同步。 "
                       "This version of Chushang Desk is too old for the server; please update it.",
        }
        assert answer.headers[protocol.SERVER_SCHEMA_HEADER] == str(protocol.SCHEMA_VERSION)


def test_a_refused_push_with_a_large_body_still_gets_its_answer(shared_server, device):
    body = protocol.encode({"entries": [], "pad": "x" * (2 << 20)})
    for _ in range(3):  # on a kept-alive connection, too
        answer = device.post(protocol.PUSH_PATH, content=body, headers={protocol.SCHEMA_HEADER: "0"})
        assert answer.status_code == 426 and answer.json()["code"] == "client_too_old"


def test_a_client_newer_than_the_server_gets_409(shared_server, device):
    answer = device.get("/v1/me", headers={protocol.SCHEMA_HEADER: str(protocol.SCHEMA_VERSION + 1)})
    assert answer.status_code == 409 and answer.json()["code"] == "server_too_old"
    assert "服务器" in answer.json()["message"] and "server" in answer.json()["message"]


def test_another_epoch_gets_410_and_the_right_one_passes(shared_server, device):
    wrong = device.get(protocol.PULL_PATH, headers={protocol.EPOCH_HEADER: "0123456789abcdef"})
    assert wrong.status_code == 410 and wrong.json()["code"] == "epoch_changed"
    right = device.get(protocol.PULL_PATH, headers={protocol.EPOCH_HEADER: device.epoch})
    assert right.status_code == 200 and right.json()["epoch"] == device.epoch


def test_a_body_over_the_limit_gets_413_before_it_is_parsed(shared_server, device):
    body = b"{" + b" " * protocol.BODY_LIMIT + b"}"  # valid JSON, too large as sent
    answer = device.post(protocol.PUSH_PATH, content=body, headers={"Content-Type": "application/json"})
    assert answer.status_code == 413 and answer.json()["code"] == "too_large"


def test_a_streamed_body_without_length_is_counted(shared_server, device):
    def chunks():
        for _ in range(protocol.BODY_LIMIT // 65536 + 2):
            yield b" " * 65536

    answer = device.post(protocol.PUSH_PATH, content=chunks(), headers={"Content-Type": "application/json"})
    assert answer.status_code == 413 and answer.json()["code"] == "too_large"


def test_a_gzip_bomb_gets_413(shared_server, device):
    bomb = gzip.compress(b"{" + b" " * (9 * protocol.BODY_LIMIT) + b"}", compresslevel=9)
    assert len(bomb) < protocol.BODY_LIMIT
    answer = device.post(protocol.PUSH_PATH, content=bomb,
                         headers={"Content-Encoding": "gzip", "Content-Type": "application/json"})
    assert answer.status_code == 413 and answer.json()["code"] == "too_large"


def test_too_many_entries_get_413(shared_server, device):
    entries = [{"mid": n + 1, "table": "contact", "id": new_id(), "op": "upsert", "fields": {}}
               for n in range(protocol.PUSH_MAX_ENTRIES + 1)]
    answer = device.post(protocol.PUSH_PATH, json={"entries": entries})
    assert answer.status_code == 413


@pytest.mark.parametrize("body", [b"not json", b"[1, 2]", b'{"entries": 5}', b'{"entries": [{"mid": "1"}]}',
                                  b'{"entries": [{"mid": 3}, {"mid": 2}]}'])
def test_a_malformed_push_gets_400_json(shared_server, device, body):
    answer = device.post(protocol.PUSH_PATH, content=body, headers={"Content-Type": "application/json"})
    assert answer.status_code == 400 and answer.json()["code"] == "bad_request"
    assert set(answer.json()) == {"code", "message"}


def test_a_gzip_request_is_accepted_and_a_large_answer_comes_gzipped(shared_server):
    device = sign_in(shared_server, "officer_a")
    row_id = new_id()
    message = {"entries": [entry(device, "contact", row_id, contact("压缩", notes="长" * 300))]}
    answer = device.post(protocol.PUSH_PATH, content=protocol.compress(protocol.encode(message)),
                         headers={"Content-Encoding": "gzip", "Content-Type": "application/json"})
    assert answer.status_code == 200 and answer.json()["results"][0]["status"] == "applied"
    signed = {"Authorization": device.headers["Authorization"], **SCHEMA}
    raw = httpx.get(shared_server.url + protocol.PULL_PATH, params={"cursor": 0, "limit": 50},
                    headers={**signed, "Accept-Encoding": "gzip"})
    assert raw.headers["content-encoding"] == "gzip"
    assert raw.num_bytes_downloaded * 2 < len(raw.content)  # httpx decoded it; the wire held far less
    plain = httpx.get(shared_server.url + protocol.PULL_PATH, params={"cursor": 0, "limit": 50},
                      headers={**signed, "Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.json() == raw.json()


def test_unknown_paths_and_bad_queries_answer_json_errors(shared_server, device):
    missing = device.get("/v1/nothing-here")
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    bad = device.get(protocol.PULL_PATH, params={"cursor": -1})
    assert bad.status_code == 400 and bad.json()["code"] == "bad_request"


def test_the_pull_limit_is_capped(shared_server, device):
    push(device, *[entry(device, "contact", new_id(), contact(f"限{n}")) for n in range(3)])
    page = device.get(protocol.PULL_PATH, params={"cursor": 0, "limit": 10**9}).json()
    assert len(page["rows"]) <= protocol.PULL_MAX_LIMIT
    small = device.get(protocol.PULL_PATH, params={"cursor": 0, "limit": 2}).json()
    assert len(small["rows"]) == 2 and small["has_more"] is True and small["cursor"] == small["rows"][-1]["version"]


def test_openapi_is_served(shared_server):
    spec = httpx.get(shared_server.url + "/openapi.json").json()
    assert spec["info"]["title"] == "Chushang Desk sync server"
    for path in (protocol.LOGIN_PATH, protocol.PUSH_PATH, protocol.PULL_PATH, "/v1/health", "/v1/me"):
        assert path in spec["paths"]
    push_body = spec["paths"][protocol.PUSH_PATH]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert push_body["properties"]["entries"]["maxItems"] == protocol.PUSH_MAX_ENTRIES


def test_bodies_are_orjson_encoded_json(shared_server, device):
    answer = device.get("/v1/me")
    assert answer.headers["content-type"] == "application/json"
    assert orjson.loads(answer.content)["user"]["name"] == "officer_a"
    assert client(shared_server).get("/v1/me").status_code == 401


def test_the_server_logs_one_line_per_request_and_never_a_secret(server):
    import httpx

    with httpx.Client(base_url=server.url) as http:
        login = http.post("/v1/auth/login", json={"user": "officer_a", "password": "secret-pass-1", "device_name": "log"},
                          headers={"X-Chushang-Schema": "1"})
        token = login.json().get("token", "")
        http.get("/v1/sync/pull?cursor=0", headers={"Authorization": f"Bearer {token}", "X-Chushang-Schema": "1"})
        http.get("/no/such/路径")  # non-ASCII escaped: one line, any terminal
    deadline = time.monotonic() + 10  # a request's line is written once its answer has gone out
    while "/no/such/" not in server.log() and time.monotonic() < deadline:
        time.sleep(0.05)
    lines = server.log().splitlines()
    assert token and "secret-pass-1" not in server.log() and token not in server.log()
    access = [line for line in lines if "chushang_server.access" in line]
    assert any(" POST /v1/auth/login 200 " in line for line in access), lines[-10:]
    assert any(" GET /v1/sync/pull " in line and "cursor" not in line for line in access), lines[-10:]
    assert any(re.search(r" GET /no/such/\\u8def\\u5f84 \d{3} [\d.]+ ms$", line) for line in access), lines[-10:]
