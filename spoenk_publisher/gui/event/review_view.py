"""The large view of one photo: every face boxed and labelled by its decision, editable.

``ReviewView`` draws (a QGraphicsView whose scene is in upright full-resolution pixels, so
boxes from the analysis are used as they are), with a ``FaceItem`` and its ``FaceLabel`` per
face and the ``Legend`` of the colours; ``review_panel.ReviewPanel`` puts it on screen with the
verdict and the actions on a face.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPen,
    QPixmap,
    QTransform,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from spoenk_publisher.base import same_face
from spoenk_publisher.core.decisions import FaceDecision
from spoenk_publisher.core.faces import Box
from spoenk_publisher.gui.event.verdict_text import (
    CATEGORIES,
    CATEGORY_COLOURS,
    NOT_A_FACE,
    face_category,
    texts,
)

#: A drawn box smaller than this (full-resolution pixels) is taken for a slip of the mouse.
MIN_DRAWN_FACE_PX = 12


class FaceLabel(QGraphicsItem):
    """Name and decision above (or below) a face, at screen size whatever the zoom."""

    def __init__(self, lines: tuple[str, str], colour: QColor, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.lines = lines
        self.colour = colour
        self.below = False
        self.right_aligned = False
        self.bold = QFont()
        self.bold.setBold(True)
        self.plain = QFont()
        bold, plain = QFontMetrics(self.bold), QFontMetrics(self.plain)
        self._width = 14 + max(bold.horizontalAdvance(lines[0]), plain.horizontalAdvance(lines[1]))
        self._line = max(bold.height(), plain.height())
        self._height = 2 * self._line + 6

    def boundingRect(self) -> QRectF:  # noqa: N802
        top = 0 if self.below else -self._height - 2
        left = -self._width if self.right_aligned else 0
        return QRectF(left, top, self._width, self._height)

    @property
    def height(self) -> int:
        return self._height

    @property
    def width(self) -> int:
        return self._width

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        rect = self.boundingRect()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(self.colour)
        fill.setAlpha(225)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(QColor("white"))
        painter.setFont(self.bold)
        painter.drawText(QPointF(rect.left() + 7, rect.top() + 3 + self._line * 0.8), self.lines[0])
        painter.setFont(self.plain)
        painter.drawText(QPointF(rect.left() + 7, rect.top() + 3 + self._line * 1.8), self.lines[1])


class FaceItem(QGraphicsRectItem):
    """One face's box, coloured by its decision; click it to change the decision."""

    def __init__(self, face: FaceDecision, lines: tuple[str, str], tooltip: str) -> None:
        box = face.box
        super().__init__(QRectF(box.x0, box.y0, box.width, box.height))
        self.face = face
        self.category = face_category(face)
        self.colour = CATEGORY_COLOURS[self.category]
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(tooltip)
        self._hovered = False
        self.label = FaceLabel(lines, self.colour, self)

    @property
    def box(self) -> Box:
        return self.face.box

    def place_label(
        self, bounds: QRectF, scale: float, taken: list[QRectF], boxes: list[QRectF]
    ) -> QRectF:
        """Put the label where it is inside the photo and covers no other label or face:
        above the box, else below it; left-aligned, else right-aligned. ``scale``: screen
        pixels per image pixel. Returns the label's place in image pixels."""
        rect = self.rect()
        label = self.label
        scale = max(scale, 1e-6)
        width, height = label.width / scale, (label.height + 2) / scale
        gap = 3 / scale
        options = []
        for below in (False, True):
            for right in (False, True):
                x = rect.right() - width if right else rect.left()
                y = rect.bottom() + gap if below else rect.top() - height
                options.append((below, right, QRectF(x, y, width, height)))
        inside = [o for o in options if bounds.contains(o[2])] or options
        free = [
            o
            for o in inside
            if not any(o[2].intersects(t) for t in taken)
            and not any(o[2].intersects(b) for b in boxes if b != rect)
        ]
        below, right, place = (free or inside)[0]
        label.prepareGeometryChange()
        label.below, label.right_aligned = below, right
        label.setPos(
            rect.right() if right else rect.left(), rect.bottom() + gap if below else rect.top()
        )
        return place

    def hoverEnterEvent(self, event) -> None:  # noqa: N802
        self._hovered = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self._hovered = False
        self.update()
        super().hoverLeaveEvent(event)

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        rect = self.rect()
        if self._hovered or self.isSelected():
            fill = QColor(self.colour)
            fill.setAlpha(50)
            painter.fillRect(rect, fill)
        if self.isSelected():
            halo = QPen(QColor("white"), 7)
            halo.setCosmetic(True)
            painter.setPen(halo)
            painter.drawRect(rect)
        pen = QPen(self.colour, 5 if self.isSelected() else 3)
        pen.setCosmetic(True)
        if self.category == NOT_A_FACE:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)


