"""The register wing's long work, as jobs of the one contract (``gui.jobs``): reading the matrix,
checking and importing a CSV file, finding reference faces and storing them, removing a person.

A ``Register`` belongs to the thread that opened it, so each job opens its own. Errors travel as
exception objects and become sentences on the UI thread (``gui.common.errors.sentence``), never
as tracebacks. Reading runs on the window's general pool; importing, enrolling and removing
write, so they run on its one-thread write pool (``gui.jobs.WRITE``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from spoenk_publisher.core.enrolment import EnrolmentError, reference_face
from spoenk_publisher.core.photos import UnreadablePhoto
from spoenk_publisher.core.retention import Forgotten, forget_person
from spoenk_publisher.gui.jobs import Job, JobCancelled, Progress
from spoenk_publisher.gui.register.csv_preview import ImportPreview, preview_import
from spoenk_publisher.gui.register.snapshot import RegisterSnapshot, read_snapshot
from spoenk_publisher.register import (
    ImportSummary,
    PhotoEnrolledForOtherPerson,
    ReferenceFace,
    Register,
)


class RegisterJob(Job):
    """A job on the register at ``register_path``, titled for the window's progress bar."""

    def __init__(self, register_path: Path, title: str) -> None:
        super().__init__(title=title)
        self.register_path = Path(register_path)

    def open_register(self) -> Register:
        return Register.open(self.register_path)


class LoadRegisterJob(RegisterJob):
    """Read people, consent per channel and face counts for the matrix."""

    def __init__(self, register_path: Path, title: str, on: date) -> None:
        super().__init__(register_path, title)
        self.on = on

    def work(self) -> RegisterSnapshot:
        with self.open_register() as register:
            snapshot = read_snapshot(
                register,
                self.on,
                lambda done, total, item: self.report(Progress(done, total, item)),
                self.is_cancelled,
            )
        if snapshot is None:
            raise JobCancelled
        return snapshot


class CsvPreviewJob(RegisterJob):
    """Check a file and work out what importing it would change (writes nothing)."""

    def __init__(
        self,
        register_path: Path,
        title: str,
        csv_path: Path,
        today: date,
        choices: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(register_path, title)
        self.csv_path = Path(csv_path)
        self.today = today
        self.choices = dict(choices or {})

    def work(self) -> ImportPreview:
        self.report(Progress(0, 0, self.csv_path.name))
        with self.open_register() as register:
            preview = preview_import(register, self.csv_path, self.today, self.choices)
        self.stop_if_cancelled()  # a newer choice or a closed dialog asked for no answer
        return preview


class CsvImportJob(RegisterJob):
    """Import a file (all or nothing, one transaction: it cannot stop half-way, so once started
    it finishes)."""

    def __init__(
        self,
        register_path: Path,
        title: str,
        csv_path: Path,
        today: date,
        choices: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(register_path, title)
        self.csv_path = Path(csv_path)
        self.today = today
        self.choices = dict(choices or {})

    def work(self) -> ImportSummary:
        self.report(Progress(0, 0, self.csv_path.name))
        with self.open_register() as register:
            return register.import_csv(self.csv_path, today=self.today, choices=self.choices)


@dataclass
class EnrolResult:
    """What enrolling photos of one person did, photo by photo."""

    person_id: str
    added: list[Path] = field(default_factory=list)
    already_known: list[Path] = field(default_factory=list)
    #: photo -> why it cannot serve as a reference face (an exception, made readable by the UI)
    failures: dict[Path, Exception] = field(default_factory=dict)


class EnrolJob(RegisterJob):
    """Find the one face in each photo (1-3 s each), then store the faces found.

    Cancelling stops before the next photo and stores nothing. A photo that fails (no face, two
    faces, unreadable, already someone else's reference) is reported and the others are stored.
    """

    def __init__(self, register_path: Path, title: str, person_id: str, photos: list[Path]):
        super().__init__(register_path, title)
        self.person_id = person_id
        self.photos = [Path(photo) for photo in photos]

    def work(self) -> EnrolResult:
        result = EnrolResult(self.person_id)
        faces: list[tuple[Path, ReferenceFace]] = []
        total = len(self.photos)
        for done, photo in enumerate(self.photos):
            self.stop_if_cancelled()
            self.report(Progress(done, total, photo.name))
            try:
                faces.append((photo, reference_face(photo)))
            except (EnrolmentError, UnreadablePhoto) as error:
                result.failures[photo] = error
        self.stop_if_cancelled()
        self.report(Progress(total, total, ""))
        if not faces:
            return result
        with self.open_register() as register:
            for photo, face in faces:  # one at a time, so one bad photo does not stop the rest
                try:
                    added = register.enrol(self.person_id, [face])
                except PhotoEnrolledForOtherPerson as error:
                    result.failures[photo] = error
                    continue
                (result.added if added else result.already_known).append(photo)
        return result


class RemovePersonJob(RegisterJob):
    """Remove a person: their consent records and reference faces from the register, and every
    cached encoding of their face from the analysis cache (``core.retention.forget_person``;
    going through the cache can take a while)."""

    def __init__(self, register_path: Path, title: str, person_id: str) -> None:
        super().__init__(register_path, title)
        self.person_id = person_id

    def work(self) -> Forgotten:
        with self.open_register() as register:
            return forget_person(register, self.person_id)
