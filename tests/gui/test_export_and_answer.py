"""Issue 13, points 3, 7, 8 and 9, as a user meets them: the export dialog says exactly what it
will write and offers to review first, an event opened again shows its verdicts at once, the
quick check leads with a plain answer, and the export summary says who is recognisable."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from gui_testing import (
    BIDEN_PHOTO,
    GROUP_PHOTO,
    NO_FACE,
    OBAMA_PHOTO,
    TWO_PEOPLE,
    analyse,
    every_thread_busy,
    select_photo,
)
from PIL import Image
from PySide6.QtCore import Qt

from spoenk_publisher.core.answer import DO_NOT_POST, POST, WITH_BLUR
from spoenk_publisher.gui.event.event_state import REVIEW_DWELL_MS
from spoenk_publisher.gui.event.verdict_text import ANALYSING, ERROR, WAITING
from spoenk_publisher.gui.jobs import WRITE


def look_at(qtbot, window, name: str) -> None:
    """Click the photo and look at it in the review until it counts as reviewed."""
    select_photo(qtbot, window, name)
    item = next(i for i in window.model._items if i.path.name == name)
    qtbot.waitUntil(lambda: window.model.is_reviewed(item), timeout=REVIEW_DWELL_MS + 5_000)


def promised(dialog) -> int:
    """The number of photos the dialog says will be written."""
    found = re.search(r"(\d+) photo\(s\) will be exported", dialog.plan_view.text())
    assert found, dialog.plan_view.text()
    return int(found.group(1))


def export_to(qtbot, dialog, out: Path) -> str:
    dialog.folder_edit.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=60_000)
    return dialog.summary_view.toPlainText()


def fresh_copy(source: Path, target: Path) -> Path:
    """The same picture with other bytes: no cache knows it yet."""
    Image.open(source).convert("RGB").save(target, quality=83)
    return target


def test_the_export_states_what_it_writes_and_the_summary_who_is_in_it(
    qtbot, window, event_folder, tmp_path
):
    window.open_paths([event_folder])  # a group photo, two people, no face, a damaged file
    analyse(qtbot, window)
    look_at(qtbot, window, "02-two.jpg")  # Obama shown, Biden blurred
    look_at(qtbot, window, "03-no-face.jpg")
    group = next(i for i in window.model._items if i.path.name == "01-group.jpg")
    # Not looked at: leaf to another photo before it counts as reviewed.
    window.state.model.reviewed.discard(group.analysis.sha256)
    assert not window.model.is_reviewed(group)

    window.open_export()
    dialog = window.export_dialog
    plan = dialog.plan_view.text()
    assert "4 photo(s) in this event" in plan
    assert "2 reviewed" in plan
    assert "1 not reviewed yet" in plan
    assert "1 cannot be read and will be left out" in plan and "04-damaged.jpg" in plan
    assert promised(dialog) == 2
    assert dialog.review_first_button.isVisible() and dialog.include_unreviewed.isVisible()
    text = export_to(qtbot, dialog, tmp_path / "reviewed-only")
    written = list((tmp_path / "reviewed-only").glob("*.jpg"))
    assert len(written) == promised(dialog) == 2  # what was promised is what came out

    # The summary: who is recognisable, what was left out and why, the manifest reminder.
    assert "Recognisable in this set: Barack Obama (1 photo(s))" in text
    assert "not exported because nobody has reviewed them yet" in text and "01-group.jpg" in text
    assert "could not be exported" in text and "04-damaged.jpg" in text
    assert "Do not upload manifest.csv" in text
    assert (tmp_path / "reviewed-only" / "manifest.csv").exists()
    dialog.accept()

    # The grid says what was exported.
    exported = {i.path.name for i in window.model._items if i.exported}
    assert exported == {"02-two.jpg", "03-no-face.jpg"}

    # Choosing to export the unreviewed photo too: the count follows, and is kept.
    window.open_export()
    dialog = window.export_dialog
    dialog.include_unreviewed.click()
    assert promised(dialog) == 3
    export_to(qtbot, dialog, tmp_path / "all")
    assert len(list((tmp_path / "all").glob("*.jpg"))) == 3
    dialog.accept()


def test_an_export_cancelled_before_it_started_ends_with_nothing_written(
    qtbot, window, event_folder, tmp_path
):
    """Cancel while the export still waits for the writing thread (behind other writing): the
    dialog says it was cancelled and can be closed, not "Stopping…" for good."""
    window.open_paths([event_folder])
    analyse(qtbot, window)
    window.open_export()
    dialog = window.export_dialog
    dialog.include_unreviewed.click()
    dialog.folder_edit.setText(str(tmp_path / "out"))
    with every_thread_busy(qtbot, window.jobs, WRITE):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        dialog.reject()  # closing while exporting means stop
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=10_000)
    assert "The export was cancelled." in dialog.summary_view.toPlainText()
    assert list((tmp_path / "out").glob("*.jpg")) == []
    dialog.reject()
    qtbot.waitUntil(lambda: window.export_dialog is None, timeout=5_000)


def test_review_first_shows_the_unreviewed_photos_instead_of_exporting(
    qtbot, window, event_folder, tmp_path
):
    window.open_paths([event_folder])
    analyse(qtbot, window)
    look_at(qtbot, window, "03-no-face.jpg")
    window.open_export()
    dialog = window.export_dialog
    dialog.folder_edit.setText(str(tmp_path / "out"))
    assert "2 not reviewed yet" in dialog.plan_view.text()
    qtbot.mouseClick(dialog.review_first_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.export_dialog is None)

    assert not (tmp_path / "out").exists()  # nothing was exported
    assert window.current_path().name in {"01-group.jpg", "02-two.jpg"}  # one to review


def test_an_export_of_photos_not_analysed_leaves_none_waiting(qtbot, window, tmp_path):
    folder = tmp_path / "fresh"
    folder.mkdir()
    fresh_copy(NO_FACE, folder / "a.jpg")
    fresh_copy(TWO_PEOPLE, folder / "b.jpg")
    window.open_paths([folder])
    assert all(item.status == WAITING for item in window.model._items)
    window.open_export()
    dialog = window.export_dialog
    assert "At most 2 photo(s) will be exported" not in dialog.plan_view.text()
    dialog.include_unreviewed.click()
    assert "At most 2 photo(s) will be exported" in dialog.plan_view.text()
    export_to(qtbot, dialog, tmp_path / "out")
    dialog.accept()
    # The export analysed them: the grid shows their verdicts, not "Waiting".
    qtbot.waitUntil(
        lambda: all(item.status != WAITING for item in window.model._items), timeout=10_000
    )
    assert all(item.exported for item in window.model._items)


def test_reopening_an_event_shows_its_verdicts_at_once(qtbot, window, event_folder, tmp_path):
    window.open_paths([event_folder])
    analyse(qtbot, window)
    before = {item.path.name: item.verdict for item in window.model._items}

    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(NO_FACE, other / "x.jpg")
    window.open_paths([other])

    seen: list[str] = []
    window.model.dataChanged.connect(
        lambda *_a: seen.extend(item.status for item in window.model._items)
    )
    window.open_paths([event_folder])  # opened again: nothing is clicked
    readable = [item for item in window.model._items if item.path.name != "04-damaged.jpg"]
    qtbot.waitUntil(
        lambda: all(item.status not in (WAITING, ERROR) for item in readable), timeout=5_000
    )
    assert window.analyse_job is None  # no analysis was started
    assert ANALYSING not in seen  # and no photo was analysed again
    assert {item.path.name: item.verdict for item in readable} == {
        name: verdict for name, verdict in before.items() if name != "04-damaged.jpg"
    }
    assert window.review.verdict.text() == before["01-group.jpg"]


def quick_answer_of(qtbot, window, photo: Path):
    check = window.quick_check(photo)
    qtbot.waitUntil(lambda: check.decision is not None, timeout=60_000)
    return check


def test_quick_check_leads_with_a_plain_answer(qtbot, window, tmp_path):
    # Only people with consent: fine to post as it is.
    check = quick_answer_of(qtbot, window, OBAMA_PHOTO)
    assert check.answer_code == POST
    assert check.answer.text() == "Fine to post on Instagram as it is"
    assert check.visible.text() == "Recognisable: Barack Obama"
    assert check.answer_box.isVisible()
    check.close()

    # A person without consent beside one with: only with the faces blurred.
    check = quick_answer_of(qtbot, window, GROUP_PHOTO)
    assert check.answer_code == WITH_BLUR
    assert check.answer.text() == "Only with 2 faces blurred"
    assert check.visible.text() == "Recognisable: Barack Obama"
    assert check.verdict_text().startswith("2 faces will be blurred")  # the details follow
    check.close()

    # The only person would be blurred: do not post.
    check = quick_answer_of(qtbot, window, BIDEN_PHOTO)
    assert check.answer_code == DO_NOT_POST
    assert check.answer.text() == "Do not post"
    assert check.visible.text() == "Nobody recognisable"
    assert "nobody in this photo may be recognisable on Instagram" in check.why.text()
    check.close()

    # A file that cannot be read cannot be made safe either.
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(GROUP_PHOTO.read_bytes()[:3000])
    check = window.quick_check(broken)
    qtbot.waitUntil(lambda: check.answer_code != "", timeout=60_000)
    assert check.answer.text() == "Do not post"
    check.close()