class ReviewView(QGraphicsView):
    """The photo with its face boxes; draws a new box in drawing mode."""

    faceClicked = Signal(object, QPoint)  # box, global position for a menu  # noqa: N815
    boxDrawn = Signal(object, QPoint)  # new box in full-resolution pixels  # noqa: N815
    navigate = Signal(int)  # -1 previous photo, +1 next
    drawingCancelled = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review-view")
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setBackgroundBrush(QBrush(QColor("#2b2f36")))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAcceptDrops(False)  # a dropped photo goes to the window: quick check
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(QSize(320, 240))
        self._pixmap_item = QGraphicsPixmapItem()
        self._pixmap_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self._pixmap_item)
        self._image: QImage | None = None
        self._preview: QImage | None = None
        self._full_size = (0, 0)
        self.faces: list[FaceItem] = []
        self.drawing = False
        self._draw_start: QPointF | None = None
        self._rubber: QGraphicsRectItem | None = None
        self.message = ""

    # -- content ----------------------------------------------------------------------------

    def clear(self, message: str = "") -> None:
        self.set_faces([])
        self._pixmap_item.setPixmap(QPixmap())
        self._image = self._preview = None
        self._full_size = (0, 0)
        self.message = message
        self.viewport().update()

    def set_message(self, message: str) -> None:
        self.message = message
        self.viewport().update()

    def has_image(self) -> bool:
        return self._image is not None

    def set_image(self, image: QImage, scale_x: float, scale_y: float, full_size) -> None:
        """Show ``image``, a copy ``scale`` times smaller than the full-resolution photo."""
        self._image = image
        self._preview = None
        self._full_size = tuple(full_size)
        self._pixmap_item.setPixmap(QPixmap.fromImage(image))
        self._pixmap_item.setTransform(QTransform.fromScale(scale_x, scale_y))
        self.scene().setSceneRect(QRectF(0, 0, *self._full_size))
        self.message = ""
        self.fit()

    def set_preview(self, image: QImage | None) -> None:
        """Show the exported result instead of the photo (None: back to the photo)."""
        self._preview = image
        shown = image if image is not None else self._image
        if shown is not None:
            self._pixmap_item.setPixmap(QPixmap.fromImage(shown))
        for item in self.faces:
            item.setVisible(image is None)

    def set_faces(self, items: list[FaceItem]) -> None:
        selected = self.selected_box()
        for item in self.faces:
            self.scene().removeItem(item)
        self.faces = items
        for item in items:
            self.scene().addItem(item)
            item.setVisible(self._preview is None)
        self._place_labels()
        if selected is not None:
            self.select_box(selected)

    def fit(self) -> None:
        if self._full_size[0]:
            self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self._place_labels()

    def _place_labels(self) -> None:
        if not self._full_size[0]:
            return
        scale = self.transform().m11()
        # Labels may use the margins beside the photo, but stay on screen.
        bounds = self.mapToScene(self.viewport().rect()).boundingRect()
        boxes = [item.rect() for item in self.faces]
        taken: list[QRectF] = []
        for item in sorted(self.faces, key=lambda i: (i.rect().top(), i.rect().left())):
            taken.append(item.place_label(bounds, scale, taken, boxes))

    # -- selection --------------------------------------------------------------------------

    def selected_item(self) -> FaceItem | None:
        return next((item for item in self.faces if item.isSelected()), None)

    def selected_box(self) -> Box | None:
        item = self.selected_item()
        return item.box if item is not None else None

    def select_box(self, box: Box | None) -> FaceItem | None:
        self.scene().clearSelection()
        if box is None:
            return None
        best = max(self.faces, key=lambda item: item.box.iou(box), default=None)
        if best is not None and same_face(best.box, box):
            best.setSelected(True)
            return best
        return None

    def select_next_face(self, step: int = 1) -> FaceItem | None:
        visible = [item for item in self.faces if item.isVisible()]
        if not visible:
            return None
        ordered = sorted(visible, key=lambda item: (item.box.x0, item.box.y0))
        current = self.selected_item()
        index = ordered.index(current) + step if current in ordered else (0 if step > 0 else -1)
        chosen = ordered[index % len(ordered)]
        self.scene().clearSelection()
        chosen.setSelected(True)
        return chosen

    def face_position(self, box: Box) -> QPoint:
        """Where on screen a face's box ends (to open its menu from the keyboard)."""
        point = self.mapFromScene(QPointF(box.x1, box.y0 + box.height / 2))
        return self.viewport().mapToGlobal(point)

    # -- drawing a missed face --------------------------------------------------------------

    def set_drawing(self, drawing: bool) -> None:
        self.drawing = drawing
        self.viewport().setCursor(
            Qt.CursorShape.CrossCursor if drawing else Qt.CursorShape.ArrowCursor
        )
        if not drawing:
            self._end_rubber()

    def _end_rubber(self) -> None:
        if self._rubber is not None:
            self.scene().removeItem(self._rubber)
        self._rubber = None
        self._draw_start = None

    def _clipped(self, point: QPointF) -> QPointF:
        width, height = self._full_size
        return QPointF(min(max(point.x(), 0.0), width), min(max(point.y(), 0.0), height))

    # -- events -----------------------------------------------------------------------------

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton or not self.has_image():
            super().mousePressEvent(event)
            return
        self.setFocus()
        scene_point = self.mapToScene(event.position().toPoint())
        if self.drawing:
            self._draw_start = self._clipped(scene_point)
            self._rubber = QGraphicsRectItem(QRectF(self._draw_start, self._draw_start))
            pen = QPen(QColor("white"), 2, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            self._rubber.setPen(pen)
            self.scene().addItem(self._rubber)
            return
        item = self.itemAt(event.position().toPoint())
        while item is not None and not isinstance(item, FaceItem):
            item = item.parentItem()
        self.scene().clearSelection()
        if isinstance(item, FaceItem) and item.isVisible():
            item.setSelected(True)
            self.faceClicked.emit(item.box, event.globalPosition().toPoint())

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self.drawing and self._rubber is not None and self._draw_start is not None:
            point = self._clipped(self.mapToScene(event.position().toPoint()))
            self._rubber.setRect(QRectF(self._draw_start, point).normalized())
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if self.drawing and self._rubber is not None and self._draw_start is not None:
            end = self._clipped(self.mapToScene(event.position().toPoint()))
            rect = QRectF(self._draw_start, end).normalized()
            self._end_rubber()
            box = Box(
                round(rect.left()), round(rect.top()), round(rect.right()), round(rect.bottom())
            )
            if box.width >= MIN_DRAWN_FACE_PX and box.height >= MIN_DRAWN_FACE_PX:
                self.boxDrawn.emit(box, event.globalPosition().toPoint())
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp):
            self.navigate.emit(-1)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space):
            self.navigate.emit(1)
        elif key == Qt.Key.Key_Tab:
            self.select_next_face(1)
        elif key == Qt.Key.Key_Backtab:
            self.select_next_face(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Menu):
            item = self.selected_item() or self.select_next_face(1)
            if item is not None:  # the face's menu, as a click would open it
                self.faceClicked.emit(item.box, self.face_position(item.box))
        elif key == Qt.Key.Key_Escape:
            if self.drawing:
                self.set_drawing(False)
                self.drawingCancelled.emit()
            else:
                self.scene().clearSelection()
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, _next: bool) -> bool:  # noqa: N802
        return False  # Tab moves between faces here (Ctrl+Tab still leaves the view)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit()

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        if not self.message:
            return
        painter.save()
        painter.resetTransform()
        area = self.viewport().rect().adjusted(24, 24, -24, -24)
        painter.setPen(QColor("#e5e7eb"))
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        painter.setFont(font)
        painter.drawText(
            area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.message
        )
        painter.restore()


class Legend(QWidget):
    """What each box colour means."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(14)
        layout.setVerticalSpacing(2)
        for index, category in enumerate(CATEGORIES):
            swatch = QLabel(self)
            swatch.setFixedSize(22, 12)
            style = "dashed" if category == NOT_A_FACE else "solid"
            swatch.setStyleSheet(
                f"border: 3px {style} {CATEGORY_COLOURS[category].name()}; background: transparent;"
            )
            text = QLabel(texts().category_name(category), self)
            row, column = divmod(index, 3)
            cell = QHBoxLayout()
            cell.setSpacing(6)
            cell.addWidget(swatch)
            cell.addWidget(text)
            cell.addStretch(1)
            layout.addLayout(cell, row, column)
