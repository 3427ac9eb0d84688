"""The one job contract: every long operation of the app runs as a ``Job`` on a ``JobRunner``.

A job runs ``work(job)`` on a pool thread: a plain function given to ``Job``, or the ``work``
method of a subclass. The work reports steps with ``job.report(step)`` (or yields them: a
generator's steps are reported and its return value is the result), checks
``job.is_cancelled()`` at each unit of work and stops with ``job.stop_if_cancelled()`` (which
raises ``JobCancelled``). The job's signals, created on the UI thread so that their slots run
there, end with exactly one of:

- ``finished(result)``: the work returned ``result``. Work whose finished part matters (an
  analysis, an export) returns it when cancelled too, saying so in the result;
- ``cancelled()``: the work stopped for Cancel with nothing to show, or never started (Cancel
  came while it waited for a thread). Whoever keeps state until the job ends (a busy flag, a
  dialog's page) must end it on this signal too, or the window waits for good;
- ``failed(error)``: the work raised; the exception object travels, and the window makes it a
  sentence with ``gui.common.errors.sentence`` (an unexpected error's traceback is logged here),

and always then ``ended()``. ``progress(step)`` comes before, as often as the work reports.
Cancel only sets the job's event: nothing is ever killed. Worker code never touches a widget or
a model; whatever a step or result carries is read on the UI thread. Connect to the signals
before the job starts (``JobRunner.start`` takes the three endings as arguments).

``JobRunner`` starts jobs on pools by role: ``GENERAL`` for reading and computing, ``WRITE`` (one
thread) for what writes files or the register, so two exports or imports never race. It keeps a
job alive until it has ended and says when it is busy.
"""

from __future__ import annotations

import inspect
import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from spoenk_publisher.messages import CodedError

log = logging.getLogger(__name__)

#: The pools a runner has by default, and their threads (None: one per core).
GENERAL, WRITE = "general", "write"
DEFAULT_POOLS: Mapping[str, int | None] = {GENERAL: None, WRITE: 1}


JobT = TypeVar("JobT", bound="Job")


class JobCancelled(Exception):
    """Raised by a job's work to stop for Cancel; the job then ends with ``cancelled``."""


@dataclass(frozen=True)
class Progress:
    """How far a job is: ``done`` of ``total`` units (0 of 0: busy, end unknown), and the item
    being worked on (a path, a name) if any."""

    done: int
    total: int
    item: object = None


class JobSignals(QObject):
    """What a job reports (a QRunnable is no QObject, so the signals live here)."""

    progress = Signal(object)  # a Progress, or an event of the job's own (e.g. a photo done)
    finished = Signal(object)  # the result
    cancelled = Signal()
    failed = Signal(object)  # the exception
    ended = Signal()  # always last, after one of the three above


class Job(QRunnable):
    """One long operation: ``work(job)`` on a pool thread, reported through ``signals``."""

    def __init__(self, work: Callable[[Job], Any] | None = None, title: str = "") -> None:
        """``work``: the function to run (default: the subclass's ``work`` method); ``title``
        says what the job does, for a progress bar (translated by the caller)."""
        super().__init__()
        self.setAutoDelete(False)  # the runner keeps the Python object until it has ended
        self.signals = JobSignals()
        self.title = title
        self._work = work
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop at its next checkpoint (from any thread)."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def stop_if_cancelled(self) -> None:
        if self._cancel.is_set():
            raise JobCancelled

    def report(self, step: object) -> None:
        """Report a step (a ``Progress`` or an event); delivered to the UI thread."""
        self.signals.progress.emit(step)

    def report_progress(self, done: int, total: int, item: object = None) -> None:
        """The core's ``progress(done, total, item)`` callback as a ``Progress`` step."""
        self.report(Progress(done, total, item))

    def run(self) -> None:
        signals = self.signals
        try:
            if self._cancel.is_set():
                raise JobCancelled
            result = self._work(self) if self._work is not None else self.work()
            if inspect.isgenerator(result):
                result = self._drain(result)
        except JobCancelled:
            signals.cancelled.emit()
        except Exception as error:  # every failure reaches the window, never a thread's end
            if isinstance(error, CodedError | OSError):  # a reason the user can act on
                log.info("%s: %s", self.title or type(self).__name__, error)
            else:
                log.error("%s failed", self.title or type(self).__name__, exc_info=error)
            signals.failed.emit(error)
        else:
            signals.finished.emit(result)
        finally:
            signals.ended.emit()

    def work(self) -> Any:
        """What a subclass does (when no ``work`` function was given)."""
        raise NotImplementedError

    def _drain(self, steps) -> object:
        while True:
            try:
                step = next(steps)
            except StopIteration as stop:
                return stop.value
            self.report(step)


class JobRunner(QObject):
    """Starts jobs on pools by role and keeps each alive until it has ended."""

    #: job, step: a running job's progress (for a progress bar)
    progress = Signal(object, object)
    #: whether any job is queued or running
    busy_changed = Signal(bool)

    def __init__(
        self, parent: QObject | None = None, pools: Mapping[str, int | None] = DEFAULT_POOLS
    ) -> None:
        super().__init__(parent)
        self._pools: dict[str, QThreadPool] = {}
        for role, threads in pools.items():
            pool = QThreadPool(self)
            if threads:
                pool.setMaxThreadCount(threads)
            self._pools[role] = pool
        self._jobs: list[Job] = []
        self._closed = False

    def start(
        self,
        job: JobT,
        role: str = GENERAL,
        *,
        finished: Callable[[Any], object] | None = None,
        failed: Callable[[Exception], object] | None = None,
        cancelled: Callable[[], object] | None = None,
    ) -> JobT:
        """Queue ``job`` on the pool for ``role``, with slots for its endings (connected first,
        so that none is missed)."""
        for signal, slot in (
            (job.signals.finished, finished),
            (job.signals.failed, failed),
            (job.signals.cancelled, cancelled),
        ):
            if slot is not None:
                signal.connect(slot)
        if self._closed:
            job.cancel()
        was_busy = bool(self._jobs)
        self._jobs.append(job)
        job.signals.progress.connect(lambda step, job=job: self._progress(job, step))
        job.signals.ended.connect(lambda job=job: self._ended(job))
        self._pools[role].start(job)
        if not was_busy:
            self.busy_changed.emit(True)
        self.progress.emit(job, Progress(0, 0))  # under way, end unknown: a bar can say so
        return job

    def jobs(self) -> list[Job]:
        return list(self._jobs)

    def is_busy(self) -> bool:
        return bool(self._jobs)

    def cancel_all(self) -> None:
        for job in self._jobs:
            job.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Wait for every pool (the UI thread stands still meanwhile: only for closing)."""
        return all(pool.waitForDone(msecs) for pool in self._pools.values())

    def shut_down(self, msecs: int = -1) -> bool:
        """Cancel everything, report nothing more, and wait for the pools."""
        self._closed = True
        for job in self._jobs:
            job.cancel()
            job.signals.blockSignals(True)
        done = self.wait(msecs)
        self._jobs.clear()
        return done

    def _progress(self, job: Job, step: object) -> None:
        if not self._closed:
            self.progress.emit(job, step)

    def _ended(self, job: Job) -> None:
        if job in self._jobs:
            self._jobs.remove(job)
            if not self._jobs and not self._closed:
                self.busy_changed.emit(False)
