"""Is this person already in the directory, or earlier in the file being imported? Levels an officer can
read, from the same identity keys that find a person (db/search_index.py):

- certain: the same mobile or the same e-mail;
- high: the same name (simplified/traditional, full-width and accents folded) and the same company
  (legal form and place left out: 腾讯科技（深圳）有限公司 and 深圳市腾讯科技 are one company), or the same
  office line and the same name;
- medium: the same company and a name that sounds the same, character for character (章伟 / 张伟), or
  differs by one character;
- hint: the same name alone, or the same office line alone (a switchboard is shared).

`IdentityIndex` holds the keys of many people in memory (a directory of 100,000 for an import, and the
file's own rows as they are read); `possible_duplicates` is the check a contact typed by hand gets.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.search_index import DOC_TABLE, company_core, company_key, match_expression, matching_contact_ids_sql, name_key, name_syllables
from ..models import Contact
from .messages import ValidationFailed

LEVELS = ("certain", "high", "medium", "hint")  # most sure first
MOST = 5
HINTS = 5  # people sharing only the name, listed at most
PHONE_REASONS = frozenset({"phone", "landline", "landline_name"})  # their detail is a number in E.164
COMPANY_CANDIDATES = 300


@dataclass(frozen=True)
class PossibleDuplicate:
    contact_id: str  # or "row:N" for row N of a file being imported
    name: str
    company: str
    level: str  # one of LEVELS
    reason: str  # phone, email, name_company, landline_name, sound_company, near_name_company, name, landline
    detail: str = ""  # the phone or e-mail both hold


class Person(NamedTuple):
    """What identity is judged on: the fields as saved (phones in E.164). A tuple: a directory of
    100,000 makes as many at every import."""

    name: str
    company: str = ""
    phones: tuple[str, ...] = ()
    email: str = ""

    @classmethod
    def of(cls, data: dict) -> "Person":
        return cls(data.get("name") or "", data.get("company") or "", tuple(data.get("phones") or ()),
                   (data.get("email") or "").strip().lower())


def is_mobile(e164: str) -> bool:
    """A person's own line (a mainland 1xx number, or what phonenumbers calls mobile abroad)."""
    if e164.startswith("+86"):
        return len(e164) == 14 and e164[3] == "1"
    from .validation import _phonenumbers

    phonenumbers = _phonenumbers()
    try:
        kind = phonenumbers.number_type(phonenumbers.parse(e164, None))
    except phonenumbers.NumberParseException:
        return False
    return kind in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)


def _sound_key(name: str) -> str:
    syllables = name_syllables(name)
    return "".join(syllables) if syllables else ""


class _Entry:
    """A person with the keys compare_entries() reads: the name and company keys at once (or as stored
    with the search keys), the name's sound only when a comparison first needs it (most of a directory
    is never compared)."""

    __slots__ = ("person", "name", "company", "_sound")

    def __init__(self, person: Person, keys: tuple[str, str] | None = None):
        self.person = person
        self.name, self.company = keys or (name_key(person.name), company_key(person.company))
        self._sound: str | None = None

    @property
    def sound(self) -> str:
        if self._sound is None:
            self._sound = _sound_key(self.person.name) if self.company and self.name else ""
        return self._sound


