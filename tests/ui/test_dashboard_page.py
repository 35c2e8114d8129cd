"""The targets dashboard in the real window: its tiles show the figures of a seeded year, a click on a
tile or a bar lists the records behind it, a target edited in the dialog changes its tile, and the
Report button writes the bureau's workbook (read back with openpyxl)."""
from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from chushang_desk.services.events import save_event
from chushang_desk.services.projects import add_arrival, move_stage, save_project
from tests.conftest import wait_idle

YEAR = 2025  # a year gone by: all of its share is due, so 2 projects of 200 are behind


def _seed(profile) -> None:
    """甲 (jjj): signed in February (1,000.10), capital 300 in March and 200 in July; 乙 (dwq): signed in
    May, landed in August, capital 50.5 in September; 外资丁 is not a 楚商 project and counts nowhere."""
    a = profile.write(save_project, {"name": "甲", "station": "jjj"}, today=date(YEAR, 1, 5))
    b = profile.write(save_project, {"name": "乙", "station": "dwq"}, today=date(YEAR, 2, 1))
    d = profile.write(save_project, {"name": "外资丁", "station": "jjj", "is_chushang": False}, today=date(YEAR, 1, 1))
    profile.write(move_stage, a, "signed", date(YEAR, 2, 10))
    profile.write(save_project, {"signed_amount": "1000.10"}, a)
    profile.write(move_stage, b, "signed", date(YEAR, 5, 1))
    profile.write(move_stage, b, "landed", date(YEAR, 8, 1))
    profile.write(move_stage, d, "signed", date(YEAR, 3, 1))
    profile.write(add_arrival, a, "300", arrived_on=date(YEAR, 3, 3))
    profile.write(add_arrival, a, "200", arrived_on=date(YEAR, 7, 3))
    profile.write(add_arrival, b, "50.5", arrived_on=date(YEAR, 9, 9))
    profile.write(add_arrival, d, "9000", arrived_on=date(YEAR, 3, 9))
    profile.write(save_event, {"name": "新春楚商联谊会", "held_on": date(YEAR, 1, 20), "categories": ["festival"],
                               "station": "jjj", "region": "北京"})


@pytest.fixture
def page(main_window, qtbot):
    wait_idle(qtbot, main_window)
    _seed(main_window.ctx.profile)
    main_window.ctx.announce(frozenset({"project", "capital_arrival", "event"}))  # written behind the window's back
    page = main_window.show_page("DashboardPage")
    page.year.setValue(YEAR)
    _wait_board(qtbot, main_window, page)
    return page


def _wait_board(qtbot, window, page, station: str = "") -> None:
    qtbot.waitUntil(lambda: page.board is not None and page.board.year == YEAR and page.board.station == station)
    wait_idle(qtbot, window)


def _tile(page, metric):
    return page.tiles.tiles[metric]


def _listed(qtbot, window, page) -> list[str]:
    qtbot.waitUntil(lambda: page.records_dialog is not None and page.records_dialog.behind is not None)
    wait_idle(qtbot, window)
    return page.records_dialog.shown_names()


def _click_bar(qtbot, chart, key) -> None:
    index = [bar.key for bar in chart.bars].index(key)
    rect = chart.bar_rects()[index]
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(int(rect.center().x()), int(rect.center().y())))


def test_the_tiles_show_the_year_s_figures(page):
    signed = _tile(page, "signed_projects")
    assert signed.actual.text() == "2"
    assert signed.target.text() == "Target 200 · 1.0 % done"
    assert signed.amount.text() == "Amount 1,000.10 (10k ¥)" and not signed.amount.isHidden()
    assert _tile(page, "landed_projects").amount.isHidden()
    assert signed.property("behind") == "true" and signed.state.text().startswith("Behind")
    assert _tile(page, "landed_projects").actual.text() == "1"
    assert _tile(page, "capital_arrived").actual.text() == "550.50 10k yuan"
    stations = _tile(page, "liaison_stations")
    assert stations.actual.text() == "3" and stations.property("behind") == "false"
    assert stations.state.text() == "Target reached"
    assert _tile(page, "events").actual.text() == "1" and _tile(page, "festival_events").actual.text() == "1"
    assert _tile(page, "overseas_events").actual.text() == "0"
    assert "Projects signed" in page.summary.text()  # named among those behind


def test_a_click_on_a_tile_or_a_bar_lists_the_records_behind_it(page, main_window, qtbot):
    qtbot.mouseClick(_tile(page, "signed_projects"), Qt.MouseButton.LeftButton)
    assert _listed(qtbot, main_window, page) == ["甲", "乙"]
    assert page.records_dialog.isVisible()
    count = page.records_dialog.count.text()  # "2 records" once the English plural forms are built
    assert count.startswith("2 record") and count.endswith(" · Total 1,000.10 (10k yuan)")

    page.records_dialog.behind = None
    _click_bar(qtbot, page.station_chart, "jjj")  # signed, of the Beijing-Tianjin-Hebei station
    assert _listed(qtbot, main_window, page) == ["甲"]
    assert "Beijing" in page.records_dialog.heading.text()

    page.month_metric.setCurrentIndex(page.month_metric.findData("capital_arrived"))
    page.records_dialog.behind = None
    _click_bar(qtbot, page.month_chart, 3)  # March's capital: 甲's first instalment, not 外资丁's
    assert _listed(qtbot, main_window, page) == ["甲"]
    assert page.records_dialog.table.item(0, 2).text() == "300.00"
    assert page.records_dialog.behind.period.label == f"{YEAR} M03"

    page.records_dialog.behind = None
    _tile(page, "landed_projects").setFocus()
    qtbot.keyClick(_tile(page, "landed_projects"), Qt.Key.Key_Return)  # the keyboard's way
    assert _listed(qtbot, main_window, page) == ["乙"]

    page.records_dialog.behind = None
    qtbot.mouseClick(_tile(page, "festival_events"), Qt.MouseButton.LeftButton)
    assert _listed(qtbot, main_window, page) == ["新春楚商联谊会"]
    assert page.records_dialog.table.item(0, 1).text() == f"{YEAR}-01-20"


