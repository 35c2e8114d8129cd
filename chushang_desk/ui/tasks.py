"""Background work off the GUI thread, in two lanes, each one thread running its jobs one at a time:

- the **database lane** (`run`): the screens' short reads and the officers' writes, in the order asked,
  so a screen's reload always sees the write before it;
- the **long lane** (`run_long`): jobs that take seconds and report progress: the visit-log export (it
  only reads) and the sync (it writes the server's rows and the push answers in short transactions of
  its own; SQLite's write lock and busy timeout put them between the database lane's writes).

Jobs are plain callables; their results come back to the GUI thread through signals of objects that
live on the GUI thread (a lambda connected to a worker-created object would run on the worker).
Exceptions in a job are caught and handed to its `on_error`, never lost inside the thread.
"""
from __future__ import annotations

import itertools
import threading
import traceback
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from .main_thread_gc import install_main_thread_gc


class Cancelled(Exception):
    """Raised inside a long job when the user cancelled it."""


class CancelToken:
    def __init__(self):
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()


@dataclass
class Job:
    fn: Callable[..., Any]
    on_done: Callable[[Any], None] | None = None
    on_error: Callable[[BaseException, str], None] | None = None
    on_progress: Callable[[int, int], None] | None = None
    cancel: CancelToken | None = None
    number: int = 0
    result: Any = None
    error: BaseException | None = None
    details: str = ""


class _Worker(QObject):
    finished = Signal(object)
    progress = Signal(object, int, int)

    @Slot(object)
    def execute(self, job: Job) -> None:
        try:
            if job.on_progress is not None:
                job.result = job.fn(lambda done, total: self.progress.emit(job, done, total))
            else:
                job.result = job.fn()
        except BaseException as exc:  # noqa: BLE001 - reported to the GUI, never swallowed
            job.error, job.details = exc, traceback.format_exc()
        self.finished.emit(job)


class _Lane(QObject):
    """One worker thread and its queue."""

    submit = Signal(object)

    def __init__(self, name: str, runner: "TaskRunner"):
        super().__init__(runner)
        self.worker_thread = QThread()
        self.worker_thread.setObjectName(name)
        self.worker = _Worker()
        self.worker.moveToThread(self.worker_thread)
        self.submit.connect(self.worker.execute)
        self.worker.finished.connect(runner._finished)
        self.worker.progress.connect(runner._progress)
        self.worker_thread.start()

    def stop(self) -> None:
        """Finish every job already queued, then end the thread (a plain quit() could drop them)."""
        if self.worker_thread.isRunning():
            self.submit.emit(Job(fn=self.worker_thread.quit))
            self.worker_thread.wait()


def _let_go(job: Job) -> None:
    """Drop what the job's closures hold here, on the GUI thread: the worker may release the Job after
    this, and if its closures were the last to hold a Qt object, it would be destroyed on the worker."""
    job.fn = job.on_done = job.on_error = job.on_progress = None  # type: ignore[assignment]
    job.result = job.error = None


class TaskRunner(QObject):
    """Runs jobs off the GUI thread and calls back on the GUI thread."""

    idle_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        install_main_thread_gc(QCoreApplication.instance())  # before the first worker runs Python
        self._numbers = itertools.count(1)
        self._pending: set[int] = set()
        self._db = _Lane("database", self)
        self._long = _Lane("long-jobs", self)

    def run(self, fn, on_done=None, on_error=None) -> Job:
        """Run a short job on the database lane (one at a time, in the order asked)."""
        return self._start(self._db, Job(fn, on_done, on_error))

    def run_long(self, fn, on_done=None, on_error=None, on_progress=None, cancel=None) -> Job:
        """Run a long job on the long lane: fn receives a progress callback (done, total); `cancel` is
        the token it checks. An export or the sync: never two of them at once."""
        return self._start(self._long, Job(fn, on_done, on_error, on_progress or (lambda d, t: None), cancel))

    def _start(self, lane: _Lane, job: Job) -> Job:
        job.number = next(self._numbers)
        self._pending.add(job.number)
        lane.submit.emit(job)
        return job

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    @Slot(object)
    def _finished(self, job: Job) -> None:
        self._pending.discard(job.number)
        try:
            if job.error is not None:
                if job.on_error is not None:
                    job.on_error(job.error, job.details)
                else:
                    from .errors import show_error

                    show_error(None, job.error, job.details)
            elif job.on_done is not None:
                job.on_done(job.result)
        finally:
            _let_go(job)
        if not self._pending:
            self.idle_changed.emit(True)

    @Slot(object, int, int)
    def _progress(self, job: Job, done: int, total: int) -> None:
        if job.on_progress is not None:
            job.on_progress(done, total)

    def shutdown(self) -> None:
        self._db.stop()
        self._long.stop()
