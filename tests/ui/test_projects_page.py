"""The projects screen (issue 11, item 2): create a project through the dialog and see its card, move it
by dragging and with the keyboard (the day asked, Cancel leaving it), the rotting mark, the list's
filters, and an instalment of capital added on the project's page."""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from chushang_desk.models import OutboxEntry, Project
from chushang_desk.services.organizations import save_organization
from chushang_desk.services.projects import project_detail, save_project
from chushang_desk.ui.projects.board import ROTTING_COLOUR, ROTTING_ROLE, STAGE_COLOURS
from chushang_desk.ui.projects.dialogs import ArrivalDialog, MoveStageDialog, ProjectDialog
from tests.conftest import wait_idle
from tests.ui.helpers import type_keys


def _page(qtbot, window):
    wait_idle(qtbot, window)
    page = window.show_page("ProjectsPage")
    wait_idle(qtbot, window)
    return page


def _stored(window, project_id) -> dict:
    return window.ctx.profile.read(lambda s: {c.name: getattr(s.get(Project, project_id), c.name)
                                              for c in Project.__table__.columns})


def _cards(page, stage) -> list[str]:
    return [row.name for row in page.board.columns[stage].cards().rows]


def _add_project(window, name="光谷芯片封测", today=date(2025, 1, 10), **fields) -> str:
    data = {"name": name, "station": "dwq", "industry": "ic", **fields}
    return window.ctx.profile.write(lambda s: save_project(s, data, today=today))


def _reloaded(qtbot, window, page):
    page.reload()
    wait_idle(qtbot, window)


def _dialog(qtbot, page, kind):
    qtbot.waitUntil(lambda: isinstance(page.dialog, kind) and page.dialog.isVisible())
    return page.dialog


def _click_save(qtbot, window, dialog):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)


def _drop(column, mime) -> None:
    """What Qt delivers at the end of a drag: enter, move and drop on the column, carrying the card's
    real QMimeData (QDrag's own loop cannot be driven under the offscreen platform)."""
    at = column.viewport().rect().center()
    actions, button, none = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for event in (QDragEnterEvent(at, actions, mime, button, none), QDragMoveEvent(at, actions, mime, button, none),
                  QDropEvent(at, actions, mime, button, none)):
        QApplication.sendEvent(column.viewport(), event)


def _drag_card(page, name, to_stage) -> None:
    source = next(c for c in page.board.columns.values() if name in [r.name for r in c.cards().rows])
    index = source.cards().index([r.name for r in source.cards().rows].index(name))
    _drop(page.board.columns[to_stage], source.cards().mimeData([index]))


def _outbox_size(window) -> int:
    return window.ctx.profile.read(lambda s: s.query(OutboxEntry).count())


def test_a_project_created_in_the_dialog_shows_as_a_card(main_window, qtbot):
    page = _page(qtbot, main_window)
    investor = main_window.ctx.profile.write(save_organization, {"name": "小米科技", "kind": "company"})
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, page, ProjectDialog)
    assert dialog.is_chushang.isChecked()
    _click_save(qtbot, main_window, dialog)  # no name: refused, said under the field
    assert dialog.isVisible() and dialog.form.error_text("name") == "Required"
    type_keys(qtbot, dialog.name, "小米武汉总部二期")
    type_keys(qtbot, dialog.organization.edit, "小米")
    qtbot.waitUntil(dialog.organization.suggestions.isVisible)
    qtbot.keyClick(dialog.organization.edit, Qt.Key.Key_Return)
    assert dialog.organization.choice_id == investor
    dialog.industry.setCurrentIndex(dialog.industry.findData("ic"))
    dialog.district.setCurrentIndex(dialog.district.findData("jiangan"))
    dialog.station.setCurrentIndex(dialog.station.findData("dwq"))
    type_keys(qtbot, dialog.planned_amount, "12x")
    _click_save(qtbot, main_window, dialog)
    assert dialog.isVisible() and dialog.form.error_text("planned_amount")  # not an amount: says so there
    dialog.planned_amount.clear()
    type_keys(qtbot, dialog.planned_amount, "500000")
    dialog.issues["land"].setChecked(True)
    dialog.is_alumni.setChecked(True)
    type_keys(qtbot, dialog.tracked_by, "李明、王芳")
    type_keys(qtbot, dialog.leading_official, "张副区长")
    _click_save(qtbot, main_window, dialog)
    assert not dialog.isVisible()

    qtbot.waitUntil(lambda: _cards(page, "recommended") == ["小米武汉总部二期"])
    project_id = page.board.current_id()  # the new card is selected, its page shown
    saved = _stored(main_window, project_id)
    assert (saved["stage"], saved["recommended_on"], saved["organization_id"], saved["planned_amount"]) == (
        "recommended", date.today(), investor, Decimal("500000.00"))
    assert (saved["waiting_on"], saved["tracked_by"], saved["is_alumni"], saved["district"]) == (
        ["land"], ["李明", "王芳"], True, "jiangan")
    qtbot.waitUntil(lambda: page.detail.heading.text() == "小米武汉总部二期")
    [card] = page.board.columns["recommended"].cards().rows
    assert (card.investor, card.planned_amount) == ("小米科技", Decimal("500000.00"))


