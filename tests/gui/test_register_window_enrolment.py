"""Reference faces in the register window never freeze it (issue 13.1), and a folder of portraits
enrols a class at once (issue 12.2).

Finding and encoding a face runs in the analysis processes; the window's process only waits on a
queue. The stress test adds reference photos twenty times through the window, as a user would,
while a 10 ms timer on the UI thread keeps ticking; a face search in the window's own process is
made to fail the test. The last test starts the app's register window in a process of its own and
checks that its analysis processes end with it: closed normally, or killed.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from test_register_window import (
    DATA_DIR,
    NO_FACE,
    OBAMA,
    OBAMA_2,
    TODAY,
    StubChooser,
    cell,
    open_window,
    panel_button,
)
from test_responsiveness import MAX_GAP_S, TickGaps

from spoenk_publisher.core import enrolment, portraits
from spoenk_publisher.gui.register.models import ConsentMatrixModel
from spoenk_publisher.register import Person, Register, Role

BIDEN = DATA_DIR / "people" / "biden" / "biden-1.jpg"
KIT = DATA_DIR / "people" / "kit_harington" / "kit-2.jpg"
ROUNDS = 20
ROUND_TIMEOUT_MS = 60_000


@pytest.fixture(autouse=True)
def _on_the_test_day(set_today) -> None:
    set_today(TODAY)


@pytest.fixture
def class_register(tmp_path: Path) -> Path:
    path = tmp_path / "r.db"
    with Register.open(path) as register:
        register.add_person(Person("P044", "Barack Obama", "8A", Role.STAFF))
        register.add_person(Person("P045", "Kit Harington", "8A", Role.STAFF))
        register.add_person(Person("P046", "Joe Biden", "8B", Role.STAFF))
        register.add_person(Person("P047", "Sanne de Vries", "5B", Role.PUPIL))
    return path


@pytest.fixture
def no_faces_in_the_window(monkeypatch) -> None:
    """A face searched for in the window's own process fails the test (the analysis processes
    were started before and are not touched)."""

    def forbidden(*args, **kwargs):
        raise AssertionError("a reference face was searched for in the window's process")

    for name in ("detect_faces", "encode_faces_in_photo_with_landmarks", "reference_face"):
        monkeypatch.setattr(enrolment, name, forbidden)
    monkeypatch.setattr(portraits, "reference_face", forbidden)


def test_adding_reference_photos_twenty_times_never_freezes_the_window(
    qtbot, class_register, pool, no_faces_in_the_window
):
    chooser = StubChooser()
    window = open_window(qtbot, class_register, chooser)
    gaps = TickGaps()
    gaps.start()
    results = []
    for round_ in range(ROUNDS):
        person, photo = [("P044", OBAMA), ("P044", OBAMA_2), ("P046", BIDEN)][round_ % 3]
        chooser.chosen_photos = [photo]
        window.select_person(person)
        with qtbot.waitSignal(window.enrolment_done, timeout=ROUND_TIMEOUT_MS) as done:
            qtbot.mouseClick(panel_button(window, window.enrol_action), Qt.MouseButton.LeftButton)
            assert window.progress.isVisible()
        results.append(done.args[0])
    gaps.stop()

    assert len(results) == ROUNDS and None not in results  # every round ended with a result
    assert all(not r.failures and (r.added or r.already_known) for r in results), [
        {p.name: str(e) for p, e in r.failures.items()} for r in results if r and r.failures
    ]
    assert gaps.ticks > 0
    assert gaps.longest < MAX_GAP_S, f"the window stood still for {gaps.longest:.2f} s"
    assert cell(window, "P044", column=ConsentMatrixModel.FACES).data() == "2"
    assert cell(window, "P046", column=ConsentMatrixModel.FACES).data() == "1"
    qtbot.waitUntil(lambda: not window.runner.is_busy())


def test_a_refused_photo_is_named_with_its_reason(qtbot, class_register, no_faces_in_the_window):
    window = open_window(qtbot, class_register)
    with qtbot.waitSignal(window.enrolment_done, timeout=ROUND_TIMEOUT_MS):
        window.enrol_photos("P045", [NO_FACE])
    assert "kit-1-background.jpg: no face was found" in window.message_bar.text()


def test_enrol_a_folder_of_portraits(qtbot, class_register, tmp_path, no_faces_in_the_window):
    folder = tmp_path / "Portretten 2026"
    folder.mkdir()
    shutil.copy(OBAMA, folder / "P044.jpg")  # by number
    shutil.copy(BIDEN, folder / "Joe Biden.jpg")  # by name
    shutil.copy(NO_FACE, folder / "P045_Kit.jpg")  # no face: refused, with the reason
    shutil.copy(KIT, folder / "Onbekende Persoon.jpg")  # fits nobody
    chooser = StubChooser()
    chooser.folder = lambda parent: folder
    window = open_window(qtbot, class_register, chooser)

    with qtbot.waitSignal(window.enrolment_done, timeout=120_000) as done:
        qtbot.mouseClick(
            window.toolbar.widgetForAction(window.portraits_action), Qt.MouseButton.LeftButton
        )
        assert window.progress.isVisible()
    report = done.args[0]

    assert sorted(pid for _, pid in report.enrolled) == ["P044", "P046"]
    dialog = window.portrait_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.headline.text().startswith("2 person(s) got a reference face")
    details = dialog.details.toPlainText()
    assert "• Barack Obama (P044.jpg)" in details
    assert "• Joe Biden (Joe Biden.jpg)" in details
    assert "• P045_Kit.jpg (Kit Harington): no face was found" in details
    assert "fits nobody in the register:\n• Onbekende Persoon.jpg" in details
    assert "Still without a reference face (2):" in details
    assert "• Sanne de Vries (P047)" in details and "• Kit Harington (P045)" in details
    qtbot.waitSignal(window.loaded, timeout=10_000)
    qtbot.waitUntil(lambda: cell(window, "P044", column=ConsentMatrixModel.FACES).data() == "1")
    with Register.open(class_register) as register:
        assert register.reference_face_counts() == {"P044": 1, "P046": 1}


# -- the analysis processes end with the app -------------------------------------------------

APP = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from spoenk_publisher.core.pool import shared_pool, shutdown_shared_pool
    from spoenk_publisher.gui.app import create_app
    from spoenk_publisher.gui.register.window import RegisterWindow


    def main():
        register, photo, ending = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
        app = create_app(sys.argv[:1])
        app.aboutToQuit.connect(shutdown_shared_pool)  # as gui.app.main does
        window = RegisterWindow(register)
        window.show()

        def started():
            executor = shared_pool()._executor
            if executor is not None and executor._processes:  # started on demand
                print("workers", *executor._processes, flush=True)
                timer.stop()

        def done(result):
            print("enrolled", bool(result and result.added), flush=True)
            if ending == "close":
                window.close()
                app.quit()

        window.enrolment_done.connect(done)
        window.loaded.connect(lambda: window.enrol_photos("P044", [photo]))
        timer = QTimer()
        timer.timeout.connect(started)
        timer.start(100)
        sys.exit(app.exec())


    if __name__ == "__main__":  # the analysis processes import this file too
        main()
    """
)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.mark.parametrize("ending", ["close", "kill"])
def test_the_analysis_processes_end_with_the_app(class_register, tmp_path, ending):
    script = tmp_path / "app.py"
    script.write_text(APP)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    app = subprocess.Popen(
        [sys.executable, str(script), str(class_register), str(OBAMA), ending],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = app.stdout.readline()
        while line and not line.startswith("workers"):
            line = app.stdout.readline()
        workers = [int(pid) for pid in line.split()[1:]]
        assert workers, "the analysis processes never started"
        time.sleep(0.5)
        assert all(_alive(pid) for pid in workers)
        if ending == "kill":
            os.kill(app.pid, signal.SIGKILL)
        else:
            assert app.stdout.readline().strip() == "enrolled True"
        app.wait(timeout=60)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
            time.sleep(0.2)
        assert not any(_alive(pid) for pid in workers), "analysis processes outlived the app"
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
