"""A batch of photos: detect and encode every face, cached by content hash, on all cores.

Detection and encoding are the slow part and depend only on the photo's bytes and the mode,
so they are cached per SHA-256; matching and decisions are re-run from the cache whenever the
register changes (see ``core.decisions``).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from spoenk_publisher.core.decisions import AnalysedFace
from spoenk_publisher.core.faces import Box
from spoenk_publisher.core.faces.detection import MODES, detect_faces
from spoenk_publisher.core.faces.encoding import encode_faces_in_photo_with_landmarks
from spoenk_publisher.core.faces.quality import FaceQuality, measure
from spoenk_publisher.core.photos import (
    UnreadablePhoto,
    check_regular_file,
    check_suffix,
    content_hash,
    load_for_analysis,
)
from spoenk_publisher.messages import Message

#: Bump when detection or encoding changes, so that old cached results are not reused.
#: 3: dlib's encoder runs in onnxruntime (encodings move by about 1e-6; not mixed with dlib's).
#: 4: the large detection pass runs as tiles, frames are padded, weak boxes are "possible".
#: 5: each encoded face carries its quality (pose and sharpness, ``core.faces.quality``).
#: 6: the large pass enlarges a photo at most 1.5x (``detection.LARGE_PASS_MAX_ZOOM``).
#: 7: ... of the photo, not of its working copy: a 12 MP photo is shown at 2560 px again.
ANALYSIS_VERSION = "centerface-7"

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
    #: Frames in the file (animation, pages); only the first was analysed (and is exported).
    frames: int = 1


@dataclass
class BatchResult:
    analyses: dict[Path, PhotoAnalysis] = field(default_factory=dict)
    #: Why a photo could not be analysed (``messages.text`` makes it a sentence).
    failures: dict[Path, Message] = field(default_factory=dict)
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
    encoded = encode_faces_in_photo_with_landmarks(path, boxes, working) if boxes else []
    faces = tuple(
        AnalysedFace(
            face.box,
            face.score,
            None if found is None else found.encoding,
            face.source,
            kind=face.kind,
            quality=(
                None if found is None else measure(found.landmarks, found.chip, face.box.height)
            ),
        )
        for face, found in zip(detected, encoded, strict=True)
    )
    width, height = working.full_size
    return PhotoAnalysis(path, sha256, width, height, mode, faces, frames=working.frames)


#: How the cache file is laid out; a file of another layout is emptied (it is only a cache).
#: 5: each face's quality (yaw, pitch, sharpness), so a change in the register re-decides
#: without re-encoding.
CACHE_SCHEMA = 5

class AnalysisCache:
    """Detections and encodings per (photo hash, mode), in one SQLite file.

    The encodings are biometric data: the file is created owner-only (0600), holds no photo and
    no file name, deleted rows are overwritten (``secure_delete``), analyses unused for
    ``retention_days`` are deleted when it is opened, ``forget_faces_near`` deletes every
    analysis with a face of a removed person, and ``clear()`` deletes everything.
    """

    def __init__(self, path: Path | str, retention_days: int = 0) -> None:
        """Open (creating, owner-only) the cache at ``path``; analyses unused for
        ``retention_days`` days are deleted now (0: none; see ``core.retention``)."""
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not self.path.exists():
            fd = os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600)
            os.close(fd)
        self._db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA secure_delete=ON")
            self._create_tables()
        except sqlite3.DatabaseError:
            # A damaged or foreign file where the cache should be: start it again.
            self._db.close()
            self.path.unlink(missing_ok=True)
            fd = os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600)
            os.close(fd)
            self._db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA secure_delete=ON")
            self._create_tables()
        if retention_days > 0:
            self.prune(retention_days)

    def _create_tables(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version != CACHE_SCHEMA:
            with self._db:
                self._db.execute("DROP TABLE IF EXISTS faces")
                self._db.execute("DROP TABLE IF EXISTS analyses")
                self._db.execute(f"PRAGMA user_version = {CACHE_SCHEMA}")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS analyses (sha256 TEXT, mode TEXT, version TEXT,"
            " width INTEGER, height INTEGER, frames INTEGER, used_at REAL,"
            " PRIMARY KEY (sha256, mode, version))"
        )
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS faces (sha256 TEXT, mode TEXT, version TEXT, idx INTEGER,"
            " x0 INTEGER, y0 INTEGER, x1 INTEGER, y1 INTEGER, score REAL, source TEXT,"
            " encoding BLOB, kind TEXT NOT NULL DEFAULT 'face', yaw REAL, pitch REAL,"
            " sharpness REAL, PRIMARY KEY (sha256, mode, version, idx))"
        )
        # Which content hash a file had, so that re-opening an event of 1,000 photos needs no
        # reading of 4 GB: keyed by a hash of (path, modification time, size), so the cache
        # holds no file name; a changed file gets a new key.
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS files (key TEXT PRIMARY KEY, sha256 TEXT, used_at REAL)"
        )
        self._db.commit()
        self._used: set[tuple[str, str, str]] = set()

    def get(self, path: Path, sha256: str, mode: str) -> PhotoAnalysis | None:
        key = (sha256, mode, ANALYSIS_VERSION)
        row = self._db.execute(
            "SELECT width, height, frames FROM analyses WHERE sha256=? AND mode=? AND version=?",
            key,
        ).fetchone()
        if row is None:
            return None
        self._used.add(key)  # written in one go by ``flush_use``
        faces = tuple(
            AnalysedFace(
                Box(x0, y0, x1, y1),
                score,
                None if blob is None else np.frombuffer(blob, dtype=np.float64).copy(),
                source,
                kind=kind,
                quality=None if yaw is None else FaceQuality(yaw, pitch, sharpness, y1 - y0),
            )
            for x0, y0, x1, y1, score, source, blob, kind, yaw, pitch, sharpness in (
                self._db.execute(
                    "SELECT x0, y0, x1, y1, score, source, encoding, kind, yaw, pitch, sharpness"
                    " FROM faces WHERE sha256=? AND mode=? AND version=? ORDER BY idx",
                    key,
                )
            )
        )
        width, height, frames = row
        return PhotoAnalysis(
            path, sha256, width, height, mode, faces, from_cache=True, frames=frames or 1
        )

    def put(self, analysis: PhotoAnalysis) -> None:
        key = (analysis.sha256, analysis.mode, ANALYSIS_VERSION)
        with self._db:
            self._db.execute("DELETE FROM faces WHERE sha256=? AND mode=? AND version=?", key)
            self._db.execute(
                "INSERT OR REPLACE INTO analyses VALUES (?, ?, ?, ?, ?, ?, ?)",
                (*key, analysis.width, analysis.height, analysis.frames, time.time()),
            )
            self._db.executemany(
                "INSERT INTO faces (sha256, mode, version, idx, x0, y0, x1, y1, score, source,"
                " encoding, kind, yaw, pitch, sharpness)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                        *(
                            (None, None, None)
                            if face.quality is None
                            else (face.quality.yaw, face.quality.pitch, face.quality.sharpness)
                        ),
                    )
                    for index, face in enumerate(analysis.faces)
                ],
            )

    def known_hash(self, path: Path) -> str | None:
        """The content hash recorded for this file as it is now (same path, time and size)."""
        row = self._db.execute("SELECT sha256 FROM files WHERE key=?", (_file_key(path),))
        found = row.fetchone()
        return found[0] if found else None

    def remember_hash(self, path: Path, sha256: str) -> None:
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?)",
                (_file_key(path), sha256, time.time()),
            )

    def flush_use(self) -> None:
        """Record the use of the analyses read since the last call (one write for a batch)."""
        if not self._used:
            return
        now = time.time()
        with self._db:
            self._db.executemany(
                "UPDATE analyses SET used_at=? WHERE sha256=? AND mode=? AND version=?",
                [(now, *key) for key in self._used],
            )
        self._used.clear()

    def prune(self, retention_days: int) -> int:
        """Delete analyses not used for ``retention_days`` days; returns how many."""
        cutoff = time.time() - retention_days * 86400
        with self._db:
            self._db.execute("DELETE FROM files WHERE used_at < ?", (cutoff,))
        return self._delete_analyses(
            self._db.execute(
                "SELECT sha256, mode, version FROM analyses WHERE used_at IS NULL OR used_at < ?",
                (cutoff,),
            ).fetchall()
        )

    def forget_faces_near(self, encodings: np.ndarray, radius: float) -> int:
        """Delete every analysis holding a face within ``radius`` of one of ``encodings`` (a
        removed person's reference faces): their faces in event photos are their biometric
        data too. Returns how many analyses were deleted."""
        references = np.asarray(encodings, dtype=np.float64).reshape(-1, 128)
        if len(references) == 0:
            return 0
        doomed = set()
        rows = self._db.execute(
            "SELECT sha256, mode, version, encoding FROM faces WHERE encoding IS NOT NULL"
        )
        for sha256, mode, version, blob in rows:
            encoding = np.frombuffer(blob, dtype=np.float64)
            if float(np.linalg.norm(references - encoding, axis=1).min()) <= radius:
                doomed.add((sha256, mode, version))
        return self._delete_analyses(sorted(doomed))

    def _delete_analyses(self, keys: list[tuple[str, str, str]]) -> int:
        if not keys:
            return 0
        with self._db:
            self._db.executemany(
                "DELETE FROM faces WHERE sha256=? AND mode=? AND version=?", keys
            )
            self._db.executemany(
                "DELETE FROM analyses WHERE sha256=? AND mode=? AND version=?", keys
            )
        # Old copies of the deleted pages must not linger in the write-ahead log either.
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        return len(keys)

    def clear(self) -> None:
        with self._db:
            self._db.execute("DELETE FROM faces")
            self._db.execute("DELETE FROM analyses")
            self._db.execute("DELETE FROM files")
        self._db.execute("VACUUM")
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def close(self) -> None:
        self.flush_use()
        self._db.close()


def _file_key(path: Path) -> str:
    """A file as it is now, without its name in clear: path, modification time and size."""
    stat = path.stat()
    text = f"{path.absolute()}\0{stat.st_mtime_ns}\0{stat.st_size}"
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def default_cache_path() -> Path:
    """``$XDG_CACHE_HOME/spoenk-publisher/analysis.sqlite`` (``~/.cache/...``)."""
    cache_home = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return cache_home / "spoenk-publisher" / "analysis.sqlite"


#: ``submit(path, mode, sha256)``: run ``analyse_safely`` somewhere, e.g. on a process pool.
Submit = Callable[[Path, str, str], Future]
#: ``on_done(path, analysis_or_reason)``: called once per photo, on the caller's thread.
OnDone = Callable[[Path, "PhotoAnalysis | Message"], None]


def split_cached(
    paths: Iterable[Path],
    mode: str,
    cache: AnalysisCache | None,
    cancelled: Cancelled,
    on_done: OnDone,
    known_files: bool = False,
) -> list[tuple[Path, str]] | None:
    """Report cached (and unreadable) photos through ``on_done`` at once; return the others
    with their hashes, or None when cancelled.

    With ``known_files`` a file whose path, time and size are unchanged since it was last
    hashed is not read again (re-opening 1,000 photos in well under a second); what is
    exported is always hashed again (``core.export``), so a swapped file is never published
    on an old analysis.
    """
    to_run: list[tuple[Path, str]] = []
    try:
        for path in paths:
            if cancelled():
                return None
            try:
                check_regular_file(path)
                known = known_files and cache is not None
                sha256 = cache.known_hash(path) if known else None
                if sha256 is None:
                    sha256 = content_hash(path)
                    if cache is not None:
                        cache.remember_hash(path, sha256)
            except UnreadablePhoto as error:
                on_done(path, error.reason)
                continue
            except OSError as error:
                on_done(path, Message("photo.unreadable", detail=error.strerror or str(error)))
                continue
            cached = cache.get(path, sha256, mode) if cache is not None else None
            if cached is not None:
                try:
                    check_suffix(path)  # the loader's rule, for a file the cache spares it
                except UnreadablePhoto as error:
                    on_done(path, error.reason)
                    continue
                on_done(path, cached)
            else:
                to_run.append((path, sha256))
    finally:
        if cache is not None:
            cache.flush_use()
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
                outcome = Message("analysis.process_died")
            except Exception as error:  # one bad photo must never stop a batch
                outcome = Message("analysis.failed", detail=f"{type(error).__name__}: {error}")
            _finish(path, outcome, cache, on_done)
        if cancelled():
            for future in in_flight:
                future.cancel()
            return False
        while len(in_flight) < in_flight_limit and submit_next():
            pass
    return True


#: How often an analysis process checks that the program that started it is still there.
PARENT_CHECK_S = 1.0


def init_worker(parent: int | None = None) -> None:
    """Set up an analysis process: end it when the program ``parent`` (its pid) is gone, and
    run one ONNX thread for the detector and the encoder (one process per core)."""
    _exit_with_parent(parent if parent is not None else os.getppid())
    from spoenk_publisher.core.faces import sessions

    sessions.set_session_threads(1)


def _exit_with_parent(parent: int) -> None:
    """A worker must not outlive its program: after ``kill -9`` of the CLI or the app, its
    analysis processes (1-2 GB each) would otherwise go on. The parent's death makes this
    process an orphan (another parent id); a daemon thread notices within ``PARENT_CHECK_S``.
    The parent's pid is handed over at start, so a parent that died while this process was
    still starting is noticed too. (Linux's PR_SET_PDEATHSIG is not used: it fires when the
    *thread* that started the process ends, which in a thread pool is not the program
    ending.)"""
    if os.getppid() != parent:
        os._exit(0)

    def watch() -> None:
        while True:
            time.sleep(PARENT_CHECK_S)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def analyse_safely(path: Path, mode: str, sha256: str) -> PhotoAnalysis | Message:
    """The analysis, or why the photo could not be analysed."""
    try:
        return analyse_photo(path, mode, sha256)
    except UnreadablePhoto as error:
        return error.reason
    except Exception as error:  # one bad photo must never stop a batch
        return Message("analysis.failed", detail=f"{type(error).__name__}: {error}")


def _finish(
    path: Path, outcome: PhotoAnalysis | Message, cache: AnalysisCache | None, on_done: OnDone
) -> None:
    if isinstance(outcome, PhotoAnalysis) and cache is not None:
        cache.put(outcome)
    on_done(path, outcome)
