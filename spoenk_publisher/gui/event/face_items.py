"""A face on the review's photo: a compact marker (a thin box in the colour of its decision),
with its name and decision in a label that shows on hover or selection only, as Lightroom and
digiKam do, so that in a class photo no label covers another face.

``FaceItem`` is the marker, ``FaceLabel`` its label (at screen size whatever the zoom; the view
places it, ``ReviewView.place_label``), ``PossibleBadge`` the "?" on a possible face (a weak
detection nobody has looked at yet, drawn dashed and muted). ``reading_order`` is the order in
which Tab visits faces: row by row, left to right, as one reads a class photo.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from spoenk_publisher.core.decisions import FaceDecision
from spoenk_publisher.core.faces import Box
from spoenk_publisher.gui.event.verdict_text import (
    CATEGORY_COLOURS,
    DASHED_CATEGORIES,
    POSSIBLE,
    face_category,
)

#: Two faces belong to one row of a class photo when their centres lie less than this share of
#: the taller face's height apart vertically (rows of tests/data/groups/crowd-11.jpg lie 1.3 face
#: heights apart; faces within a staggered row up to 0.5).
ROW_TOLERANCE = 0.6


class FaceLabel(QGraphicsItem):
    """Name and decision of a face, at screen size whatever the zoom. Its position is the
    corner of the face's box; ``offset`` (screen pixels) puts it beside the box."""

    def __init__(self, lines: tuple[str, str], colour: QColor, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(10)
        self.lines = lines
        self.colour = colour
        self.offset = QPointF(0, 0)
        self.bold = QFont()
        self.bold.setBold(True)
        self.plain = QFont()
        bold, plain = QFontMetrics(self.bold), QFontMetrics(self.plain)
        self._width = 14 + max(bold.horizontalAdvance(lines[0]), plain.horizontalAdvance(lines[1]))
        self._line = max(bold.height(), plain.height())
        self._height = 2 * self._line + 6

    @property
    def width(self) -> int:
        return self._width

    @property
    def height(self) -> int:
        return self._height

    def set_offset(self, offset: QPointF) -> None:
        self.prepareGeometryChange()
        self.offset = QPointF(offset)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(self.offset.x(), self.offset.y(), self._width, self._height)

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        rect = self.boundingRect()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor("#1f2329")
        fill.setAlpha(235)
        painter.setPen(QPen(self.colour, 2))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 4, 4)
        painter.setPen(QColor("white"))
        painter.setFont(self.bold)
        painter.drawText(QPointF(rect.left() + 7, rect.top() + 3 + self._line * 0.8), self.lines[0])
        painter.setFont(self.plain)
        painter.setPen(QColor("#e5e7eb"))
        painter.drawText(QPointF(rect.left() + 7, rect.top() + 3 + self._line * 1.8), self.lines[1])


