"""Long work off the UI thread: one small job class per operation, one manager that runs them.

Every job has ``run()`` and ``cancel()``; it turns the core's ``progress(done, total, item)``
callbacks into Qt signals and reports a failure as one readable sentence, never a traceback.
Signals are emitted from a pool thread and delivered queued to slots on the UI thread.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QImage

from spoenk_publisher import clock
from spoenk_publisher.core.analysis import AnalysisCache, PhotoAnalysis, run_uncached, split_cached
from spoenk_publisher.core.decisions import ConsentSnapshot, PhotoDecision, Policy, decide_photo
from spoenk_publisher.core.enrolment import EnrolmentError
from spoenk_publisher.core.export import ExportOptions, ExportSummary, export_photos
from spoenk_publisher.core.faces import Box
from spoenk_publisher.core.photos import UnreadablePhoto, WorkingCopy
from spoenk_publisher.core.photos import load_for_analysis as load_working_copy
from spoenk_publisher.core.render import anonymise
from spoenk_publisher.demo import NotADemoRegister, create_demo_register
from spoenk_publisher.gui.analysis_pool import AnalysisPool
from spoenk_publisher.messages import CodedError, Message, text
from spoenk_publisher.register import Register, RegisterError

log = logging.getLogger(__name__)


def readable_error(error: BaseException) -> str:
    """One sentence for a user; the traceback goes to the log for whoever debugs it."""
    if isinstance(error, UnreadablePhoto):
        return f"{error.path.name}: {error.text()}"
    if isinstance(error, CodedError):
        return error.text()
    if isinstance(error, RegisterError | NotADemoRegister | EnrolmentError):
        return str(error)
    if isinstance(error, PermissionError):
        return QCoreApplication.translate("Jobs", "No permission to use %1.").replace(
            "%1", str(error.filename or "")
        )
    if isinstance(error, OSError):
        where = f" ({error.filename})" if error.filename else ""
        return QCoreApplication.translate("Jobs", "The disk reported a problem: %1").replace(
            "%1", f"{error.strerror}{where}"
        )
    return QCoreApplication.translate(
        "Jobs", "Something went wrong (%1). The details are in the log."
    ).replace("%1", type(error).__name__)


def pil_to_qimage(image) -> QImage:
    """An RGB PIL image as a QImage that owns its pixels (safe to pass between threads)."""
    rgb = image.convert("RGB") if image.mode != "RGB" else image
    data = rgb.tobytes()
    qimage = QImage(data, rgb.width, rgb.height, 3 * rgb.width, QImage.Format.Format_RGB888)
    return qimage.copy()


class JobSignals(QObject):
    """What every job reports; created on the UI thread, so slots run there."""

    progress = Signal(int, int, object)  # done, total, current path or None
    stage = Signal(str)  # a readable name of what the job is doing now
    finished = Signal(object)  # the job's result
    failed = Signal(str)  # one readable sentence


class Job(QRunnable):
    """One long operation: subclasses implement ``work()`` and poll ``cancelled()``."""

    signals_class = JobSignals

    def __init__(self) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the manager keeps the Python object until it reports
        self.signals = self.signals_class()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def progress(self, done: int, total: int, item: Path | None = None) -> None:
        self.signals.progress.emit(done, total, item)

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:
            log.error("%s failed:\n%s", type(self).__name__, traceback.format_exc())
            self.signals.failed.emit(readable_error(error))
            return
        self.signals.finished.emit(result)

    def work(self):
        raise NotImplementedError


class JobManager(QObject):
    """Runs jobs on a thread pool and keeps each alive until it has reported."""

    def __init__(self, parent: QObject | None = None, threads: int | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        if threads:
            self.pool.setMaxThreadCount(threads)
        self._running: set[Job] = set()

    def start(self, job: Job) -> Job:
        self._running.add(job)
        job.signals.finished.connect(lambda _result, job=job: self._forget(job))
        job.signals.failed.connect(lambda _message, job=job: self._forget(job))
        self.pool.start(job)
        return job

    def _forget(self, job: Job) -> None:
        self._running.discard(job)

    def running(self) -> list[Job]:
        return list(self._running)

    def cancel_all(self) -> None:
        for job in list(self._running):
            job.cancel()

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)


# -- analysis -------------------------------------------------------------------------------


class AnalyseSignals(JobSignals):
    photo_started = Signal(object)  # path: its analysis has begun
    photo_done = Signal(object, object, object)  # path, PhotoAnalysis, PhotoDecision
    photo_failed = Signal(object, str)  # path, readable reason


@dataclass
class AnalyseResult:
    analysed: int = 0
    failed: int = 0
    cancelled: bool = False
    analyses: dict[Path, PhotoAnalysis] = field(default_factory=dict)
    failures: dict[Path, Message] = field(default_factory=dict)


def open_register_quietly(path: Path | None) -> Register | None:
    """The register for a job, or None when it cannot be opened (then everyone is blurred)."""
    if path is None:
        return None
    try:
        return Register.open(path)
    except RegisterError as error:
        log.warning("register not available for a job: %s", error)
        return None


def fresh_snapshot(register: Register | None, channel: str) -> ConsentSnapshot:
    """Consent as the register says today; without a register nobody may appear."""
    if register is None:
        return ConsentSnapshot.empty(channel, clock.today())
    return ConsentSnapshot.from_register(register, channel, clock.today())


def analyse_in_pool(
    paths: Sequence[Path],
    pool: AnalysisPool,
    cache: AnalysisCache | None,
    mode: str,
    cancelled: Callable[[], bool],
    on_started: Callable[[Path], None],
    on_done: Callable[[Path, PhotoAnalysis | str], None],
) -> bool:
    """Analyse ``paths`` (cache first, then the pool), calling back per photo as it ends.

    Returns False when cancelled. Cached photos report at once; the rest keep two photos per
    worker in flight, so a cancel never waits for more than the photos already running.
    """
    to_run = split_cached(paths, mode, cache, cancelled, on_done)
    if to_run is None:
        return False
    return run_uncached(
        to_run,
        mode,
        cache,
        pool.submit,
        2 * pool.workers,
        cancelled,
        on_done,
        on_started=on_started,
        on_broken=pool.restart,
    )


class AnalyseJob(Job):
    """Find every face in ``paths`` and decide each for ``channel``, photo by photo.

    Analyses come from the cache (by content hash) or the warm process pool; the decision
    uses a fresh consent snapshot and the manual decisions stored in the register.
    """

    signals_class = AnalyseSignals

    def __init__(
        self,
        paths: Iterable[Path],
        channel: str,
        pool: AnalysisPool,
        register_path: Path | None,
        cache_path: Path | None,
        policy: Policy = "blur",
        mode: str = "standard",
    ) -> None:
        super().__init__()
        self.paths = list(paths)
        self.channel = channel
        self.policy = policy
        self.mode = mode
        self._pool = pool
        self._register_path = register_path
        self._cache_path = cache_path

    def work(self) -> AnalyseResult:
        result = AnalyseResult()
        total = len(self.paths)
        self.progress(0, total, None)
        register = open_register_quietly(self._register_path)
        cache = AnalysisCache(self._cache_path) if self._cache_path else None
        try:
            snapshot = fresh_snapshot(register, self.channel)

            def done(path: Path, outcome: PhotoAnalysis | Message) -> None:
                if isinstance(outcome, Message):
                    result.failures[path] = outcome
                    self.signals.photo_failed.emit(path, text(outcome))
                else:
                    manual = register.manual_decisions(outcome.sha256) if register else ()
                    decision = decide_photo(outcome.faces, snapshot, manual, self.policy)
                    result.analyses[path] = outcome
                    self.signals.photo_done.emit(path, outcome, decision)
                self.progress(len(result.analyses) + len(result.failures), total, path)

            finished = analyse_in_pool(
                self.paths,
                self._pool,
                cache,
                self.mode,
                self.cancelled,
                self.signals.photo_started.emit,
                done,
            )
            result.cancelled = not finished
        finally:
            if cache is not None:
                cache.close()
            if register is not None:
                register.close()
        result.analysed, result.failed = len(result.analyses), len(result.failures)
        return result


class DecideJob(Job):
    """Decide every analysed photo again (another channel, policy or register state)."""

    def __init__(
        self,
        analyses: Mapping[Path, PhotoAnalysis],
        channel: str,
        register_path: Path | None,
        policy: Policy = "blur",
    ) -> None:
        super().__init__()
        self.analyses = dict(analyses)
        self.channel = channel
        self.policy = policy
        self._register_path = register_path

    def work(self) -> dict[Path, PhotoDecision]:
        register = open_register_quietly(self._register_path)
        try:
            snapshot = fresh_snapshot(register, self.channel)
            decisions: dict[Path, PhotoDecision] = {}
            for path, analysis in self.analyses.items():
                if self.cancelled():
                    break
                manual = register.manual_decisions(analysis.sha256) if register else ()
                decisions[path] = decide_photo(analysis.faces, snapshot, manual, self.policy)
            return decisions
        finally:
            if register is not None:
                register.close()


# -- export ---------------------------------------------------------------------------------


@dataclass
class ExportRequest:
    paths: list[Path]
    options: ExportOptions
    analyses: dict[Path, PhotoAnalysis] = field(default_factory=dict)


class ExportJob(Job):
    """Analyse what is missing (in the pool), then ``core.export.export_photos``."""

    def __init__(
        self,
        request: ExportRequest,
        pool: AnalysisPool,
        register_path: Path | None,
        cache_path: Path | None,
    ) -> None:
        super().__init__()
        self.request = request
        self._pool = pool
        self._register_path = register_path
        self._cache_path = cache_path

    def work(self) -> ExportSummary:
        request = self.request
        options = request.options
        # Export writes a record of what was published: without the register it must not run.
        register = Register.open(self._register_path) if self._register_path else None
        cache = AnalysisCache(self._cache_path) if self._cache_path else None
        try:
            analyses = dict(request.analyses)
            failures: dict[Path, Message] = {}
            missing = [p for p in request.paths if p not in analyses]
            if missing:
                self.signals.stage.emit(QCoreApplication.translate("Jobs", "Analysing"))
                self.progress(0, len(missing), None)

                def done(path: Path, outcome: PhotoAnalysis | Message) -> None:
                    if isinstance(outcome, Message):
                        failures[path] = outcome
                    else:
                        analyses[path] = outcome
                    self.progress(len(analyses) + len(failures), len(request.paths), path)

                if not analyse_in_pool(
                    missing, self._pool, cache, options.mode, self.cancelled, lambda p: None, done
                ):
                    return ExportSummary(failures=failures, cancelled=True)
            self.signals.stage.emit(QCoreApplication.translate("Jobs", "Exporting"))
            snapshot = fresh_snapshot(register, options.channel)
            to_export = [p for p in request.paths if p in analyses]
            summary = export_photos(
                to_export,
                options,
                snapshot,
                manual=register.manual_decisions if register else None,
                recorder=register,
                cache=cache,
                analyses=analyses,
                progress=self.progress,
                cancelled=self.cancelled,
            )
            summary.failures.update(failures)
            return summary
        finally:
            if cache is not None:
                cache.close()
            if register is not None:
                register.close()


# -- pixels for the review ------------------------------------------------------------------


@dataclass(frozen=True)
class LoadedPhoto:
    path: Path
    working: WorkingCopy
    image: QImage


class LoadPhotoJob(Job):
    """Decode one photo for the large view (reduced, upright)."""

    def __init__(self, path: Path, long_side: int = 2400) -> None:
        super().__init__()
        self.path = path
        self.long_side = long_side

    def work(self) -> LoadedPhoto:
        working = load_working_copy(self.path, self.long_side)
        return LoadedPhoto(self.path, working, pil_to_qimage(working.image))


class PreviewJob(Job):
    """What the exported photo will look like: the listed faces covered, on the view's copy."""

    def __init__(self, loaded: LoadedPhoto, boxes: Sequence[Box], style: str) -> None:
        super().__init__()
        self.loaded = loaded
        self.boxes = list(boxes)
        self.style = style

    def work(self) -> tuple[Path, QImage]:
        working = self.loaded.working
        scaled = [
            Box(
                int(box.x0 / working.scale_x),
                int(box.y0 / working.scale_y),
                int(round(box.x1 / working.scale_x)),
                int(round(box.y1 / working.scale_y)),
            )
            for box in self.boxes
        ]
        covered = anonymise(working.image, scaled, style=self.style)
        return self.loaded.path, pil_to_qimage(covered)


# -- the demo register ----------------------------------------------------------------------


class DemoRegisterJob(Job):
    """Make the demo register at ``path``; enrolling its reference photos runs face detection
    (seconds), so it runs here. Finishes with the register's path, or None when cancelled."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = Path(path)

    def work(self) -> Path | None:
        return create_demo_register(self.path, progress=self.progress, cancelled=self.cancelled)
