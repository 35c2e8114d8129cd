"""The visit log read in a child process, so that reading the database and writing the workbook overlap.

At 100,000 visits the export spends ~2 s of CPU in SQLite and in building the rows' text, and ~5.5 s in
XlsxWriter. In one process they add up; a reading thread does not help, because sqlite3 takes the GIL
for every row. A child process reads on the other core while this one writes, and the export takes
about as long as the writing alone (bench/bench_export.py).

The child is started with the 'spawn' method (the same on Linux, macOS and Windows, and safe from the
GUI's worker threads, where fork is not), opens its own read connection to the profile's database
file (WAL lets it read while officers keep editing) with the database's key, which reaches it inside the
pickled process arguments over spawn's pipe (never in its command line or environment), and reads in one transaction: the count and every
batch see one snapshot. It sends plain tuples through a pipe; a pipe holds little, so the child waits
while the writer catches up and memory stays constant. Leaving the `with` block for any reason ends
the child: nothing it holds needs cleaning up (it only reads). A packaged app must call
`multiprocessing.freeze_support()` first thing (chushang_desk/__main__.py does).
"""
from __future__ import annotations

import multiprocessing
import pickle
import traceback
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Iterator

from ..services.visits import VisitQuery
from .visit_log_cells import SheetBatch, sheet_batch, sheet_row  # noqa: F401  (sheet_row: made here once)

STOP_WAIT_SECONDS = 5.0  # how long an ended-early child gets to exit before it is killed


class VisitLogReadError(RuntimeError):
    """The reader process failed or vanished; the message says how, the cause holds its traceback."""


class _ReaderTraceback(Exception):
    """The child's traceback, shown as the cause of the error re-raised here (as concurrent.futures does)."""

    def __str__(self) -> str:
        return f"\n\nIn the visit-log reader process:\n{self.args[0]}"


@dataclass
class _Heading:
    total: int
    station_name: str


class VisitLogReader:
    """`with VisitLogReader(db_path, query, key=profile.key) as log:` then `log.total`, `log.station_name`,
    `log.batches()`."""

    def __init__(self, db_path: Path | str, query: VisitQuery, batch_size: int | None = None, *,
                 key: bytes | None):
        self.db_path, self.query, self.batch_size, self._key = str(db_path), query, batch_size, key
        self.process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None
        self._finished = False  # the child sent the whole log and is exiting on its own
        self.exitcode: int | None = None  # the child's, once stopped: 0 when it finished, -15 when ended early
        self.total, self.station_name = 0, ""

    def __enter__(self) -> "VisitLogReader":
        try:
            self._start()
            heading = self._receive()
        except BaseException:
            self.stop()
            raise
        self.total, self.station_name = heading.total, heading.station_name
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        self._conn, child_end = context.Pipe(duplex=False)
        process = context.Process(
            target=read_visit_log_for_parent, args=(child_end, self.db_path, self._key, self.query, self.batch_size),
            name="chushang-visit-log-reader", daemon=True)
        try:
            process.start()
        finally:
            child_end.close()  # ours closed, so the child's exit is seen here as the end of the pipe
        self.process = process

    def batches(self) -> Iterator[SheetBatch]:
        """Batches of rows as visit_log_cells.sheet_batch makes them, newest first."""
        while (batch := self._receive()) is not None:
            yield batch
        self._finished = True

    def _receive(self):
        try:
            kind, payload = self._conn.recv()
        except EOFError:
            raise VisitLogReadError(self._vanished()) from None
        if kind == "failed":
            raise _reraised(*payload)
        return payload

    def _vanished(self) -> str:
        self.process.join(STOP_WAIT_SECONDS)
        return (f"The process reading the visit log ended unexpectedly (exit code {self.process.exitcode}); "
                "no workbook was written.")

    def stop(self) -> None:
        """End the child (let it finish if it sent everything; else terminate, then kill) and reap it, so
        no reader outlives its export; then release the pipe."""
        if self.process is not None:
            if self._finished:
                self.process.join(STOP_WAIT_SECONDS)
            if self.process.is_alive():
                self.process.terminate()
                self.process.join(STOP_WAIT_SECONDS)
            if self.process.is_alive():
                self.process.kill()
            self.process.join()
            self.exitcode = self.process.exitcode
            self.process.close()
            self.process = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def _reraised(error: BaseException | None, description: str, details: str) -> BaseException:
    """The child's own exception when it could be sent (an OSError stays an OSError for the caller and the
    UI's messages), else a VisitLogReadError naming it; the child's traceback as its cause."""
    raised = error if error is not None else VisitLogReadError(
        f"Reading the visit log failed in the reader process: {description}")
    raised.__cause__ = _ReaderTraceback(details)
    return raised


# --- in the child ---------------------------------------------------------------------------------------


def read_visit_log_for_parent(conn: Connection, db_path: str, key: bytes | None, query: VisitQuery,
                              batch_size: int | None) -> None:
    """The child's whole life: read the log in one snapshot, send it, report any error, then exit."""
    try:
        _send_visit_log(conn, db_path, key, query, batch_size)
    except BaseException as exc:  # the parent must learn why, whatever it was
        _send_failure(conn, exc)
    finally:
        conn.close()


def _send_visit_log(conn: Connection, db_path: str, key: bytes | None, query: VisitQuery,
                    batch_size: int | None) -> None:
    from ..db.engine import make_engine
    from ..db.session import SessionFactory
    from ..services.reference import name_lookup
    from ..services.visit_log import BATCH_SIZE, count_visit_log, iter_visit_log

    engine = make_engine(db_path, key)
    try:
        with SessionFactory(engine).read() as session:
            station = name_lookup(session, "station").get(query.station, query.station) if query.station else ""
            conn.send(("heading", _Heading(count_visit_log(session, query), station)))
            for batch in iter_visit_log(session, query, batch_size or BATCH_SIZE):
                conn.send(("rows", sheet_batch(batch)))
        conn.send(("done", None))
    finally:
        engine.dispose()


def _send_failure(conn: Connection, exc: BaseException) -> None:
    description = f"{type(exc).__name__}: {exc}"
    details = "".join(traceback.format_exception(exc))
    try:
        conn.send(("failed", (_sendable(exc), description, details)))
    except OSError:
        pass  # the parent has gone (or stopped listening): nobody to tell


def _sendable(exc: BaseException) -> BaseException | None:
    """The exception if it survives the trip through pickle (some, e.g. SQLAlchemy's, cannot be rebuilt
    from their args), else None: the parent then raises a VisitLogReadError with its name and message."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return None
    return exc
