"""The large view of one photo: every face marked by its decision, editable, zoomable.

``ReviewView`` draws (a QGraphicsView whose scene is in upright full-resolution pixels, so
boxes from the analysis are used as they are), with a compact ``FaceItem`` marker per face
(``face_items``: the name shows on hover or selection only) and the ``Legend`` of the colours;
``review_panel.ReviewPanel`` puts it on screen with the verdict and the actions on a face.

Zoom: Ctrl+wheel, + and -, 0 fits the photo ("fit"); pan by dragging the photo or with the
scroll bars. Tab / Shift+Tab (and J / K) move from face to face in reading order, and the view
scrolls to the selected face when it is zoomed in.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen, QPixmap, QTransform
from PySide6.QtWidgets import (
    QFrame,
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
from spoenk_publisher.core.faces import Box
from spoenk_publisher.gui.event.face_items import FaceItem, reading_order
from spoenk_publisher.gui.event.verdict_text import (
    CATEGORIES,
    CATEGORY_COLOURS,
    DASHED_CATEGORIES,
    texts,
)

__all__ = ["FaceItem", "Legend", "ReviewView"]

#: A drawn box smaller than this (full-resolution pixels) is taken for a slip of the mouse.
MIN_DRAWN_FACE_PX = 12

#: Zoom steps (+ and -, Ctrl+wheel) and the largest zoom, in screen pixels per photo pixel.
ZOOM_STEP = 1.25
MAX_ZOOM = 8.0

#: Screen pixels between a face's box and its label.
LABEL_GAP = 4


class ReviewView(QGraphicsView):
    """The photo with its face markers; zooms, pans, and draws a new box in drawing mode."""

    faceClicked = Signal(object, QPoint)  # box, global position for a menu  # noqa: N815
    faceActivated = Signal(object)  # Enter on a face: say who it is  # noqa: N815
    boxDrawn = Signal(object, QPoint)  # new box in full-resolution pixels  # noqa: N815
    navigate = Signal(int)  # -1 previous photo, +1 next
    drawingCancelled = Signal()  # noqa: N815
    zoomChanged = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review-view")
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setBackgroundBrush(QBrush(QColor("#2b2f36")))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._set_scroll_bars(False)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setMouseTracking(True)
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
        #: Where a drag of the photo (panning) started, and the scroll bars then.
        self._pan_start: QPoint | None = None
        self._pan_scroll = (0, 0)
        #: True while the photo is fitted to the view (and follows its size).
        self.fitted = True
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
        if selected is not None:
            self.select_box(selected)

    # -- zoom and pan -----------------------------------------------------------------------

    def scale_factor(self) -> float:
        """Screen pixels per full-resolution photo pixel."""
        return self.transform().m11()

    def fit_scale(self) -> float:
        """The scale at which the whole photo fits the view."""
        width, height = self._full_size
        if not width or not height:
            return 1.0
        area = self.viewport().rect()
        return max(min(area.width() / width, area.height() / height), 1e-6)

    def _set_scroll_bars(self, shown: bool) -> None:
        """Scroll bars only when zoomed in: a fitted photo never needs them, and bars that
        come and go would resize the view and fit it again, over and over."""
        bars = Qt.ScrollBarPolicy
        policy = bars.ScrollBarAsNeeded if shown else bars.ScrollBarAlwaysOff
        self.setHorizontalScrollBarPolicy(policy)
        self.setVerticalScrollBarPolicy(policy)

    def fit(self) -> None:
        """Show the whole photo ("fit"), and keep it fitted when the view changes size."""
        self.fitted = True
        self._set_scroll_bars(False)
        if self._full_size[0]:
            self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self._labels_moved()

    def zoom_by(self, factor: float, anchor: QPoint | None = None) -> None:
        """Zoom by ``factor`` around ``anchor`` (a viewport point; None: the selected face,
        or the middle of the view). Never smaller than fitted, never above ``MAX_ZOOM``."""
        if not self._full_size[0]:
            return
        current = self.scale_factor()
        smallest = min(self.fit_scale(), MAX_ZOOM)
        wanted = min(max(current * factor, smallest), MAX_ZOOM)
        if wanted <= smallest * 1.001:
            self.fit()
            self.zoomChanged.emit()
            return
        item = self.selected_item()
        if anchor is None and item is not None:
            centre = item.rect().center()
        elif anchor is None:
            centre = self.mapToScene(self.viewport().rect().center())
        else:
            centre = None
        self.fitted = False
        self._set_scroll_bars(True)
        if centre is None:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
            self.scale(wanted / current, wanted / current)
        else:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
            self.scale(wanted / current, wanted / current)
            self.centerOn(centre)
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self._labels_moved()
        self.zoomChanged.emit()

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def fit_to_view(self) -> None:
        self.fit()
        self.zoomChanged.emit()

    def show_face(self, item: FaceItem) -> None:
        """Scroll so that ``item`` (and room around it) is in view; nothing moves when fitted."""
        if not self.fitted:
            margin = 40 / max(self.scale_factor(), 1e-6)
            self.ensureVisible(item.rect().adjusted(-margin, -margin, margin, margin), 0, 0)

    # -- labels -----------------------------------------------------------------------------

    def place_label(self, item: FaceItem) -> None:
        """Put ``item``'s label beside its box, on screen: right of the box, else left of it;
        moved up or down to stay inside the view. The label never lies on its own face."""
        label = item.label
        scale = max(self.scale_factor(), 1e-6)
        rect = item.rect()
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        width, height = label.width, label.height
        box_w, box_h = rect.width() * scale, rect.height() * scale
        # In screen pixels, from the box's top-left corner (the label's position).
        right_x = box_w + LABEL_GAP
        left_x = -width - LABEL_GAP
        room_right = (visible.right() - rect.right()) * scale
        room_left = (rect.left() - visible.left()) * scale
        x = right_x if room_right >= width + LABEL_GAP or room_right >= room_left else left_x
        y = 0.0
        bottom_room = (visible.bottom() - rect.top()) * scale
        if bottom_room < height:
            y = bottom_room - height
        top_room = (rect.top() - visible.top()) * scale
        y = max(y, -top_room)
        if box_h < height and y == 0.0:
            y = (box_h - height) / 2 if top_room >= (height - box_h) / 2 else 0.0
        label.set_offset(QPointF(x, y))

    def _labels_moved(self) -> None:
        for item in self.faces:
            if item.label.isVisible():
                self.place_label(item)

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802
        super().scrollContentsBy(dx, dy)
        self._labels_moved()

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
        """Select the next (``step`` 1) or previous (-1) face in reading order, row by row as
        one reads a class photo, and scroll to it when zoomed in."""
        ordered = reading_order(item for item in self.faces if item.isVisible())
        if not ordered:
            return None
        current = self.selected_item()
        index = ordered.index(current) + step if current in ordered else (0 if step > 0 else -1)
        chosen = ordered[index % len(ordered)]
        self.scene().clearSelection()
        chosen.setSelected(True)
        self.show_face(chosen)
        chosen.refresh_label()
        return chosen

    def face_position(self, box: Box) -> QPoint:
        """Where on screen a face's box ends (to open its menu from the keyboard)."""
        point = self.mapFromScene(QPointF(box.x1, box.y0 + box.height / 2))
        return self.viewport().mapToGlobal(point)

    def face_screen_rect(self, box: Box) -> QRectF:
        """A face's box on screen (global coordinates), clipped to the view."""
        shown = self.mapFromScene(QRectF(box.x0, box.y0, box.width, box.height)).boundingRect()
        shown = shown.intersected(self.viewport().rect())
        top_left = self.viewport().mapToGlobal(shown.topLeft())
        return QRectF(top_left.x(), top_left.y(), shown.width(), shown.height())

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

    def _face_at(self, point: QPoint) -> FaceItem | None:
        item = self.itemAt(point)
        while item is not None and not isinstance(item, FaceItem):
            item = item.parentItem()
        return item if isinstance(item, FaceItem) and item.isVisible() else None

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton or not self.has_image():
            super().mousePressEvent(event)
            return
        self.setFocus()
        point = event.position().toPoint()
        scene_point = self.mapToScene(point)
        if self.drawing:
            self._draw_start = self._clipped(scene_point)
            self._rubber = QGraphicsRectItem(QRectF(self._draw_start, self._draw_start))
            pen = QPen(QColor("white"), 2, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            self._rubber.setPen(pen)
            self.scene().addItem(self._rubber)
            return
        item = self._face_at(point)
        self.scene().clearSelection()
        if item is not None:
            item.setSelected(True)
            self.faceClicked.emit(item.box, event.globalPosition().toPoint())
        elif not self.fitted:  # drag the photo around
            self._pan_start = point
            self._pan_scroll = (
                self.horizontalScrollBar().value(),
                self.verticalScrollBar().value(),
            )
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self.drawing and self._rubber is not None and self._draw_start is not None:
            point = self._clipped(self.mapToScene(event.position().toPoint()))
            self._rubber.setRect(QRectF(self._draw_start, point).normalized())
            return
        if self._pan_start is not None:
            moved = event.position().toPoint() - self._pan_start
            self.horizontalScrollBar().setValue(self._pan_scroll[0] - moved.x())
            self.verticalScrollBar().setValue(self._pan_scroll[1] - moved.y())
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if self._pan_start is not None:
            self._pan_start = None
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            return
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

    def wheelEvent(self, event) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and self.has_image():
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(ZOOM_STEP**steps, anchor=event.position().toPoint())
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp):
            self.navigate.emit(-1)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space):
            self.navigate.emit(1)
        elif key in (Qt.Key.Key_Tab, Qt.Key.Key_J):
            self.select_next_face(1)
        elif key in (Qt.Key.Key_Backtab, Qt.Key.Key_K):
            self.select_next_face(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            item = self.selected_item() or self.select_next_face(1)
            if item is not None:  # "who is this?", as the face's first action
                self.faceActivated.emit(item.box)
        elif key == Qt.Key.Key_Menu:
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
        if self.fitted:
            self.fit()
        else:
            self._labels_moved()

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
            style = "dashed" if category in DASHED_CATEGORIES else "solid"
            swatch.setStyleSheet(
                f"border: 3px {style} {CATEGORY_COLOURS[category].name()}; background: transparent;"
            )
            text = QLabel(texts().category_name(category), self)
            text.setWordWrap(True)  # a narrow window wraps the legend, never widens for it
            row, column = divmod(index, 4)
            cell = QHBoxLayout()
            cell.setSpacing(6)
            cell.addWidget(swatch)
            cell.addWidget(text)
            cell.addStretch(1)
            layout.addLayout(cell, row, column)
