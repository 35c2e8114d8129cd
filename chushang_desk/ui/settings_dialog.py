"""Settings of this profile: the officer's name, station, the interface language, the bureau's own CA
certificate for the sync server, and the recovery passphrase."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication, QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QSpinBox,
)

from ..services.reminders import MAX_DAYS, NOT_VISITED_DAYS
from ..services.settings import save_settings
from ..sync.account import ca_file_of, save_ca_file
from .context import AppContext
from .errors import show_error
from .i18n import install_language
from .sync.ca_file import CaFileField
from .sync.texts import error_code, sign_in_error
from .widgets.dialogs import EditingDialog, return_focus_after
from .widgets.form import ERROR_STYLE


class SettingsDialog(EditingDialog):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(420)
        self.officer = QLineEdit(ctx.officer)
        self.officer.setPlaceholderText(self.tr("Your name, as it appears on visit records"))
        self.station = QComboBox()
        self.station.addItem(self.tr("(none)"), "")
        for item in ctx.ref_items("station"):
            self.station.addItem(item.name(ctx.lang), item.code)
        self.station.setCurrentIndex(max(0, self.station.findData(ctx.station)))
        self.key_contact_days = QSpinBox()  # the "today" screen lists key contacts not visited for so long
        self.key_contact_days.setObjectName("settingsKeyContactDays")
        self.key_contact_days.setRange(1, MAX_DAYS)
        self.key_contact_days.setSuffix(self.tr(" days"))
        self.key_contact_days.setValue(_stored_days(ctx.settings.get("key_contact_days", "")))
        self.language = QComboBox()
        self.language.addItem("中文（简体）", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(ctx.lang)))
        self.ca_file = CaFileField()
        self.stored_ca_file = ""
        ctx.read(ca_file_of, on_done=self._show_ca_file)
        self.error = QLabel()
        self.error.setObjectName("settingsError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout(self)
        form.addRow(self.tr("Officer name"), self.officer)
        form.addRow(self.tr("Station"), self.station)
        form.addRow(self.tr("Remind of key contacts not visited for"), self.key_contact_days)
        form.addRow(self.tr("Language"), self.language)
        note = QLabel(self.tr("A new language applies fully after restarting the app."))
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(self.tr("Server CA certificate"), self.ca_file)
        form.addRow(self.error)
        self.change_passphrase = QPushButton(self.tr("Change the recovery passphrase…"))
        self.change_passphrase.clicked.connect(self._change_passphrase)
        form.addRow(self.tr("Encryption"), self.change_passphrase)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        self.set_save_button(buttons.button(QDialogButtonBox.StandardButton.Save))
        form.addRow(buttons)

    def _change_passphrase(self) -> None:
        from .passphrase_dialog import CHANGE, PassphraseDialog

        dialog = return_focus_after(PassphraseDialog(CHANGE, self))
        dialog.exec()
        if (passphrase := dialog.value()) is not None:
            profile = self.ctx.profile  # the key is re-wrapped on the database thread (Argon2 takes ~0.2 s)
            self.ctx.runner.run(lambda: profile.change_passphrase(passphrase), on_done=self._passphrase_changed,
                                on_error=lambda exc, details: show_error(self, exc, details))

    def _passphrase_changed(self, _result) -> None:
        self.change_passphrase.setText(self.tr("Recovery passphrase changed"))
        self.change_passphrase.setEnabled(False)

    def values(self) -> dict:
        return {"officer_name": self.officer.text().strip(), "station": self.station.currentData(),
                "key_contact_days": str(self.key_contact_days.value())}

    def form_state(self) -> dict:
        return dict(self.values(), language=self.language.currentData(), ca_file=self.ca_file.text())

    def _show_ca_file(self, path: str) -> None:
        typed = self.is_dirty()  # what was typed before the stored file was read is still asked about
        self.stored_ca_file = path
        self.ca_file.setText(path)
        if not typed:
            self.mark_clean()

    def save(self) -> None:  # Ctrl+Enter
        self._save()

    def _save(self) -> None:
        if self.ca_file.text() == self.stored_ca_file:
            self._save_settings()
        else:
            self.ctx.write(save_ca_file, self.ca_file.text(), on_done=self._ca_file_saved,
                           on_error=self._ca_file_refused)

    def _ca_file_saved(self, path: str) -> None:
        self._show_ca_file(path)
        self._save_settings()

    def _ca_file_refused(self, exc: BaseException, _details: str) -> None:
        code, message, retry_after = error_code(exc)
        self.error.setText(sign_in_error(code, message, retry_after))
        self.error.show()

    def _save_settings(self) -> None:
        self.ctx.write(save_settings, self.values(), on_done=self._saved)

    def _saved(self, settings: dict) -> None:
        self.ctx.settings = settings
        self.ctx.profile.sign_as(settings["officer_name"])
        language = self.language.currentData()
        if language != self.ctx.lang:
            self.ctx.ui_settings.setValue("language", language)  # the interface, not the records
            self.ctx.lang = language
            install_language(QApplication.instance(), language)
        self.ctx.settings_changed.emit()
        self.accept()


def _stored_days(stored: str) -> int:
    try:
        return min(MAX_DAYS, max(1, int(stored or NOT_VISITED_DAYS)))
    except ValueError:
        return NOT_VISITED_DAYS
