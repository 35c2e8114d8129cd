"""Placeholder screen, replaced by the real one."""
from PySide6.QtWidgets import QLabel, QVBoxLayout

from ..pages import Page


class OrganizationsPage(Page):
    tables = frozenset()

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        QVBoxLayout(self).addWidget(QLabel(self.title()))

    def title(self) -> str:
        return self.tr("Organizations")