class PossibleBadge(QGraphicsItem):
    """A small "?" on the corner of a possible face, at screen size: told apart without colour."""

    SIZE = 14

    def __init__(self, colour: QColor, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.colour = colour

    def boundingRect(self) -> QRectF:  # noqa: N802
        half = self.SIZE / 2
        return QRectF(-half, -half, self.SIZE, self.SIZE)

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#1f2329"), 1))
        painter.setBrush(self.colour)
        painter.drawEllipse(self.boundingRect())
        font = QFont()
        font.setBold(True)
        font.setPixelSize(10)
        painter.setFont(font)
        painter.setPen(QColor("#1f2329"))
        painter.drawText(self.boundingRect(), Qt.AlignmentFlag.AlignCenter, "?")


class FaceItem(QGraphicsRectItem):
    """One face's compact marker, coloured by its decision; its label shows on hover or when
    selected (or always, when the view shows every name). Click it to change the decision."""

    def __init__(self, face: FaceDecision, lines: tuple[str, str]) -> None:
        box = face.box
        super().__init__(QRectF(box.x0, box.y0, box.width, box.height))
        self.face = face
        self.category = face_category(face)
        self.colour = CATEGORY_COLOURS[self.category]
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.hovered = False
        #: Show the label whatever the mouse and the selection ("show names").
        self.label_always = False
        self.label = FaceLabel(lines, self.colour, self)
        self.label.setPos(self.rect().topLeft())
        self.label.hide()
        self.badge: PossibleBadge | None = None
        if self.possible:
            self.badge = PossibleBadge(self.colour, self)
            self.badge.setPos(self.rect().topRight())

    @property
    def box(self) -> Box:
        return self.face.box

    @property
    def possible(self) -> bool:
        """A possible face nobody has confirmed or removed yet."""
        return self.category == POSSIBLE

    def label_wanted(self) -> bool:
        return self.hovered or self.isSelected() or self.label_always

    def refresh_label(self) -> None:
        """Show or hide the label as hover and selection say; the view places it."""
        wanted = self.label_wanted()
        # A face being looked at draws above its neighbours, its label above every marker.
        self.setZValue(2 if (self.hovered or self.isSelected()) else 1 if wanted else 0)
        views = self.scene().views() if self.scene() is not None else []
        if wanted and views:
            views[0].place_label(self)
        self.label.setVisible(wanted)

    def itemChange(self, change, value):  # noqa: N802
        result = super().itemChange(change, value)
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.refresh_label()
        return result

    def hoverEnterEvent(self, event) -> None:  # noqa: N802
        self.hovered = True
        self.refresh_label()
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self.hovered = False
        self.refresh_label()
        self.update()
        super().hoverLeaveEvent(event)

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        rect = self.rect()
        selected = self.isSelected()
        if self.hovered or selected:
            fill = QColor(self.colour)
            fill.setAlpha(45)
            painter.fillRect(rect, fill)
        if selected:
            halo = QPen(QColor("white"), 6)
            halo.setCosmetic(True)
            painter.setPen(halo)
            painter.drawRect(rect)
        width = 4 if selected else 3 if self.hovered else 2
        if self.possible and not (selected or self.hovered):
            width = 1.5
        pen = QPen(self.colour, width)
        pen.setCosmetic(True)
        if self.category in DASHED_CATEGORIES:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)


def reading_order(items: Iterable[FaceItem]) -> list[FaceItem]:
    """``items`` row by row, top to bottom, and left to right in a row: the order in which one
    reads a class photo, and Tab visits its faces."""
    rows: list[list[FaceItem]] = []
    centres: list[float] = []
    for item in sorted(items, key=lambda i: (i.box.y0 + i.box.y1) / 2):
        centre = (item.box.y0 + item.box.y1) / 2
        if rows:
            height = max(item.box.height, max(i.box.height for i in rows[-1]))
            if abs(centre - centres[-1]) <= ROW_TOLERANCE * height:
                rows[-1].append(item)
                centres[-1] = sum((i.box.y0 + i.box.y1) / 2 for i in rows[-1]) / len(rows[-1])
                continue
        rows.append([item])
        centres.append(centre)
    return [item for row in rows for item in sorted(row, key=lambda i: (i.box.x0, i.box.y0))]


#: Room around a face in its picture (share of the box's size on each side).
PICTURE_MARGIN = 0.35


def face_picture(image: QImage, scale_x: float, scale_y: float, box: Box) -> QImage:
    """The face at ``box`` (full-resolution pixels) cut from ``image``, a copy of the photo
    ``scale_x`` by ``scale_y`` times smaller, with some room around it."""
    if image.isNull() or scale_x <= 0 or scale_y <= 0:
        return QImage()
    mx, my = box.width * PICTURE_MARGIN, box.height * PICTURE_MARGIN
    left = max(int((box.x0 - mx) / scale_x), 0)
    top = max(int((box.y0 - my) / scale_y), 0)
    right = min(int((box.x1 + mx) / scale_x) + 1, image.width())
    bottom = min(int((box.y1 + my) / scale_y) + 1, image.height())
    if right <= left or bottom <= top:
        return QImage()
    return image.copy(QRect(left, top, right - left, bottom - top))
