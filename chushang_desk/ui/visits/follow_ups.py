"""My follow-ups (待办): the open follow-ups an officer owns, overdue first, with Mark done and Open visit."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout,
)

from ...services.visits import VISIT_TABLES, set_follow_up_done
from ..pages import Page
from ..widgets.lazy_table import ROW_ROLE, row_table
from .table_model import FollowUpTableModel


class FollowUpsPage(Page):
    tables = VISIT_TABLES | {"contact"}

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.log_dialog = None
        self.model = FollowUpTableModel(ctx, self)
        self._keep_row = 0  # after Mark done the list reloads; the cursor stays where it was
        self._build()
        self.model.ids_loaded.connect(self._ids_loaded)
        self.model.page_loaded.connect(lambda _page: self._update_buttons())
        ctx.settings_changed.connect(self._settings_changed)

    def title(self) -> str:
        return self.tr("Follow-ups")

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: 600;")
        self.all_open = QCheckBox(self.tr("&All officers' follow-ups"))
        self.all_open.toggled.connect(lambda _on: self.reload())
        self.show_done = QCheckBox(self.tr("Show &done"))
        self.show_done.toggled.connect(lambda _on: self.reload())
        self.done_button = QPushButton(self.tr("&Mark done"))
        self.done_button.setShortcut(QKeySequence("Ctrl+D"))
        self.done_button.setToolTip(self.tr("Ctrl+D"))
        self.done_button.clicked.connect(lambda: self.mark_done(True))
        self.reopen_button = QPushButton(self.tr("&Reopen"))
        self.reopen_button.clicked.connect(lambda: self.mark_done(done=False))
        self.open_button = QPushButton(self.tr("&Open visit…"))
        self.open_button.clicked.connect(self.open_visit)
        self.count_label = QLabel()
        # The heading (whose follow-ups, or a hint to set the officer's name) gets a line of its own and
        # wraps: on the button row it set the window's minimum width (1,300 px in English).
        self.heading.setWordWrap(True)
        bar = QHBoxLayout()
        for widget in (self.all_open, self.show_done):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.count_label, self.done_button, self.reopen_button, self.open_button):
            bar.addWidget(widget)

        self.table = row_table(self.model, row_height=26)
        self.table.setWordWrap(False)
        for column, width in enumerate((92, 90, 300, 80, 150, 92, 150, 180)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(FollowUpTableModel.TASK, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.open_visit())
        self.table.activated.connect(lambda _index: self.open_visit())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    def owner(self) -> str:
        """Whose follow-ups are listed: the current officer's, or everyone's ("")."""
        return "" if self.all_open.isChecked() else self.ctx.officer

    def reload(self) -> None:
        if self.ctx.profile is None:
            return
        owner = self.owner()
        if owner:
            self.heading.setText(self.tr("Follow-ups of {0}").format(owner))
        elif self.all_open.isChecked():
            self.heading.setText(self.tr("Everyone's follow-ups"))
        else:
            self.heading.setText(self.tr("Set your name in Settings to see your follow-ups; showing everyone's."))
        self._keep_row = max(self.table.currentIndex().row(), 0)
        self.model.load(owner, self.show_done.isChecked())

    def _settings_changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self._refresh()

    def _ids_loaded(self, count: int) -> None:
        self.count_label.setText(self.tr("%Ln follow-up(s)", "", count))
        if self._keep_row >= 0 and count:
            self.table.selectRow(min(self._keep_row, count - 1))
        self._update_buttons()

    def selected_row(self):
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().hasSelection():
            return None
        return self.model.index(index.row(), 0).data(ROW_ROLE)

    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.done_button.setEnabled(row is not None and not row.done)
        self.reopen_button.setEnabled(row is not None and row.done)
        self.open_button.setEnabled(row is not None)

    def mark_done(self, done: bool = True) -> None:
        row = self.selected_row()
        if row is None:
            return
        self.ctx.write(set_follow_up_done, row.id, done, tables={"follow_up"})

    def open_visit(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        from .log_dialog import LogVisitDialog

        self.log_dialog = LogVisitDialog(self.ctx, row.visit_id, (), self)
        self.log_dialog.open()
