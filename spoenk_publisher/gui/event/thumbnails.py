"""Thumbnails decoded off the UI thread, cached on disk, delivered by queued signal.

The disk cache is keyed by path, modification time and size, so that listing a folder of a
thousand photos needs no hashing; a changed file gets a new key. The cache holds small copies
of the photos (of children), so its folder is private to the user (0700), a thumbnail not shown
for the retention period is deleted (``core.retention``) and the Settings dialog can empty it.
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Iterable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from spoenk_publisher.core.photos import load_for_analysis
from spoenk_publisher.core.retention import thumbnail_dir
from spoenk_publisher.gui.event.jobs import pil_to_qimage
from spoenk_publisher.gui.jobs import Job, JobRunner

#: Long side of a stored thumbnail: the grid paints it at most this size (memory: about 100 KB
#: per photo as RGB, 100 MB for a 1,000-photo event).
THUMBNAIL_SIDE = 200
_CACHE_QUALITY = 85
#: Threads decoding thumbnails: one core is left to the window, because decoding holds
#: Python's GIL in stretches of up to ~35 ms (bench/gui_responsiveness.py, 2 cores: 2 threads
#: gave UI gaps up to 250 ms while 1,000 thumbnails loaded the first time, 1 thread 150 ms).
THUMBNAIL_THREADS = max(1, (os.cpu_count() or 2) - 1)
#: The loader's pool (its own, so that thumbnails never wait behind an analysis or an export).
THUMBNAILS = "thumbnails"


class ThumbnailCache:
    """Thumbnails as JPEG files named by a hash of path, mtime and size."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or thumbnail_dir()

    def key(self, path: Path) -> str:
        stat = path.stat()
        text = f"{path.absolute()}\0{stat.st_mtime_ns}\0{stat.st_size}\0{THUMBNAIL_SIDE}"
        return hashlib.sha1(text.encode("utf-8", "surrogateescape")).hexdigest()

    def file_for(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.jpg"

    def get(self, key: str) -> QImage | None:
        file = self.file_for(key)
        try:
            os.utime(file)  # used now: kept for another retention period (core.retention)
        except OSError:
            return None
        image = QImage(str(file))
        return None if image.isNull() else image.convertToFormat(QImage.Format.Format_RGB888)

    def put(self, key: str, image: QImage) -> None:
        file = self.file_for(key)
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(self.folder, 0o700)
            partial = file.with_suffix(f".{os.getpid()}.part")
            if image.save(str(partial), "JPG", _CACHE_QUALITY):
                os.replace(partial, file)  # another thread may write the same key: last wins
        except OSError:
            pass  # a cache that cannot be written only costs time


class ThumbnailLoader(QObject):
    """Loads thumbnails a few at a time, the ones the user is looking at first: each one is a
    job of the one contract (``gui.jobs``) on the loader's own pool."""

    loaded = Signal(object, QImage)  # path, thumbnail
    failed = Signal(object, object)  # path, the error (``gui.common.errors.sentence`` says it)
    all_loaded = Signal()

    def __init__(self, parent: QObject | None = None, cache: ThumbnailCache | None = None):
        super().__init__(parent)
        self.cache = cache or ThumbnailCache()
        self.runner = JobRunner(self, pools={THUMBNAILS: THUMBNAIL_THREADS})
        self._generation = 0
        self._queue: deque[Path] = deque()
        self._in_flight = 0

    def load(self, paths: Iterable[Path]) -> None:
        """Forget pending work and load ``paths`` in order."""
        self._generation += 1
        self.runner.cancel_all()  # what has not started yet of the old folder never will
        self._queue = deque(paths)
        self._in_flight = 0  # jobs of the old generation still running end and are ignored
        self._pump()

    def prioritise(self, paths: Iterable[Path]) -> None:
        """Load these (the visible ones) next, keeping their order."""
        wanted = [p for p in paths]
        if not wanted or not self._queue:
            return
        waiting = set(self._queue)
        first = [p for p in wanted if p in waiting]
        if first:
            chosen = set(first)
            self._queue = deque(first + [p for p in self._queue if p not in chosen])

    def pending(self) -> int:
        return len(self._queue) + self._in_flight

    def _pump(self) -> None:
        limit = 2 * THUMBNAIL_THREADS
        while self._queue and self._in_flight < limit:
            path = self._queue.popleft()
            self._in_flight += 1
            job = Job(partial(make_thumbnail, path, self.cache))
            generation = self._generation
            job.signals.ended.connect(lambda g=generation: self._ended(g))
            self.runner.start(
                job,
                THUMBNAILS,
                finished=lambda image, p=path, g=generation: self._loaded(p, image, g),
                failed=lambda error, p=path, g=generation: self._failed(p, error, g),
            )

    def _loaded(self, path: Path, image: QImage, generation: int) -> None:
        if generation == self._generation:
            self.loaded.emit(path, image)

    def _failed(self, path: Path, error: Exception, generation: int) -> None:
        if generation == self._generation:
            self.failed.emit(path, error)

    def _ended(self, generation: int) -> None:
        if generation != self._generation:
            return
        self._in_flight -= 1
        self._pump()
        if not self._queue and self._in_flight == 0:
            self.all_loaded.emit()

    def wait(self, msecs: int = -1) -> bool:
        self._queue.clear()
        return self.runner.wait(msecs)


def make_thumbnail(path: Path, cache: ThumbnailCache, _job: Job) -> QImage:
    """The thumbnail of ``path``, from the disk cache or decoded (and then cached)."""
    try:
        key = cache.key(path)
    except OSError:
        key = None
    image = cache.get(key) if key else None
    if image is None:
        image = pil_to_qimage(load_for_analysis(path, THUMBNAIL_SIDE).image)
        if key:
            cache.put(key, image)
    return image
