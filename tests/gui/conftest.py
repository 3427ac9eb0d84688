"""The GUI under test: a temporary register with real reference faces, private settings and
caches, and one warm analysis pool shared by the whole session (real detector, never mocked)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_testing import (
    BIDEN,
    BIDEN_PHOTO,
    EXAMPLE_CSV,
    GROUP_PHOTO,
    LIN,
    NO_FACE,
    OBAMA,
    OBAMA_PHOTO,
    SANNE,
    TWO_PEOPLE,
)
from PySide6.QtCore import QSettings

from spoenk_publisher import messages
from spoenk_publisher.core import pool as analysis_pool
from spoenk_publisher.core.enrolment import reference_face
from spoenk_publisher.core.pool import AnalysisPool
from spoenk_publisher.gui.settings import Settings
from spoenk_publisher.register import Person, ReferenceFace, Register, Role


@pytest.fixture(scope="session")
def pool() -> Iterator[AnalysisPool]:
    """Two analysis processes, started once; the app's shared pool is this one in tests."""
    shared = AnalysisPool(workers=2)
    shared.warm_up()
    analysis_pool._shared = shared
    yield shared
    analysis_pool._shared = None
    shared.shutdown()


@pytest.fixture(scope="session")
def session_cache(tmp_path_factory) -> Path:
    """One cache folder for the session: photos analysed in one test come from the cache
    in the next (the first analysis of each photo is real)."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def private_environment(monkeypatch, tmp_path, session_cache, pool, qapp) -> None:
    """No test reads or writes the user's settings, caches or register."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(session_cache))
    monkeypatch.delenv("SPOENK_REGISTER", raising=False)
    # The GUI tests read the source (English) strings, so the core's sentences are English too.
    messages.set_language("en")
    qapp.setOrganizationName("Spoenk Tests")
    qapp.setApplicationName("Spoenk Publisher Tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


@pytest.fixture(scope="session")
def references() -> dict[str, ReferenceFace]:
    """Reference faces made by the real detector and encoder, once per session."""
    return {OBAMA: reference_face(OBAMA_PHOTO), BIDEN: reference_face(BIDEN_PHOTO)}


@pytest.fixture
def register_path(tmp_path: Path, references) -> Path:
    """Obama may appear on Instagram (not on the website), Biden refused Instagram,
    Lin-Manuel Miranda may appear on Instagram but has no reference face, Sanne has no
    consent at all."""
    path = tmp_path / "r.db"
    with Register.open(path, actor="tester") as register:
        register.add_person(Person(OBAMA, "Barack Obama", "8A", Role.STAFF))
        register.add_person(Person(BIDEN, "Joe Biden", "8B", Role.STAFF))
        register.add_person(Person(LIN, "Lin-Manuel Miranda", "7A", Role.PUPIL))
        register.add_person(Person(SANNE, "Sanne de Vries", "5B", Role.PUPIL))
        register.enrol(OBAMA, [references[OBAMA]])
        register.enrol(BIDEN, [references[BIDEN]])
        register.record_consent(OBAMA, "instagram", True)
        register.record_consent(BIDEN, "instagram", False)
        register.record_consent(LIN, "instagram", True)
    return path


@pytest.fixture
def empty_register_path(tmp_path: Path) -> Path:
    """A new consent register with nobody in it."""
    path = tmp_path / "r.db"
    Register.open(path).close()
    return path


@pytest.fixture
def example_register(empty_register_path: Path, today) -> Path:
    """The example list of docs/voorbeeld-register.csv imported on the test's day (a module's
    autouse fixture that sets the clock runs first)."""
    with Register.open(empty_register_path) as register:
        register.import_csv(EXAMPLE_CSV, today=today)
    return empty_register_path


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    chosen = Settings(store)
    chosen.set_channel("instagram")
    return chosen


@pytest.fixture
def event_folder(tmp_path: Path) -> Path:
    """An event: a group photo, two people, a photo without faces and a damaged file."""
    folder = tmp_path / "Sportdag groep 8"
    folder.mkdir()
    shutil.copy(GROUP_PHOTO, folder / "01-group.jpg")
    shutil.copy(TWO_PEOPLE, folder / "02-two.jpg")
    shutil.copy(NO_FACE, folder / "03-no-face.jpg")
    (folder / "04-damaged.jpg").write_bytes(GROUP_PHOTO.read_bytes()[:4000])
    return folder


@pytest.fixture
def window(qtbot, register_path: Path, settings: Settings, pool: AnalysisPool):
    from spoenk_publisher.gui.event.main_window import MainWindow

    main = MainWindow(register_path, settings, pool=pool, warm_up=False)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()
