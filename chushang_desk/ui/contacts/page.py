"""The contacts screen (名录): search and filters, the lazy table, and the detail pane beside it.

Every query runs in SQL on the database thread (services.contacts). A query first brings its count
and first rows (`contact_head`), so the list paints at once, then all ids when there are many.
Each query has a generation number; results of an older one are dropped, and a query that is
already stale when the database thread reaches it is not run at all.
"""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QLocale, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QSplitter, QTableView, QVBoxLayout,
)

from ...services.contacts import (
    ContactQuery, contact_detail, contact_head, contact_regions, delete_contact, find_contact_ids,
)
from ...services.erase import erase_person, may_erase
from ...services.messages import NotFound
from ...services.shown import shown_tables
from ..errors import show_error
from ..pages import Page
from .detail import ContactDetailPane
from .edit_dialog import ContactEditDialog
from .erase_dialog import EraseContactDialog
from .filters import ContactFilters
from .table_model import COLUMNS, ContactTableModel

LOG_VISIT_KEYS = "Ctrl+Shift+V"  # as the Visits screen's "Log a visit…"; here with the selected contact
COLUMN_WIDTHS = (96, 110, 116, 210, 110, 130, 170, 120, 80, 150)
PHONE_COLUMN, PHONE_SHOWN_AT = 9, 3  # the model's last column, shown after name, kinds and marks


def _detail_and_rights(session, contact_id: str):
    """The contact's detail, and whether this account may erase him (read together: one round trip)."""
    return contact_detail(session, contact_id), may_erase(session)


def _unless_stale(is_stale, service):
    """A service call skipped (returning None) when a newer query replaced it while it waited."""
    def run(session, *args, **kwargs):
        return None if is_stale() else service(session, *args, **kwargs)
    return run