def test_editing_fills_the_dialog_and_changes_the_project(main_window, qtbot):
    page = _page(qtbot, main_window)
    project_id = _add_project(main_window, planned_amount="1250.5", waiting_on=["funds"], tracked_by="李明")
    _reloaded(qtbot, main_window, page)
    page.board.select(project_id)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, page, ProjectDialog)
    assert (dialog.name.text(), dialog.planned_amount.text(), dialog.tracked_by.text()) == (
        "光谷芯片封测", "1250.50", "李明")
    assert dialog.issues["funds"].isChecked() and not dialog.issues["land"].isChecked()
    type_keys(qtbot, dialog.signed_amount, "900")
    _click_save(qtbot, main_window, dialog)
    assert not dialog.isVisible()
    saved = _stored(main_window, project_id)
    assert (saved["signed_amount"], saved["planned_amount"], saved["waiting_on"]) == (
        Decimal("900.00"), Decimal("1250.50"), ["funds"])


def test_dragging_a_card_asks_the_day_then_moves_it(main_window, qtbot):
    page = _page(qtbot, main_window)
    project_id = _add_project(main_window)
    _reloaded(qtbot, main_window, page)
    assert _cards(page, "recommended") == ["光谷芯片封测"]
    _drag_card(page, "光谷芯片封测", "signed")
    dialog = _dialog(qtbot, page, MoveStageDialog)
    assert dialog.reached_on.date() == date.today() and dialog.reason is None
    dialog.reached_on.clear()
    type_keys(qtbot, dialog.reached_on, "2024-12-31")  # before it was recommended: refused, said there
    _click_save(qtbot, main_window, dialog)
    assert dialog.isVisible()
    assert dialog.form.error_text("signed_on") == "This stage's day is before the stage before it"
    dialog.reached_on.clear()
    type_keys(qtbot, dialog.reached_on, "20250301")
    _click_save(qtbot, main_window, dialog)
    assert not dialog.isVisible()
    saved = _stored(main_window, project_id)
    assert (saved["stage"], saved["signed_on"], saved["recommended_on"]) == (
        "signed", date(2025, 3, 1), date(2025, 1, 10))
    qtbot.waitUntil(lambda: _cards(page, "signed") == ["光谷芯片封测"])
    assert _cards(page, "recommended") == []
    assert page.board.current_id() == project_id


def test_cancel_leaves_the_card_where_it_was(main_window, qtbot):
    page = _page(qtbot, main_window)
    project_id = _add_project(main_window)
    _reloaded(qtbot, main_window, page)
    before = _outbox_size(main_window)
    _drag_card(page, "光谷芯片封测", "tracking")
    dialog = _dialog(qtbot, page, MoveStageDialog)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, main_window)
    assert not dialog.isVisible()
    assert _stored(main_window, project_id)["stage"] == "recommended"
    assert _outbox_size(main_window) == before
    assert _cards(page, "recommended") == ["光谷芯片封测"] and _cards(page, "tracking") == []
    _drag_card(page, "光谷芯片封测", "recommended")  # onto its own column: nothing to ask
    wait_idle(qtbot, main_window)
    assert page.dialog is dialog


