"""The one place that wires sync into the main window: the scheduler, the status bar's widgets, the
File menu's sign-in and sign-out, the Sync menu, and the "Needs review" count."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar

from ...services.reference import all_reference_lists
from ...services.settings import all_settings
from ...services.sync_status import sync_summary
from .scheduler import SyncProblem, SyncScheduler
from .sign_in import SignInDialog, SignOut
from .status import SyncStatus
from .texts import local_time, sidebar_title

REVIEW_PAGE = "NeedsReviewPage"


class SyncUi(QObject):
    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window, self.ctx = window, window.ctx
        self.scheduler = SyncScheduler(self.ctx, self)
        self.status = SyncStatus()
        self.review_count = 0
        self.held_count = 0  # rows from the server this laptop could not store
        self.dialog: SignInDialog | None = None
        self.sign_out_flow: SignOut | None = None
        self._make_actions()
        self._connect()

    def _make_actions(self) -> None:
        self.sign_in_action = QAction(self.tr("Sign &in to server…"), self.window)
        self.sign_in_action.triggered.connect(self.open_sign_in)
        self.sign_out_action = QAction(self.tr("Sign &out"), self.window)
        self.sign_out_action.triggered.connect(self.sign_out)
        self.sign_out_action.setEnabled(False)
        self.sync_now_action = QAction(self.tr("&Sync now"), self.window)
        self.sync_now_action.setShortcut(QKeySequence("F9"))
        self.sync_now_action.triggered.connect(self.scheduler.sync_now)
        self.sync_now_action.setEnabled(False)
        self.review_action = QAction(self.tr("&Needs review"), self.window)
        self.review_action.triggered.connect(self.show_review)

    def _connect(self) -> None:
        scheduler, status = self.scheduler, self.status
        scheduler.account_changed.connect(self._account_changed)
        scheduler.started.connect(status.show_syncing)
        scheduler.progressed.connect(status.show_progress)
        scheduler.finished.connect(self._finished)
        scheduler.failed.connect(self._failed)
        status.sync_requested.connect(scheduler.sync_now)
        status.review_requested.connect(self.show_review)
        self.ctx.ready.connect(self._on_ready)
        self.ctx.data_changed.connect(self._on_data_changed)

    # Menus ----------------------------------------------------------------------------------------
    def add_file_actions(self, menu: QMenu) -> None:
        menu.addAction(self.sign_in_action)
        menu.addAction(self.sign_out_action)

    def add_sync_menu(self, bar: QMenuBar) -> QMenu:
        menu = bar.addMenu(self.tr("S&ync"))
        menu.addAction(self.sync_now_action)
        menu.addAction(self.review_action)
        return menu

    # Events ---------------------------------------------------------------------------------------
    def _on_ready(self) -> None:
        self.ctx.read(sync_summary, on_done=self._show_summary)

    def _show_summary(self, summary) -> None:
        """What the engine stored: the last good sync (also from the headless `sync`) and the count."""
        self.status.show_last_sync(local_time(summary.last_sync_at))
        self.show_review_count(summary.open_conflicts, summary.held_rows)

    def _on_data_changed(self, tables) -> None:
        if "sync_conflict" in tables or "sync_held_row" in tables:
            self.refresh_review_count()
        if "reference_item" in tables:  # headquarters' lists came in: dialogs opened from now on use them
            self.ctx.read(all_reference_lists, on_done=self._references_loaded)

    def _references_loaded(self, refs: dict) -> None:
        self.ctx.refs = refs

    def _account_changed(self, account) -> None:
        signed_in = account is not None
        self.sign_out_action.setEnabled(signed_in)
        self.sync_now_action.setEnabled(signed_in)
        if signed_in:
            self.status.show_account(account)
        else:
            self.status.show_signed_out()

    def _finished(self, _report) -> None:
        when = self.scheduler.last_success
        self.status.show_online(when)
        self.window.refresh_pending()  # pushed edits left the outbox
        self.refresh_review_count()

    def _failed(self, problem: SyncProblem) -> None:
        if problem.code == "not_signed_in":
            self.scheduler.set_account(None)
            return
        self.status.show_offline(problem)
        self.window.refresh_pending()

    # Review count ---------------------------------------------------------------------------------
    def refresh_review_count(self) -> None:
        if self.ctx.profile is not None:
            self.ctx.read(sync_summary, on_done=lambda summary: self.show_review_count(
                summary.open_conflicts, summary.held_rows))

    def show_review_count(self, count: int, held: int = 0) -> None:
        self.review_count, self.held_count = count, held
        self.status.show_review_count(count)
        self.status.show_held_count(held)
        self.window.set_screen_title(REVIEW_PAGE, sidebar_title(count + held))

    def show_review(self) -> None:
        self.window.show_page(REVIEW_PAGE)

    # Sign in and out ------------------------------------------------------------------------------
    def open_sign_in(self) -> SignInDialog:
        self.dialog = SignInDialog(self.ctx, self.scheduler.account, self.window)
        self.dialog.signed_in.connect(self._signed_in)
        self.dialog.open()
        return self.dialog

    def _signed_in(self, account) -> None:
        self.scheduler.set_account(account)
        # Signing in names the officer (and the station, if none was set): the status bar shows it.
        self.ctx.read(all_settings, on_done=self._settings_loaded)

    def _settings_loaded(self, settings: dict) -> None:
        self.ctx.settings = settings
        self.ctx.settings_changed.emit()

    def sign_out(self) -> SignOut:
        self.sign_out_flow = SignOut(self.ctx, self.window)
        self.sign_out_flow.done.connect(lambda: self.scheduler.set_account(None))
        self.sign_out_flow.start()
        return self.sign_out_flow

    def shutdown(self) -> None:
        self.scheduler.shutdown()
