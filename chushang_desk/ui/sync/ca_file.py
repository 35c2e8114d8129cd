"""The field where an officer chooses the bureau's own CA certificate (a PEM file), used by the sign-in
dialog and the settings dialog. Empty means: trust the system's certificates only."""
from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

from ..file_folder import start_folder


class CaFileField(QWidget):
    def __init__(self, path: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.path = QLineEdit(path)
        self.path.setObjectName("caFile")
        self.path.setPlaceholderText(self.tr("Optional: the bureau's CA certificate (.pem)"))
        self.path.setClearButtonEnabled(True)
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.clicked.connect(self.choose)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.path, 1)
        layout.addWidget(self.choose_button)

    def text(self) -> str:
        return self.path.text().strip()

    def setText(self, path: str) -> None:  # noqa: N802 (Qt's spelling, like QLineEdit's)
        self.path.setText(path)

    def choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("The bureau's CA certificate"), self.text() or start_folder(None),  # never the program's folder
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        if path:
            self.path.setText(path)
