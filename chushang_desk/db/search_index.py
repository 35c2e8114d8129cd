"""Derived search keys for contacts: characters, full pinyin, initials, phone digits (FTS5, unicode61).

One token per Chinese character finds 1-2 character queries (the trigram tokenizer does not); pinyin
and initials tokens let officers type `zhangsan` or `zs` for 张三, the given name's alone (`xiaoming`,
`xm`) finds 黄小明 by `huang xm` or `黄xiaoming`, the other readings of a given name's polyphonic
characters (李长春 as `lichangchun`), a compound surname as two syllables (长孙 `zs`), each part of a
middle-dot name (阿依古丽·买买提 by `maimaiti`), the company's pinyin without its legal suffix and leading
place (深圳市腾讯计算机系统有限公司 by `tengxun`), the e-mail's words, and a phone as people write it:
with or without the country code or the trunk 0, its last four digits or the group before them
(138-0013-8000 by `0013`). Queries are folded the same way: full-width to half-width, tone marks and
accents dropped, ü as `v`, `u` or `yu`.
"""
from __future__ import annotations

import itertools
import json
import re
import unicodedata
from functools import lru_cache

from sqlalchemy import text
from sqlalchemy.engine import Connection

from ..paths import resources_dir

# Bump when contact_keys changes what it derives: profiles with older keys are re-indexed on opening.
SEARCH_KEYS_VERSION = 4
FTS_TABLE = "contact_search"
DOC_TABLE = "contact_search_doc"

# Surnames read otherwise than the character's common reading, and compound surnames (their syllables).
SURNAME_READINGS = {
    "单": ("shan",), "解": ("xie",), "仇": ("qiu",), "朴": ("piao",), "查": ("zha",), "曾": ("zeng",),
    "区": ("ou",), "盖": ("ge",), "乐": ("yue",), "尉": ("yu",), "覃": ("qin",), "繁": ("po",), "员": ("yun",),
    "召": ("shao",), "缪": ("miao",), "翟": ("zhai",), "种": ("chong",), "秘": ("bi",), "都": ("du",),
    "折": ("she",), "宓": ("mi",), "隗": ("wei",), "句": ("gou",), "黑": ("he",), "过": ("guo",), "逄": ("pang",),
    "牟": ("mou",), "柏": ("bai",), "么": ("yao",), "阚": ("kan",), "佘": ("she",), "藏": ("zang",),
    "长孙": ("zhang", "sun"), "万俟": ("mo", "qi"), "欧阳": ("ou", "yang"), "司马": ("si", "ma"),
    "上官": ("shang", "guan"), "诸葛": ("zhu", "ge"), "东方": ("dong", "fang"), "皇甫": ("huang", "fu"),
    "尉迟": ("yu", "chi"), "公孙": ("gong", "sun"), "慕容": ("mu", "rong"), "宇文": ("yu", "wen"),
    "司徒": ("si", "tu"), "夏侯": ("xia", "hou"), "令狐": ("ling", "hu"), "澹台": ("tan", "tai"),
    "轩辕": ("xuan", "yuan"), "端木": ("duan", "mu"), "独孤": ("du", "gu"), "南宫": ("nan", "gong"),
    "西门": ("xi", "men"), "呼延": ("hu", "yan"), "申屠": ("shen", "tu"), "闻人": ("wen", "ren"),
}
# Characters of given names read two ways, both indexed (the table holds one reading per character).
GIVEN_NAME_READINGS = {
    "重": ("zhong", "chong"), "长": ("chang", "zhang"), "乐": ("le", "yue"), "行": ("xing", "hang"),
    "朝": ("zhao", "chao"), "曾": ("ceng", "zeng"), "单": ("dan", "shan"), "解": ("jie", "xie"),
    "查": ("cha", "zha"), "传": ("chuan", "zhuan"), "都": ("du", "dou"), "觉": ("jue", "jiao"),
    "率": ("shuai", "lv"), "和": ("he", "huo"), "省": ("sheng", "xing"), "厦": ("xia", "sha"),
    "宿": ("su", "xiu"), "柏": ("bai", "bo"), "盛": ("sheng", "cheng"), "会": ("hui", "kuai"),
    "曲": ("qu",), "藏": ("cang", "zang"), "调": ("tiao", "diao"), "降": ("jiang", "xiang"),
    "奇": ("qi", "ji"), "茜": ("qian", "xi"), "蔓": ("man", "wan"), "莘": ("shen", "xin"),
}
# Polyphonic characters as company and place names read them (长江, 银行, 成都, 厦门, 重庆, 朝阳, 西藏).
COMPANY_READINGS = {"长": "chang", "行": "hang", "都": "du", "厦": "xia", "重": "chong", "朝": "chao",
                    "藏": "zang", "乐": "le", "华": "hua", "会": "hui", "调": "diao", "传": "chuan"}
