"""Contact search over 100,000 contacts and 300,000 visits: find_contact_ids and a 100-row page.

Queries are drawn from the profile itself (seeded), in the shapes officers type: 1 and 2 Chinese
characters, a full name, full pinyin, initials, a pinyin prefix, a company word, the last 4 digits of a
phone and a whole phone number. Each query runs once to warm up, then REPEAT times. "query" is the
service call in an open read session (the issue's target: p95 <= 5 ms); "call" adds opening the session,
as the contact screen does per keystroke through Profile.read.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import time
from pathlib import Path

from common import BIG, bench_profile, db_size_mb, fmt_ms, header, profile_summary, quantiles

REPEAT = 5


def sample_people(session, n: int, seed: int = 42) -> list[tuple[str, str, str, list[str]]]:
    from sqlalchemy import text

    top = session.execute(text("SELECT max(rowid) FROM contact")).scalar()
    rowids = random.Random(seed).sample(range(1, top + 1), n)
    rows = session.execute(text("SELECT name, city, company, phones FROM contact WHERE rowid IN "
                                "(SELECT value FROM json_each(:ids))"), {"ids": json.dumps(rowids)}).all()
    return [(name, city, company, json.loads(phones) if isinstance(phones, str) else phones)
            for name, city, company, phones in rows]


def queries_by_shape(people) -> dict[str, list[str]]:
    """What officers type, by shape, taken from real rows so every query can match something."""
    from chushang_desk.db.search_index import name_syllables

    shapes: dict[str, list[str]] = {k: [] for k in (
        "1 char", "2 chars", "full name", "full pinyin", "initials", "pinyin prefix", "company word",
        "phone last 4", "full phone")}
    rng = random.Random(7)
    for name, city, company, phones in people:
        syl = name_syllables(name)
        shapes["1 char"].append(rng.choice((name[0], name[-1])))
        shapes["2 chars"].append(name[:2])
        shapes["full name"].append(name)
        shapes["full pinyin"].append("".join(syl))
        shapes["initials"].append("".join(s[0] for s in syl))
        shapes["pinyin prefix"].append(syl[0] + (syl[1][:rng.randint(0, 2)] if len(syl) > 1 else ""))
        brand_and_trade = company[len(city):] if company.startswith(city) else company
        shapes["company word"].append(brand_and_trade[:2] if rng.random() < 0.6 else brand_and_trade[2:4])
        mainland = [p for p in phones if p.startswith("+86")] or phones
        if mainland:
            digits = re.sub(r"\D", "", mainland[0])
            shapes["phone last 4"].append(digits[-4:])
            shapes["full phone"].append(digits[2:] if digits.startswith("86") else digits)
    return shapes


def time_queries(profile, shapes: dict[str, list[str]]) -> tuple[dict, dict]:
    """Per shape: the query times in one session, the per-call times, and result counts."""
    from chushang_desk.services.contacts import ContactQuery, find_contact_ids

    in_session, per_call = {}, {}
    with profile.sessions.read() as session:
        for shape, texts in shapes.items():
            times, counts = [], []
            for typed in texts:
                query = ContactQuery(text=typed)
                counts.append(len(find_contact_ids(session, query)))  # warm-up
                for _ in range(REPEAT):
                    start = time.perf_counter()
                    find_contact_ids(session, query)
                    times.append((time.perf_counter() - start) * 1000)
            in_session[shape] = (times, counts)
    for shape, texts in shapes.items():
        times = []
        for typed in texts:
            start = time.perf_counter()
            profile.read(find_contact_ids, ContactQuery(text=typed))
            times.append((time.perf_counter() - start) * 1000)
        per_call[shape] = times
    return in_session, per_call


def time_pages(profile, pages: int = 50) -> tuple[list[float], int]:
    """contact_rows for 100-row pages at random places in the whole directory (sorted by name)."""
    from chushang_desk.services.contacts import ContactQuery, contact_rows, find_contact_ids

    rng = random.Random(3)
    with profile.sessions.read() as session:
        ids = find_contact_ids(session, ContactQuery())
        contact_rows(session, ids[:100])
        times = []
        for _ in range(pages):
            at = rng.randrange(0, max(1, len(ids) - 100))
            start = time.perf_counter()
            rows = contact_rows(session, ids[at:at + 100])
            times.append((time.perf_counter() - start) * 1000)
            assert len(rows) == len(ids[at:at + 100])
    return times, len(ids)


def time_lists(profile) -> dict[str, list[float]]:
    """The whole list and a few filters, as the contact screen opens and filters without typing."""
    from chushang_desk.services.contacts import ContactQuery, find_contact_ids

    cases = {"all (by name)": ContactQuery(), "all (by update)": ContactQuery(sort="updated"),
             "station dwq": ContactQuery(station="dwq"), "key only": ContactQuery(key_only=True),
             "alumni + 'wang'": ContactQuery(text="wang", kinds=("alumnus",))}
    out = {}
    with profile.sessions.read() as session:
        for label, query in cases.items():
            find_contact_ids(session, query)
            times = []
            for _ in range(REPEAT):
                start = time.perf_counter()
                n = len(find_contact_ids(session, query))
                times.append((time.perf_counter() - start) * 1000)
            out[f"{label} -> {n:,} ids"] = times
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contacts", type=int, default=BIG[0])
    parser.add_argument("--visits", type=int, default=BIG[1])
    parser.add_argument("--people", type=int, default=30, help="contacts to draw queries from")
    parser.add_argument("--data-dir", type=Path, help="an existing profile instead of the bench's own")
    args = parser.parse_args()
    data_dir = args.data_dir or bench_profile(args.contacts, args.visits)
    header(f"contact search: {data_dir}")
    print(f"   profile: {profile_summary(data_dir)}; database {db_size_mb(data_dir):.0f} MB")
    from chushang_desk.services.profile import open_profile

    profile = open_profile(data_dir)
    try:
        report(profile, args.people)
    finally:
        profile.close()


def report(profile, people: int) -> None:
    shapes = queries_by_shape(profile.read(sample_people, people))
    in_session, per_call = time_queries(profile, shapes)
    print(f"   find_contact_ids, {people} queries per shape x {REPEAT} runs (query in an open session):")
    everything = []
    for shape, (times, counts) in in_session.items():
        everything += times
        counts = sorted(counts)
        print(f"     {shape:14s} {fmt_ms(quantiles(times))}   hits median {counts[len(counts) // 2]:,} "
              f"max {counts[-1]:,}   e.g. {shapes[shape][0]!r}")
    print(f"     {'ALL':14s} {fmt_ms(quantiles(everything))}   (target p95 <= 5 ms)")
    calls = [t for times in per_call.values() for t in times]
    print(f"   find_contact_ids through Profile.read (session per call), all shapes: {fmt_ms(quantiles(calls))}")
    for label, times in time_lists(profile).items():
        print(f"   list {label:34s} {fmt_ms(quantiles(times))}")
    times, total = time_pages(profile)
    print(f"   contact_rows, 100-row page at random places of {total:,}: {fmt_ms(quantiles(times))}")
    times, found = time_typos(profile, shapes["full pinyin"])
    print(f"   contact_head for a mistyped full pinyin (no exact match: the closest names), "
          f"{len(shapes['full pinyin'])} queries: {fmt_ms(quantiles(times))}   the person among them "
          f"{found}/{len(shapes['full pinyin'])}")


def typo(spelling: str) -> str:
    """Two neighbouring letters swapped in the middle, as a fast typist does (zhangsan -> zhangsna)."""
    at = max(1, len(spelling) // 2)
    return spelling[:at - 1] + spelling[at] + spelling[at - 1] + spelling[at + 1:]


def time_typos(profile, spellings: list[str]) -> tuple[list[float], int]:
    """The fallback of a zero-hit search: every name key compared with the query (rapidfuzz)."""
    from chushang_desk.db.search_index import name_syllables
    from chushang_desk.services.contacts import ContactQuery, contact_head

    times, found = [], 0
    with profile.sessions.read() as session:
        for spelling in spellings:
            query = ContactQuery(text=typo(spelling))
            start = time.perf_counter()
            head = contact_head(session, query)
            times.append((time.perf_counter() - start) * 1000)
            found += any("".join(name_syllables(r.name)) == spelling for r in head.rows)
    return times, found


if __name__ == "__main__":
    main()
