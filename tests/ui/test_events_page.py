"""The events screen (issue 11, item 3): an event made in the dialog (its kind from the reference list,
its categories ticked), guests invited from the directory with the contact picker, who came ticked in
the list, the filters, and what followed an event shown in its detail."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from chushang_desk.models import Event, EventAttendee
from chushang_desk.services.contacts import save_contact
from chushang_desk.services.events import invite, link_to_event, save_event
from chushang_desk.services.projects import save_project
from tests.conftest import wait_idle
from tests.ui.helpers import type_keys

ATTENDED = 3  # the guests table's "Came" column


def _page(qtbot, window):
    wait_idle(qtbot, window)
    page = window.show_page("EventsPage")
    wait_idle(qtbot, window)
    return page


def _pick(qtbot, picker, typed):
    type_keys(qtbot, picker.edit, typed)
    qtbot.waitUntil(picker.suggestions.isVisible)
    qtbot.keyClick(picker.edit, Qt.Key.Key_Down)
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)


def _listed(page) -> list[str]:
    return [page.table.item(r, 1).text() for r in range(page.table.rowCount())]


def _guests(page) -> list[tuple[str, str, bool]]:
    table = page.detail.guests
    return [(table.item(r, 0).text(), table.item(r, 2).text(),
             table.item(r, ATTENDED).checkState() == Qt.CheckState.Checked) for r in range(table.rowCount())]


def test_an_event_made_in_the_dialog_invites_guests_and_marks_who_came(main_window, qtbot):
    page = _page(qtbot, main_window)
    profile = main_window.ctx.profile
    zhang = profile.write(save_contact, dict(name="张三丰", is_merchant=True, company="武当实业"))
    li = profile.write(save_contact, dict(name="李四海", is_merchant=True, company="四海贸易"))
    wang = profile.write(save_contact, dict(name="王五常", is_merchant=True, company="五常米业"))
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(page, "dialog", None) is not None and page.dialog.isVisible())
    dialog = page.dialog
    assert dialog.held_on.date() == date.today()
    type_keys(qtbot, dialog.name, "北京楚商新春联谊会")
    dialog.kind.setCurrentIndex(dialog.kind.findData("gathering"))  # 联谊会: a festival gathering
    assert dialog.categories.codes() == ["festival"]
    dialog.held_on.setText("2025-01-26")
    dialog.categories.boxes["key_region"].setChecked(True)
    type_keys(qtbot, dialog.place, "湖北大厦")
    dialog.station.setCurrentIndex(dialog.station.findData("jjj"))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, main_window)
    assert not dialog.isVisible()
    stored = profile.read(lambda s: [(e.name, e.kind, e.held_on, e.categories, e.place, e.station)
                                     for e in s.query(Event)])
    assert stored == [("北京楚商新春联谊会", "gathering", date(2025, 1, 26), ["festival", "key_region"], "湖北大厦", "jjj")]

    qtbot.waitUntil(lambda: _listed(page) == ["北京楚商新春联谊会"] and page.detail.detail is not None)
    assert page.table.item(0, 3).text() == "Festival gathering, Key region"
    _pick(qtbot, page.detail.picker, "张三")
    _pick(qtbot, page.detail.picker, "lsh")  # 李四海 by his initials
    assert page.detail.picker.ids() == [zhang, li]
    qtbot.mouseClick(page.detail.invite_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(lambda: len(_guests(page)) == 2)
    assert _guests(page) == [("张三丰", "Invited", False), ("李四海", "Invited", False)]
    assert page.detail.picker.ids() == []

    page.detail.guests.item(0, ATTENDED).setCheckState(Qt.CheckState.Checked)  # 张三丰 came
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(lambda: _guests(page)[0][2])
    came = profile.read(lambda s: {a.contact_id: (a.invited, a.attended) for a in s.query(EventAttendee)})
    assert came == {zhang: (True, True), li: (True, False)}
    assert page.detail.guests_label.text() == "Guests: 2 invited, 1 came"
    assert page.table.item(0, 5).text() == "1 / 2"  # came / invited

    _pick(qtbot, page.detail.picker, "王五常")  # brought along by 张三丰
    qtbot.mouseClick(page.detail.walk_in_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(lambda: len(_guests(page)) == 3)
    assert _guests(page)[2] == ("王五常", "Brought along", True)
    assert page.table.item(0, 5).text() == "2 / 2"
    page.detail.guests.selectRow(1)
    qtbot.mouseClick(page.detail.remove_button, Qt.MouseButton.LeftButton)  # 李四海 was invited in error
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(lambda: [g[0] for g in _guests(page)] == ["张三丰", "王五常"])
    live = profile.read(lambda s: {a.contact_id for a in s.query(EventAttendee).filter(EventAttendee.deleted_at.is_(None))})
    assert live == {zhang, wang}


def test_the_filters_narrow_the_list_and_its_counts(main_window, qtbot):
    profile = main_window.ctx.profile
    for name, held_on, kind, categories, station in (
            ("新春联谊会", date(2025, 1, 26), "gathering", ["festival"], "jjj"),
            ("长三角推介会", date(2025, 5, 9), "promotion", ["key_region", "platform"], "csj"),
            ("东京恳谈会", date(2024, 11, 2), "overseas_drive", ["overseas"], "jp_kr")):
        profile.write(save_event, dict(name=name, held_on=held_on, kind=kind, categories=categories, station=station))
    page = _page(qtbot, main_window)
    qtbot.waitUntil(lambda: len(_listed(page)) == 3)
    assert _listed(page) == ["长三角推介会", "新春联谊会", "东京恳谈会"]  # newest first
    assert page.count_label.text().startswith("3 events — Festival gathering 1 · Key region 1 · Overseas 1")
    assert [page.year_filter.itemText(i) for i in range(page.year_filter.count())] == ["All years", "2025", "2024"]
    page.year_filter.setCurrentIndex(page.year_filter.findData(2025))
    qtbot.waitUntil(lambda: _listed(page) == ["长三角推介会", "新春联谊会"])
    page.category_filter.setCurrentIndex(page.category_filter.findData("platform"))
    qtbot.waitUntil(lambda: _listed(page) == ["长三角推介会"])
    page.category_filter.setCurrentIndex(0)
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("gathering"))
    qtbot.waitUntil(lambda: _listed(page) == ["新春联谊会"])
    page.kind_filter.setCurrentIndex(0)
    page.station_filter.setCurrentIndex(page.station_filter.findData("csj"))
    qtbot.waitUntil(lambda: _listed(page) == ["长三角推介会"])
    assert page.count_label.text().startswith("1 event — ")


def test_an_event_s_detail_lists_the_project_signed_at_it(main_window, qtbot):
    profile = main_window.ctx.profile
    fair = profile.write(save_event, dict(name="光谷推介会", held_on=date(2025, 3, 14), kind="promotion",
                                          categories=["platform"], station="jjj"))
    project = profile.write(save_project, {"name": "华星光电第十代线", "station": "jjj"}, today=date(2025, 3, 14))
    profile.write(link_to_event, "project", project, fair)
    page = _page(qtbot, main_window)
    qtbot.waitUntil(lambda: _listed(page) == ["光谷推介会"])
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.detail.detail is not None and page.detail.followed.rowCount() == 1)
    followed = page.detail.followed
    assert [followed.item(0, c).text() for c in range(4)] == ["Project", "2025-03-14", "华星光电第十代线", "Recommended"]
    assert page.detail.values["categories"].text() == "Major platform"
    assert page.detail.values["kind"].text() == "Investment promotion"


def test_deleting_an_event_asks_first_and_takes_its_guest_list_with_it(main_window, qtbot):
    profile = main_window.ctx.profile
    guest = profile.write(save_contact, dict(name="赵六", is_merchant=True))
    fair = profile.write(save_event, dict(name="香港推介会", held_on=date(2025, 6, 6), station="hk"))
    profile.write(invite, fair, [guest])
    page = _page(qtbot, main_window)
    qtbot.waitUntil(lambda: _listed(page) == ["香港推介会"])
    page.table.selectRow(0)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert "香港推介会" in page.confirm_box.text() and "2025-06-06" in page.confirm_box.text()
    qtbot.mouseClick(page.confirm_box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, main_window)
    assert _listed(page) == ["香港推介会"]
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.confirm_box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(lambda: _listed(page) == [] and page.detail.detail is None)
    assert profile.read(lambda s: s.query(EventAttendee).filter(EventAttendee.deleted_at.is_(None)).count()) == 0
