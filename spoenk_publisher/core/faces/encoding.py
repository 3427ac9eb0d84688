"""Face encodings: face_recognition's 128-number descriptor of a detected face.

Each face is encoded from a crop around it, with dlib's 68-point landmarks, at the best
resolution the caller has; a face too small there to encode reliably gets ``None`` (the caller
treats it as unknown, so it is blurred).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from PIL import Image

from spoenk_publisher.core.faces import Box
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


def encode_faces(
    image: Image.Image | np.ndarray, boxes: Sequence[Box], scale: float = 1.0
) -> list[np.ndarray | None]:
    """One encoding per box (``None``: too small to encode reliably), in the order given.

    ``boxes`` are full-resolution pixels; ``image`` is the photo ``scale`` times smaller
    (1.0 for the full-resolution photo, ``WorkingCopy.scale`` for the working copy).
    """
    pixels = np.asarray(image.convert("RGB") if isinstance(image, Image.Image) else image)
    return [_encode_one(pixels, _scaled(box, scale)) for box in boxes]


def encode_faces_in_photo(
    path: Path | str, boxes: Sequence[Box], working: WorkingCopy | None = None
) -> list[np.ndarray | None]:
    """Encodings of ``boxes`` in the photo at ``path``, from the working copy where the faces
    are large enough there, else from the full-resolution photo."""
    if not any(face_is_encodable(box) for box in boxes):
        return [None] * len(boxes)  # no decode needed: too small even at full resolution
    if working is not None and all(
        box.height / working.scale >= PREFERRED_FACE_PX for box in boxes if face_is_encodable(box)
    ):
        return encode_faces(working.image, boxes, working.scale)
    return encode_faces(load_upright(path), boxes, 1.0)


def face_is_encodable(box: Box, scale: float = 1.0) -> bool:
    """True when ``box`` is large enough, in an image ``scale`` times smaller, to be encoded."""
    return box.height / scale >= MIN_ENCODABLE_FACE_PX


def _scaled(box: Box, scale: float) -> tuple[float, float, float, float]:
    return (box.x0 / scale, box.y0 / scale, box.x1 / scale, box.y1 / scale)


def _encode_one(pixels: np.ndarray, box: tuple[float, float, float, float]) -> np.ndarray | None:
    import face_recognition  # loads dlib's models (about 0.3 s) on first use only

    x0, y0, x1, y1 = box
    width, height = x1 - x0, y1 - y0
    if height < MIN_ENCODABLE_FACE_PX or width <= 0:
        return None
    side = (_DLIB_BOX_SIDE_PER_HEIGHT * height + _DLIB_BOX_SIDE_PER_WIDTH * width) / 2
    centre_x = (x0 + x1) / 2
    centre_y = (y0 + y1) / 2 + _DLIB_BOX_SHIFT_Y * height
    margin = _CROP_MARGIN * max(width, height)
    image_h, image_w = pixels.shape[:2]
    crop_x0 = max(0, int(x0 - margin))
    crop_y0 = max(0, int(y0 - margin))
    crop_x1 = min(image_w, int(x1 + margin + 1))
    crop_y1 = min(image_h, int(y1 + margin + 1))
    crop = np.ascontiguousarray(pixels[crop_y0:crop_y1, crop_x0:crop_x1])
    # face_recognition's locations are (top, right, bottom, left) in crop pixels.
    location = (
        round(centre_y - side / 2) - crop_y0,
        round(centre_x + side / 2) - crop_x0,
        round(centre_y + side / 2) - crop_y0,
        round(centre_x - side / 2) - crop_x0,
    )
    encodings = face_recognition.face_encodings(crop, [location], num_jitters=1, model="large")
    return encodings[0] if encodings else None
