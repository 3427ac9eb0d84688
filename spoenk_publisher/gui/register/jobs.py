"""The register wing's long work, as jobs of the one contract (``gui.jobs``): reading the matrix,
checking and importing a CSV file, finding reference faces and storing them (a few photos of one
person, or a school photographer's folder), removing a person.

A ``Register`` belongs to the thread that opened it, so each job opens its own. Errors travel as
exception objects and become sentences on the UI thread (``gui.common.errors.sentence``), never
as tracebacks. Reading runs on the window's general pool; importing, enrolling and removing
write, so they run on its one-thread write pool (``gui.jobs.WRITE``).

No face is found or encoded in the app's own process: the enrolment jobs hand each photo to the
analysis processes (``core.pool.AnalysisPool.call(reference_face_safely, path)``) and their
thread only waits on the answer, a tenth of a second at a time, so Cancel is noticed at once.
Why (issue 13, a window frozen for minutes on "Looking for the face of Joe Biden (1 of 2)"):
dlib's Python bindings hold the GIL for as long as they run (pybind11's default; they release
it nowhere): loading the 100 MB landmark model held it 1.2-3.2 s here (measured with a ticker
thread: the longest gap between its 1 ms sleeps), each face's landmarks and chip 20-150 ms, and
onnxruntime builds a session holding it too. While a worker thread held it, the UI thread stood
still; and any thread that holds the GIL while it waits for something (a slow disk under memory
pressure while three processes load the same models, a Qt or onnxruntime lock that another
thread holds while it waits for the GIL) stops the window with an idle CPU, with the UI thread
and the search's thread both "waiting for the GIL", as the debugger showed. In the analysis
processes none of this can reach the window: its process runs no model code at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from spoenk_publisher.core.pool import AnalysisPool, shared_pool
from spoenk_publisher.core.portraits import PortraitReport, enrol_folder, reference_face_safely
from spoenk_publisher.core.retention import Forgotten, forget_person
from spoenk_publisher.gui.jobs import Job, JobCancelled, Progress
from spoenk_publisher.gui.register.csv_preview import ImportPreview, preview_import
from spoenk_publisher.gui.register.snapshot import RegisterSnapshot, read_snapshot
from spoenk_publisher.messages import FileError, Message
from spoenk_publisher.register import ImportSummary, ReferenceFace, Register, RegisterError

#: How often a job waiting on the analysis processes looks whether Cancel was clicked (s).
CANCEL_CHECK_S = 0.1


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


class _CsvJob(RegisterJob):
    """A job on one school list: the file, the day it is read on, the user's column choices."""

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


class CsvPreviewJob(_CsvJob):
    """Check a file and work out what importing it would change (writes nothing)."""

    def work(self) -> ImportPreview:
        self.report(Progress(0, 0, self.csv_path.name))
        with self.open_register() as register:
            preview = preview_import(register, self.csv_path, self.today, self.choices)
        self.stop_if_cancelled()  # a newer choice or a closed dialog asked for no answer
        return preview


class CsvImportJob(_CsvJob):
    """Import a file (all or nothing, one transaction: it cannot stop half-way, so once started
    it finishes)."""

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
    """Find the one face in each photo on the analysis processes, then store the faces found.

    Cancelling stops waiting at once and stores nothing. A photo that fails (no face, two faces,
    unreadable, already someone else's reference, not like the person's other references) is
    reported and the others are stored.
    """

    def __init__(
        self,
        register_path: Path,
        title: str,
        person_id: str,
        photos: list[Path],
        pool: AnalysisPool | None = None,
    ) -> None:
        super().__init__(register_path, title)
        self.person_id = person_id
        self.photos = [Path(photo) for photo in photos]
        self.pool = pool

    def work(self) -> EnrolResult:
        result = EnrolResult(self.person_id)
        pool = self.pool or shared_pool()
        total = len(self.photos)
        self.report(Progress(0, total, self.photos[0].name if self.photos else ""))
        # All at once: each analysis process takes one, so two photos take the time of one.
        futures = {pool.call(reference_face_safely, photo): photo for photo in self.photos}
        outcomes = wait_for_answers(self, futures)
        faces: list[tuple[Path, ReferenceFace]] = []
        for photo in self.photos:  # in the order given, whatever finished first
            outcome = outcomes[photo]
            if isinstance(outcome, Message):
                result.failures[photo] = FileError(photo, outcome.code, **outcome.params)
            else:
                faces.append((photo, outcome))
        self.stop_if_cancelled()
        if not faces:
            return result
        with self.open_register() as register:
            for photo, face in faces:  # one at a time, so one bad photo does not stop the rest
                try:
                    added = register.enrol(self.person_id, [face])
                except RegisterError as error:  # someone else's photo, or someone else's face
                    result.failures[photo] = error
                    continue
                (result.added if added else result.already_known).append(photo)
        return result


def wait_for_answers(job: Job, futures: dict[Future, Path]) -> dict[Path, object]:
    """Wait for every future of an analysis process, reporting each photo as it is done; stop
    waiting (``JobCancelled``) as soon as the job is cancelled. A process that died gives its
    photo a reason instead of an answer, so the others still count."""
    answers: dict[Path, object] = {}
    pending = set(futures)
    total = len(futures)
    while pending:
        if job.is_cancelled():
            for future in pending:
                future.cancel()  # not started yet: never runs; running: its answer is dropped
            raise JobCancelled
        done, pending = wait(pending, timeout=CANCEL_CHECK_S, return_when=FIRST_COMPLETED)
        for future in done:
            photo = futures[future]
            try:
                answers[photo] = future.result()
            except Exception as error:  # a dead worker (killed for memory): this photo fails
                answers[photo] = Message(
                    "analysis.failed", detail=f"{type(error).__name__}: {error}"
                )
            job.report(Progress(len(answers), total, photo.name))
    return answers


class PortraitFolderJob(RegisterJob):
    """Enrol a school photographer's folder of portraits (``core.portraits.enrol_folder``): each
    portrait's face found on the analysis processes, each one stored on its own.

    Cancelling stops at the next portrait and keeps what was stored; the result says so
    (``PortraitReport.cancelled``).
    """

    def __init__(
        self, register_path: Path, title: str, folder: Path, pool: AnalysisPool | None = None
    ) -> None:
        super().__init__(register_path, title)
        self.folder = Path(folder)
        self.pool = pool

    def work(self) -> PortraitReport:
        pool = self.pool or shared_pool()
        self.report(Progress(0, 0, self.folder.name))
        with self.open_register() as register:
            return enrol_folder(
                register,
                self.folder,
                progress=lambda done, total, file: self.report(
                    Progress(done, total, file.name if file else "")
                ),
                cancelled=self.is_cancelled,
                submit=lambda path: pool.call(reference_face_safely, path),
            )


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
