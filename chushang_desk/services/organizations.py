"""Organizations (组织): chambers, alumni associations, companies, universities."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.search_index import sort_key
from ..models import Organization


def organization_choices(session: Session, typed: str, limit: int = 20) -> list[dict]:
    """Type-ahead picker: organizations whose name contains what was typed, or whose pinyin starts with it."""
    typed = typed.strip()
    if not typed:
        return []
    pattern = f"%{typed}%"
    rows = session.execute(
        select(Organization.id, Organization.name, Organization.kind)
        .where(Organization.deleted_at.is_(None),
               Organization.name.like(pattern) | Organization.sort_key.like(f"{sort_key(typed)}%"))
        .order_by(Organization.sort_key)
        .limit(limit)
    )
    return [dict(id=r.id, name=r.name, kind=r.kind) for r in rows]
