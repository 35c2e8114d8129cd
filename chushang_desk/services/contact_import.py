"""Importing a member list into the directory: check every row first (the dry run), then write the rows
the officer accepted as one batch, all or none, which can be undone as a whole.

Each row of the sheet becomes one of:
- **new**: nobody in the directory or earlier in the file looks like this person;
- **update**: the same mobile or e-mail and the same name as a contact: the file fills what the contact
  lacks (phones and tags are united; a value the contact already has is kept, and listed);
- **unchanged**: as update, but the file adds nothing;
- **duplicate**: someone who may be this person (levels in services/duplicates.py); the officer decides:
  merge into that contact (as an update), save as new, or skip;
- **error**: what is wrong, in words (the row can be fixed in the preview, or in the error workbook).

Plain data in and out; no Qt. The file is read by exchange/sheet_files.py, its columns mapped by
services/import_columns.py.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.bulk import bulk_insert
from ..db.search_index import MERGE_AFTER, optimize_search
from ..db.ids import uuid7
from ..db.outbox import utcnow
from ..memory import collector_paused
from .import_columns import IGNORE, ColumnMapping
from ..models import Affiliation, Contact, ImportBatch, Referral, VisitContact
from .contacts import FLAG_FIELDS, KINDS, validate_contact
from .duplicates import LEVELS, PHONE_REASONS, IdentityIndex, Person, PossibleDuplicate, directory_index, name_key
from .messages import Message, ValidationFailed, render
from .records import save_changes
from .reference import reference_list
from .validation import BadDate, clean_text, declared_errors, normalize_phone_among, parse_date, split_phones

CHUNK = 500  # rows planned between reads of the contacts they match
STATUSES = ("new", "update", "unchanged", "duplicate", "error")
DECISIONS = ("new", "merge", "skip")
# What a duplicate becomes unless the officer says otherwise: sure ones are merged (nothing is
# overwritten), a sound-alike waits for a look (skipped), a name alone is most often a namesake (new).
DEFAULT_DECISION = {"certain": "merge", "high": "merge", "medium": "skip", "hint": "new"}
LIST_LIMIT = 10  # phones a contact holds (models.records)
EXCEL_LAST_DAY = 2_958_465  # 9999-12-31

_TRUE = {"是", "有", "重点", "y", "yes", "true", "1", "√", "✓", "✔", "x", "key", "●"}
_FALSE = {"否", "无", "n", "no", "false", "0", ""}
_KIND_WORDS = {
    "merchant": ("楚商", "商人", "企业家", "商会", "merchant", "business", "entrepreneur"),
    "alumnus": ("校友", "alumnus", "alumni", "alumna"),
    "talent": ("人才", "专家", "学者", "talent", "expert", "scholar"),
}
_GENDERS = {"男": "male", "男性": "male", "male": "male", "m": "male", "先生": "male",
            "女": "female", "女性": "female", "female": "female", "f": "female", "女士": "female"}
_SPLIT = re.compile(r"[;,，；、/|\n]+")
_YEAR = re.compile(r"((?:19|20)\d{2})")
# Where a number that is not a mainland one may be from, by the station that keeps the person, then the
# places most of the directory lives (the overseas offices' countries).
_STATION_REGIONS = {"jp_kr": ("JP", "KR"), "hk": ("HK", "MO", "TW"), "eu_us": ("US", "GB", "DE", "FR", "CA")}
_REGION_WORDS = {"日本": "JP", "japan": "JP", "韩国": "KR", "korea": "KR", "香港": "HK", "hongkong": "HK",
                 "澳门": "MO", "macau": "MO", "台湾": "TW", "taiwan": "TW", "新加坡": "SG", "singapore": "SG",
                 "美国": "US", "usa": "US", "unitedstates": "US", "英国": "GB", "uk": "GB", "德国": "DE",
                 "germany": "DE", "法国": "FR", "france": "FR", "加拿大": "CA", "canada": "CA",
                 "澳大利亚": "AU", "australia": "AU"}
_FALLBACK_REGIONS = ("HK", "JP", "KR", "TW", "MO", "SG", "US", "GB")
_UNIVERSITY_SHORT = {"武大": "whu", "华科": "hust", "华中科大": "hust", "华中理工大学": "hust", "同济医科大学": "hust",
                     "华师": "ccnu", "华中师大": "ccnu", "武理": "whut", "武汉理工": "whut", "华农": "hzau",
                     "中南财大": "zuel", "中南财经政法": "zuel", "地大": "cug", "中国地质大学": "cug"}


@dataclass(frozen=True)
class ImportDefaults:
    """What every row of the batch gets where it says nothing itself."""

    kinds: tuple[str, ...] = ()
    station: str = ""
    source: str = ""
    is_key: bool = False
    tags: tuple[str, ...] = ()


@dataclass
class PlannedRow:
    row_number: int  # as the spreadsheet numbers it (1 = its first row)
    cells: list  # as read
    data: dict = field(default_factory=dict)  # the contact's fields as they would be saved
    status: str = "new"
    errors: dict[str, Message] = field(default_factory=dict)
    warnings: list[Message] = field(default_factory=list)  # said, but the row is imported
    candidates: list[PossibleDuplicate] = field(default_factory=list)
    target: str | None = None  # the contact (or "row:N") an update or merge goes to
    fills: dict = field(default_factory=dict)  # field -> value the file adds to the target
    kept: dict = field(default_factory=dict)  # field -> (the contact's value, the file's other value)
    decision: str = "new"

    @property
    def accepted(self) -> bool:
        return self.status != "error" and self.decision in ("new", "merge") and self.status != "unchanged"


@dataclass
class ImportPlan:
    rows: list[PlannedRow]
    mapping: ColumnMapping
    header_row: int  # index in the sheet's rows
    defaults: ImportDefaults
    planner: "Planner | None" = field(default=None, repr=False, compare=False)

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for row in self.rows:
            counts[row.status] += 1
        return counts

    def row(self, row_number: int) -> PlannedRow:
        return next(r for r in self.rows if r.row_number == row_number)


@dataclass
class ImportResult:
    batch_id: str
    created: int
    updated: int
    skipped: int
    errors: int


@dataclass
class UndoResult:
    removed: int
    restored: int
    kept: list[tuple[str, str, str]]  # (contact id, name, why: "edited" | "linked" | "deleted")


# --- turning cells into fields ----------------------------------------------------------------------------


class References:
    """The reference lists an imported row's words are looked up in (name, code or English name)."""

    def __init__(self, session: Session):
        self.prefectures = _lookup(reference_list(session, "prefecture"), ("市", "州", "地区", "林区", "自治州"))
        self.industries = _lookup(reference_list(session, "industry"), ("业", "产业"))
        self.stations = _lookup(reference_list(session, "station"), ("楚商联络站", "联络站", "联络处"))
        self.universities = _lookup(reference_list(session, "university"), ())
        self.universities.update(_UNIVERSITY_SHORT)


