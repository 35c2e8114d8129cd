"""The one declaration of every synced record type: its fields' rules, its parent and its scope.

The server checks every pushed field against it, the client checks every pulled row against it before
storing it, and the services' save path runs it last, so a value one replica accepts is a value every
replica can store, index, show and export. A new record type is a model plus an entry in RECORDS.

Values are checked in their wire form (models.types.to_wire): dates "YYYY-MM-DD", datetimes ISO 8601,
money as decimal text, lists of strings as JSON lists. Rules are plain data, free of Qt and services.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field as dc_field, replace
from datetime import date, datetime
from functools import lru_cache

from .directory import GENDERS, ORGANIZATION_KINDS
from .events import EVENT_CATEGORIES
from .reference import REFERENCE_LISTS
from .projects import PROJECT_ISSUES, PROJECT_SOURCES, PROJECT_STAGES
from .visits import REFERRAL_STATUSES, VISIT_MODES

SCOPES = ("shared", "station", "parent", "hq")
FREE_TEXT_MAX = 20_000  # notes, summaries: a long meeting's minutes fit; a spreadsheet cell holds 32,767

# Control characters (C0, DEL, C1) and the Unicode line/paragraph separators that break a line.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_FREE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")  # free text keeps \t and \n
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})?")
_ID = re.compile(r"[0-9A-Za-z_-]*")
_PHONE = re.compile(r"\+[1-9]\d{4,14}")  # E.164: + country code and up to 15 digits
EARLIEST, LATEST = date(1800, 1, 1), date(2199, 12, 31)


class BadValue(ValueError):
    """A value that does not fit its field: the text is a short English reason; `code` and `params`
    name the services' message for it (services/messages.py)."""

    def __init__(self, reason: str, code: str = "bad_value", **params):
        super().__init__(reason)
        self.code, self.params = code, params


@dataclass(frozen=True)
class Rule:
    """How one field's wire value must look. `required`: never null and present when a row is made."""

    kind: str  # text | free_text | enum | code | id | date | datetime | decimal | bool | int | strings
    required: bool = False
    max_len: int | None = None  # text, code, id; each item of strings
    choices: tuple = ()  # enum
    ref_list: str = ""  # code: the reference list its codes come from
    ref_table: str = ""  # id: the table it points at
    low: int | None = None  # int
    high: int | None = None  # int
    digits: int = 0  # decimal: digits before the point
    places: int = 0  # decimal: digits after it
    max_items: int = 0  # strings
    item_pattern: re.Pattern | None = None  # strings: each item matches it (phones)
    personal: bool = False  # personal data of a person (PIPL): blanked when a person is erased
    stamped: bool = False  # written by the server from the signed-in user, never pushed

    @property
    def nullable(self) -> bool:
        return not self.required and self.kind in ("date", "datetime", "decimal", "int", "id")

    def empty(self):
        """The value a missing or erased field takes."""
        if self.kind in ("text", "free_text", "enum", "code"):
            return ""
        if self.kind == "strings":
            return []
        if self.kind == "bool":
            return False
        return None

    def check(self, value, strict: bool = False):
        """The value as stored, or BadValue. A pushed null text or list is stored empty (old clients
        send null for an empty text); `strict` (a pulled row, stored as it comes) takes null only where
        the column holds null."""
        if value is None:
            if self.nullable:
                return None
            if strict or self.required or self.kind not in ("text", "free_text", "enum", "code", "strings"):
                raise BadValue("may not be empty", "required")
            value = self.empty()
        _CHECKS[self.kind](self, value)
        return value


def _text(rule: Rule, value, pattern=_CONTROL) -> None:
    if type(value) is not str:
        raise BadValue("must be text")
    if rule.max_len is not None and len(value) > rule.max_len:
        raise BadValue(f"longer than {rule.max_len} characters", "too_long", max=rule.max_len)
    if pattern.search(value):
        raise BadValue("holds a control character", "control_character")
    if rule.required and rule.kind == "id" and not value:
        raise BadValue("may not be empty", "required")


def _free_text(rule: Rule, value) -> None:
    _text(rule, value, _CONTROL_FREE)


def _enum(rule: Rule, value) -> None:
    if value not in rule.choices or type(value) is not str:
        raise BadValue(f"must be one of {', '.join(repr(c) for c in rule.choices)}", "unknown_code", value=str(value))


def _id(rule: Rule, value) -> None:
    _text(rule, value)
    if not _ID.fullmatch(value):
        raise BadValue("must be a row id (letters, digits, '-' and '_')", "not_found")