_MAX_SPELLINGS = 8  # readings of a name multiplied out, at most this many spellings
# A company's legal form and the place it is registered in, left out of its pinyin key.
_COMPANY_SUFFIX = re.compile(r"(股份有限公司|有限责任公司|有限公司|集团有限公司|集团股份|集团|股份公司|公司|"
                             r"控股|股份|科技|技术|实业|发展|投资|贸易|工作室|事务所|研究院|中心)+$")
_COMPANY_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,3}[省市]|^[\u4e00-\u9fff]{2,3}(自治区|特别行政区)")
# Places a company's name often starts with, without 省 or 市 (北京字节跳动 → 字节跳动).
_PLACES = ("北京", "天津", "上海", "重庆", "广州", "深圳", "武汉", "南京", "杭州", "苏州", "成都", "西安", "长沙",
           "厦门", "青岛", "宁波", "东莞", "佛山", "珠海", "香港", "澳门", "台湾", "湖北", "广东", "江苏", "浙江",
           "中国", "华中", "华南", "华东", "华北")
_BRACKETS = re.compile(r"[（(][^）)]*[）)]")
_NAME_PARTS = re.compile(r"[·•・.．]")
CJK_RANGES = ((0x3400, 0x9FFF), (0xF900, 0xFAFF))
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# One reading per character, generated from pypinyin by scripts/build_pinyin_table.py.
PINYIN_TABLE = resources_dir() / "pinyin" / "chars.tsv"
_WORD = re.compile(r"[0-9a-z]+")
_PHONE_QUERY = re.compile(r"^\+?[\d\s\-().]+$")
# What NFKC, accent stripping or the table below could change: Latin letters beyond ASCII, combining
# marks, full-width forms, the ideographic space, curly apostrophes, compatibility ideographs.
_NEEDS_FOLD = re.compile(r"[\u0080-\u036f\u1e00-\u1eff\u2019\u3000\uf900-\ufaff\uff00-\uffef]")
# German umlauts also spelled out (Müller as mueller), after the accent itself is dropped (muller).
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})
# Latin letters that no accent mark makes (NFD leaves them whole), as they are typed on any keyboard.
_PLAIN_LATIN = str.maketrans({"ß": "ss", "ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d",
                              "þ": "th", "ı": "i"})


def fold(value: str) -> str:
    """What keys and queries are compared as: full-width to half-width (NFKC), lower case, tone marks
    and accents dropped (ǚ→u, é→e), apostrophes out (O'Connor → oconnor), traditional characters (and
    Japanese forms OpenCC knows) as simplified (張偉 → 张伟)."""
    value = _fold_latin(value)
    return simplified(value) if _CJK.search(value) else value


def name_key(name: str, folded: str | None = None) -> str:
    """A name as two people are compared on it: folded, without spaces, middle dots or hyphens (张 伟,
    張偉 and 张伟 are one name); `folded` when fold(name) is known already."""
    return (fold(name) if folded is None else folded).replace(" ", "").replace("·", "").replace("-", "")


@lru_cache(maxsize=65536)
def company_key(company: str) -> str:
    """A company as two people are compared on it: company_core, "" for none; cached, since a directory
    repeats its companies many times."""
    return company_core(company) if company else ""


