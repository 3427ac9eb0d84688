"""Reading the rows of a school's list: one person per row (or per row and question), their
answers per channel, and every problem by line. ``csv_io`` plans the columns and writes what
these rows say into the register.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from spoenk_publisher.messages import Message
from spoenk_publisher.register import import_store
from spoenk_publisher.register import people as people_store
from spoenk_publisher.register.consent import AnsweredBy, school_year_end
from spoenk_publisher.register.errors import ImportProblem
from spoenk_publisher.register.import_columns import ColumnPlan, ImportPlan, answer, normalised
from spoenk_publisher.register.people import Person, Role
from spoenk_publisher.register.tabular import Table


@dataclass(frozen=True)
class Unanswered:
    """An answer that counts as no because it was left empty or said it is not known."""

    line: int
    person_id: str
    name: str
    column: str  # the column (or the question) left unanswered
    value: str  # as written: "", "onbekend", "niet ingevuld", ...



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

_PARENT_WORDS = frozenset(
    {"ouder", "ouders", "verzorger", "verzorgers", "vader", "moeder", "voogd", "parent",
     "parents", "guardian"}
)  # fmt: skip
_PUPIL_WORDS = frozenset({"leerling", "zelf", "student", "pupil", "deelnemer", "kind"})

_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DUTCH_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_SCHOOL_YEAR = re.compile(r"^(?:schooljaar\s*)?(\d{4})\s*[-/]\s*(\d{4})$", re.IGNORECASE)
_SCIENTIFIC = re.compile(r"^\d+([.,]\d+)?e\+?\d+$", re.IGNORECASE)


@dataclass(frozen=True)
class Decision:
    """What one row says about one channel."""

    line: int
    column: str
    granted: bool | None  # None: not answered, which counts as no
    valid_until: date | None
    answered_by: AnsweredBy | None


@dataclass
class Row:
    line: int
    person: Person
    has_group: bool
    has_active: bool
    has_role: bool
    turns_16_in: date | None
    decisions: dict[str, Decision] = field(default_factory=dict)




class RowReader:
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

    def read(self) -> tuple[list[Row], list[Unanswered]]:
        rows: dict[str, Row] = {}
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

    def _person(self, line: int, cells: list[str]) -> Row | None:
        before = len(self.problems)
        name = self.cell(cells, "name")
        if "name" not in self.columns:
            parts = [self.cell(cells, part) for part in ("first_name", "prefix", "last_name")]
            name = " ".join(part for part in parts if part)
        if not name:
            self.problem(line, self._name_column(), "csv_import.name_empty")

        birth = None
        if self.cell(cells, "birth_date"):
            birth = parse_date(self.cell(cells, "birth_date"))
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
        return Row(
            line,
            person,
            has_group="group" in self.columns,
            has_active=bool(self.cell(cells, "active")),
            has_role=bool(role_text),
            turns_16_in=people_store.turns_16_in(birth) if birth else None,
        )

    def _decisions(
        self, line: int, cells: list[str], row: Row
    ) -> tuple[dict[str, Decision], list[tuple[str, str]]]:
        """Per channel what this row says; and the answers that count as no for being empty."""
        row_until = self._until(line, cells, self.columns.get("valid_until"))
        answered_by = self._answered_by(line, cells)
        decisions: dict[str, Decision] = {}
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
                decisions[channel] = Decision(line, column.label, found, until, answered_by)
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
        parsed = parse_date(value)
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
        self, rows: list[Row], seen: dict[str, dict[str, tuple[int, object]]]
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
                            channel, Decision(row.line, question.label, None, None, None)
                        )
        return found


def parse_date(value: str) -> date | None:
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


