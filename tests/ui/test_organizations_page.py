"""The organizations screen, driven like an officer would: type, click, and check the table and the DB."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import select

from chushang_desk.models import Affiliation, Organization, OutboxEntry
from chushang_desk.services import organizations as orgs
from chushang_desk.services.contacts import save_contact
from tests.conftest import wait_idle
from tests.ui.helpers import type_keys



def _page(qtbot, window):
    wait_idle(qtbot, window)
    page = window.show_page("OrganizationsPage")
    wait_idle(qtbot, window)
    return page


def _names(page):
    model = page.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def _save(qtbot, window, dialog):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)


def _select(qtbot, window, page, name):
    row = _names(page).index(name)
    page.table.selectRow(row)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: page.detail.detail is not None and page.detail.detail.organization["name"] == name)


def test_create_organization_through_the_dialog(main_window, qtbot):
    page = _page(qtbot, main_window)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.waitUntil(dialog.isVisible)
    type_keys(qtbot, dialog.name, "上海湖北商会")
    dialog.kind.setCurrentIndex(dialog.kind.findData("chamber"))
    type_keys(qtbot, dialog.founded_on, "2025-03-14")
    type_keys(qtbot, dialog.region, "上海")
    type_keys(qtbot, dialog.city, "上海")
    dialog.station.setCurrentIndex(dialog.station.findData("csj"))
    _save(qtbot, main_window, dialog)
    assert not dialog.isVisible()

    qtbot.waitUntil(lambda: "上海湖北商会" in _names(page))
    profile = main_window.ctx.profile
    [org_id] = profile.read(orgs.find_organization_ids, orgs.OrganizationQuery(text="湖北商会"))
    org = profile.read(orgs.get_organization, org_id)
    assert (org["kind"], org["founded_on"], org["station"], org["city"]) == ("chamber", date(2025, 3, 14), "csj", "上海")
    row = _names(page).index("上海湖北商会")
    assert page.model.index(row, 1).data() == "Chamber"
    assert page.model.index(row, 4).data() == "2025-03-14"
    assert page.model.index(row, 5).data() == "0"
    # The new organization is selected and its detail shown.
    qtbot.waitUntil(lambda: page.detail.detail is not None)
    assert page.detail.heading.text() == "上海湖北商会"


def test_validation_shows_next_to_the_field_and_keeps_the_text(main_window, qtbot):
    page = _page(qtbot, main_window)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    type_keys(qtbot, dialog.founded_on, "2025-13-40")
    type_keys(qtbot, dialog.city, "深圳")
    _save(qtbot, main_window, dialog)
    assert dialog.isVisible()
    assert dialog.form.error_text("name") == "Required"
    assert dialog.form.error_text("founded_on") == "No such date: there is no month 13"
    assert dialog.form.error_text("city") == ""
    assert dialog.founded_on.text() == "2025-13-40" and dialog.city.text() == "深圳"
    # Fixing the fields saves.
    type_keys(qtbot, dialog.name, "深圳湖北商会")
    dialog.founded_on.clear()
    type_keys(qtbot, dialog.founded_on, "2024-05-01")
    _save(qtbot, main_window, dialog)
    assert not dialog.isVisible()
    assert main_window.ctx.profile.read(orgs.find_organization_ids, orgs.OrganizationQuery(text="深圳"))


def test_search_and_filters_narrow_the_table(main_window, qtbot):
    page = _page(qtbot, main_window)
    profile = main_window.ctx.profile
    profile.write(orgs.save_organization, dict(name="上海湖北商会", kind="chamber", station="csj"))
    profile.write(orgs.save_organization, dict(name="北京华中科技大学校友会", kind="alumni_association", station="jjj"))
    profile.write(orgs.save_organization, dict(name="安徽湖北商会", kind="chamber", station="csj"))
    page.reload()
    wait_idle(qtbot, main_window)
    assert _names(page) == ["安徽湖北商会", "北京华中科技大学校友会", "上海湖北商会"]
    type_keys(qtbot, page.search, "shanghai")
    qtbot.waitUntil(lambda: _names(page) == ["上海湖北商会"])
    page.search.clear()
    qtbot.waitUntil(lambda: len(_names(page)) == 3)
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("alumni_association"))
    qtbot.waitUntil(lambda: _names(page) == ["北京华中科技大学校友会"])
    page.kind_filter.setCurrentIndex(0)
    page.station_filter.setCurrentIndex(page.station_filter.findData("csj"))
    qtbot.waitUntil(lambda: _names(page) == ["安徽湖北商会", "上海湖北商会"])
    assert page.count_label.text() == "2 organizations"
    page.station_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: len(_names(page)) == 3)
    founded = profile.read(orgs.find_organization_ids, orgs.OrganizationQuery(text="安徽"))[0]
    profile.write(orgs.save_organization, dict(founded_on=date.today().replace(month=1, day=1)), founded)
    qtbot.mouseClick(page.new_this_year, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _names(page) == ["安徽湖北商会"])


def test_add_edit_and_remove_a_member(main_window, qtbot):
    page = _page(qtbot, main_window)
    profile = main_window.ctx.profile
    org_id = profile.write(orgs.save_organization, dict(name="上海湖北商会", kind="chamber"))
    zhang = profile.write(save_contact, dict(name="张三丰", is_merchant=True, company="三江集团", title="董事长"))
    page.reload()
    wait_idle(qtbot, main_window)
    _select(qtbot, main_window, page, "上海湖北商会")

    qtbot.mouseClick(page.detail.add_button, Qt.MouseButton.LeftButton)
    dialog = page.member_dialog
    qtbot.waitUntil(dialog.isVisible)
    type_keys(qtbot, dialog.contact.edit, "zhangsan")
    qtbot.waitUntil(dialog.contact.suggestions.isVisible)
    qtbot.keyClick(dialog.contact.edit, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.contact.edit, Qt.Key.Key_Return)
    assert dialog.contact.choice_id == zhang
    [chip] = dialog.contact.chips()
    assert (chip.label.text(), chip.toolTip()) == ("张三丰", "张三丰 · 三江集团 · 董事长")
    dialog.role.setCurrentText("")
    type_keys(qtbot, dialog.role.lineEdit(), "会长")
    type_keys(qtbot, dialog.since, "2023-06-01")
    _save(qtbot, main_window, dialog)
    assert not dialog.isVisible()

    qtbot.waitUntil(lambda: page.detail.members.rowCount() == 1)
    assert page.detail.members.item(0, 0).text() == "张三丰"
    assert page.detail.members.item(0, 1).text() == "会长"
    qtbot.waitUntil(lambda: page.model.index(_names(page).index("上海湖北商会"), 5).data() == "1")
    with profile.sessions.read() as s:
        aff = s.scalars(select(Affiliation).where(Affiliation.organization_id == org_id)).one()
        assert (aff.contact_id, aff.role, aff.since) == (zhang, "会长", date(2023, 6, 1))

    # Edit the role.
    page.detail.members.selectRow(0)
    qtbot.mouseClick(page.detail.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.member_dialog
    assert dialog.contact.choice_id == zhang
    dialog.role.setCurrentText("副会长")
    _save(qtbot, main_window, dialog)
    qtbot.waitUntil(lambda: page.detail.members.rowCount() == 1
                    and page.detail.members.item(0, 1).text() == "副会长")

    # Remove asks first; No keeps it, Yes tombstones it.
    page.detail.members.selectRow(0)
    qtbot.mouseClick(page.detail.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.confirm_box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, main_window)
    assert page.detail.members.rowCount() == 1
    page.detail.members.selectRow(0)
    qtbot.mouseClick(page.detail.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.confirm_box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(lambda: page.detail.members.rowCount() == 0)
    with profile.sessions.read() as s:
        assert s.get(Affiliation, aff.id).deleted_at is not None


def test_delete_asks_first_and_tombstones(main_window, qtbot):
    page = _page(qtbot, main_window)
    profile = main_window.ctx.profile
    org_id = profile.write(orgs.save_organization, dict(name="广州湖北商会", kind="chamber"))
    page.reload()
    wait_idle(qtbot, main_window)
    _select(qtbot, main_window, page, "广州湖北商会")
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    box = page.confirm_box
    assert "广州湖北商会" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(lambda: _names(page) == [])
    assert page.detail.detail is None
    with profile.sessions.read() as s:
        assert s.get(Organization, org_id).deleted_at is not None
        last = s.scalars(select(OutboxEntry).order_by(OutboxEntry.mid.desc())).first()
        assert (last.table_name, last.op, last.row_id) == ("organization", "delete", org_id)


def test_table_model_passes_qmodeltester(main_window, qtbot, qtmodeltester):
    page = _page(qtbot, main_window)
    profile = main_window.ctx.profile
    for i in range(250):
        profile.write(orgs.save_organization, dict(name=f"商会{i:03d}", kind="chamber", city="杭州"))
    page.reload()
    wait_idle(qtbot, main_window)
    assert page.model.rowCount() == 250
    assert page.model.row_at(200) is None  # later pages arrive when asked for
    qtmodeltester.check(page.model)
    assert page.model.index(200, 0).data() is None  # asking starts the fetch of its page
    wait_idle(qtbot, main_window)
    assert page.model.row_at(200) is not None and page.model.index(200, 0).data() == "商会200"


def test_selecting_a_listed_organization_from_code_shows_its_detail(main_window, qtbot):
    from chushang_desk.services.organizations import save_organization

    profile = main_window.ctx.profile
    first = profile.write(save_organization, dict(name="甲商会", kind="chamber"))
    second = profile.write(save_organization, dict(name="乙商会", kind="chamber"))
    page = main_window.show_page("OrganizationsPage")
    qtbot.waitUntil(lambda: page.model.row_of(second) >= 0, timeout=5000)
    page.select_organization(first)
    page.select_organization(second)
    qtbot.waitUntil(lambda: page.detail.heading.text() == "乙商会", timeout=5000)
    assert page.edit_button.isEnabled() and page.delete_button.isEnabled()


def test_enter_and_delete_belong_to_the_list_not_to_the_search_box(main_window, qtbot):
    """Enter typed in the search box searches; it does not open the selected organization (PySide6
    makes a shortcut window-wide when its context is given with a callable: ui/widgets/shortcuts.py)."""
    page = _page(qtbot, main_window)
    main_window.ctx.profile.write(orgs.save_organization, dict(name="上海湖北商会", kind="chamber"))
    page.reload()
    wait_idle(qtbot, main_window)
    _select(qtbot, main_window, page, "上海湖北商会")
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.keyClick(page.search, Qt.Key.Key_Delete)
    wait_idle(qtbot, main_window)
    assert getattr(page, "dialog", None) is None and getattr(page, "confirm_box", None) is None
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # on the list, Enter opens the selected one
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(lambda: getattr(page, "dialog", None) is not None and page.dialog.isVisible())
