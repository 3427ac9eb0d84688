"""A batch of photos: detect and encode every face, cached by content hash, on all cores.

Detection and encoding are the slow part and depend only on the photo's bytes and the mode,
so they are cached per SHA-256; matching and decisions are re-run from the cache whenever the
register changes (see ``core.decisions``).
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from spoenk_publisher.core.decisions import AnalysedFace
from spoenk_publisher.core.faces import Box
from spoenk_publisher.core.faces.detection import MODES, detect_faces
from spoenk_publisher.core.faces.encoding import encode_faces_in_photo
from spoenk_publisher.core.photos import UnreadablePhoto, content_hash, load_for_analysis

#: Bump when detection or encoding changes, so that old cached results are not reused.
ANALYSIS_VERSION = "centerface-2"

#: ``progress(done, total, current_path)``: called on the caller's thread.
Progress = Callable[[int, int, Path | None], None]
#: ``cancelled()`` is polled between photos; True stops the batch, keeping what finished.
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class PhotoAnalysis:
    """Every face found in one photo, in upright full-resolution pixels."""

    path: Path
    sha256: str
    width: int
    height: int
    mode: str
    faces: tuple[AnalysedFace, ...]
    from_cache: bool = False


@dataclass
class BatchResult:
    analyses: dict[Path, PhotoAnalysis] = field(default_factory=dict)
    failures: dict[Path, str] = field(default_factory=dict)
    cancelled: bool = False
    seconds: float = 0.0


def analyse_photo(
    path: Path | str, mode: str = "standard", sha256: str | None = None
) -> PhotoAnalysis:
    """Detect and encode every face of one photo (no cache). Raises ``UnreadablePhoto``."""
    path = Path(path)
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; expected one of {MODES}")
    sha256 = sha256 or content_hash(path)
    working = load_for_analysis(path)
    detected = detect_faces(working, mode=mode)
    boxes = [face.box for face in detected]
    encodings = encode_faces_in_photo(path, boxes, working) if boxes else []
    faces = tuple(
        AnalysedFace(face.box, face.score, encoding, face.source)
        for face, encoding in zip(detected, encodings, strict=True)
    )
    width, height = working.full_size
    return PhotoAnalysis(path, sha256, width, height, mode, faces)


class AnalysisCache:
    """Detections and encodings per (photo hash, mode), in one SQLite file.

    The encodings are biometric data: the file is created owner-only (0600) and ``clear()``
    deletes everything; it holds no photo and no file name.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not self.path.exists():
            fd = os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600)
            os.close(fd)
        self._db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA secure_delete=ON")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS analyses (sha256 TEXT, mode TEXT, version TEXT,"
            " width INTEGER, height INTEGER, PRIMARY KEY (sha256, mode, version))"
        )
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS faces (sha256 TEXT, mode TEXT, version TEXT, idx INTEGER,"
            " x0 INTEGER, y0 INTEGER, x1 INTEGER, y1 INTEGER, score REAL, source TEXT,"
            " encoding BLOB, PRIMARY KEY (sha256, mode, version, idx))"
        )
        self._db.commit()

    def get(self, path: Path, sha256: str, mode: str) -> PhotoAnalysis | None:
        key = (sha256, mode, ANALYSIS_VERSION)
        row = self._db.execute(
            "SELECT width, height FROM analyses WHERE sha256=? AND mode=? AND version=?", key
        ).fetchone()
        if row is None:
            return None
        faces = tuple(
            AnalysedFace(
                Box(x0, y0, x1, y1),
                score,
                None if blob is None else np.frombuffer(blob, dtype=np.float64).copy(),
                source,
            )
            for x0, y0, x1, y1, score, source, blob in self._db.execute(
                "SELECT x0, y0, x1, y1, score, source, encoding FROM faces"
                " WHERE sha256=? AND mode=? AND version=? ORDER BY idx",
                key,
            )
        )
        return PhotoAnalysis(path, sha256, row[0], row[1], mode, faces, from_cache=True)

    def put(self, analysis: PhotoAnalysis) -> None:
        key = (analysis.sha256, analysis.mode, ANALYSIS_VERSION)
        with self._db:
            self._db.execute("DELETE FROM faces WHERE sha256=? AND mode=? AND version=?", key)
            self._db.execute(
                "INSERT OR REPLACE INTO analyses VALUES (?, ?, ?, ?, ?)",
                (*key, analysis.width, analysis.height),
            )
            self._db.executemany(
                "INSERT INTO faces VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        *key,
                        index,
                        *face.box.as_list(),
                        face.score,
                        face.source,
                        None
                        if face.encoding is None
                        else face.encoding.astype(np.float64).tobytes(),
                    )
                    for index, face in enumerate(analysis.faces)
                ],
            )

    def clear(self) -> None:
        with self._db:
            self._db.execute("DELETE FROM faces")
            self._db.execute("DELETE FROM analyses")
        self._db.execute("VACUUM")

    def close(self) -> None:
        self._db.close()


