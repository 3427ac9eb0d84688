"""Fill unfinished Dutch translations in resources/i18n/*.ts from JSON drafts.

    .venv/bin/python scripts/fill_translations.py resources/i18n/spoenk_publisher_nl.ts \
        resources/i18n/drafts/*.json

A draft is a list of {"context", "source", "translation", "plural": [one, many]} objects, as
engineers write them next to new GUI code; pyside6-linguist works on the .ts as well. An entry
with "replace": true changes a finished translation too (a new wording for an old string), so
the draft stays the record of it when the .ts is merged. Prints the strings still unfinished.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET


def main(ts_path: str, drafts: list[str]) -> int:
    known: dict[tuple[str, str], dict] = {}
    for draft in drafts:
        with open(draft, encoding="utf-8") as handle:
            for entry in json.load(handle):
                known[(entry["context"], entry["source"])] = entry
    tree = ET.parse(ts_path)
    missing = []
    for context in tree.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            entry = known.get((name, source))
            if translation.get("type") != "unfinished" and not (entry and entry.get("replace")):
                continue
            if entry is None:
                missing.append(f"{name}: {source}")
                continue
            if message.get("numerus") == "yes":
                forms = entry.get("plural") or [entry["translation"]] * 2
                for form, text in zip(translation.findall("numerusform"), forms, strict=False):
                    form.text = text
            else:
                translation.text = entry["translation"]
            translation.attrib.pop("type", None)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    for line in missing:
        print("unfinished:", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2:]))
