"""Importing the register from a school's own list (CSV or .xlsx), and exporting it to CSV.

Import takes the consent export of ParnasSys/Parro, Magister, SOMtoday or Social Schools as it
is (``tabular`` reads the file, ``import_columns`` decides what each column means), as well as
the register's own format. The whole file is checked first: every problem is reported with its
line and column, and nothing is imported while there is one. The import itself is one
transaction. Re-importing updates people (matched on their number, or on the stable id made from
name and date of birth when the file has no number; never duplicated) and adds a consent record
only where the file changes the answer. An answer left empty, ``onbekend`` or ``niet ingevuld``
counts as no (the Dutch data-protection authority: silence is not consent).

A dry run does everything in a transaction that is rolled back, so its ``ImportSummary`` (people
added and changed, consent records per channel, answers counted as no) is the import's own.

Export writes the state of today in the register's format (Dutch headers, ``;``, UTF-8 with BOM,
as Excel in the Netherlands expects), with every cell that Excel would run as a formula written
with a leading ``'``; an exported file imports again without changing anything.
See ``docs/register.md`` for the formats as a user reads them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlite_utils import Database

from spoenk_publisher import clock
from spoenk_publisher.messages import Message
from spoenk_publisher.register import consent as consent_store
from spoenk_publisher.register import import_store
from spoenk_publisher.register import people as people_store
from spoenk_publisher.register.audit import AuditAction, record_change
from spoenk_publisher.register.channels import Channel, list_channels
from spoenk_publisher.register.consent import (
    AnsweredBy,
    ConsentState,
    ConsentStatus,
    RecordStatus,
    Source,
)
from spoenk_publisher.register.db import write_transaction
from spoenk_publisher.register.errors import ImportProblem, RegisterImportError
from spoenk_publisher.register.import_columns import (
    FIELD_WORDS,
    ImportPlan,
    header_score,
    layout_key,
    normalised,
    plan_columns,
)
from spoenk_publisher.register.import_rows import Decision, Row, RowReader, Unanswered
from spoenk_publisher.register.people import Role
from spoenk_publisher.register.tabular import Table, read_table

#: Dutch column names of the default channels whose name is English (export).
DUTCH_CHANNEL_HEADERS = {"newsletter": "nieuwsbrief"}
DUTCH_ROLE = {Role.PUPIL: "leerling", Role.STAFF: "medewerker", Role.OTHER: "overig"}



# -- what an import changes ------------------------------------------------------------------


@dataclass(frozen=True)
class ConsentChange:
    """One consent record the import adds (or, in a dry run, would add)."""

    channel: str
    before: ConsentStatus  # the consent in force before the import
    status: RecordStatus
    valid_until: date | None  # the last day of a grant; None for "no"
    unanswered: bool = False  # "no" because the question was not answered
    answered_by: AnsweredBy | None = None

    @property
    def granted(self) -> bool:
        return self.status is RecordStatus.GRANTED

    @property
    def withdraws(self) -> bool:
        """True when the record ends a consent in force (a withdrawal, not a first refusal)."""
        return self.status is RecordStatus.WITHDRAWN


@dataclass(frozen=True)
class PersonChange:
    """One person in the file and what the import does to them."""

    line: int
    person_id: str
    name: str
    group: str
    is_new: bool
    changed_fields: tuple[str, ...]  # "name", "group", "role", "active", "turns_16"
    consent_changes: tuple[ConsentChange, ...]

    @property
    def changes_anything(self) -> bool:
        return self.is_new or bool(self.changed_fields) or bool(self.consent_changes)


@dataclass(frozen=True)
class ImportSummary:
    """What an import changed (or, for a dry run, would change), and how it read the file."""

    rows: int
    people_added: int
    people_updated: int
    consent_records_added: int
    dry_run: bool = False
    plan: ImportPlan | None = None
    people: tuple[PersonChange, ...] = ()
    unanswered: tuple[Unanswered, ...] = ()
    #: whether the choices made for this layout were stored (a real import with new choices)
    remembered: bool = False

    @property
    def records_per_channel(self) -> dict[str, int]:
        counts: Counter[str] = Counter(
            change.channel for person in self.people for change in person.consent_changes
        )
        return dict(counts)

    def __str__(self) -> str:
        verb = "would add" if self.dry_run else "added"
        text = (
            f"{self.rows} rows: {verb} {self.people_added} people, updated "
            f"{self.people_updated}, {verb} {self.consent_records_added} consent records"
        )
        if self.unanswered:
            text += f", {len(self.unanswered)} answers empty or unknown (counted as no)"
        return text


# -- reading ---------------------------------------------------------------------------------


def import_csv(
    db: Database,
    path: Path | str,
    *,
    actor: str,
    today: date | None = None,
    dry_run: bool = False,
    choices: Mapping[str, str] | None = None,
) -> ImportSummary:
    """Check the whole file, then import it in one transaction; raises ``RegisterImportError``
    (with the plan, when the columns were read) listing every problem.

    ``today`` is the day new consent starts; a grant without an end date lasts until the end of
    the school year. ``choices`` maps a column (its label in the file, or a question of a list
    with one row per question) to what it is (``"website"``, ``"negeren"``, ...), as
    ``--map`` gives them; they are remembered for files of the same layout by a real import.
    With ``dry_run`` nothing is written and the summary says what would change.
    """
    path = Path(path)
    today = today or clock.today()
    plan, rows, unanswered = read_rows(db, path, today, choices or {})
    summary = ImportSummary(len(rows), 0, 0, 0, dry_run, plan)
    try:
        with write_transaction(db):
            summary = _apply(db, rows, actor, today, dry_run, plan, unanswered)
            remembered = False
            if (plan.choices or plan.forgotten) and not dry_run:
                header = [c.label for c in plan.columns]
                # Kept: choices for questions this file happens not to ask (a long list).
                earlier = import_store.remembered_choices(db, plan.layout_key)
                choices = {
                    **{k: v for k, v in earlier.items() if k not in plan.forgotten},
                    **plan.choices,
                }
                remembered = import_store.remember_choices(
                    db, plan.layout_key, header, choices, actor
                )
            summary = replace(summary, remembered=remembered)
            detail = f"{path.name}: {summary}" + (
                f"; column choices remembered for layout {plan.layout_key}" if remembered else ""
            )
            record_change(db, actor, AuditAction.CSV_IMPORTED, None, detail)
            if dry_run:
                raise _DryRunDone
    except _DryRunDone:
        pass
    return summary


class _DryRunDone(Exception):
    """Rolls a dry run's transaction back."""