def _lookup(items, suffixes: tuple[str, ...]) -> dict[str, str]:
    table: dict[str, str] = {}
    for item in items:
        for word in (item.code, item.name_zh, item.name_en):
            if word:
                table[_word(word)] = item.code
                for suffix in suffixes:
                    if word.endswith(suffix) and len(word) > len(suffix) + 1:
                        table[_word(word[: -len(suffix)])] = item.code
    return table


def _word(value: str) -> str:
    return clean_text(value).lower().replace(" ", "")


def _find_code(table: dict[str, str], value: str) -> str | None:
    """The code a word names: exactly, else the longest known name within it (湖北省黄冈市浠水县 → 黄冈)."""
    word = _word(value)
    if not word:
        return None
    if word in table:
        return table[word]
    found = [name for name in table if len(name) >= 2 and name in word]
    return table[max(found, key=len)] if found else None


def cell_text(value) -> str:
    """A cell as the text an officer reads: 13800138000.0 → 13800138000, a date as 2025-03-14."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return clean_text(value).replace("\x00", "")


def _flag(value) -> bool | None:
    if isinstance(value, bool):
        return value
    word = _word(cell_text(value))
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    return None


def _year(value) -> str:
    """A graduation year from 2005, 2005年, 2005届, 2005.07, a date, or an Excel day number."""
    if isinstance(value, (date, datetime)):
        return str(value.year)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 20000 <= value <= 80000:
        return str((date(1899, 12, 30) + timedelta(days=int(value))).year)  # an Excel serial day
    text = cell_text(value)
    found = _YEAR.search(text)
    return found.group(1) if found else text


def _phones(values: list, data: dict, station: str) -> tuple[list[str], list[str]]:
    """E.164 phones of the row (a mainland number first, else the station's and the row's countries),
    and what could not be read as a number. An e-mail written among the phones goes to the e-mail."""
    regions = _regions(data.get("region", ""), station)
    phones, bad = [], []
    for raw in (p for v in values for p in split_phones(cell_text(v))):
        if "@" in raw:
            data.setdefault("email", raw)
            continue
        e164 = normalize_phone_among(raw, regions)
        if e164 is None:
            bad.append(raw)
        elif e164 not in phones:
            phones.append(e164)
    return phones, bad


def _regions(region: str, station: str) -> tuple[str, ...]:
    word = _word(region).replace("特别行政区", "")
    named = tuple(code for name, code in _REGION_WORDS.items() if name in word)
    return (*named, *_STATION_REGIONS.get(station, ()), "CN", *_FALLBACK_REGIONS)


def row_fields(cells: list, mapping: ColumnMapping, defaults: ImportDefaults, refs: References,
               warnings: list | None = None) -> tuple[dict, dict]:
    """The contact's fields from one row (not yet checked), and the errors found reading them; what is
    only worth saying goes to `warnings`."""
    data: dict = {}
    errors: dict[str, Message] = {}
    warnings = [] if warnings is None else warnings
    column = {f: [cells[i] for i in mapping.columns_of(f) if i < len(cells)] for f in set(mapping.fields) - {IGNORE}}

    firsts = {name: next((v for v in values if cell_text(v)), None) for name, values in column.items()}
    first = firsts.get  # the first cell of a field's columns that is not blank, or None

    for name in ("name", "company", "title", "city", "region", "native_county", "wechat", "degree",
                 "talent_titles", "source", "ambassador_unit"):
        if first(name) is not None:
            data[name] = one_line(cell_text(first(name)))
    if first("email") is not None:
        data["email"] = one_line(cell_text(first("email"))).replace(" ", "")
    if first("contact_id") is not None:
        data["_contact_id"] = one_line(cell_text(first("contact_id")))
    _reference_fields(data, errors, warnings, first, refs)
    if first("gender") is not None:
        gender = _GENDERS.get(_word(cell_text(first("gender"))))
        if gender is None:
            errors["gender"] = Message("import_bad_gender", {"value": cell_text(first("gender"))})
        data["gender"] = gender or ""
    if first("graduation_year") is not None:
        data["graduation_year"] = _year(first("graduation_year"))
    _kinds(data, errors, column.get("kinds", []), defaults)
    key = _flag(first("is_key")) if first("is_key") is not None else None
    if first("is_key") is not None and key is None:
        errors["is_key"] = Message("import_bad_flag", {"value": cell_text(first("is_key"))})
    data["is_key"] = bool(key) or defaults.is_key
    _ambassador(data, errors, first("is_ambassador"), first("ambassador_since"))
    tags = [t for v in column.get("tags", []) for t in _SPLIT.split(cell_text(v)) if t.strip()]
    data["tags"] = list(dict.fromkeys([*(t.strip() for t in tags), *defaults.tags]))
    data["notes"] = _notes(mapping, cells)
    elsewhere = data.pop("_native_elsewhere", "")
    if elsewhere:
        data["notes"] = "\n".join(filter(None, [data["notes"], f"{mapping.headers[mapping.columns_of('native_prefecture')[0]] or '籍贯'}: {elsewhere}"]))
    data.setdefault("station", defaults.station)
    if defaults.source and not data.get("source"):
        data["source"] = defaults.source
    phones, bad = _phones(column.get("phones", []), data, data.get("station", ""))
    data["phones"] = phones
    if bad:
        errors["phones"] = Message("bad_phone", {"value": "、".join(bad)})
    return data, errors


def _reference_fields(data: dict, errors: dict, warnings: list, first, refs: References) -> None:
    native = first("native_prefecture")
    if native is not None:
        text = cell_text(native)
        code = _find_code(refs.prefectures, text)
        if code is None:  # an alumnus from elsewhere: the place is kept in the notes, not lost
            warnings.append(Message("import_native_elsewhere", {"value": text}))
            data["_native_elsewhere"] = text
        else:
            data["native_prefecture"] = code
            county = _county_of(text)
            if county and not data.get("native_county"):
                data["native_county"] = county
    for name, table in (("industry", refs.industries), ("station", refs.stations)):
        if first(name) is not None:
            code = _find_code(table, cell_text(first(name)))
            if code is None:
                errors[name] = Message("unknown_code", {"value": cell_text(first(name))})
            else:
                data[name] = code
    if first("university") is not None:  # a code when it is one of ours, else the name as written
        text = cell_text(first("university"))
        data["university"] = _find_code(refs.universities, text) or text


_COUNTY = re.compile(r"([\u4e00-\u9fff]{1,6}?(?:县|区|市))$")


def _county_of(text: str) -> str:
    """The county of 湖北省黄冈市浠水县 (浠水县); none when only the prefecture is written."""
    rest = re.sub(r"^.*?(省|自治州|地区|林区)", "", clean_text(text))
    parts = re.findall(r"[\u4e00-\u9fff]+?(?:市|州|县|区)", rest)
    return parts[1] if len(parts) >= 2 else ""


def _kinds(data: dict, errors: dict, values: list, defaults: ImportDefaults) -> None:
    written = " ".join(cell_text(v).lower() for v in values)
    named = {k for k, words in _KIND_WORDS.items() if any(w in written for w in words)}
    if written.strip() and not named:
        errors["kinds"] = Message("import_bad_kind", {"value": written.strip()})
    for kind in KINDS:
        data[f"is_{kind}"] = kind in (named or set(defaults.kinds))


def _ambassador(data: dict, errors: dict, flag, since) -> None:
    """招商大使 and the date appointed: a date cell, an Excel day number, or the date as text
    (2025年3月14日, 2025.3.14, 20250314); a date alone makes the person an ambassador."""
    if flag is not None:
        marked = _flag(flag)
        if marked is None:
            errors["is_ambassador"] = Message("import_bad_flag", {"value": cell_text(flag)})
        data["is_ambassador"] = bool(marked)
    if since is not None:
        try:
            data["ambassador_since"] = cell_date(since)
        except BadDate as bad:
            errors["ambassador_since"] = bad.message
        else:
            data.setdefault("is_ambassador", True)


def cell_date(value) -> date | None:
    """A date from a spreadsheet cell: a date, an Excel day number (45730 is 2025-03-14), or text."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value <= EXCEL_LAST_DAY:
        days = int(value)  # Excel's 1900 system counts a 1900-02-29 that never was (day 60)
        return date(1899, 12, 31) + timedelta(days=days) if days < 60 else date(1899, 12, 30) + timedelta(days=days)
    return parse_date(cell_text(value))


