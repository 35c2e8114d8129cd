"""Which tables a screen shows, from the records' foreign keys rather than a hand-written list: its own
tables, their children (rows pointing at them: a visit's attendees, a contact's memberships) and what
those rows point at (the attendee's contact, the membership's organization). A write or a sync announces
the tables it changed (Profile.write_changes); a screen redraws when they meet what it shows, so a
renamed organization redraws the visit list that names it."""
from __future__ import annotations

from ..models import Base


def _foreign_tables(table: str) -> set[str]:
    return {key.column.table.name for key in Base.metadata.tables[table].foreign_keys}


def shown_tables(*tables: str) -> frozenset[str]:
    """The tables a screen of these record types shows, as explained above."""
    own = set(tables)
    children = {name for name in Base.metadata.tables if _foreign_tables(name) & own}
    shown = own | children
    for name in list(shown):
        shown |= _foreign_tables(name)
    return frozenset(shown)
