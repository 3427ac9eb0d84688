"""The channels a photo can be published on; the list lives in the register and can grow."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlite_utils import Database

from spoenk_publisher.register.errors import ChannelExists, InvalidRecord, UnknownChannel

#: A channel's name is how files and commands spell it: lower case, digits, ``_`` and ``-``.
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")

#: Channels that a consent form's general "social media" question covers. Names a school may add
#: later are listed too; a channel not named here is only covered by a column that names it.
SOCIAL_MEDIA = frozenset(
    {"instagram", "facebook", "x", "youtube", "linkedin", "tiktok", "snapchat", "threads",
     "bluesky", "mastodon", "pinterest", "vimeo"}
)  # fmt: skip
#: Channels anyone can see: what "openbaar", "extern" or "buiten Social Schools" covers. The
#: newsletter goes to the school's parents only, so a question about public use does not
#: reach it (default deny: a broader reading would grant more than the parent said).
PUBLIC = SOCIAL_MEDIA | {"website", "yurls"}


@dataclass(frozen=True)
class Channel:
    """A publication channel: ``name`` as stored and typed, ``label`` as shown."""

    name: str
    label: str


def list_channels(db: Database) -> list[Channel]:
    """The channels in the order the school lists them."""
    rows = db.conn.execute("SELECT name, label FROM channels ORDER BY position, name")
    return [Channel(name, label) for name, label in rows]


def channel_names(db: Database) -> list[str]:
    """The channels' names, in order."""
    return [channel.name for channel in list_channels(db)]


def check_channel(db: Database, name: str) -> str:
    """``name`` normalised (lower case, no spaces) if it is a channel; raises ``UnknownChannel``."""
    normalised = name.strip().lower()
    names = channel_names(db)
    if normalised not in names:
        raise UnknownChannel(name, names)
    return normalised


def insert_channel(db: Database, name: str, label: str | None = None) -> Channel:
    """Add a channel at the end of the list."""
    normalised = name.strip().lower()
    if not _NAME.match(normalised):
        raise InvalidRecord("register.channel_name", name=name)
    if normalised in channel_names(db):
        raise ChannelExists(normalised)
    channel = Channel(normalised, (label or name).strip() or normalised)
    db.conn.execute(
        "INSERT INTO channels (name, label, position)"
        " VALUES (?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM channels))",
        (channel.name, channel.label),
    )
    return channel