class IdentityIndex:
    """The identity keys of many people, each under a reference (a contact id, or "row:N"). A name
    that sounds alike or is one character apart is looked for within the same company only, so a common
    surname never brings thousands of candidates."""

    def __init__(self) -> None:
        self.people: dict[str, Person] = {}
        self._entries: dict[str, _Entry] = {}
        # One table per key kind (phone, e-mail, name, company): no key strings to build per person.
        self._phones: dict[str, list[str]] = defaultdict(list)
        self._emails: dict[str, list[str]] = defaultdict(list)
        self._names: dict[str, list[str]] = defaultdict(list)
        self._companies: dict[str, list[str]] = defaultdict(list)

    def entry(self, person: Person) -> "_Entry":
        """The person's keys, to give add() and matches() (an import row is looked up, then added)."""
        return _Entry(person)

    def add(self, ref: str, person: Person | "_Entry", keys: tuple[str, str] | None = None) -> None:
        """File a person (or his entry) under `ref`; `keys` are his name and company keys when stored."""
        entry = person if isinstance(person, _Entry) else _Entry(person, keys)
        person = entry.person
        self.people[ref], self._entries[ref] = person, entry
        for phone in person.phones:
            self._phones[phone].append(ref)
        if person.email:
            self._emails[person.email].append(ref)
        if entry.name:
            self._names[entry.name].append(ref)
            if entry.company:
                self._companies[entry.company].append(ref)

    def remove(self, ref: str) -> None:
        entry = self._entries.pop(ref, None)
        self.people.pop(ref, None)
        if entry is not None:
            for table, key in self._keys_of(entry):
                refs = table.get(key)
                if refs and ref in refs:
                    refs.remove(ref)

    def matches(self, person: Person | "_Entry", but: str | None = None) -> list[PossibleDuplicate]:
        """Everyone here who may be `person`, most sure first (each once, at its surest level). Of those
        who share only the name (a hint), the first HINTS: 王伟 is hundreds of people in a directory."""
        mine = person if isinstance(person, _Entry) else _Entry(person)
        refs = dict.fromkeys(ref for table, key in self._keys_of(mine) if table is not self._names
                             for ref in table.get(key, ()))
        found = [hint for ref in refs if ref != but for hint in [compare_entries(mine, ref, self._entries[ref])]
                 if hint]
        if mine.name:  # shares no phone, e-mail or company: compare_entries would say "hint: name"
            alike = sorted((self.people[ref].name, ref) for ref in self._names.get(mine.name, ())
                           if ref not in refs and ref != but)
            found += [PossibleDuplicate(ref, name, self.people[ref].company, "hint", "name")
                      for name, ref in alike[:HINTS]]
        return sorted(found, key=lambda d: (LEVELS.index(d.level), d.name, d.contact_id))

    def _keys_of(self, entry: "_Entry") -> Iterable[tuple[dict, str]]:
        """The keys a person is filed under: phones, e-mail, folded name, and the company (within which
        a name that sounds alike or is one character apart is looked for)."""
        person = entry.person
        for phone in person.phones:
            yield self._phones, phone
        if person.email:
            yield self._emails, person.email
        if entry.name:
            yield self._names, entry.name
            if entry.company:
                yield self._companies, entry.company


def compare_entries(mine: _Entry, ref: str, theirs: _Entry) -> PossibleDuplicate | None:
    """How sure it is that `theirs` (under `ref`) is `mine`; None when nothing says so."""
    person, other = mine.person, theirs.person

    def hint(level: str, reason: str, detail: str = "") -> PossibleDuplicate:
        return PossibleDuplicate(ref, other.name, other.company, level, reason, detail)

    shared = [p for p in person.phones if p in other.phones]
    mobile = next((p for p in shared if is_mobile(p)), None)
    if mobile:
        return hint("certain", "phone", mobile)
    if person.email and person.email == other.email:
        return hint("certain", "email", person.email)
    same_name = bool(mine.name) and mine.name == theirs.name
    same_company = bool(mine.company) and mine.company == theirs.company
    if same_name and same_company:
        return hint("high", "name_company")
    if same_name and shared:
        return hint("high", "landline_name", shared[0])
    if same_company and len(mine.name) == len(theirs.name) and mine.sound and mine.sound == theirs.sound:
        return hint("medium", "sound_company")
    if same_company and _one_apart(mine.name, theirs.name):
        return hint("medium", "near_name_company")
    if same_name:
        return hint("hint", "name")
    if shared:
        return hint("hint", "landline", shared[0])
    return None


