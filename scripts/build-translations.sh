#!/bin/sh
# Compile every resources/translations/*.ts to .qm next to it when the .ts is newer.
venv="$1"
lrelease="$venv/bin/pyside6-lrelease"
for ts in resources/translations/*.ts; do
  [ -f "$ts" ] || continue
  qm="${ts%.ts}.qm"
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
    "$lrelease" -silent "$ts" -qm "$qm" || exit 1
  fi
done
