"""A batch of photos analysed on the one pool of analysis processes: the command line makes a
pool per batch, the desktop app keeps one warm for the whole session.

Why analysis runs in processes: the models hold Python's GIL in stretches (dlib's landmarks,
the decode), which would freeze the window; and one process per core uses the cores without
onnxruntime's threads fighting each other. The app starts its pool in the background when the
window opens, so a quick check of one photo answers in about a second and the UI thread only
ever waits on a queue; ``core.analysis.analyse_batch`` and ``core.export.export_photos`` take
the pool to use (or make a temporary one). Workers end with their program
(``core.analysis.init_worker``).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from spoenk_publisher.core.analysis import (
    AnalysisCache,
    BatchResult,
    Cancelled,
    OnDone,
    PhotoAnalysis,
    Progress,
    analyse_safely,
    init_worker,
    run_uncached,
    split_cached,
)
from spoenk_publisher.messages import Message

#: How much lower the app's analysis processes' priority is than the window's (Unix ``nice``):
#: when every core is busy, the window gets the processor first.
BACKGROUND_NICENESS = 5


def default_workers() -> int:
    """One analysis process per core, as ``analyse_batch`` uses."""
    return max(1, os.cpu_count() or 1)


class AnalysisPool:
    """Spawned processes that detect and encode faces; created on first use, reused after."""

    def __init__(self, workers: int | None = None, niceness: int = 0) -> None:
        self.workers = max(1, workers or default_workers())
        self.niceness = niceness
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                # "spawn": a forked child of a Qt app or of onnxruntime's threads can deadlock.
                self._executor = ProcessPoolExecutor(
                    max_workers=self.workers,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_init_worker,
                    initargs=(os.getpid(), self.niceness),
                )
            return self._executor

    def warm_up(self) -> None:
        """Start the processes and load the models now, so the first photo is quick."""
        pool = self._pool()
        for _ in range(self.workers):
            pool.submit(_warm_up)

    def submit(self, path: Path, mode: str, sha256: str) -> Future:
        """A future of the ``PhotoAnalysis`` of ``path``, or of a readable reason it failed."""
        try:
            return self._pool().submit(analyse_safely, path, mode, sha256)
        except (BrokenProcessPool, RuntimeError):
            self.restart()  # a worker died (e.g. killed for memory): start afresh
            return self._pool().submit(analyse_safely, path, mode, sha256)

    def call(self, function: Callable[..., object], *args: object) -> Future:
        """A future of ``function(*args)`` in an analysis process (``function`` must be a
        module-level function, e.g. ``core.portraits.reference_face_safely``)."""
        try:
            return self._pool().submit(function, *args)
        except (BrokenProcessPool, RuntimeError):
            self.restart()
            return self._pool().submit(function, *args)

    def restart(self, wait: bool = False) -> None:
        """Stop the processes (new ones start on the next photo); queued photos are dropped,
        running ones end on their own (``wait``: wait until they have)."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=wait, cancel_futures=True)

    def shutdown(self, wait: bool = False) -> None:
        """Stop the processes; queued photos are dropped, running ones end on their own."""
        self.restart(wait)


def _init_worker(parent: int, niceness: int) -> None:
    init_worker(parent)
    if niceness and hasattr(os, "nice"):
        os.nice(niceness)


def _warm_up() -> None:
    from spoenk_publisher.core.faces import centerface, encoding

    centerface.session()
    encoding.warm_up()  # dlib's landmark model and the encoder's session


_shared: AnalysisPool | None = None


def shared_pool(workers: int | None = None) -> AnalysisPool:
    """The app's one pool, at background priority (``workers`` counts only when it is first
    made)."""
    global _shared
    if _shared is None:
        _shared = AnalysisPool(workers, niceness=BACKGROUND_NICENESS)
    return _shared


def shutdown_shared_pool() -> None:
    global _shared
    if _shared is not None:
        _shared.shutdown()
        _shared = None


def analyse_batch(
    paths: Iterable[Path | str],
    mode: str = "standard",
    cache: AnalysisCache | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    workers: int | None = None,
    pool: AnalysisPool | None = None,
    on_started: Callable[[Path], None] | None = None,
    on_done: OnDone | None = None,
    known_files: bool = False,
    cached_only: bool = False,
) -> BatchResult:
    """Analyse ``paths``, cache first, then on ``pool`` (the app's warm one) or on ``workers``
    processes started for this batch (default: one per core; 1: in this process).

    A photo that cannot be read is listed in ``failures`` with its reason and the batch goes
    on. Cancelling stops submitting new photos at once and returns what has finished.
    ``on_started(path)`` and ``on_done(path, analysis_or_reason)`` report each photo as it
    starts and ends (on the caller's thread). ``known_files``: see ``split_cached``;
    ``cached_only``: report what the cache knows and analyse nothing (the rest is left out of
    the result).
    """
    started = time.perf_counter()
    paths = [Path(p) for p in paths]
    result = BatchResult()
    cancelled = cancelled or (lambda: False)

    report = on_done

    def done(path: Path, outcome: PhotoAnalysis | Message) -> None:
        if isinstance(outcome, Message):
            result.failures[path] = outcome
        else:
            result.analyses[path] = outcome
        if report is not None:
            report(path, outcome)
        if progress is not None:
            progress(len(result.analyses) + len(result.failures), len(paths), path)

    if progress is not None:
        progress(0, len(paths), None)
    to_run = split_cached(paths, mode, cache, cancelled, done, known_files)
    workers = max(1, workers or os.cpu_count() or 1)
    if to_run is None:
        result.cancelled = True
    elif cached_only:
        pass
    elif pool is None and (workers == 1 or len(to_run) <= 1):
        finished = run_uncached(to_run, mode, cache, None, 1, cancelled, done, on_started)
        result.cancelled = not finished
    else:
        own = pool is None
        pool = pool or AnalysisPool(min(workers, len(to_run)))
        finished = False
        try:
            # Two photos queued per worker keep the cores busy without queueing work that a
            # cancel would have to wait for.
            finished = run_uncached(
                to_run, mode, cache, pool.submit, 2 * pool.workers, cancelled, done,
                on_started=on_started, on_broken=pool.restart,
            )  # fmt: skip
            result.cancelled = not finished
        finally:
            if own:  # a batch's own processes end with it (at once when cancelled)
                pool.shutdown(wait=finished)
    result.seconds = time.perf_counter() - started
    return result
