"""Face encodings of real photos: the same person close, another far, small faces refused."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from spoenk_publisher.core.faces import Box
from spoenk_publisher.core.faces.detection import detect_faces
from spoenk_publisher.core.faces.encoding import (
    MIN_ENCODABLE_FACE_PX,
    encode_faces,
    encode_faces_in_photo,
    encode_faces_in_photo_with_landmarks,
    encode_faces_with_landmarks,
    face_is_encodable,
)
from spoenk_publisher.core.photos import load_for_analysis, load_upright

DATA = Path(__file__).resolve().parents[1] / "data"
OBAMA_1 = DATA / "people" / "obama" / "obama-1.jpg"
OBAMA_2 = DATA / "people" / "obama" / "obama-2.jpg"
LIN = DATA / "people" / "lin_manuel_miranda" / "lin-1.png"


def only_face(path: Path) -> Box:
    faces = detect_faces(load_for_analysis(path))
    assert len(faces) == 1
    return faces[0].box


@pytest.fixture(scope="module")
def obama_encoding() -> np.ndarray:
    encoding = encode_faces(load_upright(OBAMA_2), [only_face(OBAMA_2)])[0]
    assert encoding is not None and encoding.shape == (128,)
    return encoding


def test_two_photos_of_one_person_are_close_and_another_person_is_far(obama_encoding) -> None:
    other_photo = encode_faces_in_photo(OBAMA_1, [only_face(OBAMA_1)])[0]
    other_person = encode_faces_in_photo(LIN, [only_face(LIN)])[0]

    assert np.linalg.norm(other_photo - obama_encoding) < 0.45
    assert np.linalg.norm(other_person - obama_encoding) > 0.6


def test_encoding_the_working_copy_with_its_scale_matches_full_resolution(obama_encoding) -> None:
    box = only_face(OBAMA_2)
    working = load_for_analysis(OBAMA_2, long_side=800)  # the face is about 180 px there

    from_working_copy = encode_faces(working.image, [box], scale=working.scale)[0]

    assert np.linalg.norm(from_working_copy - obama_encoding) < 0.15


def test_landmarks_are_full_resolution_pixels_whichever_copy_is_encoded() -> None:
    box = only_face(OBAMA_2)
    working = load_for_analysis(OBAMA_2, long_side=800)  # 1.5 times smaller

    (full,) = encode_faces_with_landmarks(load_upright(OBAMA_2), [box])
    (small,) = encode_faces_with_landmarks(working.image, [box], scale=working.scale)

    assert full.landmarks.shape == small.landmarks.shape == (68, 2)
    # x within the box, the chin at its bottom edge (CenterFace's box ends at the chin).
    assert box.x0 - 0.05 * box.width <= full.landmarks[:, 0].min()
    assert full.landmarks[:, 0].max() <= box.x1 + 0.05 * box.width
    assert abs(full.landmarks[8, 1] - box.y1) < 0.05 * box.height
    # Measured 2026-11-29: at most 4.8 px apart (1.0 px on average) on a 405 px high face.
    assert np.abs(small.landmarks - full.landmarks).max() < 0.03 * box.height
    assert np.array_equal(full.encoding, encode_faces(load_upright(OBAMA_2), [box])[0])


def test_a_face_too_small_in_the_working_copy_is_encoded_from_the_full_photo(
    obama_encoding,
) -> None:
    box = only_face(OBAMA_2)
    working = load_for_analysis(OBAMA_2, long_side=100)  # the face is 32 px there
    assert not face_is_encodable(box, working.scale)

    encoding = encode_faces_in_photo(OBAMA_2, [box], working)[0]

    assert encoding is not None
    assert np.linalg.norm(encoding - obama_encoding) < 0.05


def test_a_face_too_small_in_every_copy_has_no_encoding() -> None:
    box = only_face(OBAMA_2)
    shrink = (MIN_ENCODABLE_FACE_PX - 8) / box.height  # a real face, 32 px high
    image = load_upright(OBAMA_2)
    small = image.resize((round(image.width * shrink), round(image.height * shrink)), Image.LANCZOS)

    assert encode_faces(small, [box], scale=1 / shrink) == [None]


def test_one_result_per_box_in_order() -> None:
    path = DATA / "groups" / "obama_and_biden.jpg"
    boxes = [face.box for face in detect_faces(load_for_analysis(path))]
    assert len(boxes) == 3
    image = load_upright(path)

    forward = encode_faces(image, boxes)
    backward = encode_faces(np.asarray(image), boxes[::-1])

    assert all(encoding is not None for encoding in forward)
    for a, b in zip(forward, backward[::-1], strict=True):
        assert np.allclose(a, b)
    assert encode_faces(image, []) == []


def test_faces_too_small_even_at_full_resolution_need_no_decode(tmp_path: Path) -> None:
    missing = tmp_path / "not-there.jpg"  # would raise UnreadablePhoto if it were decoded
    tiny = Box(10, 10, 30, 10 + MIN_ENCODABLE_FACE_PX - 1)

    assert encode_faces_in_photo(missing, [tiny, tiny]) == [None, None]
    assert encode_faces_in_photo(missing, []) == []
    assert encode_faces_in_photo_with_landmarks(missing, [tiny]) == [None]
