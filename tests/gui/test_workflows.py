"""The workflows of issue 6, driven through the widgets as a user would, on real photos."""

from __future__ import annotations

import io
import shutil

import numpy as np
from gui_testing import (
    BIDEN,
    GROUP_PHOTO,
    LIN,
    NO_FACE,
    OBAMA,
    SANNE,
    TWO_PEOPLE,
    analyse,
    choose,
    click_face,
    click_toolbar,
    drag_box,
    drop_files,
    every_thread_busy,
    faces_by_reason,
    pick_person,
    select_photo,
)
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from spoenk_publisher.core.export import render_photo
from spoenk_publisher.core.faces import Box
from spoenk_publisher.core.photos import content_hash, load_upright
from spoenk_publisher.core.presets import ChannelPreset
from spoenk_publisher.gui.event.verdict_text import ALL_CLEAR, BLURRED, ERROR, KEPT, LEFT_OUT
from spoenk_publisher.register import Register


def statuses(window) -> dict[str, str]:
    return {item.path.name: item.status for item in window.model._items}


def test_open_a_folder_and_analyse_it(qtbot, window, event_folder):
    window.open_paths([event_folder])
    assert window.model.rowCount() == 4
    assert "Sportdag groep 8" in window.windowTitle()
    assert window.count_label.text().startswith("4 photo")

    analyse(qtbot, window)

    assert statuses(window) == {
        "01-group.jpg": BLURRED,
        "02-two.jpg": BLURRED,
        "03-no-face.jpg": ALL_CLEAR,
        "04-damaged.jpg": ERROR,
    }
    group = window.model.item(0)
    assert group.verdict == (
        "2 faces will be blurred: Joe Biden (no consent for Instagram); too turned, blurred or "
        "small to recognise with certainty"
    )
    assert "truncated" in window.model.item(3).verdict
    counts = window.count_label.text()
    assert (
        "1 all clear" in counts and "2 with faces blurred" in counts and "1 with errors" in counts
    )
    assert not window.progress_bar.isVisible()
    # The thumbnails were cached on disk for the next time.
    cache = window.thumbnails.cache.folder
    qtbot.waitUntil(lambda: len(list(cache.glob("*/*.jpg"))) >= 3, timeout=10_000)


def test_cancel_stops_the_analysis_and_keeps_the_photos_waiting(qtbot, window, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    source = Image.open(GROUP_PHOTO)
    for number in range(8):  # distinct bytes, so none comes from the cache
        source.rotate(number + 1).save(folder / f"photo-{number}.jpg", quality=80)
    window.open_paths([folder])
    click_toolbar(qtbot, window, window.analyse_action)
    assert window.cancel_button.isVisible()
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.analyse_job is None, timeout=30_000)
    assert not window.cancel_button.isVisible()
    waiting = [item for item in window.model._items if item.status == "waiting"]
    assert waiting, "cancel came too late to leave any photo waiting"
    assert "cancelled" in window.message_label.text()


def test_an_analysis_cancelled_before_it_started_ends_and_can_be_started_again(
    qtbot, window, tmp_path
):
    """Cancel while the analysis still waits for a free thread (behind other work): the
    window must not stay "Stopping…" for good."""
    folder = tmp_path / "fresh"
    folder.mkdir()
    for source in (NO_FACE, TWO_PEOPLE):  # bytes of their own: not in the session's cache
        Image.open(source).convert("RGB").save(folder / source.name, quality=81)
    window.open_paths([folder])
    with every_thread_busy(qtbot, window.jobs):
        waiting = {item.path for item in window.model._items if item.status == "waiting"}
        assert len(waiting) == 2
        click_toolbar(qtbot, window, window.analyse_action)
        assert window.analyse_job is not None
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.analyse_job is None, timeout=10_000)
    assert not window.cancel_button.isVisible()
    assert {item.path for item in window.model._items if item.status == "waiting"} == waiting
    assert "cancelled" in window.message_label.text()

    analyse(qtbot, window)  # and it can be started again
    assert not [item for item in window.model._items if item.status == "waiting"]


