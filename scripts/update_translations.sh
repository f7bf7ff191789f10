#!/usr/bin/env bash
# Collect every translatable string under ptcoach/ into assets/translations/ptcoach.ts, under
# the context the code looks it up in (scripts/translations.py says how). Translators copy it
# to ptcoach_<lang>.ts and translate it in pyside6-linguist; the .qm files are compiled when
# the package is built or installed (`python scripts/translations.py build`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec "${PYTHON:-.venv/bin/python}" scripts/translations.py extract
