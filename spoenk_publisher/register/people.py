"""The people in the register: pupils, staff and others (volunteers, parents helping out).

The functions here read and write rows only; the caller holds the transaction and writes the
audit line (see ``register.store``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from sqlite_utils import Database

from spoenk_publisher.register.db import utc_timestamp
from spoenk_publisher.register.errors import InvalidRecord, UnknownPerson


class Role(StrEnum):
    """Why someone is in the register; everyone needs consent, whatever the role."""

    PUPIL = "pupil"
    STAFF = "staff"
    OTHER = "other"


@dataclass(frozen=True)
class Person:
    """One person, identified by the school's own number (pupil or staff number)."""

    id: str
    name: str
    group: str = ""
    role: Role = Role.PUPIL
    active: bool = True

    def checked(self) -> Person:
        """This person with surrounding spaces removed; raises on an empty id or name.

        Only spaces: a tab or a line break stays where it was typed (taking off a leading tab
        would turn a harmless ``\t=2+2`` into a formula in a spreadsheet).
        """
        person = replace(
            self,
            id=self.id.strip(" "),
            name=re.sub(" {2,}", " ", self.name.strip(" ")),
            group=self.group.strip(" "),
            role=Role(self.role),
        )
        if not person.id:
            raise InvalidRecord("register.needs_id")
        if not person.name:
            raise InvalidRecord("register.needs_name", id=person.id)
        return person


def turns_16_in(birth_date: date) -> date:
    """The first day of the month in which someone born on ``birth_date`` turns 16: all the
    register keeps of a date of birth (see migration 0003)."""
    return date(birth_date.year + 16, birth_date.month, 1)


_COLUMNS = "id, name, group_name, role, active"


def find_person(db: Database, person_id: str) -> Person | None:
    """The person with this id, or None."""
    row = db.conn.execute(f"SELECT {_COLUMNS} FROM people WHERE id = ?", (person_id,)).fetchone()
    return _person(row) if row else None


def get_person(db: Database, person_id: str) -> Person:
    """The person with this id; raises ``UnknownPerson``."""
    person = find_person(db, person_id)
    if person is None:
        raise UnknownPerson(person_id)
    return person


def list_people(db: Database, group: str | None = None) -> list[Person]:
    """Everyone (or one group), by group then name."""
    sql = f"SELECT {_COLUMNS} FROM people"
    params: tuple[str, ...] = ()
    if group is not None:
        sql += " WHERE group_name = ?"
        params = (group.strip(),)
    sql += " ORDER BY group_name, name COLLATE NOCASE, id"
    return [_person(row) for row in db.conn.execute(sql, params)]


def insert_person(db: Database, person: Person) -> None:
    """Add a checked person whose id is new."""
    now = utc_timestamp()
    db.conn.execute(
        "INSERT INTO people (id, name, group_name, role, active, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (person.id, person.name, person.group, str(person.role), int(person.active), now, now),
    )


def update_person(db: Database, person: Person) -> None:
    """Store new values for an existing, checked person."""
    db.conn.execute(
        "UPDATE people SET name = ?, group_name = ?, role = ?, active = ?, updated_at = ?"
        " WHERE id = ?",
        (
            person.name,
            person.group,
            str(person.role),
            int(person.active),
            utc_timestamp(),
            person.id,
        ),
    )


def delete_person(db: Database, person_id: str) -> None:
    """Delete the person's row (consents and reference faces go with it: ON DELETE CASCADE)."""
    db.conn.execute("DELETE FROM people WHERE id = ?", (person_id,))


def set_turns_16_in(db: Database, person_id: str, month: date | None) -> None:
    """Store the month a pupil turns 16 (its first day), or forget it (None)."""
    db.conn.execute(
        "UPDATE people SET turns_16_in = ? WHERE id = ?",
        (month.strftime("%Y-%m") if month else None, person_id),
    )


def turns_16_months(db: Database) -> dict[str, date]:
    """The first day of the month each pupil turns 16, by id (only those known)."""
    return {
        person_id: date.fromisoformat(f"{month}-01")
        for person_id, month in db.conn.execute(
            "SELECT id, turns_16_in FROM people WHERE turns_16_in IS NOT NULL"
        )
    }


def changed_fields(old: Person, new: Person) -> list[str]:
    """Which fields differ, by name (for an audit line that holds no personal data)."""
    return [
        field
        for field in ("name", "group", "role", "active")
        if getattr(old, field) != getattr(new, field)
    ]


def _person(row: tuple) -> Person:
    person_id, name, group, role, active = row
    return Person(id=person_id, name=name, group=group, role=Role(role), active=bool(active))
