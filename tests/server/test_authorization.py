"""Per-row authorization on push and pull, and what a push may carry (SYNC.md, Authorization)."""
from __future__ import annotations

import pytest

from chushang_desk.sync import protocol

from .helpers import client, contact, entry, head, new_id, pull_all, push, push_one, sign_in, visit


def pulled_ids(signed, cursor: int = 0) -> set[str]:
    rows, _ = pull_all(signed, cursor)
    return {r["id"] for r in rows}


def follow_up(visit_id: str, **extra) -> dict:
    return dict({"visit_id": visit_id, "task": "寄资料", "owner": "王伟"}, **extra)


def referral(station: str) -> dict:
    return {"ambassador_id": new_id(), "project_name": "新能源项目", "referred_on": "2026-03-01", "station": station}


@pytest.fixture(scope="module")
def people(shared_server):
    return {name: sign_in(shared_server, name) for name in ("officer_a", "officer_b", "lead_a", "hq")}


def test_station_rows_and_their_children_stay_in_their_station(shared_server, people):
    a, b, lead, hq = people["officer_a"], people["officer_b"], people["lead_a"], people["hq"]
    start = head(hq)
    visit_id, referral_id, child_id, link_id = new_id(), new_id(), new_id(), new_id()
    results = push(a, entry(a, "visit", visit_id, visit("jjj")),
                   entry(a, "referral", referral_id, referral("jjj")),
                   entry(a, "follow_up", child_id, follow_up(visit_id)),
                   entry(a, "visit_contact", link_id, {"visit_id": visit_id, "contact_id": new_id()}))["results"]
    assert [r["status"] for r in results] == ["applied"] * 4
    mine = {visit_id, referral_id, child_id, link_id}
    assert mine <= pulled_ids(hq, start)  # headquarters sees all
    assert mine <= pulled_ids(lead, 0)  # the station's lead too (a first sync, cursor 0)
    assert not mine & pulled_ids(b, 0)  # another station's officer sees none of them
    assert not mine & pulled_ids(b, start)


def test_another_stations_rows_cannot_be_changed(shared_server, people):
    a, b, hq = people["officer_a"], people["officer_b"], people["hq"]
    visit_id, referral_id, child_id = new_id(), new_id(), new_id()
    push(a, entry(a, "visit", visit_id, visit("jjj", summary="原文")),
         entry(a, "referral", referral_id, referral("jjj")),
         entry(a, "follow_up", child_id, follow_up(visit_id)))
    attempts = [
        entry(b, "visit", visit_id, {"summary": "改掉"}),
        entry(b, "visit", visit_id, {"deleted_at": "2026-03-05T00:00:00.000000"}, op="delete"),
        entry(b, "referral", referral_id, {"status": "dropped"}),
        entry(b, "follow_up", child_id, {"done": True}),
        entry(b, "follow_up", new_id(), follow_up(visit_id)),  # a new child on another station's visit
        entry(b, "visit", new_id(), visit("jjj")),  # creating a row for another station
        entry(b, "visit", new_id(), visit("")),  # or for none
    ]
    results = push(b, *attempts)["results"]
    assert [r["status"] for r in results] == ["rejected"] * len(attempts)
    assert all(r["reason"].startswith("forbidden") for r in results)
    rows, _ = pull_all(hq, 0)
    by_id = {r["id"]: r for r in rows}
    assert by_id[visit_id]["data"]["summary"] == "原文" and by_id[visit_id]["deleted"] is False
    assert by_id[referral_id]["data"]["status"] == "new" and by_id[child_id]["data"]["done"] is False
    assert not {e["id"] for e in attempts[4:]} & set(by_id)


def test_an_officer_cannot_move_a_visit_to_another_station_but_headquarters_can(shared_server, people):
    a, b, hq = people["officer_a"], people["officer_b"], people["hq"]
    visit_id, child_id = new_id(), new_id()
    created = push(a, entry(a, "visit", visit_id, visit("jjj")), entry(a, "follow_up", child_id, follow_up(visit_id)))
    base = created["results"][0]["version"]
    moved = push_one(a, "visit", visit_id, {"station": "csj"}, base=base)
    assert moved["status"] == "rejected" and moved["reason"].startswith("forbidden")
    start = head(b)
    by_hq = push(hq, entry(hq, "visit", visit_id, {"station": "csj"}, base=base))
    assert by_hq["results"][0]["status"] == "applied", by_hq
    assert by_hq["head"] > by_hq["results"][0]["version"]
    assert {visit_id, child_id} <= pulled_ids(b, start)  # the children moved along, with new versions
    assert not {visit_id, child_id} & pulled_ids(a, 0)
    assert push_one(b, "follow_up", child_id, {"done": True}, base=by_hq["head"])["status"] == "applied"


def test_a_child_needs_an_existing_visit(shared_server, people):
    hq = people["hq"]
    missing = push_one(hq, "follow_up", new_id(), follow_up(new_id()))
    assert missing["status"] == "rejected" and missing["reason"].startswith("parent_missing")
    no_parent = push_one(hq, "follow_up", new_id(), {"task": "无访问"})
    assert no_parent["status"] == "rejected" and no_parent["reason"].startswith("parent_missing")


def test_forged_owner_fields_are_rejected_and_not_stored(shared_server, people):
    a, hq = people["officer_a"], people["hq"]
    row_id = new_id()
    forged = [entry(a, "contact", row_id, contact("冒名", created_by="hq")),
              entry(a, "contact", row_id, contact("冒名", updated_by="hq"))]
    results = push(a, *forged)["results"]
    assert [r["status"] for r in results] == ["rejected", "rejected"]
    assert all(r["reason"].startswith("forged_owner") for r in results)
    assert row_id not in pulled_ids(hq, 0)