def _date(_rule: Rule, value) -> None:
    try:
        ok = type(value) is str and _DATE.fullmatch(value) and EARLIEST <= date.fromisoformat(value) <= LATEST
    except ValueError:
        ok = False
    if not ok:
        raise BadValue(f"must be a date YYYY-MM-DD from {EARLIEST} to {LATEST}", "bad_date")


def _datetime(_rule: Rule, value) -> None:
    try:
        ok = (type(value) is str and _DATETIME.fullmatch(value)
              and EARLIEST <= datetime.fromisoformat(value).date() <= LATEST)
    except ValueError:
        ok = False
    if not ok:
        raise BadValue("must be a date and time (ISO 8601, YYYY-MM-DDTHH:MM:SS)", "bad_date")


def _decimal(rule: Rule, value) -> None:
    pattern = _decimal_pattern(rule.digits, rule.places)
    if type(value) is not str or not pattern.fullmatch(value):
        raise BadValue(f"must be a decimal number >= 0 as text, at most {rule.digits} digits and "
                       f"{rule.places} places", "bad_amount")


@lru_cache(maxsize=None)
def _decimal_pattern(digits: int, places: int) -> re.Pattern:
    return re.compile(rf"\d{{1,{digits}}}(\.\d{{1,{places}}})?")


def _bool(_rule: Rule, value) -> None:
    if type(value) is not bool:
        raise BadValue("must be true or false")


def _int(rule: Rule, value) -> None:
    if type(value) is not int or not rule.low <= value <= rule.high:
        raise BadValue(f"must be a whole number from {rule.low} to {rule.high}", "bad_number",
                       low=rule.low, high=rule.high)


def _strings(rule: Rule, value) -> None:
    if type(value) is not list:
        raise BadValue("must be a list of texts")
    if len(value) > rule.max_items:
        raise BadValue(f"more than {rule.max_items} items", "too_many", max=rule.max_items)
    for item in value:
        if type(item) is not str or not item:
            raise BadValue("must be a list of non-empty texts")
        _text(rule, item)
        if rule.item_pattern is not None and not rule.item_pattern.fullmatch(item):
            raise BadValue("must hold phone numbers in E.164 form (+8613800000000)", "bad_phone", value=item)


_CHECKS = {
    "text": _text, "free_text": _free_text, "enum": _enum, "code": _text, "id": _id, "date": _date,
    "datetime": _datetime, "decimal": _decimal, "bool": _bool, "int": _int, "strings": _strings,
}


# --- field makers: the declarations below read like the domain ----------------------------------------

def text(max_len: int, **kw) -> Rule:
    return Rule("text", max_len=max_len, **kw)


def free_text(**kw) -> Rule:
    return Rule("free_text", max_len=FREE_TEXT_MAX, **kw)


def enum(choices: tuple, **kw) -> Rule:
    return Rule("enum", choices=tuple(choices), max_len=max(map(len, choices)), **kw)


def code(ref_list: str, max_len: int, **kw) -> Rule:
    """A code of a reference list (kept as text: headquarters may add codes a device has not seen yet)."""
    return Rule("code", ref_list=ref_list, max_len=max_len, **kw)


def ref(table: str, **kw) -> Rule:
    return Rule("id", ref_table=table, max_len=36, **kw)


def day(**kw) -> Rule:
    return Rule("date", **kw)


def moment(**kw) -> Rule:
    return Rule("datetime", **kw)


def money(**kw) -> Rule:
    """万元, exact: up to 10 digits before the point (10^14 yuan) and 2 after, never negative."""
    return Rule("decimal", digits=10, places=2, **kw)


def flag(**kw) -> Rule:
    return Rule("bool", **kw)


def whole(low: int, high: int, **kw) -> Rule:
    return Rule("int", low=low, high=high, **kw)


def strings(max_items: int, max_len: int, **kw) -> Rule:
    return Rule("strings", max_items=max_items, max_len=max_len, **kw)


# Every synced row carries these (models.base.Synced); the server stamps who, the device says when.
COMMON = {
    "created_at": moment(), "updated_at": moment(), "deleted_at": moment(),
    "created_by": text(64, stamped=True), "updated_by": text(64, stamped=True),
}


@dataclass(frozen=True)
class RecordType:
    table: str
    scope: str  # shared | station (a station field) | parent (its parent's) | hq (headquarters writes)
    fields: dict = dc_field(default_factory=dict)
    parent: tuple[str, str] | None = None  # (parent table, foreign-key field) of a child record


