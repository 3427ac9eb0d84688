#!/usr/bin/env bash
# Refreshes resources/i18n/*.ts from the package's source strings, carries translations over to
# strings that only changed class (scripts/carry_translations.py), fills new strings from any JSON
# drafts in resources/i18n/drafts/ (see scripts/fill_translations.py), then compiles the .qm.
# Translate what is still unfinished with pyside6-linguist (or by hand) before compiling.
set -euo pipefail
cd "$(dirname "$0")/.."
before=$(mktemp)
trap 'rm -f "$before"' EXIT
for lang in nl; do
  ts="resources/i18n/spoenk_publisher_${lang}.ts"
  cp "$ts" "$before"
  # The whole package: a translatable string may live outside gui/ too.
  mapfile -t sources < <(find spoenk_publisher -name "*.py" | sort)
  .venv/bin/pyside6-lupdate "${sources[@]}" -ts "$ts" -no-obsolete -silent
  .venv/bin/python scripts/carry_translations.py "$before" "$ts"
  if compgen -G "resources/i18n/drafts/${lang}_*.json" >/dev/null; then
    .venv/bin/python scripts/fill_translations.py "$ts" resources/i18n/drafts/"${lang}"_*.json
  fi
  # Once more, so that the file keeps lupdate's own layout after the scripts edited it.
  .venv/bin/pyside6-lupdate "${sources[@]}" -ts "$ts" -no-obsolete -silent
  .venv/bin/pyside6-lrelease "$ts" -qm "resources/i18n/spoenk_publisher_${lang}.qm"
done
