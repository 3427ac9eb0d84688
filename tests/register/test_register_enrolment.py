"""Enrolment from real photos: one face is accepted, none or two are refused, and the stored
encodings recognise the person (and nobody else)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from register_testing import DATA_DIR, PEOPLE_DIR

from spoenk_publisher.core.enrolment import (
    MIN_REFERENCE_FACE_PX,
    NotExactlyOneFace,
    ReferenceFaceTooSmall,
    reference_face,
)
from spoenk_publisher.core.photos import UnreadablePhoto, content_hash
from spoenk_publisher.register import Person, ReferenceFace, Register

OBAMA_1 = PEOPLE_DIR / "obama" / "obama-1.jpg"
OBAMA_2 = PEOPLE_DIR / "obama" / "obama-2.jpg"
BIDEN_1 = PEOPLE_DIR / "biden" / "biden-1.jpg"
TWO_PEOPLE = DATA_DIR / "groups" / "two_people.jpg"
NO_FACE = DATA_DIR / "no_face" / "kit-1-background.jpg"

#: face_recognition's usual threshold for "the same person".
SAME_PERSON = 0.6


@pytest.fixture(scope="module")
def faces() -> dict[str, ReferenceFace]:
    """Each one-face photo encoded once for the whole module (HOG takes ~0.3 s a photo)."""
    return {path.stem: reference_face(path) for path in (OBAMA_1, OBAMA_2, BIDEN_1)}


def test_a_photo_with_one_face_gives_its_encoding_and_hash(faces: dict[str, ReferenceFace]) -> None:
    face = faces["obama-1"]
    assert face.photo_sha256 == content_hash(OBAMA_1)
    assert face.encoding.shape == (128,) and face.encoding.dtype == np.float64


def test_encodings_tell_people_apart(faces: dict[str, ReferenceFace]) -> None:
    same = np.linalg.norm(faces["obama-1"].encoding - faces["obama-2"].encoding)
    other = np.linalg.norm(faces["obama-1"].encoding - faces["biden-1"].encoding)
    assert same < SAME_PERSON < other


def test_a_photo_with_two_faces_is_refused_with_the_count() -> None:
    with pytest.raises(NotExactlyOneFace) as error:
        reference_face(TWO_PEOPLE)
    assert error.value.count == 2
    assert "two_people.jpg" in str(error.value) and "2 faces were found" in str(error.value)


def test_a_photo_without_a_face_is_refused() -> None:
    with pytest.raises(NotExactlyOneFace) as error:
        reference_face(NO_FACE)
    assert error.value.count == 0
    assert "no face was found" in str(error.value)


def test_a_face_too_small_to_encode_well_is_refused(tmp_path: Path) -> None:
    # obama-1's face is ~267 px high in its 910x1137 photo; at a quarter it is ~67 px.
    small = tmp_path / "obama-small.jpg"
    with Image.open(OBAMA_1) as image:
        image.resize((image.width // 4, image.height // 4)).save(small, quality=90)
    with pytest.raises(ReferenceFaceTooSmall) as error:
        reference_face(small)
    assert error.value.height < MIN_REFERENCE_FACE_PX
    assert f"at least {MIN_REFERENCE_FACE_PX}" in str(error.value)


def test_an_unreadable_file_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a photo")
    with pytest.raises(UnreadablePhoto):
        reference_face(broken)


def test_enrol_from_several_photos_and_recognise(
    register: Register, faces: dict[str, ReferenceFace]
) -> None:
    register.add_person(Person("1001", "Sanne de Vries"))
    register.add_person(Person("1002", "Daan Jansen"))
    assert register.enrol("1001", [faces["obama-1"], faces["obama-2"]]) == 2
    assert register.enrol("1002", [faces["biden-1"]]) == 1

    encodings, person_ids = register.reference_encodings()
    assert person_ids == ["1001", "1001", "1002"]
    distances = np.linalg.norm(encodings - faces["obama-2"].encoding, axis=1)
    assert person_ids[int(np.argmin(distances))] == "1001"
    # Nothing of the photo itself is kept: only hash and encoding.
    columns = [row[1] for row in register.db.conn.execute("PRAGMA table_info(reference_faces)")]
    assert columns == ["id", "person_id", "photo_sha256", "encoding", "created_at"]
