"""The app around the event (issue 13, points 4 and 11): the demo never touches the user's
register, closing during an export asks first and stops cleanly, Help opens the Dutch guide, a
new language says when it applies."""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from gui_testing import GROUP_PHOTO, TWO_PEOPLE, analyse, choose
from PIL import Image
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox

from spoenk_publisher.core import export as core_export
from spoenk_publisher.gui.event import jobs as event_jobs
from spoenk_publisher.gui.event.main_menus import GUIDE
from spoenk_publisher.gui.event.main_window import MainWindow
from spoenk_publisher.paths import DEMO_EVENT_DIR, demo_register_path
from spoenk_publisher.register import Register


def pick_menu(qtbot, window, menu_title: str, entry: str) -> None:
    """Open ``menu_title`` in the menu bar and click ``entry``, as a user would."""
    bar = window.menuBar()
    action = next(a for a in bar.actions() if a.text().replace("&", "") == menu_title)
    menu = action.menu()
    menu.popup(window.mapToGlobal(bar.actionGeometry(action).bottomLeft()))
    qtbot.waitUntil(menu.isVisible)
    choose(qtbot, menu, entry)


def file_state(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def people_ids(path: Path) -> set[str]:
    with Register.open(path) as register:
        return {person.id for person in register.people()}


# -- the demo and the real register ------------------------------------------------------------


@pytest.fixture
def real_setup(monkeypatch, tmp_path, register_path, settings):
    """A user with a real register configured in the settings (and a private HOME/data)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    settings.set_register_path(register_path)
    settings.set_channel("website")
    return register_path


def test_the_demo_from_the_menu_never_touches_the_real_register(
    qtbot, real_setup, settings, pool, tmp_path
):
    real = real_setup
    real_people = people_ids(real)
    window = MainWindow(settings.register_path(), settings, pool=pool, warm_up=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.register_path == real
    before = file_state(real)

    pick_menu(qtbot, window, "Help", "Try the demo")
    demo = demo_register_path()
    qtbot.waitUntil(lambda: window.register_path == demo, timeout=60_000)
    assert demo != real and demo.parent == tmp_path / "data" / "spoenk-publisher"
    assert window.event_folder == DEMO_EVENT_DIR
    qtbot.waitUntil(lambda: window.analyse_job is None, timeout=90_000)

    # The window says clearly that the demo is open, with its own register.
    assert window.register_label.text() == "Register: demo"
    assert "DEMO" in window.windowTitle()
    assert window.banner.isVisible() and "demo register" in window.banner.label.text()
    assert window.channel() == "instagram"
    # The demo's people are in the demo's register only; the real one is as it was.
    assert {p for p in people_ids(demo) if p.startswith("DEMO-")}
    assert file_state(real) == before
    assert people_ids(real) == real_people
    assert not any(p.startswith("DEMO-") for p in people_ids(real))
    assert settings.register_path() == real  # the saved choice stays the user's register
    assert file_state(real) == before

    # Back to real work: the user's register again, and the demo event is closed.
    qtbot.mouseClick(window.banner.back_button, Qt.MouseButton.LeftButton)
    assert window.register_path == real
    assert window.register_label.text() == f"Register: {real.name}"
    assert "DEMO" not in window.windowTitle() and not window.banner.isVisible()
    assert window.model.rowCount() == 0
    assert settings.channel() == "website"
    window.close()
    assert file_state(real) == before


def test_opening_a_real_folder_during_the_demo_uses_the_real_register(
    qtbot, real_setup, settings, pool, tmp_path
):
    real = real_setup
    window = MainWindow(settings.register_path(), settings, pool=pool, warm_up=False)
    qtbot.addWidget(window)
    window.show()
    window.demo_action.trigger()
    qtbot.waitUntil(lambda: window.register_path == demo_register_path(), timeout=60_000)

    event = tmp_path / "Schoolreis"
    event.mkdir()
    shutil.copy(GROUP_PHOTO, event / "a.jpg")
    window.open_paths([event])
    assert window.register_path == real and window.session.register_path == real
    assert "DEMO" not in window.windowTitle()
    assert window.model.rowCount() == 1
    window.close()

    # A restart after an older version saved the demo register as the one in use: the app
    # starts on the user's register again.
    settings.set_previous_register_path(real)
    settings.set_register_path(demo_register_path())
    again = MainWindow(settings.register_path(), settings, pool=pool, warm_up=False)
    qtbot.addWidget(again)
    assert again.register_path == real and settings.register_path() == real
    again.close()


def test_starting_without_a_folder_opens_no_event_against_the_register(qtbot, window):
    from spoenk_publisher.gui.app import open_start_paths

    open_start_paths(window, [])
    assert window.event_folder is None and window.model.rowCount() == 0


@pytest.mark.parametrize("start", ["--demo", "the demo folder"])
def test_starting_on_the_demo_uses_the_demos_own_register(
    qtbot, real_setup, settings, pool, start
):
    """``run-app.sh`` without a folder starts on the demo (``gui --demo``); starting on the
    demo event's folder does the same: never against the user's register."""
    from spoenk_publisher.gui.app import open_start_paths

    real = real_setup
    before = file_state(real)
    window = MainWindow(settings.register_path(), settings, pool=pool, warm_up=False)
    qtbot.addWidget(window)
    window.show()
    if start == "--demo":
        open_start_paths(window, [], demo=True)
    else:
        open_start_paths(window, [DEMO_EVENT_DIR])
    qtbot.waitUntil(lambda: window.register_path == demo_register_path(), timeout=60_000)
    assert window.event_folder == DEMO_EVENT_DIR
    qtbot.waitUntil(lambda: window.analyse_job is None, timeout=90_000)
    assert "DEMO" in window.windowTitle()
    assert file_state(real) == before
    window.close()


# -- closing during an export ------------------------------------------------------------------


@pytest.fixture
def slow_export(monkeypatch):
    """Each photo is exported for real; after the first one the export waits at a gate (so
    that the test can act while it is still running)."""
    gate = threading.Event()
    written = threading.Event()
    real = core_export.export_photos

    def gated(paths, *args, progress=None, **kwargs):
        count = len(paths)

        def step(done, total, item):
            if progress is not None:
                progress(done, total, item)
            if done > count:  # a photo has been written
                written.set()
                gate.wait(60)

        return real(paths, *args, progress=step, **kwargs)

    monkeypatch.setattr(event_jobs, "export_photos", gated)
    yield gate, written
    gate.set()


@pytest.fixture
def export_event(tmp_path: Path) -> Path:
    folder = tmp_path / "Musical"
    folder.mkdir()
    for number in range(4):
        source = GROUP_PHOTO if number % 2 else TWO_PEOPLE
        shutil.copy(source, folder / f"{number:02d}.jpg")
    return folder


def start_export(qtbot, window, out: Path):
    window.export_action.trigger()
    dialog = window.export_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.folder_edit.setText(str(out))
    dialog.include_unreviewed.click()  # nobody has looked at them: export them all the same
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    return dialog


def close_question(qtbot, window) -> QMessageBox:
    qtbot.waitUntil(lambda: window.close_question is not None and window.close_question.isVisible())
    box = window.close_question
    assert box.text() == "The export is still running. Stop it and quit?"
    return box


def test_closing_during_an_export_asks_no_goes_on_yes_stops_cleanly(
    qtbot, window, export_event, slow_export, tmp_path
):
    gate, written = slow_export
    window.open_paths([export_event])
    analyse(qtbot, window)
    out = tmp_path / "out"
    dialog = start_export(qtbot, window, out)
    qtbot.waitUntil(written.is_set, timeout=60_000)

    # While it exports, nothing blocks the window (a modal dialog would make Qt ignore the
    # window's close button), and there is no second export to start.
    assert QApplication.activeModalWidget() is None and QGuiApplication.modalWindow() is None
    assert dialog.isVisible() and not window.export_action.isEnabled()

    # Closing asks; No: the window stays and the export goes on.
    pick_menu(qtbot, window, "File", "Quit")
    box = close_question(qtbot, window)
    assert window.isVisible()
    assert str(out) in box.informativeText()  # the folder exists: it may be named
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.close_question is None)
    assert window.isVisible() and window.running_exports()
    assert dialog.summary is None

    # Yes: the export stops after the photo in hand, then the window closes.
    window.close()
    box = close_question(qtbot, window)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    gate.set()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=60_000)
    assert not window.running_exports()

    # What is on disk is whole: finished photos only, no partial file.
    files = sorted(p.name for p in out.iterdir())
    photos = [name for name in files if name.endswith(".jpg")]
    assert 1 <= len(photos) < 4
    assert set(files) <= set(photos) | {"manifest.csv"}
    for name in photos:
        with Image.open(out / name) as image:
            image.load()  # a cut-off JPEG raises here
    assert not [p for p in out.rglob("*") if p.name.startswith(".") or "part" in p.name]


class WaitingExport(event_jobs.ExportJob):
    """An export that has not made its folder yet and waits until it is cancelled."""

    def __init__(self) -> None:
        event_jobs.Job.__init__(self)
        self.running = threading.Event()

    def work(self) -> None:
        self.running.set()
        while not self.is_cancelled():
            time.sleep(0.02)


class FolderOnly(QDialog):
    """The export dialog as the window sees it: where the photos go, and Cancel."""

    def __init__(self, out_dir: Path) -> None:
        super().__init__()
        self.out_dir = out_dir

    def cancel_export(self) -> None:
        pass


def test_the_question_names_no_folder_that_does_not_exist(qtbot, window, tmp_path):
    out = tmp_path / "not-made-yet"
    window.export_dialog = FolderOnly(out)
    job = window.jobs.start(WaitingExport())
    qtbot.waitUntil(job.running.is_set)
    window.close()
    box = close_question(qtbot, window)
    assert str(out) not in box.informativeText() and "not-made-yet" not in box.informativeText()
    assert box.informativeText() == (
        "Photos that are finished stay saved; no half-written file is left."
    )
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert job.is_cancelled() and not out.exists()
    window.export_dialog = None


def test_the_apps_own_analysis_processes_end_with_the_window(qtbot, register_path, settings):
    from spoenk_publisher.core import pool as analysis_pool

    kept, analysis_pool._shared = analysis_pool._shared, None  # the app's own pool, not the tests'
    try:
        before = set(child_processes())
        window = MainWindow(register_path, settings, warm_up=True)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: len(set(child_processes()) - before) >= 2, timeout=30_000)
        workers = set(child_processes()) - before
        window.close()
        qtbot.waitUntil(lambda: not workers & set(child_processes()), timeout=30_000)
    finally:
        analysis_pool.shutdown_shared_pool()
        analysis_pool._shared = kept


def child_processes() -> list[int]:
    """The running (not yet reaped: zombies do not count) children of this process, from /proc."""
    found = []
    me = str(os.getpid())
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
        except (OSError, ValueError):
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if fields[1] == me and fields[0] != "Z":
            found.append(int(entry.name))
    return found


# -- help and settings -------------------------------------------------------------------------


class UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_help_opens_the_dutch_guide(qtbot, window):
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        pick_menu(qtbot, window, "Help", "Guide")
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [url.toLocalFile() for url in catcher.urls] == [str(GUIDE)]
    assert GUIDE.is_file() and GUIDE.name == "handleiding.md"
    assert "Spoenk" in GUIDE.read_text(encoding="utf-8")


def test_changing_the_language_says_when_it_applies(qtbot, window, settings):
    window.settings_action.trigger()
    dialog = window.settings_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.language_note.isVisible()
    box = dialog.language_box
    box.setCurrentIndex(box.findData("en" if settings.language() != "en" else "nl"))
    assert dialog.language_note.isVisible()
    assert dialog.language_note.text() == "The new language is used when you start the app again."
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert window.message_label.text() == (
        "Saved. The new language is used when you start the app again."
    )
