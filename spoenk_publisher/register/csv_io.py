"""Importing the register from, and exporting it to, a CSV file a school keeps in Excel.

Import reads UTF-8 with or without BOM, ``;`` or ``,`` (or tab) separators and Dutch or English
headers. The whole file is checked first: any problem is reported with its line and column and
nothing is imported. The import itself is one transaction. Re-importing updates people (matched on
their id, never duplicated) and adds a consent record only where the file changes the answer.

Export writes the state of today in the same format (Dutch headers, ``;``, UTF-8 with BOM, as
Excel in the Netherlands expects), so an exported file imports again without changing anything.
See ``docs/register.md`` for the format as a user reads it.
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlite_utils import Database

from spoenk_publisher import clock
from spoenk_publisher.register import consent as consent_store
from spoenk_publisher.register import people as people_store
from spoenk_publisher.register.audit import AuditAction, record_change
from spoenk_publisher.register.channels import Channel, list_channels
from spoenk_publisher.register.consent import ConsentState, RecordStatus, Source, school_year_end
from spoenk_publisher.register.db import write_transaction
from spoenk_publisher.register.errors import ImportProblem, RegisterImportError
from spoenk_publisher.register.people import Person, Role

if TYPE_CHECKING:
    import _csv

#: Header words per field, after normalising (lower case, spaces and '-' as '_').
#: The first word is the one export writes.
_FIELD_HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("leerlingnummer", "id", "personeelsnummer", "nummer", "number"),
    "name": ("naam", "name"),
    "group": ("groep", "group", "klas", "class"),
    "role": ("rol", "role"),
    "active": ("actief", "active"),
    "valid_until": ("geldig_tot", "valid_until"),
}
_REQUIRED_FIELDS = ("id", "name", "role")

#: Dutch column names of the default channels whose name is English.
_DUTCH_CHANNEL_HEADERS = {"newsletter": "nieuwsbrief"}

_ROLE_WORDS: dict[str, Role] = {
    "leerling": Role.PUPIL,
    "pupil": Role.PUPIL,
    "medewerker": Role.STAFF,
    "personeel": Role.STAFF,
    "staff": Role.STAFF,
    "overig": Role.OTHER,
    "vrijwilliger": Role.OTHER,
    "other": Role.OTHER,
    "volunteer": Role.OTHER,
}
_DUTCH_ROLE = {Role.PUPIL: "leerling", Role.STAFF: "medewerker", Role.OTHER: "overig"}

# WAAR/ONWAAR: what Dutch Excel writes for a TRUE/FALSE cell.
_YES_WORDS = frozenset({"ja", "j", "yes", "y", "1", "waar", "true"})
_NO_WORDS = frozenset({"nee", "n", "no", "0", "onwaar", "false"})

_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DUTCH_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_SCIENTIFIC = re.compile(r"^\d+([.,]\d+)?e\+?\d+$", re.IGNORECASE)

_NOT_UTF8 = "the file is not UTF-8 text; in Excel choose Save As > 'CSV UTF-8 (comma delimited)'"


@dataclass(frozen=True)
class ImportSummary:
    """What an import changed (or, for a dry run, would change)."""

    rows: int
    people_added: int
    people_updated: int
    consent_records_added: int
    dry_run: bool = False

    def __str__(self) -> str:
        verb = "would add" if self.dry_run else "added"
        return (
            f"{self.rows} rows: {verb} {self.people_added} people, updated "
            f"{self.people_updated}, {verb} {self.consent_records_added} consent records"
        )


@dataclass(frozen=True)
class _Column:
    index: int
    header: str
    field: str  # a key of _FIELD_HEADERS, or "consent"
    channel: str | None = None  # for "consent", and for a channel's own "valid_until"


@dataclass(frozen=True)
class _Row:
    line: int
    person: Person
    has_group: bool
    has_active: bool
    consents: dict[str, bool] = field(default_factory=dict)
    valid_until: dict[str, date] = field(default_factory=dict)


def import_csv(
    db: Database,
    path: Path | str,
    *,
    actor: str,
    today: date | None = None,
    dry_run: bool = False,
) -> ImportSummary:
    """Check the whole file, then import it in one transaction; raises ``RegisterImportError``.

    ``today`` is the day new consent starts; a grant without an end date lasts until the end of
    the school year. With ``dry_run`` nothing is written and the summary says what would change.
    """
    path = Path(path)
    today = today or clock.today()
    rows = read_rows(path, list_channels(db), today)
    summary = ImportSummary(len(rows), 0, 0, 0, dry_run)
    try:
        with write_transaction(db):
            summary = _apply(db, rows, actor, today, dry_run)
            record_change(db, actor, AuditAction.CSV_IMPORTED, None, f"{path.name}: {summary}")
            if dry_run:
                raise _DryRunDone
    except _DryRunDone:
        pass
    return summary


class _DryRunDone(Exception):
    """Rolls a dry run's transaction back."""


