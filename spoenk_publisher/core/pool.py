"""The one pool of analysis processes: the command line makes one per batch, the desktop app
keeps one warm for the whole session.

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
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from spoenk_publisher.core.analysis import analyse_safely, init_worker

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
