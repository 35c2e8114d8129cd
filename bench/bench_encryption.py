"""What encryption at rest costs: opening with the raw key vs the recovery passphrase, and a single edit's
commit on the encrypted database vs a plain copy of the same data, side by side (interleaved).

Open: the raw key (what the OS keyring gives: no key derivation) opens and reads the schema; the
passphrase path adds Argon2id at the production cost and the AES-GCM unwrap of key.json.
Commit: one contact's notes edited through the services (outbox entry, search index, BEGIN IMMEDIATE,
synchronous=FULL), timed from the call to the commit's return, alternately on the encrypted profile and on
a plain copy; the plain copy is measured as main opened it (no secure_delete) and with secure_delete on
(the erase feature needs it), so the cost of each is seen apart. Target: <= 1.25 x the plain database's.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import time
from pathlib import Path

from common import BIG, OUT, bench_profile, db_size_mb, fmt_ms, header, profile_summary, quantiles


def open_times(data_dir: Path, runs: int) -> tuple[list[float], list[float]]:
    from chushang_desk.db import keys
    from chushang_desk.db.engine import connect

    key_file = keys.read_key_file(data_dir)
    passphrase = os.environ[keys.PASSPHRASE_ENV]
    key = keys.unwrap_key(key_file, passphrase)
    raw, derived = [], []
    for _ in range(runs):
        start = time.perf_counter()
        connect(data_dir / "chushang.db", key).close()
        raw.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        connect(data_dir / "chushang.db", keys.unwrap_key(keys.read_key_file(data_dir), passphrase)).close()
        derived.append((time.perf_counter() - start) * 1000)
    return raw, derived


def plain_copy(data_dir: Path, target_dir: Path) -> Path:
    """The encrypted profile's data as a plain database (sqlcipher_export into an unkeyed file)."""
    from chushang_desk.db import keys
    from chushang_desk.db.engine import connect

    shutil.rmtree(target_dir, ignore_errors=True)
    target_dir.mkdir(parents=True)
    key = keys.unwrap_key(keys.read_key_file(data_dir), os.environ[keys.PASSPHRASE_ENV])
    conn = connect(data_dir / "chushang.db", key)
    try:
        conn.execute(f"ATTACH DATABASE '{target_dir / 'chushang.db'}' AS plain KEY ''")
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()
    return target_dir / "chushang.db"


def plain_profile(db_path: Path, secure_delete: bool):
    from sqlalchemy import event

    from chushang_desk.db.engine import make_engine
    from chushang_desk.db.session import SessionFactory
    from chushang_desk.services.profile import Profile

    engine = make_engine(db_path, None)
    if not secure_delete:  # as main opened its plain profiles
        event.listen(engine, "connect", lambda conn, _r: conn.execute("PRAGMA secure_delete=OFF"))
    return Profile(db_path.parent, SessionFactory(engine, actor="bench"))


def edit_times(profiles: dict, edits: int) -> dict[str, list[float]]:
    from sqlalchemy import select

    from chushang_desk.models import Contact
    from chushang_desk.services.contacts import save_contact

    ids = {name: p.read(lambda s: s.scalars(select(Contact.id).order_by(Contact.id).limit(edits)).all())
           for name, p in profiles.items()}
    times = {name: [] for name in profiles}
    for i in range(edits):
        for name, profile in profiles.items():  # interleaved: the same machine noise for all
            start = time.perf_counter()
            profile.write(save_contact, {"notes": f"第{i}次修改：回访记录，电话沟通投资意向。"}, ids[name][i])
            times[name].append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contacts", type=int, default=BIG[0])
    parser.add_argument("--visits", type=int, default=BIG[1])
    parser.add_argument("--opens", type=int, default=10)
    parser.add_argument("--edits", type=int, default=200)
    args = parser.parse_args()
    header(f"encryption at rest: {args.contacts:,} contacts, {args.visits:,} visits")
    data_dir = bench_profile(args.contacts, args.visits)
    print(f"   profile: {profile_summary(data_dir)}; encrypted database {db_size_mb(data_dir):.0f} MB")

    raw, derived = open_times(data_dir, args.opens)
    print(f"   open, raw key (keyring):            median {statistics.median(raw):7.2f} ms  max {max(raw):7.2f} ms")
    print(f"   open, recovery passphrase (Argon2id {os.environ.get('CHUSHANG_ARGON2') or 'production'} cost): "
          f"median {statistics.median(derived):7.2f} ms  max {max(derived):7.2f} ms")

    from chushang_desk.services.profile import open_profile

    plain_db = plain_copy(data_dir, OUT / f"plain-copy-{args.contacts}c")
    encrypted = open_profile(data_dir)
    plain_main, plain_secure = plain_profile(plain_db, False), None
    try:
        times = edit_times({"encrypted": encrypted, "plain (main's pragmas)": plain_main}, args.edits)
        plain_main.close()
        plain_secure = plain_profile(plain_db, True)
        times.update({f"{k} [2nd round]": v for k, v in edit_times(
            {"encrypted": encrypted, "plain + secure_delete": plain_secure}, args.edits).items()})
    finally:
        encrypted.close()
        plain_main.close()
        if plain_secure is not None:
            plain_secure.close()
    for name, values in times.items():
        print(f"   one edit's commit, {name:32s} {fmt_ms(quantiles(values))}")
    enc1 = statistics.median(times["encrypted"])
    enc2 = statistics.median(times["encrypted [2nd round]"])
    base = statistics.median(times["plain (main's pragmas)"])
    secure = statistics.median(times["plain + secure_delete [2nd round]"])
    print(f"   ratio encrypted / plain (main's pragmas): {enc1 / base:.2f} x (target <= 1.25 x)")
    print(f"   ratio encrypted / plain + secure_delete: {enc2 / secure:.2f} x (the cost of the cipher alone)")
    shutil.rmtree(plain_db.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
