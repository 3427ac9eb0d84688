"""What importing a file would change, for the import dialog's preview. No Qt.

Everything here comes from the register's own dry run (``Register.import_csv(dry_run=True)``),
which reads the file exactly as the import will, applies the import's rule in a transaction that
is rolled back and returns an ``ImportSummary`` with the plan (which column went where), the
people added and changed, every consent record and the answers counted as no. The dialog shows
that summary; it never works the rule out again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spoenk_publisher.register import ImportSummary, Register


@dataclass(frozen=True)
class ImportPreview:
    """A dry run of one file with the column choices it was made with."""

    path: Path
    summary: ImportSummary
    choices: Mapping[str, str]


def preview_import(
    register: Register, path: Path, today: date, choices: Mapping[str, str] | None = None
) -> ImportPreview:
    """Check ``path`` and say what importing it on ``today`` with ``choices`` would change.

    Raises ``RegisterImportError`` (every problem by line, and the plan when the columns could be
    read) for a file that cannot be imported as it is.
    """
    choices = dict(choices or {})
    summary = register.import_csv(path, today=today, dry_run=True, choices=choices)
    return ImportPreview(Path(path), summary, choices)
