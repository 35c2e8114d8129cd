"""SIGTERM and SIGINT close the window as its close button does (the desktop's log-out, `kill`, Ctrl+C in
a terminal), so queued saves finish and the profile closes; by default they would end the process mid-write.

Python runs a signal handler only between bytecodes, never while Qt's event loop waits in C++: the signal
is written to a socket (signal.set_wakeup_fd) that a QSocketNotifier watches, which wakes the loop.
"""
from __future__ import annotations

import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QWidget

QUIT_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class QuitOnSignals(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._reader, writer = socket.socketpair()
        self._reader.setblocking(False)
        writer.setblocking(False)
        self._writer = writer  # kept: the wakeup fd must stay open
        signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
        for number in QUIT_SIGNALS:
            signal.signal(number, lambda *_: None)  # a Python handler, so the wakeup byte is written
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_signal)

    def _on_signal(self) -> None:
        try:
            received = self._reader.recv(64)
        except BlockingIOError:
            return
        if any(byte in (int(number) for number in QUIT_SIGNALS) for byte in received):
            self._window.close()


def quit_on_signals(window: QWidget) -> QuitOnSignals:
    return QuitOnSignals(window)
