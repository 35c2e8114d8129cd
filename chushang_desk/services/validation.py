"""Normalizing and checking what officers type (and what spreadsheets bring): phones, e-mail, dates."""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation

from ..models import records
from ..models.types import to_wire
from .messages import Message

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE_SPLIT = re.compile(r"[;,，；、/\n]+")


def clean_text(value) -> str:
    """NFKC folds full-width digits and letters (１３８ → 138); outer spaces are dropped."""
    if value is None:
        return ""
    return unicodedata.normalize("NFKC", str(value)).strip()


def split_phones(value) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [p for v in value for p in split_phones(v)]
    return [p.strip() for p in _PHONE_SPLIT.split(clean_text(value)) if p.strip()]


def _phonenumbers():
    # Imported when a number is first checked or shown: ~50 ms that start-up need not pay.
    import phonenumbers

    return phonenumbers


_KNOWN_E164: dict[str, None] = {}  # numbers this process already found valid, in the form it gave them
_KNOWN_MOST = 100_000
# A mainland mobile as it is written (13800138000, 138-0013-8000, +86 138 0013 8000): most of a member
# list. It is checked against phonenumbers' own pattern of a mainland mobile, not parsed (an import of
# 20,000 rows: ~2 s); what the pattern does not take is parsed as any other number.
_MAINLAND_MOBILE = re.compile(r"^(\+86|0086)?[ -]?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})$")
_mobile_pattern: re.Pattern | None = None


def normalize_phone(raw: str, default_region: str = "CN") -> str | None:
    """E.164 form of a domestic or foreign number, or None when it is not a valid number. A number
    already given back in E.164 is known valid without parsing it again (an import checks each row's
    phones twice: when reading the cell and when the contact is validated)."""
    text = clean_text(raw)
    if text in _KNOWN_E164:
        return text
    mobile = _MAINLAND_MOBILE.match(text)
    if mobile and (mobile.group(1) or default_region == "CN"):
        digits = "".join(mobile.group(2, 3, 4))
        if _mainland_mobile_pattern().fullmatch(digits):
            return "+86" + digits
    return _parsed_e164(text, default_region)


def _mainland_mobile_pattern() -> re.Pattern:
    global _mobile_pattern
    if _mobile_pattern is None:
        mobile = _phonenumbers().PhoneMetadata.metadata_for_region("CN").mobile
        _mobile_pattern = re.compile(mobile.national_number_pattern)
    return _mobile_pattern


