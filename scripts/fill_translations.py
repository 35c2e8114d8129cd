"""Fill unfinished entries of a Qt .ts file from a JSON map {English source: translation}.

Usage: python scripts/fill_translations.py [--overwrite] chushang_desk/resources/translations/chushang_zh_CN.ts map.json

A key "Context::Source" applies to that context only and wins over the plain "Source" key, for words
that read differently in different places ("Name": 姓名 for people, 名称 for organizations).
Plural (numerus) entries get the one text in each of their forms (Chinese has one form; keep %n/%Ln).
With --overwrite, finished entries that differ from the map are replaced too (to revise wording).
Prints the sources still untranslated and exits 1 if there are any, so nothing new slips through.

The file is written back the way lupdate writes it (declaration, <!DOCTYPE TS>, &apos;/&quot; in text,
only <location/> self-closed), so a later lupdate run does not rewrite every line.
"""
from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET

HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'


def lookup(mapping: dict[str, str], context: str, source: str) -> str | None:
    return mapping.get(f"{context}::{source}", mapping.get(source))


def fill(ts_path: str, mapping: dict[str, str], overwrite: bool = False) -> list[str]:
    tree = ET.parse(ts_path)
    missing = []
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type")
            if kind in ("obsolete", "vanished") or (kind != "unfinished" and not overwrite):
                continue
            source = message.findtext("source")
            text = lookup(mapping, name, source)
            if text is None:
                if kind == "unfinished":
                    missing.append(source)
                continue
            translation.attrib.pop("type", None)
            forms = translation.findall("numerusform")
            for form in forms:
                form.text = text
            if not forms:
                translation.text = text
    write(tree, ts_path)
    return missing


def write(tree: ET.ElementTree, ts_path: str) -> None:
    body = ET.tostring(tree.getroot(), encoding="unicode", short_empty_elements=False)
    # Escape quotes in text nodes as lupdate does (ET escapes only &, <, > there).
    body = re.sub(r">([^<]*)<", lambda m: ">" + m.group(1).replace("'", "&apos;").replace('"', "&quot;") + "<", body)
    body = re.sub(r"<location ([^>]*)></location>", r"<location \1/>", body)
    with open(ts_path, "w", encoding="utf-8") as handle:
        handle.write(HEADER + body + "\n")


if __name__ == "__main__":
    args = sys.argv[1:]
    overwrite = "--overwrite" in args
    ts, mapping_file = [a for a in args if a != "--overwrite"]
    with open(mapping_file, encoding="utf-8") as handle:
        left = fill(ts, json.load(handle), overwrite)
    for source in left:
        print(json.dumps(source, ensure_ascii=False))
    sys.exit(1 if left else 0)
