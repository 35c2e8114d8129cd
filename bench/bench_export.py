"""Benchmark: the visit-log export against the two Excel writers it could be built on, side by side.

    .venv/bin/python bench/bench_export.py [--visits 100000] [--data-dir DIR]

Makes (or reuses) a profile with N visits and their contacts, organizations and follow-ups, then runs,
each in its own process so that peak RSS (ru_maxrss) belongs to that writer alone:
  - xlsxwriter: XlsxWriter constant_memory, typed cell calls, no widths/filter (the floor);
  - openpyxl:   openpyxl write_only, ws.append per row;
  - query:      our batched query alone (iter_visit_log), writing nothing;
  - ours:       exchange.visit_log.export_visit_log_file, the real export (query + formats + widths),
                its query in a reader process overlapping the writing (CPU figures include that process).
The two plain writers write the same cell values as ours: 1,000 rows taken from the export query,
cycled to N rows, so every writer gets the same strings, dates and amounts.
Prints the best and the median of --rounds rounds; asserts nothing about time. The issue's target: ours ≤ 1.3 × the fastest writer.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SAMPLE_ROWS = 1000
WRITERS = ("xlsxwriter", "openpyxl", "query", "ours")

SURNAMES = "王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌宇浩凯健俊帆"
COMPANIES = ("楚天科技", "光谷芯源", "江城智造", "长江新能源", "汉江生物", "东湖数科", "黄鹤楼实业", "荆楚物流")
TITLES = ("董事长", "总经理", "副总裁", "创始人", "会长", "秘书长", "技术总监")
PLACES = ("上海浦东", "北京海淀", "深圳南山", "广州天河", "东京港区", "香港中环", "武汉光谷")
PURPOSES = ("了解回汉投资意向", "对接光谷产业园用地", "邀请参加楚商大会", "回访项目进展", "=推介重点产业链")
PHRASES = ("双方就产业链配套深入交流", "企业计划在汉设立区域总部", "关注人才公寓与用地指标", "约定下月来汉考察",
           "希望对接东湖高新区招商部门", "介绍了武汉营商环境和政策")


def make_data(data_dir: Path, visits: int, seed: int = 7) -> dict:
    """A profile with `visits` visits, ~1.5 contacts, 0.3 organizations and 0.6 follow-ups each."""
    from chushang_desk.db.bulk import bulk_insert
    from chushang_desk.models import Contact, FollowUp, Organization, Visit, VisitContact, VisitOrganization
    from chushang_desk.services.profile import open_profile

    rnd = random.Random(seed)
    profile = open_profile(data_dir)
    started = time.perf_counter()
    with profile.sessions.write() as session:
        contacts = bulk_insert(session, Contact, [dict(
            name=rnd.choice(SURNAMES) + "".join(rnd.choices(GIVEN, k=rnd.choice((1, 2)))),
            company=rnd.choice(COMPANIES) + "有限公司", title=rnd.choice(TITLES), is_merchant=True,
        ) for _ in range(max(visits // 10, 10))])
        orgs = bulk_insert(session, Organization, [dict(name=f"{p[:2]}湖北商会{i}", kind="chamber")
                                                   for i, p in enumerate(PLACES * 30)])
    for start in range(0, visits, 20_000):
        with profile.sessions.write() as session:
            _visit_chunk(session, rnd, min(20_000, visits - start), contacts, orgs,
                         bulk_insert, Visit, VisitContact, VisitOrganization, FollowUp)
    seconds = time.perf_counter() - started
    profile.close()
    return {"seconds": round(seconds, 1), "visits": visits}


def _visit_chunk(session, rnd, count, contacts, orgs, bulk_insert, Visit, VisitContact, VisitOrganization, FollowUp):
    first = date(2019, 1, 1)
    ids = bulk_insert(session, Visit, [dict(
        visit_date=first + timedelta(days=rnd.randrange(2500)), station=rnd.choice(("jjj", "csj", "dwq", "hk")),
        officers=rnd.sample(["刘一", "陈二", "张三", "周七"], k=rnd.choice((1, 2))),
        mode=rnd.choice(("visit", "inspection", "call", "meeting")), place=rnd.choice(PLACES),
        purpose=rnd.choice(PURPOSES), summary="，".join(rnd.choices(PHRASES, k=rnd.randint(2, 8))) + "。",
        intention_industry=rnd.choice(("ic", "geo", "", "")),
        intention_amount=Decimal(rnd.randrange(100, 500_000)) / 10 if rnd.random() < 0.5 else None,
        next_contact_date=first + timedelta(days=rnd.randrange(2600)) if rnd.random() < 0.6 else None,
    ) for _ in range(count)])
    bulk_insert(session, VisitContact, [dict(visit_id=v, contact_id=c) for v in ids
                                        for c in rnd.sample(contacts, k=rnd.choice((1, 1, 2, 3)))])
    bulk_insert(session, VisitOrganization, [dict(visit_id=v, organization_id=rnd.choice(orgs))
                                             for v in ids if rnd.random() < 0.3])
    bulk_insert(session, FollowUp, [dict(visit_id=v, task="寄送资料并确认考察行程", owner="刘一",
                                         due_date=first + timedelta(days=rnd.randrange(2600)), done=rnd.random() < 0.5)
                                    for v in ids if rnd.random() < 0.6])


def visit_count(data_dir: Path) -> int:
    from chushang_desk.services.profile import open_profile
    from chushang_desk.services.visit_log import count_visit_log
    from chushang_desk.services.visits import VisitQuery

    profile = open_profile(data_dir)
    try:
        return profile.read(count_visit_log, VisitQuery())
    finally:
        profile.close()


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

    return export_visit_log_file(profile, VisitQuery(), out)


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
    parser.add_argument("--visits", type=int, default=100_000)
    parser.add_argument("--data-dir", type=Path, help="reuse (or create) the profile here; default: a temp folder")
    parser.add_argument("--rounds", type=int, default=1, help="run every writer this many times; report the best and the median")
    parser.add_argument("--child", choices=WRITERS, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.data_dir, args.out, args.visits)))
        return
    with tempfile.TemporaryDirectory(prefix="bench-export-") as scratch:
        data_dir = args.data_dir or Path(scratch) / "profile"
        report(data_dir, Path(scratch), args.visits, args.rounds)


def report(data_dir: Path, out_dir: Path, visits: int, rounds: int) -> None:
    print("machine:", machine())
    existing = visit_count(data_dir) if (data_dir / "chushang.db").exists() else 0
    if existing < visits:
        made = make_data(data_dir, visits - existing)
        print(f"data: made {made['visits']:,} visits (+ contacts, organizations, follow-ups) in {made['seconds']} s")
    total = visit_count(data_dir)
    print(f"data: {total:,} live visits, database {(data_dir / 'chushang.db').stat().st_size / 1e6:.0f} MB, "
          f"14 columns per row")
    runs: dict[str, list[dict]] = {w: [] for w in WRITERS}
    for round_number in range(rounds):  # round-robin, so a busy spell on the machine hits every writer
        print(f"round {round_number + 1}: load average {os.getloadavg()[0]:.2f}")
        for writer in WRITERS:
            r = run_child(writer, data_dir, out_dir, total)
            runs[writer].append(r)
            reader = f"  reader process RSS <= {r['reader_rss_mb']:5.1f} MB" if r["reader_rss_mb"] else ""
            print(f"{writer:>12}: {r['rows']:>7,} rows  {r['seconds']:7.2f} s wall  {r['cpu']:7.2f} s cpu  "
                  f"peak RSS {r['peak_rss_mb']:6.1f} MB  file {r['file_mb']:5.1f} MB{reader}")
    for name, pick in (("best", min), ("median", statistics.median)):
        summarize(name, rounds, {w: {k: pick([r[k] for r in rs]) for k in ("seconds", "cpu", "peak_rss_mb")}
                                 for w, rs in runs.items()})


def summarize(name: str, rounds: int, figures: dict[str, dict[str, float]]) -> None:
    """One line per writer, then ours over the fastest plain writer, by wall clock and by CPU (the CPU of
    our export includes its reader process: on a machine with no spare core that is what it costs)."""
    print(f"{name} of {rounds}:")
    for writer in WRITERS:
        f = figures[writer]
        print(f"{writer:>12}: {f['seconds']:7.2f} s wall  {f['cpu']:7.2f} s cpu  peak RSS {f['peak_rss_mb']:6.1f} MB")
    for measure in ("seconds", "cpu"):
        fastest = min(("xlsxwriter", "openpyxl"), key=lambda w: figures[w][measure])
        ratio = figures["ours"][measure] / figures[fastest][measure]
        print(f"  {name} {'wall' if measure == 'seconds' else 'cpu'}: fastest plain writer {fastest}; "
              f"ours / fastest = {ratio:.2f} (target <= 1.30)")


if __name__ == "__main__":
    main()
