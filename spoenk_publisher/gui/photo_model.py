"""The photos of an event as a Qt list model, with lazily loaded thumbnails."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap


@dataclass
class PhotoItem:
    path: Path
    thumbnail: QPixmap | None = None
    error: str | None = None
    extra: dict = field(default_factory=dict)


class PhotoListModel(QAbstractListModel):
    """One row per photo; the decoration is the thumbnail once it has loaded."""

    PathRole = Qt.ItemDataRole.UserRole + 1
    ErrorRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None, icon_side: int = 192) -> None:
        super().__init__(parent)
        placeholder = QPixmap(icon_side, icon_side)
        placeholder.fill(QColor("#e4e7eb"))
        self._placeholder = QIcon(placeholder)  # keeps every cell its size while loading
        self._items: list[PhotoItem] = []
        self._row_of: dict[Path, int] = {}

    def set_photos(self, paths: list[Path]) -> None:
        self.beginResetModel()
        self._items = [PhotoItem(path) for path in paths]
        self._row_of = {item.path: row for row, item in enumerate(self._items)}
        self.endResetModel()

    def paths(self) -> list[Path]:
        return [item.path for item in self._items]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.path.name
        if role == Qt.ItemDataRole.DecorationRole:
            return QIcon(item.thumbnail) if item.thumbnail is not None else self._placeholder
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.error or str(item.path)
        if role == self.PathRole:
            return item.path
        if role == self.ErrorRole:
            return item.error
        return None

    def set_thumbnail(self, path: Path, pixmap: QPixmap) -> None:
        self._update(path, thumbnail=pixmap)

    def set_error(self, path: Path, message: str) -> None:
        self._update(path, error=message)

    def _update(self, path: Path, **changes) -> None:
        row = self._row_of.get(path)
        if row is None:
            return  # a result for a folder that is no longer open
        for name, value in changes.items():
            setattr(self._items[row], name, value)
        index = self.index(row)
        self.dataChanged.emit(index, index)
