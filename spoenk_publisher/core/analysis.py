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
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from spoenk_publisher.core.decisions import AnalysedFace
from spoenk_publisher.core.faces import Box
from spoenk_publisher.core.faces.detection import MODES, detect_faces
from spoenk_publisher.core.faces.encoding import encode_faces_in_photo
from spoenk_publisher.core.photos import UnreadablePhoto, content_hash, load_for_analysis

#: Bump when detection or encoding changes, so that old cached results are not reused.
ANALYSIS_VERSION = "centerface-3"

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
        AnalysedFace(face.box, face.score, encoding, face.source, face.kind)
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
            " encoding BLOB, kind TEXT NOT NULL DEFAULT 'face',"
            " PRIMARY KEY (sha256, mode, version, idx))"
        )
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(faces)")}
        if "kind" not in columns:  # a cache made before "possible" faces existed
            self._db.execute("ALTER TABLE faces ADD COLUMN kind TEXT NOT NULL DEFAULT 'face'")
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
                kind,
            )
            for x0, y0, x1, y1, score, source, blob, kind in self._db.execute(
                "SELECT x0, y0, x1, y1, score, source, encoding, kind FROM faces"
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
                "INSERT INTO faces (sha256, mode, version, idx, x0, y0, x1, y1, score, source,"
                " encoding, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                        face.kind,
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


#: ``submit(path, mode, sha256)``: run ``analyse_safely`` somewhere, e.g. on a process pool.
Submit = Callable[[Path, str, str], Future]
#: ``on_done(path, analysis_or_reason)``: called once per photo, on the caller's thread.
OnDone = Callable[[Path, "PhotoAnalysis | str"], None]


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
    cancelled = cancelled or (lambda: False)

    def on_done(path: Path, outcome: PhotoAnalysis | str) -> None:
        if isinstance(outcome, str):
            result.failures[path] = outcome
        else:
            result.analyses[path] = outcome
        if progress is not None:
            progress(len(result.analyses) + len(result.failures), len(paths), path)

    if progress is not None:
        progress(0, len(paths), None)
    to_run = split_cached(paths, mode, cache, cancelled, on_done)
    workers = max(1, workers or os.cpu_count() or 1)
    if to_run is None:
        result.cancelled = True
    elif workers == 1 or len(to_run) <= 1:
        result.cancelled = not run_uncached(to_run, mode, cache, None, 1, cancelled, on_done)
    else:
        # "spawn": a forked child of a Qt app or of onnxruntime's thread pool can deadlock.
        with ProcessPoolExecutor(
            max_workers=min(workers, len(to_run)),
            mp_context=multiprocessing.get_context("spawn"),
            initializer=init_worker,
        ) as pool:

            def submit(path: Path, mode: str, sha256: str) -> Future:
                return pool.submit(analyse_safely, path, mode, sha256)

            # Two photos queued per worker keep the cores busy without queueing work that a
            # cancel would have to wait for.
            finished = run_uncached(to_run, mode, cache, submit, 2 * workers, cancelled, on_done)
            result.cancelled = not finished
            if not finished:
                pool.shutdown(wait=False, cancel_futures=True)
    result.seconds = time.perf_counter() - started
    return result


def split_cached(
    paths: Iterable[Path],
    mode: str,
    cache: AnalysisCache | None,
    cancelled: Cancelled,
    on_done: OnDone,
) -> list[tuple[Path, str]] | None:
    """Report cached (and unreadable) photos through ``on_done`` at once; return the others
    with their hashes, or None when cancelled."""
    to_run: list[tuple[Path, str]] = []
    for path in paths:
        if cancelled():
            return None
        try:
            sha256 = content_hash(path)
        except OSError as error:
            on_done(path, UnreadablePhoto(path, f"the file cannot be read ({error})").reason)
            continue
        cached = cache.get(path, sha256, mode) if cache is not None else None
        if cached is not None:
            on_done(path, cached)
        else:
            to_run.append((path, sha256))
    return to_run


def run_uncached(
    to_run: Sequence[tuple[Path, str]],
    mode: str,
    cache: AnalysisCache | None,
    submit: Submit | None,
    in_flight_limit: int,
    cancelled: Cancelled,
    on_done: OnDone,
    on_started: Callable[[Path], None] | None = None,
    on_broken: Callable[[], None] | None = None,
) -> bool:
    """Analyse ``to_run`` (in this process when ``submit`` is None), caching each result and
    reporting it through ``on_done`` as it ends. Returns False when cancelled; photos already
    running are then dropped, and at most ``in_flight_limit`` were ever queued."""
    if submit is None:
        for path, sha256 in to_run:
            if cancelled():
                return False
            if on_started is not None:
                on_started(path)
            _finish(path, analyse_safely(path, mode, sha256), cache, on_done)
        return True
    pending = iter(to_run)
    in_flight: dict[Future, Path] = {}

    def submit_next() -> bool:
        item = next(pending, None)
        if item is None:
            return False
        path, sha256 = item
        in_flight[submit(path, mode, sha256)] = path
        if on_started is not None:
            on_started(path)
        return True

    while len(in_flight) < in_flight_limit and submit_next():
        pass
    while in_flight:
        finished, _ = wait(in_flight, timeout=0.1, return_when=FIRST_COMPLETED)
        for future in finished:
            path = in_flight.pop(future)
            try:
                outcome = future.result()
            except BrokenProcessPool:
                if on_broken is not None:
                    on_broken()
                outcome = "the analysis process stopped unexpectedly (out of memory?)"
            except Exception as error:  # one bad photo must never stop a batch
                outcome = f"analysis failed ({type(error).__name__}: {error})"
            _finish(path, outcome, cache, on_done)
        if cancelled():
            for future in in_flight:
                future.cancel()
            return False
        while len(in_flight) < in_flight_limit and submit_next():
            pass
    return True


def init_worker() -> None:
    """Set up an analysis process: one process per core, so one ONNX thread each."""
    from spoenk_publisher.core.faces import centerface

    centerface.set_session_threads(1)


def analyse_safely(path: Path, mode: str, sha256: str) -> PhotoAnalysis | str:
    """The analysis, or a readable reason why the photo could not be analysed."""
    try:
        return analyse_photo(path, mode, sha256)
    except UnreadablePhoto as error:
        return error.reason
    except Exception as error:  # one bad photo must never stop a batch
        return f"analysis failed ({type(error).__name__}: {error})"


def _finish(
    path: Path, outcome: PhotoAnalysis | str, cache: AnalysisCache | None, on_done: OnDone
) -> None:
    if isinstance(outcome, PhotoAnalysis) and cache is not None:
        cache.put(outcome)
    on_done(path, outcome)
