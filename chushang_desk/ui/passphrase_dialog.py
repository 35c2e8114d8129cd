"""The profile's recovery passphrase: set at first start (typed twice), asked for when the OS keyring
does not hold the database key, and changed from the settings."""
from __future__ import annotations

import os

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from ..services.profile import MIN_PASSPHRASE_LENGTH, NEW, PASSPHRASE_ENV, WRONG
from .widgets.style import ERROR_STYLE

CHANGE = "change"  # the settings' "change passphrase": a new one, typed twice


class PassphraseDialog(QDialog):
    def __init__(self, purpose: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.purpose = purpose
        self.setMinimumWidth(460)
        self.passphrase = self._field()
        self.again = self._field() if purpose in (NEW, CHANGE) else None
        self.problem = QLabel()
        self.problem.setStyleSheet(ERROR_STYLE)
        form = QFormLayout(self)
        intro = QLabel(self._intro())
        intro.setWordWrap(True)
        form.addRow(intro)
        form.addRow(self.tr("Recovery passphrase"), self.passphrase)
        if self.again is not None:
            form.addRow(self.tr("Again"), self.again)
        form.addRow(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        if purpose == WRONG:
            self.problem.setText(self.tr("That recovery passphrase is wrong. Please try again."))

    def _field(self) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    def _intro(self) -> str:
        if self.purpose in (NEW, CHANGE):
            self.setWindowTitle(self.tr("Set the recovery passphrase"))
            return self.tr("This computer's directory is encrypted. Its key is kept in the system keyring; if "
                           "the keyring is lost or changed, only this recovery passphrase opens the directory. "
                           "Choose one of at least {0} characters and keep it safe: nobody can recover it for you."
                           ).format(MIN_PASSPHRASE_LENGTH)
        self.setWindowTitle(self.tr("Unlock the directory"))
        return self.tr("The system keyring does not hold this directory's key. Enter its recovery passphrase.")

    def _accept_if_valid(self) -> None:
        text = self.passphrase.text()
        if self.again is None:
            if text:
                self.accept()
            return
        if len(text) < MIN_PASSPHRASE_LENGTH:
            self.problem.setText(self.tr("The recovery passphrase must have at least {0} characters.")
                                 .format(MIN_PASSPHRASE_LENGTH))
        elif self.again.text() != text:
            self.problem.setText(self.tr("The two passphrases differ."))
        else:
            self.accept()

    def value(self) -> str | None:
        return self.passphrase.text() if self.result() == QDialog.DialogCode.Accepted else None


class DialogNeeded(Exception):
    """Raised off the window's thread where the passphrase would have to be asked in a dialog."""


def without_dialog(purpose: str) -> str:
    """ask(purpose) for the database thread: CHUSHANG_PASSPHRASE, else the window must ask."""
    if purpose != WRONG and os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    raise DialogNeeded(purpose)


def asker(parent: QWidget | None):
    """ask(purpose) for services.profile.profile_key: CHUSHANG_PASSPHRASE when set (`make run`, tests),
    else this dialog; a wrong passphrase from the environment is asked for in the dialog."""

    def ask(purpose: str) -> str | None:
        if purpose != WRONG and os.environ.get(PASSPHRASE_ENV):
            return os.environ[PASSPHRASE_ENV]
        dialog = PassphraseDialog(purpose, parent)
        dialog.exec()
        return dialog.value()

    return ask