def _notes(mapping: ColumnMapping, cells: list) -> str:
    """Every notes column; under its header when there are several (备注: …; 社会职务: …)."""
    columns = [i for i in mapping.columns_of("notes") if i < len(cells) and cell_text(cells[i])]
    if len(columns) == 1 and len(mapping.columns_of("notes")) == 1:
        return free_text(cell_text(cells[columns[0]]))
    return "\n".join(free_text(f"{mapping.headers[i]}: {cell_text(cells[i])}" if mapping.headers[i]
                               else cell_text(cells[i])) for i in columns)


# A cell typed in Excel may hold line breaks (Alt+Enter: 华为技术有限公司⏎深圳分公司) and characters nobody
# sees (a BEL pasted from another system): a one-line field gets a space for the breaks and loses the
# rest, a note keeps its lines. What the desk would refuse from a client, the import quietly tidies.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BREAKS = re.compile("\\s*[\r\n\t\u2028\u2029]+\\s*")


def one_line(text: str) -> str:
    return _BREAKS.sub(" ", _INVISIBLE.sub("", text)).strip()


def free_text(text: str) -> str:
    return _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
                          .replace("\u2029", "\n"))


def checked_row(data: dict, errors: dict) -> tuple[dict, dict]:
    """The fields as the contact dialog's save checks them, then as the record declaration does."""
    try:
        clean = validate_contact(data)
    except ValidationFailed as failed:
        return data, {**failed.errors, **errors}
    found = declared_errors("contact", clean)
    return clean, {**found, **errors}


