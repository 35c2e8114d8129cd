"""The targets dashboard (目标进度): the year's work-list figures against their targets, city-wide or of a
station, with progress by station and by month; a click on a figure or a bar lists the records behind
it. Everything comes from one read (services.dashboard.dashboard) off the GUI thread."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSpinBox, QVBoxLayout, QWidget,
)

from ...services.dashboard import MONTH_METRICS, STATION_METRICS, Dashboard, dashboard
from ...services.shown import shown_tables
from ...services.targets import METRICS, period_of
from ..pages import Page
from ..widgets.form import fill_combo, ref_choices, refill_combo
from .charts import Bar, MonthChart, StationChart
from .records import RecordsDialog
from .report import ReportWriting, ask_report_file
from .targets_dialog import TargetsDialog
from .tiles import TileGrid
from .words import metric_label, month_short, number, period_choices


class DashboardPage(Page):
    tables = shown_tables("project", "capital_arrival", "contact", "organization", "event", "annual_target",
                          "reference_item")

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.board: Dashboard | None = None
        self.records_dialog: RecordsDialog | None = None
        self.targets_dialog: TargetsDialog | None = None
        self.report: ReportWriting | None = None
        self._build()

    def title(self) -> str:
        return self.tr("Targets")

    # Layout ----------------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._choices())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 4, 0)
        self.tiles = TileGrid(METRICS)
        self.tiles.clicked.connect(self.show_records)
        column.addWidget(self.tiles)
        column.addLayout(self._charts())
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)

    def _choices(self) -> QHBoxLayout:
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setAccessibleName(self.tr("Year"))
        self.period = QComboBox()
        fill_combo(self.period, period_choices())
        self.station = QComboBox()
        self._fill_stations()
        self.year.valueChanged.connect(lambda _v: self.reload())
        for combo in (self.period, self.station):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.targets_button = QPushButton(self.tr("Edit &targets…"))
        self.targets_button.clicked.connect(self.edit_targets)
        self.report_button = QPushButton(self.tr("&Report…"))
        self.report_button.setToolTip(self.tr("Write the bureau's periodic report (定期汇总上报) of the year, "
                                              "period and station chosen as an Excel workbook"))
        self.report_button.clicked.connect(self.write_report)
        bar = QHBoxLayout()
        for label, widget in ((self.tr("Year"), self.year), (self.tr("Period"), self.period),
                              (self.tr("Station"), self.station)):
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
            bar.addSpacing(8)
        bar.addStretch(1)
        bar.addWidget(self.targets_button)
        bar.addWidget(self.report_button)
        return bar

    def _charts(self) -> QGridLayout:
        self.station_metric = QComboBox()
        fill_combo(self.station_metric, [(m, metric_label(m)) for m in STATION_METRICS])
        self.month_metric = QComboBox()
        fill_combo(self.month_metric, [(m, metric_label(m)) for m in MONTH_METRICS])
        for combo in (self.station_metric, self.month_metric):
            combo.currentIndexChanged.connect(lambda _i: self._draw_charts())
        self.station_chart = StationChart()
        self.station_chart.empty_text = self.tr("Nothing recorded in this period")
        self.station_chart.bar_clicked.connect(self._station_bar_clicked)
        self.station_chart.target_legend = self.tr("The station's own target for the year")
        self.month_chart = MonthChart()
        self.month_chart.empty_text = self.tr("Nothing recorded in this year")
        self.month_chart.bar_clicked.connect(self._month_bar_clicked)
        self.station_title, self.month_title = QLabel(), QLabel()
        grid = QGridLayout()
        grid.setSpacing(8)
        for col, (title, combo, chart) in enumerate(((self.station_title, self.station_metric, self.station_chart),
                                                     (self.month_title, self.month_metric, self.month_chart))):
            heading = QHBoxLayout()
            title.setStyleSheet("font-weight: 600;")
            heading.addWidget(title)
            heading.addStretch(1)
            heading.addWidget(combo)
            grid.addLayout(heading, 0, col)
            grid.addWidget(chart, 1, col, Qt.AlignmentFlag.AlignTop)
            grid.setColumnStretch(col, 1)
        return grid

    def on_ready(self) -> None:
        self._fill_stations()

    def _fill_stations(self) -> None:
        refill_combo(self.station, ref_choices(self.ctx, "station"), empty=self.tr("City-wide"))

    # Loading ---------------------------------------------------------------------------------------
    def chosen(self) -> tuple[int, str, str]:
        """(year, period code, station code) as picked ("" the whole year, "" city-wide)."""
        return self.year.value(), self.period.currentData() or "", self.station.currentData() or ""

    def reload(self) -> None:
        if self.ctx.profile is None:
            return
        year, period, station = self.chosen()
        self.ctx.read(dashboard, year, period or None, station or None, on_done=self._show)

    def _show(self, board: Dashboard) -> None:
        if (board.year, board.period.label, board.station) != self._chosen_key():
            return  # an older answer: the officer has picked another year, period or station since
        self.board = board
        self.tiles.show_figures(board.figures)
        self.summary.setText(self._summary_text(board))
        self._draw_charts()

    def _chosen_key(self) -> tuple:
        year, period, station = self.chosen()
        return year, period_of(year, period or None).label, station

    def _where(self, period: str | None = None, station: str | None = None) -> str:
        year, chosen_period, chosen_station = self.chosen()
        period = chosen_period if period is None else period
        station = chosen_station if station is None else station
        place = self.ctx.ref_name("station", station) if station else self.tr("City-wide")
        return f"{period_of(year, period or None).label} · {place}"

    def _summary_text(self, board: Dashboard) -> str:
        behind = [metric_label(f.metric) for f in board.figures if f.behind]
        share = number(board.figures[0].share * 100) if board.figures else "0"
        text = self.tr("{0}: {1} % of the year gone.").format(self._where(), share)
        carried = sorted({f.target_year for f in board.figures if f.target_year not in (None, board.year)})
        if carried:
            text += " " + self.tr("No targets of {0}'s own: those of {1} hold.").format(board.year, carried[-1])
        if behind:
            separator = self.tr(", ", "between the items of a list")  # 、 in Chinese
            text += " " + self.tr("Behind (under half of the pro-rata share): {0}.").format(separator.join(behind))
        return text

    # Charts ----------------------------------------------------------------------------------------
    def _draw_charts(self) -> None:
        if self.board is None:
            return
        self._draw_station_chart(self.board)
        self._draw_month_chart(self.board)

    def _draw_station_chart(self, board: Dashboard) -> None:
        metric = self.station_metric.currentData()
        money = metric == "capital_arrived"
        bars = [Bar(row.station, self.ctx.ref_name("station", row.station) if row.station else self.tr("No station"),
                    float(row.actuals[metric]), number(row.actuals[metric], money),
                    float(row.targets[metric]) if metric in row.targets else None)
                for row in board.by_station if row.station or row.actuals[metric]]
        # The station the figures are of stands out.
        self.station_chart.chosen = next((i for i, b in enumerate(bars) if board.station and b.key == board.station),
                                         -1)
        self.station_chart.set_bars(bars)
        self.station_title.setText(self.tr("By station · {0}").format(board.period.label))
        self.station_chart.setToolTip(self.tr("Bars: what each station did in the period; red mark: its own "
                                              "target for the year. Click a bar for its records."))

    def _draw_month_chart(self, board: Dashboard) -> None:
        metric = self.month_metric.currentData()  # capital in whole 万元 here: twelve bars have little room
        span = board.period
        bars = [Bar(m.month, month_short(m.month), float(m.actuals[metric]), number(round(m.actuals[metric])),
                    faint=not span.start.month <= m.month <= span.end.month) for m in board.by_month]
        self.month_chart.set_bars(bars)
        last = board.by_month[-1].cumulative[metric]
        self.month_chart.set_line([float(m.cumulative[metric]) for m in board.by_month], number(round(last)),
                                  (self.tr("In the month"), self.tr("Year so far")))
        self.month_title.setText(self.tr("By month · {0}").format(board.year))

    # Records behind ---------------------------------------------------------------------------------
    def show_records(self, metric: str, period: str | None = None, station: str | None = None) -> None:
        year, chosen_period, chosen_station = self.chosen()
        period = chosen_period if period is None else period
        station = chosen_station if station is None else station
        if self.records_dialog is None:
            self.records_dialog = RecordsDialog(self.ctx, self)
        self.records_dialog.show_records(metric, year, period, station, self._where(period, station))

    def _station_bar_clicked(self, station: str) -> None:
        self.show_records(self.station_metric.currentData(), station=station)

    def _month_bar_clicked(self, month: int) -> None:
        self.show_records(self.month_metric.currentData(), period=f"M{month:02d}")

    # Targets and the report ------------------------------------------------------------------------
    def edit_targets(self) -> None:
        year, _period, station = self.chosen()
        self.targets_dialog = TargetsDialog(self.ctx, year, station, self)
        self.targets_dialog.open()

    def write_report(self) -> None:
        year, period, station = self.chosen()
        path = ask_report_file(self, self.ctx, year, period, station)
        if path is not None:
            self.report = ReportWriting(self, self.ctx, year, period, station, path)
            self.report.start()
