#!/bin/sh
# Refresh chushang_desk/resources/translations/*.ts from the UI sources (keeps existing translations).
# Then fill the new entries (tools: pyside6-linguist, or scripts/fill_translations.py) and commit the .ts.
# English is the source language: its .ts holds only the plural forms ("%Ln edit(s)" -> 1 edit, 2 edits),
# filled from the sources by scripts/fill_english_plurals.py.
set -e
cd "$(dirname "$0")/.."
venv=${VENV:-.venv}
files=$(find chushang_desk/ui -name '*.py' | sort)
for lang in zh_CN; do
  "$venv/bin/pyside6-lupdate" -no-obsolete $files -ts "chushang_desk/resources/translations/chushang_$lang.ts"
done
"$venv/bin/pyside6-lupdate" -no-obsolete -pluralonly $files -ts chushang_desk/resources/translations/chushang_en.ts
"$venv/bin/python" scripts/fill_english_plurals.py chushang_desk/resources/translations/chushang_en.ts
