"""Erasing a person (PIPL Art. 47): which synced fields hold a person's data, and what they read once
erased. Shared by the server (through sync.protocol) and the client's services (below sync)."""
from __future__ import annotations

from .base import synced_tables
from .types import to_wire

# TEMPORARY: the personal fields of each table, until the record declarations (models/records.py,
# `personal_fields(table)`) carry a `personal` flag; the lead switches this to them at merge.
# A contact: everything about the person (not its station, the audit stamps or the tombstone).
# Rows that belong to him lose their free text too: his affiliations (role, since, notes: tombstoned
# and erased with him) and referrals where he is the ambassador or the person referred (notes only:
# the referral itself, its project and status, stays the station's record).
PERSONAL_FIELDS: dict[str, frozenset] = {
    "contact": frozenset({
        "name", "gender", "is_merchant", "is_alumnus", "is_talent", "is_key", "is_ambassador",
        "ambassador_since", "native_prefecture", "native_county", "region", "city", "company", "title",
        "industry", "phones", "email", "wechat", "university", "degree", "graduation_year",
        "talent_titles", "tags", "notes", "source",
    }),
    "affiliation": frozenset({"role", "since", "notes"}),
    "referral": frozenset({"notes"}),
}
# Only people are erased; these rows of theirs go with them: table -> (columns naming the person,
# erased as a whole (tombstoned, later edits refused) or only blanked).
ERASABLE_TABLE = "contact"
ERASE_CHILDREN: dict[str, tuple[tuple[str, ...], bool]] = {
    "affiliation": (("contact_id",), True),
    "referral": (("ambassador_id", "referred_contact_id"), False),
}
# What an erased contact's name reads (the name is required everywhere): "erased".
ERASED_NAME = "已清除"
ERASED_REASON = "erased: this person was erased (PIPL); the edit is refused and not kept"


def erased_value(table: str, field: str):
    """The wire value a personal field holds once erased: the column's empty default."""
    if table == ERASABLE_TABLE and field == "name":
        return ERASED_NAME
    column = synced_tables()[table].__table__.columns[field]
    if column.default is not None:
        arg = column.default.arg
        return to_wire(arg(None) if callable(arg) else arg)
    return None if column.nullable else ""


def erased_fields(table: str, fields: dict) -> dict:
    """`fields` (wire form) with every personal value replaced by its erased value."""
    personal = PERSONAL_FIELDS.get(table, frozenset())
    return {k: (erased_value(table, k) if k in personal else v) for k, v in fields.items()}
