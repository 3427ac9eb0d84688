"""What the register keeps for imports: the choices made per file layout, and the key of the
stable id given to a pupil whose file has no pupil number. Rows only; the caller holds the
transaction (see ``csv_io``)."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date

from sqlite_utils import Database

from spoenk_publisher.register.db import utc_timestamp

#: Prefix of an id made from a name and a date of birth ("zonder nummer"): such an id can never
#: collide with a school's own number, which has no letters and a dash in this place.
STABLE_ID_PREFIX = "zn-"


def remembered_choices(db: Database, layout_key: str) -> dict[str, str]:
    """The choices made earlier for files with this layout: normalised column -> target."""
    row = db.conn.execute(
        "SELECT choices FROM import_layouts WHERE layout_key = ?", (layout_key,)
    ).fetchone()
    return dict(json.loads(row[0])) if row else {}


def remember_choices(
    db: Database, layout_key: str, header: Sequence[str], choices: Mapping[str, str], actor: str
) -> bool:
    """Store the choices for a layout (replacing earlier ones); True when they changed."""
    if remembered_choices(db, layout_key) == dict(choices):
        return False
    db.conn.execute(
        "INSERT INTO import_layouts (layout_key, header, choices, updated_at, updated_by)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (layout_key) DO UPDATE SET header = excluded.header,"
        " choices = excluded.choices, updated_at = excluded.updated_at,"
        " updated_by = excluded.updated_by",
        (
            layout_key,
            json.dumps([cell for cell in header if cell.strip()], ensure_ascii=False),
            json.dumps(dict(sorted(choices.items())), ensure_ascii=False),
            utc_timestamp(),
            actor,
        ),
    )
    return True


def person_id_key(db: Database) -> bytes:
    """This register's secret for stable ids (made by migration 0003)."""
    return bytes(
        db.conn.execute("SELECT value FROM register_keys WHERE name = 'person_id'").fetchone()[0]
    )


def stable_person_id(key: bytes, name: str, birth_date: date) -> str:
    """The id of a pupil whose file has no pupil number, the same at every import::

        "zn-" + the first 12 hex digits of HMAC-SHA256(key, name_key + "|" + YYYY-MM-DD)

    ``name_key`` is the full name (roepnaam, tussenvoegsel, achternaam) in lower case without
    accents, punctuation or double spaces, so "Zoë  de Vries" and "zoe de vries" are the same
    pupil. The key is this register's own random secret: the id does not reveal the date of
    birth (or the name) to anyone without the register, and it is never stored in clear.
    48 bits: two of 2,000 pupils share an id with a chance of about 1 in 10^8.
    """
    message = f"{name_key(name)}|{birth_date.isoformat()}".encode()
    return STABLE_ID_PREFIX + hmac.new(key, message, hashlib.sha256).hexdigest()[:12]


def name_key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())