class ContactsPage(Page):
    tables = shown_tables("contact")

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.setObjectName("contactsPage")
        self._generation = 0
        self.shown_query: ContactQuery | None = None  # the query whose answer the table shows
        self._changed: set[str] = {"contact"}
        self._detail = None
        self._select_after: str | None = None
        self._refs_filled = False
        self._regions_stale = True
        self.dialog: ContactEditDialog | None = None
        self.erase_dialog: EraseContactDialog | None = None
        # Holding an arrow key in the table loads one detail when it stops, not one per row passed.
        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(60)
        self._pending_detail: str | None = None
        self._edit_after_load: str | None = None
        self.model = ContactTableModel(ctx, ctx.ref_name, self)
        self.filters = ContactFilters()
        self.detail = ContactDetailPane(ctx.ref_name)
        self._build()
        self._connect()

    def title(self) -> str:
        return self.tr("Contacts")

    # --- building ---------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.table = QTableView()
        self.table.setObjectName("contactTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        self._fit_label_columns()
        # The phone is what an officer looks up most: shown before the company, not past the right edge.
        header.moveSection(header.visualIndex(PHONE_COLUMN), PHONE_SHOWN_AT)
        self.count_label = QLabel()
        self.count_label.setObjectName("contactCount")
        self.new_button = QPushButton(self.tr("New contact…"))
        self.new_button.setToolTip(self.tr("Create a contact (Ctrl+N)"))
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filters.search, 1)
        top.addSpacing(8)
        top.addWidget(self.count_label)
        top.addSpacing(8)
        top.addWidget(self.new_button)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([760, 340])
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 8, 8)
        column.addLayout(top)
        column.addWidget(self.filters)
        column.addWidget(self.splitter, 1)

    def _fit_label_columns(self) -> None:
        """Kinds and marks are our own words: wide enough for the longest in this language."""
        metrics = self.table.fontMetrics()
        cells = {1: self.model.longest_kinds_text(), 2: self.model.longest_marks_text()}
        for column, text in cells.items():
            header = self.model.headerData(column, Qt.Orientation.Horizontal)
            width = max(metrics.horizontalAdvance(text), metrics.horizontalAdvance(header) + 16) + 14
            self.table.setColumnWidth(column, width)

    def _connect(self) -> None:
        self.filters.changed.connect(self.run_query)
        self.table.horizontalHeader().sectionClicked.connect(self._header_clicked)
        self.model.sort_requested.connect(self._sort_requested)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.filters.search.returnPressed.connect(self._focus_table)
        self._detail_timer.timeout.connect(self._load_pending_detail)
        self.table.doubleClicked.connect(self._edit_row)
        self.new_button.clicked.connect(self.new_contact)
        self.detail.edit_requested.connect(lambda _id: self.edit_contact())
        self.detail.delete_requested.connect(self.delete_contact)
        self.detail.erase_requested.connect(self.ask_erase_contact)
        self.detail.merge_requested.connect(self.merge_duplicates)
        self.detail.undo_merge_requested.connect(self.undo_merge)
        self.detail.log_visit_requested.connect(lambda contact_id: self.ctx.log_visit_requested.emit([contact_id]))
        self.detail.set_log_visit_keys(QKeySequence(LOG_VISIT_KEYS))
        self.ctx.show_contact_requested.connect(self.show_contact)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_contact)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        QShortcut(QKeySequence(LOG_VISIT_KEYS), self, self.log_visit_for_selected)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table, self._delete_shown)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)

    # --- reloading ----------------------------------------------------------------------------------------

    def _on_data_changed(self, tables: frozenset) -> None:
        self._changed |= set(tables)
        super()._on_data_changed(tables)

    def on_ready(self) -> None:
        self.filters.set_reference_lists(self.ctx.refs, self.ctx.lang)
        self._refs_filled = True

    def reload(self) -> None:
        changed, self._changed = self._changed, set()
        if not self._refs_filled:
            self.on_ready()
        if "contact" in changed:
            self._regions_stale = True  # fetched after the list has painted
            self.run_query()
        if self.detail.contact_id:
            self._load_detail(self.detail.contact_id)

    def run_query(self) -> None:
        if self.ctx.profile is None:
            return
        self._generation += 1
        generation, query = self._generation, self.filters.query()
        self.ctx.read(_unless_stale(lambda: generation != self._generation, contact_head), query,
                      on_done=lambda head: self._head_arrived(generation, query, head))

    def _head_arrived(self, generation: int, query: ContactQuery, head) -> None:
        if head is None or generation != self._generation:
            return
        selected = self._select_after or self.detail.contact_id
        self.shown_query = query
        self.model.show_contact_head(head)
        self._show_count(head.total, close=head.close)
        if head.ids is None:
            # Paint the first rows now: fetching 100,000 ids holds the GIL in bursts for ~80 ms, and a
            # paint competing with it for the GIL would wait that long.
            self.table.viewport().repaint()
            model_generation = self.model.generation
            self.ctx.read(_unless_stale(lambda: generation != self._generation, find_contact_ids), query,
                          on_done=lambda found: self._ids_arrived(generation, model_generation, found))
        self._reselect(selected)
        if head.total == 1 and not head.close and not self.table.currentIndex().isValid():
            self._select_row(0)  # a single hit is shown at once; the focus stays in the search box
        if self._regions_stale:
            self._regions_stale = False
            self.ctx.read(contact_regions, on_done=self.filters.set_regions)

    def _ids_arrived(self, generation: int, model_generation: int, ids) -> None:
        if ids is None or generation != self._generation:
            return
        self.model.set_ids(model_generation, ids)
        self._show_count(len(ids))
        self._reselect(self._select_after or self.detail.contact_id)

    def _show_count(self, total: int, close: bool = False) -> None:
        if close:  # nothing matched exactly; the list holds the names closest to what was typed
            self.count_label.setText(self.tr("No exact match: {0} similar").format(QLocale().toString(total)))
        elif total == 0:
            self.count_label.setText(self.tr("No contacts match"))
        elif total == 1:
            self.count_label.setText(self.tr("1 contact"))
        else:
            self.count_label.setText(self.tr("{0} contacts").format(QLocale().toString(total)))

    # --- selection and the detail pane ---------------------------------------------------------------------

    def _reselect(self, contact_id: str | None) -> None:
        """Select this contact again after the list changed (when it is in the list)."""
        if not contact_id:
            return
        row = self.model.row_of(contact_id)
        if row < 0:
            return
        if self._select_after == contact_id:
            self._select_after = None
        self._select_row(row)

    def _select_row(self, row: int) -> None:
        """Make the row current and selected without moving the keyboard focus."""
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def selected_contact_id(self) -> str | None:
        """The contact of the selected row (its detail may still be on its way), else the one shown."""
        current = self.table.currentIndex()
        if current.isValid() and self.table.selectionModel().isRowSelected(current.row()):
            return self.model.contact_id(current.row()) or self.detail.contact_id
        return self.detail.contact_id

    def _current_row_changed(self, current, _previous) -> None:
        contact_id = self.model.contact_id(current.row()) if current.isValid() else None
        self.ctx.selected_contact_id = contact_id or self.detail.contact_id
        if contact_id and contact_id != self.detail.contact_id:
            self._pending_detail = contact_id
            self._detail_timer.start()

    def _load_pending_detail(self) -> None:
        if self._pending_detail:
            self._load_detail(self._pending_detail)
            self._pending_detail = None

    def _load_detail(self, contact_id: str) -> None:
        self.ctx.read(_detail_and_rights, contact_id,
                      on_done=lambda answer: self._detail_arrived(contact_id, *answer),
                      on_error=lambda exc, details: self._detail_failed(contact_id, exc, details))

    def _detail_arrived(self, contact_id: str, detail, erase_allowed: bool = False) -> None:
        current = self.table.currentIndex()
        wanted = self.model.contact_id(current.row()) if current.isValid() else None
        if wanted not in (None, contact_id) and self._select_after != contact_id:
            return  # the officer moved on to another row meanwhile
        self._detail = detail
        self.detail.show_detail(detail)
        self.detail.set_may_erase(erase_allowed)
        if self._edit_after_load == contact_id:
            self._edit_after_load = None
            self.edit_contact()

    def _detail_failed(self, contact_id: str, exc: BaseException, details: str) -> None:
        if isinstance(exc, NotFound):  # deleted here or by a sync meanwhile
            self._deleted(contact_id)
            return
        show_error(self, exc, details)

    def show_contact(self, contact_id: str) -> None:
        """Another screen asked to show this contact: select it, clearing the filters if they hide it."""
        self._select_after = contact_id
        self._load_detail(contact_id)
        if self.model.row_of(contact_id) >= 0:
            self._reselect(contact_id)
        elif self.filters.query().is_plain() and self.model.ids() is None:
            pass  # the whole directory is loading; it is selected when the ids arrive
        else:
            self.filters.clear()

    # --- actions -------------------------------------------------------------------------------------------

    def _focus_table(self) -> None:
        """Enter in the search box: on to the results, the first one selected."""
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.selectRow(0)

    def focus_search(self) -> None:
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()

    def log_visit_for_selected(self) -> None:
        """Ctrl+Shift+V in the list or the pane: Log a visit with the selected contact filled in."""
        contact_id = self.selected_contact_id()
        self.ctx.log_visit_requested.emit([contact_id] if contact_id else [])

    def new_contact(self) -> None:
        if self.ctx.profile is None:
            return
        self._open_dialog(ContactEditDialog(self.ctx, None, self))

    def _edit_row(self, index) -> None:
        """Double-click: edit that row's contact (once its detail is here, so the form is complete)."""
        contact_id = self.model.contact_id(index.row())
        if not contact_id:
            return
        if self._detail is not None and self._detail.contact["id"] == contact_id:
            self.edit_contact()
        else:
            self._edit_after_load = contact_id
            self._detail_timer.stop()
            self._load_detail(contact_id)

    def _delete_shown(self) -> None:
        if self.detail.contact_id:
            self.delete_contact(self.detail.contact_id)

    def edit_contact(self) -> None:
        if self._detail is not None and self._detail.contact["id"] == self.detail.contact_id:
            self._open_dialog(ContactEditDialog(self.ctx, self._detail.contact, self))

    def _open_dialog(self, dialog: ContactEditDialog) -> None:
        self.dialog = dialog  # kept for the tests and so it is not collected while open
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._contact_saved)
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def _dialog_closed(self, _result: int) -> None:
        self.dialog = None

    def _contact_saved(self, contact_id: str) -> None:
        self._select_after = contact_id
        self._load_detail(contact_id)
        if self.model.row_of(contact_id) >= 0:
            self._reselect(contact_id)

    def delete_contact(self, contact_id: str) -> None:
        name = self._detail.contact["name"] if self._detail is not None else ""
        answer = QMessageBox.question(
            self, self.tr("Delete contact"),
            self.tr("Delete {0} from the directory? The record is removed on every laptop after the next sync.").format(name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ctx.write(delete_contact, contact_id, on_done=lambda _r: self._deleted(contact_id),
                       on_error=lambda exc, details: show_error(self, exc, details))

    def merge_duplicates(self, contact_id: str) -> None:
        from .merge_dialog import MergeDialog

        self.merge_dialog = MergeDialog(self.ctx, contact_id, self)
        self.merge_dialog.merged.connect(self.show_contact)
        self.merge_dialog.open()

    def undo_merge(self, merge_id: str) -> None:
        from ...services.merge import undo_merge

        self.ctx.write(undo_merge, merge_id, on_error=lambda exc, details: show_error(self, exc, details))

    def ask_erase_contact(self, contact_id: str) -> EraseContactDialog | None:
        """Headquarters erases a person for good, after typing his name (erase_dialog.py)."""
        if self._detail is None or self._detail.contact["id"] != contact_id:
            return None
        dialog = EraseContactDialog(contact_id, self._detail.contact["name"], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.confirmed.connect(self.erase_contact)
        dialog.finished.connect(lambda _r: setattr(self, "erase_dialog", None))
        self.erase_dialog = dialog
        dialog.open()
        return dialog

    def erase_contact(self, contact_id: str) -> None:
        profile = self.ctx.profile

        def erased(changed: frozenset) -> None:
            self.ctx.announce(changed)
            self._deleted(contact_id)

        self.ctx.runner.run(lambda: erase_person(profile, contact_id), erased,
                            lambda exc, details: show_error(self, exc, details))

    def _deleted(self, contact_id: str) -> None:
        if self.ctx.selected_contact_id == contact_id:
            self.ctx.selected_contact_id = None
        if self.detail.contact_id == contact_id:
            self._detail = None
            self.detail.show_nothing()

    # --- sorting by a header click --------------------------------------------------------------------------

    def _header_clicked(self, column: int) -> None:
        header = self.table.horizontalHeader()
        sort = COLUMNS[column][1]
        if sort is None:  # the phone column: keep the indicator where the order really is
            header.setSortIndicator(*self._sort_indicator())
            return
        query = self.filters.query()
        descending = query.sort == sort and not query.descending
        header.setSortIndicator(column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
        self.filters.set_sort(sort, descending)

    def _sort_requested(self, sort: str, descending: bool) -> None:
        column = next(i for i, (_key, s) in enumerate(COLUMNS) if s == sort)
        self.table.horizontalHeader().setSortIndicator(
            column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
        self.filters.set_sort(sort, descending)

    def _sort_indicator(self) -> tuple[int, Qt.SortOrder]:
        query = self.filters.query()
        column = next((i for i, (_key, s) in enumerate(COLUMNS) if s == query.sort), 0)
        return column, Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