def _parsed_e164(text: str, default_region: str) -> str | None:
    phonenumbers = _phonenumbers()
    if text.startswith("00"):
        text = "+" + text[2:]
    try:
        number = phonenumbers.parse(text, default_region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if len(_KNOWN_E164) >= _KNOWN_MOST:
        _KNOWN_E164.clear()
    _KNOWN_E164[e164] = None
    return e164


_DIGIT_GROUPS = re.compile(r"\d+")


def normalize_phone_among(raw: str, regions: tuple[str, ...]) -> str | None:
    """E.164 form of a number that may be from any of `regions` (most likely first). Where it is valid in
    several (090-1234-5678 is a Japanese mobile and a Xinjiang landline), the country whose own way of
    writing it has the groups it was written in wins; otherwise the first."""
    written = [len(g) for g in _DIGIT_GROUPS.findall(clean_text(raw).lstrip("+"))]
    if len(written) < 2 or clean_text(raw).startswith(("+", "00")):  # nothing to tell countries apart by
        return next((e164 for e164 in (normalize_phone(raw, r) for r in dict.fromkeys(regions)) if e164), None)
    first = None
    for region in dict.fromkeys(regions):
        e164 = normalize_phone(raw, region)
        if e164 is None:
            continue
        if _national_groups(e164) == written:
            return e164
        first = first or e164
    return first


def _national_groups(e164: str) -> list[int]:
    """The digit groups of the number as its own country writes it (138 0013 8000: 3, 4, 4)."""
    if e164.startswith("+861") and len(e164) == 14:
        return [3, 4, 4]
    phonenumbers = _phonenumbers()
    shaped = phonenumbers.format_number(phonenumbers.parse(e164, None), phonenumbers.PhoneNumberFormat.NATIONAL)
    return [len(g) for g in _DIGIT_GROUPS.findall(shaped)]


def display_phone(e164: str) -> str:
    phonenumbers = _phonenumbers()
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    if number.country_code == 86:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def check_phones(values, errors: dict, field: str = "phones") -> list[str]:
    out = []
    for raw in split_phones(values):
        e164 = normalize_phone(raw)
        if e164 is None:
            errors[field] = Message("bad_phone", {"value": raw})
        elif e164 not in out:
            out.append(e164)
    return out


def check_email(value, errors: dict, field: str = "email") -> str:
    text = clean_text(value)
    if text and not _EMAIL.match(text):
        errors[field] = Message("bad_email")
    return text


_DATE_WRITTEN = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")  # 20250314, as officers type it
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")


class BadDate(ValueError):
    """A date refused: `message` says why - not written as a date, or a day the calendar does not have."""

    def __init__(self, text: str, message: Message):
        super().__init__(text)
        self.message = message


def parse_date(value) -> date | None:
    """A date from a date, or from text as officers type it and spreadsheets write it: 2025-03-14,
    2025/3/14, 2025.3.14, 20250314, 2025年3月14日, full-width digits too. A day the calendar lacks
    (2025-02-30, 2025-13-01) raises BadDate naming it: it is never rolled over to another day."""
    if value is None or isinstance(value, date):
        return value
    text = clean_text(value)
    if not text:
        return None
    match = _DATE_WRITTEN.match(text) or _DATE_COMPACT.match(text)
    if not match:
        raise BadDate(text, Message("bad_date"))
    return calendar_day(text, *(int(g) for g in match.groups()))


def calendar_day(text: str, year: int, month: int, day: int) -> date:
    if not 1 <= month <= 12:
        raise BadDate(text, Message("no_such_month", {"month": month}))
    try:
        return date(year, month, day)
    except ValueError:
        if year < 1:
            raise BadDate(text, Message("bad_date")) from None
        raise BadDate(text, Message("no_such_day", {
            "year": year, "month": month, "day": day, "month_name": _MONTH_NAMES[month - 1]})) from None


def check_date(value, errors: dict, field: str) -> date | None:
    try:
        return parse_date(value)
    except BadDate as bad:
        errors[field] = bad.message
        return None


def check_amount(value, errors: dict, field: str) -> Decimal | None:
    """An amount in 万元 as Decimal (never float)."""
    if value is None or value == "":
        return None
    try:
        amount = Decimal(clean_text(value).replace(",", ""))
    except InvalidOperation:
        errors[field] = Message("bad_amount")
        return None
    if not amount.is_finite() or amount < 0:
        errors[field] = Message("bad_amount")
        return None
    return amount.quantize(Decimal("0.01"))


def declared_errors(table: str, values: dict) -> dict[str, Message]:
    """field -> Message for the values the record declaration (models.records) refuses: the last check
    before a row is saved, so whatever a service saves the server accepts and every device can store.
    Keys that are not fields of the table (a visit's contact ids) are left to their own checks."""
    fields = records.record(table).fields
    errors = {}
    for name, value in values.items():
        if name in fields:
            try:
                records.check_field(table, name, to_wire(value))
            except records.BadValue as bad:
                errors[name] = Message(bad.code, bad.params)
    return errors


def max_len(table: str, field: str) -> int:
    """The longest text the declaration allows for the field (models.records)."""
    return records.max_length(table, field)


def check_required(value, errors: dict, field: str, max_len: int | None = None) -> str:
    text = clean_text(value)
    if not text:
        errors[field] = Message("required")
    elif max_len and len(text) > max_len:
        errors[field] = Message("too_long", {"max": max_len})
    return text
