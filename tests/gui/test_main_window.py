"""The main window opens a folder and fills its grid with thumbnails off the UI thread."""

from __future__ import annotations

import shutil
from pathlib import Path

from spoenk_publisher.gui.event.main_window import MainWindow
from spoenk_publisher.gui.event.photo_model import PhotoListModel
from spoenk_publisher.paths import DEMO_EVENT_DIR

REAL_PHOTO = Path(__file__).resolve().parents[1] / "data" / "loader" / "voc-2008_001322.jpg"


def test_demo_event_opens_with_thumbnails(qtbot, tmp_path):
    window = MainWindow(register_path=tmp_path / "register.db")
    qtbot.addWidget(window)
    window.show()

    window.open_paths([DEMO_EVENT_DIR])

    model = window.model
    assert model.rowCount() == 4
    qtbot.waitUntil(
        lambda: all(item.thumbnail is not None for item in model._items), timeout=10_000
    )
    assert "4" in window.count_label.text()
    assert model.data(model.index(0)) == "kit_with_rose.jpg"


def test_a_bad_photo_shows_its_reason_and_the_rest_load(qtbot, tmp_path):
    folder = tmp_path / "event"
    folder.mkdir()
    shutil.copy(REAL_PHOTO, folder / "a.jpg")
    (folder / "b.jpg").write_bytes(REAL_PHOTO.read_bytes()[:3000])
    window = MainWindow(register_path=tmp_path / "register.db")
    qtbot.addWidget(window)

    window.open_paths([folder])

    model = window.model
    qtbot.waitUntil(
        lambda: model.data(model.index(1), PhotoListModel.ErrorRole) is not None, timeout=10_000
    )
    assert "truncated" in model.data(model.index(1), PhotoListModel.ErrorRole)
    qtbot.waitUntil(lambda: model._items[0].thumbnail is not None, timeout=10_000)


def test_dutch_is_shipped_and_english_needs_no_file(qapp, qtbot, tmp_path):
    from spoenk_publisher.gui.app import install_translators

    translators = install_translators(qapp, "nl")
    try:
        assert translators, "the Dutch translation must be shipped in resources/i18n"
        window = MainWindow(register_path=tmp_path / "register.db")
        qtbot.addWidget(window)
        assert window.open_action.text() == "Map &openen…"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    english = MainWindow(register_path=tmp_path / "register.db")
    qtbot.addWidget(english)
    assert english.open_action.text() == "&Open folder…"
    assert install_translators(qapp, "en") == []
