"""Cold start of the app over 100,000 contacts and 300,000 visits, and its memory (RSS).

Each run is a fresh interpreter (QT_QPA_PLATFORM=offscreen) that does what `run_app` does and reports,
in seconds from the moment the parent spawned it:
  shown  - the main window has been shown and the event loop has turned once (first screen up);
  ready  - the profile is open (migrations checked, reference lists and settings loaded);
  idle   - every database job queued at start-up has called back (the first rows are in the table).
Then it types a search into the contact screen and waits for the rows. RSS is measured after the first
screen is loaded and after the search (current and peak). Targets: <= 1.0 s to a usable window, <= 150 MB.
Finally one more run with `python -X importtime` lists which packages the start-up spends import time on.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

SEARCH_TEXT = "zhang"


# ---- the child: one start of the app ------------------------------------------------------------------
def child(data_dir: str, spawned_at: float) -> None:
    marks = {"interpreter": time.time()}
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    app.setApplicationName("Chushang Desk")
    from chushang_desk.ui.app import build_main_window

    marks["imported"] = time.time()
    memory = {"imported": _rss()}

    def mark(name: str) -> None:
        if name not in marks:
            marks[name], memory[name] = time.time(), _rss()

    window = build_main_window(Path(data_dir), "zh_CN")
    window.ctx.ready.connect(lambda: mark("ready"))
    window.show()
    QTimer.singleShot(0, lambda: mark("shown"))
    _wait(app, lambda: "ready" in marks and "shown" in marks and not window.ctx.runner.busy, 60)
    marks["idle"] = time.time()
    memory["first_screen"] = _rss()
    marks["search_ms"] = _search(app, window) * 1000
    memory["after_search"] = _rss()
    result = {k: (v - spawned_at if k not in ("search_ms",) else v) for k, v in marks.items()}
    print("RESULT " + json.dumps({"times": result, "memory": memory}), flush=True)
    window.close()


def _wait(app, condition, timeout_s: float) -> None:
    deadline = time.time() + timeout_s
    while not condition():
        if time.time() > deadline:
            raise TimeoutError("the app did not get there in time")
        app.processEvents()
        time.sleep(0.002)


def _search(app, window) -> float:
    """Type into the contact search box (or, if the screen has none yet, run the same services)."""
    from PySide6.QtWidgets import QLineEdit

    box = window.findChild(QLineEdit, "contactSearch")
    started = time.perf_counter()
    if box is None:
        from chushang_desk.services.contacts import ContactQuery, contact_rows, find_contact_ids

        got = []
        window.ctx.read(lambda s: contact_rows(s, find_contact_ids(s, ContactQuery(text=SEARCH_TEXT))[:100]),
                        on_done=got.append)
        _wait(app, lambda: bool(got), 30)
    else:
        from PySide6.QtTest import QTest

        from PySide6.QtWidgets import QWidget

        page = window.findChild(QWidget, "contactsPage")
        QTest.keyClicks(box, SEARCH_TEXT)
        # The page throttles typing (the first key searches at once, the rest when its interval ends):
        # wait until a query for the whole text has run and every job has answered.
        _wait(app, lambda: page.shown_query is not None and page.shown_query.text == SEARCH_TEXT
              and not window.ctx.runner.busy, 30)
    return time.perf_counter() - started


def _rss() -> dict[str, float]:
    import resource

    with open("/proc/self/statm") as f:
        rss_mb = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    # ru_maxrss is updated lazily by the kernel and can trail the current figure by a page or two.
    return {"rss_mb": rss_mb, "peak_mb": max(rss_mb, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


# ---- the parent: repeat, summarize ---------------------------------------------------------------------
def one_start(data_dir: Path, extra_args: tuple[str, ...] = ()) -> tuple[dict, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    spawned_at = time.time()
    done = subprocess.run([sys.executable, *extra_args, __file__, "--child", str(data_dir), repr(spawned_at)],
                          capture_output=True, text=True, env=env, timeout=300)
    lines = [l for l in done.stdout.splitlines() if l.startswith("RESULT ")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"start-up run failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(lines[-1][len("RESULT "):]), done.stderr


def import_costs(stderr: str, top: int = 14) -> list[tuple[str, float]]:
    """Self import time summed per top-level package, from `-X importtime` output (milliseconds)."""
    totals: dict[str, float] = {}
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, _cumulative, name = line[len("import time:"):].split("|")
        root = name.strip().split(".")[0]
        totals[root] = totals.get(root, 0.0) + int(self_us) / 1000
    return sorted(totals.items(), key=lambda kv: -kv[1])[:top]


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], float(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__)
    from common import BIG, bench_profile, db_size_mb, header, profile_summary

    parser.add_argument("--contacts", type=int, default=BIG[0])
    parser.add_argument("--visits", type=int, default=BIG[1])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    header(f"cold start: {args.contacts:,} contacts, {args.visits:,} visits, offscreen")
    data_dir = bench_profile(args.contacts, args.visits)
    print(f"   profile: {profile_summary(data_dir)}; database {db_size_mb(data_dir):.0f} MB")
    first, _ = one_start(data_dir)  # page cache and .pyc files warm after this one
    print(f"   first run (not counted): " + _line(first))
    runs = [one_start(data_dir)[0] for _ in range(args.runs)]
    for i, run in enumerate(runs, 1):
        print(f"   run {i}: " + _line(run))
    _summary(runs)
    _, stderr = one_start(data_dir, ("-X", "importtime"))
    costs = import_costs(stderr)
    print(f"   import time by package (self time summed, one run with -X importtime, total "
          f"{sum(v for _k, v in import_costs(stderr, 10_000)):.0f} ms):")
    print("     " + ", ".join(f"{name} {ms:.0f} ms" for name, ms in costs))


def _line(run: dict) -> str:
    t, m = run["times"], run["memory"]
    return (f"interpreter {t['interpreter']:.3f} s, imports done {t['imported']:.3f} s, shown {t['shown']:.3f} s, "
            f"ready {t['ready']:.3f} s, idle {t['idle']:.3f} s; typed search answered in {t['search_ms']:.0f} ms; "
            f"RSS imported {m['imported']['rss_mb']:.0f} MB, shown {m['shown']['rss_mb']:.0f}, "
            f"ready {m['ready']['rss_mb']:.0f}, first screen {m['first_screen']['rss_mb']:.0f} "
            f"(peak {m['first_screen']['peak_mb']:.0f}), after search {m['after_search']['rss_mb']:.0f} "
            f"(peak {m['after_search']['peak_mb']:.0f})")


def _summary(runs: list[dict]) -> None:
    for key in ("shown", "ready", "idle"):
        values = [r["times"][key] for r in runs]
        print(f"   {key:6s} median {statistics.median(values):.3f} s  max {max(values):.3f} s")
    usable = [max(r["times"]["shown"], r["times"]["ready"]) for r in runs]
    print(f"   usable (shown and ready) median {statistics.median(usable):.3f} s  max {max(usable):.3f} s "
          f"(target <= 1.0 s)")
    for stage in ("first_screen", "after_search"):
        peaks = [r["memory"][stage]["peak_mb"] for r in runs]
        print(f"   peak RSS {stage:12s} median {statistics.median(peaks):.0f} MB  max {max(peaks):.0f} MB "
              f"(target <= 150 MB)")


if __name__ == "__main__":
    main()
