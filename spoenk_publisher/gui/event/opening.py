"""Opening an event in the main window: a folder or photos (menu, Ctrl+O, a drop, the recent
folders), one photo for a quick check, and the grid's thumbnails (a part of ``MainWindow``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from spoenk_publisher.core.photos import PHOTO_SUFFIXES, is_photo_path, list_photos
from spoenk_publisher.gui.common.errors import sentence, show_error
from spoenk_publisher.gui.common.parts import WindowPart
from spoenk_publisher.gui.event.demo import is_demo_event


class EventOpening(WindowPart):
    """Opens folders and photos (mixed into ``MainWindow``)."""

    def choose_folder(self) -> None:
        start = str(self.event_folder or (self.settings.recent_folders() or [Path.home()])[0])
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open an event folder"), start)
        if folder:
            self.open_paths([Path(folder)])

    def choose_photos(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Open photos"),
            str(self.event_folder or Path.home()),
            self.tr("Photos (%1)").replace("%1", _patterns()),
        )
        if files:
            self.open_paths([Path(f) for f in files])

    def choose_quick_check(self) -> None:
        file, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Quick check a photo"),
            str(self.event_folder or Path.home()),
            self.tr("Photos (%1)").replace("%1", _patterns()),
        )
        if file:
            self.quick_check(Path(file))

    def open_paths(self, paths: list[Path]) -> None:
        """Open a folder (an event) or photos; a single photo gets a quick check instead."""
        paths = [Path(p) for p in paths]
        missing = [p for p in paths if not p.exists()]
        if missing:
            show_error(
                self,
                self.tr("Not found"),
                self.tr("This file or folder does not exist: %1").replace("%1", str(missing[0])),
            )
            paths = [p for p in paths if p.exists()]
        if len(paths) == 1 and paths[0].is_file():
            if is_photo_path(paths[0]):
                self.quick_check(paths[0])
            else:
                show_error(
                    self,
                    self.tr("Not a photo"),
                    self.tr("%1 is not a photo the app can open.").replace("%1", paths[0].name),
                )
            return
        photos: list[Path] = []
        for path in paths:
            if path.is_dir():
                try:
                    photos.extend(list_photos(path))
                except OSError as error:
                    show_error(self, self.tr("The folder cannot be read"), error)
            elif is_photo_path(path):
                photos.append(path)
        if not paths:
            return
        if self.real_register_path is not None and not is_demo_event(paths):
            self.switch_back_from_demo(close_event=False)  # real work: the user's register
        self.cancel_analysis()
        self.state.set_photos(photos)
        self._shown_state = None
        folder = paths[0] if paths[0].is_dir() else paths[0].parent
        self.event_folder = folder
        if len(paths) == 1 and paths[0].is_dir():
            self.settings.add_recent_folder(paths[0].resolve())
        self._update_title()
        self.thumbnails.load(photos)
        self._update_counts()
        self._update_actions()
        if photos:
            self.grid.setCurrentIndex(self.model.index(0))
            self.grid.setFocus()
            self._visible_timer.start()
        else:
            self.review.show_nothing()
            self.show_status(self.tr("No photos in %1").replace("%1", str(folder)), 8000)

    def close_event(self) -> None:
        """Show no event (the demo's, when the demo is left)."""
        self.cancel_analysis()
        self.state.set_photos([])
        self._shown_state = None
        self.event_folder = None
        self.thumbnails.load([])
        self.review.show_nothing()
        self._update_title()
        self._update_counts()
        self._update_actions()

    # -- drag and drop ----------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths)

    # -- thumbnails -------------------------------------------------------------------------

    def _thumbnail_loaded(self, path: Path, image: QImage) -> None:
        self.model.set_thumbnail(path, image)

    def _thumbnail_failed(self, path: Path, error: Exception) -> None:
        item = self.model.item_for(path)
        if item is not None and item.analysis is None and item.error is None:
            self.state.set_error(path, sentence(error))  # the analysis's reason comes first

    def _prioritise_visible(self) -> None:
        rows = self.model.rowCount()
        if not rows:
            return
        viewport = self.grid.viewport().rect()
        cell = self.grid.gridSize()
        first = self.grid.indexAt(viewport.topLeft() + QPoint(cell.width(), cell.height()) / 2)
        last = self.grid.indexAt(viewport.bottomRight() - QPoint(cell.width(), cell.height()) / 2)
        start = max(0, first.row() - 8) if first.isValid() else 0
        end = last.row() + 8 if last.isValid() else min(rows - 1, start + 200)
        paths = self.model.paths()
        self.thumbnails.prioritise(paths[start : end + 1])

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._visible_timer.start()


def _patterns() -> str:
    return " ".join(f"*{s}" for s in sorted(PHOTO_SUFFIXES))