def row_problems(row: PlannedRow, mapping: ColumnMapping) -> list[Message]:
    """What is wrong with a row, each under the header its column has in the file (手机号码: …)."""
    problems = []
    for name, message in row.errors.items():
        columns = mapping.columns_of(name)
        label = mapping.headers[columns[0]] if columns and mapping.headers[columns[0]] else Message(f"field_{name}")
        problems.append(Message("import_field_problem", {"field": label, "problem": message}))
    return problems


def candidate_text(duplicate: PossibleDuplicate, lang: str) -> str:
    """张伟（华为）· certain: the same mobile 138 0013 8000 — or "row 12 of this file"."""
    from .contacts import shown_phone

    if duplicate.contact_id.startswith("row:"):
        who = render("import_row_of_file", lang, row=duplicate.contact_id[4:], name=duplicate.name)
    else:
        who = f"{duplicate.name}（{duplicate.company}）" if duplicate.company else duplicate.name
    detail = shown_phone(duplicate.detail) if duplicate.reason in PHONE_REASONS else duplicate.detail
    return render("import_candidate", lang, who=who, level=render(f"duplicate_level_{duplicate.level}", lang),
                  reason=render(f"duplicate_{duplicate.reason}", lang, detail=detail))


# --- the dry run ----------------------------------------------------------------------------------------


