"""Consent records and the one rule that says whether a person may appear unblurred.

The rule, for person P, channel C and date D: take the latest record (by ``recorded_at``, then
``id``) for P and C whose ``valid_from`` is on or before D. P may appear only when that record
grants consent and D is on or before its ``valid_until``. No record, a refusal, a withdrawal or an
expired grant all mean no: the register never says yes when it does not know.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlite_utils import Database

from spoenk_publisher.messages import Message
from spoenk_publisher.register.db import utc_timestamp
from spoenk_publisher.register.errors import InvalidRecord


class RecordStatus(StrEnum):
    """What one consent record says."""

    GRANTED = "granted"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"


class ConsentState(StrEnum):
    """The answer for one person, channel and date, with the reason when it is no."""

    GRANTED = "granted"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"
    #: Nothing in force yet, but a grant that starts later (``valid_from`` says when).
    NOT_YET = "not_yet"
    NONE = "none"


class AnsweredBy(StrEnum):
    """Who answered a consent question, when an imported file says so (the 16+ rule)."""

    PARENT = "parent"  # a parent or guardian
    PUPIL = "pupil"  # the pupil themself


#: From this age a pupil decides about their own images (AVG art. 8 as the Dutch data-protection
#: authority applies it): a parent's consent is then to be asked of the pupil again.
OWN_CONSENT_AGE = 16


class Source(StrEnum):
    """Where a consent record came from."""

    FORM = "form"  # a (paper or digital) consent form, typed in by someone at school
    CSV = "csv"  # an imported file
    APP = "app"  # entered in the desktop app


@dataclass(frozen=True)
class ConsentRecord:
    """One dated statement of consent, refusal or withdrawal; records are never changed."""

    id: int
    person_id: str
    channel: str
    status: RecordStatus
    valid_from: date
    valid_until: date | None
    recorded_at: datetime
    recorded_by: str
    source: Source
    note: str = ""
    answered_by: AnsweredBy | None = None


@dataclass(frozen=True)
class ConsentStatus:
    """Whether ``person_id`` may appear on ``channel`` on ``on``, and why.

    ``valid_from``/``valid_until`` and ``record_id`` are those of the record in force (all None
    when there is none), so a screen can say "toestemming verlopen op 31-07-2026".
    """

    person_id: str
    channel: str
    on: date
    state: ConsentState
    valid_from: date | None = None
    valid_until: date | None = None
    record_id: int | None = None
    answered_by: AnsweredBy | None = None

    @property
    def allowed(self) -> bool:
        """True only for consent granted and in force on ``on``."""
        return self.state is ConsentState.GRANTED

    def needs_renewal(self, turns_16_in: date | None) -> bool:
        """A parent's consent in force for a pupil who is 16 by now: ask the pupil again.

        ``turns_16_in`` is the first day of the month the pupil turns 16 (the register keeps no
        more of the date of birth). Only a grant is flagged: a parent's "no" keeps the photo
        blurred whatever the pupil says, a parent's "yes" might publish what the pupil refuses.
        The consent stays valid: the flag asks for a new answer, it does not decide.
        """
        return (
            self.allowed
            and self.answered_by is AnsweredBy.PARENT
            and turns_16_in is not None
            and self.on >= turns_16_in
        )


def school_year_end(on: date) -> date:
    """31 July that ends the school year (1 August - 31 July) containing ``on``."""
    return date(on.year + 1 if on.month >= 8 else on.year, 7, 31)


def status_from_records(
    person_id: str, channel: str, records: Iterable[ConsentRecord], on: date
) -> ConsentStatus:
    """Apply the consent rule to ``records`` (those of one person and channel)."""
    records = list(records)
    in_force = [record for record in records if record.valid_from <= on]
    if not in_force:
        coming = [r for r in records if r.status is RecordStatus.GRANTED and r.valid_from > on]
        if coming:
            first = min(coming, key=lambda record: (record.valid_from, record.id))
            return ConsentStatus(
                person_id, channel, on, ConsentState.NOT_YET, first.valid_from,
                first.valid_until, first.id,
            )  # fmt: skip
        return ConsentStatus(person_id, channel, on, ConsentState.NONE)
    latest = max(in_force, key=lambda record: (record.recorded_at, record.id))
    if latest.status is RecordStatus.GRANTED:
        assert latest.valid_until is not None  # the schema requires it for a grant
        state = ConsentState.GRANTED if on <= latest.valid_until else ConsentState.EXPIRED
    else:
        state = ConsentState(latest.status.value)
    return ConsentStatus(
        person_id,
        channel,
        on,
        state,
        latest.valid_from,
        latest.valid_until,
        latest.id,
        latest.answered_by,
    )


_COLUMNS = (
    "id, person_id, channel, status, valid_from, valid_until, recorded_at, recorded_by, source,"
    " note, answered_by"
)


def consent_status(db: Database, person_id: str, channel: str, on: date) -> ConsentStatus:
    """The consent rule for one person and channel, answered by the database."""
    row = db.conn.execute(
        f"SELECT {_COLUMNS} FROM consents WHERE person_id = ? AND channel = ? AND valid_from <= ?"
        " ORDER BY recorded_at DESC, id DESC LIMIT 1",
        (person_id, channel, on.isoformat()),
    ).fetchone()
    if row is None:  # nothing in force: perhaps a grant that starts later
        row = db.conn.execute(
            f"SELECT {_COLUMNS} FROM consents WHERE person_id = ? AND channel = ?"
            " AND valid_from > ? AND status = 'granted' ORDER BY valid_from, id LIMIT 1",
            (person_id, channel, on.isoformat()),
        ).fetchone()
    return status_from_records(person_id, channel, [_record(row)] if row else [], on)


def channel_statuses(db: Database, channel: str, on: date) -> dict[str, ConsentStatus]:
    """The consent rule for everyone in the register on one channel, by person id."""
    records: dict[str, list[ConsentRecord]] = {}
    for row in db.conn.execute(f"SELECT {_COLUMNS} FROM consents WHERE channel = ?", (channel,)):
        record = _record(row)
        records.setdefault(record.person_id, []).append(record)
    person_ids = [row[0] for row in db.conn.execute("SELECT id FROM people")]
    return {
        person_id: status_from_records(person_id, channel, records.get(person_id, []), on)
        for person_id in person_ids
    }


def consent_history(
    db: Database, person_id: str, channel: str | None = None
) -> list[ConsentRecord]:
    """A person's records (on one channel, or all), oldest first."""
    sql = f"SELECT {_COLUMNS} FROM consents WHERE person_id = ?"
    params: tuple[str, ...] = (person_id,)
    if channel is not None:
        sql += " AND channel = ?"
        params += (channel,)
    sql += " ORDER BY recorded_at, id"
    return [_record(row) for row in db.conn.execute(sql, params)]


