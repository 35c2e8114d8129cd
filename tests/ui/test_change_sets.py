"""Writes return what they changed (issue 9): the database layer notes every table a transaction writes,
ctx.write announces exactly that, and each screen redraws when it meets the tables the screen shows (worked
out from the foreign keys, services/shown.py). A renamed organization redraws the visit that names it."""
from __future__ import annotations

from datetime import date

from sqlalchemy import text

from chushang_desk.db.bulk import bulk_insert
from chushang_desk.models import Visit
from chushang_desk.services.contacts import save_contact
from chushang_desk.services.organizations import save_organization
from chushang_desk.services.shown import shown_tables
from chushang_desk.services.visits import find_visit_ids, VisitQuery
from tests.conftest import wait_idle
from tests.ui.helpers import add_contact, add_visit, visits_page


def test_a_write_returns_the_tables_it_changed(profile):
    _id, changed = profile.write_changes(save_contact, {"name": "张三", "is_merchant": True})
    assert {"contact", "outbox"} <= changed and "visit" not in changed
    _ids, read_only = profile.write_changes(find_visit_ids, VisitQuery())
    assert read_only == frozenset()


def test_bulk_statements_and_sql_on_the_connection_are_in_the_change_set(profile):
    def bulk(session):
        bulk_insert(session, Visit, [dict(visit_date=date(2025, 3, 14), mode="visit", station="jjj")])

    _none, changed = profile.write_changes(bulk)
    assert "visit" in changed

    def local_sql(session):
        session.connection().execute(text("UPDATE local_setting SET value = value WHERE key = 'none'"))

    assert profile.write_changes(local_sql)[1] == {"local_setting"}


def test_screens_show_the_tables_their_rows_point_at():
    assert shown_tables("visit") >= {"visit", "visit_contact", "visit_organization", "follow_up", "contact",
                                     "organization"}
    assert shown_tables("contact") >= {"contact", "affiliation", "organization", "visit_contact", "visit", "referral"}
    assert "follow_up" not in shown_tables("referral")


def test_a_renamed_organization_redraws_the_visit_that_names_it(main_window, qtbot):
    ctx = main_window.ctx
    org = ctx.profile.write(save_organization, {"name": "深圳湖北商会", "kind": "chamber"})
    add_visit(main_window, [add_contact(main_window, "张三")], organization_ids=[org])
    page = visits_page(main_window, qtbot)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: "深圳湖北商会" in page.detail.toPlainText(), timeout=5000)

    announced = []
    ctx.data_changed.connect(announced.append)
    ctx.write(save_organization, {"name": "深圳市湖北商会", "kind": "chamber"}, org)  # as the Organizations screen
    wait_idle(qtbot, main_window)
    assert announced and "organization" in announced[0]
    qtbot.waitUntil(lambda: "深圳市湖北商会" in page.detail.toPlainText(), timeout=5000)
