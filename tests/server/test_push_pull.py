"""Push and pull against a real server: round trip, exactly once, per-field merge and conflict,
delete wins, version order, pull pages."""
from __future__ import annotations

from chushang_desk.sync import protocol

from .helpers import contact, entry, head, new_id, pull_all, push, push_one, sign_in, visit


def test_login_push_pull_round_trip(shared_server):
    writer, reader = sign_in(shared_server, "officer_a"), sign_in(shared_server, "officer_a", "desktop")
    start = head(reader)
    row_id = new_id()
    result = push_one(writer, "contact", row_id, contact("张三", phones=["+8613800000000"]))
    assert result["status"] == "applied" and result["version"] > start
    rows, cursor = pull_all(reader, start)
    [row] = [r for r in rows if r["id"] == row_id]
    assert row["table"] == "contact" and row["version"] == result["version"] and row["deleted"] is False
    assert row["data"]["name"] == "张三" and row["data"]["phones"] == ["+8613800000000"]
    # The server stamps the owner from the signed-in user; fields not pushed get the model's defaults.
    assert row["data"]["created_by"] == row["data"]["updated_by"] == "officer_a name"
    assert row["data"]["is_merchant"] is False and row["data"]["company"] == ""
    assert cursor == head(reader)


def test_the_pushing_device_does_not_pull_its_own_rows_back(shared_server):
    writer = sign_in(shared_server, "officer_a")
    start = head(writer)
    row_id = new_id()
    push_one(writer, "contact", row_id, contact("自己"))
    rows, _ = pull_all(writer, start)
    assert row_id not in {r["id"] for r in rows}
    first_sync, _ = pull_all(writer, 0)  # a first sync (cursor 0) gets everything, its own rows included
    assert row_id in {r["id"] for r in first_sync}


def test_a_repeated_push_applies_once_and_answers_the_stored_result(shared_server):
    device, reader = sign_in(shared_server, "officer_a"), sign_in(shared_server, "hq")
    row_id = new_id()
    batch = [entry(device, "contact", row_id, contact("李四")),
             entry(device, "contact", row_id, {"company": "楚商集团"}, base=0)]
    first = push(device, *batch)
    again = push(device, *batch)  # the reply was lost: the device sends the same batch again
    assert again["results"] == first["results"]
    rows, _ = pull_all(reader, first["results"][0]["version"] - 1)
    changes = [r for r in rows if r["id"] == row_id]
    assert len(changes) == 1 and changes[0]["version"] == first["results"][1]["version"]
    assert changes[0]["data"]["company"] == "楚商集团"


def test_a_batch_mixing_old_and_new_mids_applies_only_the_new(shared_server):
    device = sign_in(shared_server, "officer_a")
    row_id = new_id()
    first = entry(device, "contact", row_id, contact("王五"))
    done = push(device, first)["results"][0]
    second = entry(device, "contact", row_id, {"title": "会长"}, base=done["version"])
    both = push(device, first, second)["results"]
    assert both[0] == done and both[1]["status"] == "applied"
    assert both[1]["version"] > done["version"]


def test_first_push_may_start_at_any_mid_then_only_the_next_one_applies(shared_server):
    device = sign_in(shared_server, "officer_a")
    first = push(device, entry(device, "contact", new_id(), contact("甲"), mid=1000))["results"][0]
    assert first["status"] == "applied"
    gap = device.post(protocol.PUSH_PATH, json={"entries": [
        entry(device, "contact", new_id(), contact("乙"), mid=1001),
        entry(device, "contact", skipped_id := new_id(), contact("丙"), mid=1003)]})
    assert gap.status_code == 409 and gap.json()["code"] == "mid_gap" and gap.json()["expected"] == 1002
    assert gap.json()["message"]
    rows, _cursor = pull_all(sign_in(shared_server, "hq"))
    assert skipped_id not in {r["id"] for r in rows}  # nothing of the refused push was applied
    stale = push(device, entry(device, "contact", new_id(), contact("丁"), mid=999))["results"][0]
    assert stale["status"] == "rejected" and stale["reason"].startswith("stale_mid")


