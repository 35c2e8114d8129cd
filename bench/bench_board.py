"""The projects board with 500 cards: the board query, the columns' models built from its answer, and the
board painted to an image, beside a bare QListView of 500 plain text rows painted the same way.

    QT_QPA_PLATFORM=offscreen CHUSHANG_ARGON2=fast .venv/bin/python bench/bench_board.py [--projects 500]

Repaints draw the cards' texts from layouts kept by the delegate (QStaticText); a board's first paint
lays them out, and is measured apart. Two sizes are painted: the window's (what an officer sees: the
first cards of each column) and tall
enough for every card to be painted at once (the worst case). The baseline list is painted at the same
two sizes, with as many rows. Prints figures (p50/p95/max of the repeats) and ratios; asserts nothing.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CHUSHANG_ARGON2", "fast")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import fmt_ms, header, quantiles  # noqa: E402

STAGES = ("recommended", "tracking", "signed", "landed", "dropped")
WEIGHTS = (30, 25, 20, 15, 10)
WINDOW = (1100, 640)


def make_projects(profile, count: int, seed: int = 1) -> None:
    from chushang_desk.services.organizations import save_organization
    from chushang_desk.services.projects import save_project

    rng = random.Random(seed)
    today = date.today()

    def write(session):
        investors = [save_organization(session, {"name": f"投资企业{i:03d}有限公司", "kind": "company"})
                     for i in range(60)]
        for i in range(count):
            stage = rng.choices(STAGES, WEIGHTS)[0]
            on = today - timedelta(days=rng.randint(0, 400))
            data = {"name": f"光谷产业项目{i:04d}号", "organization_id": rng.choice(investors), "stage": stage,
                    f"{stage}_on": on, "planned_amount": str(rng.randint(1, 900) * 1000), "station": "dwq"}
            if stage in ("tracking", "signed", "landed"):
                data["recommended_on"] = on - timedelta(days=30)
            if stage == "dropped":
                data["dropped_reason"] = "投资方资金链紧张"
            save_project(session, data)

    profile.write(write)


def paint_ms(widget, size: tuple[int, int], repeats: int) -> dict[str, float]:
    """Render the widget at this size into an image, `repeats` times (the first, unmeasured, lays it out)."""
    from PySide6.QtGui import QImage

    widget.resize(*size)
    image = QImage(size[0], size[1], QImage.Format.Format_ARGB32_Premultiplied)
    widget.render(image)
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        widget.render(image)
        times.append((time.perf_counter() - started) * 1000)
    return quantiles(times)


def rebuilt_ms(board, rows, size: tuple[int, int], repeats: int) -> dict[str, float]:
    """From the service's answer to the board painted: the models reset, the columns laid out, painted."""
    from PySide6.QtGui import QImage

    board.resize(*size)
    image = QImage(size[0], size[1], QImage.Format.Format_ARGB32_Premultiplied)
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        board.set_board(rows)
        board.render(image)
        times.append((time.perf_counter() - started) * 1000)
    return quantiles(times)


def cold_ms(rows, size: tuple[int, int], repeats: int) -> dict[str, float]:
    """A board built anew each time (no text laid out yet): from set_board to the end of its first paint."""
    from PySide6.QtGui import QImage

    from chushang_desk.ui.projects.board import ProjectBoard

    image = QImage(size[0], size[1], QImage.Format.Format_ARGB32_Premultiplied)
    times = []
    for _ in range(repeats):
        board = ProjectBoard()
        board.resize(*size)
        started = time.perf_counter()
        board.set_board(rows)
        board.render(image)
        times.append((time.perf_counter() - started) * 1000)
        board.deleteLater()
    return quantiles(times)


def timed_ms(fn, repeats: int) -> dict[str, float]:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return quantiles(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QApplication, QListView

    from chushang_desk.services.profile import open_profile
    from chushang_desk.services.projects import project_board
    from chushang_desk.ui.projects.board import CARD_HEIGHT, ProjectBoard

    app = QApplication.instance() or QApplication(sys.argv)
    header(f"projects board: {args.projects} cards, {args.repeats} repeats, window {WINDOW[0]}x{WINDOW[1]}")
    with tempfile.TemporaryDirectory() as folder:
        profile = open_profile(Path(folder) / "profile")
        try:
            make_projects(profile, args.projects)
            query = timed_ms(lambda: profile.read(project_board), args.repeats)
            board_rows = profile.read(project_board)
        finally:
            profile.close()
    per_stage = {stage: len(rows) for stage, rows in board_rows.items()}
    print(f"   cards per stage: {per_stage}")

    board = ProjectBoard()
    build = timed_ms(lambda: (board.set_board(board_rows), app.processEvents()), args.repeats)
    tallest = max(per_stage.values()) * CARD_HEIGHT + 80
    board_window = paint_ms(board, WINDOW, args.repeats)
    board_all = paint_ms(board, (WINDOW[0], tallest), args.repeats)
    rebuilt_window = rebuilt_ms(board, board_rows, WINDOW, args.repeats)
    rebuilt_all = rebuilt_ms(board, board_rows, (WINDOW[0], tallest), args.repeats)
    cold_window = cold_ms(board_rows, WINDOW, args.repeats)
    cold_all = cold_ms(board_rows, (WINDOW[0], tallest), max(args.repeats // 2, 3))

    baseline = QListView()
    texts = [row.name for rows in board_rows.values() for row in rows]
    baseline_build = timed_ms(lambda: (baseline.setModel(QStringListModel(texts, baseline)), app.processEvents()),
                              args.repeats)
    row_height = baseline.sizeHintForRow(0)
    list_window = paint_ms(baseline, WINDOW, args.repeats)
    list_all = paint_ms(baseline, (WINDOW[0], len(texts) * row_height + 10), args.repeats)

    print(f"   board query (project_board, one profile read) : {fmt_ms(query)}")
    print(f"   models built from its answer (set_board)       : {fmt_ms(build)}")
    print(f"   baseline: QStringListModel of {len(texts)} rows set    : {fmt_ms(baseline_build)}")
    print(f"   board painted, window size                     : {fmt_ms(board_window)}")
    print(f"   baseline list painted, window size             : {fmt_ms(list_window)}"
          f"   ratio board/list p50 {board_window['p50'] / list_window['p50']:.1f}x")
    print(f"   board painted, every card ({WINDOW[0]}x{tallest})       : {fmt_ms(board_all)}")
    print(f"   baseline list, every row ({WINDOW[0]}x{len(texts) * row_height + 10})       : {fmt_ms(list_all)}"
          f"   ratio board/list p50 {board_all['p50'] / list_all['p50']:.1f}x")
    print(f"   answer to painted board (set_board + layout + paint), window size : {fmt_ms(rebuilt_window)}")
    print(f"   answer to painted board, every card                             : {fmt_ms(rebuilt_all)}"
          "   (target ≤ 150 ms)")
    print("   the same on a board never painted before (no card's text laid out yet, as on opening the screen):")
    print(f"   first paint, window size                                        : {fmt_ms(cold_window)}")
    print(f"   first paint, every card                                         : {fmt_ms(cold_all)}")


if __name__ == "__main__":
    main()
