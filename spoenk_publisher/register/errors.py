"""What can go wrong with the consent register, one type per failure a user can meet.

Every error's ``str()`` is one readable sentence; the CLI and the GUI show it as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spoenk_publisher.messages import CodedError, Message, text


class RegisterError(Exception):
    """Base of every register failure a user can meet."""


class RegisterUnavailable(RegisterError):
    """The register file cannot be opened or created (missing folder rights, not a database)."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"the consent register {self.path} cannot be used: {reason}")


class RegisterBusy(RegisterError):
    """Another program kept the register locked for longer than the busy timeout."""

    def __init__(self, path: Path | str, seconds: float) -> None:
        self.path = Path(path)
        super().__init__(
            f"the consent register {self.path} stayed busy for {seconds:.0f} s "
            "(another program is writing to it); nothing was changed, try again"
        )


class RegisterTooNew(RegisterError):
    """The register was written by a newer Spoenk Publisher with a schema this one lacks."""

    def __init__(self, path: Path | str, found: int, supported: int) -> None:
        self.path = Path(path)
        self.found = found
        self.supported = supported
        super().__init__(
            f"the consent register {self.path} has schema version {found}, this version of "
            f"Spoenk Publisher knows up to {supported}: update the app"
        )


class UnknownPerson(RegisterError):
    """No person with this id in the register."""

    def __init__(self, person_id: str) -> None:
        self.person_id = person_id
        super().__init__(f"no person with id {person_id!r} in the register")


class PersonExists(RegisterError):
    """Adding a person whose id is already in the register."""

    def __init__(self, person_id: str) -> None:
        self.person_id = person_id
        super().__init__(f"a person with id {person_id!r} is already in the register")


class UnknownChannel(RegisterError):
    """A channel name that is not in the register's channel list."""

    def __init__(self, channel: str, known: Sequence[str]) -> None:
        self.channel = channel
        self.known = tuple(known)
        super().__init__(f"unknown channel {channel!r} (known: {', '.join(self.known)})")


class ChannelExists(RegisterError):
    """Adding a channel whose name is already in the list."""

    def __init__(self, channel: str) -> None:
        self.channel = channel
        super().__init__(f"the channel {channel!r} already exists")


class InvalidRecord(RegisterError):
    """A value the register refuses to store (an empty name, an end before a start, ...)."""


class PhotoEnrolledForOtherPerson(RegisterError):
    """A reference photo that is already enrolled for someone else: one of the two is wrong."""

    def __init__(self, photo_sha256: str, person_id: str, other_person_id: str) -> None:
        self.photo_sha256 = photo_sha256
        self.person_id = person_id
        self.other_person_id = other_person_id
        super().__init__(
            f"this photo (sha256 {photo_sha256[:12]}…) is already a reference face of "
            f"{other_person_id!r}, so it cannot also be one of {person_id!r}"
        )


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


class RegisterImportError(RegisterError, CodedError):
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
        CodedError.__init__(self, self.headline)

    def __str__(self) -> str:
        first = f" ({self.problems[0]})" if len(self.problems) == 1 else ""
        return f"{text(self.headline, 'en')}{first}"
