"""The demo register: a few real people, with consent made up so that the demo event shows every
kind of decision (kept with consent, blurred for lack of consent, blurred as not recognisable).

In ``resources/demo_event/obama_and_biden.jpg`` on Instagram: Barack Obama is kept (consent),
Joe Biden is blurred (refused) and the child is blurred (unreliable: the face is too blurred to
recognise with certainty). Kit Harington may appear on the website but not on Instagram; Rose
Leslie is known by her face but has no consent recorded.
Plain Python (no Qt): the CLI's ``demo`` command and the GUI's "Demo openen" both call it.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

from spoenk_publisher.core.enrolment import reference_face
from spoenk_publisher.messages import CodedError, Message, display_path
from spoenk_publisher.paths import DEMO_REGISTER_DIR
from spoenk_publisher.register import Register

DEMO_CSV = DEMO_REGISTER_DIR / "demo-register.csv"
#: person id (as in the CSV) -> reference photos in ``resources/demo_register/``
DEMO_REFERENCES: dict[str, tuple[str, ...]] = {
    "DEMO-1": ("obama.jpg",),
    "DEMO-2": ("biden.jpg",),
    "DEMO-3": ("kit_harington.jpg",),
    "DEMO-4": ("rose_leslie.jpg",),
}
#: Every demo person's id starts with this; a file holding anyone else is never overwritten.
DEMO_ID_PREFIX = "DEMO-"

#: ``progress(done, total, item)``, as in ``core.analysis``
Progress = Callable[[int, int, str], None]


class NotADemoRegister(CodedError):
    """The file exists and holds people who are not in the demo: it is someone's real register."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(Message("demo.not_a_demo_register", path=display_path(path)))


def create_demo_register(
    path: Path | str,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    today: date | None = None,
) -> Path | None:
    """Build the demo register at ``path`` (replacing an earlier demo register there) and
    return its path; None when ``cancelled()`` said stop (then ``path`` is untouched).

    The register is built beside ``path`` and moved into place at the end, so a cancelled or
    failed run never leaves half a register. Enrolling runs face detection (about a second a
    photo): call it off the UI thread. Raises ``NotADemoRegister`` when ``path`` holds a real
    register, and ``EnrolmentError`` if a shipped reference photo cannot be used (a bug).
    """
    path = Path(path)
    if path.exists() and not _is_demo_register(path):
        raise NotADemoRegister(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name(f".{path.name}.building")
    _remove_database(building)
    photos = [(person, name) for person, names in DEMO_REFERENCES.items() for name in names]
    total = len(photos) + 1
    try:
        with Register.open(building, actor="demo") as register:
            _report(progress, 0, total, DEMO_CSV.name)
            register.import_csv(DEMO_CSV, today=today)
            for done, (person_id, name) in enumerate(photos, start=1):
                if cancelled is not None and cancelled():
                    return None
                _report(progress, done, total, name)
                register.enrol(person_id, [reference_face(DEMO_REGISTER_DIR / name)])
        _report(progress, total, total, "")
        _remove_database(path)
        os.replace(building, path)
    finally:
        _remove_database(building)
    return path


def _report(progress: Progress | None, done: int, total: int, item: str) -> None:
    if progress is not None:
        progress(done, total, item)


def _is_demo_register(path: Path) -> bool:
    """An empty file, or a register whose people all have demo ids."""
    if path.stat().st_size == 0:
        return True
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            ids = [row[0] for row in connection.execute("SELECT id FROM people")]
        finally:
            connection.close()
    except sqlite3.Error:
        return False
    return all(person_id.startswith(DEMO_ID_PREFIX) for person_id in ids)


def _remove_database(path: Path) -> None:
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)
