"""The ambassadors (招商大使) on the referrals screen: one ambassador's chain of referrals as a tree (what
he referred, what it became, and what those people referred in turn), and the ranking of a year's
ambassadors for the yearly honours (by signed projects, capital arrived and referrals), filtered by year
and station and exported to a workbook."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSpinBox, QTableWidget, QTableWidgetItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from ...services.ambassadors import AmbassadorChain, ChainLink, ambassador_ranking, referral_chain
from ..errors import show_error
from ..labels import STATUS_COLOURS, iso, status_label
from ..projects.labels import amount_text, stage_label  # the Projects screen's words for stages and amounts
from ..widgets.form import ref_choices, refill_combo

ID_ROLE = Qt.ItemDataRole.UserRole
REFERRED, DATE, STATUS, SINCE, DAYS, PROJECT = range(6)
NOT_FOLLOWED = QColor("#6b7280")


class ChainDialog(QDialog):
    """An ambassador's referral chain: each referral under the one that brought its ambassador in."""

    def __init__(self, ctx, ambassador_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.ambassador_id = ambassador_id
        self.chain: AmbassadorChain | None = None
        self.setWindowTitle(self.tr("Referral chain"))
        self.resize(900, 480)
        self.heading = QLabel(self.tr("Loading…"))
        self.heading.setStyleSheet("font-weight: 600; font-size: 14px;")
        self.heading.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("chainTree")
        self.tree.setColumnCount(6)
        self.tree.setHeaderLabels([self.tr("Referred"), self.tr("Date"), self.tr("Status"), self.tr("Status since"),
                                   self.tr("Age"), self.tr("Project")])
        for column, width in ((REFERRED, 260), (DATE, 95), (STATUS, 95), (SINCE, 95), (DAYS, 80)):
            self.tree.setColumnWidth(column, width)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.itemActivated.connect(self._activated)
        hint = QLabel(self.tr("Under a referred person who is an ambassador too: what he referred in turn. "
                              "Double-click a person to show him in the directory."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        ctx.read(referral_chain, ambassador_id, on_done=self._show)

    def _show(self, chain: AmbassadorChain) -> None:
        self.chain = chain
        if chain.since and chain.unit:
            appointed = self.tr("appointed {0} by {1}").format(iso(chain.since), chain.unit)
        elif chain.since or chain.unit:
            appointed = (self.tr("appointed {0}") if chain.since else self.tr("appointed by {0}")).format(
                iso(chain.since) or chain.unit)
        else:
            appointed = ""
        about = self.tr("%Ln referral(s) in the chain", "", chain.count())
        self.heading.setText(" · ".join(p for p in (chain.name, appointed, about) if p))
        self.setWindowTitle(self.tr("Referral chain of {0}").format(chain.name))
        self.tree.clear()
        for link in chain.referrals:
            self.tree.addTopLevelItem(self._item(link))
        self.tree.expandAll()
        if not chain.referrals:
            empty = QTreeWidgetItem([self.tr("No referrals recorded for this ambassador yet.")])
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(empty)

    def _item(self, link: ChainLink) -> QTreeWidgetItem:
        referred = " · ".join(p for p in (link.contact, link.organization) if p) or link.project
        if link.repeated:
            referred = self.tr("{0} (already in the chain above)").format(referred)
        project = link.project if not link.project_stage else f"{link.project} · {stage_label(link.project_stage)}"
        item = QTreeWidgetItem([referred, iso(link.referred_on), status_label(link.status), iso(link.status_on),
                                self.tr("%Ln day(s)", "", link.days), project])
        item.setData(REFERRED, ID_ROLE, link.contact_id or "")
        item.setToolTip(REFERRED, referred)
        item.setToolTip(PROJECT, project)
        if link.status in STATUS_COLOURS:
            item.setForeground(STATUS, STATUS_COLOURS[link.status])
        if link.repeated:
            for column in range(6):
                item.setForeground(column, NOT_FOLLOWED)
        for child in link.referrals:
            item.addChild(self._item(child))
        if link.cut:
            more = QTreeWidgetItem([self.tr("… further referrals not shown (the chain is too deep)")])
            more.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.addChild(more)
        return item

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        contact_id = item.data(REFERRED, ID_ROLE)
        if contact_id:
            self.ctx.show_contact_requested.emit(contact_id)
            self.accept()


RANK, NAME, REFERRALS, SIGNED, LANDED, CAPITAL = range(6)


class RankingPanel(QWidget):
    """The year's ambassadors, best first; double-click one for his chain."""

    chain_requested = Signal(str)  # ambassador id

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows = []
        title = QLabel(self.tr("Ambassador ranking"))
        title.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.year = QSpinBox()
        self.year.setObjectName("rankingYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setPrefix(self.tr("Year "))
        self.year.valueChanged.connect(lambda _y: self.reload())
        self.station = QComboBox()
        self.station.setObjectName("rankingStation")
        self.station.currentIndexChanged.connect(lambda _i: self.reload())
        self.fill_stations()
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.export_button.clicked.connect(lambda: self.export())
        self.chain_button = QPushButton(self.tr("C&hain…"))
        self.chain_button.setToolTip(self.tr("The selected ambassador's chain of referrals"))
        self.chain_button.clicked.connect(self._chain_of_selected)
        head = QHBoxLayout()
        head.addWidget(title, 1)
        filters = QHBoxLayout()
        filters.addWidget(self.year)
        filters.addWidget(self.station, 1)
        self.table = self._build_table()
        buttons = QHBoxLayout()
        buttons.addWidget(self.chain_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        self.total = QLabel()
        self.total.setWordWrap(True)
        hint = QLabel(self.tr("Signed and landed count the projects an ambassador's referrals link to, signed "
                              "or landed in the year; capital is what arrived on them in the year, each project "
                              "once. Double-click for the chain."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.total)
        layout.addWidget(hint)
        self._update_buttons()

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, 6)
        table.setObjectName("rankingTable")
        table.setHorizontalHeaderLabels([self.tr("#"), self.tr("Ambassador"), self.tr("Referrals"),
                                         self.tr("Signed"), self.tr("Landed"), self.tr("Capital")])
        table.horizontalHeaderItem(CAPITAL).setToolTip(self.tr("Capital arrived in the year, in 10k yuan (万元)"))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(24)
        header = table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(28)
        for column, width in ((RANK, 32), (REFERRALS, 66), (SIGNED, 54), (LANDED, 54), (CAPITAL, 80)):
            table.setColumnWidth(column, width)
        table.cellDoubleClicked.connect(lambda row, _c: self._chain_of(row))
        table.itemSelectionChanged.connect(self._update_buttons)
        return table

    def fill_stations(self) -> None:
        refill_combo(self.station, ref_choices(self.ctx, "station"), empty=self.tr("All stations"))

    def reload(self) -> None:
        if self.ctx.profile is not None:
            year, station = self.year.value(), self.station.currentData() or ""
            self.ctx.read(ambassador_ranking, year, station, on_done=lambda rows: self._show(year, station, rows))

    def _show(self, year: int, station: str, rows: list) -> None:
        if (year, station) != (self.year.value(), self.station.currentData() or ""):
            return  # an older answer: the filters changed meanwhile
        self.rows = rows
        self.table.setRowCount(len(rows))
        locale = QLocale()
        for r, row in enumerate(rows):
            values = (locale.toString(row.rank), row.name, locale.toString(row.referrals),
                      locale.toString(row.signed_projects), locale.toString(row.landed_projects),
                      amount_text(row.capital_arrived))
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c != NAME:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setData(ID_ROLE, row.ambassador_id)
                self.table.setItem(r, c, item)
            tip = ", ".join(p for p in (row.unit, self.ctx.ref_name("station", row.station) if row.station else "")
                            if p)
            self.table.item(r, NAME).setToolTip(tip)
            if row.rank <= 3:
                bold = QFont(self.table.font())
                bold.setBold(True)
                self.table.item(r, RANK).setFont(bold)
        self.total.setText(self.tr("%Ln ambassador(s) ranked", "", len(rows)) if rows
                           else self.tr("No ambassador has referrals or results in {0}.").format(year))
        self._update_buttons()

    def selected_id(self) -> str | None:
        row = self.table.currentRow()
        return self.rows[row].ambassador_id if 0 <= row < len(self.rows) and self.table.selectedItems() else None

    def _update_buttons(self) -> None:
        self.chain_button.setEnabled(self.selected_id() is not None)
        self.export_button.setEnabled(self.ctx.profile is not None)

    def _chain_of(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.chain_requested.emit(self.rows[row].ambassador_id)

    def _chain_of_selected(self) -> None:
        if self.selected_id():
            self.chain_requested.emit(self.selected_id())

    def export(self, path: Path | str | None = None) -> None:
        """To a workbook (exchange/ambassador_ranking.py); asks where unless `path` is given."""
        if self.ctx.profile is None:
            return
        from ...exchange.ambassador_ranking import write_ranking
        from ..file_folder import remember_folder, start_folder

        year, station = self.year.value(), self.station.currentData() or ""
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            proposed = str(Path(start_folder(self.ctx.ui_settings)) / self.tr("ambassadors-{0}.xlsx").format(year))
            chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Export the ranking"), proposed,
                                                          self.tr("Excel workbook (*.xlsx)"))
            if not chosen:
                return
            remember_folder(self.ctx.ui_settings, chosen)
            path = chosen if chosen.lower().endswith(".xlsx") else chosen + ".xlsx"
        path = Path(path)
        profile = self.ctx.profile
        self.export_button.setEnabled(False)
        self.ctx.runner.run_long(lambda _progress: write_ranking(profile, year, path, station),
                                 on_done=lambda count: self._exported(path, count),
                                 on_error=self._export_failed)

    def _exported(self, path: Path, count: int) -> None:
        self.exported = path
        self.export_button.setEnabled(True)
        self.total.setText(self.tr("Exported %Ln ambassador(s) to {0}", "", count).format(path))

    def _export_failed(self, exc: BaseException, details: str) -> None:
        self.export_button.setEnabled(True)
        show_error(self, exc, details, self.tr("Export the ranking"))
