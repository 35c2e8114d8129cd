"""Cycles are collected on the GUI thread only, however much a worker allocates (main_thread_gc.py)."""
from __future__ import annotations

import gc
import threading

from chushang_desk.ui.main_thread_gc import collect_due
from chushang_desk.ui.tasks import TaskRunner


class _Cycle:
    """Records the thread that frees it; refers to itself, so only the cycle collector frees it."""

    def __init__(self, freed_on: list[str]):
        self.me = self
        self.freed_on = freed_on

    def __del__(self):
        self.freed_on.append(threading.current_thread().name)


def _allocate_cycles(count: int) -> int:
    """Enough cycles of containers to pass generation 0's threshold many times over."""
    for _ in range(count):
        pair: list = []
        pair.append([pair])
    return count


def test_a_worker_that_allocates_never_runs_the_collector(qtbot):
    runner = TaskRunner()
    try:
        assert not gc.isenabled()
        freed_on: list[str] = []
        _Cycle(freed_on)  # unreachable at once, freed by whoever collects next
        done = []
        runner.run(lambda: _allocate_cycles(200_000), on_done=done.append)
        qtbot.waitUntil(lambda: bool(done), timeout=20_000)
        assert freed_on in ([], [threading.main_thread().name])  # not yet, or by the GUI's timer
        qtbot.waitUntil(lambda: bool(freed_on), timeout=5_000)  # the timer comes round
        assert freed_on == [threading.main_thread().name]
    finally:
        runner.shutdown()


def test_collect_due_collects_only_what_passed_its_threshold():
    gc.collect()
    freed_on: list[str] = []
    _Cycle(freed_on)
    assert collect_due(threshold=(10_000_000, 10, 10)) == 0 and freed_on == []  # generation 0 not due
    assert collect_due(threshold=(0, 10, 10)) > 0 and freed_on == [threading.main_thread().name]
