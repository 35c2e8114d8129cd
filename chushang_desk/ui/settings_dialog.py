"""Settings of this profile: the officer's name, station and the interface language."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from ..services.settings import save_settings
from .context import AppContext
from .i18n import install_language


class SettingsDialog(QDialog):
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
        self.language = QComboBox()
        self.language.addItem("中文（简体）", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(ctx.lang)))
        form = QFormLayout(self)
        form.addRow(self.tr("Officer name"), self.officer)
        form.addRow(self.tr("Station"), self.station)
        form.addRow(self.tr("Language"), self.language)
        note = QLabel(self.tr("A new language applies fully after restarting the app."))
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict:
        return {"officer_name": self.officer.text().strip(), "station": self.station.currentData()}

    def _save(self) -> None:
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