def plan_import(session: Session, rows: list[list], header_row: int, mapping: ColumnMapping,
                defaults: ImportDefaults = ImportDefaults(), progress=None) -> ImportPlan:
    """Every data row below the header checked against the directory and the rows above it; nothing is
    written. Blank rows are left out."""
    with collector_paused():
        return _plan_import(session, rows, header_row, mapping, defaults, progress)


def _plan_import(session: Session, rows: list[list], header_row: int, mapping: ColumnMapping,
                 defaults: ImportDefaults, progress) -> ImportPlan:
    planner = Planner(session, mapping, defaults)
    planned: list[PlannedRow] = []
    body = rows[header_row + 1:]
    mapped = [i for i, f in enumerate(mapping.fields) if f != IGNORE]
    chunk: list[PlannedRow] = []
    for offset, cells in enumerate(body):
        if not any(cell_text(cells[i]) for i in mapped if i < len(cells)):  # blank, or only a 序号
            continue
        chunk.append(PlannedRow(row_number=header_row + 2 + offset, cells=list(cells)))
        if len(chunk) == CHUNK:
            planner.plan_rows(session, chunk)
            planned += chunk
            chunk = []
            if progress is not None:
                progress(offset, len(body))
    if chunk:
        planner.plan_rows(session, chunk)
        planned += chunk
    return ImportPlan(planned, mapping, header_row, defaults, planner)


def replan_row(session: Session, plan: ImportPlan, row_number: int, column: int, value) -> PlannedRow:
    """The officer fixed a cell in the preview: the row read, checked and matched again."""
    row = plan.row(row_number)
    while len(row.cells) <= column:
        row.cells.append(None)
    row.cells[column] = value
    plan.planner.plan_row(session, row)
    return row


