"""The first run: an empty register offers a CSV import or the demo, in a bar (never a dialog
that waits), and the demo shows every kind of decision without any setup."""

from __future__ import annotations

import pytest
from gui_testing import ANALYSIS_TIMEOUT_MS, EXAMPLE_CSV
from PySide6.QtCore import Qt

from spoenk_publisher.gui.event.main_window import MainWindow
from spoenk_publisher.gui.register.widgets import FileChooser
from spoenk_publisher.paths import DEMO_EVENT_DIR


@pytest.fixture
def first_run(qtbot, monkeypatch, tmp_path, empty_register_path, settings, pool) -> MainWindow:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    settings.set_register_path(empty_register_path)
    window = MainWindow(empty_register_path, settings, pool=pool, warm_up=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def test_an_empty_register_offers_an_import_or_the_demo(first_run):
    banner = first_run.banner
    assert banner.isVisible()
    assert "register is still empty" in banner.label.text()
    assert banner.import_button.isVisible() and banner.demo_button.isVisible()
    assert not banner.back_button.isVisible()


def test_the_demo_opens_the_demo_register_and_event_and_analyses_it(qtbot, first_run, tmp_path):
    window = first_run
    qtbot.mouseClick(window.banner.demo_button, Qt.MouseButton.LeftButton)
    assert not window.banner.demo_button.isEnabled()  # it is being prepared, off the UI thread

    demo_path = tmp_path / "data" / "spoenk-publisher" / "demo-register.db"
    qtbot.waitUntil(lambda: window.register_path == demo_path, timeout=60_000)
    # The window borrows the demo register; the saved choice stays the user's own register.
    assert window.settings.register_path() == tmp_path / "r.db"
    assert window.real_register_path == tmp_path / "r.db"
    assert window.register_label.text() == "Register: demo"
    assert "DEMO" in window.windowTitle()
    assert window.event_folder == DEMO_EVENT_DIR
    assert window.channel() == "instagram"
    qtbot.waitUntil(
        lambda: window.analyse_job is None and len(window.model.analyses()) == 4,
        timeout=ANALYSIS_TIMEOUT_MS,
    )

    row = window.model.paths().index(DEMO_EVENT_DIR / "obama_and_biden.jpg")
    kinds = {(f.action, f.reason, f.name) for f in window.model.item(row).decision.faces}
    assert ("keep", "consent", "Barack Obama") in kinds
    assert ("blur", "no_consent", "Joe Biden") in kinds
    assert ("blur", "unreliable", None) in kinds  # the child, out of focus
    window.move_selection(row - window.grid.currentIndex().row())
    qtbot.waitUntil(lambda: len(window.review.face_items()) == 3, timeout=10_000)
    shown = {item.face.reason for item in window.review.face_items()}
    assert shown == {"consent", "no_consent", "unreliable"}

    # The demo says what it is, and the way back leads to the user's own register.
    assert window.banner.back_button.isVisible()
    qtbot.mouseClick(window.banner.back_button, Qt.MouseButton.LeftButton)
    assert window.register_path == tmp_path / "r.db"
    assert window.settings.register_path() == tmp_path / "r.db"
    assert window.banner.state == window.banner.EMPTY
    assert window.model.rowCount() == 0  # the demo event went with the demo register


def test_the_import_button_opens_the_registers_csv_import(qtbot, monkeypatch, first_run):
    monkeypatch.setattr(FileChooser, "csv_file", lambda _self, _parent: EXAMPLE_CSV)
    window = first_run
    qtbot.mouseClick(window.banner.import_button, Qt.MouseButton.LeftButton)

    dialog = window.register_window.csv_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10_000)
    with qtbot.waitSignal(window.register_window.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    assert not window.banner.isVisible()  # the register has people now
    window.register_window.close()
    qtbot.waitUntil(lambda: window.register_window is None)
