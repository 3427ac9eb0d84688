"""Screenshots for docs/screenshots/: the first run (an empty register), the main window after
analysing the demo event, the review of one photo with its face menu open, a quick check, the
export dialog and its summary, the question when closing during an export, the register window,
the summary of a folder of portraits, a class photo in review and the "Who is this?" picker.

Run under a real X server (Xvfb is enough), from the project folder::

    Xvfb :93 -screen 0 1280x800x24 &
    DISPLAY=:93 .venv/bin/python scripts/take_screenshots.py [--qm draft_nl.qm]

It makes a throw-away register in which Barack Obama may appear on Instagram and Joe Biden
refused, so that every kind of decision shows. ``--qm`` loads an extra translation (e.g. one
compiled from resources/i18n/drafts/nl_main.json) on top of the shipped one.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"


def make_register(path: Path) -> None:
    from spoenk_publisher.core.enrolment import reference_face
    from spoenk_publisher.register import Person, Register, Role

    people = ROOT / "tests" / "data" / "people"
    with Register.open(path) as register:
        register.add_person(Person("1001", "Barack Obama", "Team", Role.STAFF))
        register.add_person(Person("1002", "Joe Biden", "Team", Role.STAFF))
        register.add_person(Person("2001", "Sanne de Vries", "Groep 5B", Role.PUPIL))
        register.enrol("1001", [reference_face(people / "obama" / "obama-1.jpg")])
        register.enrol("1002", [reference_face(people / "biden" / "biden-1.jpg")])
        register.record_consent("1001", "instagram", True)
        register.record_consent("1002", "instagram", False)


def make_portraits(folder: Path) -> Path:
    """A folder as a school photographer delivers it, named by number or by name."""
    import shutil

    data = ROOT / "tests" / "data"
    folder.mkdir()
    shutil.copy(data / "people" / "obama" / "obama-2.jpg", folder / "1001.jpg")
    shutil.copy(data / "people" / "biden" / "biden-1.jpg", folder / "Joe Biden.jpg")
    shutil.copy(data / "no_face" / "kit-1-background.jpg", folder / "2001_Sanne.jpg")
    shutil.copy(data / "people" / "kit_harington" / "kit-2.jpg", folder / "3107.jpg")
    return folder


def wait_until(app, condition, timeout: float = 120.0) -> None:
    started = time.perf_counter()
    while not condition():
        app.processEvents()
        time.sleep(0.01)
        if time.perf_counter() - started > timeout:
            raise TimeoutError("the app did not get there in time")


def settle(app, seconds: float = 0.6) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)


def shoot(app, widget, name: str, whole_screen: bool = False) -> Path:
    settle(app)
    target = OUT / name
    if os.environ.get("DISPLAY"):
        window = "root" if whole_screen else hex(int(widget.winId()))
        subprocess.run(["import", "-window", window, str(target)], check=True)
    else:
        widget.grab().save(str(target))
    print("saved", target.relative_to(ROOT))
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--qm", type=Path, help="an extra translation file to load")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="spoenk-shots-"))
    os.environ["XDG_CACHE_HOME"] = str(work / "cache")
    os.environ["SPOENK_REGISTER"] = str(work / "register.db")
    make_register(work / "register.db")

    from PySide6.QtCore import QPoint, QSettings, QTranslator
    from PySide6.QtWidgets import QApplication

    from spoenk_publisher.core.pool import shutdown_shared_pool
    from spoenk_publisher.gui.app import create_app
    from spoenk_publisher.gui.event.main_window import MainWindow
    from spoenk_publisher.gui.settings import Settings
    from spoenk_publisher.paths import DEMO_EVENT_DIR

    app: QApplication = create_app(sys.argv[:1])
    if args.qm:
        translator = QTranslator(app)
        if not translator.load(str(args.qm)):
            raise SystemExit(f"cannot load {args.qm}")
        app.installTranslator(translator)
    settings = Settings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    settings.set_channel("instagram")

    # The first run: an empty register, no event open (the app never opens the demo event
    # against a register; the bar offers the demo with its own register).
    first = MainWindow(register_path=work / "empty-register.db", settings=settings)
    first.setGeometry(0, 0, 1280, 800)
    first.show()
    wait_until(app, lambda: first.banner.isVisible() and first.thumbnails.pending() == 0)
    shoot(app, first, "first-run.png", whole_screen=True)
    first.close()
    window = MainWindow(settings=settings)
    window.setGeometry(0, 0, 1280, 800)
    window.show()
    window.open_paths([DEMO_EVENT_DIR])
    window.analyse()
    wait_until(app, lambda: window.analyse_job is None and window.model.analyses())
    wait_until(app, lambda: window.thumbnails.pending() == 0)
    window.move_selection(1)  # obama_and_biden.jpg: kept, no consent and unknown faces
    wait_until(app, lambda: window.review.view.has_image())
    shoot(app, window, "main-window.png", whole_screen=True)

    panel = window.review
    child = next(item for item in panel.face_items() if item.face.person_id is None)
    panel.view.select_box(child.box)
    point = panel.view.face_position(child.box)
    panel._open_face_menu(child.box, point + QPoint(8, 0))
    shoot(app, window, "review.png", whole_screen=True)
    if panel.face_menu is not None:
        panel.face_menu.close()

    check = window.quick_check(DEMO_EVENT_DIR / "two_people.jpg")
    check.setGeometry(120, 60, 1000, 720)
    wait_until(app, lambda: check.decision is not None and check.panel.view.has_image())
    shoot(app, check, "quick-check.png")

    check.close()

    window.open_export()
    dialog = window.export_dialog
    wait_until(app, lambda: dialog is not None and dialog.isVisible())
    shoot(app, dialog, "export-dialog.png")

    # Closing the window while the export runs: the app asks first.
    dialog.folder_edit.setText(str(work / "export"))
    dialog.start_export()
    window._ask_stop_export()
    question = window.close_question
    wait_until(app, lambda: question.isVisible())
    shoot(app, window, "close-during-export.png", whole_screen=True)
    question.done(question.StandardButton.No)
    wait_until(app, lambda: not window.running_exports(), 300)
    # The summary: the photos reviewed exported, the others left out (and said so).
    wait_until(app, lambda: dialog.summary is not None)
    shoot(app, dialog, "export-summary.png")
    dialog.accept()

    window.open_register()
    register_window = window.register_window
    register_window.setGeometry(60, 40, 1160, 620)
    wait_until(app, lambda: register_window.model.rowCount() > 0)
    register_window.select_person("1001")
    shoot(app, register_window, "register-window.png")

    # A school photographer's portraits: one added, one known, one refused, one of nobody.
    portraits = make_portraits(work / "Portretten")
    register_window.enrol_portraits(portraits)
    wait_until(app, lambda: register_window.portrait_dialog is not None)
    shoot(app, register_window.portrait_dialog, "portrait-report.png")
    register_window.portrait_dialog.close()
    register_window.close()
    window.close()
    shoot_group_review(app, settings, work)
    shutdown_shared_pool()


def shoot_group_review(app, settings, work: Path) -> None:
    """review-crowd.png: a class-size group photo in the review, fitted, one face selected
    (its name shows; the others are compact markers). face-picker.png: "Who is this?" for a
    face, beside it, with the face's picture and the nearest people first."""
    import shutil

    from spoenk_publisher.gui.event.main_window import MainWindow

    folder = work / "Klassenfoto's"
    folder.mkdir()
    shutil.copy(ROOT / "tests" / "data" / "groups" / "crowd-11.jpg", folder / "groep-8.jpg")
    shutil.copy(ROOT / "tests" / "data" / "groups" / "two_people.jpg", folder / "bezoek.jpg")
    window = MainWindow(settings=settings)
    window.setGeometry(0, 0, 1280, 800)
    window.show()
    window.open_paths([folder])
    window.analyse()
    wait_until(app, lambda: window.analyse_job is None and len(window.model.analyses()) == 2)
    wait_until(app, lambda: window.thumbnails.pending() == 0)
    panel = window.review

    def show(name: str) -> None:
        row = next(i for i, p in enumerate(window.model.paths()) if p.name == name)
        window.grid.setCurrentIndex(window.model.index(row))
        wait_until(app, lambda: window.current_path().name == name and panel.view.has_image())
        settle(app)

    show("groep-8.jpg")
    panel.view.fit_to_view()
    panel.view.setFocus()
    for _ in range(8):
        panel.view.select_next_face(1)
    shoot(app, window, "review-crowd.png", whole_screen=True)

    show("bezoek.jpg")
    biden = next(item for item in panel.face_items() if item.face.person_id == "1002")
    panel.view.select_box(biden.box)
    panel.assign_selected()
    wait_until(app, lambda: panel.person_picker is not None and panel.person_picker.isVisible())
    settle(app)
    panel.person_picker.place_beside(
        panel.view.face_screen_rect(biden.box), window.screen().availableGeometry()
    )
    shoot(app, window, "face-picker.png", whole_screen=True)
    panel.person_picker.reject()
    window.close()


if __name__ == "__main__":  # analysis processes are spawned: they import this module
    main()
