"""The referrals screen: create through the dialog, validation, quick status change, delete, outcomes."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import select

from chushang_desk.models import OutboxEntry, Project, Referral
from chushang_desk.services import referrals as refs
from chushang_desk.services.contacts import save_contact
from chushang_desk.services.organizations import save_organization
from chushang_desk.services.projects import save_project
from tests.conftest import wait_idle
from tests.ui.helpers import type_keys


def _page(qtbot, window):
    wait_idle(qtbot, window)
    page = window.show_page("ReferralsPage")
    wait_idle(qtbot, window)
    return page


def _people(profile):
    return dict(
        wang=profile.write(save_contact, dict(name="王海峰", is_merchant=True, is_ambassador=True,
                                              ambassador_since="2024-01-01", company="海峰实业")),
        li=profile.write(save_contact, dict(name="李明", is_merchant=True, company="明远科技")),
        org=profile.write(save_organization, dict(name="杭州湖北商会", kind="chamber")),
    )


def _column(page, column):
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def _save(qtbot, window, dialog):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)


def _pick(qtbot, picker, typed):
    type_keys(qtbot, picker.edit, typed)
    qtbot.waitUntil(picker.suggestions.isVisible)
    qtbot.keyClick(picker.edit, Qt.Key.Key_Down)
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)


def test_create_referral_through_the_dialog(main_window, qtbot):
    page = _page(qtbot, main_window)
    profile = main_window.ctx.profile
    people = _people(profile)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.referred_on.date() == date.today()
    # Down in the empty ambassador field lists the ambassadors only (李明 is not one).
    dialog.ambassador.edit.setFocus()
    qtbot.keyClick(dialog.ambassador.edit, Qt.Key.Key_Down)
    qtbot.waitUntil(dialog.ambassador.suggestions.isVisible)
    assert dialog.ambassador.suggestion_texts() == ["王海峰 · 海峰实业"]
    qtbot.keyClick(dialog.ambassador.edit, Qt.Key.Key_Escape)  # closes the list, not the dialog
    assert dialog.isVisible() and not dialog.ambassador.suggestions.isVisible()
    _pick(qtbot, dialog.ambassador, "wang")
    assert dialog.ambassador.choice_id == people["wang"]
    _pick(qtbot, dialog.referred_contact, "李明")
    assert dialog.referred_contact.choice_id == people["li"]
    _pick(qtbot, dialog.referred_organization, "杭州")
    assert dialog.referred_organization.choice_id == people["org"]
    _pick(qtbot, dialog.project, "光谷芯片项目")  # no such project yet: offered as a new one
    assert dialog.project.new_project_name == "光谷芯片项目"
    dialog.station.setCurrentIndex(dialog.station.findData("csj"))
    type_keys(qtbot, dialog.notes, "在杭州座谈会上介绍")
    _save(qtbot, main_window, dialog)
    assert not dialog.isVisible()

    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.row_at(0) is not None)
    assert _column(page, 1) == ["王海峰"]
    assert _column(page, 2) == ["李明 · 杭州湖北商会 · 光谷芯片项目"]
    assert _column(page, 3) == ["New lead"]
    [rid] = profile.read(refs.find_referral_ids, refs.ReferralQuery(ambassador_id=people["wang"]))
    saved = profile.read(refs.get_referral, rid)
    assert (saved["referred_on"], saved["status"], saved["station"], saved["notes"]) == (
        date.today(), "new", "csj", "在杭州座谈会上介绍")
    assert page.current_id() == rid  # the new referral is selected
    project = profile.read(lambda s: s.get(Project, saved["project_id"]))
    assert (project.name, project.source, project.contact_id, project.organization_id, project.station) == (
        "光谷芯片项目", "referral", people["li"], people["org"], "csj")


def test_a_referral_picks_an_existing_project_by_part_of_its_name(main_window, qtbot):
    page = _page(qtbot, main_window)
    profile = main_window.ctx.profile
    people = _people(profile)
    project = profile.write(save_project, dict(name="光谷芯片二期", organization_id=people["org"]))
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.waitUntil(dialog.isVisible)
    _pick(qtbot, dialog.ambassador, "wang")
    type_keys(qtbot, dialog.project.edit, "芯片")
    qtbot.waitUntil(dialog.project.suggestions.isVisible)
    # the existing project first, with its investor; what was typed is offered as a new one after it
    assert dialog.project.suggestion_texts() == ["光谷芯片二期 · 杭州湖北商会", "New project “芯片”"]
    qtbot.keyClick(dialog.project.edit, Qt.Key.Key_Return)
    assert dialog.project.project_id == project
    _save(qtbot, main_window, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    [rid] = profile.read(refs.find_referral_ids, refs.ReferralQuery())
    assert profile.read(refs.get_referral, rid)["project_id"] == project
    assert profile.read(lambda s: s.query(Project).count()) == 1  # no second project made


def test_validation_next_to_the_field_keeps_the_text(main_window, qtbot):
    page = _page(qtbot, main_window)
    people = _people(main_window.ctx.profile)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    # A plain contact is not an ambassador: the service refuses it, with the reason under the field.
    dialog.ambassador.set_choice(people["li"], "李明")
    _save(qtbot, main_window, dialog)
    assert dialog.isVisible()
    assert dialog.form.error_text("ambassador_id") == "The person chosen is not an ambassador"
    assert dialog.form.error_text("referred_contact_id") == "Choose whom or what was referred"
    assert [chip.label.text() for chip in dialog.ambassador.chips()] == ["李明"]
    # Typed but not chosen from the list: said so, and the text stays.
    dialog.ambassador.clear()
    type_keys(qtbot, dialog.ambassador.edit, "王某")
    type_keys(qtbot, dialog.project.edit, "新能源项目")
    _save(qtbot, main_window, dialog)
    assert dialog.form.error_text("ambassador_id") == "Choose one of the matches from the list"
    assert dialog.ambassador.edit.text() == "王某" and dialog.project.edit.text() == "新能源项目"
    assert dialog.isVisible()
    assert main_window.ctx.profile.read(refs.find_referral_ids, refs.ReferralQuery()) == []


def test_status_change_writes_only_the_status(main_window, qtbot):
    page = _page(qtbot, main_window)
    profile = main_window.ctx.profile
    people = _people(profile)
    rid = profile.write(refs.save_referral, dict(ambassador_id=people["wang"], referred_on="2025-04-01",
                                                 referred_contact_id=people["li"], notes="x"))
    page.reload()
    wait_idle(qtbot, main_window)
    page.table.selectRow(0)
    assert page.status_button.isEnabled()
    page.status_actions["negotiating"].trigger()
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(lambda: _column(page, 3) == ["Negotiating"])
    with profile.sessions.read() as s:
        entry = s.scalars(select(OutboxEntry).order_by(OutboxEntry.mid.desc())).first()
        assert (entry.table_name, entry.row_id, entry.op) == ("referral", rid, "upsert")
        assert set(entry.fields) == {"status", "negotiating_on", "updated_at", "updated_by"}
        assert (entry.fields["status"], entry.fields["negotiating_on"]) == ("negotiating", date.today().isoformat())
    assert page.current_id() == rid  # the selection survives the reload


def test_delete_asks_first_and_tombstones(main_window, qtbot):
    page = _page(qtbot, main_window)
    profile = main_window.ctx.profile
    people = _people(profile)
    rid = profile.write(refs.save_referral, dict(ambassador_id=people["wang"], referred_on="2025-04-01",
                                                 project_name="光谷芯片项目"))
    page.reload()
    wait_idle(qtbot, main_window)
    page.table.selectRow(0)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.confirm_box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, main_window)
    assert page.model.rowCount() == 1
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert "光谷芯片项目" in page.confirm_box.text()
    qtbot.mouseClick(page.confirm_box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    with profile.sessions.read() as s:
        assert s.get(Referral, rid).deleted_at is not None


def test_outcomes_and_filters(main_window, qtbot, qtmodeltester):
    page = _page(qtbot, main_window)
    profile = main_window.ctx.profile
    people = _people(profile)
    zhao = profile.write(save_contact, dict(name="赵雪", is_merchant=True, is_ambassador=True,
                                            ambassador_since="2024-03-01"))
    year = date.today().year
    on = f"{year}-01-15"
    for status in ("new", "signed", "landed", "landed"):
        profile.write(refs.save_referral, dict(ambassador_id=people["wang"], referred_on=on, project_name=status,
                                               status=status, station="csj"))
    profile.write(refs.save_referral, dict(ambassador_id=zhao, referred_on=on, project_name="z", status="signed",
                                           station="jjj"))
    profile.write(refs.save_referral, dict(ambassador_id=zhao, referred_on=f"{year - 1}-06-01", project_name="old",
                                           status="landed", station="jjj"))
    page.reload()
    wait_idle(qtbot, main_window)
    qtmodeltester.check(page.model)
    wait_idle(qtbot, main_window)
    table = page.outcomes.table
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert rows == [["王海峰", "4", "3", "2"], ["赵雪", "1", "1", "0"]]
    assert page.outcomes.total.text() == f"{year}: 2 ambassadors, 5 referrals, 4 signed, 2 landed"
    page.outcomes.year.setValue(year - 1)
    wait_idle(qtbot, main_window)
    assert [[table.item(0, c).text() for c in range(4)]] == [["赵雪", "1", "1", "1"]]
    assert page.outcomes.total.text() == f"{year - 1}: 1 ambassador, 1 referral, 1 signed, 1 landed"

    assert page.model.rowCount() == 6
    page.status_filter.setCurrentIndex(page.status_filter.findData("landed"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    page.station_filter.setCurrentIndex(page.station_filter.findData("csj"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.status_filter.setCurrentIndex(0)
    page.station_filter.setCurrentIndex(0)
    wait_idle(qtbot, main_window)
    page.outcomes.year.setValue(year)
    wait_idle(qtbot, main_window)
    page.outcomes.table.cellDoubleClicked.emit(1, 0)  # 赵雪
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert page.ambassador_filter.isVisible() and "赵雪" in page.ambassador_filter.text()
    qtbot.mouseClick(page.ambassador_filter, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 6)


def test_the_dialog_keeps_the_day_a_status_was_reached(main_window, qtbot):
    page = _page(qtbot, main_window)
    profile = main_window.ctx.profile
    people = _people(profile)
    rid = profile.write(refs.save_referral, dict(ambassador_id=people["wang"], referred_on="2025-04-01",
                                                 referred_contact_id=people["li"], status="contacted",
                                                 contacted_on="2025-04-09"))
    page.reload()
    wait_idle(qtbot, main_window)
    page.table.selectRow(0)
    page.edit_referral()
    qtbot.waitUntil(lambda: getattr(page, "dialog", None) is not None and page.dialog.isVisible())
    dialog = page.dialog
    assert dialog.status_on.value() == date(2025, 4, 9)  # the day it was contacted, as recorded
    dialog.status.setCurrentIndex(dialog.status.findData("new"))
    assert not dialog.status_on.isEnabled()  # a new referral's day is its own date
    dialog.status.setCurrentIndex(dialog.status.findData("signed"))
    assert dialog.status_on.isEnabled() and dialog.status_on.value() == date.today()  # not reached yet
    dialog.status_on.set_value(date(2025, 6, 18))
    _save(qtbot, main_window, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    saved = profile.read(refs.get_referral, rid)
    assert (saved["status"], saved["contacted_on"], saved["signed_on"]) == ("signed", date(2025, 4, 9),
                                                                           date(2025, 6, 18))