class Planner:
    """What checking rows needs: the reference lists, the directory's identity keys (read once), the
    file's rows seen so far, and the contacts' current values (read when a row first needs them)."""

    def __init__(self, session: Session, mapping: ColumnMapping, defaults: ImportDefaults):
        self.mapping, self.defaults = mapping, defaults
        self.refs = References(session)
        self.directory = directory_index(session)
        self.in_file = IdentityIndex()
        self._contacts: dict[str, dict] = {}

    def plan_rows(self, session: Session, rows: list[PlannedRow]) -> None:
        """plan_row for many rows in file order, the contacts they name or match read a chunk at a time."""
        columns = self.mapping.columns_of("contact_id")
        if columns:
            self._load(session, {cell_text(r.cells[columns[0]]) for r in rows if columns[0] < len(r.cells)})
        later: list[PlannedRow] = []
        for row in rows:
            self.plan_row(session, row, later)
        self._load(session, {row.target for row in later})
        for row in later:
            self._weigh(session, row)

    def plan_row(self, session: Session, row: PlannedRow, later: list | None = None) -> None:
        """Read, check and match one row. What it would add to the contact it matches is weighed now, or
        after the chunk (`later`) when that contact's values are not read yet."""
        row.warnings = []
        defaults = self._defaults_for(session, row.cells)
        data, errors = row_fields(row.cells, self.mapping, defaults, self.refs, row.warnings)
        own_id = data.pop("_contact_id", "")
        row.data, row.errors = checked_row(data, errors)
        row.candidates, row.target, row.fills, row.kept = [], None, {}, {}
        ref = f"row:{row.row_number}"
        self.in_file.remove(ref)
        if row.errors:
            row.status, row.decision = "error", "skip"
            return
        person = Person.of(row.data)
        if own_id and own_id in self.directory.people:  # exported from the desk: this very contact
            other = self.directory.people[own_id]
            row.candidates = [PossibleDuplicate(own_id, other.name, other.company, "certain", "same_record")]
            row.status, row.target = "update", own_id
            self.in_file.add(ref, person)
        else:
            if own_id:
                row.warnings.append(Message("import_unknown_id", {"value": own_id}))
            entry = self.in_file.entry(person)  # its keys, folded once for both indexes
            above = [d for d in self.in_file.matches(entry) if int(d.contact_id[4:]) < row.row_number]
            self.in_file.add(ref, entry)
            found = sorted(self.directory.matches(entry) + above, key=lambda d: LEVELS.index(d.level))
            row.candidates = found
            same = next((d for d in found if d.level == "certain" and _same_name(d, person)), None)
            if same is not None and not same.contact_id.startswith("row:"):
                row.status, row.target = "update", same.contact_id  # or unchanged: weighed below
            elif found:
                row.status, row.target = "duplicate", found[0].contact_id
                row.decision = DEFAULT_DECISION[found[0].level]
                if row.decision != "merge" or row.target.startswith("row:"):
                    return
            else:
                row.status, row.decision = "new", "new"
                return
        if later is not None and row.target not in self._contacts:
            later.append(row)
        else:
            self._weigh(session, row)

    def _weigh(self, session: Session, row: PlannedRow) -> None:
        """What the row adds to the contact it is merged into, and so whether it updates him at all."""
        row.fills, row.kept = merge_values(self.contact(session, row.target), row.data)
        if row.status in ("update", "unchanged"):
            row.status = "update" if row.fills else "unchanged"
            row.decision = "merge" if row.fills else "skip"

    def _defaults_for(self, session: Session, cells: list) -> ImportDefaults:
        """The batch's defaults are for new people: a row of a contact exported from the desk gets none
        (its own kinds stand in, so a row that names none is still valid), or re-importing it would
        change the contact."""
        columns = self.mapping.columns_of("contact_id")
        own_id = cell_text(cells[columns[0]]) if columns and columns[0] < len(cells) else ""
        if own_id not in self.directory.people:
            return self.defaults
        contact = self.contact(session, own_id)
        return ImportDefaults(kinds=tuple(k for k in KINDS if contact.get(f"is_{k}")))

    def contact(self, session: Session, contact_id: str) -> dict:
        self._load(session, {contact_id})
        return self._contacts[contact_id]

    def _load(self, session: Session, contact_ids: set[str]) -> None:
        """The current values of these contacts, read in one query for those not read yet ({} if gone)."""
        from .contacts import contact_fields

        missing = [i for i in contact_ids if i and i not in self._contacts]
        for start in range(0, len(missing), 500):
            ids = missing[start:start + 500]
            for contact in session.scalars(select(Contact).where(Contact.id.in_(ids))):
                self._contacts[contact.id] = contact_fields(contact)
            for contact_id in ids:
                self._contacts.setdefault(contact_id, {})


