"""The thumbnail grid of an event's photos; it says what to do while it is empty, and shows the
photos asked for (the export's "Review first")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from spoenk_publisher.gui.event.photo_model import PhotoListModel


class PhotoGrid(QListView):
    """The thumbnail grid; says what to do when it is empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photo-grid")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)  # photos are not rearranged by dragging
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(False)
        self.setAcceptDrops(False)  # drops go to the window
        self.setSpacing(4)
        self.setWordWrap(False)
        self.empty_text = ""

    def show_paths(self, paths: list[Path]) -> None:
        """Select the first of ``paths`` (so the review shows it) and bring it into view."""
        model = self.model()
        wanted = set(paths)
        for row in range(model.rowCount() if model is not None else 0):
            index = model.index(row, 0)
            if index.data(PhotoListModel.PathRole) in wanted:
                self.setCurrentIndex(index)
                self.scrollTo(index)
                self.setFocus()
                return

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.model() is not None and self.model().rowCount() == 0 and self.empty_text:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(
                self.viewport().rect().adjusted(20, 20, -20, -20),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.empty_text,
            )
