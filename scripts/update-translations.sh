#!/bin/sh
# Refresh resources/translations/*.ts from the UI sources (keeps existing translations).
# Then fill the new entries (tools: pyside6-linguist, or scripts/fill_translations.py) and commit the .ts.
set -e
cd "$(dirname "$0")/.."
files=$(find chushang_desk/ui -name '*.py' | sort)
for lang in zh_CN; do
  .venv/bin/pyside6-lupdate -no-obsolete $files -ts "resources/translations/chushang_$lang.ts"
done
