"""My follow-ups (待办): the officer's agenda (open follow-ups and the contacts' next-contact dates, grouped
overdue / today / next 7 days / later) above the list of follow-ups, with Mark done and Open visit."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout,
)

from ...services.agenda import follow_up_agenda
from ...services.visits import VISIT_TABLES, set_follow_up_done
from ..pages import Page
from ..widgets.lazy_table import ROW_ROLE, row_table
from .labels import STATE_FOREGROUND, iso
from .table_model import FollowUpTableModel

AGENDA_SHOWN = 100  # items listed per group; the group's title still counts them all
VISIT_ROLE = Qt.ItemDataRole.UserRole


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

        self.agenda = self._build_agenda()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.agenda)
        split.addWidget(self.table)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self._update_buttons()

    def _build_agenda(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setColumnCount(3)
        tree.setHeaderLabels([self.tr("Date"), self.tr("To do"), self.tr("Contacts")])
        tree.setColumnWidth(0, 190)
        tree.setColumnWidth(1, 420)
        tree.setUniformRowHeights(True)
        tree.itemActivated.connect(self._agenda_activated)
        return tree

    def group_title(self, key: str, count: int) -> str:
        titles = {"overdue": self.tr("Overdue (%Ln)", "", count), "today": self.tr("Today (%Ln)", "", count),
                  "week": self.tr("Next 7 days (%Ln)", "", count), "later": self.tr("Later (%Ln)", "", count)}
        return titles[key]

    def _show_agenda(self, groups: list) -> None:
        self.agenda.clear()
        bold = QFont(self.agenda.font())
        bold.setBold(True)
        for group in groups:
            top = QTreeWidgetItem([self.group_title(group.key, len(group.items))])
            top.setFirstColumnSpanned(True)
            top.setFont(0, bold)
            if group.key == "overdue" and group.items:
                top.setForeground(0, STATE_FOREGROUND["overdue"])
            self.agenda.addTopLevelItem(top)
            for item in group.items[:AGENDA_SHOWN]:
                top.addChild(self._agenda_item(item))
            if len(group.items) > AGENDA_SHOWN:  # the list below has them all
                top.addChild(QTreeWidgetItem(["", self.tr("… and %Ln more", "", len(group.items) - AGENDA_SHOWN)]))
            top.setExpanded(group.key != "later")

    def _agenda_item(self, item) -> QTreeWidgetItem:
        what = item.text if item.kind == "follow_up" else self.tr("Next contact (set at a visit)")
        row = QTreeWidgetItem([iso(item.due), what, "、".join(item.contacts)])
        row.setData(0, VISIT_ROLE, item.visit_id)
        row.setToolTip(1, what)
        return row

    def _agenda_activated(self, row: QTreeWidgetItem, _column: int) -> None:
        visit_id = row.data(0, VISIT_ROLE)
        if visit_id:
            self._open_visit_id(visit_id)

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
        self.ctx.read(follow_up_agenda, owner, on_done=self._show_agenda)

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
        if row is not None:
            self._open_visit_id(row.visit_id)

    def _open_visit_id(self, visit_id: str) -> None:
        from .log_dialog import LogVisitDialog

        self.log_dialog = LogVisitDialog(self.ctx, visit_id, (), self)
        self.log_dialog.open()