def test_ctrl_right_and_move_to_dropped_with_its_reason(main_window, qtbot):
    page = _page(qtbot, main_window)
    project_id = _add_project(main_window)
    _reloaded(qtbot, main_window, page)
    column = page.board.columns["recommended"]
    page.board.select(project_id)
    column.setFocus()
    qtbot.keyClick(column, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    dialog = _dialog(qtbot, page, MoveStageDialog)
    assert dialog.stage == "tracking"
    qtbot.keyClick(dialog.reached_on, Qt.Key.Key_Return)  # Enter: the default button, Move
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(lambda: _cards(page, "tracking") == ["光谷芯片封测"])
    assert (_stored(main_window, project_id)["stage"], _stored(main_window, project_id)["tracking_on"]) == (
        "tracking", date.today())
    assert page.board.current_id() == project_id
    page.move_actions["dropped"].trigger()  # the "Move to" menu
    dialog = _dialog(qtbot, page, MoveStageDialog)
    _click_save(qtbot, main_window, dialog)
    assert dialog.isVisible() and dialog.form.error_text("dropped_reason") == "Say why the project is dropped"
    type_keys(qtbot, dialog.reason, "投资方资金链紧张")
    _click_save(qtbot, main_window, dialog)
    qtbot.waitUntil(lambda: _cards(page, "dropped") == ["光谷芯片封测"])
    saved = _stored(main_window, project_id)
    assert (saved["stage"], saved["dropped_on"], saved["dropped_reason"]) == (
        "dropped", date.today(), "投资方资金链紧张")
    column = page.board.columns["dropped"]
    column.setFocus()
    qtbot.keyClick(column, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)  # taken up again: to landed
    dialog = _dialog(qtbot, page, MoveStageDialog)
    assert dialog.stage == "landed"
    dialog.reject()


def test_a_card_in_its_stage_too_long_is_marked(main_window, qtbot):
    page = _page(qtbot, main_window)
    _add_project(main_window, "老项目", today=date.today() - timedelta(days=31))  # the limit is 30 days
    _add_project(main_window, "新项目", today=date.today() - timedelta(days=30))
    _reloaded(qtbot, main_window, page)
    column = page.board.columns["recommended"]
    cards = column.cards()
    assert [r.name for r in cards.rows] == ["老项目", "新项目"]  # the longest waiting first
    old, new = cards.index(0), cards.index(1)
    assert old.data(ROTTING_ROLE) is True and new.data(ROTTING_ROLE) is False
    assert "In Recommended for 31 days" in old.data(Qt.ItemDataRole.ToolTipRole)
    assert "Waiting too long: the limit is 30 days" in old.data(Qt.ItemDataRole.ToolTipRole)
    assert "Waiting too long" not in new.data(Qt.ItemDataRole.ToolTipRole)
    shot = column.viewport().grab().toImage()
    edge_x = column.visualRect(old).left() + 6  # the card's coloured left edge, as painted
    assert shot.pixelColor(edge_x, column.visualRect(old).center().y()) == ROTTING_COLOUR
    assert shot.pixelColor(edge_x, column.visualRect(new).center().y()) == STAGE_COLOURS["recommended"]
    assert QColor(shot.pixelColor(edge_x + 40, column.visualRect(old).bottom() - 6)) != QColor("#ffffff")
    page.show_view(1)  # the list marks the day it reached its stage
    wait_idle(qtbot, main_window)
    since = {page.model.index(r, 0).data(): page.model.index(r, 3) for r in range(2)}
    assert since["老项目"].data(Qt.ItemDataRole.ForegroundRole) == ROTTING_COLOUR
    assert since["老项目"].data(Qt.ItemDataRole.ToolTipRole) == "In this stage for 31 days: waiting too long"
    assert since["新项目"].data(Qt.ItemDataRole.ForegroundRole) is None


def test_the_list_filters(main_window, qtbot):
    page = _page(qtbot, main_window)
    _add_project(main_window, "光谷芯片封测", station="dwq", industry="ic", is_alumni=True)
    _add_project(main_window, "新能源汽车零部件", station="dwq", industry="auto", stage="signed",
                 signed_on=date(2025, 3, 1))
    _add_project(main_window, "临空港物流园", station="jjj", industry="ic", is_chushang=False)
    qtbot.mouseClick(page.list_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, main_window)
    assert page.stage_filter.isVisible() and page.table.isVisible()

    def shown() -> set[str]:
        wait_idle(qtbot, main_window)
        return {page.model.index(r, 0).data() for r in range(page.model.rowCount())}

    assert shown() == {"光谷芯片封测", "新能源汽车零部件", "临空港物流园"}
    page.stage_filter.setCurrentIndex(page.stage_filter.findData("signed"))
    assert shown() == {"新能源汽车零部件"}
    assert page.model.index(0, 2).data() == "Signed" and page.model.index(0, 3).data() == "2025-03-01"
    page.stage_filter.setCurrentIndex(0)
    page.station_filter.setCurrentIndex(page.station_filter.findData("dwq"))
    assert shown() == {"光谷芯片封测", "新能源汽车零部件"}
    page.industry_filter.setCurrentIndex(page.industry_filter.findData("ic"))
    assert shown() == {"光谷芯片封测"}
    page.station_filter.setCurrentIndex(0)
    assert shown() == {"光谷芯片封测", "临空港物流园"}
    page.chushang_filter.setChecked(True)
    assert shown() == {"光谷芯片封测"}
    page.chushang_filter.setChecked(False)
    page.alumni_filter.setChecked(True)
    assert shown() == {"光谷芯片封测"}
    page.alumni_filter.setChecked(False)
    page.industry_filter.setCurrentIndex(0)
    type_keys(qtbot, page.search, "物流")
    qtbot.waitUntil(lambda: shown() == {"临空港物流园"})
    assert page.count_label.text() == "1 project"


def test_an_instalment_added_on_the_project_s_page_shows_in_the_total(main_window, qtbot):
    page = _page(qtbot, main_window)
    project_id = _add_project(main_window, stage="signed", signed_on=date(2025, 3, 1))
    _reloaded(qtbot, main_window, page)
    page.board.select(project_id)
    qtbot.waitUntil(lambda: page.detail.detail is not None and page.detail.detail["id"] == project_id)
    assert page.detail.arrived_total.text() == "Arrived: 0 (10k ¥)"
    qtbot.mouseClick(page.detail.add_arrival_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, page, ArrivalDialog)
    assert dialog.arrived_on.date() == date.today()
    type_keys(qtbot, dialog.amount, "1000")
    _click_save(qtbot, main_window, dialog)
    qtbot.waitUntil(lambda: page.detail.arrived_total.text() == "Arrived: 1,000 (10k ¥)")
    assert page.detail.arrivals.rowCount() == 1
    qtbot.mouseClick(page.detail.add_arrival_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, page, ArrivalDialog)
    type_keys(qtbot, dialog.amount, "250.5")
    dialog.arrived_on.clear()
    _click_save(qtbot, main_window, dialog)  # neither arrived nor promised: which day?
    assert dialog.isVisible() and dialog.form.error_text("arrived_on")
    type_keys(qtbot, dialog.due_on, "2026-02-30")
    _click_save(qtbot, main_window, dialog)
    assert dialog.isVisible() and "February" in dialog.form.error_text("due_on")
    dialog.due_on.clear()
    type_keys(qtbot, dialog.due_on, "2099-06-30")
    _click_save(qtbot, main_window, dialog)
    qtbot.waitUntil(lambda: page.detail.arrived_total.text()
                    == "Arrived: 1,000 (10k ¥)  ·  promised, not arrived: 250.50")
    detail = main_window.ctx.profile.read(project_detail, project_id)
    assert [(a.amount, a.arrived_on, a.due_on) for a in detail["arrivals"]] == [
        (Decimal("1000.00"), date.today(), None), (Decimal("250.50"), None, date(2099, 6, 30))]
    page.show_view(1)  # the list's arrived column counts the arrived instalment only
    wait_idle(qtbot, main_window)
    assert page.model.index(0, 7).data() == "1,000"
    page.select_project(project_id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)  # the list moves too
    dialog = _dialog(qtbot, page, MoveStageDialog)
    assert dialog.stage == "landed"
    _click_save(qtbot, main_window, dialog)
    qtbot.waitUntil(lambda: page.model.index(0, 2).data() == "Landed")
    assert _stored(main_window, project_id)["landed_on"] == date.today()


def test_the_project_s_page_shows_its_event_its_referral_and_its_visits(main_window, qtbot):
    from chushang_desk.services.contacts import save_contact
    from chushang_desk.services.events import save_event
    from chushang_desk.services.referrals import save_referral
    from chushang_desk.services.visits import save_visit

    profile = main_window.ctx.profile
    page = _page(qtbot, main_window)
    event = profile.write(save_event, dict(name="2025楚商大会", held_on="2025-05-20", station="dwq"))
    project_id = _add_project(main_window)
    wang = profile.write(save_contact, dict(name="王大使", is_merchant=True, is_ambassador=True,
                                            ambassador_since="2024-01-01"))
    profile.write(save_referral, dict(ambassador_id=wang, project_id=project_id, referred_on="2025-01-05"))
    profile.write(save_visit, dict(visit_date="2025-02-01", officers="李明", contact_ids=[wang], purpose="洽谈用地",
                                   project_id=project_id))
    _reloaded(qtbot, main_window, page)
    page.board.select(project_id)
    qtbot.waitUntil(lambda: page.detail.detail is not None and page.detail.detail["id"] == project_id)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)  # the event is chosen in the dialog
    dialog = _dialog(qtbot, page, ProjectDialog)
    dialog.event_field.edit.setFocus()
    type_keys(qtbot, dialog.event_field.edit, "楚商")
    qtbot.waitUntil(lambda: dialog.event_field.suggestion_texts() == ["2025楚商大会 · 2025-05-20"])
    qtbot.keyClick(dialog.event_field.edit, Qt.Key.Key_Return)
    _click_save(qtbot, main_window, dialog)
    assert not dialog.isVisible() and _stored(main_window, project_id)["event_id"] == event
    qtbot.waitUntil(lambda: page.detail.detail.get("event") == "2025楚商大会")
    followed = page.detail.followed
    rows = [[followed.item(r, c).text() for c in range(4)] for r in range(followed.rowCount())]
    assert rows == [["Referral", "2025-01-05", "王大使 → 光谷芯片封测", "New lead"],
                    ["Visit", "2025-02-01", "王大使 · 洽谈用地", "On-site visit"]]
    assert page.detail.tabs.tabText(page.detail.tabs.indexOf(followed)) == "Visits and referrals (2)"