def read_rows(path: Path, channels: list[Channel], today: date) -> list[_Row]:
    """Parse and check every row; raises ``RegisterImportError`` listing all problems."""
    problems: list[ImportProblem] = []
    try:
        reader = _reader(_decode(path))
        header = next(reader)
    except StopIteration:
        raise RegisterImportError(path, [ImportProblem(1, None, "the file is empty")]) from None
    except csv.Error as error:
        problem = ImportProblem(1, None, f"not valid CSV ({error})")
        raise RegisterImportError(path, [problem]) from None
    header_line = reader.line_num
    columns = _columns(header, header_line, channels, problems)
    if problems:
        raise RegisterImportError(path, problems)

    rows: list[_Row] = []
    seen: dict[str, int] = {}
    try:
        for cells in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            row = _row(cells, line, columns, len(header), today, problems)
            if row is None:
                continue
            if row.person.id in seen:
                problems.append(
                    ImportProblem(
                        line,
                        _header_of(columns, "id"),
                        f"{row.person.id} is already on line {seen[row.person.id]}",
                    )
                )
                continue
            seen[row.person.id] = line
            rows.append(row)
    except csv.Error as error:
        problems.append(ImportProblem(reader.line_num, None, f"not valid CSV ({error})"))
    if not rows and not problems:
        problems.append(ImportProblem(header_line, None, "the file has a header but no rows"))
    if problems:
        raise RegisterImportError(path, problems)
    return rows


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = f"the file cannot be read ({error.strerror or error})"
        raise RegisterImportError(path, [ImportProblem(1, None, reason)]) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise RegisterImportError(path, [ImportProblem(line, None, _NOT_UTF8)]) from None


def _reader(text: str) -> _csv._reader:
    """A CSV reader with the file's separator; Excel's optional ``sep=;`` line is skipped."""
    lines = text.splitlines()
    first = lines[0] if lines else ""
    skip_sep_line = first.lower().startswith("sep=") and len(first.strip()) == 5
    if skip_sep_line:
        delimiter = first.strip()[4]
    else:
        counts = {sep: first.count(sep) for sep in (";", ",", "\t")}
        delimiter = max(counts, key=lambda sep: counts[sep]) if any(counts.values()) else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    if skip_sep_line:
        next(reader)
    return reader


def _normalised(header: str) -> str:
    return re.sub(r"[\s\-]+", "_", header.strip().lower())


def _columns(
    header: list[str], line: int, channels: list[Channel], problems: list[ImportProblem]
) -> list[_Column]:
    by_word: dict[str, tuple[str, str | None]] = {}
    for field_name, words in _FIELD_HEADERS.items():
        for word in words:
            by_word[word] = (field_name, None)
    for channel in channels:
        for word in _channel_words(channel):
            by_word.setdefault(word, ("consent", channel.name))
            for until in _FIELD_HEADERS["valid_until"]:
                by_word.setdefault(f"{until}_{word}", ("valid_until", channel.name))

    columns: list[_Column] = []
    seen: dict[tuple[str, str | None], str] = {}
    for index, raw in enumerate(header):
        text = raw.strip()
        if not text:
            continue  # a trailing separator in Excel's header; cells there are checked per row
        found = by_word.get(_normalised(text))
        if found is None:
            problems.append(
                ImportProblem(line, text, "unknown column; known columns: " + _known(channels))
            )
            continue
        if found in seen:
            problems.append(
                ImportProblem(line, text, f"the same column as {seen[found]!r} appears twice")
            )
            continue
        seen[found] = text
        columns.append(_Column(index, text, found[0], found[1]))
    fields = {column.field for column in columns}
    for required in _REQUIRED_FIELDS:
        if required not in fields:
            words = " or ".join(_FIELD_HEADERS[required][:2])
            problems.append(ImportProblem(line, None, f"the column {words} is missing"))
    return columns


