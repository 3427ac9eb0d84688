"""Face encodings: dlib's 128-number face descriptor (as face_recognition computes it) of a
detected face, with the face's 68 landmarks.

Each face is located with dlib's 68-point landmarks in a crop around it, at the best resolution
the caller has, and cut out as dlib's aligned 150x150 chip (``dlib.get_face_chip``, exactly what
``face_recognition.face_encodings(..., model="large")`` does). dlib's ResNet then runs on all the
chips of a photo at once in onnxruntime (``resnet_onnx``) instead of on dlib's BLAS-less CPU
code, one face at a time. The encodings equal face_recognition's to 1e-6 (tested in
``tests/core/test_encoder_equivalence.py``; speed in ``bench/encoding.py``). A face too small to
encode reliably gets ``None`` (the caller treats it as unknown, so it is blurred).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from spoenk_publisher.core.faces import Box, resnet_onnx
from spoenk_publisher.core.photos import WorkingCopy, load_upright

#: Faces lower than this (CenterFace box height, in pixels of the image they are encoded from)
#: get no encoding. bench/matching.py, faces shrunk with Lanczos, tolerance 0.45: at 40 px 8/12
#: probes are recognised (11/12 from 64 px up) and the nearest other person is 0.65 away; at
#: 32 px 6/12, at 24 px 0/12, and other people come closer (0.59 at 16 px): "too small".
MIN_ENCODABLE_FACE_PX = 40

#: A face lower than this in the working copy is encoded from the full-resolution photo:
#: recognition and own-person distance stop improving at 80-100 px (bench/matching.py).
PREFERRED_FACE_PX = 100

#: CenterFace boxes run from forehead to chin; dlib's landmark model was trained on its own
#: detector's squarer, lower box. Mean of 39 faces in ../shared/photos (hand and HOG boxes vs
#: CenterFace): centre 0.05 box heights lower, side 0.83 heights or 1.09 widths.
_DLIB_BOX_SHIFT_Y = 0.05
_DLIB_BOX_SIDE_PER_HEIGHT = 0.83
_DLIB_BOX_SIDE_PER_WIDTH = 1.09

#: Context around a face kept in the crop, in face sizes on each side.
_CROP_MARGIN = 0.6


#: dlib's chip: 150x150 pixels, 25 % padding around the landmarks' face box (the defaults of
#: ``compute_face_descriptor``, which face_recognition uses).
_CHIP_PADDING = 0.25

#: Chips per onnxruntime run. The network alone on the 78 chips of bench/encoding.py's crowd,
#: one thread, CPU ms per face (2026-11-29): 10.4 one at a time, 9.3 by 2, 8.6 by 4, 8.5 by 8,
#: 8.6 by 16 and 32; the session's memory grows with the batch (+5 MB by 8, +19 by 16, +38 by
#: 32, +82 by 64), so 8 it is.
_BATCH = 8


@dataclass(frozen=True)
class EncodedFace:
    """One face's encoding and what it was computed from."""

    #: dlib's 128-number descriptor, float64 (as face_recognition returns it).
    encoding: np.ndarray
    #: dlib's 68 landmarks (``pose_predictor_68_point``), ``(68, 2)`` x, y in full-resolution
    #: pixels of the photo, like the boxes.
    landmarks: np.ndarray
    #: The aligned 150x150 RGB chip the encoding was computed from (uint8).
    chip: np.ndarray


def encode_faces(
    image: Image.Image | np.ndarray, boxes: Sequence[Box], scale: float = 1.0
) -> list[np.ndarray | None]:
    """One encoding per box (``None``: too small to encode reliably), in the order given.

    ``boxes`` are full-resolution pixels; ``image`` is the photo ``scale`` times smaller
    (1.0 for the full-resolution photo, ``WorkingCopy.scale`` for the working copy).
    """
    return _encodings_only(encode_faces_with_landmarks(image, boxes, scale))


def encode_faces_with_landmarks(
    image: Image.Image | np.ndarray, boxes: Sequence[Box], scale: float = 1.0
) -> list[EncodedFace | None]:
    """Like ``encode_faces``, with each face's landmarks and chip (at no extra cost)."""
    aligned = [_align(image, _scaled(box, scale)) for box in boxes]
    chips = [face[0] for face in aligned if face is not None]
    encodings = iter(_run_encoder(chips))
    return [
        None
        if face is None
        else EncodedFace(next(encodings).astype(np.float64), face[1] * scale, face[0])
        for face in aligned
    ]


def encode_faces_in_photo(
    path: Path | str, boxes: Sequence[Box], working: WorkingCopy | None = None
) -> list[np.ndarray | None]:
    """Encodings of ``boxes`` in the photo at ``path``, from the working copy where the faces
    are large enough there, else from the full-resolution photo."""
    return _encodings_only(encode_faces_in_photo_with_landmarks(path, boxes, working))


def encode_faces_in_photo_with_landmarks(
    path: Path | str, boxes: Sequence[Box], working: WorkingCopy | None = None
) -> list[EncodedFace | None]:
    """Like ``encode_faces_in_photo``, with each face's landmarks and chip."""
    if not any(face_is_encodable(box) for box in boxes):
        return [None] * len(boxes)  # no decode needed: too small even at full resolution
    if working is not None and all(
        box.height / working.scale >= PREFERRED_FACE_PX for box in boxes if face_is_encodable(box)
    ):
        return encode_faces_with_landmarks(working.image, boxes, working.scale)
    return encode_faces_with_landmarks(load_upright(path), boxes, 1.0)


