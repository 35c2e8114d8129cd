"""The visit list (走访): filters, the lazily loaded table, a detail area, and the Log a visit dialog."""
from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QEvent, QStringListModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCompleter, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QSplitter, QTextBrowser,
    QVBoxLayout,
)

from ...services.shown import shown_tables
from ...services.visits import VisitQuery, delete_visit, get_visit, officer_names
from ..labels import STATE_FOREGROUND, iso, mode_items, mode_label, state_label
from ..pages import Page
from ..widgets.date_field import DateField
from ..widgets.form import ref_choices, refill_combo
from ..widgets.lazy_table import row_table
from ..widgets.picker import ContactPicker
from ..widgets.style import ERROR_STYLE
from ..widgets.tables import fit_column
from .log_dialog import ref_combo
from .table_model import VisitTableModel


class VisitsPage(Page):
    tables = shown_tables("visit")

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.log_dialog = None  # the open Log a visit / Edit visit dialog, if any
        self.model = VisitTableModel(ctx, self)
        self._selected_id: str | None = None
        self._detail_generation = 0
        self._build()
        self.model.ids_loaded.connect(self._ids_loaded)
        ctx.log_visit_requested.connect(self.log_visit)
        ctx.ready.connect(self._fill_reference_filters)
        if ctx.profile is not None:  # built after start-up (screens are built when first shown)
            self._fill_reference_filters()

    def title(self) -> str:
        return self.tr("Visits")

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.log_button = QPushButton(self.tr("Log a visit…"))
        self.log_button.setShortcut(QKeySequence("Ctrl+Shift+V"))
        self.log_button.setToolTip(self.tr("Log a visit (Ctrl+Shift+V): the contact selected under Contacts "
                                           "is filled in"))
        self.log_button.clicked.connect(self.log_visit_with_selected_contact)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.export_button = QPushButton(self.tr("E&xport to Excel…"))
        self.export_button.clicked.connect(self.export)
        self.count_label = QLabel()
        actions = QHBoxLayout()
        for button in (self.log_button, self.edit_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        actions.addWidget(self.export_button)

        self.date_from = DateField(default=lambda: date(date.today().year, 1, 1))
        self.date_to = DateField(default=date.today)
        self.date_error = QLabel()  # a filter date that does not exist, named next to the fields
        self.date_error.setStyleSheet(ERROR_STYLE)
        self.date_error.hide()
        self.station = ref_combo([], self.tr("All stations"))
        self.officer = QLineEdit()
        self.officer.setPlaceholderText(self.tr("Officer"))
        self.officer.setClearButtonEnabled(True)
        self.officer.setMaximumWidth(140)
        self._officer_names = QStringListModel(self)
        completer = QCompleter(self._officer_names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.officer.setCompleter(completer)
        self._officers_stale = True
        self.officer.installEventFilter(self)
        self.contact = ContactPicker(self.ctx, multiple=False, placeholder=self.tr("Contact…"))
        self.contact.edit.setMinimumWidth(120)
        self.mode = ref_combo(mode_items(), self.tr("All modes"))
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear_filters)
        filters = QHBoxLayout()
        for label, widget in ((self.tr("From"), self.date_from), (self.tr("to"), self.date_to)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
            widget.problem_changed.connect(self._show_date_problem)
        filters.addWidget(self.date_error)
        for widget, stretch in ((self.station, 0), (self.officer, 0), (self.contact, 1), (self.mode, 0),
                                (self.clear_button, 0)):
            filters.addWidget(widget, stretch)
        self._filter_timer = QTimer(self, singleShot=True, interval=250)
        self._filter_timer.timeout.connect(self.apply_filters)
        for widget in (self.date_from, self.date_to):
            widget.textChanged.connect(self._filters_changed)
        for combo in (self.station, self.mode):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.officer.textChanged.connect(self._filters_changed)
        self.contact.changed.connect(self._filters_changed)

        self.table = row_table(self.model, row_height=26)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for column, width in enumerate((92, 150, 130, 160, 100, 200, 92, 120)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(VisitTableModel.PURPOSE, QHeaderView.ResizeMode.Stretch)
        fit_column(self.table, VisitTableModel.MODE, [label for _code, label in mode_items()], most=180)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_selected)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._update_buttons())

        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.setPlaceholderText(self.tr("Select a visit to see its summary and follow-ups."))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 200])

        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        self._update_buttons()

    def _fill_reference_filters(self) -> None:
        stations = ref_choices(self.ctx, "station")
        refill_combo(self.station, stations, empty=self.station.itemText(0))
        fit_column(self.table, VisitTableModel.STATION, [name for _code, name in stations], most=200)

    # ------------------------------------------------------------------ filters and loading
    def query(self) -> VisitQuery:
        """The list's current filter (the export writes exactly this)."""
        return VisitQuery(
            date_from=self.date_from.date(), date_to=self.date_to.date(), station=self.station.currentData() or "",
            officer=self.officer.text().strip(), contact_id=self.contact.choice_id,
            mode=self.mode.currentData() or "",
        )

    def _filters_changed(self, *_args) -> None:
        self._filter_timer.start()

    def _dates_ok(self) -> bool:
        """Both filter dates empty or dates; a half-typed or impossible one filters nothing (yet)."""
        return self.date_from.problem() is None and self.date_to.problem() is None

    def _show_date_problem(self, _text: str = "") -> None:
        text = self.date_from.shown_problem() or self.date_to.shown_problem()
        self.date_error.setText(text)
        self.date_error.setVisible(bool(text))

    def apply_filters(self) -> None:
        self._filter_timer.stop()
        if self.ctx.profile is not None and self._dates_ok():
            self.count_label.setText(self.tr("Searching…"))
            self.model.load(self.query())

    def clear_filters(self) -> None:
        for widget in (self.date_from, self.date_to):
            widget.set_value(None)
        self.station.setCurrentIndex(0)
        self.mode.setCurrentIndex(0)
        self.officer.clear()
        self.contact.clear()
        self.apply_filters()

    def reload(self) -> None:
        self.count_label.setText(self.tr("Searching…"))
        self.model.load(self.query())
        self._officers_stale = True

    def eventFilter(self, obj, event) -> bool:
        if obj is self.officer and event.type() == QEvent.Type.FocusIn and self._officers_stale:
            # Officers' names scan every visit: asked for when the field is used, not before the list.
            self._officers_stale = False
            self.ctx.read(officer_names, on_done=self._officer_names.setStringList)
        return super().eventFilter(obj, event)

    def _ids_loaded(self, count: int) -> None:
        self.count_label.setText(self.tr("%Ln visit(s)", "", count))
        row = self.model.row_of(self._selected_id) if self._selected_id else -1
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
            self._load_detail()  # the same visit, but what it names may have changed (a renamed organization)
        else:
            self._selected_id = None
            self._show_detail(None)
        self._update_buttons()

    # ------------------------------------------------------------------ selection and detail
    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() and self.table.selectionModel().hasSelection() \
            else None

    def _current_changed(self, current, _previous) -> None:
        self._selected_id = self.model.id_at(current.row()) if current.isValid() else None
        self._update_buttons()
        self._load_detail()

    def _load_detail(self) -> None:
        self._detail_generation += 1
        if self._selected_id is None:
            self._show_detail(None)
            return
        generation = self._detail_generation
        self.ctx.read(get_visit, self._selected_id,
                      on_done=lambda visit: self._detail_loaded(generation, visit),
                      on_error=lambda exc, details: self._detail_loaded(generation, None))

    def _detail_loaded(self, generation: int, visit: dict | None) -> None:
        if generation == self._detail_generation:
            self._show_detail(visit)

    def _show_detail(self, visit: dict | None) -> None:
        if visit is None:
            self.detail.clear()
            return
        self.detail.setHtml(self._detail_html(visit))

    def _detail_html(self, v: dict) -> str:
        station = self.ctx.ref_name("station", v["station"]) if v["station"] else ""
        people = "、".join(" ".join(p for p in (c["name"], c["company"], c["title"]) if p) for c in v["contacts"])
        head = " · ".join(p for p in (iso(v["visit_date"]), mode_label(v["mode"]), station, v["place"]) if p)
        parts = [f"<p><b>{escape(head)}</b><br>{escape(people)}</p>"]
        lines = [(self.tr("Officers"), "、".join(v["officers"])),
                 (self.tr("Organizations"), "、".join(o["name"] for o in v["organizations"])),
                 (self.tr("Purpose"), v["purpose"]), (self.tr("Next contact"), iso(v["next_contact_date"]))]
        if v["intention_industry"] or v["intention_amount"] is not None or v["intention_note"]:
            amount = v["intention_amount"]
            amount = f"{amount.normalize():,f} " + self.tr("10k yuan") if amount is not None else ""
            industry = self.ctx.ref_name("industry", v["intention_industry"]) if v["intention_industry"] else ""
            lines.append((self.tr("Investment intention"),
                          " · ".join(p for p in (industry, amount, v["intention_note"]) if p)))
        label = self.tr("{0}:")  # a full-width colon in Chinese
        parts.append("<br>".join(f"<b>{escape(label.format(k))}</b> {escape(t)}" for k, t in lines if t))
        if v["summary"]:
            parts.append("<p>" + escape(v["summary"]).replace("\n", "<br>") + "</p>")
        if v["follow_ups"]:
            items = []
            for f in v["follow_ups"]:
                due = f" — {iso(f['due_date'])}" if f["due_date"] else ""
                text = escape(f"{'✓' if f['done'] else '☐'} {f['task']} ({f['owner']}){due} {state_label(f['state'])}")
                colour = STATE_FOREGROUND.get(f["state"])
                items.append(f"<span style='color:{colour.name()}'>{text}</span>" if colour else text)
            heading = self.tr("Follow-ups")  # its own line: lupdate does not look inside f-strings
            parts.append(f"<p><b>{escape(heading)}</b><br>" + "<br>".join(items) + "</p>")
        return "".join(parts)

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    # ------------------------------------------------------------------ actions
    def log_visit(self, contact_ids=()) -> None:
        """Open Log a visit (from the button, or from a contact with that contact filled in)."""
        self._open_dialog(None, list(contact_ids or ()))

    def log_visit_with_selected_contact(self) -> None:
        contact_id = self.ctx.selected_contact_id
        self.log_visit([contact_id] if contact_id else [])

    def edit_selected(self) -> None:
        visit_id = self.selected_id()
        if visit_id:
            self._open_dialog(visit_id, [])

    def edit_visit(self, visit_id: str) -> None:
        self._open_dialog(visit_id, [])

    def _open_dialog(self, visit_id, contact_ids) -> None:
        from .log_dialog import LogVisitDialog

        if self.log_dialog is not None and self.log_dialog.isVisible():
            self.log_dialog.raise_()
            return
        self.log_dialog = LogVisitDialog(self.ctx, visit_id, contact_ids, self)
        self.log_dialog.saved.connect(self._visit_saved)
        self.log_dialog.open()

    def _visit_saved(self, visit_id: str) -> None:
        self._selected_id = visit_id  # shown selected once the list has reloaded

    def delete_selected(self) -> None:
        visit_id = self.selected_id()
        row = self.model.row_at(self.table.currentIndex().row(), fetch=False)
        if not visit_id:
            return
        what = f"{iso(row.visit_date)} · {'、'.join(row.contacts)}" if row else ""
        answer = QMessageBox.question(
            self, self.tr("Delete visit"),
            self.tr("Delete the visit {0}? Its follow-ups are removed with it.").format(what),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self._selected_id = None
            self.ctx.write(delete_visit, visit_id)

    def export(self) -> None:
        from .export import (
            export_visit_log_interactive,  # written alongside; imported when needed
        )

        refused = [field for field in (self.date_from, self.date_to) if not field.check()]
        if refused:  # an impossible date is not taken for "no limit": nothing is written
            refused[0].setFocus()
            return
        export_visit_log_interactive(self, self.ctx, self.query())

    def focus_filters(self) -> None:
        self.date_from.setFocus()

