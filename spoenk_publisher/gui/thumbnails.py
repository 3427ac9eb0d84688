"""Thumbnails decoded off the UI thread with the core loader, delivered by queued signal."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QImage

from spoenk_publisher.core.photos import UnreadablePhoto, load_for_analysis

THUMBNAIL_SIDE = 256


class _Signals(QObject):
    loaded = Signal(object, QImage)  # path, upright thumbnail
    failed = Signal(object, str)  # path, readable reason


class _ThumbnailTask(QRunnable):
    def __init__(self, path: Path, signals: _Signals, generation: int, current) -> None:
        super().__init__()
        self._path, self._signals = path, signals
        self._generation, self._current = generation, current

    def run(self) -> None:
        if self._current() != self._generation:
            return  # another folder was opened meanwhile: skip stale work
        try:
            image = load_for_analysis(self._path, long_side=THUMBNAIL_SIDE).image
        except UnreadablePhoto as error:
            self._signals.failed.emit(self._path, error.reason)
            return
        data = image.tobytes()
        qimage = QImage(
            data, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888
        )
        self._signals.loaded.emit(self._path, qimage.copy())


class ThumbnailLoader(QObject):
    """Queues thumbnail work on a thread pool; results arrive on the UI thread."""

    loaded = Signal(object, QImage)
    failed = Signal(object, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._generation = 0
        self._signals = _Signals()
        self._signals.loaded.connect(self.loaded)
        self._signals.failed.connect(self.failed)

    def load(self, paths: list[Path]) -> None:
        """Forget pending work and load ``paths`` in order."""
        self._generation += 1
        self._pool.clear()
        for path in paths:
            self._pool.start(_ThumbnailTask(path, self._signals, self._generation, self._current))

    def _current(self) -> int:
        return self._generation

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)
