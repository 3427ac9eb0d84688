"""The sentences of the import (``messages/csv_import.py``): every code the code uses is in the
catalogue, in Dutch and English with the same placeholders."""

from __future__ import annotations

import re
import string

from spoenk_publisher.messages import Message, catalogue, text
from spoenk_publisher.messages.csv_import import MESSAGES
from spoenk_publisher.paths import PROJECT_ROOT
from spoenk_publisher.register.import_columns import FIELD_WORDS

SOURCES = PROJECT_ROOT / "spoenk_publisher"
_CODE = re.compile(r"""["'](csv_(?:import|export)\.[a-z0-9_.;,-]*[a-z0-9_;,-])["']""")


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_dutch_and_english_have_the_same_placeholders() -> None:
    for code, (dutch, english) in MESSAGES.items():
        pairs = zip(dutch, english, strict=True) if isinstance(dutch, tuple) else [(dutch, english)]
        for nl, en in pairs:
            assert _placeholders(nl) == _placeholders(en), code


def test_every_code_in_the_code_has_a_sentence() -> None:
    used = set()
    for path in SOURCES.rglob("*.py"):
        if path.parent.name != "messages":
            used |= set(_CODE.findall(path.read_text(encoding="utf-8")))
    assert used, "no codes found: the pattern is wrong"
    # Codes put together in the code: every value they can take.
    used |= {f"csv_import.field.{name}" for name in FIELD_WORDS}
    used |= {
        f"csv_import.target.{reason}"
        for reason in ("internal", "unused", "chosen", "not_needed", "covered")
    }
    used |= {f"csv_import.target.{code}" for code in ("channels", "social", "public")}
    used |= {f"csv_import.origin.{origin}" for origin in ("map", "remembered")}
    used |= {
        f"csv_import.changed.{name}" for name in ("name", "group", "role", "active", "turns_16")
    }
    used |= {
        f"csv_import.plan.encoding.{name}"
        for name in ("utf-8", "utf-8-sig", "windows-1252", "utf-16")
    }
    used |= {f"csv_import.plan.delimiter.{name}" for name in (";", ",", "tab")}
    used |= {f"csv_import.value_{where}" for where in ("after_last", "no_header")}
    missing = sorted(code for code in used if code.endswith(".") or code not in catalogue())
    assert missing == []


def test_a_plural_follows_the_count() -> None:
    assert text(Message("csv_import.headline", file="a.csv", count=1), "nl") == (
        "a.csv: 1 probleem, er is niets geïmporteerd"
    )
    assert text(Message("csv_import.headline", file="a.csv", count=3), "en") == (
        "a.csv: 3 problems, nothing was imported"
    )
