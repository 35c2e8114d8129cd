"""Cold start of the app over 100,000 contacts and 300,000 visits, and its memory (RSS).

Each run is a fresh interpreter (QT_QPA_PLATFORM=offscreen) that does what `run_app` does and reports,
in seconds from the moment the parent spawned it:
  shown  - the main window has been shown and the event loop has turned once (first screen up);
  ready  - the profile is open (migrations checked, reference lists and settings loaded);
  idle   - every database job queued at start-up has called back (the first rows are in the table).
Then it types a search into the contact screen and waits for the rows. RSS is measured after the first
screen is loaded and after the search (current and peak). Targets: <= 1.0 s to a usable window, <= 150 MB.
Finally one more run with `python -X importtime` lists which packages the start-up spends import time on.

The profile is encrypted. The key comes as the OS keyring gives it (the parent hands it to the child on
its standard input, and the child puts it in an in-memory keyring backend, since this headless machine has
no keyring): no key derivation at start. One more set of runs takes it from the recovery passphrase
instead (Argon2id each start, as on a machine without a keyring). Side by side, interleaved with the app's
runs, a bare PySide6 window painting a windowed 100,000-row table model is the baseline (target: usable
<= 1.5 x its start).
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
BASELINE_ROWS = 100_000


# ---- the child: one start of the app ------------------------------------------------------------------
def child(data_dir: str, spawned_at: float) -> None:
    marks = {"interpreter": time.time()}
    key_hex = sys.stdin.readline().strip()
    from chushang_desk.preload import import_before_qt

    import_before_qt()  # as `chushang-desk` does before PySide6 (cli.main)
    if key_hex:
        _keyring_holding(Path(data_dir), key_hex)
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


def _keyring_holding(data_dir: Path, key_hex: str) -> None:
    """An in-memory keyring that holds the profile's key, as the OS keyring would."""
    import keyring
    from keyring.backend import KeyringBackend

    from chushang_desk.db import keys

    name = f"profile-key|{keys.read_key_file(data_dir).profile_id}"

    class Holding(KeyringBackend):
        priority = 1

        def get_password(self, service, username):
            return key_hex if (service, username) == (keys.KEYRING_SERVICE, name) else None

        def set_password(self, service, username, password):
            pass

        def delete_password(self, service, username):
            pass

    keyring.set_keyring(Holding())


def baseline_child(spawned_at: float, rows: int) -> None:
    """A bare PySide6 window: a QTableView over a windowed model of `rows` rows, shown and painted."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    marks = {"interpreter": time.time()}
    app = QApplication(sys.argv[:1])

    class Windowed(QAbstractTableModel):
        def rowCount(self, parent=QModelIndex()):
            return 0 if parent.isValid() else rows

        def columnCount(self, parent=QModelIndex()):
            return 0 if parent.isValid() else 6

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{index.row()}-{index.column()} 张伟 武汉光谷科技"
            return None

    window = QMainWindow()
    table = QTableView()
    table.setModel(Windowed())
    table.verticalHeader().setDefaultSectionSize(24)
    window.setCentralWidget(table)
    window.resize(1280, 800)
    marks["imported"] = time.time()
    window.show()
    QTimer.singleShot(0, lambda: marks.setdefault("shown", time.time()))
    _wait(app, lambda: "shown" in marks, 30)
    table.viewport().repaint()
    marks["painted"] = time.time()
    print("RESULT " + json.dumps({"times": {k: v - spawned_at for k, v in marks.items()}, "memory": {"rss": _rss()}}),
          flush=True)


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
def one_start(data_dir: Path | None, extra_args: tuple[str, ...] = (), key_hex: str = "") -> tuple[dict, str]:
    """One app start over data_dir (key_hex: the key as the keyring gives it; "" for the passphrase), or
    the baseline window when data_dir is None."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    spawned_at = time.time()
    what = ["--baseline", str(BASELINE_ROWS)] if data_dir is None else ["--child", str(data_dir)]
    done = subprocess.run([sys.executable, *extra_args, __file__, what[0], what[1], repr(spawned_at)],
                          input=key_hex + "\n", capture_output=True, text=True, env=env, timeout=300)
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
    if len(sys.argv) > 1 and sys.argv[1] == "--baseline":
        baseline_child(float(sys.argv[3]), int(sys.argv[2]))
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
    key_hex = _profile_key(data_dir).hex()
    first, _ = one_start(data_dir, key_hex=key_hex)  # page cache and .pyc files warm after this one
    print("   first run (not counted): " + _line(first))
    one_start(None)
    runs, baselines = [], []
    for _ in range(args.runs):  # interleaved: the app and the baseline see the same machine
        runs.append(one_start(data_dir, key_hex=key_hex)[0])
        baselines.append(one_start(None)[0])
    for i, run in enumerate(runs, 1):
        print(f"   run {i}: " + _line(run))
    _summary(runs)
    _baseline_summary(runs, baselines)
    derived = [one_start(data_dir)[0] for _ in range(max(2, args.runs // 2))]
    usable = [max(r["times"]["shown"], r["times"]["ready"]) for r in derived]
    print(f"   without a keyring (key from the recovery passphrase, Argon2id "
          f"{os.environ.get('CHUSHANG_ARGON2') or 'production'} cost, each start): usable median "
          f"{statistics.median(usable):.3f} s over {len(derived)} runs")
    _, stderr = one_start(data_dir, ("-X", "importtime"), key_hex=key_hex)
    costs = import_costs(stderr)
    print(f"   import time by package (self time summed, one run with -X importtime, total "
          f"{sum(v for _k, v in import_costs(stderr, 10_000)):.0f} ms):")
    print("     " + ", ".join(f"{name} {ms:.0f} ms" for name, ms in costs))


def _profile_key(data_dir: Path) -> bytes:
    from chushang_desk.db import keys

    return keys.unwrap_key(keys.read_key_file(data_dir), os.environ[keys.PASSPHRASE_ENV])


def _baseline_summary(runs: list[dict], baselines: list[dict]) -> None:
    painted = [b["times"]["painted"] for b in baselines]
    usable = [max(r["times"]["shown"], r["times"]["ready"]) for r in runs]
    print(f"   baseline: bare PySide6 window, windowed {BASELINE_ROWS:,}-row model, painted: median "
          f"{statistics.median(painted):.3f} s  max {max(painted):.3f} s; RSS median "
          f"{statistics.median(b['memory']['rss']['rss_mb'] for b in baselines):.0f} MB")
    print(f"   usable / baseline: {statistics.median(usable) / statistics.median(painted):.2f} x (target <= 1.5 x)")


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
