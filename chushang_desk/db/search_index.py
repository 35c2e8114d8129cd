"""Derived search keys for contacts: characters, full pinyin, initials, phone digits (FTS5, unicode61).

One token per Chinese character finds 1-2 character queries (the trigram tokenizer does not); pinyin
and initials tokens let officers type `zhangsan` or `zs` for 张三.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

from sqlalchemy import text
from sqlalchemy.engine import Connection

from ..paths import resources_dir

# Bump when contact_keys changes what it derives: profiles with older keys are re-indexed on opening.
SEARCH_KEYS_VERSION = 2
FTS_TABLE = "contact_search"
DOC_TABLE = "contact_search_doc"

# Surnames whose reading differs from the character's common reading.
SURNAME_READINGS = {
    "单": "shan", "解": "xie", "仇": "qiu", "朴": "piao", "查": "zha", "曾": "zeng", "区": "ou",
    "盖": "ge", "乐": "yue", "尉": "yu", "覃": "qin", "繁": "po", "员": "yun", "召": "shao",
    "缪": "miao", "翟": "zhai", "种": "chong", "秘": "bi", "长孙": "zhangsun", "万俟": "moqi",
}
CJK_RANGES = ((0x3400, 0x9FFF), (0xF900, 0xFAFF))
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# One reading per character, generated from pypinyin by scripts/build_pinyin_table.py.
PINYIN_TABLE = resources_dir() / "pinyin" / "chars.tsv"
_WORD = re.compile(r"[0-9a-z]+")


@lru_cache(maxsize=1)
def _pinyin_table() -> dict[str, str]:
    # Read on first use (~20 ms), so start-up does not pay for it.
    with open(PINYIN_TABLE, encoding="utf-8") as table:
        return dict(line.rstrip("\n").split("\t") for line in table)


def _char_pinyin(ch: str) -> str:
    if not _CJK.match(ch):
        return ch.lower()
    return _pinyin_table().get(ch, "")


def name_syllables(name: str) -> list[str]:
    """Pinyin syllables of a Chinese name, surname read as a surname."""
    name = name.strip()
    for surname in (name[:2], name[:1]):
        if surname and surname in SURNAME_READINGS:
            head = SURNAME_READINGS[surname]
            return [head] + [_char_pinyin(c) for c in name[len(surname):] if _CJK.match(c)]
    return [_char_pinyin(c) for c in name if _CJK.match(c)]


def sort_key(name: str) -> str:
    """Pinyin spelling used to order names (Latin names sort by themselves)."""
    syllables = name_syllables(name)
    return " ".join(syllables) if syllables else name.strip().lower()


def text_tokens(value: str) -> list[str]:
    """One token per CJK character and one per Latin word or number."""
    value = value.lower()
    return _CJK.findall(value) + _WORD.findall(value)


def phone_tokens(phones: list[str]) -> list[str]:
    out = []
    for phone in phones or []:
        digits = re.sub(r"\D", "", phone)
        if not digits:
            continue
        out.append(digits)
        if phone.startswith("+86"):
            out += _mainland_forms(digits[2:])
        if len(digits) > 4:
            out.append("t" + digits[-4:])  # the last four digits, as people quote them
    return out


def _mainland_forms(national: str) -> list[str]:
    """How officers type a mainland number: mobiles without +86; landlines with the trunk 0 and area
    code (02787654321) or as the local number alone (87654321, or 7 digits in smaller cities)."""
    if national.startswith("1"):
        return [national]
    return [national, "0" + national, national[-8:], national[-7:]]


def contact_keys(name: str, company: str = "", phones: list[str] | None = None) -> str:
    syllables = name_syllables(name)
    tokens = text_tokens(name)
    if syllables:
        tokens += ["".join(syllables), "".join(s[0] for s in syllables if s)] + syllables
    tokens += text_tokens(company)
    tokens += phone_tokens(phones or [])
    return " ".join(tokens)


def match_expression(query: str) -> str | None:
    """Turn what the officer typed into an FTS5 MATCH expression (every term must match)."""
    terms = []
    for part in query.strip().lower().split():
        chars = _CJK.findall(part)
        if chars:
            terms.append('"' + " ".join(chars) + '"')  # adjacent characters, as a phrase
        rest = _CJK.sub(" ", part)
        for word in _WORD.findall(rest):
            if word.isdigit() and len(word) == 4:
                terms.append(f'("{word}"* OR "t{word}")')
            else:
                terms.append(f'"{word}"*')
    return " AND ".join(terms) if terms else None


def index_contacts(conn: Connection, rows: list[dict]) -> None:
    """(Re)index contacts given as dicts with id, name, company, phones, deleted_at (and sort_key)."""
    if not rows:
        return
    ids = [r["id"] for r in rows]
    conn.execute(
        text(f"INSERT INTO {DOC_TABLE}(contact_id, sort_key) VALUES (:id, :sort) "
             "ON CONFLICT(contact_id) DO UPDATE SET sort_key = excluded.sort_key"),
        [{"id": r["id"], "sort": r.get("sort_key") or sort_key(r["name"])} for r in rows],
    )
    docids = dict(
        conn.execute(
            text(f"SELECT contact_id, docid FROM {DOC_TABLE} WHERE contact_id IN (SELECT value FROM json_each(:ids))"),
            {"ids": _json_list(ids)},
        ).all()
    )
    conn.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :d"), [{"d": docids[i]} for i in ids])
    live = [r for r in rows if r.get("deleted_at") is None]
    if live:
        conn.execute(
            text(f"INSERT INTO {FTS_TABLE}(rowid, keys) VALUES (:d, :k)"),
            [{"d": docids[r["id"]], "k": contact_keys(r["name"], r.get("company", ""), r.get("phones"))} for r in live],
        )


def _json_list(values: list[str]) -> str:
    return json.dumps(values)


def search_contact_ids_sql(descending: bool = False) -> str:
    """Ids of live contacts matching :match in name order, from the index alone (deleted contacts
    have no FTS row). The fast path of a search with no other filter."""
    direction = "DESC" if descending else "ASC"
    return (
        f"SELECT d.contact_id FROM {DOC_TABLE} d WHERE d.docid IN "
        f"(SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match) "
        f"ORDER BY d.sort_key {direction}, d.contact_id {direction}"
    )


def matching_contact_ids_sql() -> str:
    """SQL fragment selecting contact ids matching :match (to use in `contact.id IN (...)`)."""
    return (
        f"SELECT d.contact_id FROM {DOC_TABLE} d WHERE d.docid IN "
        f"(SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match)"
    )