def _record(table: str, scope: str, fields: dict, parent: tuple[str, str] | None = None) -> RecordType:
    assert scope in SCOPES and (scope == "parent") == (parent is not None), table
    return RecordType(table, scope, {**fields, **COMMON}, parent)


def _all_personal(fields: dict, but: frozenset = frozenset({"station"})) -> dict:
    """Every field of a person's own row is his data (PIPL), but the station that keeps him."""
    return {f: (r if f in but else replace(r, personal=True)) for f, r in fields.items()}


RECORDS: dict[str, RecordType] = {r.table: r for r in (
    _record("contact", "shared", _all_personal({
        "name": text(64, required=True, personal=True),
        "gender": enum(GENDERS, personal=True),
        "is_merchant": flag(), "is_alumnus": flag(), "is_talent": flag(), "is_key": flag(),
        "is_ambassador": flag(),
        "ambassador_since": day(),
        "ambassador_unit": text(128),
        "native_prefecture": code("prefecture", 32),
        "native_county": text(64, personal=True),
        "region": text(64), "city": text(64), "company": text(128), "title": text(128),
        "industry": code("industry", 64),
        "phones": strings(10, 16, item_pattern=_PHONE, personal=True),
        "email": text(128, personal=True),
        "wechat": text(64, personal=True),
        "university": text(64),
        "degree": text(32),
        "graduation_year": whole(1900, 2100),
        "talent_titles": text(256),
        "tags": strings(30, 32),
        "notes": free_text(personal=True),
        "source": text(128),
        "station": code("station", 32),
    })),
    _record("organization", "shared", {
        "name": text(128, required=True),
        "kind": enum(ORGANIZATION_KINDS),
        "founded_on": day(),
        "region": text(64), "city": text(64),
        "industry": code("industry", 64),
        "station": code("station", 32),
        # A small company's phone and address are often a person's own.
        "phone": text(32, personal=True),
        "address": text(256, personal=True),
        "notes": free_text(personal=True),
    }),
    _record("affiliation", "shared", {
        "contact_id": ref("contact", required=True),
        "organization_id": ref("organization", required=True),
        "role": text(64, personal=True),
        "since": day(personal=True),
        "notes": free_text(personal=True),
    }),
    _record("contact_merge", "shared", {
        "survivor_id": ref("contact", required=True),
        "merged_ids": strings(20, 36),
        "moves": free_text(),
        "survivor_before": free_text(personal=True),
        "undone_at": moment(),
    }),
    _record("visit", "station", {
        "visit_date": day(required=True),
        "station": code("station", 32),
        "officers": strings(20, 64),
        "mode": enum(VISIT_MODES),
        "place": text(256), "purpose": text(512),
        "summary": free_text(),
        "intention_industry": code("industry", 64),
        "intention_amount": money(),
        "intention_note": free_text(),
        "next_contact_date": day(),
        "project_id": ref("project"),
        "event_id": ref("event"),
    }),
    _record("visit_contact", "parent", {
        "visit_id": ref("visit", required=True), "contact_id": ref("contact", required=True),
    }, parent=("visit", "visit_id")),
    _record("visit_organization", "parent", {
        "visit_id": ref("visit", required=True), "organization_id": ref("organization", required=True),
    }, parent=("visit", "visit_id")),
    _record("follow_up", "parent", {
        "visit_id": ref("visit", required=True),
        "task": text(512, required=True),
        "owner": text(64),
        "due_date": day(), "done": flag(), "done_on": day(),
    }, parent=("visit", "visit_id")),
    _record("referral", "station", {
        "ambassador_id": ref("contact", required=True),
        "referred_contact_id": ref("contact"),
        "referred_organization_id": ref("organization"),
        "project_id": ref("project"),
        "event_id": ref("event"),
        "project_name": text(256),  # before projects were records (adopt_named_projects)
        "referred_on": day(required=True),
        "status": enum(REFERRAL_STATUSES),
        "contacted_on": day(), "negotiating_on": day(), "signed_on": day(), "landed_on": day(), "dropped_on": day(),
        "station": code("station", 32),
        "notes": free_text(personal=True),  # what was said of the people in it
    }),
    _record("project", "station", {
        "name": text(256, required=True),
        "organization_id": ref("organization"),
        "contact_id": ref("contact"),
        "industry": code("industry", 64),
        "planned_amount": money(),
        "district": code("district", 64),
        "stage": enum(PROJECT_STAGES),
        "recommended_on": day(), "tracking_on": day(), "signed_on": day(), "landed_on": day(),
        "dropped_on": day(),
        "dropped_reason": text(512),
        "signed_amount": money(),
        "source": enum(("", *PROJECT_SOURCES)),  # "" not said
        "is_chushang": flag(), "is_alumni": flag(),
        "leading_official": text(128), "task_force": text(256), "plan": free_text(),
        "waiting_on": strings(len(PROJECT_ISSUES), 16),
        "tracked_by": strings(20, 64),
        "station": code("station", 32),
        "notes": free_text(personal=True),  # what was said of the investor's people
        "event_id": ref("event"),
    }),
    _record("capital_arrival", "parent", {
        "project_id": ref("project", required=True),
        "amount": money(required=True),
        "due_on": day(), "arrived_on": day(),
        "notes": free_text(),
    }, parent=("project", "project_id")),
    _record("event", "station", {
        "name": text(256, required=True),
        "kind": code("event_kind", 64),
        "held_on": day(required=True),
        "region": text(64), "place": text(256), "organizer": text(256),
        "categories": strings(len(EVENT_CATEGORIES), 16),
        "station": code("station", 32),
        "notes": free_text(),
    }),
    _record("event_attendee", "parent", {
        "event_id": ref("event", required=True), "contact_id": ref("contact", required=True),
        "invited": flag(), "attended": flag(),
    }, parent=("event", "event_id")),
    _record("reference_item", "hq", {
        "list_name": enum(REFERENCE_LISTS, required=True),
        "code": text(64, required=True),
        "name_zh": text(128, required=True),
        "name_en": text(128),
        "category": text(64),
        "sort_order": whole(-(2**31), 2**31 - 1, required=True),
        "active": flag(),
    }),
    _record("annual_target", "hq", {
        "year": whole(1900, 2100, required=True),
        "metric": text(64, required=True),
        "value": whole(0, 10**12, required=True),
        "unit": text(16),
        "station": code("station", 32),  # "" the city's
    }),
)}


