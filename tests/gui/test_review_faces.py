"""The review at the size of a class photo (issue 13.5 and 13.6) and "use as reference" (issue
12.3), driven as a user would, on real photos: compact markers with the name on hover or
selection, zoom and the keyboard flow from face to face, the "Who is this?" picker beside the
face with its picture and the nearest people first, possible faces, and keeping a named face
as a reference photo."""

from __future__ import annotations

import io
import shutil

import numpy as np
from gui_testing import BIDEN, DATA, LIN, OBAMA, TWO_PEOPLE, analyse, face_point, select_photo
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from spoenk_publisher.core.export import render_photo
from spoenk_publisher.core.faces import Box
from spoenk_publisher.core.photos import load_upright
from spoenk_publisher.core.presets import ChannelPreset
from spoenk_publisher.gui.event.verdict_text import FORCED, NOT_A_FACE, POSSIBLE
from spoenk_publisher.register import Register

CROWD = DATA / "groups" / "crowd-11.jpg"  # a group photo of 26 faces in rows
#: Faces, and a weak box on folded hands (x 152-171, y 239-264) that no second look supports.
POSSIBLE_PHOTO = DATA / "groups" / "voc-2008_002079.jpg"
HANDS = Box(152, 239, 171, 264)


def open_photo(qtbot, window, tmp_path, source, name: str):
    folder = tmp_path / "event"
    folder.mkdir(exist_ok=True)
    shutil.copy(source, folder / name)
    window.open_paths([folder])
    analyse(qtbot, window)
    select_photo(qtbot, window, name)
    return window.review


def shown_labels(panel) -> list:
    return [item for item in panel.face_items() if item.label.isVisible()]


def wheel(view, where: QPoint, delta: int, modifiers) -> None:
    """Turn the mouse wheel over ``where`` in the view's viewport."""
    event = QWheelEvent(
        QPointF(where),
        QPointF(view.viewport().mapToGlobal(where)),
        QPoint(0, 0),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)


def label_on_screen(view, item) -> QRectF:
    """Where a face's label is in the view's viewport (it is drawn at screen size)."""
    corner = QPointF(view.mapFromScene(item.label.scenePos()))
    return item.label.boundingRect().translated(corner)


def test_a_class_photo_shows_names_only_on_hover_or_selection(qtbot, window, tmp_path):
    panel = open_photo(qtbot, window, tmp_path, CROWD, "klas.jpg")
    view = panel.view
    faces = panel.face_items()
    assert len(faces) >= 20
    assert shown_labels(panel) == []  # no label covers a face in a class photo

    # Hovering a face shows its name, and only its name; moving off hides it again.
    face = faces[len(faces) // 2]
    qtbot.mouseMove(view.viewport(), pos=face_point(panel, face.box))
    qtbot.waitUntil(lambda: shown_labels(panel) == [face])
    assert not label_on_screen(view, face).intersects(
        QRectF(view.mapFromScene(face.rect()).boundingRect())
    ), "the label lies on its own face"
    qtbot.mouseMove(view.viewport(), pos=QPoint(2, 2))
    qtbot.waitUntil(lambda: shown_labels(panel) == [])

    # Selecting a face from the keyboard shows its name.
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    selected = view.selected_item()
    assert selected is not None and shown_labels(panel) == [selected]


def test_zoom_and_tab_through_every_face_of_a_class_photo(qtbot, window, tmp_path):
    panel = open_photo(qtbot, window, tmp_path, CROWD, "klas.jpg")
    view = panel.view
    view.setFocus()
    fitted = view.scale_factor()
    assert view.fitted and not panel.fit_action.isEnabled()

    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.scale_factor() > fitted * 1.9
    assert not view.fitted and panel.fit_action.isEnabled()

    # Tab visits every face once, row by row, and the zoomed view follows the selection.
    visited = []
    for _ in range(len(panel.face_items())):
        qtbot.keyClick(view, Qt.Key.Key_Tab)
        item = view.selected_item()
        visited.append(item)
        assert view.viewport().rect().contains(face_point(panel, item.box)), "face not in view"
    assert set(visited) == set(panel.face_items()) and len(set(visited)) == len(visited)
    rows = [(item.box.y0 + item.box.y1) / 2 for item in visited]
    assert rows[0] < rows[-1]  # top row first
    qtbot.keyClick(view, Qt.Key.Key_Backtab)
    assert view.selected_item() is visited[-2]

    # "Fit" (0) shows the whole photo again; Ctrl+wheel zooms in where the mouse is.
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert view.fitted and abs(view.scale_factor() - fitted) < 1e-6
    middle = view.viewport().rect().center()
    for _ in range(3):
        wheel(view, middle, 120, Qt.KeyboardModifier.ControlModifier)
    assert view.scale_factor() > fitted * 1.9

    # Dragging the photo (not a face) pans it.
    empty = next(
        QPoint(x, y)
        for y in range(20, view.viewport().height() - 20, 15)
        for x in range(20, view.viewport().width() - 20, 15)
        if view._face_at(QPoint(x, y)) is None
    )
    bar = view.horizontalScrollBar()
    before = (bar.value(), view.verticalScrollBar().value())
    # Drag towards the side there is room to scroll to.
    step = QPoint(-40, -30) if bar.value() < bar.maximum() / 2 else QPoint(40, 30)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=empty)
    qtbot.mouseMove(view.viewport(), pos=empty + step)
    qtbot.mouseMove(view.viewport(), pos=empty + step * 2)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=empty + step * 2)
    after = (view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    assert after != before and view.selected_item() is None


def test_the_picker_shows_the_face_beside_the_nearest_people(qtbot, window, tmp_path):
    panel = open_photo(qtbot, window, tmp_path, TWO_PEOPLE, "twee.jpg")
    view = panel.view
    biden = next(item for item in panel.face_items() if item.face.person_id == BIDEN)
    view.select_box(biden.box)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)  # Enter: "Who is this?"
    qtbot.waitUntil(lambda: panel.person_picker is not None and panel.person_picker.isVisible())
    picker = panel.person_picker

    # The face being named, as a picture beside the list ...
    picture = picker.face_picture.pixmap()
    assert picture is not None and not picture.isNull() and picture.width() >= 100
    # ... with the nearest person first, then Obama (a reference, further), then the people
    # without a reference face by name.
    names = [picker.proxy.index(row, 0).data() for row in range(picker.proxy.rowCount())]
    assert names == ["Joe Biden", "Barack Obama", "Lin-Manuel Miranda", "Sanne de Vries"]
    # The picker does not cover the face.
    face = view.face_screen_rect(biden.box)
    assert not QRectF(picker.frameGeometry()).intersects(face)
    picker.reject()