def test_a_channel_change_decides_again_without_analysing(qtbot, window, event_folder):
    window.open_paths([event_folder])
    analyse(qtbot, window)
    assert window.model.item(1).decision.people_shown == (OBAMA,)

    window.channel_box.setCurrentIndex(window.channel_box.findData("website"))

    assert window.analyse_job is None  # no new detection, only new decisions
    qtbot.waitUntil(lambda: window.model.item(1).decision.channel == "website", timeout=10_000)
    two = window.model.item(1)
    assert two.decision.people_shown == ()
    assert "Barack Obama (no consent for Website)" in two.verdict
    assert window.settings.channel() == "website"


def test_review_a_face_and_assign_it(qtbot, window, event_folder, register_path):
    window.open_paths([event_folder])
    analyse(qtbot, window)
    select_photo(qtbot, window, "01-group.jpg")
    panel = window.review
    assert len(panel.face_items()) == 3
    categories = sorted(item.category for item in panel.face_items())
    assert categories == ["kept", "no_consent", "uncertain"]
    labels = {item.face.reason: item.label.lines for item in panel.face_items()}
    assert labels["consent"] == ("Barack Obama", "Shown: consent for Instagram")
    assert labels["no_consent"] == ("Joe Biden", "Blurred: no consent for Instagram")

    # The child is not recognisable (out of focus): a pupil without consent stays blurred even
    # when named ...
    child = faces_by_reason(panel)["unreliable"][0]
    menu = click_face(qtbot, panel, child.box)
    choose(qtbot, menu, "Who is this?…")
    pick_person(qtbot, panel, "Sanne")
    face = next(i.face for i in panel.face_items() if i.face.person_id == SANNE)
    assert face.action == "blur" and face.reason == "no_consent" and face.manual

    # ... and is shown once named as someone with consent for the channel.
    menu = click_face(qtbot, panel, child.box)
    choose(qtbot, menu, "Who is this?…")
    pick_person(qtbot, panel, "7A")  # search by group
    face = next(i.face for i in panel.face_items() if i.face.person_id == LIN)
    assert face.action == "keep"
    assert next(i for i in panel.face_items() if i.face.person_id == LIN).category == KEPT
    assert panel.verdict.text() == "1 face will be blurred: Joe Biden (no consent for Instagram)"
    assert window.model.item(0).decision.people_shown == (OBAMA, LIN)  # the grid follows

    # Biden refused: naming him as Obama is impossible to sneak through? Naming is allowed,
    # but "no consent" cannot be overridden: there is no action that keeps his face.
    biden = faces_by_reason(panel)["no_consent"][0]
    menu = click_face(qtbot, panel, biden.box)
    texts = [a.text().replace("&", "") for a in menu.actions()]
    assert not any("show" in t.lower() or "keep" in t.lower() for t in texts)
    menu.close()

    with Register.open(register_path) as register:
        stored = register.manual_decisions(content_hash(event_folder / "01-group.jpg"))
    assert [(d.kind, d.person_id) for d in stored] == [("assign", LIN)]


def test_keyboard_not_a_face_blur_undo_and_next_photo(qtbot, window, event_folder):
    window.open_paths([event_folder])
    analyse(qtbot, window)
    select_photo(qtbot, window, "02-two.jpg")
    panel = window.review
    view = panel.view
    view.setFocus()
    panel.face_menu = None
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # the left face: Obama, shown
    selected = view.selected_item()
    assert selected is not None and selected.face.person_id == OBAMA

    qtbot.keyClick(view, Qt.Key.Key_B)  # always blur
    assert view.selected_item().face.reason == "forced_blur"
    assert panel.decision.blurred_count == 2
    qtbot.keyClick(view, Qt.Key.Key_U)  # undo
    assert view.selected_item().face.reason == "consent"

    qtbot.keyClick(view, Qt.Key.Key_Tab)  # Biden
    assert view.selected_item().face.person_id == BIDEN
    qtbot.keyClick(view, Qt.Key.Key_N)  # not a face (a poster, say)
    assert view.selected_item().face.action == "ignore"
    assert panel.decision.verdict == "ok"
    assert window.model.item(1).status == ALL_CLEAR

    qtbot.keyClick(view, Qt.Key.Key_Menu)  # the face's menu, from the keyboard
    qtbot.waitUntil(lambda: panel.face_menu is not None and panel.face_menu.isVisible())
    panel.face_menu.close()

    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert window.current_path().name == "03-no-face.jpg"
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert window.current_path().name == "02-two.jpg"


