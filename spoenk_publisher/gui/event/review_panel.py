"""One photo under review: its verdict, the legend, its faces marked, and the actions on a face
(name it, not a face, yes a face, blur, undo, keep it as a reference photo, add a missed face,
preview the export), zoom and the keyboard flow from face to face.

The panel shows what the event's state (``EventState``) holds and changes it through the
register (``ReviewSession``, the state's session); after an edit the state decides the photo
again from its stored analysis. It never offers "show anyway": a face is shown only when the
register's consent for the channel allows it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from spoenk_publisher.core.analysis import PhotoAnalysis
from spoenk_publisher.core.decisions import PhotoDecision, Policy
from spoenk_publisher.core.faces import Box
from spoenk_publisher.gui.common.errors import sentence, show_error
from spoenk_publisher.gui.event.event_state import EventState
from spoenk_publisher.gui.event.face_items import face_picture
from spoenk_publisher.gui.event.face_reference import keep_face_as_reference, may_become_reference
from spoenk_publisher.gui.event.jobs import LoadedPhoto, LoadPhotoJob, PreviewJob
from spoenk_publisher.gui.event.person_picker import PersonPicker
from spoenk_publisher.gui.event.review_view import FaceItem, Legend, ReviewView
from spoenk_publisher.gui.event.verdict_text import is_open_possible, texts
from spoenk_publisher.messages import text
from spoenk_publisher.register import RegisterError

_BANNER_STYLES = {
    "ok": "background:#dcf5e3; color:#0f5b2a; border:1px solid #1e9e4a;",
    "blur": "background:#fff1d6; color:#6b3d00; border:1px solid #d97706;",
    "exclude": "background:#fde2e2; color:#7f1d1d; border:1px solid #b91c1c;",
    "error": "background:#fde2e2; color:#7f1d1d; border:1px solid #b91c1c;",
    "none": "background:#eef0f3; color:#374151; border:1px solid #c9ced6;",
}


class ReviewPanel(QWidget):
    """One photo under review: verdict, legend, boxes, and the actions on a face."""

    navigateRequested = Signal(int)  # noqa: N815

    def __init__(self, state: EventState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review-panel")
        self.state = state
        self.session = state.session  # the register: the edits go there
        self.jobs = state.runner
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
        self.view.faceActivated.connect(self._face_activated)
        self.view.boxDrawn.connect(self._box_drawn)
        self.view.navigate.connect(self.navigateRequested)
        self.view.drawingCancelled.connect(lambda: self.add_face_action.setChecked(False))
        self.view.scene().selectionChanged.connect(self._update_actions)
        self.view.zoomChanged.connect(self._update_zoom)

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
        for action in (self.zoom_out_action, self.fit_action, self.zoom_in_action):
            buttons.addWidget(self._button(action))
        self.hint = QLabel(
            self.tr(
                "Click a face to say who it is, mark it as not a face or blur it. Tab selects "
                "the next face, Enter asks who it is; Ctrl+wheel or + and - zoom."
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
        self.notice = QLabel(self)
        self.notice.setObjectName("review-notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout.addWidget(self.notice)
        layout.addWidget(self.view, 1)
        layout.addWidget(Legend(self))
        layout.addWidget(self.hint)
        self.show_nothing()

    # -- actions ----------------------------------------------------------------------------

    def _action(
        self, text: str, shortcut: str | QKeySequence | list, slot, tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        keys = [QKeySequence(k) for k in shortcut] if isinstance(shortcut, list) else None
        if keys:
            action.setShortcuts(keys)
        else:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        shown = keys[0] if keys else QKeySequence(shortcut)
        action.setToolTip(f"{tip or text.replace('&', '')} ({shown.toString()})")
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
        self.confirm_face_action = self._action(
            self.tr("Yes, it is a face"),
            "W",
            self.blur_selected,
            self.tr("A possible face that is a face: it stays blurred unless you say who it is"),
        )
        self.blur_action = self._action(self.tr("Always blur"), ["V", "B"], self.blur_selected)
        self.reference_action = self._action(
            self.tr("Use as reference photo"),
            "R",
            self.keep_selected_as_reference,
            self.tr("Keep this face as a reference photo of the person you named"),
        )
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
        self.zoom_in_action = self._action(
            self.tr("Zoom in"),
            [QKeySequence(Qt.Key.Key_Plus), QKeySequence(Qt.Key.Key_Equal), QKeySequence.ZoomIn],
            self.view.zoom_in,
        )
        self.zoom_out_action = self._action(
            self.tr("Zoom out"),
            [QKeySequence(Qt.Key.Key_Minus), QKeySequence.ZoomOut],
            self.view.zoom_out,
        )
        self.fit_action = self._action(
            self.tr("Fit"), "0", self.view.fit_to_view, self.tr("Show the whole photo")
        )
        #: In a face's menu only when they apply to that face.
        self._when_applies = (self.confirm_face_action, self.reference_action)
        self.face_actions = [
            self.assign_action,
            self.not_a_face_action,
            self.confirm_face_action,
            self.blur_action,
            self.undo_action,
            self.reference_action,
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
        editable = item is not None and self.analysis is not None and self.session.available
        for action in self.face_actions:
            action.setEnabled(editable)
        if editable:
            added = self.session.is_added(self.analysis, item.box)
            self.not_a_face_action.setText(
                self.tr("Remove this face") if added else self.tr("Not a face")
            )
            self.undo_action.setEnabled(item.face.manual is not None)
            self.blur_action.setEnabled(item.face.reason != "forced_blur")
            self.not_a_face_action.setEnabled(item.face.action != "ignore")
            self.confirm_face_action.setEnabled(is_open_possible(item.face))
            self.reference_action.setEnabled(may_become_reference(item.face))
        can_edit_photo = self.analysis is not None and self.view.has_image()
        self.add_face_action.setEnabled(can_edit_photo and self.session.available)
        self.preview_action.setEnabled(can_edit_photo and self.decision is not None)
        self._update_zoom()

    def _update_zoom(self) -> None:
        shown = self.view.has_image()
        self.zoom_in_action.setEnabled(shown)
        self.zoom_out_action.setEnabled(shown and not self.view.fitted)
        self.fit_action.setEnabled(shown and not self.view.fitted)

    def _say(self, line: str, kind: str = "ok") -> None:
        """One line above the photo about the last action (empty: hide it)."""
        self.notice.setText(line)
        self.notice.setStyleSheet(
            f"QLabel#review-notice {{ {_BANNER_STYLES[kind]} border-radius: 4px; padding: 4px; }}"
        )
        self.notice.setProperty("kind", kind)
        self.notice.setVisible(bool(line))

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
            self._say("")
            self.loaded = None
            self.view.clear(self.tr("Loading the photo…"))
            self._load(path)
        if error:
            self._set_banner("error", texts().error_sentence(error))
        elif decision is not None:
            label = self.session.channel_label(channel)
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
            label = self.session.channel_label(self.channel)
            for face in self.decision.faces:
                items.append(FaceItem(face, texts().face_label(face, label)))
        self.view.set_faces(items)
        self._update_actions()

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
            box = self.session.add_face(self.analysis, box)
        except RegisterError as error:
            self._register_failed(error)
            return
        self._redecide(select=box)
        self._open_face_menu(box, where)

    # -- a face's decision ------------------------------------------------------------------

    def _face_clicked(self, box: Box, where: QPoint) -> None:
        self._open_face_menu(box, where)

    def _face_activated(self, box: Box) -> None:
        if self.view.select_box(box) is not None and self.assign_action.isEnabled():
            self.assign_selected()

    def _open_face_menu(self, box: Box, where: QPoint) -> None:
        item = self.view.select_box(box)
        if item is None or self.analysis is None:
            return
        self._update_actions()
        menu = QMenu(self)
        menu.setObjectName("face-menu")
        label = self.session.channel_label(self.channel)
        header = menu.addAction(" — ".join(texts().face_label(item.face, label)))
        header.setEnabled(False)
        menu.addSeparator()
        for action in self.face_actions:
            if action.isEnabled() or action not in self._when_applies:
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
            people = self.session.people(self.channel, self.analysis, box)
        except RegisterError as error:
            self._register_failed(error)
            return
        face = None
        if self.loaded is not None:
            working = self.loaded.working
            face = face_picture(self.loaded.image, working.scale_x, working.scale_y, box)
        label = self.session.channel_label(self.channel)
        picker = PersonPicker(people, label, self, face=face)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        analysis = self.analysis
        picker.accepted.connect(lambda: self._assign(analysis, box, picker.chosen_person_id()))
        picker.finished.connect(self._picker_closed)
        self.person_picker = picker
        picker.open()
        screen = self.screen().availableGeometry() if self.screen() else picker.geometry()
        picker.place_beside(self.view.face_screen_rect(box), screen)

    def _picker_closed(self, _result: int) -> None:
        self.person_picker = None

    def _assign(self, analysis: PhotoAnalysis, box: Box, person_id: str | None) -> None:
        if person_id and analysis is self.analysis:
            self._edit(lambda: self.session.assign(analysis, box, person_id), box)

    def mark_selected_not_a_face(self) -> None:
        box = self.view.selected_box()
        if box is not None and self.analysis is not None:
            analysis = self.analysis
            self._edit(lambda: self.session.mark_not_a_face(analysis, box), box)

    def blur_selected(self) -> None:
        box = self.view.selected_box()
        if box is not None and self.analysis is not None:
            analysis = self.analysis
            self._edit(lambda: self.session.force_blur(analysis, box), box)

    def undo_selected(self) -> None:
        box = self.view.selected_box()
        if box is not None and self.analysis is not None:
            analysis = self.analysis
            self._edit(lambda: self.session.undo(analysis, box), box)

    def keep_selected_as_reference(self) -> None:
        """Keep the selected face, named by the user, as a reference photo of that person
        (the register checks it agrees with their other references, and may refuse)."""
        item = self.view.selected_item()
        if item is None or self.analysis is None or not may_become_reference(item.face):
            return
        line, added = keep_face_as_reference(self.session, self.analysis, item.face, self.channel)
        self._say(text(line), "error" if added is None else "ok")
        if added:  # the new reference may recognise them in the other photos too
            self.state.redecide()

    def _edit(self, change, box: Box) -> None:
        try:
            change()
        except RegisterError as error:
            self._register_failed(error)
            return
        self._redecide(select=box)

    def _redecide(self, select: Box | None = None) -> None:
        """Decide this photo again from the stored analysis (the event's state does, and keeps
        the result): no new detection."""
        if self.analysis is None or self.path is None:
            return
        try:
            decision = self.state.decide(self.path)
        except RegisterError as error:
            self._register_failed(error)
            return
        if decision is None:
            return
        self.decision = decision
        label = self.session.channel_label(self.channel)
        self._set_banner(decision.verdict, texts().sentence(decision, label))
        self._show_faces()
        self.view.select_box(select)
        self._update_actions()
        if self.preview_action.isChecked():
            self._render_preview()

    def _register_failed(self, error: RegisterError) -> None:
        show_error(
            self,
            self.tr("The decision was not saved"),
            self.tr("The consent register could not store this decision."),
            sentence(error),
        )
