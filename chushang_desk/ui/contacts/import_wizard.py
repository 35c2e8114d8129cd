"""Import contacts from a member list, in four steps: the file (and the batch's defaults), the columns,
the check of every row (fix errors in the grid, decide each possible duplicate), and the outcome, with
Undo. The work is services/contact_import.py (shared with `chushang-desk import-contacts`); the file
is read off the GUI thread, the rows checked and written on the database thread."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QCheckBox, QComboBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton, QRadioButton, QSpinBox, QStackedWidget, QTableView,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...services.import_columns import FIELDS, IGNORE, find_header_row, guess_mapping, mapping_from_dict, shape_of
from ...services.contact_import import (
    ImportDefaults, apply_import, candidate_text, cell_text, plan_import, remember_mapping, remembered_mapping,
    replan_row, undo_import,
)
from ...services.contacts import KINDS
from ...services.messages import render
from ..context import AppContext
from ..errors import show_error
from ..file_folder import remember_folder, start_folder
from ..widgets.dialogs import EditingDialog
from ..widgets.style import ERROR_STYLE
from .import_preview import FILTERS, ImportFilter, ImportPreviewModel

SUFFIXES = "*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv *.txt *.tsv"
EXAMPLE_ROWS = 3
FILE, COLUMNS, CHECK, DONE = range(4)


class ImportWizard(EditingDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.lang = ctx.lang
        self.setWindowTitle(self.tr("Import contacts"))
        self.setObjectName("importWizard")
        self.path: Path | None = None
        self.table = None  # exchange.sheet_files.SheetTable
        self.mapping = None
        self.plan = None
        self.import_result = None
        self.edits = 0  # cells fixed and decisions changed: closing then asks first
        self._guesses = 0  # column guesses asked for: only the last one's remembered mapping is used
        self.steps = QStackedWidget()
        self.steps.addWidget(self._file_step())
        self.steps.addWidget(self._columns_step())
        self.steps.addWidget(self._check_step())
        self.steps.addWidget(self._done_step())
        self.back_button = QPushButton(self.tr("< &Back"))
        self.next_button = QPushButton(self.tr("&Next >"))
        self.close_button = QPushButton(self.tr("Cancel"))
        self.back_button.clicked.connect(self._back)
        self.next_button.clicked.connect(self._next)
        self.close_button.clicked.connect(self.reject)
        self.next_button.setDefault(True)
        self.set_save_button(self.next_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        self.step_title = QLabel()
        self.step_title.setObjectName("importStepTitle")
        self.step_title.setStyleSheet("font-size: 15px; font-weight: 600;")
        layout.addWidget(self.step_title)
        layout.addWidget(self.steps, 1)
        layout.addLayout(buttons)
        self.resize(980, 640)
        self._show_step(FILE)

    # --- what closing asks about ------------------------------------------------------------------------

    def form_state(self):
        return (str(self.path or ""), self.steps.currentIndex() in (COLUMNS, CHECK), self.edits)

    def discard_text(self) -> str:
        return self.tr("Stop this import? Nothing has been written yet.")

    def save(self) -> None:  # Ctrl+Enter: the step's main button
        self._next()

    # --- step 1: the file and the batch's defaults ------------------------------------------------------

    def _file_step(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.file_label = QLabel(self.tr("No file chosen"))
        self.file_label.setWordWrap(True)
        choose = QPushButton(self.tr("&Choose a file…"))
        choose.setObjectName("chooseImportFile")
        choose.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.file_label, 1)
        row.addWidget(choose)
        form.addRow(self.tr("File:"), row)
        self.sheet_combo = QComboBox()
        self.sheet_combo.currentTextChanged.connect(self._sheet_chosen)
        form.addRow(self.tr("Sheet:"), self.sheet_combo)
        self.file_note = QLabel()
        self.file_note.setWordWrap(True)
        form.addRow("", self.file_note)
        defaults = QGroupBox(self.tr("For every row that does not say it itself"))
        inner = QFormLayout(defaults)
        kinds = QHBoxLayout()
        self.kind_boxes = {}
        for kind, label in zip(KINDS, (self.tr("Merchant"), self.tr("Alumnus"), self.tr("Talent"))):
            box = QCheckBox(label)
            self.kind_boxes[kind] = box
            kinds.addWidget(box)
        kinds.addStretch(1)
        self.kind_boxes["merchant"].setChecked(True)
        inner.addRow(self.tr("Kind:"), kinds)
        self.station_combo = QComboBox()
        self.station_combo.addItem(self.tr("(none)"), "")
        for item in self.ctx.ref_items("station"):
            self.station_combo.addItem(item.name(self.lang), item.code)
        self.station_combo.setCurrentIndex(max(0, self.station_combo.findData(self.ctx.station)))
        inner.addRow(self.tr("Station:"), self.station_combo)
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(self.tr("e.g. 2025 member list of the Shenzhen Hubei Chamber"))
        inner.addRow(self.tr("Source:"), self.source_edit)
        self.key_box = QCheckBox(self.tr("Mark them as key contacts"))
        inner.addRow("", self.key_box)
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("tags, separated by commas"))
        inner.addRow(self.tr("Tags:"), self.tags_edit)
        form.addRow(defaults)
        return page

    def choose_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import contacts"), start_folder(self.ctx.ui_settings),
            self.tr("Spreadsheets and CSV ({0})").format(SUFFIXES))
        if chosen:
            remember_folder(self.ctx.ui_settings, chosen)
            self.open_file(Path(chosen))

    def open_file(self, path: Path, sheet: str | None = None) -> None:
        """Read the file (its sheet names first) off the GUI thread."""
        from ...exchange.sheet_files import read_sheet, sheet_names

        self.path, self.table, self.mapping, self.plan = path, None, None, None
        self.file_label.setText(str(path))
        if not self.source_edit.text():
            self.source_edit.setText(path.stem)
        self.file_note.setText(self.tr("Reading the file…"))
        self.file_note.setStyleSheet("")
        self.next_button.setEnabled(False)

        def job(_progress):
            names = sheet_names(path)
            return names, read_sheet(path, sheet if sheet in names else None)

        self.ctx.runner.run_long(job, on_done=self._file_read, on_error=self._file_failed)

    def _file_read(self, outcome) -> None:
        names, table = outcome
        self.table = table
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems([n for n in names if n] or [])
        self.sheet_combo.setEnabled(len(names) > 1)
        if table.name:
            self.sheet_combo.setCurrentText(table.name)
        self.sheet_combo.blockSignals(False)
        notes = [self.tr("{0} rows read").format(QLocale().toString(len(table.rows)))]
        if table.encoding:
            notes.append(self.tr("text encoding {0}").format(table.encoding))
        if table.truncated:
            notes.append(render("import_rows_capped", self.lang, rows=len(table.rows)))
        if table.columns_cut:
            notes.append(render("import_columns_cut", self.lang))
        if table.long_cells:
            notes.append(render("import_long_cells", self.lang, count=len(table.long_cells)))
        self.file_note.setText("；".join(notes) if self.lang == "zh_CN" else "; ".join(notes))
        self.next_button.setEnabled(bool(table.rows))

    def _file_failed(self, exc: BaseException, details: str) -> None:
        from ...exchange.sheet_files import UnsafeFile

        self.table = None
        if isinstance(exc, UnsafeFile):
            self.file_note.setText(exc.message.render(self.lang))
            self.file_note.setStyleSheet(ERROR_STYLE)
        else:
            self.file_note.setText("")
            show_error(self, exc, details, self.tr("Import contacts"))

    def _sheet_chosen(self, name: str) -> None:
        if self.path is not None and name and self.table is not None and name != self.table.name:
            self.open_file(self.path, name)
            self.sheet_combo.setEnabled(True)

    def defaults(self) -> ImportDefaults:
        kinds = tuple(k for k, box in self.kind_boxes.items() if box.isChecked())
        tags = tuple(t.strip() for t in self.tags_edit.text().replace("，", ",").split(",") if t.strip())
        return ImportDefaults(kinds=kinds, station=self.station_combo.currentData() or "",
                              source=self.source_edit.text().strip(), is_key=self.key_box.isChecked(), tags=tags)

    # --- step 2: the columns ------------------------------------------------------------------------------

    def _columns_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("The header is row")))
        self.header_spin = QSpinBox()
        self.header_spin.setMinimum(1)
        self.header_spin.valueChanged.connect(self._header_moved)
        top.addWidget(self.header_spin)
        top.addStretch(1)
        layout.addLayout(top)
        self.columns_table = QTableWidget(0, 3)
        self.columns_table.setObjectName("importColumns")
        self.columns_table.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Examples"),
                                                      self.tr("Import as")])
        self.columns_table.verticalHeader().hide()
        self.columns_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.columns_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.columns_table, 1)
        self.columns_problem = QLabel()
        self.columns_problem.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.columns_problem)
        return page

    def _fill_columns(self) -> None:
        rows = self.table.rows
        self.header_spin.blockSignals(True)
        self.header_spin.setMaximum(max(1, min(len(rows), 20)))
        self.header_spin.blockSignals(False)
        if self.mapping is None:
            self.header_spin.blockSignals(True)
            self.header_spin.setValue(find_header_row(rows) + 1)
            self.header_spin.blockSignals(False)
            self._guess()
        self._show_mapping()

    def _guess(self) -> None:
        header = self.table.rows[self.header_row()]
        shape = shape_of(header)

        self._guesses += 1
        asked, edits = self._guesses, self.edits

        def remembered(stored):
            # The mapping of the last file of this shape, unless the officer chose a column meanwhile
            # or moved the header row (then it is another guess's answer, or his choice stands).
            if asked != self._guesses or edits != self.edits or not stored:
                return
            self.mapping = mapping_from_dict(header, stored) or self.mapping
            self._show_mapping()

        self.mapping = guess_mapping(header)
        self.ctx.read(remembered_mapping, shape, on_done=remembered)

    def header_row(self) -> int:
        return self.header_spin.value() - 1

    def _header_moved(self, _value: int) -> None:
        self._guess()
        self._show_mapping()

    def _show_mapping(self) -> None:
        mapping, rows = self.mapping, self.table.rows
        body = rows[self.header_row() + 1:]
        self.columns_table.setRowCount(len(mapping.headers))
        for column, header in enumerate(mapping.headers):
            self.columns_table.setItem(column, 0, QTableWidgetItem(header or self.tr("(no header)")))
            examples = [cell_text(r[column]) for r in body if column < len(r) and cell_text(r[column])][:EXAMPLE_ROWS]
            self.columns_table.setItem(column, 1, QTableWidgetItem(" · ".join(examples)))
            self.columns_table.setCellWidget(column, 2, self._field_combo(column, mapping.fields[column]))
        self._check_mapping()

    def _field_combo(self, column: int, field: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("(not imported)"), IGNORE)
        for name in FIELDS:
            combo.addItem(render(f"field_{name}", self.lang), name)
        combo.setCurrentIndex(max(0, combo.findData(field)))
        combo.currentIndexChanged.connect(lambda _i, c=column, box=combo: self._field_chosen(c, box.currentData()))
        return combo

    def _field_chosen(self, column: int, field: str) -> None:
        self.mapping = self.mapping.with_field(column, field)
        self.edits += 1
        for row, chosen in enumerate(self.mapping.fields):  # a field taken from another column leaves it
            combo = self.columns_table.cellWidget(row, 2)
            if combo is not None and combo.currentData() != chosen:
                combo.blockSignals(True)
                combo.setCurrentIndex(max(0, combo.findData(chosen)))
                combo.blockSignals(False)
        self._check_mapping()

    def _check_mapping(self) -> None:
        problems = [render(code, self.lang) for code in self.mapping.problems()]
        self.columns_problem.setText("\n".join(problems))
        self.next_button.setEnabled(not problems)

    # --- step 3: every row checked ------------------------------------------------------------------------

    def _check_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        self.counts_label = QLabel()
        self.counts_label.setObjectName("importCounts")
        self.counts_label.setWordWrap(True)
        top.addWidget(self.counts_label, 1)
        self.filter_combo = QComboBox()
        for which, label in zip(FILTERS, (self.tr("All rows"), self.tr("Rows that need a look"), self.tr("Errors"),
                                           self.tr("Possible duplicates"))):
            self.filter_combo.addItem(label, which)
        self.filter_combo.currentIndexChanged.connect(
            lambda _i: self.proxy.show_rows(self.filter_combo.currentData()))
        top.addWidget(self.filter_combo)
        self.errors_button = QPushButton(self.tr("Save rows with errors…"))
        self.errors_button.clicked.connect(self.save_error_rows)
        top.addWidget(self.errors_button)
        layout.addLayout(top)
        self.model = ImportPreviewModel(self.lang, self)
        self.model.cell_edited.connect(self._cell_edited)
        self.proxy = ImportFilter(self)
        self.proxy.setSourceModel(self.model)
        self.grid = QTableView()
        self.grid.setObjectName("importPreview")
        self.grid.setModel(self.proxy)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.verticalHeader().hide()
        self.grid.setWordWrap(False)
        self.grid.selectionModel().currentRowChanged.connect(lambda current, _previous: self._row_selected(current))
        layout.addWidget(self.grid, 1)
        layout.addWidget(self._decision_box())
        return page

    def _decision_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("The selected row"))
        layout = QVBoxLayout(box)
        self.row_text = QLabel(self.tr("Select a row to see why, and to decide what it becomes."))
        self.row_text.setWordWrap(True)
        self.row_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.row_text)
        choices = QHBoxLayout()
        self.decision_group = QButtonGroup(self)
        self.decision_buttons = {}
        for decision, label in (("new", self.tr("Add as a new contact")), ("merge", self.tr("Merge into the contact found")),
                                ("skip", self.tr("Skip this row"))):
            button = QRadioButton(label)
            self.decision_buttons[decision] = button
            self.decision_group.addButton(button)
            choices.addWidget(button)
            button.toggled.connect(lambda on, d=decision: on and self._decided(d))
        choices.addStretch(1)
        layout.addLayout(choices)
        return box

    def check_rows(self) -> None:
        self.next_button.setEnabled(False)
        self.counts_label.setText(self.tr("Checking every row against the directory…"))
        rows, header_row, mapping, defaults = self.table.rows, self.header_row(), self.mapping, self.defaults()
        self.ctx.read(plan_import, rows, header_row, mapping, defaults, on_done=self._checked,
                      on_error=lambda exc, details: show_error(self, exc, details, self.tr("Import contacts")))

    def _checked(self, plan) -> None:
        self.plan = plan
        self.model.set_plan(plan)
        self._fit_columns()
        self._show_counts()
        self._row_selected(self.grid.currentIndex())

    def _fit_columns(self, most: int = 320, why: int = 2) -> None:
        """Each column as wide as its cells, at most `most`; room left over goes to the reasons column,
        whose sentences are the longest (the rest of a cut one is in its tooltip)."""
        self.grid.resizeColumnsToContents()
        wanted = [self.grid.columnWidth(c) for c in range(self.model.columnCount())]
        for column, width in enumerate(wanted):
            self.grid.setColumnWidth(column, min(width, most))
        spare = self.grid.viewport().width() - sum(min(w, most) for w in wanted)
        if why < len(wanted) and spare > 0 and wanted[why] > most:
            self.grid.setColumnWidth(why, min(wanted[why], most + spare))

    def _show_counts(self) -> None:
        counts = self.plan.counts()
        self.counts_label.setText(render("import_counts", self.lang, **counts, total=len(self.plan.rows)))
        accepted = sum(1 for r in self.plan.rows if r.accepted)
        self.next_button.setText(self.tr("&Import {0} rows").format(QLocale().toString(accepted)))
        self.next_button.setEnabled(accepted > 0)
        self.errors_button.setEnabled(counts["error"] > 0)

    def selected_row(self):
        index = self.grid.currentIndex()
        if not index.isValid() or self.plan is None:
            return None
        return self.model.planned(self.proxy.mapToSource(index).row())

    def _row_selected(self, index) -> None:
        planned = self.selected_row() if index is not None and index.isValid() else None
        for button in self.decision_buttons.values():
            button.setEnabled(False)
        if planned is None:
            return
        lines = [self.tr("Row {0}: {1}").format(planned.row_number, self.model.result_text(planned))]
        why = self.model.why_text(planned)
        if why:
            lines.append(why)
        lines += [candidate_text(c, self.lang) for c in planned.candidates[1:3]]
        if planned.fills:
            lines.append(self.tr("Adds: {0}").format(", ".join(render(f"field_{f}", self.lang) for f in planned.fills)))
        if planned.kept:
            lines.append(self.tr("Keeps what the directory has for: {0}").format(
                ", ".join(render(f"field_{f}", self.lang) for f in planned.kept)))
        self.row_text.setText("\n".join(lines))
        can_decide = planned.status in ("duplicate", "update")
        self.decision_buttons["new"].setEnabled(can_decide)
        self.decision_buttons["merge"].setEnabled(can_decide and planned.target is not None)
        self.decision_buttons["skip"].setEnabled(can_decide)
        button = self.decision_buttons.get(planned.decision)
        if button is not None:
            button.blockSignals(True)
            button.setChecked(True)
            button.blockSignals(False)

    def _decided(self, decision: str) -> None:
        planned = self.selected_row()
        if planned is None or planned.decision == decision or planned.status not in ("duplicate", "update"):
            return
        planned.decision = decision
        self.edits += 1
        self.model.row_changed(planned.row_number)
        self._show_counts()

    def _cell_edited(self, row_number: int, column: int, value: str) -> None:
        self.edits += 1

        def done(_row):
            self.model.row_changed(row_number)
            self._show_counts()
            self._row_selected(self.grid.currentIndex())

        self.ctx.read(replan_row, self.plan, row_number, column, value, on_done=done)

    def save_error_rows(self) -> None:
        from ...exchange.import_errors import write_error_workbook

        proposed = str(Path(start_folder(self.ctx.ui_settings)) / f"{(self.path.stem if self.path else 'import')}-errors.xlsx")
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Save rows with errors"), proposed,
                                                      self.tr("Excel workbook (*.xlsx)"))
        if not chosen:
            return
        path = Path(chosen) if chosen.lower().endswith(".xlsx") else Path(chosen + ".xlsx")
        remember_folder(self.ctx.ui_settings, path)
        plan, lang = self.plan, self.lang
        self.ctx.runner.run_long(lambda _p: write_error_workbook(path, plan, lang),
                                 on_done=lambda count: self.counts_label.setText(
                                     render("import_errors_written", lang, count=count, path=str(path))),
                                 on_error=lambda exc, details: show_error(self, exc, details, self.tr("Save rows with errors")))

    # --- step 4: written, and undo ------------------------------------------------------------------------

    def _done_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.done_label = QLabel()
        self.done_label.setObjectName("importDone")
        self.done_label.setWordWrap(True)
        layout.addWidget(self.done_label)
        self.undo_button = QPushButton(self.tr("&Undo this import"))
        self.undo_button.clicked.connect(self.undo)
        self.done_errors_button = QPushButton(self.tr("Save rows with errors…"))
        self.done_errors_button.clicked.connect(self.save_error_rows)
        row = QHBoxLayout()
        row.addWidget(self.undo_button)
        row.addWidget(self.done_errors_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def write_batch(self) -> None:
        self.next_button.setEnabled(False)
        self.back_button.setEnabled(False)
        plan, name = self.plan, self.path.name if self.path else ""
        sheet, shape = self.table.name, shape_of(self.table.rows[self.header_row()])

        def job(session):
            result = apply_import(session, plan, name, sheet)
            remember_mapping(session, shape, plan.mapping)
            return result

        self.ctx.write(job, on_done=self._written, on_error=self._write_failed)

    def _written(self, result) -> None:
        self.import_result = result
        self.done_label.setText(render("import_done_short", self.lang, created=result.created,
                                       updated=result.updated, skipped=result.skipped, errors=result.errors))
        self.done_errors_button.setVisible(result.errors > 0)
        self.edits = 0
        self._show_step(DONE)
        self.mark_clean()

    def _write_failed(self, exc: BaseException, details: str) -> None:
        self.back_button.setEnabled(True)
        self._show_counts()
        show_error(self, exc, details, self.tr("Import contacts"))

    def undo(self) -> None:
        self.undo_button.setEnabled(False)
        self.ctx.write(undo_import, self.import_result.batch_id, on_done=self._undone,
                       on_error=lambda exc, details: show_error(self, exc, details, self.tr("Undo this import")))

    def _undone(self, undone) -> None:
        lines = [self.tr("Undone: {0} contacts removed, {1} set back as they were.").format(
            QLocale().toString(undone.removed), QLocale().toString(undone.restored))]
        if undone.kept:
            lines.append(self.tr("Kept, because they were edited or linked to visits since:"))
            lines += [f"• {name}" for _id, name, _why in undone.kept[:20]]
        self.done_label.setText("\n".join(lines))

    # --- moving between steps -----------------------------------------------------------------------------

    def _show_step(self, step: int) -> None:
        self.steps.setCurrentIndex(step)
        titles = (self.tr("1. Choose the file"), self.tr("2. Match the columns"),
                  self.tr("3. Check every row"), self.tr("4. Done"))
        self.step_title.setText(titles[step])
        self.back_button.setVisible(step in (COLUMNS, CHECK))
        self.back_button.setEnabled(True)
        self.next_button.setVisible(step != DONE)
        self.next_button.setText(self.tr("&Next >"))
        self.next_button.setEnabled(step != FILE or bool(self.table and self.table.rows))
        self.close_button.setText(self.tr("Close") if step == DONE else self.tr("Cancel"))

    def _next(self) -> None:
        step = self.steps.currentIndex()
        if not self.next_button.isEnabled():
            return
        if step == FILE and self.table is not None:
            self._show_step(COLUMNS)
            self._fill_columns()
        elif step == COLUMNS:
            self._show_step(CHECK)
            self.check_rows()
        elif step == CHECK and self.plan is not None:
            self.write_batch()

    def _back(self) -> None:
        step = self.steps.currentIndex()
        if step in (COLUMNS, CHECK):
            self._show_step(step - 1)
            if step - 1 == COLUMNS:
                self._check_mapping()
