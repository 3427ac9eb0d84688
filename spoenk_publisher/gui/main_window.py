"""The main window: an event's photos as a thumbnail grid."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import QFileDialog, QLabel, QListView, QMainWindow, QToolBar

from spoenk_publisher.core.photos import is_photo_path, list_photos
from spoenk_publisher.gui.photo_model import PhotoListModel
from spoenk_publisher.gui.thumbnails import THUMBNAIL_SIDE, ThumbnailLoader


class MainWindow(QMainWindow):
    def __init__(self, register_path: Path) -> None:
        super().__init__()
        self.register_path = register_path
        self.setWindowTitle(self.tr("Spoenk Publisher"))
        self.resize(1100, 720)
        self.setAcceptDrops(True)

        icon_side = THUMBNAIL_SIDE * 3 // 4
        self.model = PhotoListModel(self, icon_side=icon_side)
        self.grid = QListView(self)
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setUniformItemSizes(True)
        self.grid.setIconSize(QSize(icon_side, icon_side))
        self.grid.setGridSize(QSize(icon_side + 24, icon_side + 40))
        self.grid.setSpacing(8)
        self.grid.setModel(self.model)
        self.setCentralWidget(self.grid)

        self.thumbnails = ThumbnailLoader(self)
        self.thumbnails.loaded.connect(self._thumbnail_loaded)
        self.thumbnails.failed.connect(self.model.set_error)

        self.open_action = QAction(self.tr("&Open folder…"), self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self._choose_folder)
        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("main-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.open_action)
        self.addToolBar(toolbar)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.open_action)

        self.count_label = QLabel(self)
        self.register_label = QLabel(self.tr("Register: %1").replace("%1", str(register_path)))
        self.statusBar().addWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.register_label)

    def open_paths(self, paths: list[Path]) -> None:
        """Show the photos of a folder, or the given photo files."""
        photos: list[Path] = []
        for path in paths:
            if path.is_dir():
                photos.extend(list_photos(path))
            elif is_photo_path(path):
                photos.append(path)
        self.model.set_photos(photos)
        self.count_label.setText(self.tr("%n photo(s)", "", len(photos)))
        if len(paths) == 1 and paths[0].is_dir():
            self.setWindowTitle(self.tr("Spoenk Publisher — %1").replace("%1", paths[0].name))
        self.thumbnails.load(photos)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open an event folder"))
        if folder:
            self.open_paths([Path(folder)])

    def _thumbnail_loaded(self, path: Path, image: QImage) -> None:
        self.model.set_thumbnail(path, QPixmap.fromImage(image))

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.open_paths(paths)
            event.acceptProposedAction()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.thumbnails.wait(2000)
        super().closeEvent(event)
