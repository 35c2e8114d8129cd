"""Keeping the contact search index in step with the code that derives its keys."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.search_index import SEARCH_KEYS_VERSION, index_contacts
from ..models import Contact
from .settings import get_setting, set_setting

BATCH = 5_000


def reindex_if_outdated(session: Session) -> int:
    """Rebuild every contact's search keys when they were made by an older version of the rules
    (a new profile starts current). Returns how many contacts were re-indexed."""
    stored = get_setting(session, "search_keys_version")
    if stored == str(SEARCH_KEYS_VERSION):
        return 0
    done = 0
    if stored or session.scalar(select(func.count()).select_from(Contact)):
        done = reindex_all(session)
    set_setting(session, "search_keys_version", str(SEARCH_KEYS_VERSION))
    return done


def reindex_all(session: Session) -> int:
    columns = (Contact.id, Contact.name, Contact.sort_key, Contact.company, Contact.phones, Contact.email,
               Contact.deleted_at)
    done, last_id = 0, ""
    while True:
        rows = session.execute(select(*columns).where(Contact.id > last_id).order_by(Contact.id).limit(BATCH)).all()
        if not rows:
            return done
        index_contacts(session.connection(), [r._asdict() for r in rows])
        done, last_id = done + len(rows), rows[-1].id
