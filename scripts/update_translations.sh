#!/usr/bin/env bash
# Collect every tr()/translate() string under ptcoach/ui/ into assets/translations/ptcoach.ts.
# Translators copy it to ptcoach_<lang>.ts, translate it in pyside6-linguist, and compile it with
#   pyside6-lrelease assets/translations/ptcoach_<lang>.ts
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
LUPDATE="${LUPDATE:-.venv/bin/pyside6-lupdate}"
mkdir -p assets/translations
mapfile -t sources < <(find ptcoach/ui -name '*.py' -not -path '*/__pycache__/*' | sort)
"$LUPDATE" -no-obsolete -locations relative "${sources[@]}" -ts assets/translations/ptcoach.ts
