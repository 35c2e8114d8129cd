"""Fill unfinished entries of a Qt .ts file from a JSON map {English source: translation}.

Usage: python scripts/fill_translations.py resources/translations/chushang_zh_CN.ts map.json
Prints the sources still untranslated, so nothing new slips through unnoticed.
"""
import json
import sys
import xml.etree.ElementTree as ET


def fill(ts_path: str, mapping: dict[str, str]) -> list[str]:
    tree = ET.parse(ts_path)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if translation.get("type") not in ("unfinished",):
            continue
        if source not in mapping:
            missing.append(source)
            continue
        translation.attrib.pop("type")
        forms = translation.findall("numerusform")
        if forms:
            for form in forms:
                form.text = mapping[source]
        else:
            translation.text = mapping[source]
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    ts, mapping_file = sys.argv[1], sys.argv[2]
    with open(mapping_file, encoding="utf-8") as handle:
        left = fill(ts, json.load(handle))
    for source in left:
        print(json.dumps(source, ensure_ascii=False))
    sys.exit(1 if left else 0)