# --- reading the declaration ------------------------------------------------------------------------

def record(table: str) -> RecordType:
    return RECORDS[table]


def rule(table: str, field: str) -> Rule:
    return RECORDS[table].fields[field]


def max_length(table: str, field: str) -> int | None:
    return RECORDS[table].fields[field].max_len


@lru_cache(maxsize=None)
def personal_fields(table: str) -> frozenset[str]:
    return frozenset(f for f, r in RECORDS[table].fields.items() if r.personal)


@lru_cache(maxsize=None)
def tables_in_scope(scope: str) -> frozenset[str]:
    return frozenset(t for t, r in RECORDS.items() if r.scope == scope)


def parent_of(table: str) -> tuple[str, str] | None:
    """(parent table, foreign-key field) of a child record type, or None."""
    record_type = RECORDS.get(table)
    return record_type.parent if record_type is not None else None


@lru_cache(maxsize=None)
def children_of(table: str) -> tuple[tuple[str, str], ...]:
    """(child table, foreign-key field) of the record types whose parent is `table`."""
    return tuple((t, r.parent[1]) for t, r in RECORDS.items() if r.parent and r.parent[0] == table)


def check_field(table: str, field: str, value):
    """The value as it is stored, or BadValue; an undeclared field is a BadValue too."""
    found = RECORDS[table].fields.get(field)
    if found is None:
        raise BadValue("does not sync", "unknown_field")
    return found.check(value)


def is_row_id(value) -> bool:
    """A row's own id: 1 to 36 letters, digits, '-' or '_' (uuid7 text, seed ids)."""
    return type(value) is str and 0 < len(value) <= 36 and _ID.fullmatch(value) is not None


def missing_required(table: str, data: dict) -> list[str]:
    """Required fields a new row's data leaves out or null."""
    return [f for f, r in RECORDS[table].fields.items() if r.required and data.get(f) is None]


# --- pulled rows, checked a page at a time --------------------------------------------------------------

_ABSENT = object()
_TYPES = {
    "text": str, "free_text": str, "enum": str, "code": str, "id": str, "date": str, "datetime": str,
    "decimal": str, "bool": bool, "int": int, "strings": list,
}


