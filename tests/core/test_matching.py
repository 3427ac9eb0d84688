"""Matching faces against the register's references: match, unknown, ambiguous."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from spoenk_publisher.core.faces import Box
from spoenk_publisher.core.faces.detection import detect_faces
from spoenk_publisher.core.faces.encoding import encode_faces_in_photo
from spoenk_publisher.core.matching import DEFAULT_TOLERANCE, Match, match, match_many
from spoenk_publisher.core.photos import load_for_analysis

DATA = Path(__file__).resolve().parents[1] / "data"
GROUP = DATA / "groups" / "obama_and_biden.jpg"
# Approximate boxes of shared/photos/manifest.json.
GROUP_BOXES = {
    "biden": Box(737, 449, 923, 634),
    "obama": Box(1133, 390, 1356, 613),
    "unknown_child": Box(1594, 1062, 1749, 1216),  # never enrolled
}


def face_encodings(path: Path) -> tuple[list[Box], list[np.ndarray]]:
    working = load_for_analysis(path)
    boxes = [face.box for face in detect_faces(working)]
    return boxes, encode_faces_in_photo(path, boxes, working)


@pytest.fixture(scope="module")
def register() -> tuple[np.ndarray, list[str]]:
    """Two references of Obama and one of Biden, from their portraits."""
    rows, ids = [], []
    for person, file in [
        ("obama", "people/obama/obama-1.jpg"),
        ("obama", "people/obama/obama-2.jpg"),
        ("biden", "people/biden/biden-1.jpg"),
    ]:
        _, encodings = face_encodings(DATA / file)
        assert len(encodings) == 1
        rows.append(encodings[0])
        ids.append(person)
    return np.array(rows), ids


@pytest.fixture(scope="module")
def group_faces() -> dict[str, np.ndarray]:
    boxes, encodings = face_encodings(GROUP)
    return {
        name: encodings[max(range(len(boxes)), key=lambda i, t=truth: boxes[i].iou(t))]
        for name, truth in GROUP_BOXES.items()
    }


def test_enrolled_people_in_a_group_photo_are_recognised(register, group_faces) -> None:
    references, ids = register
    for person in ("obama", "biden"):
        found = match(group_faces[person], references, ids)
        assert found.reason == "match" and found.person_id == person
        assert found.distance <= DEFAULT_TOLERANCE


def test_a_never_enrolled_child_is_unknown(register, group_faces) -> None:
    found = match(group_faces["unknown_child"], *register)

    assert found == Match(None, found.distance, "unknown")
    assert found.distance > 0.6


def test_a_never_enrolled_adult_is_unknown(register) -> None:
    _, encodings = face_encodings(DATA / "people" / "lin_manuel_miranda" / "lin-1.png")

    assert match(encodings[0], *register).reason == "unknown"


def test_two_people_nearly_equally_close_is_ambiguous(register, group_faces) -> None:
    references, ids = register
    # A look-alike enrolled under another name: Obama's own portrait as "twin".
    with_twin = np.vstack([references, references[1]])
    found = match(group_faces["obama"], with_twin, [*ids, "twin"])

    assert found.person_id is None and found.reason == "ambiguous"
    # With no margin the nearest wins again.
    assert match(group_faces["obama"], with_twin, [*ids, "twin"], ambiguity_margin=0).reason == (
        "match"
    )


def test_several_references_of_one_person_are_not_ambiguous() -> None:
    references = np.zeros((3, 128))
    references[1, 0] = 0.01
    references[2, 0] = 0.9
    probe = np.zeros(128)
    probe[0] = 0.2

    found = match(probe, references, ["ann", "ann", "bob"])

    assert found.person_id == "ann" and found.reason == "match"
    assert found.distance == pytest.approx(0.19)


def test_the_tolerance_decides_between_match_and_unknown() -> None:
    references = np.zeros((2, 128))
    references[1, 0] = 5.0
    probe = np.zeros(128)
    probe[1] = 0.48

    assert match(probe, references, ["ann", "bob"], tolerance=0.5).reason == "match"
    assert match(probe, references, ["ann", "bob"], tolerance=0.45).reason == "unknown"
    assert match(probe, references, ["ann", "bob"]).reason == "unknown"  # default 0.45


def test_an_empty_register_knows_nobody() -> None:
    found = match(np.zeros(128), np.zeros((0, 128)), [])

    assert found.person_id is None and found.reason == "unknown"


def test_references_and_ids_must_line_up() -> None:
    with pytest.raises(ValueError, match="2 reference encodings but 1 person ids"):
        match(np.zeros(128), np.zeros((2, 128)), ["ann"])


def test_matching_a_whole_photo_at_once_gives_each_face_its_own_answer(register, group_faces):
    """``match_many`` (used to decide a photo) answers exactly as ``match`` face by face, on
    real faces and on look-alikes made ambiguous on purpose."""
    references, ids = register
    faces = [encoding for encoding in group_faces.values() if encoding is not None]
    lookalike = (references[0] + references[-1]) / 2  # between two people: ambiguous
    probes = np.vstack([*faces, lookalike, references[0]])
    for tolerance in (0.3, DEFAULT_TOLERANCE, 0.8):
        one_by_one = [match(p, references, ids, tolerance=tolerance) for p in probes]
        at_once = match_many(probes, references, ids, tolerance=tolerance)
        assert [(m.person_id, m.reason) for m in at_once] == [
            (m.person_id, m.reason) for m in one_by_one
        ]
        assert np.allclose([m.distance for m in at_once], [m.distance for m in one_by_one])
    assert {m.reason for m in one_by_one} >= {"match", "ambiguous"}
