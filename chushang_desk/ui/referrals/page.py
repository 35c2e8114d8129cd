"""The referrals screen (推荐): who referred whom or what, how far each referral has come, and the
ambassadors' outcomes for a year."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QHeaderView, QLabel, QMenu, QPushButton, QSplitter, QTableView, QTabWidget, QToolButton,
    QVBoxLayout, QWidget,
)

from ...services.referrals import ReferralQuery, delete_referral, get_referral, referral_page, set_referral_status
from ...services.shown import shown_tables
from ..labels import status_labels
from ..pages import Page
from ..widgets.form import confirm, ref_choices, refill_combo
from ..widgets.lazy_table import row_table
from ..widgets.shortcuts import shortcut
from .ambassadors import ChainDialog, RankingPanel
from .dialog import ReferralDialog
from .model import AMBASSADOR, DATE, REFERRED, STATION, STATUS, ReferralTableModel, referred_text
from .outcomes import OutcomesPanel


class ReferralsPage(Page):
    tables = shown_tables("referral")

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.model = ReferralTableModel(ctx, self)
        self._ambassador_id = ""
        self._build()

    def title(self) -> str:
        return self.tr("Referrals")

    # Layout ----------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.status_filter = QComboBox()
        self.station_filter = QComboBox()
        self._fill_filters()
        for combo in (self.status_filter, self.station_filter):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.ambassador_filter = QPushButton()
        self.ambassador_filter.setToolTip(self.tr("Click to show every ambassador's referrals"))
        self.ambassador_filter.clicked.connect(lambda: self.filter_ambassador("", ""))
        self.ambassador_filter.hide()
        self.new_button = QPushButton(self.tr("&New…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.status_button = QToolButton()
        self.status_button.setText(self.tr("Set &status"))
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.status_menu = self._status_menu()
        self.status_button.setMenu(self.status_menu)
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.chain_button = QPushButton(self.tr("C&hain…"))
        self.chain_button.setToolTip(self.tr("The chain of referrals of the selected referral's ambassador"))
        self.chain_button.clicked.connect(self.show_selected_chain)
        self.new_button.clicked.connect(self.new_referral)
        self.edit_button.clicked.connect(self.edit_referral)
        self.delete_button.clicked.connect(self.delete_referral)
        bar = QHBoxLayout()
        bar.addWidget(self.status_filter, 1)
        bar.addWidget(self.station_filter, 1)
        bar.addWidget(self.ambassador_filter)
        bar.addStretch(1)
        for button in (self.new_button, self.edit_button, self.status_button, self.delete_button, self.chain_button):
            bar.addWidget(button)
        self.table = self._build_table()
        self.count_label = QLabel()
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table)
        column.addWidget(self.count_label)
        self.outcomes = OutcomesPanel(self.ctx)
        self.outcomes.ambassador_chosen.connect(self.filter_ambassador)
        self.outcomes.chain_requested.connect(self.show_chain)
        self.ranking = RankingPanel(self.ctx)
        self.ranking.chain_requested.connect(self.show_chain)
        self.panels = QTabWidget()
        self.panels.addTab(self.outcomes, self.tr("Outcomes"))
        self.panels.addTab(self.ranking, self.tr("Ranking"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.panels)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([600, 460])  # the ranking's six columns fit beside a readable list at 1280 px
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self._shortcuts()
        self._update_buttons()

    def _shortcuts(self) -> None:
        """Ctrl+N new; Delete and Enter on the list (only while this screen has focus)."""
        shortcut(QKeySequence.StandardKey.New, self, self.new_referral, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_referral)
        shortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.edit_referral)

    def _build_table(self) -> QTableView:
        table = row_table(self.model, row_height=24)
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(REFERRED, QHeaderView.ResizeMode.Stretch)
        for col, width in ((DATE, 95), (AMBASSADOR, 100), (STATUS, 95), (STATION, 170)):
            table.setColumnWidth(col, width)
        table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        table.doubleClicked.connect(lambda _i: self.edit_referral())
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(
            lambda pos: self.status_menu.exec(table.viewport().mapToGlobal(pos)) if self.current_id() else None)
        return table

    def _status_menu(self) -> QMenu:
        menu = QMenu(self)
        self.status_actions: dict[str, QAction] = {}
        for code, label in status_labels().items():
            action = menu.addAction(label)
            action.triggered.connect(lambda _checked=False, c=code: self.set_status(c))
            self.status_actions[code] = action
        return menu

    def on_ready(self) -> None:
        self._fill_filters()
        self.ranking.fill_stations()

    def _fill_filters(self) -> None:
        refill_combo(self.status_filter, list(status_labels().items()), empty=self.tr("All statuses"))
        refill_combo(self.station_filter, ref_choices(self.ctx, "station"), empty=self.tr("All stations"))

    # Loading ---------------------------------------------------------------------------------------
    def query(self) -> ReferralQuery:
        return ReferralQuery(status=self.status_filter.currentData() or "", ambassador_id=self._ambassador_id,
                             station=self.station_filter.currentData() or "")

    def reload(self) -> None:
        if self.ctx.profile is None:
            return
        keep = self.current_id()
        self.ctx.read(referral_page, self.query(), on_done=lambda page: self._show_page(page, keep))
        self.outcomes.reload()
        self.ranking.reload()

    def _show_page(self, page, keep: str | None) -> None:
        self.model.set_page(page)
        self.count_label.setText(self.tr("%Ln referral(s)", "", len(page.ids)))
        if keep:
            self.select_referral(keep)
        self._update_buttons()

    def filter_ambassador(self, ambassador_id: str, name: str) -> None:
        self._ambassador_id = ambassador_id
        self.ambassador_filter.setText(self.tr("Ambassador: {0}  ✕").format(name))
        self.ambassador_filter.setVisible(bool(ambassador_id))
        self.reload()

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() and self.table.selectionModel().hasSelection() \
            else None

    def select_referral(self, referral_id: str) -> None:
        row = self.model.row_of(referral_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _update_buttons(self) -> None:
        has = self.current_id() is not None
        for button in (self.edit_button, self.status_button, self.delete_button, self.chain_button):
            button.setEnabled(has)
        row = self.model.row_at(self.table.currentIndex().row()) if has else None
        for code, action in self.status_actions.items():
            action.setCheckable(True)
            action.setChecked(row is not None and row.status == code)

    # Ambassadors' chains ---------------------------------------------------------------------------
    def show_selected_chain(self) -> None:
        row = self.model.row_at(self.table.currentIndex().row()) if self.current_id() else None
        if row is not None:
            self.show_chain(row.ambassador_id)

    def show_chain(self, ambassador_id: str) -> None:
        self.chain_dialog = ChainDialog(self.ctx, ambassador_id, self)  # kept for tests, and while open
        self.chain_dialog.open()

    # Editing ---------------------------------------------------------------------------------------
    def new_referral(self) -> None:
        self._open_dialog(ReferralDialog(self.ctx, None, self))

    def edit_referral(self) -> None:
        referral_id = self.current_id()
        if referral_id:
            self.ctx.read(get_referral, referral_id,
                          on_done=lambda r: self._open_dialog(ReferralDialog(self.ctx, r, self)))

    def _open_dialog(self, dialog: ReferralDialog) -> None:
        self.dialog = dialog  # kept for tests and so it is not collected while open
        dialog.accepted.connect(lambda: self._after_save(dialog.saved_id))
        dialog.open()

    def _after_save(self, referral_id: str) -> None:
        self.ctx.read(lambda _s: None, on_done=lambda _r: self.select_referral(referral_id))

    def set_status(self, status: str) -> None:
        referral_id = self.current_id()
        if referral_id:
            self.ctx.write(set_referral_status, referral_id, status)

    def delete_referral(self) -> None:
        referral_id = self.current_id()
        row = self.model.row_at(self.table.currentIndex().row()) if referral_id else None
        if row is None:
            return
        what = referred_text(row) or "-"
        self.confirm_box = confirm(
            self, self.tr("Delete referral"),
            self.tr("Delete the referral of “{0}” by {1}?").format(what, row.ambassador),
            lambda: self.ctx.write(delete_referral, referral_id))