@pytest.mark.parametrize("table, fields, reason", [
    ("app_user", {"name": "x"}, "unknown_table"),
    ("sync_conflict", {"field": "x"}, "unknown_table"),
    ("contact", {"name": "x", "role": "hq"}, "unknown_field"),
    ("contact", {"name": "x", "version": 99}, "unknown_field"),
    ("contact", {"name": "x", "sort_key": "x"}, "unknown_field"),
    ("contact", {"name": 5}, "bad_value"),
    ("contact", {"name": "x" * 65}, "bad_value"),
    ("visit", {"visit_date": "tomorrow", "station": "jjj"}, "bad_value"),
    ("visit", {"visit_date": "2026-01-01", "station": "jjj", "intention_amount": 12.5}, "bad_value"),
])
def test_unknown_tables_fields_and_bad_values_are_rejected_and_not_stored(shared_server, people, table, fields,
                                                                          reason):
    a, hq = people["officer_a"], people["hq"]
    row_id = new_id()
    result = push_one(a, table, row_id, fields)
    assert result["status"] == "rejected" and result["reason"].startswith(reason), result
    assert row_id not in pulled_ids(hq, 0)


def test_a_bad_op_is_rejected(shared_server, people):
    result = push_one(people["officer_a"], "contact", new_id(), contact("x"), op="merge")
    assert result["status"] == "rejected" and result["reason"].startswith("bad_op")


def test_headquarters_tables_are_written_by_headquarters_only(shared_server, people):
    a, lead, hq = people["officer_a"], people["lead_a"], people["hq"]
    item_id = protocol.seed_id("reference_item", "industry", "test-industry-" + new_id()[:8])
    item = {"list_name": "industry", "code": "x-" + item_id[:8], "name_zh": "测试行业"}
    for officer in (a, lead):
        refused = push_one(officer, "reference_item", item_id, item)
        assert refused["status"] == "rejected" and refused["reason"].startswith("forbidden")
    target = push_one(a, "annual_target", new_id(), {"year": 2031, "metric": "m", "value": 1})
    assert target["status"] == "rejected"
    start = head(a)
    assert push_one(hq, "reference_item", item_id, item)["status"] == "applied"
    assert item_id in pulled_ids(a, start)  # everyone reads headquarters' lists


def test_shared_tables_are_written_and_read_by_everyone(shared_server, people):
    a, b = people["officer_a"], people["officer_b"]
    start = head(b)
    row_id = new_id()
    base = push_one(a, "contact", row_id, contact("共享"))["version"]
    assert push_one(b, "contact", row_id, {"city": "苏州"}, base=base)["status"] == "applied"
    assert row_id in pulled_ids(b, start) or row_id in pulled_ids(people["lead_a"], start)
    org = push_one(b, "organization", new_id(), {"name": "商会"})
    assert org["status"] == "applied"


def test_a_rejected_entry_does_not_block_the_queue(shared_server, people):
    a = people["officer_a"]
    results = push(a, entry(a, "visit", new_id(), visit("csj")), entry(a, "contact", new_id(), contact("后面")))
    assert [r["status"] for r in results["results"]] == ["rejected", "applied"]
    again = push(a, entry(a, "contact", new_id(), contact("再后面")))
    assert again["results"][0]["status"] == "applied"


ENDPOINTS = [
    ("GET", "/v1/me", None),
    ("GET", protocol.PULL_PATH + "?cursor=0", None),
    ("GET", protocol.WATCH_PATH + "?cursor=0&wait=0", None),
    ("POST", protocol.PUSH_PATH, {"entries": []}),
    ("POST", protocol.LOGOUT_PATH, {}),
]


@pytest.mark.parametrize("method, path, body", ENDPOINTS, ids=[p for _m, p, _b in ENDPOINTS])
def test_every_endpoint_needs_a_valid_token(shared_server, method, path, body):
    anonymous = client(shared_server)
    for headers in ({}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic abc"}):
        answer = anonymous.request(method, path, json=body, headers=headers)
        assert answer.status_code == 401 and answer.json()["code"] == "bad_token"


@pytest.mark.parametrize("how", ["logout", "admin"])
def test_a_revoked_device_gets_401_on_every_endpoint(shared_server, how):
    from chushang_server import admin
    from chushang_server.db import make_engine

    device = sign_in(shared_server, "officer_a")
    assert device.get("/v1/me").status_code == 200
    if how == "logout":
        assert device.post(protocol.LOGOUT_PATH).json() == {"ok": True}
    else:
        engine = make_engine(shared_server.db_url)
        admin.revoke_device(engine, device.device_id)
        engine.dispose()
    for method, path, body in ENDPOINTS:
        answer = device.request(method, path, json=body)
        assert answer.status_code == 401 and answer.json()["code"] == "device_revoked", (path, answer.text)
    other = sign_in(shared_server, "officer_a")  # signing in again makes a new device that works
    assert other.get("/v1/me").json()["device"]["id"] != device.device_id


def test_me_names_the_user_and_device(shared_server):
    device = sign_in(shared_server, "lead_a", "办公室电脑")
    me = device.get("/v1/me").json()
    assert me["user"] == {"name": "lead_a", "display_name": "lead_a name", "role": "station_lead", "station": "jjj"}
    assert me["device"]["id"] == device.device_id and me["device"]["name"] == "办公室电脑"
    assert me["epoch"] == device.epoch