def _channel_words(channel: Channel) -> list[str]:
    words = [channel.name, _normalised(channel.label)]
    if channel.name in _DUTCH_CHANNEL_HEADERS:
        words.append(_DUTCH_CHANNEL_HEADERS[channel.name])
    return list(dict.fromkeys(words))


def _known(channels: list[Channel]) -> str:
    words = [words[0] for words in _FIELD_HEADERS.values()]
    words += [_channel_header(channel) for channel in channels]
    return ", ".join(words)


def _channel_header(channel: Channel) -> str:
    return _DUTCH_CHANNEL_HEADERS.get(channel.name, channel.name)


def _header_of(columns: list[_Column], field_name: str) -> str | None:
    return next((c.header for c in columns if c.field == field_name and not c.channel), None)


def _row(
    cells: list[str],
    line: int,
    columns: list[_Column],
    header_width: int,
    today: date,
    problems: list[ImportProblem],
) -> _Row | None:
    before = len(problems)
    used = {column.index for column in columns}
    for index, cell in enumerate(cells):
        if index not in used and cell.strip():
            where = (
                "after the last column" if index >= header_width else "in a column without a header"
            )
            problems.append(ImportProblem(line, None, f"a value {where}: {cell.strip()!r}"))

    values: dict[str, str] = {}
    consents: dict[str, bool] = {}
    until_by_channel: dict[str, date] = {}
    row_until: date | None = None
    for column in columns:
        value = cells[column.index].strip() if column.index < len(cells) else ""
        if column.field == "consent":
            assert column.channel is not None
            if not value:
                continue  # an empty cell records nothing for that channel
            answer = _yes_no(value)
            if answer is None:
                problems.append(ImportProblem(line, column.header, _yes_no_problem(value)))
            else:
                consents[column.channel] = answer
        elif column.field == "valid_until":
            if not value:
                continue
            parsed = _parse_date(value)
            if parsed is None:
                problems.append(
                    ImportProblem(
                        line,
                        column.header,
                        f"{value!r} is not a date (write 2027-07-31 or 31-07-2027)",
                    )
                )
            elif column.channel is None:
                row_until = parsed
            else:
                until_by_channel[column.channel] = parsed
        else:
            values[column.field] = value

    person_id = values.get("id", "")
    if not person_id:
        problems.append(ImportProblem(line, _header_of(columns, "id"), "the id is empty"))
    elif _SCIENTIFIC.match(person_id):
        problems.append(
            ImportProblem(
                line,
                _header_of(columns, "id"),
                f"{person_id!r} looks like a number Excel rewrote; format the column as text",
            )
        )
    if not values.get("name"):
        problems.append(ImportProblem(line, _header_of(columns, "name"), "the name is empty"))
    role = _ROLE_WORDS.get(values.get("role", "").lower())
    if role is None:
        words = "leerling, medewerker, overig (or pupil, staff, other)"
        found = values.get("role", "")
        message = f"{found!r} is not a role; write {words}" if found else f"empty; write {words}"
        problems.append(ImportProblem(line, _header_of(columns, "role"), message))
    active = True
    if values.get("active"):
        answer = _yes_no(values["active"])
        if answer is None:
            problems.append(
                ImportProblem(
                    line, _header_of(columns, "active"), _yes_no_problem(values["active"])
                )
            )
        else:
            active = answer

    valid_until: dict[str, date] = {}
    for channel, granted in consents.items():
        until = until_by_channel.get(channel) or row_until
        if not granted or until is None:
            continue
        if until < today:
            header = next(
                (c.header for c in columns if c.field == "valid_until" and c.channel == channel),
                _header_of(columns, "valid_until"),
            )
            problem = ImportProblem(line, header, f"{until.isoformat()} is in the past")
            if problem not in problems:  # one date may end the consent of several channels
                problems.append(problem)
        valid_until[channel] = until

    if len(problems) > before or role is None:
        return None
    person = Person(
        id=person_id,
        name=values["name"],
        group=values.get("group", ""),
        role=role,
        active=active,
    ).checked()
    return _Row(
        line,
        person,
        has_group="group" in values,
        has_active=bool(values.get("active")),
        consents=consents,
        valid_until=valid_until,
    )


