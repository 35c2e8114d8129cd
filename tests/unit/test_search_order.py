"""The search index keeps its docids in name order (db/search_index.py), so a search's first screen is
its first rows: after any mix of new contacts, renames, deletions, imports and gaps used up, the docids
sort as (sort_key, contact_id) do, and the head of a search is the head of the full sorted result."""
from __future__ import annotations

import random

import pytest
from sqlalchemy import text

from chushang_desk.db import search_index
from chushang_desk.db.bulk import bulk_insert
from chushang_desk.models import Contact
from chushang_desk.services.contacts import (
    ContactQuery, contact_head, delete_contact, find_contact_ids, restore_contact, save_contact,
)

SURNAMES = "王李张刘陈杨黄赵"
GIVEN = "伟芳娜敏静强磊军"


def docs_in_docid_order(profile) -> list[tuple[str, str]]:
    return profile.read(lambda s: [tuple(r) for r in s.connection().execute(text(
        "SELECT sort_key, contact_id FROM contact_search_doc ORDER BY docid"))])


def assert_in_name_order(profile) -> None:
    docs = docs_in_docid_order(profile)
    assert docs == sorted(docs)
    orphans = profile.read(lambda s: s.connection().execute(text(
        "SELECT count(*) FROM contact_search WHERE rowid NOT IN (SELECT docid FROM contact_search_doc)")).scalar())
    assert orphans == 0


def assert_heads_are_sorted_results(profile, queries) -> None:
    for typed in queries:
        for descending in (False, True):
            query = ContactQuery(text=typed, descending=descending)
            every = profile.read(find_contact_ids, query)
            head = profile.read(contact_head, query, 5)
            assert [r.id for r in head.rows] == every[:5], typed
            assert head.total == len(every) or head.close, typed


def test_docids_follow_the_name_order_through_edits_deletes_and_imports(profile):
    rng = random.Random(11)
    ids: list[str] = []
    deleted: set[str] = set()

    def random_name() -> str:
        return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))

    for step in range(300):
        action = rng.random()
        if action < 0.45 or not ids:
            ids.append(profile.write(save_contact, dict(name=random_name(), is_merchant=True)))
        elif action < 0.7:
            contact_id = rng.choice(ids)
            profile.write(lambda s: s.get(Contact, contact_id).__setattr__("name", random_name()))
        elif action < 0.8:
            contact_id = rng.choice(ids)
            if contact_id not in deleted:
                deleted.add(contact_id)
                profile.write(delete_contact, contact_id)
        elif action < 0.85:
            if deleted:
                contact_id = rng.choice(sorted(deleted))
                deleted.discard(contact_id)
                profile.write(restore_contact, contact_id)
        else:
            rows = [dict(name=random_name(), is_merchant=True) for _ in range(rng.randint(1, 40))]
            ids += profile.write(lambda s: bulk_insert(s, Contact, rows))
        if step % 50 == 0:
            assert_in_name_order(profile)
    assert_in_name_order(profile)
    assert_heads_are_sorted_results(profile, ["w", "王", "z", "l", "伟", "zw", "wang"])


@pytest.mark.parametrize("names", [
    [f"b{chr(ord('z') - i)}" for i in range(26)],  # each between "a" and the one before: the gap halves
    ["b"] * 30,  # the same name again and again: placed after the others of that name
])
def test_a_used_up_gap_renumbers_the_index_and_the_order_holds(profile, names):
    profile.write(save_contact, dict(name="a", is_merchant=True))
    profile.write(save_contact, dict(name="c", is_merchant=True))
    for name in names:
        profile.write(save_contact, dict(name=name, is_merchant=True))
    assert_in_name_order(profile)
    docids = profile.read(lambda s: [r[0] for r in s.connection().execute(text(
        "SELECT docid FROM contact_search_doc ORDER BY docid"))])
    assert len(set(docids)) == len(names) + 2
    assert_heads_are_sorted_results(profile, ["b", "a", "c"])


def test_a_renumbering_keeps_every_search_key(profile):
    for name in ("张伟", "張偉", "Jürgen Müller", "李四"):
        profile.write(save_contact, dict(name=name, is_merchant=True, company="华为", phones="13800138000"))
    before = {q: profile.read(find_contact_ids, ContactQuery(text=q)) for q in ("zhangwei", "muller", "huawei", "8000")}
    profile.write(lambda s: search_index.renumber_search_order(s.connection()))
    assert_in_name_order(profile)
    assert {q: profile.read(find_contact_ids, ContactQuery(text=q)) for q in before} == before
    assert all(before.values())
