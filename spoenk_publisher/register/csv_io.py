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

import csv
import io
import os
import re
import tempfile
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from sqlite_utils import Database

from spoenk_publisher import clock
from spoenk_publisher.messages import CodedError, Message
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
    school_year_end,
)
from spoenk_publisher.register.db import write_transaction
from spoenk_publisher.register.errors import ImportProblem, RegisterError, RegisterImportError
from spoenk_publisher.register.import_columns import (
    FIELD_WORDS,
    ColumnPlan,
    ImportPlan,
    answer,
    header_score,
    layout_key,
    normalised,
    plan_columns,
)
from spoenk_publisher.register.people import Person, Role
from spoenk_publisher.register.tabular import Table, escape_formula, read_table

#: Dutch column names of the default channels whose name is English (export).
_DUTCH_CHANNEL_HEADERS = {"newsletter": "nieuwsbrief"}

_ROLE_WORDS: dict[str, Role] = {
    "leerling": Role.PUPIL,
    "pupil": Role.PUPIL,
    "student": Role.PUPIL,
    "medewerker": Role.STAFF,
    "personeel": Role.STAFF,
    "staff": Role.STAFF,
    "overig": Role.OTHER,
    "vrijwilliger": Role.OTHER,
    "other": Role.OTHER,
    "volunteer": Role.OTHER,
}
_DUTCH_ROLE = {Role.PUPIL: "leerling", Role.STAFF: "medewerker", Role.OTHER: "overig"}

_PARENT_WORDS = frozenset(
    {"ouder", "ouders", "verzorger", "verzorgers", "vader", "moeder", "voogd", "parent",
     "parents", "guardian"}
)  # fmt: skip
_PUPIL_WORDS = frozenset({"leerling", "zelf", "student", "pupil", "deelnemer", "kind"})

_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DUTCH_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_SCHOOL_YEAR = re.compile(r"^(?:schooljaar\s*)?(\d{4})\s*[-/]\s*(\d{4})$", re.IGNORECASE)
_SCIENTIFIC = re.compile(r"^\d+([.,]\d+)?e\+?\d+$", re.IGNORECASE)


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
class Unanswered:
    """An answer that counts as no because it was left empty or said it is not known."""

    line: int
    person_id: str
    name: str
    column: str  # the column (or the question) left unanswered
    value: str  # as written: "", "onbekend", "niet ingevuld", ...


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