def face_is_encodable(box: Box, scale: float = 1.0) -> bool:
    """True when ``box`` is large enough, in an image ``scale`` times smaller, to be encoded."""
    return box.height / scale >= MIN_ENCODABLE_FACE_PX


def warm_up() -> None:
    """Load the landmark model and the encoder now rather than at the first face."""
    _landmark_model()
    resnet_onnx.session()


def _encodings_only(faces: list[EncodedFace | None]) -> list[np.ndarray | None]:
    return [None if face is None else face.encoding for face in faces]


def _scaled(box: Box, scale: float) -> tuple[float, float, float, float]:
    return (box.x0 / scale, box.y0 / scale, box.x1 / scale, box.y1 / scale)


_landmarks = None


def _landmark_model():  # -> dlib.shape_predictor (dlib ships no type hints)
    """dlib's 68-point shape predictor, loaded on first use (a 100 MB file: 1-3 s on the
    shared 2-core machine, as when face_recognition loaded it)."""
    global _landmarks
    if _landmarks is None:
        import dlib
        import face_recognition_models

        _landmarks = dlib.shape_predictor(face_recognition_models.pose_predictor_model_location())
    return _landmarks


@dataclass(frozen=True)
class FaceCrop:
    """Where a face is encoded from: a crop of the image around it and dlib's box in the crop."""

    pixels: np.ndarray  # RGB uint8
    origin: tuple[int, int]  # x, y of the crop's top-left pixel in the image
    box: tuple[int, int, int, int]  # left, top, right, bottom in crop pixels (a dlib.rectangle)

    def face_recognition_location(self) -> tuple[int, int, int, int]:
        """The box as face_recognition's ``(top, right, bottom, left)``."""
        left, top, right, bottom = self.box
        return top, right, bottom, left


def face_crop(
    image: Image.Image | np.ndarray, box: tuple[float, float, float, float]
) -> FaceCrop | None:
    """The crop and dlib-like square box a face at ``box`` (x0, y0, x1, y1 in ``image``) is
    encoded from, or None when it is too small to encode."""
    x0, y0, x1, y1 = box
    width, height = x1 - x0, y1 - y0
    if height < MIN_ENCODABLE_FACE_PX or width <= 0:
        return None
    side = (_DLIB_BOX_SIDE_PER_HEIGHT * height + _DLIB_BOX_SIDE_PER_WIDTH * width) / 2
    centre_x = (x0 + x1) / 2
    centre_y = (y0 + y1) / 2 + _DLIB_BOX_SHIFT_Y * height
    margin = _CROP_MARGIN * max(width, height)
    image_w, image_h = image.size if isinstance(image, Image.Image) else image.shape[1::-1]
    crop_x0 = max(0, int(x0 - margin))
    crop_y0 = max(0, int(y0 - margin))
    crop_x1 = min(image_w, int(x1 + margin + 1))
    crop_y1 = min(image_h, int(y1 + margin + 1))
    return FaceCrop(
        pixels=_region(image, crop_x0, crop_y0, crop_x1, crop_y1),
        origin=(crop_x0, crop_y0),
        box=(
            round(centre_x - side / 2) - crop_x0,
            round(centre_y - side / 2) - crop_y0,
            round(centre_x + side / 2) - crop_x0,
            round(centre_y + side / 2) - crop_y0,
        ),
    )


def _region(image: Image.Image | np.ndarray, x0: int, y0: int, x1: int, y1: int) -> np.ndarray:
    """RGB uint8 pixels of a region. A photo is cut before it becomes an array: the whole of a
    12 MP photo took 120 ms to convert and copy (2-core EPYC), about 8 faces' encoding."""
    if isinstance(image, Image.Image):
        region = image.crop((x0, y0, x1, y1))
        return np.array(region if region.mode == "RGB" else region.convert("RGB"))
    return np.ascontiguousarray(image[y0:y1, x0:x1])


def _align(
    image: Image.Image | np.ndarray, box: tuple[float, float, float, float]
) -> tuple[np.ndarray, np.ndarray] | None:
    """The face's 150x150 chip and its 68 landmarks (x, y in ``image``), or None when the face
    is too small. Landmarks and chip are those of face_recognition's
    ``face_encodings(crop.pixels, [location], model="large")``, which gave the encodings before.
    """
    import dlib

    crop = face_crop(image, box)
    if crop is None:
        return None
    shape = _landmark_model()(crop.pixels, dlib.rectangle(*crop.box))
    # The chip comes from the crop, not the photo: where it reaches past the crop dlib fills in
    # black, as it did when face_recognition encoded the crop.
    chip = dlib.get_face_chip(crop.pixels, shape, size=resnet_onnx.CHIP_SIZE, padding=_CHIP_PADDING)
    origin_x, origin_y = crop.origin
    landmarks = np.array(
        [(point.x + origin_x, point.y + origin_y) for point in shape.parts()], dtype=np.float64
    )
    return chip, landmarks


def _run_encoder(chips: list[np.ndarray]) -> np.ndarray:
    """Encodings ``(N, 128)`` float32 of ``chips``, ``_BATCH`` at a time."""
    if not chips:
        return np.zeros((0, 128), np.float32)
    session = resnet_onnx.session()
    return np.concatenate(
        [
            session.run(
                [resnet_onnx.OUTPUT_NAME],
                {resnet_onnx.INPUT_NAME: np.stack(chips[start : start + _BATCH])},
            )[0]
            for start in range(0, len(chips), _BATCH)
        ]
    )
