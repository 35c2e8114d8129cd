"""The project's page (the pane beside the board and the list): its fields (with the event it came from),
the day of each stage reached, its capital instalments (到资) with their total and a button to add one,
and the referral that brought it and the visits about it."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout, QHBoxLayout, QHeaderView, QLabel, QPushButton, QScrollArea, QTableWidget, QTableWidgetItem, QTabWidget,
    QVBoxLayout, QWidget,
)

from ...services.projects import STAGE_LIMIT_DAYS
from ..labels import iso
from ..linked import fill_linked, linked_table
from ..widgets.empty_state import empty_state
from ..widgets.tables import readonly_table
from .board import ROTTING_COLOUR
from .labels import amount_text, issue_labels, source_labels, stage_label


def fill_table(table: QTableWidget, rows: list[list[str]], right: tuple[int, ...] = ()) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


class ProjectDetail(QWidget):
    """Shows one project_detail (plain data); its buttons are signals the page wires."""

    edit_requested = Signal()
    add_arrival_requested = Signal()

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.detail: dict | None = None
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setStyleSheet("font-size: 17px; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.stage_line = QLabel()
        self.stage_line.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_requested)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        self.fields = QFormLayout()
        self.fields.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._arrivals_tab(), self.tr("Capital arrived"))
        self.history = readonly_table([self.tr("Stage"), self.tr("Reached on")])
        self.tabs.addTab(self.history, self.tr("Stage history"))
        self.followed = linked_table()
        self.followed.setObjectName("projectFollowed")
        self.tabs.addTab(self.followed, self.tr("Visits and referrals"))
        fields_box = QWidget()
        fields_box.setLayout(self.fields)
        scroll = QScrollArea()
        scroll.setWidget(fields_box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.content = QWidget()
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stage_line)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.tabs, 1)
        self.empty = empty_state(self.tr(
            "Choose a project on the board or in the list to see its page, or press Ctrl+N to add one."))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 0, 0, 0)
        outer.addWidget(self.content, 1)
        outer.addWidget(self.empty, 1)
        self.show_detail(None)

    def _arrivals_tab(self) -> QWidget:
        tab = QWidget()
        self.arrivals = readonly_table([self.tr("Amount"), self.tr("Arrived on"), self.tr("Promised for"),
                                        self.tr("Notes")])
        self.arrivals.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.arrivals.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((70, 80, 80)):
            self.arrivals.setColumnWidth(column, width)
        self.arrived_total = QLabel()
        self.arrived_total.setObjectName("arrivedTotal")
        self.add_arrival_button = QPushButton(self.tr("&Add instalment…"))
        self.add_arrival_button.clicked.connect(self.add_arrival_requested)
        self.arrived_total.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.add_arrival_button)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.arrivals, 1)
        layout.addWidget(self.arrived_total)
        layout.addLayout(bottom)
        return tab

    # Showing -----------------------------------------------------------------------------------------
    def show_detail(self, detail: dict | None, today: date | None = None) -> None:
        self.detail = detail
        self.content.setVisible(detail is not None)
        self.empty.setVisible(detail is None)
        if detail is None:
            return
        self.heading.setText(detail["name"])
        self._show_stage(detail, today or date.today())
        self._show_fields(detail)
        fill_table(self.history, [[stage_label(stage), iso(day)] for stage, day in detail["history"]])
        followed = [*detail["referrals"], *detail["visits"]]
        fill_linked(self.followed, followed)
        self.tabs.setTabText(self.tabs.indexOf(self.followed),
                             self.tr("Visits and referrals (%n)", "", len(followed)))
        fill_table(self.arrivals, [[amount_text(a.amount), iso(a.arrived_on), iso(a.due_on), a.notes]
                                   for a in detail["arrivals"]], right=(0,))
        total = self.tr("Arrived: {0} (10k ¥)").format(amount_text(detail["arrived"]) or "0")
        if detail["promised"]:
            total += self.tr("  ·  promised, not arrived: {0}").format(amount_text(detail["promised"]))
        self.arrived_total.setText(total)

    def _show_stage(self, detail: dict, today: date) -> None:
        stage = detail["stage"]
        since = detail[f"{stage}_on"]
        text = self.tr("{0} since {1}").format(stage_label(stage), iso(since)) if since else stage_label(stage)
        days = (today - since).days if since else None
        limit = STAGE_LIMIT_DAYS.get(stage)
        rotting = days is not None and limit is not None and days > limit
        if days is not None:
            text += " · " + self.tr("%n day(s)", "", days)
        if rotting:
            text += " · " + self.tr("waiting too long (limit %n day(s))", "", limit)
        if stage == "dropped" and detail["dropped_reason"]:
            text += " · " + detail["dropped_reason"]
        self.stage_line.setText(text)
        self.stage_line.setStyleSheet(f"color: {ROTTING_COLOUR.name()}; font-weight: bold;" if rotting else "")

    def _show_fields(self, d: dict) -> None:
        while self.fields.rowCount():
            self.fields.removeRow(0)
        ref = self.ctx.ref_name
        kinds = [self.tr("Chushang (楚商) project") if d["is_chushang"] else "",
                 self.tr("Alumni project (校友)") if d["is_alumni"] else ""]
        issues = issue_labels()
        rows = [
            (self.tr("Investor"), d["organization"]),
            (self.tr("Main contact"), d["contact"]),
            (self.tr("Industry"), ref("industry", d["industry"]) if d["industry"] else ""),
            (self.tr("Target district"), ref("district", d["district"]) if d["district"] else ""),
            (self.tr("Station"), ref("station", d["station"]) if d["station"] else ""),
            (self.tr("Planned (10k ¥)"), amount_text(d["planned_amount"])),
            (self.tr("Signed (10k ¥)"), amount_text(d["signed_amount"])),
            (self.tr("Source"), source_labels().get(d["source"], d["source"])),
            (self.tr("At event"), d["event"]),
            (self.tr("Kind"), " · ".join(k for k in kinds if k)),
            (self.tr("Leading official"), d["leading_official"]),
            (self.tr("Task force"), d["task_force"]),
            (self.tr("Plan"), d["plan"]),
            (self.tr("Waiting on"), "、".join(issues.get(i, i) for i in d["waiting_on"])),
            (self.tr("Tracked by"), "、".join(d["tracked_by"])),
            (self.tr("Notes"), d["notes"]),
        ]
        for label, value in rows:
            if value:
                shown = QLabel(value)
                shown.setWordWrap(True)
                shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.fields.addRow(label, shown)
