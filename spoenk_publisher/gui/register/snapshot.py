"""What the consent matrix shows, read from the register in one go (off the UI thread, in a
``jobs.LoadRegisterJob``), and how it sorts and searches. No Qt.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from spoenk_publisher.register import Channel, ConsentStatus, Person, Register


def searchable(text: str) -> str:
    """Lower case without accents, so that "ozil" finds "Özil"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def natural_key(text: str) -> list[int | str]:
    """Sort "groep 2" before "groep 10"."""
    return [int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", text)]


@dataclass
class RegisterSnapshot:
    """Everything the matrix shows, read in one go (off the UI thread)."""

    on: date
    channels: list[Channel]
    people: list[Person]
    #: channel name -> person id -> consent in force on ``on``
    statuses: dict[str, dict[str, ConsentStatus]] = field(default_factory=dict)
    face_counts: dict[str, int] = field(default_factory=dict)
    #: person id -> the first day of the month they turn 16 (the 16+ mark; only where known)
    turns_16: dict[str, date] = field(default_factory=dict)

    def groups(self) -> list[str]:
        return sorted({person.group for person in self.people if person.group}, key=natural_key)


def read_snapshot(
    register: Register,
    on: date,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> RegisterSnapshot | None:
    """Read people, consent per channel and reference-face counts; None when cancelled."""
    channels = register.channels()
    snapshot = RegisterSnapshot(on, channels, register.people())
    total = len(channels) + 1
    for done, channel in enumerate(channels):
        if cancelled():
            return None
        if progress:
            progress(done, total, channel.label)
        snapshot.statuses[channel.name] = register.consent_statuses(channel.name, on)
    snapshot.face_counts = register.reference_face_counts()
    snapshot.turns_16 = register.turns_16_months()
    if progress:
        progress(total, total, "")
    return snapshot
