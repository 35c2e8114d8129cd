#!/bin/sh
# `make installer`: the PyInstaller one-folder bundle (DIST/chushang-desk/) and the .deb built from it.
# Usage: sh installer/build.sh PYTHON [DIST] [WORK]   (defaults: .venv/bin/python, dist, build)
set -eu
cd "$(dirname "$0")/.."
python=${1:-.venv/bin/python}
dist=${2:-dist}
work=${3:-build}
"$python" installer/make_icons.py "$work/icons"
CHUSHANG_ICONS="$work/icons" "$python" -m PyInstaller --noconfirm --log-level WARN --distpath "$dist" \
  --workpath "$work/pyinstaller" installer/chushang-desk.spec
sh installer/linux/build-deb.sh "$dist/chushang-desk" "$work/icons" "$dist"
