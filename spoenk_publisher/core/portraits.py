"""Enrolling a whole school from the photographer's portraits.

A school photographer delivers one portrait per pupil, named by pupil number (``1042.jpg``,
``1042_Sanne.jpg``) or by name (``Sanne de Vries.jpg``, ``vries_sanne.jpg``). Each portrait is
matched to one person in the register, goes through the same checks as any reference photo (one
clear face, large enough, agreeing with the person's other references: ``core.enrolment`` and
``Register.enrol``), and the report lists what was enrolled, what was refused and why, who still
has no reference face, and which files match nobody.

Enrolling everyone, with or without consent, is what lets the app blur a pupil *by name*: a
pupil without consent whose own reference is in the register is recognised and blurred for that
reason, instead of relying on nobody else's reference being close to their face.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, field
from pathlib import Path

from spoenk_publisher.core.enrolment import EnrolmentError, reference_face
from spoenk_publisher.core.photos import UnreadablePhoto, list_photos
from spoenk_publisher.messages import CodedError, Message
from spoenk_publisher.register import Person, ReferenceFace, Register, RegisterError

#: ``progress(done, total, current)``, as in ``core.analysis``.
Progress = Callable[[int, int, Path | None], None]


@dataclass
class PortraitReport:
    """What enrolling a folder of portraits did."""

    enrolled: list[tuple[Path, str]] = field(default_factory=list)  # file, person id
    already: list[tuple[Path, str]] = field(default_factory=list)  # this photo was enrolled
    refused: list[tuple[Path, str, Message]] = field(default_factory=list)  # file, id, why
    unmatched: list[Path] = field(default_factory=list)  # files that match nobody
    ambiguous: list[tuple[Path, tuple[str, ...]]] = field(default_factory=list)
    without_reference: list[Person] = field(default_factory=list)  # after this run
    cancelled: bool = False


def _words(text: str) -> list[str]:
    """Lower-case ASCII words of a name or file name ("Zoë Çelik-de Wit" -> zoe celik de wit)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return [word for word in re.split(r"[^a-z0-9]+", ascii_text.lower()) if word]


def match_portraits(
    files: Iterable[Path], people: Sequence[Person]
) -> tuple[dict[Path, str], list[Path], list[tuple[Path, tuple[str, ...]]]]:
    """Which person each portrait shows: by pupil number in the file name (a word of the name
    equal to the number), else by name (the file name's words are the person's name's words,
    in any order). Returns (file -> person id, files matching nobody, files matching several).
    """
    by_id = {person.id.lower(): person.id for person in people}
    by_name: dict[frozenset[str], list[str]] = {}
    for person in people:
        by_name.setdefault(frozenset(_words(person.name)), []).append(person.id)
    matched: dict[Path, str] = {}
    unmatched: list[Path] = []
    ambiguous: list[tuple[Path, tuple[str, ...]]] = []
    for file in files:
        words = _words(file.stem)
        ids = sorted({by_id[word] for word in words if word in by_id})
        if not ids:
            ids = sorted(by_name.get(frozenset(words), []))
        if len(ids) == 1:
            matched[file] = ids[0]
        elif ids:
            ambiguous.append((file, tuple(ids)))
        else:
            unmatched.append(file)
    return matched, unmatched, ambiguous


def enrol_folder(
    register: Register,
    folder: Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    submit: Callable[[Path], Future] | None = None,
) -> PortraitReport:
    """Match every portrait in ``folder`` to a person and enrol it as their reference face.

    Faces are found and encoded on ``submit(path)`` (a future of ``reference_face_safely``,
    e.g. on the analysis pool) or in this process. Each portrait is stored on its own: a
    refused one never blocks the others. Cancelling keeps what was enrolled.
    """
    cancelled = cancelled or (lambda: False)
    report = PortraitReport()
    people = register.people()
    files = list_photos(folder)
    matched, report.unmatched, report.ambiguous = match_portraits(files, people)
    todo = list(matched.items())
    total = len(todo)
    done = 0
    if progress:
        progress(0, total, None)

    def store(file: Path, person_id: str, outcome: ReferenceFace | Message) -> None:
        nonlocal done
        if isinstance(outcome, Message):
            report.refused.append((file, person_id, outcome))
        else:
            try:
                if register.enrol(person_id, [outcome]):
                    report.enrolled.append((file, person_id))
                else:
                    report.already.append((file, person_id))
            except RegisterError as error:
                report.refused.append((file, person_id, error.message))
        done += 1
        if progress:
            progress(done, total, file)

    if submit is None:
        for file, person_id in todo:
            if cancelled():
                report.cancelled = True
                break
            store(file, person_id, reference_face_safely(file))
    else:
        report.cancelled = not _run_in_pool(todo, submit, cancelled, store)
    with_faces = register.reference_face_counts()
    report.without_reference = [p for p in register.people() if p.id not in with_faces]
    return report


def _run_in_pool(
    todo: list[tuple[Path, str]],
    submit: Callable[[Path], Future],
    cancelled: Callable[[], bool],
    store: Callable[[Path, str, ReferenceFace | Message], None],
) -> bool:
    pending = iter(todo)
    in_flight: dict[Future, tuple[Path, str]] = {}
    limit = 4  # a few portraits queued per batch keep the cores busy; a cancel waits for few

    def fill() -> None:
        while len(in_flight) < limit:
            item = next(pending, None)
            if item is None:
                return
            in_flight[submit(item[0])] = item

    fill()
    while in_flight:
        finished, _ = wait(in_flight, timeout=0.1, return_when=FIRST_COMPLETED)
        for future in finished:
            file, person_id = in_flight.pop(future)
            try:
                outcome = future.result()
            except Exception as error:  # a dead worker: this portrait fails, the rest goes on
                outcome = Message("analysis.failed", detail=f"{type(error).__name__}: {error}")
            store(file, person_id, outcome)
        if cancelled():
            for future in in_flight:
                future.cancel()
            return False
        fill()
    return True


def reference_face_safely(path: Path) -> ReferenceFace | Message:
    """``reference_face``, or why the portrait cannot be a reference (for a process pool)."""
    try:
        return reference_face(path)
    except (EnrolmentError, UnreadablePhoto) as error:
        return error.message
    except CodedError as error:
        return error.message
    except Exception as error:  # one bad portrait must never stop a school's enrolment
        return Message("analysis.failed", detail=f"{type(error).__name__}: {error}")