def fold_many(values: list[str]) -> list[str]:
    """fold() of many values with one call into OpenCC (a directory's 100,000 names: ~0.1 s, not ~1 s).
    Lines never join in OpenCC's phrase matching, so each value folds as it would alone."""
    values = [_fold_latin(v).replace("\n", " ") for v in values]
    chinese = [i for i, v in enumerate(values) if _CJK.search(v)]
    if chinese:
        converted = simplified("\n".join(values[i] for i in chinese)).split("\n")
        for i, folded in zip(chinese, converted):
            values[i] = folded
    return values


def _fold_latin(value: str) -> str:
    if not _NEEDS_FOLD.search(value):  # plain ASCII and Chinese (most names): nothing to normalise
        return value.lower().replace("'", "")
    value = unicodedata.normalize("NFKC", value).lower().replace("'", "").replace("’", "")
    decomposed = unicodedata.normalize("NFD", value.translate(_PLAIN_LATIN))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def simplified(value: str) -> str:
    """Traditional Chinese as simplified (OpenCC's t2s, phrase-aware: ~1 µs a name)."""
    return _t2s().convert(value)


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # on first use (~7 ms), not at start-up

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _pinyin_table() -> dict[str, str]:
    # Read on first use (~20 ms), so start-up does not pay for it.
    with open(PINYIN_TABLE, encoding="utf-8") as table:
        return dict(line.rstrip("\n").split("\t") for line in table)


def _char_pinyin(ch: str) -> str:
    if not _CJK.match(ch):
        return ch.lower()
    return _pinyin_table().get(ch, "")


def _surname(name: str) -> tuple[str, tuple[str, ...]]:
    """The name's surname and its syllables when the table reads it specially, else ('', ())."""
    for surname in (name[:2], name[:1]):
        if surname and surname in SURNAME_READINGS:
            return surname, SURNAME_READINGS[surname]
    return "", ()


def name_syllables(name: str) -> list[str]:
    """Pinyin syllables of a Chinese name, surname read as a surname."""
    name = name.strip()
    surname, head = _surname(name)
    return list(head) + [_char_pinyin(c) for c in name[len(surname):] if _CJK.match(c)]


def _name_spellings(name: str) -> list[list[str]]:
    """The name's syllables in each reading its polyphonic given-name characters allow (the common
    spelling first), at most _MAX_SPELLINGS."""
    name = name.strip()
    surname, head = _surname(name)
    if not surname:
        first = next((c for c in name if _CJK.match(c)), "")
        surname, head = first, ((_char_pinyin(first),) if first else ())
        rest = name[name.index(first) + 1:] if first else ""
    else:
        rest = name[len(surname):]
    choices = [(_char_pinyin(c),) + tuple(r for r in GIVEN_NAME_READINGS.get(c, ()) if r != _char_pinyin(c))
               for c in rest if _CJK.match(c)]
    spellings = itertools.islice(itertools.product(*choices), _MAX_SPELLINGS)
    return [list(head) + list(given) for given in spellings]


def sort_key(name: str) -> str:
    """Pinyin spelling used to order names (Latin names sort by themselves)."""
    syllables = name_syllables(name)
    return " ".join(syllables) if syllables else name.strip().lower()


def text_tokens(value: str) -> list[str]:
    """One token per CJK character and one per Latin word or number (folded; Müller also as mueller)."""
    lowered = unicodedata.normalize("NFKC", value).lower()
    value = fold(value)
    words = _WORD.findall(value)
    spelled = _WORD.findall(fold(lowered.translate(_UMLAUTS))) if any(c in lowered for c in "äöüß") else []
    return _CJK.findall(value) + words + [w for w in spelled if w not in words]


def phone_tokens(phones: list[str]) -> list[str]:
    out = []
    for phone in phones or []:
        digits = re.sub(r"\D", "", phone)
        if not digits:
            continue
        out.append(digits)
        national = _national(phone, digits)
        if national is not None:
            out += _mainland_forms(national) if phone.startswith("+86") else [national, "0" + national]
        if len(digits) > 4:
            out.append("t" + digits[-4:])  # the last four digits, as people quote them
        if len(national or digits) >= 8:
            out.append("m" + (national or digits)[-8:-4])  # the group before them (138-0013-8000)
    return out


