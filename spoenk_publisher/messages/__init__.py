"""Codes below the UI, sentences at the top: one catalogue for the command line and the app.

The core and the register never write a sentence for a user. They raise and return a
``Message``: a code (``"photo.empty"``) and its parameters. ``text(message)`` turns it into
Dutch (the default) or English, for the CLI and the GUI alike, so a Dutch screen never shows an
English reason and a sentence is written once. The sentences live in the modules of this
package, one per area (``PARTS``); ``tests/test_messages.py`` checks that every code the package
uses has both languages with the same placeholders.

Parameters are formatted for the language: a date as 31-07-2027 (Dutch) or 2027-07-31 (English),
a path as its file name, a nested ``Message`` as its own sentence, a list joined with commas.
A catalogue entry is a pair ``(dutch, english)`` of ``str.format`` templates, or a pair of
pairs ``((one, other), (one, other))`` chosen by the ``count`` parameter.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import PurePath
from typing import Any

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"

_language = DEFAULT_LANGUAGE

Template = tuple[str, str] | tuple[tuple[str, str], tuple[str, str]]


class Message:
    """A code and its parameters: what went wrong or what was decided, in no language."""

    __slots__ = ("code", "params")

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params: Mapping[str, Any] = params

    def text(self, lang: str | None = None) -> str:
        """This message as a sentence in ``lang`` (default: the chosen language)."""
        return text(self, lang)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Message)
            and self.code == other.code
            and dict(self.params) == dict(other.params)
        )

    def __hash__(self) -> int:
        return hash((self.code, tuple(sorted((k, repr(v)) for k, v in self.params.items()))))

    def __repr__(self) -> str:
        params = ", ".join(f"{key}={value!r}" for key, value in self.params.items())
        return f"Message({self.code!r}{', ' if params else ''}{params})"

    def __str__(self) -> str:
        return text(self, "en")


class CodedError(Exception):
    """An error that carries a ``Message``; ``str()`` is its English sentence (for logs)."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(message.text("en"))

    def text(self, lang: str | None = None) -> str:
        """The sentence for a user, in ``lang`` (default: the chosen language)."""
        return self.message.text(lang)


class FileError(CodedError):
    """An error about one file: its ``path`` and why (``reason``); the sentence starts with the
    file's name ("foto.jpg: het bestand is leeg (0 bytes)")."""

    def __init__(self, path: PurePath | str, code: str, **params: Any) -> None:
        from pathlib import Path

        self.path = Path(path)
        super().__init__(Message(code, **params))

    @property
    def reason(self) -> Message:
        """Why the file cannot be used, without its name."""
        return self.message

    def text(self, lang: str | None = None) -> str:
        """"name.jpg: why" in ``lang`` (default: the chosen language)."""
        return f"{display_name(self.path)}: {self.message.text(lang)}"

    def __str__(self) -> str:
        return self.text("en")


def set_language(lang: str | None) -> None:
    """Choose the language of ``text`` for this process: "nl" (default) or "en"."""
    global _language
    _language = lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def language() -> str:
    """The language ``text`` uses when none is given."""
    return _language


def text(message: Message | str, lang: str | None = None) -> str:
    """``message`` as a sentence in ``lang``; a plain string is returned as it is."""
    if isinstance(message, str):
        return message
    lang = lang if lang in LANGUAGES else _language
    template = catalogue().get(message.code)
    params = {key: _formatted(value, lang) for key, value in message.params.items()}
    if template is None:  # a code without a sentence: say what is known, never fail
        details = ", ".join(f"{key}={value}" for key, value in params.items())
        return f"{message.code}" + (f" ({details})" if details else "")
    chosen = template[LANGUAGES.index(lang)]
    if isinstance(chosen, tuple):
        chosen = chosen[0] if message.params.get("count") == 1 else chosen[1]
    try:
        return chosen.format(**params)
    except (KeyError, IndexError, ValueError):
        return chosen


def _formatted(value: Any, lang: str) -> Any:
    if isinstance(value, Message):
        return text(value, lang)
    if isinstance(value, bool):
        return value
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y") if lang == "nl" else value.isoformat()
    if isinstance(value, PurePath):
        return display_name(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(str(_formatted(item, lang)) for item in value)
    return value


def display_name(path: PurePath | str) -> str:
    """A file's name as it can always be printed (a name that is not valid UTF-8 included)."""
    name = PurePath(path).name or str(path)
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def display_path(path: PurePath | str) -> str:
    """A whole path as it can always be printed (see ``display_name``)."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


_CATALOGUE: dict[str, Template] | None = None


def catalogue() -> dict[str, Template]:
    """Every code with its Dutch and English sentence."""
    global _CATALOGUE
    if _CATALOGUE is None:
        merged: dict[str, Template] = {}
        for part in _parts():
            for code in part:
                if code in merged:
                    raise ValueError(f"message code {code!r} is defined twice")
            merged.update(part)
        _CATALOGUE = merged
    return _CATALOGUE


#: The modules of this package that hold sentences, one per area (each defines ``MESSAGES``).
PARTS = ("photos", "export", "register", "cli", "verdicts", "enrolment", "csv_import")


def _parts() -> Iterable[Mapping[str, Template]]:
    import importlib

    for name in PARTS:
        yield importlib.import_module(f"{__name__}.{name}").MESSAGES
