"""The app in Dutch, on photos it cannot use and on a file that is not a register: every sentence
a user reads about them is Dutch (issue 11). The catalogue's sentences, the window's own
(``tr``) and the errors all go through one way each, so one English word here is a bug."""

from __future__ import annotations

import html
import re
import shutil

import pytest
from gui_testing import ANALYSIS_TIMEOUT_MS, GROUP_PHOTO, NO_FACE, analyse, click_toolbar
from PySide6.QtCore import Qt

from spoenk_publisher import messages
from spoenk_publisher.gui.app import install_translators
from spoenk_publisher.gui.event.main_window import MainWindow
from spoenk_publisher.gui.event.photo_model import PhotoListModel
from spoenk_publisher.gui.event.verdict_text import ERROR, texts
from spoenk_publisher.gui.register.window import RegisterWindow

#: As ``tests/cli/test_hostile_input.py``: words of the English sentences, none of them Dutch.
ENGLISH_WORDS = re.compile(
    r"\b(the|cannot|could|file|found|not|with|this|which|was|were|been|has|have|error|"
    r"photo|photos|face|faces|blurred|unknown|damaged|empty|exported|failed)\b",
    re.IGNORECASE,
)


def english_in(text: str) -> list[str]:
    """English words in ``text``, outside file paths (a path is the user's, not ours)."""
    return ENGLISH_WORDS.findall(re.sub(r"\S*/\S*", " ", text))


@pytest.fixture
def dutch(qapp):
    """The app's and Qt's Dutch translations and the catalogue in Dutch, as the app starts in
    a Dutch session; English again afterwards (the other GUI tests read English)."""
    translators = install_translators(qapp, "nl")
    assert translators and messages.language() == "nl"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    messages.set_language("en")


@pytest.fixture
def bad_photos(tmp_path):
    """An empty file, a truncated JPEG, a text file named .jpg and a JPEG named .png."""
    folder = tmp_path / "Sportdag"
    folder.mkdir()
    (folder / "leeg.jpg").write_bytes(b"")
    (folder / "afgebroken.jpg").write_bytes(GROUP_PHOTO.read_bytes()[:4000])
    (folder / "tekst.jpg").write_text("Boodschappen: melk, brood, kaas\n", encoding="utf-8")
    shutil.copy(NO_FACE, folder / "eigenlijk-jpeg.png")
    return folder


def test_bad_photos_are_explained_in_dutch_everywhere(
    qtbot, dutch, bad_photos, register_path, settings, pool, tmp_path
):
    window = MainWindow(register_path, settings, pool=pool, warm_up=False)
    qtbot.addWidget(window)
    window.show()
    assert window.open_action.text() == "Map &openen…"  # the window is Dutch
    window.open_paths([bad_photos])
    analyse(qtbot, window)
    seen: dict[str, str] = {}

    # The grid: every photo is an error, with its reason in the tooltip and the verdict.
    model = window.model
    assert model.rowCount() == 4
    for row in range(model.rowCount()):
        index = model.index(row)
        item = model.item(row)
        assert item.status == ERROR, item.path.name
        seen[f"{item.path.name}: tooltip"] = model.data(index, Qt.ItemDataRole.ToolTipRole)
        seen[f"{item.path.name}: verdict"] = model.data(index, PhotoListModel.VerdictRole)
        seen[f"{item.path.name}: reason"] = model.data(index, PhotoListModel.ErrorRole)
        seen[f"{item.path.name}: badge"] = texts().status_name(item.status, item.decision)
    assert model.item_for(bad_photos / "leeg.jpg").verdict == (
        "Kan niet gecontroleerd worden: het bestand is leeg (0 bytes)"
    )
    assert "de naam eindigt op .png" in model.item_for(bad_photos / "eigenlijk-jpeg.png").verdict
    seen["counts"] = window.count_label.text()
    seen["status"] = window.message_label.text()

    # The review of one of them: its verdict line and what the large view says instead of it.
    broken = model.paths().index(bad_photos / "afgebroken.jpg")
    window.move_selection(broken - window.grid.currentIndex().row())
    review = window.review
    qtbot.waitUntil(lambda: review.path == bad_photos / "afgebroken.jpg")
    qtbot.waitUntil(lambda: "onvolledig" in review.view.message, timeout=10_000)
    assert review.verdict.text().startswith("Kan niet gecontroleerd worden: het bestand is")
    seen["review: verdict"] = review.verdict.text()
    seen["review: view"] = review.view.message

    # A quick check of one of them.
    check = window.quick_check(bad_photos / "tekst.jpg")
    qtbot.waitUntil(lambda: check.error is not None, timeout=ANALYSIS_TIMEOUT_MS)
    seen["quick check"] = check.verdict_text()
    check.close()

    # The export: nothing can be written, and the dialog says so before, naming each photo.
    click_toolbar(qtbot, window, window.export_action)
    dialog = window.export_dialog
    plan = html.unescape(re.sub(r"<[^>]+>", " ", dialog.plan_view.text()))
    assert all(path.name in plan for path in bad_photos.iterdir())
    assert "4 kunnen niet worden gelezen en worden weggelaten" in plan
    assert "Er wordt niets geëxporteerd." in plan
    assert not dialog.export_button.isEnabled()
    seen["export plan"] = plan
    dialog.reject()

    english = {where: english_in(said) for where, said in seen.items() if english_in(said)}
    assert english == {}, seen
    window.close()


def test_a_file_that_is_not_a_register_is_explained_in_dutch(
    qtbot, dutch, settings, pool, tmp_path
):
    not_a_register = tmp_path / "register.db"
    not_a_register.write_text("Dit is een boodschappenlijstje, geen register.\n")

    window = MainWindow(not_a_register, settings, pool=pool, warm_up=False)
    qtbot.addWidget(window)
    seen = {
        "register label": window.register_label.text(),
        "its tooltip": window.register_label.toolTip(),
    }
    assert "geen toestemmingsregister" in window.register_label.toolTip()

    register_window = RegisterWindow(not_a_register)
    qtbot.addWidget(register_window)
    register_window.show()
    qtbot.waitUntil(lambda: not register_window.runner.is_busy(), timeout=10_000)
    said = register_window.message_bar.text()
    assert "geen toestemmingsregister" in said
    seen["register window"] = said

    english = {where: english_in(text) for where, text in seen.items() if english_in(text)}
    assert english == {}, seen
    window.close()


def test_the_parts_of_a_window_say_their_plurals_in_dutch(qtbot, dutch, register_path):
    """A plural said in a part of a window (``gui.common.parts``) is translated too."""
    window = RegisterWindow(register_path)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.show()
    assert window.count_label.text() == "4 personen"  # said by PeopleFinding