def test_add_a_missed_face(qtbot, window, tmp_path, register_path):
    folder = tmp_path / "event"
    folder.mkdir()
    shutil.copy(NO_FACE, folder / "a.jpg")
    shutil.copy(GROUP_PHOTO, folder / "b.jpg")
    window.open_paths([folder])
    analyse(qtbot, window)
    select_photo(qtbot, window, "a.jpg")
    panel = window.review
    assert panel.decision.verdict == "ok" and not panel.face_items()

    qtbot.keyClick(panel.view, Qt.Key.Key_F)  # add a missed face: draw it
    assert panel.view.drawing
    missed = Box(150, 120, 290, 300)
    drag_box(qtbot, panel, missed)

    # The new face is blurred as unknown and its menu opens at once.
    assert not panel.view.drawing
    (added,) = panel.face_items()
    assert added.face.reason == "unknown" and added.face.manual
    assert added.box.iou(missed) > 0.9
    assert panel.verdict.text() == "1 face will be blurred: unknown"
    assert window.model.item(0).status == BLURRED
    qtbot.waitUntil(lambda: panel.face_menu is not None and panel.face_menu.isVisible())
    choose(qtbot, panel.face_menu, "Who is this?…")
    pick_person(qtbot, panel, "Lin-Manuel")
    (named,) = panel.face_items()
    assert named.face.action == "keep" and named.face.person_id == LIN
    assert window.model.item(0).status == ALL_CLEAR

    # A drawn box that is no face is removed again.
    menu = click_face(qtbot, panel, named.box)
    choose(qtbot, menu, "Remove this face")
    assert not panel.face_items()
    with Register.open(register_path) as register:
        assert register.manual_decisions(content_hash(folder / "a.jpg")) == []


def _pixels(image: QImage) -> np.ndarray:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = np.frombuffer(rgb.constBits(), np.uint8, rgb.sizeInBytes())
    return data.reshape(rgb.height(), rgb.bytesPerLine())[:, : 3 * rgb.width()].reshape(
        rgb.height(), rgb.width(), 3
    )


def test_preview_shows_the_exported_result(qtbot, window, event_folder):
    window.open_paths([event_folder])
    analyse(qtbot, window)
    select_photo(qtbot, window, "01-group.jpg")
    panel = window.review
    qtbot.keyClick(panel.view, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: panel.view._preview is not None, timeout=10_000)
    assert not any(item.isVisible() for item in panel.face_items())

    # The preview is the photo as the export writes it: every face that will be blurred is
    # covered in the exported file and in the preview alike, every kept face is untouched.
    preview = _pixels(panel.view._preview).astype(float)
    item = window.model.item(0)
    exported = render_photo(item.analysis, item.decision, ChannelPreset(None), panel.style)
    height, width = preview.shape[:2]
    published = np.asarray(
        Image.open(io.BytesIO(exported)).convert("RGB").resize((width, height), Image.BILINEAR)
    ).astype(float)
    original = np.asarray(
        load_upright(item.path).resize((width, height), Image.BILINEAR)
    ).astype(float)
    scale = width / item.analysis.width
    blurred = kept = 0
    for face in item.decision.faces:
        b = face.box
        y0, y1, x0, x1 = (round(v * scale) for v in (b.y0, b.y1, b.x0, b.x1))
        to_export = np.abs(preview[y0:y1, x0:x1] - published[y0:y1, x0:x1]).mean()
        to_original = np.abs(preview[y0:y1, x0:x1] - original[y0:y1, x0:x1]).mean()
        assert to_export < 6, f"the preview differs from the export at {b}"
        if face.blurred:
            blurred += 1
            assert to_original > 2 * to_export, f"the preview does not cover {b}"
        else:
            kept += 1
    assert blurred == 2 and kept == 1

    qtbot.keyClick(panel.view, Qt.Key.Key_P)
    assert panel.view._preview is None
    assert all(item.isVisible() for item in panel.face_items())


