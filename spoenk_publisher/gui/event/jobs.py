"""The event wing's long work, as jobs of the one contract (``gui.jobs``): analysing and deciding
photos, exporting, decoding a photo for the review and its preview, making the demo register.

Each job opens what it needs in its own thread (a ``ReviewSession``, the analysis cache: SQLite
connections belong to their thread) and hands results to the UI thread through its signals.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtGui import QImage

from spoenk_publisher.core.analysis import AnalysisCache, BatchResult, PhotoAnalysis
from spoenk_publisher.core.decisions import PhotoDecision, Policy
from spoenk_publisher.core.export import ExportOptions, ExportSummary, export_photos
from spoenk_publisher.core.faces import Box
from spoenk_publisher.core.photos import WorkingCopy
from spoenk_publisher.core.photos import load_for_analysis as load_working_copy
from spoenk_publisher.core.pool import AnalysisPool, analyse_batch
from spoenk_publisher.core.render import anonymise
from spoenk_publisher.core.review import ReviewSession
from spoenk_publisher.demo import create_demo_register
from spoenk_publisher.gui.jobs import Job, JobCancelled
from spoenk_publisher.messages import Message
from spoenk_publisher.register import Register


def pil_to_qimage(image) -> QImage:
    """An RGB PIL image as a QImage that owns its pixels (safe to pass between threads)."""
    rgb = image.convert("RGB") if image.mode != "RGB" else image
    data = rgb.tobytes()
    qimage = QImage(data, rgb.width, rgb.height, 3 * rgb.width, QImage.Format.Format_RGB888)
    return qimage.copy()


# -- analysis -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PhotoStarted:
    """A step of ``AnalyseJob``: the analysis of ``path`` has begun."""

    path: Path


@dataclass(frozen=True)
class PhotoAnalysed:
    """A step of ``AnalyseJob``: ``path`` is analysed and decided for the job's channel."""

    path: Path
    analysis: PhotoAnalysis
    decision: PhotoDecision


@dataclass(frozen=True)
class PhotoFailed:
    """A step of ``AnalyseJob``: ``path`` cannot be analysed, and why."""

    path: Path
    reason: Message


class AnalyseJob(Job):
    """Find every face in ``paths`` and decide each for ``channel``, photo by photo.

    Analyses come from the cache (by content hash) or the warm process pool; the decision uses
    a fresh consent snapshot and the manual decisions stored in the register. Steps:
    ``Progress``, ``PhotoStarted``, ``PhotoAnalysed``, ``PhotoFailed``; the result is the
    ``BatchResult`` (cancelled or not: what finished is kept).

    ``cached_only``: report only what the cache knows and analyse nothing (an event opened
    again shows its verdicts at once); a file whose path, time and size are unchanged since it
    was hashed is not even read (``core.pool.analyse_batch(known_files=True)``).
    """

    def __init__(
        self,
        paths: Iterable[Path],
        channel: str,
        pool: AnalysisPool,
        register_path: Path | None,
        cache_path: Path | None,
        policy: Policy = "blur",
        mode: str = "standard",
        cached_only: bool = False,
    ) -> None:
        super().__init__()
        self.paths = list(paths)
        self.channel = channel
        self.policy = policy
        self.mode = mode
        self.cached_only = cached_only
        self._pool = pool
        self._register_path = register_path
        self._cache_path = cache_path

    def work(self) -> BatchResult:
        cache = AnalysisCache(self._cache_path) if self._cache_path else None
        # This thread's own session (SQLite connections belong to their thread).
        session = ReviewSession(self._register_path)
        try:

            def done(path: Path, outcome: PhotoAnalysis | Message) -> None:
                if isinstance(outcome, Message):
                    self.report(PhotoFailed(path, outcome))
                else:
                    decision = session.decide(outcome, self.channel, self.policy)
                    self.report(PhotoAnalysed(path, outcome, decision))

            return analyse_batch(
                self.paths,
                mode=self.mode,
                cache=cache,
                progress=self.report_progress,
                cancelled=self.is_cancelled,
                pool=self._pool,
                on_started=lambda path: self.report(PhotoStarted(path)),
                on_done=done,
                known_files=self.cached_only,
                cached_only=self.cached_only,
            )
        finally:
            session.close()
            if cache is not None:
                cache.close()


class DecideJob(Job):
    """Decide every analysed photo again (another channel, policy or register state); the
    result maps each path to its decision."""

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
                self.stop_if_cancelled()
                decisions[path] = session.decide(analysis, self.channel, self.policy)
            return decisions


# -- export ---------------------------------------------------------------------------------


@dataclass
class ExportRequest:
    paths: list[Path]
    options: ExportOptions
    analyses: dict[Path, PhotoAnalysis] = field(default_factory=dict)


class ExportJob(Job):
    """``core.export.export_photos``: what is not analysed yet is analysed in the app's pool.
    The result is the ``ExportSummary`` (a cancelled export says so in it)."""

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
            return export_photos(
                request.paths,
                options,
                session.snapshot(options.channel),
                manual=session.manual_decisions,
                recorder=register,
                cache=cache,
                analyses=request.analyses,
                progress=self.report_progress,
                cancelled=self.is_cancelled,
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
    """What the exported photo will look like: the listed faces covered, on the view's copy.
    The result is ``(path, image)``."""

    def __init__(self, loaded: LoadedPhoto, boxes: Sequence[Box], style: str) -> None:
        super().__init__()
        self.loaded = loaded
        self.boxes = list(boxes)
        self.style = style

    def work(self) -> tuple[Path, QImage]:
        working = self.loaded.working
        # The export's own mapping onto a reduced copy (``render_photo``): the preview covers
        # what the exported file covers.
        scaled = [working.to_copy(box) for box in self.boxes]
        covered = anonymise(working.image, scaled, style=self.style)
        return self.loaded.path, pil_to_qimage(covered)


# -- the demo register ----------------------------------------------------------------------


class DemoRegisterJob(Job):
    """Make the demo register at ``path``; enrolling its reference photos runs face detection
    (seconds), so it runs here. Finishes with the register's path."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = Path(path)

    def work(self) -> Path:
        made = create_demo_register(
            self.path, progress=self.report_progress, cancelled=self.is_cancelled
        )
        if made is None:
            raise JobCancelled
        return made
