"""What importing a CSV file would change, row by row, for the import dialog's preview. No Qt.

The counts come from the register's own dry run (``Register.import_csv(dry_run=True)``), which
also checks the file. The row-by-row detail compares each row with the register as it stands,
following the documented rule (docs/register.md: a record is added "only where the file changes
the answer"). It belongs in ``register.csv_io`` (a list of changes on ``ImportSummary``); until
then it lives here, next to the one screen that needs it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from spoenk_publisher.register import (
    ConsentState,
    ConsentStatus,
    ImportSummary,
    Register,
    school_year_end,
)
from spoenk_publisher.register.csv_io import read_rows
from spoenk_publisher.register.people import changed_fields


@dataclass(frozen=True)
class ConsentChange:
    """One channel whose answer the row changes."""

    channel: str
    before: ConsentStatus
    granted: bool
    valid_until: date | None  # the last day of a grant; None for "no"

    @property
    def withdraws(self) -> bool:
        """True when the row ends a consent in force (a withdrawal, not a first refusal)."""
        return not self.granted and self.before.state is ConsentState.GRANTED


@dataclass(frozen=True)
class RowPreview:
    """One row of the file and what importing it would do."""

    line: int
    person_id: str
    name: str
    group: str
    is_new: bool
    changed_fields: tuple[str, ...]  # "name", "group", "role", "active" of an existing person
    consent_changes: tuple[ConsentChange, ...]

    @property
    def changes_anything(self) -> bool:
        return self.is_new or bool(self.changed_fields) or bool(self.consent_changes)


@dataclass(frozen=True)
class ImportPreview:
    path: Path
    summary: ImportSummary
    rows: tuple[RowPreview, ...]


def preview_import(register: Register, path: Path, today: date) -> ImportPreview:
    """Check ``path`` and say what importing it on ``today`` would change.

    Raises ``RegisterImportError`` (with every problem by line) for a file that cannot be imported.
    """
    summary = register.import_csv(path, today=today, dry_run=True)
    previews = []
    for row in read_rows(Path(path), register.channels(), today):
        existing = register.find_person(row.person.id)
        fields: tuple[str, ...] = ()
        if existing is not None:
            new = replace(
                row.person,
                group=row.person.group if row.has_group else existing.group,
                active=row.person.active if row.has_active else existing.active,
            )
            fields = tuple(changed_fields(existing, new))
        changes = []
        for channel, granted in row.consents.items():
            before = register.consent_status(row.person.id, channel, today)
            until = (row.valid_until.get(channel) or school_year_end(today)) if granted else None
            if granted:
                same = before.state is ConsentState.GRANTED and before.valid_until == until
            else:
                # "nee" changes the answer only where it was yes, or where nothing was known
                same = before.state not in (ConsentState.GRANTED, ConsentState.NONE)
            if not same:
                changes.append(ConsentChange(channel, before, granted, until))
        previews.append(
            RowPreview(
                line=row.line,
                person_id=row.person.id,
                name=row.person.name,
                group=row.person.group if existing is None or row.has_group else existing.group,
                is_new=existing is None,
                changed_fields=fields,
                consent_changes=tuple(changes),
            )
        )
    return ImportPreview(Path(path), summary, tuple(previews))