def test_quick_check_of_a_dropped_photo_and_its_export(qtbot, window, tmp_path):
    drop_files(window, [GROUP_PHOTO])

    assert window.model.rowCount() == 0  # no event was created
    qtbot.waitUntil(lambda: len(window.quick_checks) == 1)
    check = window.quick_checks[0]
    qtbot.waitUntil(lambda: check.decision is not None, timeout=60_000)
    assert check.verdict_text() == (
        "2 faces will be blurred: Joe Biden (no consent for Instagram); too turned, blurred or "
        "small to recognise with certainty"
    )
    assert len(check.panel.face_items()) == 3
    qtbot.waitUntil(check.panel.view.has_image, timeout=10_000)

    # The same photo for a channel where Obama has no consent either.
    check.channel_box.setCurrentIndex(check.channel_box.findData("website"))
    assert check.decision.channel == "website"
    assert check.decision.blurred_count == 3

    qtbot.mouseClick(check.export_button, Qt.MouseButton.LeftButton)
    dialog = check.export_dialog
    assert dialog is not None and dialog.isVisible()
    out = tmp_path / "out"
    dialog.folder_edit.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=60_000)
    assert [p.name for p in sorted(out.glob("*.jpg"))] == ["obama-and-biden-001.jpg"]
    assert "1 photo(s) exported" in dialog.summary_view.toPlainText()


def test_a_photo_that_cannot_be_read_gets_a_readable_verdict(qtbot, window, tmp_path):
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(GROUP_PHOTO.read_bytes()[:3000])
    check = window.quick_check(broken)
    qtbot.waitUntil(lambda: check.error is not None, timeout=30_000)
    assert check.verdict_text().startswith("Cannot be checked: the file is incomplete")
    assert not check.export_button.isEnabled()


def test_export_an_event_and_find_the_files(qtbot, window, event_folder, tmp_path, monkeypatch):
    window.open_paths([event_folder])
    analyse(qtbot, window)
    click_toolbar(qtbot, window, window.export_action)
    dialog = window.export_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.event_edit.text() == "Sportdag groep 8"
    out = tmp_path / "export"
    dialog.folder_edit.setText(str(out))
    dialog.exclude_radio.click()  # leave out photos with a face without consent
    dialog.style_box.setCurrentIndex(dialog.style_box.findData("solid"))
    dialog.include_unreviewed.click()  # nobody has looked at them: export them all the same
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=60_000)

    assert sorted(p.name for p in out.iterdir()) == ["manifest.csv", "sportdag-groep-8-001.jpg"]
    text = dialog.summary_view.toPlainText()
    assert "1 photo(s) exported" in text
    assert "2 photo(s) left out" in text and "01-group.jpg" in text
    assert "04-damaged.jpg" in text  # could not be exported, with its reason
    assert window.settings.policy() == "exclude" and window.settings.blur_style() == "solid"

    opened = []
    monkeypatch.setattr(
        "spoenk_publisher.gui.event.export_dialog.QDesktopServices.openUrl",
        lambda url: opened.append(url.toLocalFile()),
    )
    qtbot.mouseClick(dialog.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [str(out)]
    dialog.accept()
    # The badges follow the policy chosen for the export: photos that would be left out.
    qtbot.waitUntil(lambda: window.model.item(0).status == LEFT_OUT, timeout=10_000)


def test_export_without_analysing_first(qtbot, window, tmp_path):
    folder = tmp_path / "fresh"
    folder.mkdir()
    shutil.copy(NO_FACE, folder / "x.jpg")
    window.open_paths([folder, NO_FACE])  # two paths: an event, not a quick check
    window.open_export()
    dialog = window.export_dialog
    dialog.folder_edit.setText(str(tmp_path / "out"))
    dialog.include_unreviewed.click()  # nobody has looked at them: export them all the same
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=60_000)
    assert len(dialog.summary.exported) == 2
    assert len(list((tmp_path / "out").glob("*.jpg"))) == 1  # same pixels: written once