def _yes_no(value: str) -> bool | None:
    word = value.strip().lower()
    if word in _YES_WORDS:
        return True
    if word in _NO_WORDS:
        return False
    return None


def _yes_no_problem(value: str) -> str:
    return f"{value!r} is not ja or nee (also accepted: yes/no, 1/0)"


def _parse_date(value: str) -> date | None:
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


def _apply(db: Database, rows: list[_Row], actor: str, today: date, dry_run: bool) -> ImportSummary:
    added = updated = records = 0
    for row in rows:
        existing = people_store.find_person(db, row.person.id)
        if existing is None:
            people_store.insert_person(db, row.person)
            record_change(db, actor, AuditAction.PERSON_ADDED, row.person.id, "from CSV")
            added += 1
        else:
            person = replace(
                row.person,
                group=row.person.group if row.has_group else existing.group,
                active=row.person.active if row.has_active else existing.active,
            )
            changed = people_store.changed_fields(existing, person)
            if changed:
                people_store.update_person(db, person)
                record_change(
                    db,
                    actor,
                    AuditAction.PERSON_UPDATED,
                    person.id,
                    "changed " + ", ".join(changed) + " from CSV",
                )
                updated += 1
        for channel, granted in row.consents.items():
            status = _new_status(db, row, channel, granted, today)
            if status is None:
                continue
            record = consent_store.insert_consent(
                db,
                person_id=row.person.id,
                channel=channel,
                status=status,
                valid_from=today,
                valid_until=row.valid_until.get(channel) or school_year_end(today),
                source=Source.CSV,
                recorded_by=actor,
                note=f"CSV line {row.line}",
            )
            action = (
                AuditAction.CONSENT_WITHDRAWN
                if status is RecordStatus.WITHDRAWN
                else AuditAction.CONSENT_RECORDED
            )
            record_change(db, actor, action, row.person.id, consent_store.describe(record))
            records += 1
    return ImportSummary(len(rows), added, updated, records, dry_run)


def _new_status(
    db: Database, row: _Row, channel: str, granted: bool, today: date
) -> RecordStatus | None:
    """The record the file asks for, or None where it repeats the answer in force today."""
    current = consent_store.consent_status(db, row.person.id, channel, today)
    if granted:
        until = row.valid_until.get(channel) or school_year_end(today)
        if current.state is ConsentState.GRANTED and current.valid_until == until:
            return None
        return RecordStatus.GRANTED
    if current.state is ConsentState.GRANTED:
        return RecordStatus.WITHDRAWN
    if current.state is ConsentState.NONE:
        return RecordStatus.REFUSED
    return None  # already refused, withdrawn or expired: the answer stays no


def export_csv(db: Database, path: Path | str, *, today: date | None = None) -> int:
    """Write everyone's consent in force today; returns the number of people written.

    ``ja`` = consent in force today, ``nee`` = refused, withdrawn or expired, empty = no record.
    The file is written whole or not at all, readable by its owner only (it holds personal data).
    """
    path = Path(path)
    today = today or clock.today()
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
    header = [_FIELD_HEADERS[f][0] for f in ("id", "name", "group", "role", "active")]
    header += [_channel_header(channel) for channel in channels]
    header.append(_FIELD_HEADERS["valid_until"][0])
    by_name = {channel.name: channel for channel in channels}
    header += [f"geldig_tot_{_channel_header(by_name[name])}" for name in per_channel]

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for cells, extra in lines:
        writer.writerow(cells + [extra.get(name, "") for name in per_channel])
    _write_atomically(path, buffer.getvalue().encode("utf-8-sig"))
    return len(people)


def _most_common(untils: dict[str, date]) -> date | None:
    if not untils:
        return None
    counts = Counter(untils.values())
    return max(counts, key=lambda until: (counts[until], until))


def _write_atomically(path: Path, data: bytes) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