def _national(phone: str, digits: str) -> str | None:
    """The national number of an E.164 phone (+<country code><number>), or None."""
    if not phone.startswith("+"):
        return None
    for length in (1, 2, 3):  # country codes are prefix-free: the first one known is the one
        if int(digits[:length] or 0) in _country_codes():
            return digits[length:]
    return None


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[int]:
    from phonenumbers.data import _COUNTRY_CODE_TO_REGION_CODE

    return frozenset(_COUNTRY_CODE_TO_REGION_CODE)


def _mainland_forms(national: str) -> list[str]:
    """How officers type a mainland number: mobiles without +86; landlines with the trunk 0 and area
    code (02787654321) or as the local number alone (87654321, or 7 digits in smaller cities)."""
    if national.startswith("1"):
        return [national]
    return [national, "0" + national, national[-8:], national[-7:]]


def name_tokens(name: str) -> list[str]:
    tokens = text_tokens(name)
    name = simplified(name) if _CJK.search(name) else name
    parts = [p for p in _NAME_PARTS.split(name) if p.strip()]
    for part in parts if len(parts) > 1 else [name]:
        for spelling in _name_spellings(part) if _CJK.search(part) else []:
            syllables = [s for s in spelling if s]
            given = syllables[len(_surname(part.strip())[1]) or 1:]  # after the surname's syllables
            tokens += ["".join(syllables), "".join(s[0] for s in syllables)] + syllables
            if given:
                tokens += ["".join(given), "".join(s[0] for s in given)]
            tokens += _u_spellings(syllables)
    return tokens


def _u_spellings(syllables: list[str]) -> list[str]:
    """ü is `v` in the table; officers type it `u` or `yu` too (吕 as lv, lu, lyu)."""
    if not any("v" in s for s in syllables):
        return []
    return ["".join(s.replace("v", alt) for s in syllables) for alt in ("u", "yu")] + \
        [s.replace("v", alt) for s in syllables if "v" in s for alt in ("u", "yu")]


def company_tokens(company: str) -> list[str]:
    """The company's words, and the pinyin and initials of its name without legal form and place."""
    tokens = text_tokens(company)
    core = _BRACKETS.sub("", fold(company)).strip()  # simplified, so its pinyin is the table's
    core = _COMPANY_SUFFIX.sub("", core) or core
    for name in dict.fromkeys((core, company_core(company))):
        # A polyphonic character in a company is read as in words (长江 changjiang), not as the table's
        # most common reading (长 zhang, as in 成长).
        syllables = [COMPANY_READINGS.get(c) or _char_pinyin(c) for c in name if _CJK.match(c)]
        syllables = [s for s in syllables if s]
        if syllables:
            tokens += ["".join(syllables), "".join(s[0] for s in syllables)]
    return tokens


def company_core(company: str) -> str:
    """The company's name without brackets, legal form and leading place, folded: what tells two
    spellings of one company apart from two companies (腾讯科技（深圳）有限公司 and 深圳市腾讯科技 → 腾讯)."""
    core = _BRACKETS.sub("", fold(company)).strip()
    core = _COMPANY_SUFFIX.sub("", core) or core
    unplaced = _COMPANY_PLACE.sub("", core)
    if unplaced == core:
        unplaced = next((core[len(p):] for p in _PLACES if core.startswith(p) and len(core) - len(p) >= 2), core)
    return unplaced


def contact_keys(name: str, company: str = "", phones: list[str] | None = None, email: str = "") -> str:
    tokens = name_tokens(name) + company_tokens(company) + phone_tokens(phones or []) + text_tokens(email)
    return " ".join(dict.fromkeys(tokens))  # each token once


def match_expression(query: str) -> str | None:
    """Turn what the officer typed into an FTS5 MATCH expression (every term must match)."""
    query = fold(query).strip()
    phone = _phone_query(query)
    if phone:
        return f'"{phone}"*'
    terms = []
    for part in query.split():
        chars = _CJK.findall(part)
        if chars:
            terms.append('"' + " ".join(chars) + '"')  # adjacent characters, as a phrase
        rest = _CJK.sub(" ", part)
        for word in _WORD.findall(rest):
            if word.isdigit() and len(word) == 4:
                terms.append(f'("{word}"* OR "t{word}" OR "m{word}")')
            else:
                terms.append(f'"{word}"*')
    return " AND ".join(terms) if terms else None


