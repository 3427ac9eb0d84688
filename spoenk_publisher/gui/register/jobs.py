"""Long register work off the UI thread: loading the matrix, checking and importing a CSV file,
reading reference photos.

Every job has one contract: ``run()`` on a pool thread, ``cancel()`` from the UI thread, and
exactly one of ``finished(job, result)``, ``failed(job, error)`` or ``cancelled(job)`` at the end,
with ``progress(job, done, total, item)`` on the way. A ``Register`` belongs to the thread that
opened it, so each job opens its own. Errors travel as exception objects and become sentences on
the UI thread (``gui.common.errors.sentence``), never as tracebacks.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from spoenk_publisher.core.enrolment import EnrolmentError, reference_face
from spoenk_publisher.core.photos import UnreadablePhoto
from spoenk_publisher.gui.register.csv_preview import ImportPreview, preview_import
from spoenk_publisher.gui.register.models import RegisterSnapshot, read_snapshot
from spoenk_publisher.register import (
    ImportSummary,
    PhotoEnrolledForOtherPerson,
    ReferenceFace,
    Register,
    RegisterError,
)

log = logging.getLogger(__name__)


class JobSignals(QObject):
    """A job's signals (a QRunnable is no QObject); each carries the job it is about."""

    progress = Signal(object, int, int, str)  # job, done, total, item being worked on
    finished = Signal(object, object)  # job, result
    failed = Signal(object, object)  # job, exception
    cancelled = Signal(object)  # job


class RegisterJob(QRunnable):
    """One long operation on the register at ``register_path``; subclasses implement ``work``."""

    def __init__(self, register_path: Path, title: str) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the UI thread keeps the job until its last signal
        self.register_path = Path(register_path)
        #: what the progress bar says this job does (translated by whoever creates the job)
        self.title = title
        self.signals = JobSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop at its next step; it ends with ``cancelled``."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int, item: str = "") -> None:
        self.signals.progress.emit(self, done, total, item)

    def run(self) -> None:
        if self.is_cancelled():
            self.signals.cancelled.emit(self)
            return
        try:
            result = self.work()
        except (RegisterError, EnrolmentError, UnreadablePhoto, OSError) as error:
            self.signals.failed.emit(self, error)
        except Exception as error:  # a bug: log it whole, show the user one sentence
            log.exception("%s failed", type(self).__name__)
            self.signals.failed.emit(self, error)
        else:
            if result is None:  # the job saw the cancel and stopped
                self.signals.cancelled.emit(self)
            else:
                self.signals.finished.emit(self, result)

    def work(self) -> object | None:
        """Do the work on a pool thread; return the result, or None when cancelled."""
        raise NotImplementedError

    def open_register(self) -> Register:
        return Register.open(self.register_path)


class LoadRegisterJob(RegisterJob):
    """Read people, consent per channel and face counts for the matrix."""

    def __init__(self, register_path: Path, title: str, on: date) -> None:
        super().__init__(register_path, title)
        self.on = on

    def work(self) -> RegisterSnapshot | None:
        with self.open_register() as register:
            return read_snapshot(register, self.on, self.report, self.is_cancelled)


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

    def work(self) -> ImportPreview | None:
        self.report(0, 0, self.csv_path.name)
        with self.open_register() as register:
            return preview_import(register, self.csv_path, self.today, self.choices)


class CsvImportJob(RegisterJob):
    """Import a file (all or nothing, one transaction: it cannot stop half-way)."""

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
        self.report(0, 0, self.csv_path.name)
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

    def work(self) -> EnrolResult | None:
        result = EnrolResult(self.person_id)
        faces: list[tuple[Path, ReferenceFace]] = []
        total = len(self.photos)
        for done, photo in enumerate(self.photos):
            if self.is_cancelled():
                return None
            self.report(done, total, photo.name)
            try:
                faces.append((photo, reference_face(photo)))
            except (EnrolmentError, UnreadablePhoto) as error:
                result.failures[photo] = error
        if self.is_cancelled():
            return None
        self.report(total, total, "")
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


class JobRunner(QObject):
    """Runs register jobs on a small pool and tells the window how they are doing."""

    #: job, done, total, item: the progress of one running job
    progress = Signal(object, int, int, str)
    #: whether any job is still queued or running
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        # Loading and a face search may run side by side; more would only compete for the CPU.
        self._pool.setMaxThreadCount(2)
        self._jobs: dict[RegisterJob, tuple] = {}
        self._closed = False

    def start(self, job: RegisterJob, on_finished, on_failed, on_cancelled=None) -> RegisterJob:
        """Queue ``job``; the callbacks run on the UI thread."""
        was_busy = bool(self._jobs)
        self._jobs[job] = (on_finished, on_failed, on_cancelled)
        job.signals.progress.connect(self._on_progress)
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        job.signals.cancelled.connect(self._on_cancelled)
        self._pool.start(job)
        if not was_busy:
            self.busy_changed.emit(True)
        self.progress.emit(job, 0, 0, "")
        return job

    def jobs(self) -> list[RegisterJob]:
        return list(self._jobs)

    def is_busy(self) -> bool:
        return bool(self._jobs)

    def cancel_all(self) -> None:
        for job in self._jobs:
            job.cancel()

    def shut_down(self) -> None:
        """Cancel everything and wait for the pool (at most one photo's face search)."""
        self._closed = True
        for job in self._jobs:
            job.cancel()
            job.signals.blockSignals(True)
        self._pool.waitForDone()
        self._jobs.clear()

    def _on_progress(self, job: RegisterJob, done: int, total: int, item: str) -> None:
        if not self._closed and job in self._jobs:
            self.progress.emit(job, done, total, item)

    def _on_finished(self, job: RegisterJob, result: object) -> None:
        callbacks = self._end(job)
        if callbacks:
            callbacks[0](result)

    def _on_failed(self, job: RegisterJob, error: Exception) -> None:
        callbacks = self._end(job)
        if callbacks:
            callbacks[1](error)

    def _on_cancelled(self, job: RegisterJob) -> None:
        callbacks = self._end(job)
        if callbacks and callbacks[2] is not None:
            callbacks[2]()

    def _end(self, job: RegisterJob) -> tuple | None:
        if self._closed:
            return None
        callbacks = self._jobs.pop(job, None)
        if not self._jobs:
            self.busy_changed.emit(False)
        return callbacks
