"""Erasing a person for good (PIPL Art. 47, headquarters only): the officer types the person's name to
confirm, after being told that it cannot be undone and reaches every laptop at its next sync."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..widgets.dialogs import return_focus_after


class EraseContactDialog(QDialog):
    confirmed = Signal(str)  # the contact id

    def __init__(self, contact_id: str, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("eraseContactDialog")
        return_focus_after(self)  # a confirmation, not an editing dialog: Esc just cancels
        self.contact_id, self.name = contact_id, name
        self.setWindowTitle(self.tr("Erase person"))
        warning = QLabel("<p><b>%s</b></p><p>%s</p><p>%s</p>" % (
            escape(self.tr("Erase {0} for good?").format(name)),
            escape(self.tr("Every personal detail (name, phones, e-mail, notes, memberships and referral notes) is "
                           "blanked on this laptop, on the server and on every laptop at its next sync, also in "
                           "edits not yet synced and in conflicts waiting for review.")),
            escape(self.tr("This cannot be undone. To keep a record that can be restored, use Delete instead."))))
        warning.setWordWrap(True)
        self.prompt = QLabel(self.tr("Type the person's name to confirm:"))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("eraseConfirmName")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = self.buttons.addButton(self.tr("Erase for good"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.erase_button.setEnabled(False)
        self.name_edit.textChanged.connect(self._typed)
        self.erase_button.clicked.connect(self._erase)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        for widget in (warning, self.prompt, self.name_edit, self.buttons):
            column.addWidget(widget)
        self.resize(480, self.sizeHint().height())

    def _typed(self, text: str) -> None:
        self.erase_button.setEnabled(bool(self.name) and text.strip() == self.name.strip())

    def _erase(self) -> None:
        if self.erase_button.isEnabled():
            self.confirmed.emit(self.contact_id)
            self.accept()
