"""The organizations screen (组织): searchable, filterable list on the left, detail pane on the right."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QSplitter, QTableView, QVBoxLayout,
    QWidget,
)

from ...services.messages import NotFound
from ...services.organizations import (
    OrganizationQuery, delete_organization, get_organization, organization_detail, organization_page,
    remove_affiliation,
)
from ...services.shown import shown_tables
from ..errors import show_error
from ..labels import kind_labels
from ..pages import Page
from ..widgets.form import confirm, ref_choices, refill_combo
from ..widgets.lazy_table import row_table
from ..widgets.shortcuts import shortcut
from ..widgets.tables import fit_column
from .detail import OrganizationDetail
from .dialogs import AffiliationDialog, OrganizationDialog
from .model import FOUNDED, KIND, MEMBERS, NAME, PLACE, STATION, OrganizationTableModel

SEARCH_DELAY_MS = 150


class OrganizationsPage(Page):
    tables = shown_tables("organization")

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.model = OrganizationTableModel(ctx, self)
        self._selected_id: str | None = None
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self._build()

    def title(self) -> str:
        return self.tr("Organizations")

    # Layout ----------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search name, pinyin, city…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.kind_filter = QComboBox()
        self.station_filter = QComboBox()
        self._fill_filters()
        for combo in (self.kind_filter, self.station_filter):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.new_this_year = QCheckBox(self.tr("Founded in {0}").format(date.today().year))
        self.new_this_year.setToolTip(self.tr("New chambers are a yearly target: show what was founded this year"))
        self.new_this_year.toggled.connect(lambda _on: self.reload())
        self.new_button = QPushButton(self.tr("&New…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.new_button.clicked.connect(self.new_organization)
        self.edit_button.clicked.connect(self.edit_organization)
        self.delete_button.clicked.connect(self.delete_organization)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.kind_filter, 1)
        bar.addWidget(self.station_filter, 1)
        bar.addWidget(self.new_this_year)
        for button in (self.new_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        self.count_label = QLabel()
        self.table = self._build_table()
        self.detail = OrganizationDetail(self.ctx)
        self.detail.add_member.connect(self.add_member)
        self.detail.edit_member.connect(self.edit_member)
        self.detail.remove_member.connect(self.remove_member)
        self.detail.show_contact.connect(self.ctx.show_contact_requested)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.table)
        left.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        holder = self._wrap(left)
        splitter.addWidget(holder)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 320])  # the list first: its station names are long in English
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self._shortcuts()
        self._update_buttons()

    def _shortcuts(self) -> None:
        """Ctrl+N new, Ctrl+F search, Delete and Enter on the list (only while this screen has focus)."""
        scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
        shortcut(QKeySequence.StandardKey.New, self, self.new_organization, scope)
        shortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus, scope)
        shortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_organization)
        shortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.edit_organization)

    @staticmethod
    def _wrap(layout) -> QWidget:
        widget = QWidget()
        widget.setLayout(layout)
        return widget

    def _build_table(self) -> QTableView:
        table = row_table(self.model, row_height=24)
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(50)
        for column, width in ((KIND, 90), (PLACE, 92), (STATION, 110), (FOUNDED, 76), (MEMBERS, 62)):
            table.setColumnWidth(column, width)
        table.selectionModel().currentRowChanged.connect(self._current_changed)
        table.doubleClicked.connect(lambda _i: self.edit_organization())
        return table

    def on_ready(self) -> None:
        self._fill_filters()
        # Station names are long in English ("Beijing-Tianjin-Hebei station"): wider, but the name stays first.
        fit_column(self.table, STATION, [name for _code, name in ref_choices(self.ctx, "station")], most=160)
        fit_column(self.table, KIND, list(kind_labels().values()), most=100)

    def _fill_filters(self) -> None:
        refill_combo(self.kind_filter, list(kind_labels().items()), empty=self.tr("All kinds"))
        refill_combo(self.station_filter, ref_choices(self.ctx, "station"), empty=self.tr("All stations"))

    # Loading ---------------------------------------------------------------------------------------
    def query(self) -> OrganizationQuery:
        return OrganizationQuery(text=self.search.text(), kind=self.kind_filter.currentData() or "",
                                 station=self.station_filter.currentData() or "",
                                 founded_year=date.today().year if self.new_this_year.isChecked() else None)

    def reload(self) -> None:
        if self.ctx.profile is None:
            return
        self.ctx.read(organization_page, self.query(), on_done=self._show_page)

    def _show_page(self, page) -> None:
        self.model.set_page(page)
        self.count_label.setText(self.tr("%Ln organization(s)", "", len(page.ids)))
        if not self._show_selected():
            self._selected_id = None
            self.detail.show_detail(None)
        self._update_buttons()

    def _show_selected(self) -> bool:
        """Select the remembered organization's row and load its detail; False when it is not listed.
        (_current_changed skips a row it already remembers, so the detail is loaded here.)"""
        row = self.model.row_of(self._selected_id) if self._selected_id else -1
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        self._load_detail(self._selected_id)
        return True

    def _current_changed(self, current, _previous) -> None:
        row_id = self.model.id_at(current.row()) if current.isValid() else None
        if row_id == self._selected_id:
            return
        self._selected_id = row_id
        self._update_buttons()
        if row_id:
            self._load_detail(row_id)
        else:
            self.detail.show_detail(None)

    def _load_detail(self, row_id: str) -> None:
        self.ctx.read(organization_detail, row_id, on_done=lambda d: self._show_detail(row_id, d),
                      on_error=lambda exc, details: self._detail_failed(row_id, exc, details))

    def _show_detail(self, row_id: str, detail) -> None:
        if row_id == self._selected_id:
            self.detail.show_detail(detail)
            self._update_buttons()

    def _detail_failed(self, row_id: str, exc: BaseException, details: str) -> None:
        if isinstance(exc, NotFound):
            if row_id == self._selected_id:
                self.detail.show_detail(None)
            return
        show_error(self, exc, details)

    def _update_buttons(self) -> None:
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(self._selected_id is not None)

    def select_organization(self, organization_id: str) -> None:
        """Select it now if it is listed, else once the list reloads with it (after a save)."""
        self._selected_id = organization_id
        self._show_selected()
        self._update_buttons()

    # Editing ---------------------------------------------------------------------------------------
    def new_organization(self) -> None:
        self._open_dialog(OrganizationDialog(self.ctx, None, self))

    def edit_organization(self) -> None:
        if self._selected_id:
            self.ctx.read(get_organization, self._selected_id,
                          on_done=lambda org: self._open_dialog(OrganizationDialog(self.ctx, org, self)))

    def _open_dialog(self, dialog: OrganizationDialog) -> None:
        self.dialog = dialog  # kept for tests and so it is not collected while open
        dialog.accepted.connect(lambda: self.select_organization(dialog.saved_id))
        dialog.open()

    def delete_organization(self) -> None:
        org_id = self._selected_id
        row = self.model.row_of(org_id) if org_id else -1
        if row < 0:
            return
        name = self.model.index(row, NAME).data() or ""
        self.confirm_box = confirm(
            self, self.tr("Delete organization"),
            self.tr("Delete “{0}”? Its members keep their own records.").format(name),
            lambda: self.ctx.write(delete_organization, org_id))

    def add_member(self) -> None:
        if self._selected_id:
            self.member_dialog = AffiliationDialog(self.ctx, self._selected_id, None, self)
            self.member_dialog.open()

    def edit_member(self, member: dict) -> None:
        if self._selected_id:
            self.member_dialog = AffiliationDialog(self.ctx, self._selected_id, member, self)
            self.member_dialog.open()

    def remove_member(self, member: dict) -> None:
        self.confirm_box = confirm(
            self, self.tr("Remove member"),
            self.tr("Remove {0} ({1}) from this organization?").format(member["name"], member["role"] or "-"),
            lambda: self.ctx.write(remove_affiliation, member["id"]))
