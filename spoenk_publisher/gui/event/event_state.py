"""An event's state below its window: the photos, their analyses and decisions, and deciding
them again when the channel, the policy or the register changes.

The main window and the quick check each hold one ``EventState`` and only show what it holds:
``model`` (a ``PhotoListModel``, one row per photo) is what the grid, the review and the quick
check read. Analysing runs as an ``AnalyseJob``; deciding again goes through
``core.review.ReviewSession`` (the one place a photo is decided): for a whole event in a
``DecideJob`` off the UI thread, for one photo (a quick check, the review's edit) at once.

Opening an event shows at once what the analysis cache knows (``load_cached``: the verdicts
of photos analysed before, with the corrections made by hand), so only the rest waits for
Analyse.

**Reviewed.** What counts as reviewed is ``core.export_plan.is_reviewed``: a photo someone has
looked at, or with a face decided by hand. The state says when a photo was looked at: it was
shown large in the review, analysed, for at least ``REVIEW_DWELL_MS`` (the main window calls
``showing``; leafing past with the arrow keys does not count), or its quick check showed its
answer, or an edit was made in the review. Looks are kept by the photo's content hash, in memory
while the app runs: a copy of the photo under another name is reviewed too, and a photo whose
bytes changed is not. A channel change keeps a photo reviewed: the faces the user looked at stay
the same, and which of them are blurred follows the register.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from spoenk_publisher.core.analysis import BatchResult, PhotoAnalysis
from spoenk_publisher.core.decisions import PhotoDecision, Policy
from spoenk_publisher.core.pool import AnalysisPool
from spoenk_publisher.core.review import ReviewSession
from spoenk_publisher.gui.event.jobs import (
    AnalyseJob,
    DecideJob,
    PhotoAnalysed,
    PhotoFailed,
    PhotoStarted,
)
from spoenk_publisher.gui.event.photo_model import PhotoListModel
from spoenk_publisher.gui.event.verdict_text import texts
from spoenk_publisher.gui.jobs import JobRunner, Progress
from spoenk_publisher.messages import Message, text
from spoenk_publisher.register import RegisterError

#: How long a photo must be shown large in the review, with its faces and verdict, before it
#: counts as reviewed: long enough to see its boxes, short enough that nobody waits for it.
#: (Leafing past a photo with the arrow keys does not count.)
REVIEW_DWELL_MS = 1000

#: Up to this many analysed photos are decided again on the UI thread (a few milliseconds each:
#: a quick check answers a channel change at once); more go to a ``DecideJob``.
DECIDE_AT_ONCE = 1


class EventState(QObject):
    """The photos of one event (or of one quick check) with their analyses and decisions."""

    #: an analysis started (True) or ended (False)
    analysis_running = Signal(bool)
    #: done, total: how far the analysis is
    analysis_progress = Signal(int, int)
    #: the analysis ended: its ``BatchResult`` (cancelled or not) and the seconds it took
    analysis_finished = Signal(object, float)
    #: the analysis could not run: the error
    analysis_failed = Signal(object)
    #: every analysed photo is decided again (another channel, policy or register state)
    redecided = Signal()
    #: deciding every photo again failed: the error
    redecide_failed = Signal(object)
    #: a photo analysed for a choice made before could not be decided for the new one: the
    #: error (it keeps the decision for the old choice)
    decide_failed = Signal(object)
    #: what the cache knew of a newly opened event is shown: photos shown, photos still to
    #: analyse
    cached_loaded = Signal(int, int)
    #: the user asked to look at these photos before exporting (the export dialog's "Review
    #: first"): the window shows them
    review_requested = Signal(list)

    def __init__(
        self,
        session: ReviewSession,
        runner: JobRunner,
        pool: AnalysisPool,
        cache_path: Path | None,
        parent: QObject | None = None,
        reviewed: set[str] | None = None,
    ) -> None:
        """``session``: the register as the UI thread reads it (shared with the review);
        ``runner`` starts the jobs; ``pool`` analyses; ``cache_path``: the analysis cache;
        ``reviewed``: the hashes of photos looked at, shared with another state (a quick check
        shares the main window's)."""
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self.pool = pool
        self.cache_path = cache_path
        self.model = PhotoListModel(self, reviewed)
        self.channel = ""
        self.policy: Policy = "blur"
        self.analyse_job: AnalyseJob | None = None
        self.cached_job: AnalyseJob | None = None
        self.decide_job: DecideJob | None = None
        self._analysis_started = 0.0
        self._showing: Path | None = None
        self._dwell = QTimer(self)
        self._dwell.setSingleShot(True)
        self._dwell.setInterval(REVIEW_DWELL_MS)
        self._dwell.timeout.connect(self._dwelt)

    # -- what the event is ------------------------------------------------------------------

    def set_photos(self, paths: list[Path], cached: bool = True) -> None:
        """Show ``paths`` (a new event): nothing of the previous one goes on. ``cached``: show
        at once what the analysis cache knows of them (``load_cached``)."""
        self.cancel_analysis()
        self._cancel_cached()
        self.showing(None)
        if self.decide_job is not None:
            self.decide_job.cancel()
            self.decide_job = None
        self.model.set_photos(paths)
        if cached:
            self.load_cached()

    def register_path(self) -> Path | None:
        """The register the jobs open (None: there is none usable, so everyone is blurred)."""
        return self.session.register_path if self.session.available else None

    def channel_label(self, channel: str | None = None) -> str:
        return self.session.channel_label(channel or self.channel)

    def sentence(self, decision: PhotoDecision) -> str:
        """The verdict line of ``decision``, as the grid's tooltip and the review show it."""
        return texts().sentence(decision, self.channel_label(decision.channel))

    # -- analysis ---------------------------------------------------------------------------

    def busy(self) -> bool:
        return self.analyse_job is not None

    def load_cached(self) -> AnalyseJob | None:
        """Show at once what the analysis cache knows of the photos without an analysis (an
        event analysed before, re-opened), decided for the chosen channel with the corrections
        made by hand; nothing is analysed. ``cached_loaded`` follows. None when there is no
        cache, no channel or nothing to look up."""
        self._cancel_cached()
        todo = self.model.unanalysed_paths()
        if self.cache_path is None or not self.channel or not todo or self.busy():
            return None
        job = AnalyseJob(
            todo,
            self.channel,
            self.pool,
            self.register_path(),
            self.cache_path,
            self.policy,
            cached_only=True,
        )
        job.signals.progress.connect(lambda step, job=job: self._cached_step(job, step))
        self.cached_job = job
        self.runner.start(
            job,
            finished=lambda result, job=job: self._cached_finished(job, result),
            failed=lambda _error, job=job: self._cached_finished(job, None),
        )
        return job

    def loading_cached(self) -> bool:
        return self.cached_job is not None

    def _cancel_cached(self) -> None:
        if self.cached_job is not None:
            self.cached_job.cancel()
            self.cached_job = None

    def _cached_step(self, job: AnalyseJob, step: object) -> None:
        if job is not self.cached_job:
            return  # another event was opened, or the analysis took over
        if isinstance(step, PhotoAnalysed):
            self._photo_analysed(step.path, step.analysis, step.decision, job)
        elif isinstance(step, PhotoFailed):
            self.set_error(step.path, step.reason)

    def _cached_finished(self, job: AnalyseJob, result: BatchResult | None) -> None:
        if job is not self.cached_job:
            return
        self.cached_job = None
        # A failed look-up (a damaged cache) only means these photos wait for Analyse.
        shown = len(result.analyses) if result is not None else 0
        self.cached_loaded.emit(shown, len(self.model.unanalysed_paths()))

    def analyse(self, paths: list[Path] | None = None) -> AnalyseJob | None:
        """Analyse ``paths`` (default: every photo without an analysis) and decide each for the
        chosen channel as it comes in; None when there is nothing to do or no channel."""
        if self.busy() or not self.channel:
            return None
        # The analysis looks in the cache first too: it takes over from a look-up under way.
        self._cancel_cached()
        todo = self.model.unanalysed_paths() if paths is None else list(paths)
        if not todo:
            return None
        self.model.set_waiting(todo)
        job = AnalyseJob(
            todo, self.channel, self.pool, self.register_path(), self.cache_path, self.policy
        )
        job.signals.progress.connect(self._analysis_step)
        self.analyse_job = job
        self._analysis_started = time.perf_counter()
        self.runner.start(
            job,
            finished=self._analysis_finished,
            failed=self._analysis_failed,
            # Cancelled before it began (waiting for a thread): every photo waits again.
            cancelled=lambda: self._analysis_finished(BatchResult(cancelled=True)),
        )
        self.analysis_running.emit(True)
        return job

    def cancel_analysis(self) -> None:
        if self.analyse_job is not None:
            self.analyse_job.cancel()

    def _analysis_step(self, step: object) -> None:
        if isinstance(step, PhotoStarted):
            self.model.set_analysing(step.path)
        elif isinstance(step, PhotoAnalysed):
            self._photo_analysed(step.path, step.analysis, step.decision, self.analyse_job)
        elif isinstance(step, PhotoFailed):
            self.set_error(step.path, step.reason)
        elif isinstance(step, Progress):
            self.analysis_progress.emit(step.done, step.total)

    def _photo_analysed(
        self,
        path: Path,
        analysis: PhotoAnalysis,
        decision: PhotoDecision,
        job: AnalyseJob | None,
    ) -> None:
        if decision.channel != self.channel or job is None or job.policy != self.policy:
            # The choice changed while the job ran: decide again for the one now made.
            try:
                decision = self.session.decide(analysis, self.channel, self.policy)
            except RegisterError as error:
                self.decide_failed.emit(error)
        self.model.set_result(path, analysis, decision, self.sentence(decision))

    def set_error(self, path: Path, reason: Message | str) -> None:
        """``path`` cannot be shown or analysed, and why (a sentence, or the catalogue's code)."""
        self.model.set_error(path, text(reason), texts().error_sentence(reason))

    def _analysis_finished(self, result: BatchResult) -> None:
        job, self.analyse_job = self.analyse_job, None
        if job is not None:  # photos queued when it was cancelled wait for the next run
            self.model.set_waiting(
                [p for p in job.paths if p not in result.analyses and p not in result.failures]
            )
        self.analysis_running.emit(False)
        self.analysis_finished.emit(result, time.perf_counter() - self._analysis_started)

    def _analysis_failed(self, error: Exception) -> None:
        self.analyse_job = None
        self.analysis_running.emit(False)
        self.analysis_failed.emit(error)

    # -- deciding again ---------------------------------------------------------------------

    def redecide(self, channel: str | None = None, policy: Policy | None = None) -> None:
        """Decide every analysed photo again, for ``channel`` and ``policy`` when given (else
        the current choice), with the register read afresh; ``redecided`` follows."""
        if channel is not None:
            self.channel = channel
        if policy is not None:
            self.policy = policy
        self.session.forget_snapshots()
        if self.decide_job is not None:
            self.decide_job.cancel()
            self.decide_job = None
        analyses = self.model.analyses()
        if not analyses or not self.channel:
            self.redecided.emit()
        elif len(analyses) <= DECIDE_AT_ONCE:
            self._apply_at_once(analyses)
        else:
            job = DecideJob(analyses, self.channel, self.register_path(), self.policy)
            self.decide_job = job
            self.runner.start(
                job,
                finished=lambda decisions, job=job: self._decided(job, decisions),
                failed=self.redecide_failed.emit,
            )

    def _apply_at_once(self, analyses: dict[Path, PhotoAnalysis]) -> None:
        try:
            decisions = {
                path: self.session.decide(analysis, self.channel, self.policy)
                for path, analysis in analyses.items()
            }
        except RegisterError as error:
            self.redecide_failed.emit(error)
            return
        self._apply(decisions)

    def _decided(self, job: DecideJob, decisions: dict[Path, PhotoDecision]) -> None:
        if job is not self.decide_job:
            return  # a newer choice replaced it
        self.decide_job = None
        if job.channel == self.channel and job.policy == self.policy:
            self._apply(decisions)

    def _apply(self, decisions: dict[Path, PhotoDecision]) -> None:
        for path, decision in decisions.items():
            self.model.set_decision(path, decision, self.sentence(decision))
        self.redecided.emit()

    def decide(self, path: Path) -> PhotoDecision | None:
        """Decide one analysed photo again at once (after an edit in the review), from its
        stored analysis: no new detection. An edit means the user looked at the photo: it
        counts as reviewed. Raises ``RegisterError``."""
        item = self.model.item_for(path)
        if item is None or item.analysis is None:
            return None
        channel = item.decision.channel if item.decision is not None else self.channel
        decision = self.session.decide(item.analysis, channel, self.policy)
        self.model.mark_reviewed(path)
        self.model.set_decision(path, decision, self.sentence(decision))
        return decision

    def decisions_for(self, channel: str) -> dict[Path, PhotoDecision]:
        """Every analysed photo's decision for ``channel`` (the export's choice): the shown one
        when it is for that channel, else decided at once from its stored analysis. A photo
        that cannot be decided (the register is unreadable) is left out."""
        decisions: dict[Path, PhotoDecision] = {}
        for item in self.model._items:
            if item.analysis is None:
                continue
            if item.decision is not None and item.decision.channel == channel:
                decisions[item.path] = item.decision
                continue
            try:
                decisions[item.path] = self.session.decide(item.analysis, channel, "blur")
            except RegisterError:
                continue
        return decisions

    # -- reviewed and exported --------------------------------------------------------------

    def mark_reviewed(self, path: Path) -> None:
        """The user has looked at ``path`` (see the module's docstring)."""
        self.model.mark_reviewed(path)

    def showing(self, path: Path | None) -> None:
        """The window shows ``path`` large in the review now (None: nothing): once it has
        been shown, analysed, for ``REVIEW_DWELL_MS``, it counts as reviewed."""
        self._showing = path
        if path is None:
            self._dwell.stop()
        else:
            self._dwell.start()

    def _dwelt(self) -> None:
        item = self.model.item_for(self._showing) if self._showing is not None else None
        if item is not None and item.decision is not None:
            self.model.mark_reviewed(item.path)

    def request_review(self, paths: list[Path]) -> None:
        """Show ``paths`` for review instead of exporting them (``review_requested``)."""
        if paths:
            self.review_requested.emit(list(paths))

    def exported(self, paths: list[Path], channel_label: str) -> None:
        """``paths`` were just exported: the grid says so, and the photos the export analysed
        itself show their verdict (from the cache the export filled) instead of waiting."""
        for path in paths:
            self.model.set_exported(path, channel_label)
        waiting = set(self.model.unanalysed_paths())
        if any(path in waiting for path in paths):
            self.load_cached()

    def is_reviewed(self, path: Path) -> bool:
        item = self.model.item_for(path)
        return item is not None and self.model.is_reviewed(item)
