"""The encoder gives dlib's own answers: every face of the test photos, encoded by dlib's ResNet
in onnxruntime, against face_recognition's ``face_encodings`` on the same crop and box.

The boxes are CenterFace's, stored in ``tests/data/encoder_faces.json`` so that the test does
not spend its time detecting (crowd-11 alone takes 2-5 s); dlib's encoder, the reference, takes
77-160 ms per face on the 2-core test machine, about 4 s for the 48 encodable faces.
"""

from __future__ import annotations

import json
from pathlib import Path

import face_recognition
import numpy as np
import pytest
from face_recognition.api import _raw_face_landmarks

from spoenk_publisher.core.faces import Box, resnet_onnx
from spoenk_publisher.core.faces.encoding import (
    encode_faces,
    encode_faces_with_landmarks,
    face_crop,
)
from spoenk_publisher.core.photos import load_upright

DATA = Path(__file__).resolve().parents[1] / "data"
FACES = {
    DATA / name: [Box(*box) for box in boxes]
    for name, boxes in json.loads((DATA / "encoder_faces.json").read_text())["photos"].items()
}
#: The goal: no face's encoding more than this from dlib's (matching tolerance 0.45). Measured
#: 2026-11-29 on the 47 faces then here (before kit-2.jpg): at most 1.3e-6 (float32 sums added
#: in another order).
MAX_DISTANCE = 0.01


def test_the_boxes_cover_every_people_and_group_photo() -> None:
    photos = {
        path
        for folder in ("people", "groups")
        for path in (DATA / folder).rglob("*")
        if path.suffix in (".jpg", ".png")
    }
    assert set(FACES) == photos
    assert sum(len(boxes) for boxes in FACES.values()) == 60


@pytest.mark.parametrize("path", sorted(FACES), ids=lambda path: path.name)
def test_every_face_is_encoded_as_dlib_encodes_it(path: Path) -> None:
    image = load_upright(path)
    pixels = np.asarray(image.convert("RGB"))
    boxes = FACES[path]

    faces = encode_faces_with_landmarks(image, boxes)

    assert any(face is not None for face in faces)
    for box, face in zip(boxes, faces, strict=True):
        crop = face_crop(pixels, (box.x0, box.y0, box.x1, box.y1))
        assert (face is None) == (crop is None) == (box.height < 40)
        if face is None or crop is None:
            continue
        location = crop.face_recognition_location()
        (reference,) = face_recognition.face_encodings(
            crop.pixels, [location], num_jitters=1, model="large"
        )
        assert face.encoding.dtype == np.float64 and face.encoding.shape == (128,)
        assert np.linalg.norm(face.encoding - reference) <= MAX_DISTANCE
        # The landmarks are those dlib's encoder used, moved from the crop to the photo.
        (shape,) = _raw_face_landmarks(crop.pixels, [location], model="large")
        in_crop = np.array([(point.x, point.y) for point in shape.parts()])
        assert np.array_equal(face.landmarks, in_crop + np.array(crop.origin))
        assert face.chip.shape == (150, 150, 3) and face.chip.dtype == np.uint8


def test_a_batch_gives_each_face_the_encoding_it_gets_alone() -> None:
    path = DATA / "groups" / "crowd-11.jpg"  # 26 faces: more than one onnxruntime batch
    image = load_upright(path)

    together = encode_faces(image, FACES[path])
    alone = [encode_faces(image, [box])[0] for box in FACES[path]]

    for a, b in zip(together, alone, strict=True):
        assert np.linalg.norm(a - b) < 1e-5


def test_a_file_that_is_not_the_face_encoder_is_refused(tmp_path: Path) -> None:
    detector = resnet_onnx.model_location().with_name("mmod_human_face_detector.dat")
    truncated = tmp_path / "truncated.dat"
    truncated.write_bytes(resnet_onnx.model_location().read_bytes()[:1_000_000])

    with pytest.raises(resnet_onnx.DlibFormatError, match="loss_metric_2"):
        resnet_onnx.read_dlib_network(detector)  # dlib's CNN face detector: another network
    with pytest.raises(resnet_onnx.DlibFormatError, match="end of file"):
        resnet_onnx.read_dlib_network(truncated)