def bad_rows(table: str, datas: list) -> dict[int, str]:
    """index -> why, for the pulled rows' data (dicts of wire values) that do not fit the declaration.

    A first sync brings ~176,000 rows, so each field is checked down the whole page at once with C-speed
    builtins (types, lengths, one regex over the joined texts); only a field whose page fails is
    checked value by value, to name the rows."""
    fields = RECORDS[table].fields
    bad: dict[int, str] = {}
    if all(type(d) is dict for d in datas) and set().union(*datas) <= fields.keys():
        datas_ok = True  # (the usual page: one pass over the keys in C instead of a test per row)
    else:
        datas_ok = False
    for i, data in enumerate(() if datas_ok else datas):
        if type(data) is not dict:
            bad[i] = "the row's data is not an object"
        elif not data.keys() <= fields.keys():
            bad[i] = f"{table}.{sorted(data.keys() - fields.keys())[0]} is not a field this version knows"
    rows = [d if type(d) is dict else {} for d in datas]
    for name, rule_ in fields.items():
        column = [d.get(name, _ABSENT) for d in rows]
        if _column_ok(rule_, column):
            continue
        for i, value in enumerate(column):
            if value is _ABSENT or i in bad:
                continue
            try:
                rule_.check(value, strict=True)
            except BadValue as why:
                bad[i] = f"{table}.{name} {why}"
    return bad


def _column_ok(rule_: Rule, column: list) -> bool:
    """True when every value of the column passes (False: check them one by one). Text kinds skip a
    type test: joining them raises TypeError at the first value that is not text."""
    if rule_.nullable and None in column:
        column = [v for v in column if v is not None]
    if not column:
        return True
    kind_type = _TYPES[rule_.kind]
    if kind_type is not str and set(map(type, column)) != {kind_type}:
        return False
    try:
        return bool(_FAST[rule_.kind](rule_, column))
    except (ValueError, TypeError):
        return False


def _texts_ok(rule_: Rule, values: list, pattern=_CONTROL) -> bool:
    return ((rule_.max_len is None or max(map(len, values)) <= rule_.max_len)
            and not pattern.search("".join(values)))


def _ids_ok(rule_: Rule, values: list) -> bool:
    return (_texts_ok(rule_, values) and _ID.fullmatch("".join(values)) is not None
            and not (rule_.required and "" in values))


# Many values in one regex call: fixed-width wire forms joined end to end.
_DATES_JOINED = re.compile(r"(?:\d{4}-\d{2}-\d{2})*")
_WIRE_DATETIMES_JOINED = re.compile(r"(?:\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6})*")


def _days_exist(days) -> bool:
    for day_ in set(days):  # (few distinct days on a page)
        date.fromisoformat(day_)  # a day that does not exist (02-30) raises
    return True


def _dates_ok(_rule: Rule, values: list) -> bool:
    joined = "".join(values)
    if len(joined) != 10 * len(values) or not _DATES_JOINED.fullmatch(joined):
        return False
    return (_days_exist(values) and min(values) >= EARLIEST.isoformat()
            and max(values) <= LATEST.isoformat())


def _datetimes_ok(_rule: Rule, values: list) -> bool:
    joined = "".join(values)
    if len(joined) == 26 * len(values) and _WIRE_DATETIMES_JOINED.fullmatch(joined):  # our own wire form
        days = [v[:10] for v in values]
        return _days_exist(days) and min(days) >= EARLIEST.isoformat() and max(days) <= LATEST.isoformat()
    if not all(map(_DATETIME.fullmatch, values)):
        return False
    for value in values:
        datetime.fromisoformat(value)
    return min(values)[:10] >= EARLIEST.isoformat() and max(values)[:10] <= LATEST.isoformat()


def _strings_ok(rule_: Rule, values: list) -> bool:
    if max(map(len, values)) > rule_.max_items:
        return False
    items = [item for value in values for item in value]
    if not items:
        return True
    if set(map(type, items)) != {str} or "" in items or not _texts_ok(rule_, items):
        return False
    if rule_.item_pattern is None:
        return True
    joined = _joined_pattern(rule_.item_pattern)
    return joined.fullmatch(",".join(items)) is not None  # (',' is in no phone: one regex call)


@lru_cache(maxsize=None)
def _joined_pattern(item: re.Pattern) -> re.Pattern:
    return re.compile(f"(?:{item.pattern})(?:,(?:{item.pattern}))*")


_FAST = {
    "text": _texts_ok, "code": _texts_ok, "id": _ids_ok,
    "free_text": lambda r, v: _texts_ok(r, v, _CONTROL_FREE),
    "enum": lambda r, v: set(v) <= set(r.choices),
    "date": _dates_ok, "datetime": _datetimes_ok,
    "decimal": lambda r, v: all(map(_decimal_pattern(r.digits, r.places).fullmatch, v)),
    "bool": lambda r, v: True,
    "int": lambda r, v: r.low <= min(v) and max(v) <= r.high,
    "strings": _strings_ok,
}
