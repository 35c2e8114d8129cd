"""The contacts screen at full size: opening the list, search keystroke to rows shown, sorting, memory.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_contacts_ui.py [--contacts N --visits M | --data-dir DIR]

Times are taken in the real main window (offscreen): from the moment the screen starts its query to
the end of the first paint of the table that shows rows of the new result (a Paint event of the
table's viewport, closed by a zero-timer that runs after it). Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BIG, bench_profile, db_size_mb, fmt_ms, header, profile_summary, quantiles  # noqa: E402


def rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


class PaintClock:
    """Notes when the table has painted rows of a result newer than the one it was armed with."""

    def __init__(self, page):
        from PySide6.QtCore import QEvent, QObject, QTimer

        self.page, self.done_at, self.armed_generation, self.waiting = page, None, None, False
        clock = self

        class Filter(QObject):
            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.Paint and clock.waiting and clock._shows_new_rows():
                    clock.waiting = False
                    QTimer.singleShot(0, clock._painted)  # runs once this paint has finished
                return False

        self._filter = Filter()
        page.table.viewport().installEventFilter(self._filter)

    def arm(self) -> None:
        self.armed_generation, self.done_at, self.waiting = self.page.model.generation, None, True

    def _shows_new_rows(self) -> bool:
        from chushang_desk.ui.contacts.table_model import PENDING

        model = self.page.model
        if model.generation == self.armed_generation:
            return False
        return model.rowCount() == 0 or model.data(model.index(0, 0)) != PENDING

    def _painted(self) -> None:
        self.done_at = time.perf_counter()


def spin_until(app, condition, timeout_s: float = 30.0) -> bool:
    from PySide6.QtCore import QEventLoop

    deadline = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > deadline:
            return False
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.0002)
    return True


def settle(app, window, seconds: float = 0.2) -> None:
    spin_until(app, lambda: not window.ctx.runner.busy)
    end = time.perf_counter() + seconds
    spin_until(app, lambda: time.perf_counter() > end)


def sample_queries(profile, count: int, seed: int = 7) -> list[tuple[str, str]]:
    """What officers type, drawn from the data: the first letter, surname, full name, pinyin, initials,
    company, phone, and the harder shapes of issue 10 (traditional characters, a phone with dashes, an
    e-mail, a surname with the given name's initials)."""
    import opencc

    from chushang_desk.db.search_index import name_syllables
    from chushang_desk.services.contacts import ContactQuery, contact_rows, find_contact_ids

    rng = random.Random(seed)
    to_traditional = opencc.OpenCC("s2t")
    ids = profile.read(find_contact_ids, ContactQuery())
    rows = profile.read(contact_rows, rng.sample(ids, count))
    emails = dict(profile.read(lambda s: s.connection().exec_driver_sql(
        "SELECT id, email FROM contact WHERE id IN (%s)" % ",".join("?" * len(rows)), tuple(r.id for r in rows)).all()))
    queries = []
    for row in rows:
        syllables = name_syllables(row.name)
        digits = "".join(ch for ch in (row.phones[0] if row.phones else "") if ch.isdigit())
        mobile = digits[2:] if digits.startswith("861") and len(digits) == 13 else ""
        queries += [("first letter", syllables[0][:1]), ("surname", row.name[:1]), ("full name", row.name),
                    ("pinyin", "".join(syllables)), ("initials", "".join(s[0] for s in syllables)),
                    ("company", row.company[:2]), ("phone last 4", digits[-4:]),
                    ("phone 7 digits", digits[2:9] if digits.startswith("86") else digits[:7]),
                    ("traditional", to_traditional.convert(row.name)),
                    ("phone dashed", f"{mobile[:3]}-{mobile[3:7]}-{mobile[7:]}" if mobile else ""),
                    ("email", emails.get(row.id) or ""),
                    ("char + initials", f"{row.name[0]} {''.join(s[0] for s in syllables[1:])}" if len(syllables) > 1 else "")]
    return [(kind, q) for kind, q in queries if q]


def press_last_key(qtbot_like, widget, text: str) -> None:
    """The officer's keystroke: Latin as a key press, Chinese as an input-method commit."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    ch = text[-1]
    if ch.isascii():
        QTest.keyClick(widget, ch)
    else:
        event = QInputMethodEvent()
        event.setCommitString(ch)
        QApplication.sendEvent(widget, event)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=BIG[0])
    parser.add_argument("--visits", type=int, default=BIG[1])
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--queries", type=int, default=30, help="contacts to draw search queries from (12 each)")
    args = parser.parse_args()

    header("contacts screen (bench/bench_contacts_ui.py)")
    data_dir = args.data_dir or bench_profile(args.contacts, args.visits)
    print(f"   data: {profile_summary(data_dir) or data_dir}; database {db_size_mb(data_dir):,.0f} MB")

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    rss_before = rss_mb()
    from chushang_desk.ui.app import build_main_window

    window = build_main_window(data_dir, "zh_CN")
    page = window.show_page("ContactsPage")
    clock = PaintClock(page)
    started = {}
    original_reload = page.reload

    def reload_timed():
        started["t"] = time.perf_counter()
        clock.arm()
        original_reload()

    page.reload = reload_timed
    window.show()
    spin_until(app, lambda: window.ctx.profile is not None and clock.done_at is not None, 120)
    first_open = (clock.done_at - started["t"]) * 1000
    spin_until(app, lambda: page.model.ids() is not None)
    all_ids = (time.perf_counter() - started["t"]) * 1000
    total = page.model.rowCount()
    settle(app, window)
    rss_open = rss_mb()
    print(f"   contacts in the list: {total:,}")
    print(f"   open the contact list, first time, query start to first paint with rows: {first_open:7.1f} ms"
          f"  (all {total:,} ids in the model after {all_ids:.1f} ms)")

    # The list again after the directory changed (what a save or a sync does to the open screen;
    # switching back to the screen after a change does the same). Other screens stay unopened, so
    # their queries do not share the database thread with this one.
    samples = []
    for _ in range(15):
        page._on_data_changed(frozenset({"contact"}))
        spin_until(app, lambda: clock.done_at is not None)
        samples.append((clock.done_at - started["t"]) * 1000)
        settle(app, window, 0.1)
    print(f"   reload the open contact list after a change (x{len(samples)}): {fmt_ms(quantiles(samples))}")

    # Search: one keystroke (the last character of the query) to the first paint of its rows.
    queries = sample_queries(window.ctx.profile, args.queries)
    by_kind: dict[str, list[float]] = {}
    query_only: list[float] = []
    search = page.filters.search
    from chushang_desk.services.contacts import contact_head

    for kind, text in queries:
        search.setText(text[:-1])
        page.run_query()
        settle(app, window, 0.15)  # past the typing interval, so the next key searches at once
        clock.arm()
        t0 = time.perf_counter()
        press_last_key(None, search, text)
        spin_until(app, lambda: clock.done_at is not None)
        by_kind.setdefault(kind, []).append((clock.done_at - t0) * 1000)
        q0 = time.perf_counter()
        window.ctx.profile.read(contact_head, page.filters.query())  # as the screen asks
        query_only.append((time.perf_counter() - q0) * 1000)
    everything = [v for values in by_kind.values() for v in values]
    print(f"   search, keystroke to rows painted (x{len(everything)}): {fmt_ms(quantiles(everything))}")
    for kind, values in by_kind.items():
        print(f"      {kind:15s} (x{len(values):3d}): {fmt_ms(quantiles(values))}")
    print(f"   search, query alone (contact_head as the screen calls it: ids + first 60 rows, x{len(query_only)}): "
          f"{fmt_ms(quantiles(query_only))}")

    # Sorting by a header click over the whole directory.
    search.clear()
    page.filters.clear()
    settle(app, window)
    spin_until(app, lambda: page.model.ids() is not None)
    sorts = []
    for column in (3, 3, 6, 0, 0):
        clock.arm()
        t0 = time.perf_counter()
        page.table.horizontalHeader().sectionClicked.emit(column)
        spin_until(app, lambda: clock.done_at is not None)
        sorts.append((clock.done_at - t0) * 1000)
        settle(app, window)
    print(f"   sort by a header click, whole directory (x{len(sorts)}): {fmt_ms(quantiles(sorts))}")

    # Scrolling far: a page not fetched yet fills in.
    from chushang_desk.ui.contacts.table_model import PENDING

    jumps = []
    for fraction in (0.5, 0.9, 0.25, 1.0):
        row = min(total - 1, int(total * fraction))
        index = page.model.index(row, 0)
        t0 = time.perf_counter()
        page.table.scrollTo(index)
        spin_until(app, lambda: page.model.data(index) != PENDING)
        app.processEvents()
        jumps.append((time.perf_counter() - t0) * 1000)
    print(f"   jump far down the list to rows shown (x{len(jumps)}): {fmt_ms(quantiles(jumps))}")
    settle(app, window)
    print(f"   memory (RSS): {rss_before:.0f} MB before the window, {rss_open:.0f} MB with the list open, "
          f"{rss_mb():.0f} MB at the end")
    window.close()


if __name__ == "__main__":
    main()
