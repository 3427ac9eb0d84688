"""Carry finished translations over to strings whose class (Qt's translation context) changed.

    .venv/bin/python scripts/carry_translations.py OLD.ts NEW.ts

Moving a method to another class, or renaming a class, gives its ``tr()`` strings a new context,
so ``lupdate`` marks them unfinished although their text is unchanged. This fills every
unfinished message of NEW from OLD: first from the same context and source text, else from any
context with that source text, when all of OLD's translations of it agree (a source translated
two ways is left for a person to choose, in a draft: see ``fill_translations.py``).
``scripts/update-translations.sh`` runs it between ``lupdate`` and ``lrelease`` with the
catalogue as it was before ``lupdate``.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET

Key = tuple[str, str, str]  # source, comment, numerus ("yes" or "")


def _key(message: ET.Element) -> Key:
    return (
        message.findtext("source") or "",
        message.findtext("comment") or "",
        message.get("numerus", ""),
    )


def _finished(message: ET.Element) -> bool:
    translation = message.find("translation")
    return (
        translation is not None
        and translation.get("type") not in ("unfinished", "obsolete", "vanished")
        and bool("".join(translation.itertext()).strip())
    )


def _forms(message: ET.Element) -> tuple[str, ...]:
    translation = message.find("translation")
    forms = translation.findall("numerusform")
    return tuple(form.text or "" for form in forms) if forms else (translation.text or "",)


def carry(old_path: str, new_path: str) -> tuple[int, list[str]]:
    """Fill NEW from OLD; returns how many were filled and the unfinished left, as text."""
    by_context: dict[tuple[str, Key], tuple[str, ...]] = {}
    by_source: dict[Key, set[tuple[str, ...]]] = {}
    for context in ET.parse(old_path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            if _finished(message):
                forms = _forms(message)
                by_context[(name, _key(message))] = forms
                by_source.setdefault(_key(message), set()).add(forms)

    tree = ET.parse(new_path)
    filled, left = 0, []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            key = _key(message)
            forms = by_context.get((name, key))
            if forms is None and len(by_source.get(key, ())) == 1:
                (forms,) = by_source[key]
            if forms is None:
                left.append(f"{name}: {key[0]}")
                continue
            numerus = translation.findall("numerusform")
            if numerus:
                for form, value in zip(numerus, forms, strict=False):
                    form.text = value
            else:
                translation.text = forms[0]
            del translation.attrib["type"]
            filled += 1
    tree.write(new_path, encoding="utf-8", xml_declaration=True)
    return filled, left


def main(old_path: str, new_path: str) -> int:
    filled, left = carry(old_path, new_path)
    if filled:
        print(f"carried over {filled} translation(s); {len(left)} still unfinished")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2]))
