"""Benchmark: the visit-log export against a plain XlsxWriter constant_memory write, side by side.

    .venv/bin/python bench/bench_export.py [--contacts 100000 --visits 300000] [--data-dir DIR] [--openpyxl]

Uses the benches' demo profile of that size (bench/common.py: made once, reused from bench/out/; the
issue's figures are for 100,000 contacts and 300,000 visits, and with few contacts a slow lookup of
people by id hid: 10,000 contacts for 100,000 visits showed 1.1x where 100,000 contacts showed 3.3x),
or the profile in --data-dir as it is. Then runs, each in its own process so that peak RSS belongs to
that writer alone:
  - xlsxwriter: XlsxWriter constant_memory, typed cell calls, no widths/filter (the floor);
  - openpyxl:   openpyxl write_only, ws.append per row (with --openpyxl);
  - query:      our batched query alone (iter_visit_log), writing nothing;
  - ours:       exchange.visit_log.export_visit_log_file, the real export (query + formats + widths),
                its query in a reader process overlapping the writing (CPU figures include that process).
The plain writers write the same cell values as ours: the first 5,000 rows of the export query, cycled
to N rows, so every writer gets the same strings, dates and amounts.
Prints the best and the median of --rounds rounds and ours / xlsxwriter; asserts nothing about time.
The issue's target: ours <= 1.2 x the plain XlsxWriter write.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import BIG, bench_profile  # noqa: E402

SAMPLE_ROWS = 5000
WRITERS = ("xlsxwriter", "openpyxl", "query", "ours")
TARGET = 1.20

# --- one writer, in a child process ---------------------------------------------------------------------


def sample_rows(data_dir: Path) -> list[tuple]:
    """The first rows of the real export query: the cell values every writer writes."""
    from chushang_desk.services.profile import open_profile
    from chushang_desk.services.visit_log import iter_visit_log
    from chushang_desk.services.visits import VisitQuery

    profile = open_profile(data_dir)

    def first(session):
        return list(itertools.islice(itertools.chain.from_iterable(iter_visit_log(session, VisitQuery())), SAMPLE_ROWS))

    try:
        return profile.read(first)
    finally:
        profile.close()


def write_xlsxwriter(rows, n: int, out: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    sheet = book.add_worksheet()
    date_format = book.add_format({"num_format": "yyyy-mm-dd"})
    for r, values in enumerate(itertools.islice(itertools.cycle(rows), n)):
        for c, v in enumerate(values):
            if v is None or v == "":
                continue
            if isinstance(v, str):
                sheet.write_string(r, c, v)
            elif isinstance(v, date):
                sheet.write_datetime(r, c, v, date_format)
            else:
                sheet.write_number(r, c, float(v))
    book.close()


def write_openpyxl(rows, n: int, out: Path) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    plain = [tuple(float(v) if isinstance(v, Decimal) else (None if v == "" else v) for v in row) for row in rows]
    for values in itertools.islice(itertools.cycle(plain), n):
        sheet.append(values)
    book.save(out)


def query_only(profile) -> int:
    from chushang_desk.services.visit_log import iter_visit_log
    from chushang_desk.services.visits import VisitQuery

    return profile.read(lambda s: sum(len(b) for b in iter_visit_log(s, VisitQuery())))


def export_ours(profile, out: Path) -> int:
    from chushang_desk.exchange.visit_log import export_visit_log_file
    from chushang_desk.services.visits import VisitQuery

    return export_visit_log_file(profile, VisitQuery(), out).visits


def cpu_seconds() -> float:
    """User + system CPU of this process and of the processes it waited for (our export's reader
    process): steadier than the wall clock on a shared, busy machine, and the whole cost of the work."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def reader_peak_rss_mb() -> float:
    """Peak RSS of the largest child waited for (our export's reader process; 0 for the others). An
    upper bound: Linux starts a child's ru_maxrss at its parent's size when it was started."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def peak_rss_mb() -> float:
    """VmHWM: this process's own peak. ru_maxrss is no good here: Linux carries the parent's peak
    across fork+exec, so every child would report at least the parent's size."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(writer: str, data_dir: Path, out: Path, n: int) -> dict:
    """Run one writer; the clock starts once the profile is open (as in the app) or the sample rows loaded."""
    from chushang_desk.services.profile import open_profile

    rows = sample_rows(data_dir) if writer in ("xlsxwriter", "openpyxl") else None
    profile = open_profile(data_dir) if rows is None else None
    started, cpu_started = time.perf_counter(), cpu_seconds()
    if writer == "xlsxwriter":
        write_xlsxwriter(rows, n, out)
    elif writer == "openpyxl":
        write_openpyxl(rows, n, out)
    elif writer == "query":
        n = query_only(profile)
    else:
        n = export_ours(profile, out)
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu_started
    peak_mb = peak_rss_mb()
    size = out.stat().st_size if out.exists() else 0
    return {"writer": writer, "rows": n, "seconds": round(seconds, 2), "cpu": round(cpu, 2),
            "peak_rss_mb": round(peak_mb, 1), "reader_rss_mb": round(reader_peak_rss_mb(), 1),
            "file_mb": round(size / 1e6, 1)}