def _same_name(duplicate: PossibleDuplicate, person: Person) -> bool:
    return name_key(duplicate.name) == name_key(person.name)


def merge_values(existing: dict, incoming: dict) -> tuple[dict, dict]:
    """What the file adds to a contact (fills), and the values it would change that are kept (kept):
    an empty field takes the file's value, phones and tags are united, a kind or the key mark is added;
    a value the contact has is never overwritten without the officer choosing it."""
    fills, kept = {}, {}
    for name, value in incoming.items():
        have = existing.get(name)
        if name == "phones":
            united = list(dict.fromkeys([*(have or []), *value]))[:LIST_LIMIT]
            if united != list(have or []):
                fills[name] = united
        elif name == "tags":
            united = list(dict.fromkeys([*(have or []), *value]))
            if united != list(have or []):
                fills[name] = united
        elif name in FLAG_FIELDS:
            if value and not have:
                fills[name] = True
        elif value in (None, "", []):
            continue
        elif have in (None, "", []):
            fills[name] = value
        elif name == "notes" and str(value) not in str(have):
            fills[name] = f"{have}\n{value}"
        elif name != "notes" and not _same_value(name, have, value):
            kept[name] = (have, value)
    return fills, kept


def _same_value(name: str, have, value) -> bool:
    """Two ways of writing one thing (張偉 and 张伟; 华为 and 华为技术有限公司) are not a difference."""
    from ..db.search_index import company_core, fold

    if have == value:
        return True
    if isinstance(have, str) and isinstance(value, str):
        if name == "company":
            return company_core(have) == company_core(value)
        return fold(have).replace(" ", "") == fold(value).replace(" ", "")
    return False


# --- writing the batch ----------------------------------------------------------------------------------


def apply_import(session: Session, plan: ImportPlan, file_name: str = "", sheet: str = "") -> ImportResult:
    """Write every accepted row as one batch in the caller's transaction (all or none): new contacts in
    bulk, merges as edits of their contacts. The batch is kept so it can be undone."""
    created_rows, created_numbers = [], []
    outcome: dict[str, str] = {}  # "row:N" -> the contact it became
    updates: dict[str, dict] = {}  # contact id -> fields to set, merged over all rows into it
    skipped = errors = 0
    for row in plan.rows:
        if row.status == "error":
            errors += 1
            continue
        if not row.accepted:
            skipped += 1
            continue
        target = _resolved(row, outcome)
        if row.decision == "merge" and target:
            if target.startswith("new:"):  # into a row created in this batch: its fields grow
                created = created_rows[int(target[4:])]
                fills, _kept = merge_values(created, row.data)
                created.update(fills)
            else:
                base = {**_current(session, target), **updates.get(target, {})}
                fills, _kept = merge_values(base, row.data)
                if fills:
                    updates.setdefault(target, {}).update(fills)
            outcome[f"row:{row.row_number}"] = target
            continue
        outcome[f"row:{row.row_number}"] = f"new:{len(created_rows)}"
        created_rows.append(dict(row.data))
        created_numbers.append(row.row_number)
    ids = bulk_insert(session, Contact, created_rows) if created_rows else []
    if len(ids) >= MERGE_AFTER:
        optimize_search(session.connection())
    entries = [{"id": i, "op": "created"} for i in ids]
    for contact_id, fills in updates.items():
        contact = session.get(Contact, contact_id)
        before = {name: _stored(getattr(contact, name)) for name in fills}
        save_changes(session, contact, fills)
        entries.append({"id": contact_id, "op": "updated", "before": before})
    session.flush()
    _stamp_entries(session, entries)
    batch_id = uuid7()
    session.add(ImportBatch(id=batch_id, created_at=utcnow(), file_name=file_name[:256], sheet=sheet[:128],
                            actor=session.info.get("actor", "")[:64], entries=entries,
                            counts={"created": len(ids), "updated": len(updates), "skipped": skipped,
                                    "errors": errors}))
    session.flush()
    return ImportResult(batch_id, len(ids), len(updates), skipped, errors)


