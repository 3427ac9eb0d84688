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

from spoenk_publisher.register import ImportSummary, Register, RegisterImportError


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

    Raises ``RegisterImportError`` (every problem by line, those of the rows too while a column
    is still unclear, and the plan when the columns could be read) for a file that cannot be
    imported as it is.
    """
    choices = dict(choices or {})
    try:
        summary = register.import_csv(path, today=today, dry_run=True, choices=choices)
    except RegisterImportError as error:
        raise _with_row_problems(register, path, today, choices, error) from None
    return ImportPreview(Path(path), summary, choices)


def _with_row_problems(
    register: Register,
    path: Path,
    today: date,
    choices: dict[str, str],
    error: RegisterImportError,
) -> RegisterImportError:
    """All problems in one round (issue 13.11): while a column is unclear the import stops at
    the header, so the rows' own problems (a bad answer, a date) would show only after the user
    chose; a second dry run with the unclear columns left out finds them now. The user still has
    to choose: the unclear columns stay problems."""
    plan = error.plan
    if plan is None or not plan.ambiguous:
        return error
    ignored = dict(choices)
    ignored.update({column.label: "negeren" for column in plan.ambiguous})
    try:
        register.import_csv(path, today=today, dry_run=True, choices=ignored)
    except RegisterImportError as second:
        header = {(p.line, p.column) for p in error.problems}
        rows = [p for p in second.problems if (p.line, p.column) not in header]
        if rows:
            return RegisterImportError(error.path, [*error.problems, *rows], plan)
    return error
