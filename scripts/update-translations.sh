#!/usr/bin/env bash
# Refreshes resources/i18n/*.ts from the GUI's source strings, then compiles them to .qm.
# Translate new strings in the .ts files (pyside6-linguist, or by hand) before compiling.
set -euo pipefail
cd "$(dirname "$0")/.."
for lang in nl; do
  .venv/bin/pyside6-lupdate spoenk_publisher/gui/*.py -ts "resources/i18n/spoenk_publisher_${lang}.ts" -no-obsolete
  .venv/bin/pyside6-lrelease "resources/i18n/spoenk_publisher_${lang}.ts" -qm "resources/i18n/spoenk_publisher_${lang}.qm"
done
