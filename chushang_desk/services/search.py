"""Keeping the contact search index in step with the code that derives its keys."""
from __future__ import annotations

import json

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from ..db.search_index import DOC_TABLE, SEARCH_KEYS_VERSION, index_contacts, optimize_search
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
    """Every contact's keys derived again, walked in the index's own (name) order so the full-text rows
    are rewritten with rising docids (FTS5 is ~3x slower otherwise); contacts the index lacks last."""
    columns = "c.id, c.name, c.sort_key, c.company, c.phones, c.email, c.deleted_at"
    conn = session.connection()
    done, last_docid = 0, None
    while True:
        after = "" if last_docid is None else "WHERE d.docid > :last "
        rows = conn.execute(text(f"SELECT d.docid, {columns} FROM {DOC_TABLE} d JOIN contact c ON c.id = d.contact_id "
                                 f"{after}ORDER BY d.docid LIMIT {BATCH}"), {"last": last_docid}).mappings().all()
        if not rows:
            break
        _index(conn, rows)
        done, last_docid = done + len(rows), rows[-1]["docid"]
    missing = conn.execute(text(f"SELECT {columns} FROM contact c WHERE c.id NOT IN "
                                f"(SELECT contact_id FROM {DOC_TABLE})")).mappings().all()
    _index(conn, missing)
    optimize_search(conn)
    return done + len(missing)


def _index(conn, rows) -> None:
    index_contacts(conn, [dict(row, phones=json.loads(row["phones"]) if row["phones"] else []) for row in rows])