def _phone_query(query: str) -> str | None:
    """The digits of a query that is a phone number as people write it (+86 138 0013 8000,
    138-0013-8000, (0755) 1234-5678, 0086…), or None."""
    if not _PHONE_QUERY.match(query):
        return None
    digits = re.sub(r"\D", "", query)
    if len(digits) < 7 or " " not in query and "-" not in query and "+" not in query and "(" not in query \
            and "." not in query:
        return None  # a plain run of digits is matched as typed (prefix and last-four terms)
    return digits[2:] if digits.startswith("00") else digits


# A typo (zhangsna, 张山 for 张三) finds the names within this similarity (rapidfuzz's ratio, 0-100) when
# the exact keys find nothing; shorter queries are too ambiguous to guess at.
CLOSE_MATCH_SCORE = 80
CLOSE_MATCH_MIN_LETTERS = 4
CLOSE_MATCHES = 50


def close_match_ids(conn: Connection, query: str) -> list[str]:
    """Live contacts whose name's pinyin (or Latin name) is close to the query's, best first: the
    fallback of a search whose exact keys found nothing. Compares every name key (~10 ms at 100,000
    contacts, bench/bench_search.py; reading them ~160 ms, done again only after the index changed), so
    it is for zero-hit queries only."""
    wanted = _comparable(query)
    if len(wanted) < CLOSE_MATCH_MIN_LETTERS:
        return []
    from rapidfuzz import fuzz, process  # on first use

    docs, choices, word_docs, word_choices = _name_keys(conn)
    if " " not in query.strip() and not _CJK.search(query):  # or one word of a Latin name (muler)
        docs, choices = docs + word_docs, choices + word_choices
    found = process.extract(wanted, choices, scorer=fuzz.ratio, score_cutoff=CLOSE_MATCH_SCORE,
                            limit=CLOSE_MATCHES * 3)
    docids = list(dict.fromkeys(docs[index] for _key, _score, index in found))
    if not docids:
        return []
    live = dict(conn.execute(  # those still in the full-text index (deleted contacts have left it)
        text(f"SELECT d.docid, d.contact_id FROM {DOC_TABLE} d JOIN {FTS_TABLE} f ON f.rowid = d.docid "
             f"WHERE d.docid IN (SELECT value FROM json_each(:ids))"), {"ids": json.dumps(docids)}).all())
    return [live[d] for d in docids if d in live][:CLOSE_MATCHES]


_NAME_KEYS: dict[str, tuple[int, tuple]] = {}  # database -> (its generation, name keys): one at a time


def _name_keys(conn: Connection) -> tuple[list[int], list[str], list[int], list[str]]:
    """Every doc's name key as the typo fallback compares it (the whole name, zhangsan or 黄小名's pinyin),
    and the first and last words of Latin names (muller for Jürgen Müller), with their docids; read from
    the index when contact_search_generation says it changed since."""
    generation = conn.exec_driver_sql("SELECT n FROM contact_search_generation").scalar()
    database = str(conn.engine.url)
    cached = _NAME_KEYS.get(database)
    if cached is not None and cached[0] == generation:
        return cached[1]
    docs, choices, word_docs, word_choices = [], [], [], []
    for docid, key in conn.exec_driver_sql(f"SELECT docid, sort_key FROM {DOC_TABLE}"):
        words = (key if key.isascii() else fold(key)).split()
        docs.append(docid)
        choices.append("".join(words))
        if len(words) > 1:
            word_docs += (docid, docid)
            word_choices += (words[0], words[-1])
    keys = (docs, choices, word_docs, word_choices)
    _NAME_KEYS.clear()
    _NAME_KEYS[database] = (generation, keys)
    return keys


def _comparable(query: str) -> str:
    """The query as name keys are compared: pinyin for Chinese, Latin letters alone."""
    folded = fold(query)
    if _CJK.search(folded):
        return "".join(name_syllables(folded)) + "".join(_WORD.findall(_CJK.sub(" ", folded)))
    return "".join(ch for ch in folded if ch.isalpha())