def read_rows(
    db: Database, path: Path, today: date, choices: Mapping[str, str]
) -> tuple[ImportPlan, list[Row], list[Unanswered]]:
    """Read the file, decide its columns and check every row; raises ``RegisterImportError``
    listing all problems (with the plan, when there is one)."""
    channels = list_channels(db)
    table = read_table(path, lambda cells: header_score(cells, channels))
    remembered = import_store.remembered_choices(db, layout_key(table.header))
    plan, problems = _plan(path, table, channels, choices, remembered)
    problems += plan.problems() + _missing_columns(plan)
    rows: list[Row] = []
    unanswered: list[Unanswered] = []
    if not problems:
        key = import_store.person_id_key(db)
        reader = RowReader(plan, table, today, key)
        rows, unanswered = reader.read()
        problems += reader.problems
        if not rows and not problems:
            problems.append(ImportProblem(table.header_line, None, Message("csv_import.no_rows")))
    if problems:
        problems.sort(key=lambda problem: problem.line)  # stable: same line keeps its order
        raise RegisterImportError(path, problems, plan)
    return plan, rows, unanswered


def _plan(
    path: Path,
    table: Table,
    channels: list[Channel],
    choices: Mapping[str, str],
    remembered: Mapping[str, str],
) -> tuple[ImportPlan, list[ImportProblem]]:
    info = {
        "kind": table.kind,
        "encoding": table.encoding,
        "delimiter": table.delimiter,
        "sheet": table.sheet,
        "header_line": table.header_line,
    }
    width = len(table.header)
    values = [
        [cells[i] if i < len(cells) else "" for _line, cells in table.rows] for i in range(width)
    ]
    plan, problems = plan_columns(
        path.name, info, table.header, values, channels, choices, remembered=remembered
    )
    question, answer_column = plan.field_column("question"), plan.field_column("answer")
    if question is None or answer_column is None or question.index is None:
        return plan, problems
    # One row per pupil and question: the questions are the "columns" to decide.
    by_question: dict[str, tuple[str, list[str]]] = {}
    assert answer_column.index is not None
    for _line, cells in table.rows:
        label = cells[question.index] if question.index < len(cells) else ""
        if not label:
            continue
        value = cells[answer_column.index] if answer_column.index < len(cells) else ""
        by_question.setdefault(normalised(label), (label, []))[1].append(value)
    return plan_columns(
        path.name,
        info,
        table.header,
        values,
        channels,
        choices,
        remembered=remembered,
        questions=list(by_question.values()),
    )


