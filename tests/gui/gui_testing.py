"""What a person does with the mouse and keyboard, as helpers for the GUI tests."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QThread, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMenu, QToolBar

from spoenk_publisher.core.faces import Box
from spoenk_publisher.gui.event.verdict_text import ANALYSING, WAITING
from spoenk_publisher.gui.jobs import DEFAULT_POOLS, GENERAL, Job, JobRunner

DATA = Path(__file__).resolve().parents[1] / "data"
EXAMPLE_CSV = Path(__file__).resolve().parents[2] / "docs" / "voorbeeld-register.csv"
OBAMA_PHOTO = DATA / "people" / "obama" / "obama-1.jpg"
BIDEN_PHOTO = DATA / "people" / "biden" / "biden-1.jpg"
GROUP_PHOTO = DATA / "groups" / "obama_and_biden.jpg"  # Biden, Obama and a child
TWO_PEOPLE = DATA / "groups" / "two_people.jpg"  # Obama and Biden
NO_FACE = DATA / "no_face" / "kit-1-background.jpg"

#: People in the test register (see conftest.register_path).
OBAMA, BIDEN, LIN, SANNE = "1001", "1002", "1003", "1004"

ANALYSIS_TIMEOUT_MS = 90_000


def click_toolbar(qtbot, window, action: QAction) -> None:
    """Click the toolbar button of ``action``, as a user would."""
    toolbar = window.findChild(QToolBar, "main-toolbar")
    button = toolbar.widgetForAction(action)
    assert button is not None and button.isEnabled(), f"{action.text()} is not clickable"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def analyse(qtbot, window) -> None:
    """Click Analyse and wait until every photo has a verdict or an error."""
    click_toolbar(qtbot, window, window.analyse_action)
    qtbot.waitUntil(
        lambda: (
            window.analyse_job is None
            and all(item.status not in (WAITING, ANALYSING) for item in window.model._items)
        ),
        timeout=ANALYSIS_TIMEOUT_MS,
    )


def select_photo(qtbot, window, name: str) -> None:
    """Click the photo's thumbnail in the grid and wait for the large view."""
    row = next(i for i, p in enumerate(window.model.paths()) if p.name == name)
    index = window.model.index(row)
    window.grid.scrollTo(index)
    rect = window.grid.visualRect(index)
    qtbot.mouseClick(window.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_path().name == name
    qtbot.waitUntil(lambda: window.review.view.has_image(), timeout=10_000)


def face_point(panel, box: Box) -> QPoint:
    """Where the middle of a face is on screen, in the view's viewport."""
    return panel.view.mapFromScene(QPointF((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2))


def click_face(qtbot, panel, box: Box) -> QMenu:
    """Click a face in the review; returns the menu that opens."""
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=face_point(panel, box))
    qtbot.waitUntil(lambda: panel.face_menu is not None and panel.face_menu.isVisible())
    return panel.face_menu


def choose(qtbot, menu: QMenu, text: str) -> None:
    """Click the menu entry whose text (without its & mnemonic) is ``text``."""
    entries = {a.text().replace("&", ""): a for a in menu.actions()}
    action = entries[text]
    assert action.isEnabled(), f"{text!r} is disabled"
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def pick_person(qtbot, panel, search: str) -> None:
    """Type in the person picker's search field and confirm the first match."""
    qtbot.waitUntil(lambda: panel.person_picker is not None and panel.person_picker.isVisible())
    picker = panel.person_picker
    qtbot.keyClicks(picker.search, search)
    assert picker.proxy.rowCount() >= 1
    qtbot.mouseClick(picker.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.person_picker is None)


def drag_box(qtbot, panel, box: Box) -> None:
    """Press, drag and release over ``box`` (full-resolution pixels) in the review."""
    viewport = panel.view.viewport()
    start = panel.view.mapFromScene(QPointF(box.x0, box.y0))
    end = panel.view.mapFromScene(QPointF(box.x1, box.y1))
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, pos=(start + end) / 2)
    qtbot.mouseMove(viewport, pos=end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)


def drop_files(widget, paths: list[Path]) -> None:
    """Drag files from the file manager and drop them on ``widget``."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = widget.rect().center()
    enter = QDragEnterEvent(
        point,  # QPoint: PySide6 6.11 has no QPointF overload for drag events
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier(0),
    )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted(), "the window refused the drag"
    drop = QDropEvent(
        QPointF(point),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier(0),
    )
    QApplication.sendEvent(widget, drop)


def faces_by_reason(panel) -> dict[str, list]:
    found: dict[str, list] = {}
    for item in panel.face_items():
        found.setdefault(item.face.reason, []).append(item.face)
    return found


@contextmanager
def every_thread_busy(qtbot, runner: JobRunner, role: str = GENERAL) -> Iterator[None]:
    """Keep every thread of ``runner``'s pool for ``role`` busy, so that a job started meanwhile
    waits in the queue, as it does behind other work on a slow machine."""
    release = threading.Event()
    started: list[Job] = []

    def hold(job: Job) -> None:
        started.append(job)
        release.wait(60)

    threads = DEFAULT_POOLS[role] or QThread.idealThreadCount()
    for _ in range(threads):
        runner.start(Job(hold), role)
    qtbot.waitUntil(lambda: len(started) == threads, timeout=10_000)
    try:
        yield
    finally:
        release.set()
