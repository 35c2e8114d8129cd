"""Generate resources/pinyin/chars.tsv: each Chinese character's most common reading, without tones.

The app reads this table instead of importing pypinyin at run time: pypinyin's import loads its phrase
dictionary (~0.6 s and ~55 MB), where names only need one reading per character (surnames that read
differently are handled in db/search_index.py). Run after upgrading pypinyin:
    .venv/bin/python scripts/build_pinyin_table.py
"""
from pathlib import Path

from pypinyin import lazy_pinyin
from pypinyin.pinyin_dict import pinyin_dict

from chushang_desk.db.search_index import CJK_RANGES, PINYIN_TABLE


def readings() -> list[tuple[str, str]]:
    out = []
    for codepoint in sorted(pinyin_dict):
        if any(lo <= codepoint <= hi for lo, hi in CJK_RANGES):
            char = chr(codepoint)
            syllable = lazy_pinyin(char, errors="ignore")
            if syllable and syllable[0].isascii() and syllable[0].isalpha():
                out.append((char, syllable[0]))
    return out


def main() -> None:
    rows = readings()
    Path(PINYIN_TABLE).write_text("".join(f"{c}\t{p}\n" for c, p in rows), encoding="utf-8")
    print(f"{len(rows)} characters -> {PINYIN_TABLE}")


if __name__ == "__main__":
    main()
