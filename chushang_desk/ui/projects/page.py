"""The projects screen (招商项目): a pipeline board by stage or a filtered list, and the chosen project's
page beside them. A move (a card dragged, Ctrl+Left/Right, or "Move to") asks the day the stage was
reached, and for 退库 why, before anything is written."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMenu,
    QPushButton, QScrollArea, QSplitter, QStackedWidget, QTableView, QToolButton, QVBoxLayout,
)

from ...services.projects import PROJECT_STAGES, ProjectQuery, find_projects, project_board, project_detail
from ...services.shown import shown_tables
from ..pages import Page
from ..widgets.form import ref_choices, refill_combo
from ..widgets.shortcuts import shortcut
from ..widgets.tables import fit_column
from .board import ProjectBoard
from .detail import ProjectDetail
from .dialogs import ArrivalDialog, MoveStageDialog, ProjectDialog
from .labels import stage_labels
from .table_model import AMOUNTS, INVESTOR, NAME, SINCE, STAGE, STATION, ProjectTableModel

BOARD, LIST = 0, 1


class ProjectsPage(Page):
    tables = shown_tables("project")

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.dialog = None  # the dialog open (kept for tests and so it is not collected while open)
        self.today = date.today()
        self._detail_for = ""
        self.model = ProjectTableModel(ctx, self)
        self._build()

    def title(self) -> str:
        return self.tr("Projects")

    # Layout ----------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.board = ProjectBoard()
        self.board.move_requested.connect(self.ask_move)
        self.board.current_changed.connect(lambda _id: self._current_changed())
        self.board.activated.connect(lambda _id: self.edit_project())
        self.board.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.board.customContextMenuRequested.connect(self._context_menu)
        for column in self.board.columns.values():
            column.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            column.customContextMenuRequested.connect(lambda pos, c=column: self._context_menu(c.viewport()
                                                                                               .mapTo(self.board, pos)))
        self.table = self._build_table()
        board_area = QScrollArea()  # a narrow window scrolls the board rather than squeezing its cards
        board_area.setWidget(self.board)
        board_area.setWidgetResizable(True)
        board_area.setFrameShape(QScrollArea.Shape.NoFrame)
        board_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.views = QStackedWidget()
        self.views.addWidget(board_area)
        self.views.addWidget(self.table)
        self.detail = ProjectDetail(self.ctx)
        self.detail.edit_requested.connect(self.edit_project)
        self.detail.add_arrival_requested.connect(self.add_arrival)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.views)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setCollapsible(1, True)  # the project's page may be dragged away to give the list its room
        splitter.setSizes([1000, 320])  # the project's page as narrow as it may be: the board needs the room
        self.detail.setMinimumWidth(320)
        self.count_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(self._top_bar())
        layout.addLayout(self._filter_bar())
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count_label)
        self._shortcuts()
        self.show_view(BOARD)

    def _top_bar(self) -> QHBoxLayout:
        self.board_button = QToolButton()
        self.board_button.setText(self.tr("&Board"))
        self.list_button = QToolButton()
        self.list_button.setText(self.tr("&List"))
        self.view_group = QButtonGroup(self)
        for code, button in ((BOARD, self.board_button), (LIST, self.list_button)):
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.view_group.addButton(button, code)
        self.view_group.idClicked.connect(self.show_view)
        self.new_button = QPushButton(self.tr("&New…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.move_button = QToolButton()
        self.move_button.setText(self.tr("&Move to"))
        self.move_button.setToolTip(self.tr("Move the project to another stage (Ctrl+Left / Ctrl+Right on the board)"))
        self.move_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.move_menu = self._move_menu()
        self.move_button.setMenu(self.move_menu)
        self.new_button.clicked.connect(self.new_project)
        self.edit_button.clicked.connect(self.edit_project)
        bar = QHBoxLayout()
        bar.addWidget(self.board_button)
        bar.addWidget(self.list_button)
        bar.addStretch(1)
        for button in (self.new_button, self.edit_button, self.move_button):
            bar.addWidget(button)
        return bar

    def _filter_bar(self) -> QHBoxLayout:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search project or investor…"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=200)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.stage_filter = QComboBox()
        self.station_filter = QComboBox()
        self.industry_filter = QComboBox()
        self._fill_filters()
        for combo in (self.stage_filter, self.station_filter, self.industry_filter):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.chushang_filter = QCheckBox(self.tr("Chushang only"))
        self.chushang_filter.setToolTip(self.tr("Only Chushang (楚商) projects"))
        self.alumni_filter = QCheckBox(self.tr("Alumni only"))
        self.alumni_filter.setToolTip(self.tr("Only alumni (校友) projects"))
        for box in (self.chushang_filter, self.alumni_filter):
            box.toggled.connect(lambda _c: self.reload())
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        for combo in (self.stage_filter, self.station_filter, self.industry_filter):
            bar.addWidget(combo, 1)
        bar.addWidget(self.chushang_filter)
        bar.addWidget(self.alumni_filter)
        return bar

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(24)
        header = table.horizontalHeader()
        # Widths that fit the usual names; a narrow window scrolls sideways rather than squeezing the names.
        for column, width in ((NAME, 170), (INVESTOR, 120), (SINCE, 84)):
            table.setColumnWidth(column, width)
        for column in AMOUNTS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.selectionModel().selectionChanged.connect(lambda *_: self._current_changed())
        table.doubleClicked.connect(lambda _i: self.edit_project())
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(
            lambda pos: self.move_menu.exec(table.viewport().mapToGlobal(pos)) if self.current_id() else None)
        return table

    def _move_menu(self) -> QMenu:
        menu = QMenu(self)
        self.move_actions = {}
        for stage, label in stage_labels().items():
            action = menu.addAction(label)
            action.triggered.connect(lambda _checked=False, s=stage: self._move_current(s))
            self.move_actions[stage] = action
        return menu

    def _context_menu(self, pos) -> None:
        if self.current_id():
            self.move_menu.exec(self.board.mapToGlobal(pos))

    def _shortcuts(self) -> None:
        shortcut(QKeySequence.StandardKey.New, self, self.new_project, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.edit_project)
        for keys, step in (("Ctrl+Right", 1), ("Ctrl+Left", -1)):  # as on the board's cards
            shortcut(QKeySequence(keys), self.table, lambda s=step: self._step_current(s))

    def on_ready(self) -> None:
        self._fill_filters()

    def _fill_filters(self) -> None:
        refill_combo(self.stage_filter, list(stage_labels().items()), empty=self.tr("All stages"))
        refill_combo(self.station_filter, ref_choices(self.ctx, "station"), empty=self.tr("All stations"))
        fit_column(self.table, STAGE, stage_labels().values(), 120)
        fit_column(self.table, STATION, [name for _code, name in ref_choices(self.ctx, "station")], 150)
        refill_combo(self.industry_filter, ref_choices(self.ctx, "industry"), empty=self.tr("All industries"))

    # Views and loading -----------------------------------------------------------------------------
    def show_view(self, view: int) -> None:
        keep = self.current_id()
        self.view_group.button(view).setChecked(True)
        self.views.setCurrentIndex(view)
        self.stage_filter.setVisible(view == LIST)  # the board shows every stage side by side
        self._keep = keep
        self.reload()

    def on_board(self) -> bool:
        return self.views.currentIndex() == BOARD

    def query(self) -> ProjectQuery:
        return ProjectQuery(stage="" if self.on_board() else self.stage_filter.currentData() or "",
                            station=self.station_filter.currentData() or "",
                            industry=self.industry_filter.currentData() or "",
                            chushang=self.chushang_filter.isChecked(), alumni=self.alumni_filter.isChecked(),
                            text=self.search.text())

    def reload(self) -> None:
        if self.ctx.profile is None:
            return
        keep = getattr(self, "_keep", None) or self.current_id()
        self._keep = None
        self.today = date.today()
        if self.on_board():
            self.ctx.read(project_board, self.query(), on_done=lambda board: self._show_board(board, keep))
        else:
            self.ctx.read(find_projects, self.query(), on_done=lambda rows: self._show_rows(rows, keep))
        self._load_detail(keep or "")

    def _show_board(self, board: dict, keep: str | None) -> None:
        self.board.set_board(board, self.today)
        count = sum(len(rows) for rows in board.values())
        self.count_label.setText(self.tr("%Ln project(s)", "", count))
        if keep and self.board.current_id() != keep:
            self.board.select(keep)
        self._update_buttons()

    def _show_rows(self, rows: list, keep: str | None) -> None:
        self.model.set_rows(rows, self.today)
        self.count_label.setText(self.tr("%Ln project(s)", "", len(rows)))
        if keep:
            self.select_project(keep)
        self._update_buttons()

    def select_project(self, project_id: str) -> None:
        if self.on_board():
            self.board.select(project_id)
            return
        row = self.model.row_of(project_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def current_id(self) -> str | None:
        if self.on_board():
            return self.board.current_id()
        index = self.table.currentIndex()
        has = index.isValid() and self.table.selectionModel().hasSelection()
        return self.model.id_at(index.row()) if has else None

    def _current_changed(self) -> None:
        self._update_buttons()
        self._load_detail(self.current_id() or "")

    def _load_detail(self, project_id: str) -> None:
        self._detail_for = project_id
        if not project_id:
            self.detail.show_detail(None)
            self.detail.hide()  # nothing chosen: the board has the whole width for its cards
            return
        self.ctx.read(project_detail, project_id, on_done=lambda d: self._show_detail(project_id, d),
                      on_error=lambda _e, _d: self._show_detail(project_id, None))

    def _show_detail(self, project_id: str, detail: dict | None) -> None:
        if project_id == self._detail_for:  # not an answer for a project chosen since
            self.detail.show_detail(detail, self.today)
            self.detail.setVisible(detail is not None)

    def _update_buttons(self) -> None:
        current = self.current_id()
        for button in (self.edit_button, self.move_button):
            button.setEnabled(current is not None)
        stage = self._stage_of(current) if current else ""
        for code, action in self.move_actions.items():
            action.setEnabled(code != stage)

    def _stage_of(self, project_id: str) -> str:
        row = self._row(project_id)
        return row.stage if row is not None else ""

    def _row(self, project_id: str):
        for view in self.board.columns.values():
            index = view.cards().row_of(project_id)
            if index >= 0:
                return view.cards().rows[index]
        index = self.model.row_of(project_id)
        return self.model.rows[index] if index >= 0 else None

    # Editing ---------------------------------------------------------------------------------------
    def new_project(self) -> None:
        self._open(ProjectDialog(self.ctx, None, self))

    def edit_project(self) -> None:
        project_id = self.current_id()
        if project_id:
            self.ctx.read(project_detail, project_id,
                          on_done=lambda p: self._open(ProjectDialog(self.ctx, p, self)))

    def _move_current(self, stage: str) -> None:
        project_id = self.current_id()
        if project_id:
            self.ask_move(project_id, stage)

    def _step_current(self, step: int) -> None:
        project_id = self.current_id()
        stage = self._stage_of(project_id) if project_id else ""
        index = PROJECT_STAGES.index(stage) + step if stage else -1
        if 0 <= index < len(PROJECT_STAGES):
            self.ask_move(project_id, PROJECT_STAGES[index])

    def ask_move(self, project_id: str, stage: str) -> None:
        """Ask the day (and for dropped, why); the card moves once the move is written, or stays."""
        row = self._row(project_id)
        if row is None or row.stage == stage or stage not in PROJECT_STAGES:
            return
        self._open(MoveStageDialog(self.ctx, project_id, row.name, stage, self), project_id)

    def add_arrival(self) -> None:
        detail = self.detail.detail
        if detail is not None:
            self._open(ArrivalDialog(self.ctx, detail["id"], detail["name"], self), detail["id"])

    def _open(self, dialog, select_id: str | None = None) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._after_save(select_id or dialog.saved_id))
        dialog.rejected.connect(self._after_cancel)
        dialog.open()

    def _after_save(self, project_id: str | None) -> None:
        if project_id:  # selected once the reload the write announced has answered
            self.ctx.read(lambda _s: None, on_done=lambda _r: self._select_and_focus(project_id))

    def _after_cancel(self) -> None:
        if self.on_board():
            self.board.focus_current()

    def _select_and_focus(self, project_id: str) -> None:
        self.select_project(project_id)
        if self.on_board():
            self.board.focus_current()