class ExportFileExists(RegisterError, CodedError):
    """Exporting onto a file that exists, without being told to replace it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        CodedError.__init__(self, Message("csv_export.exists", file=path))


# -- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Decision:
    """What one row says about one channel."""

    line: int
    column: str
    granted: bool | None  # None: not answered, which counts as no
    valid_until: date | None
    answered_by: AnsweredBy | None


@dataclass
class _Row:
    line: int
    person: Person
    has_group: bool
    has_active: bool
    has_role: bool
    turns_16_in: date | None
    decisions: dict[str, _Decision] = field(default_factory=dict)


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
) -> tuple[ImportPlan, list[_Row], list[Unanswered]]:
    """Read the file, decide its columns and check every row; raises ``RegisterImportError``
    listing all problems (with the plan, when there is one)."""
    channels = list_channels(db)
    table = read_table(path, lambda cells: header_score(cells, channels))
    remembered = import_store.remembered_choices(db, layout_key(table.header))
    plan, problems = _plan(path, table, channels, choices, remembered)
    problems += plan.problems() + _missing_columns(plan)
    rows: list[_Row] = []
    unanswered: list[Unanswered] = []
    if not problems:
        key = import_store.person_id_key(db)
        reader = _RowReader(plan, table, today, key)
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


class _RowReader:
    """Checks every row against the plan; collects problems instead of stopping at the first."""

    def __init__(self, plan: ImportPlan, table: Table, today: date, key: bytes) -> None:
        self.plan = plan
        self.table = table
        self.today = today
        self.key = key
        self.problems: list[ImportProblem] = []
        self.columns = {
            c.target.field: c for c in plan.used if c.target.kind == "field" and c.index is not None
        }
        self.until_columns = {
            c.target.channels[0]: c for c in plan.used if c.target.kind == "until"
        }
        self.consent_columns = [c for c in plan.columns if c.channels and c.index is not None]
        self.questions = {c.key: c for c in plan.questions}

    def problem(self, line: int, column: ColumnPlan | str | None, code: str, **params) -> None:
        label = column.label if isinstance(column, ColumnPlan) else column
        problem = ImportProblem(line, label, Message(code, **params))
        if problem not in self.problems:  # one date may end several channels' consent
            self.problems.append(problem)

    def cell(self, cells: list[str], name: str) -> str:
        column = self.columns.get(name)
        if column is None or column.index is None or column.index >= len(cells):
            return ""
        return cells[column.index]

    def read(self) -> tuple[list[_Row], list[Unanswered]]:
        rows: dict[str, _Row] = {}
        unanswered: list[Unanswered] = []
        #: a long list: per person, each question's first line and answer
        questions_seen: dict[str, dict[str, tuple[int, object]]] = {}
        used = {c.index for c in self.plan.columns if c.index is not None}
        width = len(self.table.header)
        for line, cells in self.table.rows:
            if not any(cell.strip() for cell in cells):
                continue
            before = len(self.problems)
            for index, cell in enumerate(cells):
                if index not in used and cell.strip():
                    where = "after_last" if index >= width else "no_header"
                    self.problem(line, None, f"csv_import.value_{where}", value=cell)
            row = self._person(line, cells)
            if row is None:
                continue
            existing = rows.get(row.person.id)
            if existing is not None and not self.plan.long:
                self.problem(
                    line, self._id_column(), "csv_import.id_twice",
                    id=row.person.id, first=existing.line,
                )  # fmt: skip
                continue
            if existing is not None:
                if normalised(existing.person.name) != normalised(row.person.name):
                    self.problem(
                        line, self._name_column(), "csv_import.name_differs",
                        name=row.person.name, other=existing.person.name, first=existing.line,
                    )  # fmt: skip
                    continue
                if existing.turns_16_in is None:
                    existing.turns_16_in = row.turns_16_in
                row = existing
            decisions, empty = self._decisions(line, cells, row)
            if len(self.problems) > before:
                continue
            if self.plan.long:
                question = self.cell(cells, "question")
                seen = questions_seen.setdefault(row.person.id, {})
                found = answer(self.cell(cells, "answer"))
                if normalised(question) in seen:
                    first, earlier = seen[normalised(question)]
                    if earlier != found:
                        self.problem(line, question, "csv_import.answer_twice", first=first)
                    continue  # the same answer twice: nothing new
                seen[normalised(question)] = (line, found)
            row.decisions.update(decisions)
            unanswered += [
                Unanswered(line, row.person.id, row.person.name, column, value)
                for column, value in empty
            ]
            rows.setdefault(row.person.id, row)
        if self.plan.long:
            unanswered += self._questions_left_out(list(rows.values()), questions_seen)
        return list(rows.values()), unanswered

    def _id_column(self) -> str | None:
        column = self.columns.get("id")
        return column.label if column else None

    def _name_column(self) -> str | None:
        column = self.columns.get("name") or self.columns.get("last_name")
        return column.label if column else None

    def _person(self, line: int, cells: list[str]) -> _Row | None:
        before = len(self.problems)
        name = self.cell(cells, "name")
        if "name" not in self.columns:
            parts = [self.cell(cells, part) for part in ("first_name", "prefix", "last_name")]
            name = " ".join(part for part in parts if part)
        if not name:
            self.problem(line, self._name_column(), "csv_import.name_empty")

        birth = None
        if self.cell(cells, "birth_date"):
            birth = _parse_date(self.cell(cells, "birth_date"))
            if birth is None or birth > self.today or birth.year < self.today.year - 120:
                self.problem(
                    line, self.columns["birth_date"], "csv_import.not_birth_date",
                    value=self.cell(cells, "birth_date"),
                )  # fmt: skip
        person_id = self.cell(cells, "id")
        if "id" in self.columns:
            if not person_id:
                self.problem(line, self.columns["id"], "csv_import.id_empty")
            elif _SCIENTIFIC.match(person_id):
                self.problem(line, self.columns["id"], "csv_import.id_scientific", value=person_id)
        elif name and birth is not None:
            person_id = import_store.stable_person_id(self.key, name, birth)
        elif name and "birth_date" in self.columns and not self.cell(cells, "birth_date"):
            self.problem(line, self.columns["birth_date"], "csv_import.birth_date_missing")

        role_text = self.cell(cells, "role")
        role = _ROLE_WORDS.get(normalised(role_text)) if role_text else Role.PUPIL
        if role is None:
            self.problem(line, self.columns["role"], "csv_import.not_role", value=role_text)
        active = True
        if self.cell(cells, "active"):
            found = answer(self.cell(cells, "active"))
            if not isinstance(found, bool):
                self.problem(
                    line, self.columns["active"], "csv_import.not_yes_no",
                    value=self.cell(cells, "active"),
                )  # fmt: skip
            else:
                active = found
        if len(self.problems) > before or role is None:
            return None
        person = Person(
            id=person_id, name=name, group=self.cell(cells, "group"), role=role, active=active
        ).checked()
        return _Row(
            line,
            person,
            has_group="group" in self.columns,
            has_active=bool(self.cell(cells, "active")),
            has_role=bool(role_text),
            turns_16_in=people_store.turns_16_in(birth) if birth else None,
        )

    def _decisions(
        self, line: int, cells: list[str], row: _Row
    ) -> tuple[dict[str, _Decision], list[tuple[str, str]]]:
        """Per channel what this row says; and the answers that count as no for being empty."""
        row_until = self._until(line, cells, self.columns.get("valid_until"))
        answered_by = self._answered_by(line, cells)
        decisions: dict[str, _Decision] = {}
        empty: list[tuple[str, str]] = []
        sources: list[tuple[ColumnPlan, str]] = []
        for column in self.consent_columns:
            assert column.index is not None
            sources.append((column, cells[column.index] if column.index < len(cells) else ""))
        if self.plan.long:
            question = self.cell(cells, "question")
            source = self.questions.get(normalised(question))
            if source is not None and source.channels:
                sources.append((source, self.cell(cells, "answer")))
        for column, value in sources:
            found = answer(value)
            if isinstance(found, str):
                self.problem(line, column, "csv_import.not_answer", value=value)
                continue
            if found is None:
                empty.append((column.label, value))
            for channel in column.channels:
                until = None
                if found:
                    until = self._until(line, cells, self.until_columns.get(channel)) or row_until
                    until = until or school_year_end(self.today)
                    if until < self.today:
                        where = self.until_columns.get(channel) or self.columns.get("valid_until")
                        self.problem(line, where, "csv_import.date_past", date=until)
                decisions[channel] = _Decision(line, column.label, found, until, answered_by)
        return decisions, empty

    def _until(self, line: int, cells: list[str], column: ColumnPlan | None) -> date | None:
        if column is None or column.index is None or column.index >= len(cells):
            return None
        value = cells[column.index]
        if not value:
            return None
        if match := _SCHOOL_YEAR.match(value):
            first, second = int(match.group(1)), int(match.group(2))
            if second == first + 1:
                return date(second, 7, 31)  # a school year ends on 31 July of its second year
        parsed = _parse_date(value)
        if parsed is None:
            self.problem(line, column, "csv_import.not_date", value=value)
        return parsed

    def _answered_by(self, line: int, cells: list[str]) -> AnsweredBy | None:
        value = self.cell(cells, "answered_by")
        if not value:
            return None
        words = set(normalised(value).split())
        parent, pupil = bool(words & _PARENT_WORDS), bool(words & _PUPIL_WORDS)
        if parent != pupil:
            return AnsweredBy.PARENT if parent else AnsweredBy.PUPIL
        self.problem(line, self.columns["answered_by"], "csv_import.not_answered_by", value=value)
        return None

    def _questions_left_out(
        self, rows: list[_Row], seen: dict[str, dict[str, tuple[int, object]]]
    ) -> list[Unanswered]:
        """In a list with one row per question, a question a pupil has no row for was not
        answered: no for its channels, and counted."""
        found = []
        for row in rows:
            for question in self.plan.questions:
                if question.channels and question.key not in seen.get(row.person.id, {}):
                    found.append(
                        Unanswered(row.line, row.person.id, row.person.name, question.label, "")
                    )
                    for channel in question.channels:
                        row.decisions.setdefault(
                            channel, _Decision(row.line, question.label, None, None, None)
                        )
        return found


def _parse_date(value: str) -> date | None:
    value = value.strip().split(" ")[0]  # a workbook's date may carry a time: 2026-03-01 00:00
    if match := _ISO_DATE.match(value):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DUTCH_DATE.match(value):
        day, month, year = (int(part) for part in match.groups())
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


# -- writing ---------------------------------------------------------------------------------


def _apply(
    db: Database,
    rows: list[_Row],
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


def _new_status(before: ConsentStatus, decision: _Decision) -> RecordStatus | None:
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


# -- export ----------------------------------------------------------------------------------


def export_csv(
    db: Database, path: Path | str, *, today: date | None = None, overwrite: bool = False
) -> int:
    """Write everyone's consent in force today; returns the number of people written.

    ``ja`` = consent in force today, ``nee`` = refused, withdrawn or expired, empty = no record.
    A cell that Excel would run as a formula (see ``tabular.FORMULA_STARTS``) gets a leading
    ``'``, which import takes off again. The file is written whole or not at all, readable by its
    owner only (it holds personal data); an existing file is replaced only with ``overwrite``
    (else ``ExportFileExists``).
    """
    path = Path(path)
    today = today or clock.today()
    if path.exists() and not overwrite:
        raise ExportFileExists(path)
    channels = list_channels(db)
    people = people_store.list_people(db)
    statuses = {
        channel.name: consent_store.channel_statuses(db, channel.name, today)
        for channel in channels
    }

    lines: list[tuple[list[str], dict[str, str]]] = []
    for person in people:
        cells = [
            person.id,
            person.name,
            person.group,
            _DUTCH_ROLE[person.role],
            "ja" if person.active else "nee",
        ]
        untils: dict[str, date] = {}
        for channel in channels:
            status = statuses[channel.name][person.id]
            if status.state is ConsentState.GRANTED:
                cells.append("ja")
                assert status.valid_until is not None
                untils[channel.name] = status.valid_until
            elif status.state is ConsentState.NONE:
                cells.append("")
            else:
                cells.append("nee")
        common = _most_common(untils)
        cells.append(common.isoformat() if common else "")
        lines.append((cells, {c: d.isoformat() for c, d in untils.items() if d != common}))

    per_channel = sorted(
        {channel for _, extra in lines for channel in extra},
        key=[c.name for c in channels].index,
    )
    header = [FIELD_WORDS[f][0] for f in ("id", "name", "group", "role", "active")]
    header += [_channel_header(channel) for channel in channels]
    header.append("geldig_tot")
    by_name = {channel.name: channel for channel in channels}
    header += [f"geldig_tot_{_channel_header(by_name[name])}" for name in per_channel]

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for cells, extra in lines:
        row = cells + [extra.get(name, "") for name in per_channel]
        writer.writerow([escape_formula(cell) for cell in row])
    _write_atomically(path, buffer.getvalue().encode("utf-8-sig"), overwrite=overwrite)
    return len(people)


def _channel_header(channel: Channel) -> str:
    return _DUTCH_CHANNEL_HEADERS.get(channel.name, channel.name)


def _most_common(untils: dict[str, date]) -> date | None:
    if not untils:
        return None
    counts = Counter(untils.values())
    return max(counts, key=lambda until: (counts[until], until))


def _write_atomically(path: Path, data: bytes, *, overwrite: bool) -> None:
    """Write a temporary file in the same folder, then put it in place in one step.

    Without ``overwrite`` the last step is a hard link, which fails if the file appeared in the
    meantime; where the file system has no hard links (FAT on a USB stick) the check made before
    writing has to do.
    """
    folder = path.parent if str(path.parent) else Path(".")
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            os.replace(temporary, path)
            return
        try:
            os.link(temporary, path)
        except FileExistsError:
            raise ExportFileExists(path) from None
        except OSError:
            if path.exists():
                raise ExportFileExists(path) from None
            os.replace(temporary, path)
            return
        Path(temporary).unlink(missing_ok=True)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