def insert_consent(
    db: Database,
    *,
    person_id: str,
    channel: str,
    status: RecordStatus,
    valid_from: date,
    valid_until: date | None,
    source: Source,
    recorded_by: str,
    note: str = "",
    answered_by: AnsweredBy | None = None,
) -> ConsentRecord:
    """Add one record. A grant needs ``valid_until``; a refusal or withdrawal has none.

    ``answered_by``: who gave the answer, when a file said so (a parent or the pupil).
    """
    status = RecordStatus(status)
    if status is RecordStatus.GRANTED:
        if valid_until is None:
            raise InvalidRecord("register.consent_needs_end")
        if valid_until < valid_from:
            raise InvalidRecord(
                "register.consent_ends_before_start", until=valid_until, start=valid_from
            )
    else:
        valid_until = None
    recorded_at = utc_timestamp()
    cursor = db.conn.execute(
        "INSERT INTO consents (person_id, channel, status, valid_from, valid_until, recorded_at,"
        " recorded_by, source, note, answered_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            person_id,
            channel,
            str(status),
            valid_from.isoformat(),
            valid_until.isoformat() if valid_until else None,
            recorded_at,
            recorded_by,
            str(Source(source)),
            note.strip(),
            str(AnsweredBy(answered_by)) if answered_by else None,
        ),
    )
    return ConsentRecord(
        id=int(cursor.lastrowid or 0),
        person_id=person_id,
        channel=channel,
        status=status,
        valid_from=valid_from,
        valid_until=valid_until,
        recorded_at=datetime.fromisoformat(recorded_at),
        recorded_by=recorded_by,
        source=Source(source),
        note=note.strip(),
        answered_by=AnsweredBy(answered_by) if answered_by else None,
    )


def record_message(record: ConsentRecord) -> Message:
    """A consent record in one line, as a message for the CLI and the app."""
    return Message(
        f"record.{record.status}" + ("_until" if record.valid_until is not None else ""),
        channel=record.channel,
        start=record.valid_from,
        until=record.valid_until,
        source=Message(f"source.{record.source}"),
    )


def describe(record: ConsentRecord) -> str:
    """A consent record in one line, for the audit log and the CLI."""
    text = f"{record.channel}: {record.status} from {record.valid_from.isoformat()}"
    if record.valid_until is not None:
        text += f" until {record.valid_until.isoformat()}"
    by = f", answered by the {record.answered_by}" if record.answered_by else ""
    return f"{text} ({record.source}{by})"


def count_consents(db: Database, person_id: str) -> int:
    """How many consent records a person has (all channels, all history)."""
    return db.conn.execute(
        "SELECT COUNT(*) FROM consents WHERE person_id = ?", (person_id,)
    ).fetchone()[0]


def _record(row: tuple) -> ConsentRecord:
    (
        record_id,
        person_id,
        channel,
        status,
        valid_from,
        valid_until,
        recorded_at,
        recorded_by,
        source,
        note,
        answered_by,
    ) = row
    return ConsentRecord(
        id=record_id,
        person_id=person_id,
        channel=channel,
        status=RecordStatus(status),
        valid_from=date.fromisoformat(valid_from),
        valid_until=date.fromisoformat(valid_until) if valid_until else None,
        recorded_at=datetime.fromisoformat(recorded_at),
        recorded_by=recorded_by,
        source=Source(source),
        note=note,
        answered_by=AnsweredBy(answered_by) if answered_by else None,
    )