def test_from_mid_skips_what_the_device_discarded_and_nothing_else(shared_server):
    device = sign_in(shared_server, "officer_a")
    assert push(device, entry(device, "contact", new_id(), contact("甲"), mid=10))["results"][0]["status"] == "applied"
    # mids 11-14 were discarded on the device: its lowest pending entry is 15
    body = {"from_mid": 15, "entries": [entry(device, "contact", new_id(), contact("乙"), mid=15),
                                        entry(device, "contact", new_id(), contact("丙"), mid=16)]}
    answer = device.post(protocol.PUSH_PATH, json=body)
    assert [r["status"] for r in answer.json()["results"]] == ["applied", "applied"]
    assert device.post(protocol.PUSH_PATH, json=body).json()["results"] == answer.json()["results"]  # a repeat
    gap = device.post(protocol.PUSH_PATH, json={"from_mid": 17, "entries": [
        entry(device, "contact", new_id(), contact("丁"), mid=17), entry(device, "contact", new_id(), contact("戊"), mid=19)]})
    assert gap.status_code == 409 and gap.json()["expected"] == 18  # a gap inside the batch is one still


def test_different_fields_merge_and_the_same_field_conflicts(shared_server):
    one, two = sign_in(shared_server, "officer_a"), sign_in(shared_server, "officer_b")
    three = sign_in(shared_server, "hq")
    row_id = new_id()
    base = push_one(one, "contact", row_id, contact("赵六"))["version"]
    first = push_one(one, "contact", row_id, {"company": "甲公司", "updated_at": "2026-03-02T00:00:00.000000"}, base=base)
    assert first["status"] == "applied"
    merged = push_one(two, "contact", row_id, {"title": "董事长", "updated_at": "2026-03-03T00:00:00.000000"}, base=base)
    assert merged["status"] == "merged" and merged["conflicts"] == []
    assert merged["row"]["data"]["company"] == "甲公司" and merged["row"]["data"]["title"] == "董事长"
    assert merged["row"]["version"] == merged["version"] > first["version"]
    clash = push_one(three, "contact", row_id, {"company": "乙公司", "city": "上海"}, base=base)
    assert clash["status"] == "conflict"
    assert clash["conflicts"] == [{"field": "company", "mine": "乙公司", "theirs": "甲公司"}]
    assert clash["by"] == "officer_b name" and clash["at"] == "2026-03-03T00:00:00.000000"
    # The server kept its value; the field that did not conflict still applied.
    assert clash["row"]["data"]["company"] == "甲公司" and clash["row"]["data"]["city"] == "上海"
    same = push_one(three, "contact", row_id, {"company": "甲公司"}, base=base)
    assert same["status"] == "merged"  # the same value is no conflict
    own = push_one(one, "contact", row_id, {"company": "甲公司二"}, base=base)
    assert own["status"] == "merged"  # its own earlier change of the field is no conflict for a device


def test_a_delete_wins_and_a_later_edit_is_a_conflict_until_restored(shared_server):
    one, two = sign_in(shared_server, "officer_a"), sign_in(shared_server, "hq")
    row_id = new_id()
    base = push_one(one, "contact", row_id, contact("钱七"))["version"]
    gone = push_one(one, "contact", row_id, {"deleted_at": "2026-03-04T00:00:00.000000"}, op="delete", base=base)
    assert gone["status"] == "applied"
    late = push_one(two, "contact", row_id, {"company": "丙公司"}, base=base)
    assert late["status"] == "conflict"
    assert late["conflicts"] == [{"field": "deleted_at", "mine": {"company": "丙公司"},
                                  "theirs": "2026-03-04T00:00:00.000000"}]
    assert late["row"]["deleted"] is True and late["row"]["data"]["company"] == ""
    assert late["version"] == gone["version"]
    back = push_one(two, "contact", row_id, {"company": "丙公司"}, op="restore", base=gone["version"])
    assert back["status"] == "applied"
    rows, _ = pull_all(one, gone["version"])
    [row] = [r for r in rows if r["id"] == row_id]
    assert row["deleted"] is False and row["data"]["deleted_at"] is None and row["data"]["company"] == "丙公司"


def test_an_edit_made_before_a_delete_loses_to_it_whatever_the_order_of_clocks(shared_server):
    one, two = sign_in(shared_server, "officer_a"), sign_in(shared_server, "officer_b")
    row_id = new_id()
    base = push_one(one, "contact", row_id, contact("孙八"))["version"]
    push_one(one, "contact", row_id, {"city": "天津"}, base=base)
    gone = push_one(two, "contact", row_id, {"deleted_at": "2020-01-01T00:00:00.000000"}, op="delete", base=base)
    # A delete applies over concurrent edits; "merged" hands the deleting device the edit it had not seen.
    assert gone["status"] == "merged" and gone["row"]["deleted"] and gone["row"]["data"]["city"] == "天津"