# The index's own row ids (docids) follow the name order: FTS5 gives its matches in row id order, so the
# first screen of a search is its first rows, whatever the count ("l": 29,000 hits, ~0.1 ms instead of
# sorting them all, ~25 ms at 100,000 contacts). A contact new or renamed is placed between the docids
# of its neighbours by name; the gaps left between them make room (ORDER_STEP at most between rows
# placed in one gap, ORDER_SPACING after a renumbering); a gap used up renumbers the whole index.
ORDER_SPACING = 1 << 32
ORDER_STEP = 1 << 20
_LAST_DOCID = (1 << 63) - 1


def index_contacts(conn: Connection, rows: list[dict]) -> None:
    """(Re)index contacts given as dicts with id, name, company, phones, deleted_at (and sort_key): their
    search keys, their place in the name order, and the identity keys an import matches on (name_key,
    company_core)."""
    if not rows:
        return
    rows = list({r["id"]: r for r in rows}.values())  # the last of a contact given twice
    docs = {r["id"]: {"id": r["id"], "sort": r.get("sort_key") or sort_key(r["name"]), "n": name_key(r["name"] or ""),
                      "c": company_key(r.get("company") or "")} for r in rows}
    placed = {contact_id: (docid, sort) for contact_id, docid, sort in conn.execute(
        text(f"SELECT contact_id, docid, sort_key FROM {DOC_TABLE} "
             "WHERE contact_id IN (SELECT value FROM json_each(:ids))"), {"ids": _json_list(list(docs))})}
    if placed:
        conn.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :d"),
                     [{"d": d} for d in sorted(d for d, _sort in placed.values())])
    staying = [doc for i, doc in docs.items() if i in placed and placed[i][1] == doc["sort"]]
    if staying:
        conn.execute(text(f"UPDATE {DOC_TABLE} SET name_key = :n, company_key = :c WHERE contact_id = :id"), staying)
    moving = sorted((doc for i, doc in docs.items() if not (i in placed and placed[i][1] == doc["sort"])),
                    key=lambda doc: (doc["sort"], doc["id"]))
    docids = {i: placed[i][0] for i in docs if i in placed}
    if moving:
        renamed = [{"id": d["id"]} for d in moving if d["id"] in placed]
        if renamed:
            conn.execute(text(f"DELETE FROM {DOC_TABLE} WHERE contact_id = :id"), renamed)
        renumber = _place(conn, moving)
        conn.execute(text(f"INSERT INTO {DOC_TABLE}(docid, contact_id, sort_key, name_key, company_key) "
                          "VALUES (:docid, :id, :sort, :n, :c)"), moving)
        docids.update((d["id"], d["docid"]) for d in moving)
    else:
        renumber = False
    live = sorted((r for r in rows if r.get("deleted_at") is None), key=lambda r: docids[r["id"]])
    if live:  # in docid order: FTS5 writes a segment each time a docid goes back (3x slower)
        conn.execute(
            text(f"INSERT INTO {FTS_TABLE}(rowid, keys) VALUES (:d, :k)"),
            [{"d": docids[r["id"]], "k": contact_keys(r["name"], r.get("company") or "", r.get("phones"),
                                                       r.get("email") or "")} for r in live],
        )
    if renumber:
        renumber_search_order(conn)