def _blurred(item, box, style) -> bool:
    """True when ``box`` is changed in the exported file (a cover over it)."""
    exported = render_photo(item.analysis, item.decision, ChannelPreset(None), style)
    published = np.asarray(Image.open(io.BytesIO(exported)).convert("RGB")).astype(float)
    original = np.asarray(load_upright(item.path).convert("RGB")).astype(float)
    crop = (slice(box.y0, box.y1), slice(box.x0, box.x1))
    # A 10 x 12 px pixelated spot differs by about 5 on average; JPEG alone by about 1.
    return float(np.abs(published[crop] - original[crop]).mean()) > 3.0


def test_a_possible_face_is_shown_as_such_and_blurred_until_a_person_decides(
    qtbot, window, tmp_path
):
    panel = open_photo(qtbot, window, tmp_path, POSSIBLE_PHOTO, "feest.jpg")
    view = panel.view
    possible = [
        item
        for item in panel.face_items()
        if item.category == POSSIBLE and item.box.iou(HANDS) >= 0.3
    ]
    assert len(possible) == 1
    marker = possible[0]
    assert marker.label.lines[0] == "Possible face" and marker.badge is not None
    box = marker.box
    item = window.model.item(0)
    assert _blurred(item, box, panel.style), "a possible face was published uncovered"

    # "Yes, it is a face": it stays blurred, now as a face blurred by hand.
    view.select_box(box)
    view.setFocus()
    assert panel.confirm_face_action.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_W)
    assert view.selected_item().category == FORCED
    assert _blurred(window.model.item(0), box, panel.style)

    # Undo, then "not a face" (N): only then is the spot left as it was.
    qtbot.keyClick(view, Qt.Key.Key_U)
    assert view.selected_item().category == POSSIBLE
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert view.selected_item().category == NOT_A_FACE
    assert not _blurred(window.model.item(0), box, panel.style)


def _name(qtbot, panel, box, who: str) -> None:
    panel.view.select_box(box)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.person_picker is not None and panel.person_picker.isVisible())
    picker = panel.person_picker
    qtbot.keyClicks(picker.search, who)
    qtbot.mouseClick(picker.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.person_picker is None)


def test_use_a_named_face_as_reference_and_refuse_the_wrong_person(
    qtbot, window, tmp_path, register_path
):
    panel = open_photo(qtbot, window, tmp_path, TWO_PEOPLE, "twee.jpg")
    view = panel.view
    obama = next(item for item in panel.face_items() if item.face.person_id == OBAMA).box
    biden = next(item for item in panel.face_items() if item.face.person_id == BIDEN).box

    # An automatic match is not offered: only a face the user named.
    view.select_box(obama)
    assert not panel.reference_action.isEnabled()
    _name(qtbot, panel, obama, "Obama")
    assert view.selected_item().face.manual == "assign"
    assert panel.reference_action.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_R)
    assert panel.notice.isVisible()
    assert panel.notice.text() == "This face is now a reference photo of Barack Obama."
    with Register.open(register_path) as register:
        assert register.reference_face_count(OBAMA) == 2

    # Biden's face named as Lin-Manuel Miranda: the register refuses it as Lin's reference.
    _name(qtbot, panel, biden, "Lin-Manuel")
    qtbot.keyClick(view, Qt.Key.Key_R)
    assert panel.notice.property("kind") == "error"
    assert panel.notice.text() == (
        "Not kept as a reference photo: this face looks more like Joe Biden than like "
        "Lin-Manuel Miranda."
    )
    with Register.open(register_path) as register:
        assert register.reference_face_count(LIN) == 0
