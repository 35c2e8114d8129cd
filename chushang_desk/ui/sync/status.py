"""The status bar's sync widgets: online or offline, last successful sync, the last error in plain
words, a "Needs review (N)" badge and a "Sync now" button."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStyle, QToolButton, QWidget

from ...sync.errors import REFUSED
from ..widgets.style import ERROR_COLOUR
from .scheduler import SyncProblem
from .texts import status_error

GREEN, GREY, RED = "#2e7d32", "palette(window-text)", ERROR_COLOUR


class SyncStatus(QWidget):
    review_requested = Signal()
    sync_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._last_sync: datetime | None = None
        self.connection_label = QLabel()
        self.connection_label.setObjectName("syncConnection")
        self.last_sync_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setObjectName("syncError")
        self.error_label.setStyleSheet(f"QLabel#syncError {{ color: {ERROR_COLOUR}; }}")
        self.error_label.hide()
        self.review_button = QPushButton()
        self.review_button.setObjectName("reviewBadge")
        self.review_button.setFlat(True)
        self.review_button.setStyleSheet(
            "QPushButton#reviewBadge { color: white; background: #c05600; border-radius: 9px; padding: 1px 10px; }"
        )
        self.review_button.clicked.connect(self.review_requested)
        self.review_button.hide()
        self.held_button = QPushButton()  # rows from the server this laptop could not store
        self.held_button.setObjectName("heldBadge")
        self.held_button.setFlat(True)
        self.held_button.setStyleSheet(
            f"QPushButton#heldBadge {{ color: white; background: {ERROR_COLOUR}; border-radius: 9px; padding: 1px 10px; }}"
        )
        self.held_button.setToolTip(self.tr("Records from the server that could not be stored on this laptop; "
                                            "sync goes on without them. Click to see them."))
        self.held_button.clicked.connect(self.review_requested)
        self.held_button.hide()
        self.sync_button = QToolButton()
        self.sync_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        self.sync_button.setText(self.tr("Sync now"))
        self.sync_button.setToolButtonStyle(self.sync_button.toolButtonStyle().ToolButtonTextBesideIcon)
        self.sync_button.setAutoRaise(True)
        self.sync_button.setToolTip(self.tr("Send edits and fetch other stations' changes now (F9)"))
        self.sync_button.clicked.connect(self.sync_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        for widget in (self.error_label, self.review_button, self.held_button, self.connection_label, self.last_sync_label,
                       self.sync_button):
            layout.addWidget(widget)
        self.show_signed_out()

    # States ---------------------------------------------------------------------------------------
    # The officer's name is already in the status bar: the connection label names the state only,
    # its tooltip the account and server.
    def show_signed_out(self) -> None:
        self._state(self.tr("Not signed in"), GREY)
        self.connection_label.setToolTip(self.tr("Use File → Sign in to server… to sync with headquarters"))
        self.sync_button.setEnabled(False)
        self.show_problem(None)

    def show_account(self, account) -> None:
        self._state(self.tr("Signed in"), GREY)
        self.connection_label.setToolTip(self.tr("{0} on {1}").format(account.user, account.server_url))
        self.sync_button.setEnabled(True)
        self.show_problem(None)

    def show_syncing(self) -> None:
        self._state(self.tr("Syncing…"), GREY)
        # "Never synced" beside "Syncing…" reads as a contradiction: the first sync is under way.
        self.last_sync_label.setVisible(self._last_sync is not None)
        self.show_problem(None)  # "No network" beside "Syncing…" too; a failure shows it again

    def show_progress(self, done: int, total: int) -> None:
        """Edits sent (of how many), then rows received: a first sync of a big directory takes a while."""
        locale = QLocale()
        if total:
            text = self.tr("Syncing… {0} of {1} edits sent").format(locale.toString(done), locale.toString(total))
        else:
            text = self.tr("Syncing… {0} changes received").format(locale.toString(done))
        self._state(text, GREY)

    def show_online(self, when: datetime) -> None:
        self._state(self.tr("Online"), GREEN)
        self.show_last_sync(when)
        self.show_problem(None)

    def show_offline(self, problem: SyncProblem) -> None:
        self._state(self._offline_state(problem), RED if problem.retry_at is None else GREY)
        self.last_sync_label.show()
        self.show_problem(problem)

    def _offline_state(self, problem: SyncProblem) -> str:
        """One or two words for why there is no sync; the error label beside it says what to do."""
        if problem.code == "network":
            return self.tr("No network")
        if problem.code == "server_unreachable":
            return self.tr("Server unreachable")
        if problem.code in REFUSED:
            return self.tr("Refused by the server")
        if problem.retry_at is None:  # another stop code: nothing happens until the user acts
            return self.tr("Sync stopped")
        return self.tr("Offline")

    def _state(self, text: str, color: str) -> None:
        self.connection_label.setText(f"● {text}")
        self.connection_label.setStyleSheet(f"QLabel#syncConnection {{ color: {color}; }}")

    def show_last_sync(self, when: datetime | None) -> None:
        self._last_sync = when
        self.last_sync_label.setVisible(True)
        self.last_sync_label.setText(
            self.tr("Last sync {0}").format(when.strftime("%Y-%m-%d %H:%M")) if when else self.tr("Never synced")
        )

    def show_problem(self, problem: SyncProblem | None) -> None:
        if problem is None:
            self.error_label.clear()
            self.error_label.hide()
            return
        text = status_error(problem.code, problem.message, problem.retry_at)
        self.error_label.setText(text)
        self.error_label.setToolTip(f"{text}\n{problem.message}" if problem.message else text)
        self.error_label.show()

    def show_review_count(self, count: int) -> None:
        self.review_button.setText(self.tr("Needs review (%Ln)", "", count))
        self.review_button.setVisible(count > 0)

    def show_held_count(self, count: int) -> None:
        self.held_button.setText(self.tr("%Ln record(s) not stored", "", count))
        self.held_button.setVisible(count > 0)
