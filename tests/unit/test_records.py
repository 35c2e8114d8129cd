"""The record declaration (models/records.py): it covers every synced column, its rules refuse what
broke clients (issue 7), its page-at-a-time check of pulled rows agrees with the one-value check, and
the services never save what it refuses."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from chushang_desk.models import records, synced_tables
from chushang_desk.models.types import to_wire
from chushang_desk.services import organizations, referrals, visits
from chushang_desk.services.contacts import save_contact
from chushang_desk.services.messages import ValidationFailed
from chushang_desk.sync import protocol


def test_every_synced_column_is_declared_and_nothing_else():
    for table, model in synced_tables().items():
        columns = {c.key for c in model.__table__.columns} - model.__sync_bookkeeping__
        assert set(records.record(table).fields) == columns, table
    assert set(records.RECORDS) == set(synced_tables())


def test_text_lengths_and_nullability_fit_the_columns():
    for table, model in synced_tables().items():
        for name, rule in records.record(table).fields.items():
            column = model.__table__.columns[name]
            length = getattr(column.type, "length", None)
            if length and rule.kind in ("text", "code", "id", "enum"):
                assert rule.max_len <= length, (table, name)
            if not column.nullable and name not in ("created_at", "updated_at"):  # (a device stamps its own)
                assert not rule.nullable, (table, name)


def test_scopes_and_parents_come_from_the_declaration():
    assert protocol.SHARED_TABLES == {"contact", "organization", "affiliation", "contact_merge"}
    assert protocol.STATION_TABLES == {"visit", "referral", "project", "event"}
    assert protocol.CHILD_TABLES == {"visit_contact": "visit_id", "visit_organization": "visit_id",
                                     "follow_up": "visit_id", "capital_arrival": "project_id",
                                     "event_attendee": "event_id"}
    assert protocol.HQ_TABLES == {"reference_item", "annual_target"}
    assert set(records.children_of("visit")) == {("visit_contact", "visit_id"), ("visit_organization", "visit_id"),
                                                 ("follow_up", "visit_id")}
    assert set(records.children_of("project")) == {("capital_arrival", "project_id")}
    assert set(records.children_of("event")) == {("event_attendee", "event_id")}
    assert records.parent_of("contact") is None


def test_personal_fields():
    contact = records.personal_fields("contact")
    assert {"name", "phones", "email", "wechat", "notes", "company", "title"} <= contact
    assert "station" not in contact and not contact & set(records.COMMON)  # the keeper and the stamps stay
    assert records.personal_fields("affiliation") == {"role", "since", "notes"}
    assert records.personal_fields("referral") == {"notes"}
    assert records.personal_fields("visit") == frozenset()


REFUSED = [
    ("contact", "phones", [1]), ("contact", "phones", ["13800000000"]), ("contact", "phones", [["+8613800000000"]]),
    ("contact", "phones", "+8613800000000"), ("contact", "phones", [""]), ("contact", "phones", ["+86"] * 11),
    ("contact", "tags", [{"a": 1}]), ("contact", "name", "a\x00b"), ("contact", "name", "a\nb"),
    ("contact", "name", "x" * 65), ("contact", "name", None), ("contact", "name", 5), ("contact", "notes", "\x00"),
    ("contact", "notes", "x" * (records.FREE_TEXT_MAX + 1)), ("contact", "gender", "other"),
    ("contact", "is_key", 1), ("contact", "graduation_year", True), ("contact", "graduation_year", 1800),
    ("contact", "graduation_year", 2000.0), ("contact", "ambassador_since", "20250101"),
    ("contact", "ambassador_since", "2025-1-1"), ("contact", "ambassador_since", "2025-02-30"),
    ("contact", "ambassador_since", "0001-01-01"), ("contact", "ambassador_since", "2025-01-01T00:00:00"),
    ("contact", "ambassador_since", 20250101), ("contact", "updated_at", "2025-01-01"),
    ("contact", "updated_at", "20250101T000000"), ("contact", "deleted_at", "yesterday"),
    ("visit", "intention_amount", "1e400"), ("visit", "intention_amount", "-1"), ("visit", "intention_amount", "NaN"),
    ("visit", "intention_amount", "1.005"), ("visit", "intention_amount", 12.5), ("visit", "intention_amount", ""),
    ("visit", "intention_amount", "12345678901"), ("visit", "visit_date", None), ("visit", "mode", "party"),
    ("visit", "officers", [1]), ("visit", "officers", ["王\x07伟"]), ("visit", "summary", "a\u2028b"),
    ("follow_up", "visit_id", ""), ("follow_up", "visit_id", "a b"), ("follow_up", "visit_id", "x" * 37),
    ("follow_up", "visit_id", None), ("referral", "referred_contact_id", 7), ("annual_target", "value", -1),
    ("annual_target", "value", 10**13), ("reference_item", "list_name", "planet"), ("contact", "nickname", "x"),
]
ACCEPTED = [
    ("contact", "phones", ["+8613800000000", "+14155550123"]), ("contact", "phones", None),
    ("contact", "name", "王伟"), ("contact", "notes", "第一行\n\t第二行"), ("contact", "gender", ""),
    ("contact", "graduation_year", None), ("contact", "ambassador_since", "2025-03-14"),
    ("contact", "updated_at", "2026-01-01T00:00:00.000000"), ("contact", "updated_at", "2026-01-01T08:00:00+08:00"),
    ("contact", "deleted_at", None), ("contact", "tags", ["重点", "楚商"]), ("contact", "city", None),
    ("visit", "intention_amount", "1250.50"), ("visit", "intention_amount", "0"), ("visit", "intention_amount", None),
    ("visit", "officers", ["王伟", "李娜"]), ("referral", "referred_contact_id", None),
    ("follow_up", "visit_id", "0190a6f2-7c1e-7b3a-9d4e-1f2a3b4c5d6e"), ("annual_target", "value", 0),
]


@pytest.mark.parametrize("table,field,value", REFUSED)
def test_values_that_broke_clients_are_refused(table, field, value):
    with pytest.raises(records.BadValue):
        records.check_field(table, field, value)
    if field in records.record(table).fields:
        assert records.bad_rows(table, [{field: value}]), "the pulled-row check refuses it too"


@pytest.mark.parametrize("table,field,value", ACCEPTED)
def test_good_values_pass(table, field, value):
    records.check_field(table, field, value)


def test_pushed_null_text_is_stored_empty_but_a_pulled_one_is_held():
    assert records.check_field("contact", "city", None) == ""
    assert records.check_field("contact", "phones", None) == []
    assert records.bad_rows("contact", [{"city": None}]) == {0: "contact.city may not be empty"}


def test_missing_required_fields():
    assert records.missing_required("follow_up", {"task": "寄资料"}) == ["visit_id"]
    assert records.missing_required("organization", {"name": "商会"}) == []


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**63), max_value=2**63)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=40)
    | st.sampled_from(["1e400", "20250101", "2025-02-30", "2025-03-14", "2025-03-14T09:30:00.000000",
                       "+8613800000000", "1250.50", "visit", "", "a\x00b", "x" * 70]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8)
fields = st.sampled_from([(t, f) for t, r in records.RECORDS.items() for f in r.fields])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fields, st.lists(json_values, min_size=1, max_size=6), st.data())
def test_the_page_check_agrees_with_the_one_value_check(table_field, values, data):
    """bad_rows checks a column down the page at once: it must refuse exactly the rows the one-value
    (strict) check refuses, mixed with good values or not."""
    table, field = table_field
    rule = records.rule(table, field)
    good = data.draw(st.sampled_from([v for t, f, v in ACCEPTED if (t, f) == (table, field)] or [rule.empty()]))
    column = values + [good]
    expected = set()
    for i, value in enumerate(column):
        try:
            rule.check(value, strict=True)
        except records.BadValue:
            expected.add(i)
    assert set(records.bad_rows(table, [{field: v} for v in column])) == expected


# --- whatever a service saves, the server accepts ---------------------------------------------------------

def _limits_of_services() -> dict[tuple[str, str], int]:
    limits = {("organization", name): n for name, n in organizations.MAX_LEN.items()}
    limits.update({("visit", name): n for name, n in visits._TEXT_LIMITS.items()})
    return limits


def test_service_limits_never_exceed_the_declaration():
    for (table, field), limit in _limits_of_services().items():
        assert limit <= records.max_length(table, field), (table, field)


TEXT_KINDS = ("text", "free_text", "code")


def _texts(table: str) -> list[tuple[str, int]]:
    return [(f, r.max_len) for f, r in records.record(table).fields.items()
            if r.kind in TEXT_KINDS and not r.stamped]


@pytest.mark.parametrize("field,limit", _texts("contact"))
def test_the_contact_service_refuses_what_the_server_would(profile, field, limit):
    base = {"name": "测试", "is_merchant": True}
    for bad in ("长" * (limit + 1), "a\x00b"):
        with pytest.raises(ValidationFailed) as refused:
            profile.write(save_contact, {**base, field: bad})
        assert field in refused.value.errors
    good = {"name": "长", "email": "wang@example.cn"}.get(field, "长" * min(limit, 64))
    assert profile.write(save_contact, {**base, field: good})


@pytest.mark.parametrize("field,limit", _texts("organization"))
def test_the_organization_service_refuses_what_the_server_would(profile, field, limit):
    base = {"name": "商会", "kind": "chamber"}
    for bad in ("长" * (limit + 1), "a\x01b"):
        with pytest.raises(ValidationFailed) as refused:
            profile.write(organizations.save_organization, {**base, field: bad})
        assert field in refused.value.errors


@pytest.mark.parametrize("field,limit", _texts("visit"))
def test_the_visit_service_refuses_what_the_server_would(profile, field, limit):
    contact = profile.write(save_contact, {"name": "对象", "is_merchant": True})
    base = {"visit_date": date(2025, 3, 14), "station": "jjj", "officers": ["王伟"], "mode": "visit",
            "contact_ids": [contact]}
    for bad in ("长" * (limit + 1), "a\x00b"):
        with pytest.raises(ValidationFailed) as refused:
            profile.write(visits.save_visit, {**base, field: bad})
        assert refused.value.errors
    with pytest.raises(ValidationFailed):
        profile.write(visits.save_visit, {**base, "visit_date": date(1700, 1, 1)})
    with pytest.raises(ValidationFailed):
        profile.write(visits.save_visit, {**base, "intention_amount": "123456789012"})


@pytest.mark.parametrize("field,limit", _texts("referral"))
def test_the_referral_service_refuses_what_the_server_would(profile, field, limit):
    ambassador = profile.write(save_contact, {"name": "大使", "is_merchant": True, "is_ambassador": True,
                                             "ambassador_since": date(2024, 1, 1)})
    base = {"ambassador_id": ambassador, "referred_on": date(2025, 5, 1), "project_name": "项目"}
    for bad in ("长" * (limit + 1), "a\x00b"):
        with pytest.raises(ValidationFailed):
            profile.write(referrals.save_referral, {**base, field: bad})


def test_what_the_contact_service_saves_passes_the_declaration(profile):
    from chushang_desk.models import Contact
    cid = profile.write(save_contact, {"name": " 王伟 ", "is_merchant": True, "phones": "13800000000; 0086 138 0000 0001",
                                       "tags": ["重点"], "notes": "第一行\n第二行", "graduation_year": "2001"})
    row = profile.read(lambda s: s.get(Contact, cid))
    for field in records.record("contact").fields:
        records.check_field("contact", field, to_wire(getattr(row, field)))
