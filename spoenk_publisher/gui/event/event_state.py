"""An event's state below its window: the photos, their analyses and decisions, and deciding
them again when the channel, the policy or the register changes.

The main window and the quick check each hold one ``EventState`` and only show what it holds:
``model`` (a ``PhotoListModel``, one row per photo) is what the grid, the review and the quick
check read. Analysing runs as an ``AnalyseJob``; deciding again goes through
``core.review.ReviewSession`` (the one place a photo is decided): for a whole event in a
``DecideJob`` off the UI thread, for one photo (a quick check, the review's edit) at once.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal

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

    def __init__(
        self,
        session: ReviewSession,
        runner: JobRunner,
        pool: AnalysisPool,
        cache_path: Path | None,
        parent: QObject | None = None,
    ) -> None:
        """``session``: the register as the UI thread reads it (shared with the review);
        ``runner`` starts the jobs; ``pool`` analyses; ``cache_path``: the analysis cache."""
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self.pool = pool
        self.cache_path = cache_path
        self.model = PhotoListModel(self)
        self.channel = ""
        self.policy: Policy = "blur"
        self.analyse_job: AnalyseJob | None = None
        self.decide_job: DecideJob | None = None
        self._analysis_started = 0.0

    # -- what the event is ------------------------------------------------------------------

    def set_photos(self, paths: list[Path]) -> None:
        """Show ``paths`` (a new event): nothing of the previous one goes on."""
        self.cancel_analysis()
        if self.decide_job is not None:
            self.decide_job.cancel()
            self.decide_job = None
        self.model.set_photos(paths)

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

    def analyse(self, paths: list[Path] | None = None) -> AnalyseJob | None:
        """Analyse ``paths`` (default: every photo without an analysis) and decide each for the
        chosen channel as it comes in; None when there is nothing to do or no channel."""
        if self.busy() or not self.channel:
            return None
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
        self.runner.start(job, finished=self._analysis_finished, failed=self._analysis_failed)
        self.analysis_running.emit(True)
        return job

    def cancel_analysis(self) -> None:
        if self.analyse_job is not None:
            self.analyse_job.cancel()

    def _analysis_step(self, step: object) -> None:
        if isinstance(step, PhotoStarted):
            self.model.set_analysing(step.path)
        elif isinstance(step, PhotoAnalysed):
            self._photo_analysed(step.path, step.analysis, step.decision)
        elif isinstance(step, PhotoFailed):
            self.set_error(step.path, step.reason)
        elif isinstance(step, Progress):
            self.analysis_progress.emit(step.done, step.total)

    def _photo_analysed(self, path: Path, analysis: PhotoAnalysis, decision: PhotoDecision) -> None:
        job = self.analyse_job
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
        stored analysis: no new detection. Raises ``RegisterError``."""
        item = self.model.item_for(path)
        if item is None or item.analysis is None:
            return None
        channel = item.decision.channel if item.decision is not None else self.channel
        decision = self.session.decide(item.analysis, channel, self.policy)
        self.model.set_decision(path, decision, self.sentence(decision))
        return decision
