"""Erasing a person (PIPL Art. 47): which synced fields hold a person's data, and what they read once
erased. Shared by the server (through sync.protocol) and the client's services (below sync)."""
from __future__ import annotations

from .base import synced_tables
from .records import personal_fields
from .types import to_wire

# Only people are erased; these rows of theirs go with them: table -> (columns naming the person,
# erased as a whole (tombstoned, later edits refused) or only blanked).
ERASABLE_TABLE = "contact"
ERASE_CHILDREN: dict[str, tuple[tuple[str, ...], bool]] = {
    "affiliation": (("contact_id",), True),
    "referral": (("ambassador_id", "referred_contact_id"), False),
    # a merge he survived keeps his values from before it (survivor_before): blanked, the merge stays
    "contact_merge": (("survivor_id",), False),
    # a project he is the investor's main contact of keeps its record; its notes of his people go
    "project": (("contact_id",), False),
}
# The fields erased: those the record declarations mark personal. A contact's own row is his data but
# for the station that keeps him; his affiliations lose role, since and notes (and are tombstoned with
# him); referrals where he is the ambassador or the person referred lose their notes (the referral
# itself, its project and status, stays the station's record).
PERSONAL_FIELDS: dict[str, frozenset] = {
    table: personal_fields(table) for table in (ERASABLE_TABLE, *ERASE_CHILDREN)
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
