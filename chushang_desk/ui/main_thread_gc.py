"""Python's cycle collector runs in whichever thread happens to allocate when a threshold is crossed. When
that is a database worker and the cycle holds a Qt wrapper that owns its object (a closed dialog, a model,
a timer), the object is destroyed off the GUI thread while the GUI may still use it: a crash, rare and
never in the same place. So while the app runs, automatic collection is off and a timer on the GUI thread
collects, generation by generation, as the automatic collector would have (the pattern of Fabio
Zadrozny's "Should the Python garbage collector be disabled in a Qt app?", also used by Anki and
qutebrowser). Reference counting still frees everything that is not in a cycle, at once.
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500
_threshold: tuple[int, int, int] = gc.get_threshold()  # read before anyone disables collection


def collect_due(threshold: tuple[int, ...] | None = None) -> int:
    """Collect the generations whose counts passed their thresholds (none if nothing is due); the objects
    found unreachable. Call it on the GUI thread only."""
    first, second, third = threshold or _threshold
    counts = gc.get_count()
    found = 0
    if counts[0] > first:
        found += gc.collect(0)
        if counts[1] > second:
            found += gc.collect(1)
            if counts[2] > third:
                found += gc.collect(2)
    return found


class MainThreadCollector(QObject):
    """Owned by the application; one per process (install_main_thread_gc)."""

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self.setObjectName("mainThreadCollector")
        gc.collect()  # what piled up before the workers started, while it is still safe
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(collect_due)
        self._timer.start(interval_ms)

    def stop(self) -> None:
        """Collection goes back to Python (at the end of a run, or a test)."""
        self._timer.stop()
        gc.enable()
        gc.collect()


def install_main_thread_gc(app: QObject) -> MainThreadCollector:
    existing = app.findChild(MainThreadCollector, "mainThreadCollector")
    return existing if existing is not None else MainThreadCollector(app)