def default_cache_path() -> Path:
    """``$XDG_CACHE_HOME/spoenk-publisher/analysis.sqlite`` (``~/.cache/...``)."""
    cache_home = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return cache_home / "spoenk-publisher" / "analysis.sqlite"


def analyse_batch(
    paths: Iterable[Path | str],
    mode: str = "standard",
    cache: AnalysisCache | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    workers: int | None = None,
) -> BatchResult:
    """Analyse ``paths`` on ``workers`` processes (default: all cores), cache first.

    A photo that cannot be read is listed in ``failures`` with its reason and the batch goes
    on. Cancelling stops submitting new photos at once and returns what has finished.
    """
    started = time.perf_counter()
    paths = [Path(p) for p in paths]
    result = BatchResult()
    total = len(paths)
    done = 0
    cancelled = cancelled or (lambda: False)

    def report(current: Path | None) -> None:
        if progress is not None:
            progress(done, total, current)

    report(None)
    to_run: list[tuple[Path, str]] = []
    for path in paths:
        if cancelled():
            result.cancelled = True
            break
        try:
            sha256 = content_hash(path)
        except OSError as error:
            result.failures[path] = UnreadablePhoto(
                path, f"the file cannot be read ({error})"
            ).reason
            done += 1
            report(path)
            continue
        cached = cache.get(path, sha256, mode) if cache is not None else None
        if cached is not None:
            result.analyses[path] = cached
            done += 1
            report(path)
        else:
            to_run.append((path, sha256))

    workers = max(1, workers or os.cpu_count() or 1)
    if to_run and not result.cancelled:
        if workers == 1 or len(to_run) == 1:
            for path, sha256 in to_run:
                if cancelled():
                    result.cancelled = True
                    break
                _collect(result, path, _analyse_safely(path, mode, sha256), cache)
                done += 1
                report(path)
        else:
            done = _run_in_pool(
                to_run, mode, cache, result, workers, cancelled, done, total, progress
            )
    result.seconds = time.perf_counter() - started
    return result


def _run_in_pool(
    to_run: list[tuple[Path, str]],
    mode: str,
    cache: AnalysisCache | None,
    result: BatchResult,
    workers: int,
    cancelled: Cancelled,
    done: int,
    total: int,
    progress: Progress | None,
) -> int:
    # "spawn": a forked child of a Qt app or of onnxruntime's thread pool can deadlock.
    context = multiprocessing.get_context("spawn")
    pending = iter(to_run)
    in_flight: dict[Future, Path] = {}
    with ProcessPoolExecutor(
        max_workers=min(workers, len(to_run)),
        mp_context=context,
        initializer=_init_worker,
    ) as pool:

        def submit_next() -> bool:
            item = next(pending, None)
            if item is None:
                return False
            path, sha256 = item
            in_flight[pool.submit(_analyse_safely, path, mode, sha256)] = path
            return True

        # Two photos queued per worker keep the cores busy without queueing work that a
        # cancel would have to wait for.
        for _ in range(workers * 2):
            if not submit_next():
                break
        while in_flight:
            finished, _ = wait(in_flight, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in finished:
                path = in_flight.pop(future)
                _collect(result, path, future.result(), cache)
                done += 1
                if progress is not None:
                    progress(done, total, path)
            if cancelled():
                result.cancelled = True
                for future in in_flight:
                    future.cancel()
                pool.shutdown(wait=False, cancel_futures=True)
                break
            while len(in_flight) < workers * 2 and submit_next():
                pass
    return done


def _init_worker() -> None:
    from spoenk_publisher.core.faces import centerface

    # One process per core: each ONNX session runs on a single thread.
    centerface.set_session_threads(1)


def _analyse_safely(path: Path, mode: str, sha256: str) -> PhotoAnalysis | str:
    """The analysis, or a readable reason why the photo could not be analysed."""
    try:
        return analyse_photo(path, mode, sha256)
    except UnreadablePhoto as error:
        return error.reason
    except Exception as error:  # one bad photo must never stop a batch
        return f"analysis failed ({type(error).__name__}: {error})"


def _collect(
    result: BatchResult, path: Path, outcome: PhotoAnalysis | str, cache: AnalysisCache | None
) -> None:
    if isinstance(outcome, str):
        result.failures[path] = outcome
        return
    result.analyses[path] = outcome
    if cache is not None:
        cache.put(outcome)
