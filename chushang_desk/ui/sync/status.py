"""The status bar's sync widgets: online or offline, last successful sync, the last error in plain
words, a "Needs review (N)" badge and a "Sync now" button."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStyle, QToolButton, QWidget

from .scheduler import SyncProblem
from .texts import status_error


class SyncStatus(QWidget):
    review_requested = Signal()
    sync_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.connection_label = QLabel()
        self.connection_label.setObjectName("syncConnection")
        self.last_sync_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setObjectName("syncError")
        self.error_label.setStyleSheet("QLabel#syncError { color: #c0392b; }")
        self.error_label.hide()
        self.review_button = QPushButton()
        self.review_button.setObjectName("reviewBadge")
        self.review_button.setFlat(True)
        self.review_button.setStyleSheet(
            "QPushButton#reviewBadge { color: white; background: #c05600; border-radius: 9px; padding: 1px 10px; }"
        )
        self.review_button.clicked.connect(self.review_requested)
        self.review_button.hide()
        self.sync_button = QToolButton()
        self.sync_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        self.sync_button.setText(self.tr("Sync now"))
        self.sync_button.setToolButtonStyle(self.sync_button.toolButtonStyle().ToolButtonTextBesideIcon)
        self.sync_button.setAutoRaise(True)
        self.sync_button.setToolTip(self.tr("Send edits and fetch other stations' changes now (F9)"))
        self.sync_button.clicked.connect(self.sync_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        for widget in (self.error_label, self.review_button, self.connection_label, self.last_sync_label,
                       self.sync_button):
            layout.addWidget(widget)
        self.show_signed_out()

    # States ---------------------------------------------------------------------------------------
    def show_signed_out(self) -> None:
        self.connection_label.setText(self.tr("Not signed in"))
        self.connection_label.setToolTip(self.tr("Use File → Sign in to server… to sync with headquarters"))
        self.sync_button.setEnabled(False)
        self.show_problem(None)

    def show_account(self, account) -> None:
        self.connection_label.setText(self.tr("Signed in as {0}").format(_who(account)))
        self.connection_label.setToolTip(self.tr("{0} on {1}").format(_who(account), account.server_url))
        self.sync_button.setEnabled(True)
        self.show_problem(None)

    def show_syncing(self, account) -> None:
        self.connection_label.setText(self.tr("Syncing… · {0}").format(_who(account)))

    def show_online(self, account, when: datetime) -> None:
        self.connection_label.setText(self.tr("Online · {0}").format(_who(account)))
        self.show_last_sync(when)
        self.show_problem(None)

    def show_offline(self, account, problem: SyncProblem) -> None:
        if problem.retry_at is None:  # a stop code: nothing happens until the user acts
            self.connection_label.setText(self.tr("Sync stopped · {0}").format(_who(account)))
        else:
            self.connection_label.setText(self.tr("Offline · {0}").format(_who(account)))
        self.show_problem(problem)

    def show_last_sync(self, when: datetime | None) -> None:
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


def _who(account) -> str:
    return account.display_name or account.user
