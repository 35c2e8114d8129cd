"""Long-poll for news: `GET /v1/sync/watch?cursor=N&wait=S` answers as soon as the server's head passes
the device's cursor, or after S seconds with nothing, so an edit at one station shows up at the others
within a moment instead of at their next timed sync.

One poll of the counter row per process serves every waiting device (a cheap primary-key read every
POLL_SECONDS while anyone waits, none otherwise); several processes on one PostgreSQL each poll on their
own, so no process needs to hear of another's pushes.
"""
from __future__ import annotations

import asyncio
import weakref

from starlette.concurrency import run_in_threadpool

from .db import read_session
from .records import read_head

POLL_SECONDS = 0.1
MAX_WAIT_SECONDS = 30.0


_WATCHES: weakref.WeakSet[HeadWatch] = weakref.WeakSet()


def end_waits() -> None:
    """The server is stopping: every waiting long-poll answers now with the head it has, so uvicorn's
    graceful shutdown finds no request still open (else it cancels them after its timeout and logs an
    ERROR on every Ctrl+C)."""
    for watch in list(_WATCHES):
        watch.stopping = True
        watch._moved.set()


class HeadWatch:
    def __init__(self, engine):
        self.engine = engine
        self.head: int | None = None
        self.waiters = 0
        self.stopping = False
        self._moved = asyncio.Event()
        self._poller: asyncio.Task | None = None
        _WATCHES.add(self)

    async def wait_past(self, cursor: int, wait: float) -> int:
        """The head once it is past `cursor`, or the head as it is when `wait` seconds are up."""
        wait = max(0.0, min(wait, MAX_WAIT_SECONDS))
        loop = asyncio.get_running_loop()
        deadline = loop.time() + wait
        self.waiters += 1
        try:
            head = await self._read_head()
            while head <= cursor and loop.time() < deadline and not self.stopping:
                self._ensure_poller()
                moved = self._moved
                try:
                    await asyncio.wait_for(moved.wait(), deadline - loop.time())
                except asyncio.TimeoutError:
                    pass
                head = self.head if self.head is not None else head
            return head
        finally:
            self.waiters -= 1

    async def _read_head(self) -> int:
        def read() -> int:
            with read_session(self.engine) as session:
                return read_head(session)
        return await run_in_threadpool(read)

    def _ensure_poller(self) -> None:
        if self._poller is None or self._poller.done():
            self._poller = asyncio.get_running_loop().create_task(self._poll())

    async def _poll(self) -> None:
        while self.waiters:
            head = await self._read_head()
            if head != self.head:
                self.head = head
                moved, self._moved = self._moved, asyncio.Event()
                moved.set()
            await asyncio.sleep(POLL_SECONDS)
