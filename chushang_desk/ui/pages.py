"""The base of every sidebar screen: what it needs from the window and when it is told to reload."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from .context import AppContext


class Page(QWidget):
    """A screen in the sidebar. Subclasses set `tables` (what they show) and implement `reload`."""

    tables: frozenset[str] = frozenset()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        ctx.ready.connect(self._on_ready)
        ctx.data_changed.connect(self._on_data_changed)
        if ctx.profile is not None:
            # Built after start-up (screens are built when first shown): catch up once constructed.
            QTimer.singleShot(0, self.on_ready)

    def title(self) -> str:
        raise NotImplementedError

    def reload(self) -> None:
        """Fetch what the screen shows (through ctx.read) and redraw."""

    def on_ready(self) -> None:
        """Called once the profile is open: fill what depends on reference lists (filters, combos)."""

    def _on_ready(self) -> None:
        self.on_ready()
        self._stale = True
        if self.isVisible():
            self._refresh()

    def _on_data_changed(self, tables: frozenset) -> None:
        if tables & self.tables:
            self._stale = True
            if self.isVisible():
                self._refresh()

    def _refresh(self) -> None:
        if self.ctx.profile is not None and self._stale:
            self._stale = False
            self.reload()

    def showEvent(self, event) -> None:  # a hidden screen reloads only when it is shown again
        super().showEvent(event)
        self._refresh()