def test_the_charts_show_each_station_and_month(page):
    bars = {bar.key: bar.value for bar in page.station_chart.bars}
    assert (bars["jjj"], bars["dwq"], bars["csj"]) == (1, 1, 0)
    page.station_metric.setCurrentIndex(page.station_metric.findData("capital_arrived"))
    assert {bar.key: bar.text for bar in page.station_chart.bars}["jjj"] == "500.00"
    months = [bar.value for bar in page.month_chart.bars]
    assert months == [0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
    assert page.month_chart.cumulative[-1] == 2


def test_editing_a_target_changes_its_tile(page, main_window, qtbot):
    qtbot.mouseClick(page.targets_button, Qt.MouseButton.LeftButton)
    dialog = page.targets_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.sheet is not None)
    assert dialog.fields["signed_projects"].text() == "200"
    dialog.fields["signed_projects"].setText("4")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: _tile(page, "signed_projects").target.text() == "Target 4 · 50.0 % done")
    assert _tile(page, "signed_projects").property("behind") == "false"


def test_a_station_shows_its_own_targets_and_a_bad_one_is_refused(page, main_window, qtbot):
    page.station.setCurrentIndex(page.station.findData("jjj"))
    _wait_board(qtbot, main_window, page, "jjj")
    assert _tile(page, "signed_projects").actual.text() == "1"
    assert _tile(page, "signed_projects").target.text() == "No target set"  # not the city's 200
    page.edit_targets()
    dialog = page.targets_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.sheet is not None)
    assert dialog.station.currentData() == "jjj" and dialog.fields["signed_projects"].text() == ""
    dialog.fields["signed_projects"].setText("-3")
    dialog.save()
    wait_idle(qtbot, main_window)
    assert dialog.isVisible()
    assert dialog.form.error_text("signed_projects") == "Must be a whole number from 0 to 1000000000000"
    dialog.fields["signed_projects"].setText("10")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: _tile(page, "signed_projects").target.text() == "Target 10 · 10.0 % done")
    assert {bar.key: bar.target for bar in page.station_chart.bars}["jjj"] == 10


def test_the_report_button_writes_the_bureau_s_workbook(page, main_window, qtbot, monkeypatch, tmp_path):
    out = tmp_path / "report.xlsx"
    asked = []

    def fake(parent, title, proposed, filters):
        asked.append(proposed)
        return str(out), filters
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    page.period.setCurrentIndex(page.period.findData("H1"))
    qtbot.waitUntil(lambda: page.board is not None and page.board.period.label == f"{YEAR} H1")
    qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.report is not None and page.report.summary is not None, timeout=15_000)
    assert asked and asked[0].endswith(f"{YEAR}-H1.xlsx")
    book = openpyxl.load_workbook(out)
    summary = {row[0]: row for row in book["汇总"].iter_rows(min_row=4, values_only=True) if row[0]}
    assert summary["新签约楚商投资项目"][2:4] == (200, 2)  # target, and 甲 and 乙 signed in the first half
    assert summary["产业到资金额"][3] == 300  # only March's instalment falls in the first half
    signed = [row[0] for row in book["签约项目"].iter_rows(min_row=4, values_only=True)]
    assert signed[:2] == ["甲", "乙"]
    assert f"{YEAR} H1" in main_window.statusBar().currentMessage()


def test_switching_station_in_the_targets_dialog_asks_before_dropping_what_was_typed(page, main_window, qtbot):
    from PySide6.QtWidgets import QMessageBox

    page.edit_targets()
    dialog = page.targets_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.sheet is not None)
    dialog.fields["landed_projects"].setText("77")
    dialog.station.setCurrentIndex(dialog.station.findData("dwq"))
    question = dialog.switch_question
    qtbot.waitUntil(question.isVisible)
    qtbot.mouseClick(question.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert dialog.station.currentData() == "" and dialog.fields["landed_projects"].text() == "77"  # kept
    dialog.station.setCurrentIndex(dialog.station.findData("dwq"))
    question = dialog.switch_question
    qtbot.waitUntil(question.isVisible)
    qtbot.mouseClick(question.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.sheet is not None and dialog.sheet.station == "dwq")
    assert dialog.fields["landed_projects"].text() == "" and "Greater Bay" in dialog.note.text()
    dialog.reject()  # nothing typed since the load: closes at once
    assert not dialog.isVisible()
