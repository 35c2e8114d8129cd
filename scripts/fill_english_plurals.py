"""Fill the English plural forms (chushang_en.ts, made by lupdate -pluralonly) from the sources: English is
the source language, but "%Ln edit(s)" needs "1 edit" and "2 edits". The singular drops "(s)", the plural
writes "s"; a verb after the count follows it ("have" -> "has").
Usage: python scripts/fill_english_plurals.py chushang_desk/resources/translations/chushang_en.ts"""
from __future__ import annotations

import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, __import__("os").path.dirname(__file__))
from fill_translations import write  # noqa: E402

VERBS = {" have ": " has ", " are ": " is ", " were ": " was "}


def forms(source: str) -> tuple[str, str]:
    one = source.replace("(s)", "")
    for plural, singular in VERBS.items():
        one = one.replace(plural, singular)
    return one, source.replace("(s)", "s")


def main(ts_path: str) -> int:
    tree = ET.parse(ts_path)
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        translation = message.find("translation")
        for old in list(translation):
            translation.remove(old)
        translation.attrib.pop("type", None)
        for text in forms(message.findtext("source") or ""):
            ET.SubElement(translation, "numerusform").text = text
    write(tree, ts_path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
