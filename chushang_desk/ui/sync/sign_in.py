"""Signing in to the central server and out of it.

Both talk to the network, so they run on the long lane, never on the GUI thread. Signing out while
edits still wait to go up asks first: keeping them (the default) cancels; discarding is a choice made
knowingly. Signing in to another server keeps unsynced edits: they go up to the new account.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox, QVBoxLayout, QWidget,
)

from ..context import AppContext
from ..widgets.dialogs import EditingDialog
from ..widgets.form import ERROR_STYLE
from .ca_file import CaFileField
from .texts import error_code, sign_in_error

SERVER_URL_KEY = "sync/server_url"  # in the profile's ui.ini: the address typed last time
CA_FILE_KEY = "sync/ca_file"  # and the CA file chosen last (the account keeps its own in the database)


class SignInDialog(EditingDialog):
    signed_in = Signal(object)  # Account

    def __init__(self, ctx: AppContext, account=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Sign in to server"))
        self.setMinimumWidth(460)
        self.server_url = QLineEdit(self._last_url(account))
        self.server_url.setPlaceholderText("https://sync.example.gov.cn")
        self.user = QLineEdit(account.user if account else "")
        self.ca_file = CaFileField(self._last_ca_file(account))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("signInError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_in_button = self.buttons.addButton(self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setDefault(True)
        self.set_save_button(self.sign_in_button)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self._lay_out(account)

    def _lay_out(self, account) -> None:
        layout = QVBoxLayout(self)
        self.intro = QLabel(self._intro(account))
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        form.addRow(self.tr("Server address"), self.server_url)
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("CA certificate"), self.ca_file)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        (self.password if self.server_url.text() and self.user.text() else self.server_url).setFocus()

    def _intro(self, account) -> str:
        if account is None:
            return self.tr("Sign in once on this computer. Edits made offline go up when a connection exists.")
        return self.tr("Signed in as {0} on {1}. Signing in again replaces that account; edits not yet "
                       "synced are kept and go up to the new account.").format(account.user, account.server_url)

    def _last_url(self, account) -> str:
        if account is not None:
            return account.server_url
        settings = self.ctx.ui_settings
        return str(settings.value(SERVER_URL_KEY, "")) if settings is not None else ""

    def _last_ca_file(self, account) -> str:
        if account is not None:
            return account.ca_file
        settings = self.ctx.ui_settings
        return str(settings.value(CA_FILE_KEY, "")) if settings is not None else ""

    def form_state(self) -> tuple:
        return self.server_url.text(), self.user.text(), self.password.text(), self.ca_file.text()

    def save(self) -> None:  # Ctrl+Enter signs in, as the Sign in button does
        self.submit()

    def submit(self) -> None:
        url, user, password = self.server_url.text().strip(), self.user.text().strip(), self.password.text()
        ca_file = self.ca_file.text()
        if not url or not user or not password:
            self.show_error(self.tr("Enter the server address, your user name and your password."))
            return
        if not url.startswith(("http://", "https://")):
            self.show_error(self.tr("The server address starts with http:// or https://"))
            return
        self._busy(True)
        from ...sync.account import sign_in

        profile = self.ctx.profile
        self.ctx.runner.run_long(lambda _progress: sign_in(profile, url, user, password, ca_file=ca_file),
                                 on_done=self._signed_in, on_error=self._failed)

    def _busy(self, busy: bool) -> None:
        for widget in (self.server_url, self.user, self.password, self.ca_file, self.sign_in_button):
            widget.setEnabled(not busy)
        if busy:
            self.error.setStyleSheet("")
            self.error.setText(self.tr("Signing in…"))
            self.error.show()

    def _signed_in(self, account) -> None:
        if self.ctx.ui_settings is not None:
            self.ctx.ui_settings.setValue(SERVER_URL_KEY, account.server_url)
            self.ctx.ui_settings.setValue(CA_FILE_KEY, account.ca_file)
        self.signed_in.emit(account)
        self.accept()

    def _failed(self, exc: BaseException, _details: str) -> None:
        self._busy(False)
        code, message, retry_after = error_code(exc)
        self.show_error(sign_in_error(code, message, retry_after))
        self.password.selectAll()
        self.password.setFocus()

    def show_error(self, text: str) -> None:
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setText(text)
        self.error.show()


class SignOut(QObject):
    """Sign out: try without discarding; if edits wait, ask; discard only when the user says so."""

    done = Signal()

    def __init__(self, ctx: AppContext, parent_widget: QWidget):
        super().__init__(parent_widget)
        self.ctx = ctx
        self.parent_widget = parent_widget
        self.question: QMessageBox | None = None

    def start(self) -> None:
        self._run(discard=False)

    def _run(self, discard: bool) -> None:
        from ...sync.account import sign_out

        profile = self.ctx.profile
        self.ctx.runner.run_long(lambda _progress: sign_out(profile, discard_pending=discard),
                                 on_done=lambda _result: self.done.emit(), on_error=self._failed)

    def _failed(self, exc: BaseException, details: str) -> None:
        if type(exc).__name__ == "PendingEdits":
            self._ask(int(getattr(exc, "count", 0)))
            return
        from ..errors import show_error

        show_error(self.parent_widget, exc, details)

    def _ask(self, count: int) -> None:
        box = QMessageBox(self.parent_widget)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Sign out"))
        box.setText(self.tr("%Ln edit(s) have not reached the server yet.", "", count))
        box.setInformativeText(self.tr("Keep them and stay signed in so they go up with the next sync, "
                                       "or discard them for good and sign out."))
        self.keep_button = box.addButton(self.tr("Keep them"), QMessageBox.ButtonRole.RejectRole)
        self.discard_button = box.addButton(self.tr("Discard and sign out"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(self.keep_button)
        box.setEscapeButton(self.keep_button)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _result: self._answered(box))
        self.question = box
        box.open()

    def _answered(self, box: QMessageBox) -> None:
        if box.clickedButton() is self.discard_button:
            self._run(discard=True)
