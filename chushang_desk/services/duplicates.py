"""Is this person already in the directory? The check a new contact typed by hand gets before it is
saved ("this may be 张伟 of 华为"), with levels an officer can read:

- certain: the same mobile or the same e-mail;
- high: the same name (simplified/traditional and accents folded) and the same company (legal form and
  place left out: 腾讯科技（深圳）有限公司 and 深圳市腾讯科技 are one company);
- hint: the same name alone.

Candidates come from the search index (the same keys that find a person), then each is checked.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.search_index import company_core, fold, match_expression, matching_contact_ids_sql
from ..models import Contact
from .messages import ValidationFailed

LEVELS = ("certain", "high", "hint")  # most sure first
MOST = 5


@dataclass(frozen=True)
class PossibleDuplicate:
    contact_id: str
    name: str
    company: str
    level: str  # one of LEVELS
    reason: str  # "phone", "email", "name_company" or "name"
    detail: str = ""  # the phone or e-mail both hold


def possible_duplicates(session: Session, data: dict, contact_id: str | None = None) -> list[PossibleDuplicate]:
    """Live contacts that may be the person `data` describes (the contact dialog's fields), most sure
    first; `contact_id` is the contact being edited, never its own duplicate. Invalid data: none (the
    save itself says what is wrong)."""
    from .contacts import validate_contact

    try:
        clean = validate_contact(data)
    except ValidationFailed:
        return []
    found: dict[str, PossibleDuplicate] = {}
    for candidate in _candidates(session, clean):
        if candidate.id == contact_id or candidate.id in found:
            continue
        hint = _compare(clean, candidate)
        if hint is not None:
            found[candidate.id] = hint
    return sorted(found.values(), key=lambda d: (LEVELS.index(d.level), d.name))[:MOST]


def _candidates(session: Session, clean: dict) -> list[Contact]:
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
    if not ids:
        return []
    return list(session.scalars(select(Contact).where(Contact.id.in_(ids), Contact.deleted_at.is_(None))))


def _matching(session: Session, match: str) -> set[str]:
    sql = matching_contact_ids_sql().replace(":match", "?")
    return {row[0] for row in session.connection().exec_driver_sql(sql, (match,))}


def _compare(clean: dict, other: Contact) -> PossibleDuplicate | None:
    def hint(level: str, reason: str, detail: str = "") -> PossibleDuplicate:
        return PossibleDuplicate(other.id, other.name, other.company or "", level, reason, detail)

    shared = [p for p in clean.get("phones") or [] if p in (other.phones or [])]
    if shared:
        return hint("certain", "phone", shared[0])
    email = (clean.get("email") or "").strip().lower()
    if email and email == (other.email or "").strip().lower():
        return hint("certain", "email", email)
    if _same_name(clean["name"], other.name):
        company, theirs = clean.get("company") or "", other.company or ""
        if company and theirs and company_core(company) == company_core(theirs):
            return hint("high", "name_company")
        return hint("hint", "name")
    return None


def _same_name(a: str, b: str) -> bool:
    return fold(a).replace(" ", "") == fold(b).replace(" ", "")