def _resolved(row: PlannedRow, outcome: dict[str, str]) -> str | None:
    """Where a merge goes: a contact, or what an earlier row of the file became."""
    target = row.target
    while target and target.startswith("row:"):
        target = outcome.get(target)
    return target


def _current(session: Session, contact_id: str) -> dict:
    from .contacts import contact_fields

    contact = session.get(Contact, contact_id)
    return contact_fields(contact) if contact is not None and contact.deleted_at is None else {}


def _stored(value):
    """A field's value as JSON keeps it (the batch's record of what a merge replaced)."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return list(value) if isinstance(value, (list, tuple)) else value


def _stamp_entries(session: Session, entries: list[dict]) -> None:
    """Each contact's updated_at after the batch: an undo leaves alone what was edited since."""
    ids = [e["id"] for e in entries]
    stamps: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        stamps.update({i: _moment(u) for i, u in session.execute(
            select(Contact.id, Contact.updated_at).where(Contact.id.in_(chunk)))})
    for entry in entries:
        entry["updated_at"] = stamps.get(entry["id"], "")


def _moment(value) -> str:
    return value.isoformat() if isinstance(value, datetime) else str(value or "")


# --- undoing a batch ------------------------------------------------------------------------------------


def import_batches(session: Session, limit: int = 50) -> list[dict]:
    rows = session.scalars(select(ImportBatch).order_by(ImportBatch.created_at.desc()).limit(limit))
    return [{"id": b.id, "created_at": b.created_at, "file_name": b.file_name, "sheet": b.sheet,
             "actor": b.actor, "counts": dict(b.counts or {}), "undone_at": b.undone_at} for b in rows]


def undo_import(session: Session, batch_id: str) -> UndoResult:
    """Take the batch back, as ordinary synced edits (so every laptop follows, also after a sync): the
    contacts it created are deleted, the fields it filled are set back. A contact edited since, or one a
    visit, referral or membership now points to, is kept and listed."""
    batch = session.get(ImportBatch, batch_id)
    if batch is None or batch.undone_at is not None:
        from .messages import NotFound

        raise NotFound("import_batch", batch_id)
    removed = restored = 0
    kept: list[tuple[str, str, str]] = []
    linked = _linked_ids(session, [e["id"] for e in batch.entries if e["op"] == "created"])
    for entry in batch.entries:
        contact = session.get(Contact, entry["id"])
        if contact is None or contact.deleted_at is not None:
            kept.append((entry["id"], contact.name if contact else "", "deleted"))
            continue
        if _moment(contact.updated_at) != entry.get("updated_at"):
            kept.append((contact.id, contact.name, "edited"))
            continue
        if entry["op"] == "created":
            if contact.id in linked:
                kept.append((contact.id, contact.name, "linked"))
                continue
            contact.deleted_at = utcnow()
            removed += 1
        else:
            before = {k: _restored(k, v) for k, v in entry.get("before", {}).items()}
            save_changes(session, contact, before)
            restored += 1
    batch.undone_at = utcnow()
    session.flush()
    return UndoResult(removed, restored, kept)


def _restored(name: str, value):
    if name == "ambassador_since" and isinstance(value, str) and value:
        return date.fromisoformat(value)
    return value


def _linked_ids(session: Session, ids: list[str]) -> set[str]:
    linked: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for column in (VisitContact.contact_id, Affiliation.contact_id, Referral.ambassador_id,
                       Referral.referred_contact_id):
            linked |= set(session.scalars(select(column).where(column.in_(chunk),
                                                               column.table.c.deleted_at.is_(None))))
    return linked


# --- remembered mappings --------------------------------------------------------------------------------


def remembered_mapping(session: Session, shape: str) -> dict | None:
    from .settings import get_setting

    stored = get_setting(session, f"import_mapping:{shape}")
    try:
        return json.loads(stored) if stored else None
    except ValueError:
        return None


def remember_mapping(session: Session, shape: str, mapping: ColumnMapping) -> None:
    from .settings import set_setting

    set_setting(session, f"import_mapping:{shape}", json.dumps({"fields": list(mapping.fields)}))