def _missing_columns(plan: ImportPlan) -> list[ImportProblem]:
    fields = {c.target.field for c in plan.used if c.target.kind == "field"}
    problems = []
    line = plan.header_line
    if "name" not in fields and "last_name" not in fields:
        problems.append(ImportProblem(line, None, Message("csv_import.no_name_column")))
    elif "name" not in fields and "first_name" not in fields:
        problems.append(ImportProblem(line, None, Message("csv_import.no_first_name_column")))
    if "id" not in fields and "birth_date" not in fields:
        problems.append(ImportProblem(line, None, Message("csv_import.no_id_column")))
    if ("question" in fields) != ("answer" in fields):
        missing = "answer" if "question" in fields else "question"
        problems.append(
            ImportProblem(
                line,
                None,
                Message("csv_import.no_question_column", missing=FIELD_WORDS[missing][0]),
            )
        )
    return problems


# -- writing ---------------------------------------------------------------------------------


def _apply(
    db: Database,
    rows: list[Row],
    actor: str,
    today: date,
    dry_run: bool,
    plan: ImportPlan,
    unanswered: list[Unanswered],
) -> ImportSummary:
    added = updated = records = 0
    people: list[PersonChange] = []
    months = people_store.turns_16_months(db)
    for row in rows:
        existing = people_store.find_person(db, row.person.id)
        fields: list[str] = []
        if existing is None:
            people_store.insert_person(db, row.person)
            record_change(db, actor, AuditAction.PERSON_ADDED, row.person.id, "from CSV")
            added += 1
            person = row.person
        else:
            person = replace(
                row.person,
                group=row.person.group if row.has_group else existing.group,
                active=row.person.active if row.has_active else existing.active,
                role=row.person.role if row.has_role else existing.role,
            )
            fields = people_store.changed_fields(existing, person)
            if fields:
                people_store.update_person(db, person)
        if row.turns_16_in is not None and months.get(person.id) != row.turns_16_in:
            people_store.set_turns_16_in(db, person.id, row.turns_16_in)
            if existing is not None:
                fields.append("turns_16")
        if existing is not None and fields:
            record_change(
                db,
                actor,
                AuditAction.PERSON_UPDATED,
                person.id,
                "changed " + ", ".join(fields) + " from CSV",
            )
            updated += 1
        changes = []
        for channel, decision in row.decisions.items():
            before = consent_store.consent_status(db, person.id, channel, today)
            status = _new_status(before, decision)
            if status is None:
                continue
            note = f"CSV line {decision.line}" + (
                ": not answered" if decision.granted is None else ""
            )
            record = consent_store.insert_consent(
                db,
                person_id=person.id,
                channel=channel,
                status=status,
                valid_from=today,
                valid_until=decision.valid_until,
                source=Source.CSV,
                recorded_by=actor,
                note=note,
                answered_by=decision.answered_by,
            )
            action = (
                AuditAction.CONSENT_WITHDRAWN
                if status is RecordStatus.WITHDRAWN
                else AuditAction.CONSENT_RECORDED
            )
            record_change(db, actor, action, person.id, consent_store.describe(record))
            records += 1
            changes.append(
                ConsentChange(
                    channel,
                    before,
                    status,
                    record.valid_until,
                    unanswered=decision.granted is None,
                    answered_by=decision.answered_by,
                )
            )
        people.append(
            PersonChange(
                line=row.line,
                person_id=person.id,
                name=person.name,
                group=person.group,
                is_new=existing is None,
                changed_fields=tuple(fields),
                consent_changes=tuple(changes),
            )
        )
    return ImportSummary(
        len(rows), added, updated, records, dry_run, plan, tuple(people), tuple(unanswered)
    )


def _new_status(before: ConsentStatus, decision: Decision) -> RecordStatus | None:
    """The record the file asks for, or None where it repeats the answer in force today."""
    if decision.granted:
        same = (
            before.state is ConsentState.GRANTED
            and before.valid_until == decision.valid_until
            and (decision.answered_by is None or decision.answered_by == before.answered_by)
        )
        return None if same else RecordStatus.GRANTED
    if before.state is ConsentState.GRANTED:
        return RecordStatus.WITHDRAWN
    if before.state is ConsentState.NONE and decision.granted is False:
        return RecordStatus.REFUSED
    # Already no (refused, withdrawn, expired); or not answered where nothing was known, which
    # records nothing: the answer is no either way, and no one refused.
    return None
