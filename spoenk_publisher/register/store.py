"""``Register``: one open consent register and everything the app asks of it.

The analysis engine needs only ``may_appear``/``consent_status``/``consent_statuses`` and
``reference_encodings``; the GUI and the CLI also change the register through the methods here,
each of which is one transaction with its audit line. A ``Register`` belongs to the thread that
opened it (open one per worker thread); any number of programs may open the same file at once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import TracebackType

import numpy as np
from sqlite_utils import Database

from spoenk_publisher import clock
from spoenk_publisher.base import Box, ManualDecision
from spoenk_publisher.paths import default_register_path
from spoenk_publisher.register import channels as channel_store
from spoenk_publisher.register import consent as consent_store
from spoenk_publisher.register import csv_export, csv_io, publications
from spoenk_publisher.register import people as people_store
from spoenk_publisher.register import reference_faces as face_store
from spoenk_publisher.register.audit import (
    AuditAction,
    AuditEntry,
    audit_entries,
    current_actor,
    record_change,
)
from spoenk_publisher.register.channels import Channel
from spoenk_publisher.register.consent import (
    ConsentRecord,
    ConsentStatus,
    RecordStatus,
    Source,
    school_year_end,
)
from spoenk_publisher.register.csv_io import ImportSummary
from spoenk_publisher.register.db import database_path, open_database, write_transaction
from spoenk_publisher.register.errors import InvalidRecord, PersonExists
from spoenk_publisher.register.migrations import apply_migrations
from spoenk_publisher.register.people import Person
from spoenk_publisher.register.reference_faces import ReferenceFace


@dataclass(frozen=True)
class RemovalSummary:
    """What removing a person deleted."""

    person_id: str
    reference_faces: int
    consent_records: int

    def __str__(self) -> str:
        faces = _count(self.reference_faces, "reference face")
        return f"{faces} and {_count(self.consent_records, 'consent record')} deleted"


class Register:
    """The consent register: who may appear unblurred where, and by which faces they are known."""

    def __init__(self, db: Database, *, actor: str | None = None) -> None:
        """Wrap an open, migrated database; most callers want ``Register.open``."""
        self.db = db
        self.actor = actor or current_actor()

    @classmethod
    def open(cls, path: Path | str | None = None, *, actor: str | None = None) -> Register:
        """Open (creating and migrating if needed) the register at ``path``.

        Without a path: ``$SPOENK_REGISTER``, else the default (see ``paths``).
        """
        db = open_database(Path(path) if path is not None else default_register_path())
        try:
            apply_migrations(db)
        except BaseException:
            db.close()
            raise
        return cls(db, actor=actor)

    @property
    def path(self) -> Path:
        """The register's file."""
        return database_path(self.db)

    def close(self) -> None:
        """Close the file (the register can no longer be used)."""
        self.db.close()

    def __enter__(self) -> Register:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- what the analysis engine asks ------------------------------------------------------

    def may_appear(self, person_id: str, channel: str, on: date) -> bool:
        """May ``person_id`` appear unblurred on ``channel`` on ``on``? No unless consent is known.

        An unknown person has no consent (False); an unknown channel raises ``UnknownChannel``.
        """
        return self.consent_status(person_id, channel, on).allowed

    def consent_status(self, person_id: str, channel: str, on: date) -> ConsentStatus:
        """The answer of ``may_appear`` with its reason and the record in force."""
        channel = channel_store.check_channel(self.db, channel)
        return consent_store.consent_status(self.db, person_id, channel, on)

    def consent_statuses(self, channel: str, on: date) -> dict[str, ConsentStatus]:
        """``consent_status`` for everyone on one channel, by person id (one query)."""
        channel = channel_store.check_channel(self.db, channel)
        return consent_store.channel_statuses(self.db, channel, on)

    def reference_encodings(self) -> tuple[np.ndarray, list[str]]:
        """All reference encodings (N x 128 float64) and, row by row, whose they are."""
        return face_store.all_encodings(self.db)

    def reference_encodings_of(self, person_id: str) -> np.ndarray:
        """One person's reference encodings (N x 128 float64)."""
        encodings, owners = face_store.all_encodings(self.db)
        keep = [index for index, owner in enumerate(owners) if owner == person_id.strip()]
        return encodings[keep] if keep else np.empty((0, 128), dtype=np.float64)

    # -- reading ----------------------------------------------------------------------------

    def channels(self) -> list[Channel]:
        """The publication channels, in the school's order."""
        return channel_store.list_channels(self.db)

    def person(self, person_id: str) -> Person:
        """The person with this id; raises ``UnknownPerson``."""
        return people_store.get_person(self.db, person_id.strip())

    def find_person(self, person_id: str) -> Person | None:
        """The person with this id, or None."""
        return people_store.find_person(self.db, person_id.strip())

    def people(self, group: str | None = None) -> list[Person]:
        """Everyone, or one group, sorted by group and name."""
        return people_store.list_people(self.db, group)

    def consent_history(self, person_id: str, channel: str | None = None) -> list[ConsentRecord]:
        """A person's consent records, oldest first."""
        if channel is not None:
            channel = channel_store.check_channel(self.db, channel)
        return consent_store.consent_history(self.db, person_id.strip(), channel)

    def reference_face_count(self, person_id: str | None = None) -> int:
        """How many reference faces one person (or everyone) has."""
        return face_store.count_reference_faces(self.db, person_id)

    def reference_face_counts(self) -> dict[str, int]:
        """Reference faces per person id (people without any are left out)."""
        return face_store.reference_face_counts(self.db)

    def audit_log(self, person_id: str | None = None, limit: int | None = None) -> list[AuditEntry]:
        """The audit log, oldest first (the newest ``limit`` lines when given)."""
        return audit_entries(self.db, person_id, limit)

    # -- changing ---------------------------------------------------------------------------

    def add_person(self, person: Person) -> Person:
        """Add a new person; raises ``PersonExists`` for an id already in the register."""
        person = person.checked()
        with write_transaction(self.db):
            if people_store.find_person(self.db, person.id) is not None:
                raise PersonExists(person.id)
            people_store.insert_person(self.db, person)
            record_change(
                self.db, self.actor, AuditAction.PERSON_ADDED, person.id, f"role {person.role}"
            )
        return person

    def update_person(self, person: Person) -> Person:
        """Store new name, group, role or active flag for an existing person."""
        person = person.checked()
        with write_transaction(self.db):
            old = people_store.get_person(self.db, person.id)
            changed = people_store.changed_fields(old, person)
            if changed:
                people_store.update_person(self.db, person)
                record_change(
                    self.db,
                    self.actor,
                    AuditAction.PERSON_UPDATED,
                    person.id,
                    "changed " + ", ".join(changed),
                )
        return person

    def record_consent(
        self,
        person_id: str,
        channel: str,
        granted: bool,
        *,
        valid_from: date | None = None,
        valid_until: date | None = None,
        source: Source = Source.APP,
        note: str = "",
        today: date | None = None,
    ) -> ConsentRecord:
        """Record consent granted or refused for one channel.

        ``valid_from`` defaults to today, ``valid_until`` (for a grant) to the end of the school
        year that ``valid_from`` falls in (31 July).
        """
        today = today or clock.today()
        valid_from = valid_from or today
        status = RecordStatus.GRANTED if granted else RecordStatus.REFUSED
        if granted and valid_until is None:
            valid_until = school_year_end(valid_from)
        with write_transaction(self.db):
            person = people_store.get_person(self.db, person_id.strip())
            channel = channel_store.check_channel(self.db, channel)
            record = consent_store.insert_consent(
                self.db,
                person_id=person.id,
                channel=channel,
                status=status,
                valid_from=valid_from,
                valid_until=valid_until,
                source=source,
                recorded_by=self.actor,
                note=note,
            )
            record_change(
                self.db,
                self.actor,
                AuditAction.CONSENT_RECORDED,
                person.id,
                consent_store.describe(record),
            )
        return record

    def withdraw(
        self,
        person_id: str,
        channels: Sequence[str] | None = None,
        *,
        valid_from: date | None = None,
        source: Source = Source.APP,
        note: str = "",
    ) -> list[ConsentRecord]:
        """Withdraw consent from ``valid_from`` (default today) on some channels, or on all.

        Each withdrawal is a new record; earlier records stay as history.
        """
        valid_from = valid_from or clock.today()
        with write_transaction(self.db):
            person = people_store.get_person(self.db, person_id.strip())
            if channels:
                names = list(
                    dict.fromkeys(channel_store.check_channel(self.db, c) for c in channels)
                )
            else:
                names = channel_store.channel_names(self.db)
            records = []
            for channel in names:
                record = consent_store.insert_consent(
                    self.db,
                    person_id=person.id,
                    channel=channel,
                    status=RecordStatus.WITHDRAWN,
                    valid_from=valid_from,
                    valid_until=None,
                    source=source,
                    recorded_by=self.actor,
                    note=note,
                )
                record_change(
                    self.db,
                    self.actor,
                    AuditAction.CONSENT_WITHDRAWN,
                    person.id,
                    consent_store.describe(record),
                )
                records.append(record)
        return records

    def enrol(self, person_id: str, faces: Sequence[ReferenceFace]) -> int:
        """Store reference faces for a person; returns how many were new.

        A photo already enrolled for this person is skipped; one enrolled for someone else
        raises ``PhotoEnrolledForOtherPerson``, and a face that does not agree with the
        person's other references (or lies nearer to someone else's) raises
        ``InconsistentReference``: then nothing is stored. Every way a reference enters the
        register (CLI, app, bulk enrolment, a confirmed face) comes through here.
        """
        if not faces:
            raise InvalidRecord("register.enrol_needs_photo")
        with write_transaction(self.db):
            person = people_store.get_person(self.db, person_id.strip())
            face_store.check_consistency(self.db, person.id, list(faces))
            added = 0
            for face in faces:
                if face_store.insert_reference_face(self.db, person.id, face):
                    added += 1
                    record_change(
                        self.db,
                        self.actor,
                        AuditAction.FACE_ENROLLED,
                        person.id,
                        f"from a photo with sha256 {face.photo_sha256[:12]}…",
                    )
        return added

    def remove_person(self, person_id: str) -> RemovalSummary:
        """Delete a person with their reference faces and consent records.

        The audit log keeps one line saying it happened (id and counts, no names or face data);
        deleted encodings are overwritten in the file (``secure_delete``) and the WAL is emptied.
        """
        with write_transaction(self.db):
            person = people_store.get_person(self.db, person_id.strip())
            summary = RemovalSummary(
                person.id,
                face_store.count_reference_faces(self.db, person.id),
                consent_store.count_consents(self.db, person.id),
            )
            # Explicit deletes as well as ON DELETE CASCADE: the faces must go even on a
            # connection where foreign keys were left off.
            self.db.conn.execute("DELETE FROM reference_faces WHERE person_id = ?", (person.id,))
            self.db.conn.execute("DELETE FROM consents WHERE person_id = ?", (person.id,))
            # A face named as this person by hand is a decision about them too.
            self.db.conn.execute(
                "DELETE FROM manual_decisions WHERE person_id = ?", (person.id,)
            )
            people_store.delete_person(self.db, person.id)
            record_change(
                self.db,
                self.actor,
                AuditAction.PERSON_REMOVED,
                person.id,
                str(summary),
            )
        # Old copies of the deleted pages may still sit in the WAL file: copy back and truncate.
        self.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        return summary

    # -- what was published, and decisions made by hand ------------------------------------------

    def start_export(self, channel: str, out_dir: Path, event: str) -> int:
        """Record that an export begins; returns its id for ``record_exported_file``."""
        with write_transaction(self.db):
            channel = channel_store.check_channel(self.db, channel)
            export_id = publications.insert_export(self.db, self.actor, channel, out_dir, event)
            record_change(
                self.db,
                self.actor,
                AuditAction.PHOTOS_EXPORTED,
                None,
                f"export {export_id} for {channel} to {Path(out_dir).resolve()}",
            )
        return export_id

    def record_exported_file(self, export_id: int, item: publications.PublishedFile) -> None:
        """Record one published file: its hash, its source's hash and who it shows unblurred."""
        with write_transaction(self.db):
            publications.insert_exported_file(
                self.db,
                export_id,
                item.file.name,
                item.output_sha256,
                item.source_sha256,
                item.faces_blurred,
                item.people,
            )

    def published_with(self, person_id: str) -> list[publications.PublishedPhoto]:
        """Every exported photo that shows ``person_id`` unblurred (for a withdrawal)."""
        return publications.published_with(self.db, person_id.strip())

    def is_exported_output(self, sha256: str) -> bool:
        """True for the bytes of a file an export of this register wrote (never input again)."""
        return publications.is_exported_output(self.db, sha256)

    def manual_decisions(self, photo_sha256: str) -> list[ManualDecision]:
        """The face decisions made by hand for the photo with this hash."""
        return publications.manual_decisions(self.db, photo_sha256)

    def decide_face(self, photo_sha256: str, decision: ManualDecision) -> None:
        """Store a decision made by hand about one face (it replaces one about the same face).

        Assigning a face to a person never shows it without consent: decisions still apply
        the consent rule (see ``core.decisions``).
        """
        with write_transaction(self.db):
            if decision.person_id is not None:
                people_store.get_person(self.db, decision.person_id)
            publications.replace_manual_decision(self.db, self.actor, photo_sha256, decision)
            record_change(
                self.db,
                self.actor,
                AuditAction.FACE_DECIDED,
                decision.person_id,
                f"{decision.kind} at {decision.box.as_list()} in photo {photo_sha256[:12]}…",
            )

    def undo_face_decision(self, photo_sha256: str, box: Box) -> int:
        """Forget the decisions made by hand about the face at ``box``."""
        with write_transaction(self.db):
            removed = publications.delete_manual_decision(self.db, photo_sha256, box)
            if removed:
                record_change(
                    self.db,
                    self.actor,
                    AuditAction.FACE_DECIDED,
                    None,
                    f"undone at {box.as_list()} in photo {photo_sha256[:12]}…",
                )
        return removed

    def import_csv(
        self,
        path: Path | str,
        *,
        today: date | None = None,
        dry_run: bool = False,
        choices: Mapping[str, str] | None = None,
    ) -> ImportSummary:
        """Import people and consent from a school's list (CSV or .xlsx), all or nothing.

        ``choices`` decide columns the way ``--map`` does ({"Kolom": "website"}); a real import
        remembers them for files with the same columns. See ``csv_io``.
        """
        return csv_io.import_csv(
            self.db, path, actor=self.actor, today=today, dry_run=dry_run, choices=choices
        )

    def export_csv(
        self, path: Path | str, *, today: date | None = None, overwrite: bool = False
    ) -> int:
        """Write everyone's consent in force today to a CSV file; returns the number of people.

        An existing file is replaced only with ``overwrite`` (else ``ExportFileExists``).
        """
        return csv_export.export_csv(self.db, path, today=today, overwrite=overwrite)

    def turns_16_months(self) -> dict[str, date]:
        """The first day of the month each pupil turns 16, by id (only where a file gave a date
        of birth): with ``ConsentStatus.needs_renewal``, the 16+ mark."""
        return people_store.turns_16_months(self.db)

    def add_channel(self, name: str, label: str | None = None) -> Channel:
        """Add a publication channel at the end of the list."""
        with write_transaction(self.db):
            channel = channel_store.insert_channel(self.db, name, label)
            record_change(self.db, self.actor, AuditAction.CHANNEL_ADDED, None, f"{channel.name}")
        return channel


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
