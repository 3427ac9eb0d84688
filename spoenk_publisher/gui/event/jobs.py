"""Long work off the UI thread: one small job class per operation, one manager that runs them.

Every job has ``run()`` and ``cancel()``; it turns the core's ``progress(done, total, item)``
callbacks into Qt signals and reports a failure as one readable sentence, never a traceback.
Signals are emitted from a pool thread and delivered queued to slots on the UI thread.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QImage

from spoenk_publisher.core.analysis import AnalysisCache, PhotoAnalysis, analyse_batch
from spoenk_publisher.core.decisions import PhotoDecision, Policy
from spoenk_publisher.core.export import ExportOptions, ExportSummary, export_photos
from spoenk_publisher.core.faces import Box
from spoenk_publisher.core.photos import WorkingCopy
from spoenk_publisher.core.photos import load_for_analysis as load_working_copy
from spoenk_publisher.core.pool import AnalysisPool
from spoenk_publisher.core.render import anonymise
from spoenk_publisher.core.review import ReviewSession
from spoenk_publisher.demo import create_demo_register
from spoenk_publisher.gui.common.errors import sentence
from spoenk_publisher.messages import Message, text
from spoenk_publisher.register import Register

log = logging.getLogger(__name__)


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
            self.signals.failed.emit(sentence(error))
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
        cache = AnalysisCache(self._cache_path) if self._cache_path else None
        # This thread's own session (SQLite connections belong to their thread).
        session = ReviewSession(self._register_path)
        try:

            def done(path: Path, outcome: PhotoAnalysis | Message) -> None:
                if isinstance(outcome, Message):
                    self.signals.photo_failed.emit(path, text(outcome))
                else:
                    decision = session.decide(outcome, self.channel, self.policy)
                    self.signals.photo_done.emit(path, outcome, decision)

            batch = analyse_batch(
                self.paths,
                mode=self.mode,
                cache=cache,
                progress=self.progress,
                cancelled=self.cancelled,
                pool=self._pool,
                on_started=self.signals.photo_started.emit,
                on_done=done,
            )
        finally:
            session.close()
            if cache is not None:
                cache.close()
        result.analyses, result.failures = batch.analyses, batch.failures
        result.cancelled = batch.cancelled
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
        with ReviewSession(self._register_path) as session:
            decisions: dict[Path, PhotoDecision] = {}
            for path, analysis in self.analyses.items():
                if self.cancelled():
                    break
                decisions[path] = session.decide(analysis, self.channel, self.policy)
            return decisions


# -- export ---------------------------------------------------------------------------------


@dataclass
class ExportRequest:
    paths: list[Path]
    options: ExportOptions
    analyses: dict[Path, PhotoAnalysis] = field(default_factory=dict)


class ExportJob(Job):
    """``core.export.export_photos``: what is not analysed yet is analysed in the app's pool."""

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
        session = ReviewSession(self._register_path)
        try:
            self.signals.stage.emit(QCoreApplication.translate("Jobs", "Exporting"))
            return export_photos(
                request.paths,
                options,
                session.snapshot(options.channel),
                manual=session.manual_decisions,
                recorder=register,
                cache=cache,
                analyses=request.analyses,
                progress=self.progress,
                cancelled=self.cancelled,
                pool=self._pool,
            )
        finally:
            session.close()
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
