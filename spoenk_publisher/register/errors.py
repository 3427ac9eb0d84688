"""What can go wrong with the consent register, one type per failure a user can meet.

Every error carries a ``Message`` (a code and its parameters, ``messages.register``); the CLI
and the GUI turn it into a sentence in the user's language. ``str()`` is the English sentence,
for logs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spoenk_publisher.messages import CodedError, Message, display_path, text


class RegisterError(CodedError):
    """Base of every register failure a user can meet."""

    def __init__(self, code: str | Message, **params: object) -> None:
        super().__init__(code if isinstance(code, Message) else Message(code, **params))


class RegisterUnavailable(RegisterError):
    """The register file cannot be opened or created (missing folder rights, not a register,
    damaged)."""

    def __init__(self, path: Path | str, reason: Message) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__("register.unavailable", path=display_path(self.path), reason=reason)


class RegisterBusy(RegisterError):
    """Another program kept the register locked for longer than the busy timeout."""

    def __init__(self, path: Path | str, seconds: float) -> None:
        self.path = Path(path)
        super().__init__("register.busy", path=display_path(self.path), seconds=round(seconds))


class RegisterTooNew(RegisterError):
    """The register was written by a newer Spoenk Publisher with a schema this one lacks."""

    def __init__(self, path: Path | str, found: int, supported: int) -> None:
        self.path = Path(path)
        self.found = found
        self.supported = supported
        super().__init__(
            "register.too_new", path=display_path(self.path), found=found, supported=supported
        )


class UnknownPerson(RegisterError):
    """No person with this id in the register."""

    def __init__(self, person_id: str) -> None:
        self.person_id = person_id
        super().__init__("register.unknown_person", id=person_id)


class PersonExists(RegisterError):
    """Adding a person whose id is already in the register."""

    def __init__(self, person_id: str) -> None:
        self.person_id = person_id
        super().__init__("register.person_exists", id=person_id)


class UnknownChannel(RegisterError):
    """A channel name that is not in the register's channel list."""

    def __init__(self, channel: str, known: Sequence[str]) -> None:
        self.channel = channel
        self.known = tuple(known)
        super().__init__("register.unknown_channel", channel=channel, known=list(self.known))


class ChannelExists(RegisterError):
    """Adding a channel whose name is already in the list."""

    def __init__(self, channel: str) -> None:
        self.channel = channel
        super().__init__("register.channel_exists", channel=channel)


class InvalidRecord(RegisterError):
    """A value the register refuses to store (an empty name, an end before a start, ...)."""


class PhotoEnrolledForOtherPerson(RegisterError):
    """A reference photo that is already enrolled for someone else: one of the two is wrong."""

    def __init__(self, photo_sha256: str, person_id: str, other_person_id: str) -> None:
        self.photo_sha256 = photo_sha256
        self.person_id = person_id
        self.other_person_id = other_person_id
        super().__init__(
            "register.photo_of_other_person",
            sha=photo_sha256[:12],
            id=person_id,
            other=other_person_id,
        )


class InconsistentReference(RegisterError):
    """A reference face that does not agree with the person's other references, or lies
    nearer to someone else's: probably a photo of another person. Nothing is stored."""


@dataclass(frozen=True)
class ImportProblem:
    """One problem in an import file: its line (header = the header's line), column and what is
    wrong, as a ``Message`` (sentences in ``messages/csv_import.py``)."""

    line: int
    column: str | None
    message: Message

    def text(self, lang: str | None = None) -> str:
        """ "regel 3, kolom instagram: ..." in ``lang`` (default: the chosen language)."""
        where = (
            Message("csv_import.where_column", line=self.line, column=self.column)
            if self.column
            else Message("csv_import.where", line=self.line)
        )
        return f"{text(where, lang)}: {text(self.message, lang)}"

    def __str__(self) -> str:
        return self.text("en")


class RegisterImportError(RegisterError):
    """An import file with problems; nothing of it was imported.

    ``plan`` is what the import made of the file's columns when it got that far (an
    ``ImportPlan``), so a screen can show it beside the problems and let the user choose.
    """

    def __init__(
        self, path: Path | str, problems: Sequence[ImportProblem], plan: Any = None
    ) -> None:
        self.path = Path(path)
        self.problems = tuple(problems)
        self.plan = plan
        count = len(self.problems)
        #: One line without the problems themselves (the CLI lists them below it).
        self.headline = Message("csv_import.headline", file=self.path, count=count)
        super().__init__(self.headline)

    def __str__(self) -> str:
        first = f" ({self.problems[0]})" if len(self.problems) == 1 else ""
        return f"{text(self.headline, 'en')}{first}"