def _place(conn: Connection, moving: list[dict]) -> bool:
    """Give each doc of `moving` (in name order, not in the table) a docid between its neighbours';
    True when a gap was used up (they got docids past the last, and the index must be renumbered)."""
    pairs = json.dumps([[d["sort"], d["id"]] for d in moving], ensure_ascii=False)
    neighbours = conn.execute(text(
        f"SELECT (SELECT docid FROM {DOC_TABLE} d WHERE (d.sort_key, d.contact_id) < "
        f"  (json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]')) "
        f"  ORDER BY d.sort_key DESC, d.contact_id DESC LIMIT 1), "
        f"(SELECT docid FROM {DOC_TABLE} d WHERE (d.sort_key, d.contact_id) > "
        f"  (json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]')) "
        f"  ORDER BY d.sort_key, d.contact_id LIMIT 1) "
        f"FROM json_each(:pairs) j ORDER BY j.key"), {"pairs": pairs}).all()
    gaps: dict[tuple, list[dict]] = {}
    for doc, gap in zip(moving, neighbours):
        gaps.setdefault(tuple(gap), []).append(doc)
    used_up = False
    for (before, after), docs in gaps.items():
        low = before or 0
        room = (after if after is not None else _LAST_DOCID) - low
        step = min(ORDER_STEP, room // (len(docs) + 1))
        if step == 0:
            used_up = True
            break
        for i, doc in enumerate(docs, start=1):
            doc["docid"] = low + step * i
    if used_up:  # past the last docid for now, in order; renumber_search_order puts them in place
        last = conn.execute(text(f"SELECT max(docid) FROM {DOC_TABLE}")).scalar() or 0
        for i, doc in enumerate(moving, start=1):
            doc["docid"] = last + i
    return used_up


# Contacts indexed in one go (an import, a first sync, demo data) after which the index is merged whole:
# FTS5 otherwise leaves many segments, and a broad search's count takes twice as long (~1.8 s at 100,000).
MERGE_AFTER = 5_000


def optimize_search(conn: Connection) -> None:
    """Merge the search index's segments (also so no old segment keeps an erased person's tokens)."""
    conn.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')"))


def renumber_search_order(conn: Connection) -> None:
    """Docids ORDER_SPACING apart in name order again, the full-text rows moved with them (~3 s at
    100,000 contacts: only when a gap is used up, or a re-index asks for it)."""
    conn.execute(text("DROP TABLE IF EXISTS temp.search_order"))
    conn.execute(text("CREATE TEMP TABLE search_order (old INTEGER PRIMARY KEY, new INTEGER NOT NULL)"))
    conn.execute(text(f"INSERT INTO temp.search_order SELECT docid, ROW_NUMBER() OVER (ORDER BY sort_key, contact_id) "
                      f"* {ORDER_SPACING} FROM {DOC_TABLE}"))
    conn.execute(text("DROP TABLE IF EXISTS temp.search_keys"))
    conn.execute(text(f"CREATE TEMP TABLE search_keys AS SELECT o.new AS docid, f.keys AS keys FROM {FTS_TABLE} f "
                      f"JOIN temp.search_order o ON o.old = f.rowid"))
    conn.execute(text(f"DELETE FROM {FTS_TABLE}"))
    conn.execute(text(f"UPDATE {DOC_TABLE} SET docid = -docid"))
    conn.execute(text(f"UPDATE {DOC_TABLE} SET docid = "
                      f"(SELECT o.new FROM temp.search_order o WHERE o.old = -{DOC_TABLE}.docid)"))
    conn.execute(text(f"INSERT INTO {FTS_TABLE}(rowid, keys) SELECT docid, keys FROM temp.search_keys ORDER BY docid"))
    conn.execute(text("DROP TABLE temp.search_keys"))
    conn.execute(text("DROP TABLE temp.search_order"))


def _json_list(values: list[str]) -> str:
    return json.dumps(values)


def search_contact_ids_sql(descending: bool = False) -> str:
    """Ids of live contacts matching :match in name order, from the index alone (deleted contacts
    have no FTS row; docids follow the name order). The fast path of a search with no other filter."""
    direction = "DESC" if descending else "ASC"
    return (
        f"SELECT d.contact_id FROM {DOC_TABLE} d WHERE d.docid IN "
        f"(SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match) ORDER BY d.docid {direction}"
    )


def search_head_sql(descending: bool = False) -> str:
    """The first :limit ids of search_contact_ids_sql, without reading the other matches: FTS5 walks
    its matches in docid order, which is the name order."""
    direction = "DESC" if descending else "ASC"
    return (
        f"SELECT d.contact_id FROM (SELECT rowid AS docid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match "
        f"ORDER BY rowid {direction} LIMIT :limit) m JOIN {DOC_TABLE} d ON d.docid = m.docid "
        f"ORDER BY m.docid {direction}"
    )


def count_matches_sql() -> str:
    return f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match"


def matching_contact_ids_sql() -> str:
    """SQL fragment selecting contact ids matching :match (to use in `contact.id IN (...)`)."""
    return (
        f"SELECT d.contact_id FROM {DOC_TABLE} d WHERE d.docid IN "
        f"(SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match)"
    )

