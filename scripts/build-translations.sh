#!/bin/sh
# Compile every chushang_desk/resources/translations/*.ts to .qm next to it when the .ts is newer. The .qm
# files are committed (a wheel built from a clean clone ships them); tests/ui/test_translations.py checks
# they match their .ts.
venv="$1"
lrelease="$venv/bin/pyside6-lrelease"
for ts in chushang_desk/resources/translations/*.ts; do
  [ -f "$ts" ] || continue
  qm="${ts%.ts}.qm"
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
    "$lrelease" -silent "$ts" -qm "$qm" || exit 1
  fi
done
