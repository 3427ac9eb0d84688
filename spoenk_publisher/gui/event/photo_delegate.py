"""Paints one grid cell: the thumbnail (or a placeholder), the file name, a status badge, a tick
in the top right corner once the user has reviewed the photo, and a tag once it is exported."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from spoenk_publisher.gui.event.photo_model import PhotoListModel
from spoenk_publisher.gui.event.thumbnails import THUMBNAIL_SIDE
from spoenk_publisher.gui.event.verdict_text import STATUS_COLOURS, WAITING, texts

CELL_PADDING = 6
PLACEHOLDER = QColor("#e4e7eb")
REVIEWED_COLOUR = QColor("#1d4ed8")
EXPORTED_COLOUR = QColor("#0f5b2a")


class PhotoDelegate(QStyledItemDelegate):
    """Thumbnail on top, name below, a coloured badge with the status in words."""

    def __init__(self, parent=None, side: int = THUMBNAIL_SIDE) -> None:
        super().__init__(parent)
        self.side = side

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        line = QFontMetrics(option.font).height()
        return QSize(self.side + 2 * CELL_PADDING, self.side * 3 // 4 + line + 3 * CELL_PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        cell = option.rect
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(QRectF(cell).adjusted(1, 1, -1, -1), 6, 6)

        line = QFontMetrics(option.font).height()
        area = QRect(
            cell.x() + CELL_PADDING,
            cell.y() + CELL_PADDING,
            cell.width() - 2 * CELL_PADDING,
            cell.height() - line - 3 * CELL_PADDING,
        )
        image = index.data(PhotoListModel.ThumbnailRole)
        if image is not None and not image.isNull():
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(area.center())
            painter.drawImage(target, image)
            picture = target
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(PLACEHOLDER)
            painter.drawRoundedRect(QRectF(area), 4, 4)
            picture = area

        status = index.data(PhotoListModel.StatusRole) or WAITING
        decision = index.data(PhotoListModel.DecisionRole)
        self._paint_badge(painter, option, picture, status, decision)
        if index.data(PhotoListModel.ReviewedRole):
            self._paint_reviewed(painter, picture)
        if index.data(PhotoListModel.ExportedRole):
            self._paint_exported(painter, option, picture)

        name_rect = QRect(cell.x() + 2, area.bottom() + CELL_PADDING, cell.width() - 4, line)
        painter.setPen(
            palette.color(
                QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            )
        )
        name = QFontMetrics(option.font).elidedText(
            index.data(Qt.ItemDataRole.DisplayRole) or "",
            Qt.TextElideMode.ElideMiddle,
            name_rect.width(),
        )
        painter.setFont(option.font)
        painter.drawText(
            name_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, name
        )
        painter.restore()

    def _paint_badge(self, painter, option, picture: QRect, status: str, decision) -> None:
        font = QFont(option.font)
        font.setBold(True)
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        metrics = QFontMetrics(font)
        text = texts().status_name(status, decision)
        width = metrics.horizontalAdvance(text) + 12
        height = metrics.height() + 4
        badge = QRect(picture.left() + 4, picture.bottom() - height - 3, width, height)
        painter.setPen(QColor(255, 255, 255, 230))
        painter.setBrush(STATUS_COLOURS[status])
        painter.drawRoundedRect(QRectF(badge), height / 2, height / 2)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_reviewed(self, painter: QPainter, picture: QRect) -> None:
        """A white tick on a blue disc: the user has looked at this photo in the review."""
        side = 18
        disc = QRectF(picture.right() - side - 4, picture.top() + 4, side, side)
        painter.setPen(QPen(QColor(255, 255, 255, 230), 1.5))
        painter.setBrush(REVIEWED_COLOUR)
        painter.drawEllipse(disc)
        painter.setPen(QPen(QColor("white"), 2.2))
        x, y = disc.left(), disc.top()
        painter.drawPolyline(
            [
                QPointF(x + side * 0.27, y + side * 0.52),
                QPointF(x + side * 0.44, y + side * 0.70),
                QPointF(x + side * 0.75, y + side * 0.33),
            ]
        )

    def _paint_exported(self, painter: QPainter, option, picture: QRect) -> None:
        font = QFont(option.font)
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
        metrics = QFontMetrics(font)
        text = self.tr("Exported")
        width = metrics.horizontalAdvance(text) + 10
        height = metrics.height() + 2
        tag = QRect(picture.left() + 4, picture.top() + 4, width, height)
        painter.setPen(QColor(255, 255, 255, 230))
        painter.setBrush(EXPORTED_COLOUR)
        painter.drawRoundedRect(QRectF(tag), 3, 3)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, text)