def test_versions_follow_push_order(shared_server):
    device = sign_in(shared_server, "officer_a")
    before = head(device)
    ids = [new_id() for _ in range(4)]
    results = push(device, *[entry(device, "contact", i, contact(f"人{n}")) for n, i in enumerate(ids)])
    versions = [r["version"] for r in results["results"]]
    assert versions == sorted(versions) and len(set(versions)) == 4 and versions[0] > before
    assert results["head"] == versions[-1]
    later = push_one(device, "contact", new_id(), contact("后来"))
    assert later["version"] == versions[-1] + 1


def test_pull_pages_with_cursor_and_has_more_and_an_idle_pull_is_tiny(shared_server):
    writer, reader = sign_in(shared_server, "officer_a"), sign_in(shared_server, "officer_a", "reader")
    start = head(reader)
    ids = [new_id() for _ in range(7)]
    push(writer, *[entry(writer, "contact", i, contact(f"页{n}")) for n, i in enumerate(ids)])
    seen, cursor, pages = [], start, 0
    while True:
        page = reader.get(protocol.PULL_PATH, params={"cursor": cursor, "limit": 3}).json()
        pages += 1
        assert len(page["rows"]) <= 3
        assert all(cursor < r["version"] <= page["head"] for r in page["rows"])
        seen += page["rows"]
        cursor = page["cursor"]
        if not page["has_more"]:
            break
        assert cursor == page["rows"][-1]["version"]
    assert pages == 3 and [r["id"] for r in seen] == ids
    assert cursor == page["head"]
    idle = reader.get(protocol.PULL_PATH, params={"cursor": cursor})
    assert idle.status_code == 200 and idle.json()["rows"] == [] and idle.json()["has_more"] is False
    assert len(idle.content) < 200 and idle.json()["cursor"] == cursor


def test_the_cursor_moves_past_rows_the_reader_may_not_see(shared_server):
    other, reader = sign_in(shared_server, "officer_b"), sign_in(shared_server, "officer_a")
    start = head(reader)
    push(other, *[entry(other, "visit", new_id(), visit("csj")) for _ in range(3)])
    page = reader.get(protocol.PULL_PATH, params={"cursor": start, "limit": 2}).json()
    assert page["rows"] == [] and page["has_more"] is False and page["cursor"] == page["head"] >= start + 3


def test_reference_lists_are_seeded_on_the_server(shared_server):
    reader = sign_in(shared_server, "officer_a")
    rows, _ = pull_all(reader, 0)
    items = {(r["data"]["list_name"], r["data"]["code"]): r for r in rows if r["table"] == "reference_item"}
    station = items[("station", "jjj")]
    assert station["id"] == protocol.seed_id("reference_item", "station", "jjj")
    assert station["data"]["active"] is True and station["data"]["created_by"] == "hq"
    assert ("industry", next(code for lst, code in items if lst == "industry")) in items
    targets = [r for r in rows if r["table"] == "annual_target"]
    assert targets and all(r["id"] == protocol.seed_id("annual_target", r["data"]["year"], r["data"]["metric"])
                           for r in targets)
    assert set(protocol.table_fields()["reference_item"]) == set(station["data"])


def test_an_upsert_that_sets_or_clears_the_tombstone_deletes_or_restores(shared_server):
    device, reader = sign_in(shared_server, "officer_a"), sign_in(shared_server, "hq")
    row_id = new_id()
    base = push_one(device, "contact", row_id, contact("墓碑"))["version"]
    gone = push_one(device, "contact", row_id, {"deleted_at": "2026-03-06T00:00:00.000000"}, base=base)
    rows, _ = pull_all(reader, base)
    assert [r["deleted"] for r in rows if r["id"] == row_id] == [True]
    push_one(device, "contact", row_id, {"deleted_at": None}, base=gone["version"])
    rows, _ = pull_all(reader, gone["version"])
    assert [(r["deleted"], r["data"]["deleted_at"]) for r in rows if r["id"] == row_id] == [(False, None)]


def test_a_conflicting_station_change_leaves_the_visit_where_it_was(shared_server):
    hq_one, hq_two, b = sign_in(shared_server, "hq"), sign_in(shared_server, "hq"), sign_in(shared_server, "officer_b")
    visit_id = new_id()
    base = push_one(hq_one, "visit", visit_id, visit("jjj"))["version"]
    push_one(hq_one, "visit", visit_id, {"station": "jjj", "place": "天津"}, base=base)
    assert push_one(hq_one, "visit", visit_id, {"station": "csj"}, base=base)["status"] == "applied"
    clash = push_one(hq_two, "visit", visit_id, {"station": "jjj"}, base=base)
    assert clash["status"] == "conflict" and clash["row"]["data"]["station"] == "csj"
    rows, _ = pull_all(b, 0)
    assert visit_id in {r["id"] for r in rows}  # still in csj, where its data says it is
