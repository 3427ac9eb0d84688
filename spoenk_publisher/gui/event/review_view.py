"""The large view of one photo: every face boxed and labelled by its decision, editable.

``ReviewView`` draws (a QGraphicsView whose scene is in upright full-resolution pixels, so
boxes from the analysis are used as they are); ``ReviewPanel`` adds the verdict, the legend,
the actions (name a face, not a face, blur, undo, add a missed face, preview) and applies them
to the register through ``ReviewSession``. The panel never offers "show anyway": a face is
shown only when the register's consent for the channel allows it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QKeySequence,
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
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from spoenk_publisher.base import same_face
from spoenk_publisher.core.analysis import PhotoAnalysis
from spoenk_publisher.core.decisions import FaceDecision, PhotoDecision, Policy
from spoenk_publisher.core.faces import Box
from spoenk_publisher.core.review import ReviewSession
from spoenk_publisher.gui.common.errors import sentence, show_error
from spoenk_publisher.gui.event.jobs import LoadedPhoto, LoadPhotoJob, PreviewJob
from spoenk_publisher.gui.event.person_picker import PersonPicker
from spoenk_publisher.gui.event.verdict_text import (
    CATEGORIES,
    CATEGORY_COLOURS,
    NOT_A_FACE,
    face_category,
    texts,
)
from spoenk_publisher.gui.jobs import JobRunner
from spoenk_publisher.register import RegisterError

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


_BANNER_STYLES = {
    "ok": "background:#dcf5e3; color:#0f5b2a; border:1px solid #1e9e4a;",
    "blur": "background:#fff1d6; color:#6b3d00; border:1px solid #d97706;",
    "exclude": "background:#fde2e2; color:#7f1d1d; border:1px solid #b91c1c;",
    "error": "background:#fde2e2; color:#7f1d1d; border:1px solid #b91c1c;",
    "none": "background:#eef0f3; color:#374151; border:1px solid #c9ced6;",
}


class ReviewPanel(QWidget):
    """One photo under review: verdict, legend, boxes, and the actions on a face."""

    decisionChanged = Signal(object, object)  # path, PhotoDecision  # noqa: N815
    navigateRequested = Signal(int)  # noqa: N815

    def __init__(
        self, context: ReviewSession, jobs: JobRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("review-panel")
        self.context = context
        self.jobs = jobs
        self.path: Path | None = None
        self.analysis: PhotoAnalysis | None = None
        self.decision: PhotoDecision | None = None
        self.channel = ""
        self.policy: Policy = "blur"
        self.style = "pixelate"
        self.loaded: LoadedPhoto | None = None
        self.person_picker: PersonPicker | None = None
        self.face_menu: QMenu | None = None
        self._load_job: LoadPhotoJob | None = None
        self._preview_job: PreviewJob | None = None

        self.title = QLabel(self)
        self.title.setObjectName("review-title")
        title_font = self.title.font()
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("review-verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setMargin(8)
        self.verdict.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        verdict_font = self.verdict.font()
        verdict_font.setPointSizeF(verdict_font.pointSizeF() * 1.15)
        self.verdict.setFont(verdict_font)

        self.view = ReviewView(self)
        self.view.faceClicked.connect(self._face_clicked)
        self.view.boxDrawn.connect(self._box_drawn)
        self.view.navigate.connect(self.navigateRequested)
        self.view.drawingCancelled.connect(lambda: self.add_face_action.setChecked(False))
        self.view.scene().selectionChanged.connect(self._update_actions)

        self._make_actions()
        buttons = QHBoxLayout()
        self.navigation_buttons = [
            self._button(action) for action in (self.previous_action, self.next_action)
        ]
        for button in self.navigation_buttons:
            buttons.addWidget(button)
        buttons.addSpacing(12)
        for action in (self.add_face_action, self.preview_action):
            buttons.addWidget(self._button(action))
        buttons.addStretch(1)
        self.hint = QLabel(
            self.tr(
                "Click a face to say who it is, mark it as not a face or blur it. "
                "Tab selects the next face, Enter opens its menu."
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #4b5563;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.verdict)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(Legend(self))
        layout.addWidget(self.hint)
        self.show_nothing()

    # -- actions ----------------------------------------------------------------------------

    def _action(self, text: str, shortcut: str | QKeySequence, slot, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(f"{tip or text.replace('&', '')} ({QKeySequence(shortcut).toString()})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.assign_action = self._action(
            self.tr("Who is this?…"),
            "A",
            self.assign_selected,
            self.tr("Choose the person from the register"),
        )
        self.not_a_face_action = self._action(
            self.tr("Not a face"), "N", self.mark_selected_not_a_face
        )
        self.blur_action = self._action(self.tr("Always blur"), "B", self.blur_selected)
        self.undo_action = self._action(self.tr("Undo my decision"), "U", self.undo_selected)
        self.add_face_action = self._action(
            self.tr("Add a missed face"),
            "F",
            self._toggle_drawing,
            self.tr("Draw a box around a face the app did not find"),
        )
        self.add_face_action.setCheckable(True)
        self.preview_action = self._action(
            self.tr("Preview export"),
            "P",
            self._toggle_preview,
            self.tr("Show the photo as it will be published"),
        )
        self.preview_action.setCheckable(True)
        self.previous_action = self._action(
            self.tr("◀ Previous"),
            QKeySequence(Qt.Key.Key_PageUp),
            lambda: self.navigateRequested.emit(-1),
            self.tr("Previous photo"),
        )
        self.next_action = self._action(
            self.tr("Next ▶"),
            QKeySequence(Qt.Key.Key_PageDown),
            lambda: self.navigateRequested.emit(1),
            self.tr("Next photo"),
        )
        self.face_actions = [
            self.assign_action,
            self.not_a_face_action,
            self.blur_action,
            self.undo_action,
        ]

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def set_navigation_visible(self, visible: bool) -> None:
        """Previous/next photo make sense in an event, not in a quick check of one photo."""
        for button in self.navigation_buttons:
            button.setVisible(visible)
        for action in (self.previous_action, self.next_action):
            action.setEnabled(visible)

    def _update_actions(self) -> None:
        item = self.view.selected_item()
        editable = item is not None and self.analysis is not None and self.context.available
        for action in self.face_actions:
            action.setEnabled(editable)
        if editable:
            added = self.context.is_added(self.analysis, item.box)
            self.not_a_face_action.setText(
                self.tr("Remove this face") if added else self.tr("Not a face")
            )
            self.undo_action.setEnabled(item.face.manual is not None)
            self.blur_action.setEnabled(item.face.reason != "forced_blur")
            self.not_a_face_action.setEnabled(item.face.action != "ignore")
        can_edit_photo = self.analysis is not None and self.view.has_image()
        self.add_face_action.setEnabled(can_edit_photo and self.context.available)
        self.preview_action.setEnabled(can_edit_photo and self.decision is not None)

    # -- showing a photo --------------------------------------------------------------------

    def show_nothing(self) -> None:
        self.path = self.analysis = self.decision = self.loaded = None
        self.title.setText(self.tr("No photo selected"))
        self._set_banner("none", self.tr("Choose a photo on the left to see its faces."))
        self.view.clear(self.tr("Open an event folder, or drop photos on this window."))
        self._reset_modes()
        self._update_actions()

    def set_photo(
        self,
        path: Path,
        analysis: PhotoAnalysis | None,
        decision: PhotoDecision | None,
        channel: str,
        policy: Policy,
        *,
        status_text: str = "",
        error: str | None = None,
    ) -> None:
        """Show ``path`` with its decision (None: not analysed yet, see ``status_text``)."""
        new_photo = path != self.path
        self.path, self.analysis, self.decision = path, analysis, decision
        self.channel, self.policy = channel, policy
        self.title.setText(path.name)
        self.title.setToolTip(str(path))
        if new_photo:
            self._reset_modes()
            self.loaded = None
            self.view.clear(self.tr("Loading the photo…"))
            self._load(path)
        if error:
            self._set_banner("error", texts().error_sentence(error))
        elif decision is not None:
            label = self.context.channel_label(channel)
            self._set_banner(decision.verdict, texts().sentence(decision, label))
        else:
            self._set_banner("none", status_text or self.tr("Not checked yet: press Analyse."))
        self._show_faces()
        if self.preview_action.isChecked():
            self._render_preview()

    def _set_banner(self, kind: str, text: str) -> None:
        self.verdict.setText(text)
        self.verdict.setStyleSheet(
            f"QLabel#review-verdict {{ {_BANNER_STYLES[kind]} border-radius: 4px; }}"
        )
        self.verdict.setProperty("kind", kind)

    def _reset_modes(self) -> None:
        self.add_face_action.setChecked(False)
        self.view.set_drawing(False)
        self.preview_action.setChecked(False)
        self.view.set_preview(None)

    def _load(self, path: Path) -> None:
        if self._load_job is not None:
            self._load_job.cancel()
        job = LoadPhotoJob(path)
        self._load_job = job
        self.jobs.start(job, finished=self._loaded, failed=self._load_failed)

    def _loaded(self, loaded: LoadedPhoto) -> None:
        if loaded.path != self.path:
            return  # the user moved on
        self.loaded = loaded
        working = loaded.working
        self.view.set_image(loaded.image, working.scale_x, working.scale_y, working.full_size)
        self._show_faces()
        self._update_actions()

    def _load_failed(self, error: Exception) -> None:
        if self._load_job is not None and self._load_job.path == self.path:
            self.view.clear(sentence(error))

    def _show_faces(self) -> None:
        items: list[FaceItem] = []
        if self.decision is not None:
            label = self.context.channel_label(self.channel)
            for face in self.decision.faces:
                lines = texts().face_label(face, label)
                items.append(FaceItem(face, lines, self._face_tooltip(face, label)))
        self.view.set_faces(items)
        self._update_actions()

    def _face_tooltip(self, face: FaceDecision, channel_label: str) -> str:
        reason = texts().face_reason(face, channel_label)
        if face.action == "keep":
            return self.tr("Shown: %1. Click to change.").replace("%1", reason)
        if face.action == "ignore":
            return self.tr("Ignored: marked as not a face. Click to undo.")
        return self.tr("Blurred: %1. Click to say who this is.").replace("%1", reason)

    def face_items(self) -> list[FaceItem]:
        return list(self.view.faces)

    # -- preview and drawing ----------------------------------------------------------------

    def _toggle_preview(self, on: bool) -> None:
        if on:
            self.add_face_action.setChecked(False)
            self.view.set_drawing(False)
            self._render_preview()
        else:
            self.view.set_preview(None)

    def _render_preview(self) -> None:
        if self.loaded is None or self.decision is None:
            return
        boxes = [face.box for face in self.decision.faces if face.action == "blur"]
        job = PreviewJob(self.loaded, boxes, self.style)
        self._preview_job = job
        self.jobs.start(
            job,
            finished=self._preview_ready,
            failed=lambda error: self.view.set_message(sentence(error)),
        )

    def _preview_ready(self, result) -> None:
        path, image = result
        if path == self.path and self.preview_action.isChecked():
            self.view.set_preview(image)

    def _toggle_drawing(self, on: bool) -> None:
        if on and self.preview_action.isChecked():
            self.preview_action.setChecked(False)
            self.view.set_preview(None)
        self.view.set_drawing(on)
        if on:
            self.view.setFocus()
            self.view.set_message("")

    def _box_drawn(self, box: Box, where: QPoint) -> None:
        self.add_face_action.setChecked(False)
        self.view.set_drawing(False)
        if self.analysis is None:
            return
        try:
            box = self.context.add_face(self.analysis, box)
        except RegisterError as error:
            self._register_failed(error)
            return
        self._redecide(select=box)
        self._open_face_menu(box, where)

    # -- a face's decision ------------------------------------------------------------------

    def _face_clicked(self, box: Box, where: QPoint) -> None:
        self._open_face_menu(box, where)

    def _open_face_menu(self, box: Box, where: QPoint) -> None:
        item = self.view.select_box(box)
        if item is None or self.analysis is None:
            return
        self._update_actions()
        menu = QMenu(self)
        menu.setObjectName("face-menu")
        label = self.context.channel_label(self.channel)
        header = menu.addAction(" — ".join(texts().face_label(item.face, label)))
        header.setEnabled(False)
        menu.addSeparator()
        for action in self.face_actions:
            menu.addAction(action)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.face_menu = menu
        menu.popup(where)  # not exec(): never a nested event loop

    def open_menu_for_selected(self) -> None:
        box = self.view.selected_box()
        if box is not None:
            self._open_face_menu(box, self.view.face_position(box))

    def assign_selected(self) -> None:
        box = self.view.selected_box()
        if box is None or self.analysis is None:
            return
        try:
            people = self.context.people(self.channel)
        except RegisterError as error:
            self._register_failed(error)
            return
        picker = PersonPicker(people, self.context.channel_label(self.channel), self)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        analysis = self.analysis
        picker.accepted.connect(lambda: self._assign(analysis, box, picker.chosen_person_id()))
        picker.finished.connect(self._picker_closed)
        self.person_picker = picker
        picker.open()

    def _picker_closed(self, _result: int) -> None:
        self.person_picker = None

    def _assign(self, analysis: PhotoAnalysis, box: Box, person_id: str | None) -> None:
        if person_id and analysis is self.analysis:
            self._edit(lambda: self.context.assign(analysis, box, person_id), box)

    def mark_selected_not_a_face(self) -> None:
        box = self.view.selected_box()
        if box is not None and self.analysis is not None:
            analysis = self.analysis
            self._edit(lambda: self.context.mark_not_a_face(analysis, box), box)

    def blur_selected(self) -> None:
        box = self.view.selected_box()
        if box is not None and self.analysis is not None:
            analysis = self.analysis
            self._edit(lambda: self.context.force_blur(analysis, box), box)

    def undo_selected(self) -> None:
        box = self.view.selected_box()
        if box is not None and self.analysis is not None:
            analysis = self.analysis
            self._edit(lambda: self.context.undo(analysis, box), box)

    def _edit(self, change, box: Box) -> None:
        try:
            change()
        except RegisterError as error:
            self._register_failed(error)
            return
        self._redecide(select=box)

    def _redecide(self, select: Box | None = None) -> None:
        """Decide this photo again from the stored analysis: no new detection."""
        if self.analysis is None or self.path is None:
            return
        try:
            decision = self.context.decide(self.analysis, self.channel, self.policy)
        except RegisterError as error:
            self._register_failed(error)
            return
        self.decision = decision
        label = self.context.channel_label(self.channel)
        self._set_banner(decision.verdict, texts().sentence(decision, label))
        self._show_faces()
        self.view.select_box(select)
        self._update_actions()
        self.decisionChanged.emit(self.path, decision)
        if self.preview_action.isChecked():
            self._render_preview()

    def _register_failed(self, error: RegisterError) -> None:
        show_error(
            self,
            self.tr("The decision was not saved"),
            self.tr("The consent register could not store this decision."),
            sentence(error),
        )