def _one_apart(a: str, b: str) -> bool:
    return len(a) == len(b) >= 2 and sum(x != y for x, y in zip(a, b)) == 1


def directory_index(session: Session) -> IdentityIndex:
    """Every live contact's identity keys (an import checks its rows against them all), as the search
    index stores them, read off the driver's own cursor in two scans joined here: 100,000 ORM rows, a
    join in SQL or even SQLAlchemy's Row objects would cost more than the keys (bench/bench_import.py)."""
    index = IdentityIndex()
    cursor = session.connection().connection.cursor()
    try:
        stored = {contact_id: (name, company) for contact_id, name, company in cursor.execute(
            f"SELECT contact_id, name_key, company_key FROM {DOC_TABLE}")}
        rows = cursor.execute("SELECT id, name, company, phones, email FROM contact WHERE deleted_at IS NULL").fetchall()
    finally:
        cursor.close()
    for contact_id, name, company, phones, email in rows:
        person = Person(name or "", company or "", _phone_list(phones), (email or "").lower())
        keys = stored.get(contact_id)
        index.add(contact_id, person, keys if keys and (keys[0] or not name) else None)  # not indexed: computed
    return index


def _phone_list(stored: str | None) -> tuple[str, ...]:
    """The phones column's JSON list; E.164 numbers need no escapes, so most are split, not parsed."""
    if not stored or stored == "[]":
        return ()
    if "\\" not in stored and stored.startswith('["') and stored.endswith('"]'):
        split = stored[2:-2].split('", "' if '", "' in stored else '","')
        if not any('"' in phone for phone in split):
            return tuple(split)
    return tuple(json.loads(stored))


def possible_duplicates(session: Session, data: dict, contact_id: str | None = None) -> list[PossibleDuplicate]:
    """Live contacts that may be the person `data` describes (the contact dialog's fields), most sure
    first; `contact_id` is the contact being edited, never its own duplicate. Invalid data: none (the
    save itself says what is wrong)."""
    from .contacts import validate_contact

    try:
        clean = validate_contact(data)
    except ValidationFailed:
        return []
    person = Person.of(clean)
    index = IdentityIndex()
    for candidate in _candidates(session, clean):
        index.add(candidate.id, Person(candidate.name, candidate.company or "", tuple(candidate.phones or ()),
                                       (candidate.email or "").lower()))
    return index.matches(person, but=contact_id)[:MOST]


def _candidates(session: Session, clean: dict) -> list[Contact]:
    """Contacts sharing a phone, the e-mail or the name's search keys (the index, not a scan)."""
    ids: set[str] = set()
    for phone in clean.get("phones") or []:
        ids |= _matching(session, f'"{phone.lstrip("+")}"')  # the full-digits token, exactly
    email = (clean.get("email") or "").strip().lower()
    if email:
        # lower() =, not ILIKE: an e-mail's `_` and `%` are letters, not wildcards
        ids |= set(session.scalars(select(Contact.id).where(func.lower(Contact.email) == email,
                                                            Contact.deleted_at.is_(None))))
    name_match = match_expression(clean["name"])
    if name_match:
        ids |= _matching(session, name_match)
    if clean.get("company") and clean["name"]:  # the same company, a name that sounds alike or one apart
        core = company_core(clean["company"])
        company_match = match_expression(core) if core else None
        if company_match:  # a company of thousands in the directory: its first few hundred are enough
            ids |= _matching(session, company_match, limit=COMPANY_CANDIDATES)
    if not ids:
        return []
    return list(session.scalars(select(Contact).where(Contact.id.in_(ids), Contact.deleted_at.is_(None))))


def _matching(session: Session, match: str, limit: int | None = None) -> set[str]:
    sql = matching_contact_ids_sql().replace(":match", "?") + (f" LIMIT {int(limit)}" if limit else "")
    return {row[0] for row in session.connection().exec_driver_sql(sql, (match,))}
