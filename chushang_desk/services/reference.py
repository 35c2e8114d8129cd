"""Reference lists and annual targets: seeded from resources/, later replaced by the server's."""
from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select, func
from sqlalchemy.orm import Session

from ..db.bulk import bulk_insert
from ..db.ids import seed_id
from ..models import AnnualTarget, ReferenceItem
from ..paths import resources_dir


@dataclass(frozen=True)
class RefItem:
    code: str
    name_zh: str
    name_en: str
    category: str

    def name(self, lang: str = "zh_CN") -> str:
        return self.name_en if lang == "en" and self.name_en else self.name_zh


def seed_if_empty(session: Session) -> bool:
    """Fill the reference lists from resources/reference/seed.json when the database has none."""
    if session.scalar(select(func.count()).select_from(ReferenceItem)):
        return False
    seed = json.loads((resources_dir() / "reference" / "seed.json").read_text(encoding="utf-8"))
    # Seed ids are the server's for the same rows, so a later pull updates these rows instead of adding
    # a second copy of every list item.
    rows = [dict(item, list_name=name, id=seed_id("reference_item", name, item["code"]))
            for name, items in seed["lists"].items() for item in items]
    targets = [dict(t, id=seed_id("annual_target", t["year"], t["metric"])) for t in seed["targets"]]
    bulk_insert(session, ReferenceItem, rows, from_server=True)
    bulk_insert(session, AnnualTarget, targets, from_server=True)
    return True


def reference_list(session: Session, list_name: str) -> list[RefItem]:
    rows = session.scalars(
        select(ReferenceItem)
        .where(ReferenceItem.list_name == list_name, ReferenceItem.deleted_at.is_(None), ReferenceItem.active)
        .order_by(ReferenceItem.sort_order, ReferenceItem.code)
    )
    return [RefItem(r.code, r.name_zh, r.name_en, r.category) for r in rows]


def all_reference_lists(session: Session) -> dict[str, list[RefItem]]:
    names = session.scalars(select(ReferenceItem.list_name).distinct())
    return {name: reference_list(session, name) for name in names}


def name_lookup(session: Session, list_name: str, lang: str = "zh_CN") -> dict[str, str]:
    """code -> display name, for rendering codes stored in records."""
    return {item.code: item.name(lang) for item in reference_list(session, list_name)}
