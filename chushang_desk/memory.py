"""Work that builds hundreds of thousands of small objects at once (a directory's identity index for an
import) pauses Python's cycle collector: each threshold crossed would walk everything built so far (at
100,000 contacts, half the index's time). Nothing made there is a cycle; reference counting frees it.
In the app the collector is off anyway while database jobs run (ui/main_thread_gc.py)."""
from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def collector_paused():
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
