"""Sync figures on loopback against PostgreSQL (issue 3): first sync into an empty client, an idle sync,
a one-field push, an edit reaching a second online client, and 200 simulated devices.

Prints figures with the data size and machine; asserts nothing about time. The server's data (10,000
contacts and 40,000 visits, pushed once from a demo profile) is kept in the PostgreSQL database
`chushang_bench_sync` between runs; `--fresh` drops it.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(REPO), str(HERE)]

import psycopg  # noqa: E402

from common import OUT, bench_profile, header  # noqa: E402
from tests.support.fault_proxy import FaultProxy  # noqa: E402
from tests.support.server_process import PG_ADMIN_DSN, PG_ADMIN_URL, seed_people, start_server  # noqa: E402

DB_NAME = "chushang_bench_sync"
DB_URL = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{DB_NAME}"
SIZE = (10_000, 40_000)
PASSWORD = "secret-pass-1"
READY = OUT / "bench-sync-server-ready.txt"


def _kb(n: int) -> str:
    return f"{n / 1024:.2f} KB"


def _pct(values, q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


# -- the server's data ---------------------------------------------------------------------------------

def _drop_database() -> None:
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
    READY.unlink(missing_ok=True)


def _server_with_data():
    """A running server on the bench database, filled once by pushing a demo profile as headquarters."""
    if not READY.exists():
        _drop_database()
        with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{DB_NAME}"')
    server = start_server(DB_URL, workers=2)
    if READY.exists():
        return server
    seed_people(DB_URL)
    from chushang_desk.services.profile import open_profile
    from chushang_desk.sync.account import sign_in
    from chushang_desk.sync.engine import sync_once

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "source"
        shutil.copytree(bench_profile(*SIZE), source)
        profile = open_profile(source)
        sign_in(profile, server.url, "hq", PASSWORD)
        started = time.perf_counter()
        report = sync_once(profile)
        seconds = time.perf_counter() - started
        profile.close()
    print(f"   filled the server: pushed {report.pushed:,} outbox entries of a {SIZE[0]:,}-contact, "
          f"{SIZE[1]:,}-visit demo profile in {seconds:.1f} s ({report.pushed / seconds:,.0f} entries/s), "
          f"{report.requests} requests, {_kb(report.bytes_sent)} sent", flush=True)
    READY.write_text(f"{report.pushed}\n")
    return server


# -- first sync (a child process, so its memory is its own) ------------------------------------------------

def first_sync_child(server_url: str, data_dir: str) -> None:
    import psutil
    from chushang_desk.services.profile import open_profile
    from chushang_desk.sync.account import sign_in
    from chushang_desk.sync.engine import sync_once

    profile = open_profile(data_dir)
    sign_in(profile, server_url, "hq", PASSWORD)
    before = psutil.Process().memory_info().rss
    started = time.perf_counter()
    report = sync_once(profile)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(f"{report.pulled} {report.pages} {report.requests} {report.bytes_received} {seconds} "
          f"{max(peak - before, 0)} {before}")


def bench_first_sync(server) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        runs = []
        for n in range(3):
            out = subprocess.run([sys.executable, __file__, "--first-sync-child", server.url, f"{tmp}/c{n}"],
                                 capture_output=True, text=True, check=True, cwd=HERE).stdout.split()
            runs.append(out)
        pulled, pages, requests, received = map(int, runs[0][:4])
        seconds = [float(r[4]) for r in runs]
        extra = [int(r[5]) / 2**20 for r in runs]
        print(f"   first sync into an empty client: {pulled:,} rows ({SIZE[0]:,} contacts, {SIZE[1]:,} visits "
              f"and their links) in {pages} pages, {requests} requests, {received / 2**20:.1f} MB received; "
              f"{min(seconds):.2f} s best, {statistics.median(seconds):.2f} s median of 3 "
              f"({pulled / min(seconds):,.0f} rows/s); extra client memory {max(extra):.0f} MB peak "
              f"(over {int(runs[0][6]) / 2**20:.0f} MB at start)", flush=True)


# -- wire costs through a counting proxy ---------------------------------------------------------------------

def bench_wire(server) -> None:
    from chushang_desk.services import contacts
    from chushang_desk.services.profile import open_profile
    from chushang_desk.sync.account import sign_in
    from chushang_desk.sync.engine import sync_once

    proxy = FaultProxy(int(server.url.rsplit(":", 1)[1]))
    with tempfile.TemporaryDirectory() as tmp:
        profile = open_profile(Path(tmp) / "wire")
        sign_in(profile, proxy.url, "officer_a", PASSWORD)
        sync_once(profile)  # the first sync: everything this officer may see
        cid = profile.write(contacts.save_contact, {"name": "线上测", "is_merchant": True})
        sync_once(profile)
        proxy.traffic.clear()
        sync_once(profile)
        idle = list(proxy.traffic)
        print(f"   idle sync: {len(idle)} request(s), {_kb(sum(a + b for _, a, b in idle))} on the wire "
              f"(request {_kb(sum(a for _, a, _b in idle))}, reply {_kb(sum(b for *_, b in idle))}; headers included)")
        profile.write(contacts.save_contact, {"notes": "一个字段"}, cid)
        proxy.traffic.clear()
        sync_once(profile)
        push = [t for t in proxy.traffic if t[0].startswith("/v1/sync/push")]
        print(f"   one-field push: {_kb(sum(a + b for _, a, b in push))} on the wire "
              f"(request {_kb(push[0][1])}, reply {_kb(push[0][2])}); the whole sync "
              f"{_kb(sum(a + b for _, a, b in proxy.traffic))} in {len(proxy.traffic)} requests", flush=True)
        profile.close()
    proxy.close()


# -- an edit reaching a second online client ----------------------------------------------------------------

def bench_edit_visible(server, edits: int = 40) -> None:
    from chushang_desk.services import contacts
    from chushang_desk.services.profile import open_profile
    from chushang_desk.sync.account import sign_in
    from chushang_desk.sync import live

    with tempfile.TemporaryDirectory() as tmp:
        writer, reader = open_profile(Path(tmp) / "writer"), open_profile(Path(tmp) / "reader")
        sign_in(writer, server.url, "officer_a", PASSWORD)
        sign_in(reader, server.url, "lead_a", PASSWORD)
        cid = writer.write(contacts.save_contact, {"name": "在线", "is_merchant": True})
        writer_live, reader_live = live.LiveSync(writer), live.LiveSync(reader)
        writer_live.start(), reader_live.start()
        try:
            _wait_for(lambda: _field(reader, cid, "name") == "在线", 120)  # the reader's first sync comes first
            delays = []
            for n in range(edits):
                started = time.perf_counter()
                writer.write(contacts.save_contact, {"notes": f"第{n}次"}, cid)
                writer_live.edited()
                _wait_for(lambda: _field(reader, cid, "notes") == f"第{n}次", 30)
                delays.append(time.perf_counter() - started)
                time.sleep(random.uniform(0.05, 0.3))
        finally:
            writer_live.stop(), reader_live.stop()
            writer.close(), reader.close()
    print(f"   one-field edit visible on a second online client: p50 {_pct(delays, .5) * 1000:.0f} ms, "
          f"p95 {_pct(delays, .95) * 1000:.0f} ms, max {max(delays) * 1000:.0f} ms over {edits} edits", flush=True)


def _field(profile, contact_id: str, field: str):
    from chushang_desk.services import contacts
    from chushang_desk.services.messages import NotFound

    try:
        return profile.read(contacts.get_contact, contact_id)[field]
    except NotFound:  # not arrived yet
        return None


def _wait_for(condition, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the edit did not arrive")
        time.sleep(0.01)


# -- many devices ----------------------------------------------------------------------------------------------

async def _device(http, n: int, until: float, period: float, latencies: list, errors: list) -> None:
    import httpx
    from chushang_desk.sync import protocol
    from chushang_desk.db.ids import uuid7

    headers = {protocol.SCHEMA_HEADER: str(protocol.SCHEMA_VERSION)}
    while True:  # 200 sign-ins of one user from one address at once: the throttle lets ~10 be checked at a time
        reply = await http.post(protocol.LOGIN_PATH, json={"user": "hq", "password": PASSWORD,
                                                            "device_name": f"sim{n}"}, headers=headers)
        if reply.status_code != 429:
            break
        await asyncio.sleep(float(reply.headers.get("Retry-After", "1")) * random.uniform(0.5, 1.5))
    answer = reply.json()
    headers["Authorization"] = f"Bearer {answer['token']}"
    cursor, mid, row = 0, 0, uuid7()
    await asyncio.sleep(random.uniform(0, period))
    while time.monotonic() < until:
        mid += 1
        entry = {"mid": mid, "table": "contact", "id": row, "op": "upsert", "base_version": 0,
                 "device_time": "2026-12-01T08:00:00", "fields": {"name": f"模拟{n}", "notes": f"第{mid}次",
                                                                  "is_merchant": True}}
        for method, path, body in (("POST", protocol.PUSH_PATH, {"entries": [entry]}),
                                   ("GET", f"{protocol.PULL_PATH}?cursor={cursor}&limit=500", None)):
            started = time.perf_counter()
            try:
                reply = await http.request(method, path, json=body, headers=headers)
                reply.raise_for_status()
                if method == "GET":
                    cursor = reply.json()["cursor"]
            except (httpx.HTTPError, KeyError) as exc:
                errors.append(f"{path}: {exc!r}")
            latencies.append(time.perf_counter() - started)
        await asyncio.sleep(period)


async def _devices(url: str, count: int, seconds: float, period: float):
    import httpx

    latencies, errors = [], []
    limits = httpx.Limits(max_connections=count, max_keepalive_connections=count)
    async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits, trust_env=False) as http:
        # Start with a pull from 0 only for the first device: a fresh device's full pull is the first-sync figure.
        until = time.monotonic() + seconds
        await asyncio.gather(*(_device(http, n, until, period, latencies, errors) for n in range(count)))
    return latencies, errors


def bench_many_devices(server, count: int = 200, seconds: float = 120, period: float = 30) -> None:
    started = time.perf_counter()
    latencies, errors = asyncio.run(_devices(server.url, count, seconds, period))
    elapsed = time.perf_counter() - started
    print(f"   {count} simulated devices, a push and a pull every {period:.0f} s each for {elapsed:.0f} s: "
          f"{len(latencies):,} requests, {len(errors)} errors; latency p50 {_pct(latencies, .5) * 1000:.0f} ms, "
          f"p99 {_pct(latencies, .99) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms "
          f"(the first pull of each device, from cursor 0, is included)", flush=True)
    for error in errors[:5]:
        print(f"     error: {error}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--first-sync-child", nargs=2)
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--devices-seconds", type=float, default=120)
    parser.add_argument("--only", choices=["first", "wire", "live", "devices"], action="append")
    args = parser.parse_args()
    if args.first_sync_child:
        first_sync_child(*args.first_sync_child)
        return 0
    header("sync (loopback, PostgreSQL, server with 2 workers)")
    if args.fresh:
        _drop_database()
    os.environ.setdefault("CHUSHANG_ARGON2", "fast")  # the simulated devices' logins are not the figure
    server = _server_with_data()
    try:
        only = set(args.only or ["first", "wire", "live", "devices"])
        "first" in only and bench_first_sync(server)
        "wire" in only and bench_wire(server)
        "live" in only and bench_edit_visible(server)
        "devices" in only and bench_many_devices(server, seconds=args.devices_seconds)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
