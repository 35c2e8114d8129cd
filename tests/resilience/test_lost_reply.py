"""Guarantee 2 of SYNC.md: a push repeated after a lost reply is applied once. A fault proxy on loopback
cuts replies after the server committed, resets connections and stalls; the client retries until the
sync goes through, and every change is stored exactly once."""
from __future__ import annotations

from sqlalchemy import create_engine, func, select, text

from chushang_desk.services import contacts
from chushang_desk.services.profile import open_profile
from chushang_desk.sync import protocol
from chushang_desk.sync.account import current_account, sign_in
from chushang_desk.sync.engine import sync_once
from chushang_desk.sync.errors import SyncError
from chushang_server.models import PushResult, Record

from tests.support.fault_proxy import Fault, FaultProxy

PASSWORD = "secret-pass-1"


def _sync_until_through(profile, attempts: int = 12):
    failures = []
    for _ in range(attempts):
        try:
            return sync_once(profile), failures
        except SyncError as exc:
            failures.append(exc.code)
    raise AssertionError(f"sync never went through: {failures}")


def _server_counts(db_url: str, device_id: str, ids: list[str]) -> tuple[int, int, int]:
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            records = conn.scalar(select(func.count()).select_from(Record).where(Record.id.in_(ids)))
            results = conn.scalar(select(func.count()).select_from(PushResult)
                                  .where(PushResult.device_id == device_id))
            distinct = conn.scalar(select(func.count(func.distinct(PushResult.mid)))
                                   .where(PushResult.device_id == device_id))
        return records, results, distinct
    finally:
        engine.dispose()


def _notes(profile, ids):
    return {cid: profile.read(contacts.get_contact, cid)["notes"] for cid in ids}


def test_lost_replies_resets_and_stalls_store_every_change_once(server, tmp_path):
    proxy = FaultProxy(int(server.url.rsplit(":", 1)[1]), stall_seconds=1.0)
    officer = open_profile(tmp_path / "officer")
    sign_in(officer, proxy.url, "officer_a", PASSWORD)
    ids = [officer.write(contacts.save_contact, {"name": f"回执{i}", "is_merchant": True}) for i in range(40)]
    for cid in ids[:10]:
        officer.write(contacts.save_contact, {"notes": "第二版"}, cid)
    pushed_mids = officer.read(lambda s: s.scalar(text("SELECT count(*) FROM outbox")))

    proxy.inject(Fault("cut", protocol.PUSH_PATH), Fault("reset", protocol.PUSH_PATH),
                 Fault("cut", protocol.PUSH_PATH), Fault("stall", protocol.PULL_PATH),
                 Fault("cut", protocol.PULL_PATH), Fault("reset", protocol.PULL_PATH))
    _report, failures = _sync_until_through(officer)
    hit = [kind for _path, kind in proxy.log if kind != "pass"]
    assert sorted(hit) == ["cut", "cut", "cut", "reset", "reset", "stall"], proxy.log
    assert officer.read(lambda s: s.scalar(text("SELECT count(*) FROM outbox"))) == 0

    # More edits after the storm, then a clean round: they go up once too.
    for cid in ids[10:15]:
        officer.write(contacts.save_contact, {"notes": "第三版"}, cid)
    proxy.inject(Fault("cut", protocol.PUSH_PATH))
    _sync_until_through(officer)

    device_id = current_account(officer).device_id
    records, results, distinct = _server_counts(server.db_url, device_id, ids)
    assert records == len(ids)
    assert results == distinct == pushed_mids + 5, "each mutation id is applied and answered once"

    other = open_profile(tmp_path / "other")
    sign_in(other, server.url, "officer_b", PASSWORD)
    sync_once(other)
    assert _notes(other, ids) == _notes(officer, ids)
    assert list(_notes(other, ids).values()).count("第二版") == 10
    assert list(_notes(other, ids).values()).count("第三版") == 5
    proxy.close()
    officer.close()
    other.close()