def run_child(writer: str, data_dir: Path, out_dir: Path, n: int) -> dict:
    out = out_dir / f"{writer}.xlsx"
    done = subprocess.run([sys.executable, __file__, "--child", writer, "--data-dir", str(data_dir),
                           "--out", str(out), "--visits", str(n)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{writer} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- the report -----------------------------------------------------------------------------------------


def machine() -> str:
    import openpyxl
    import xlsxwriter

    return (f"{platform.platform()} | {platform.processor() or platform.machine()} | cpus={os.cpu_count()} | "
            f"Python {platform.python_version()} | XlsxWriter {xlsxwriter.__version__} | openpyxl {openpyxl.__version__}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=BIG[0])
    parser.add_argument("--visits", type=int, default=BIG[1])
    parser.add_argument("--data-dir", type=Path, help="export this profile as it is (default: the demo profile "
                                                      "of --contacts/--visits in bench/out/)")
    parser.add_argument("--rounds", type=int, default=1, help="run every writer this many times; report the best and the median")
    parser.add_argument("--openpyxl", action="store_true", help="also time openpyxl's write-only mode")
    parser.add_argument("--child", choices=WRITERS, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.data_dir, args.out, args.visits)))
        return
    data_dir = args.data_dir or bench_profile(args.contacts, args.visits)
    writers = [w for w in WRITERS if w != "openpyxl" or args.openpyxl]
    with tempfile.TemporaryDirectory(prefix="bench-export-") as scratch:
        report(data_dir, Path(scratch), args.rounds, writers)


def directory_size(data_dir: Path) -> tuple[int, int]:
    """(live contacts, live visits) of the profile, read through it (the database is encrypted)."""
    from sqlalchemy import text

    from chushang_desk.services.profile import open_profile

    profile = open_profile(data_dir)
    try:
        return profile.read(lambda s: tuple(
            s.execute(text(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL")).scalar_one()
            for table in ("contact", "visit")))
    finally:
        profile.close()


def report(data_dir: Path, out_dir: Path, rounds: int, writers: list[str]) -> None:
    print("machine:", machine())
    contacts, total = directory_size(data_dir)
    print(f"data: {contacts:,} live contacts, {total:,} live visits, database "
          f"{(data_dir / 'chushang.db').stat().st_size / 1e6:.0f} MB, 14 columns per row ({data_dir})")
    runs: dict[str, list[dict]] = {w: [] for w in writers}
    for round_number in range(rounds):  # round-robin, so a busy spell on the machine hits every writer
        print(f"round {round_number + 1}: load average {os.getloadavg()[0]:.2f}")
        for writer in writers:
            r = run_child(writer, data_dir, out_dir, total)
            runs[writer].append(r)
            reader = f"  reader process RSS <= {r['reader_rss_mb']:5.1f} MB" if r["reader_rss_mb"] else ""
            print(f"{writer:>12}: {r['rows']:>7,} rows  {r['seconds']:7.2f} s wall  {r['cpu']:7.2f} s cpu  "
                  f"peak RSS {r['peak_rss_mb']:6.1f} MB  file {r['file_mb']:5.1f} MB{reader}", flush=True)
    for name, pick in (("best", min), ("median", statistics.median)):
        summarize(name, rounds, {w: {k: pick([r[k] for r in rs]) for k in ("seconds", "cpu", "peak_rss_mb")}
                                 for w, rs in runs.items()})


def summarize(name: str, rounds: int, figures: dict[str, dict[str, float]]) -> None:
    """One line per writer, then ours over the plain XlsxWriter write, by wall clock and by CPU (the CPU
    of our export includes its reader process: on a machine with no spare core that is what it costs)."""
    print(f"{name} of {rounds}:")
    for writer, f in figures.items():
        print(f"{writer:>12}: {f['seconds']:7.2f} s wall  {f['cpu']:7.2f} s cpu  peak RSS {f['peak_rss_mb']:6.1f} MB")
    for measure in ("seconds", "cpu"):
        ratio = figures["ours"][measure] / figures["xlsxwriter"][measure]
        print(f"  {name} {'wall' if measure == 'seconds' else 'cpu'}: ours / plain XlsxWriter constant_memory = "
              f"{ratio:.2f} (target <= {TARGET:.2f})")


if __name__ == "__main__":
    main()
