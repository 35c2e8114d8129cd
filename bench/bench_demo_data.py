"""How long `demo-data` takes for 10,000 contacts and 30,000 visits (the issue asks for under a minute).

Made in a fresh profile each run (bench/out/demo-bench/, removed afterwards), so the figure includes
the outbox entries and the search index, like the real command.
"""
from __future__ import annotations

import argparse
import shutil
import time

from common import OUT, db_size_mb, header, peak_rss_mb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--visits", type=int, default=30_000)
    args = parser.parse_args()
    header(f"demo data: {args.contacts:,} contacts, {args.visits:,} visits")
    from chushang_desk.services.demo import make_demo_data
    from chushang_desk.services.profile import open_profile

    data_dir = OUT / "demo-bench"
    shutil.rmtree(data_dir, ignore_errors=True)
    opened = time.perf_counter()
    profile = open_profile(data_dir)
    open_s = time.perf_counter() - opened
    try:
        started = time.perf_counter()
        summary = make_demo_data(profile, contacts=args.contacts, visits=args.visits, seed=1)
        seconds = time.perf_counter() - started
        rows = profile.read(lambda s: s.execute(_count_sql()).scalar())
    finally:
        profile.close()
    print(f"   {summary}")
    print(f"   make_demo_data {seconds:.1f} s (new profile opened in {open_s:.2f} s); {rows:,} outbox entries, "
          f"{rows / seconds:,.0f} rows/s; database {db_size_mb(data_dir):.0f} MB; peak RSS {peak_rss_mb():.0f} MB")
    shutil.rmtree(data_dir, ignore_errors=True)


def _count_sql():
    from sqlalchemy import text

    return text("SELECT count(*) FROM outbox")


if __name__ == "__main__":
    main()
