"""How far a face's encoding can be trusted: pose from its 68 landmarks, sharpness of its chip.

dlib's encoder was trained on clear, mostly frontal faces. A face turned to profile, tilted far
up or down, or blurred gives an encoding that drifts towards other such faces: an outside review
found 27 pairs of *different* strangers within 0.47 of each other among 238 group-photo faces,
nearly all turned, occluded or blurred (0.37-0.44 apart), and one pair of profile faces was
falsely accepted. So a face is only recognised when its encoding is reliable, and the matching
tolerance tightens as the quality drops (``tolerance_for``); below a floor it is not recognised
at all (reason "unreliable", blurred). Reference photos must pass a stricter gate
(``reference_problem``).

Everything here is measured, not learned: the thresholds come from ``bench/false_accepts.py``
(figures in ``bench/README.md``); each constant says what it rests on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

# dlib's 68-point layout (iBUG 300-W): jaw 0-16 (0 on the image's left), nose bridge 27-30
# (30 = tip), eyes 36-41 (image left) and 42-47 (image right), chin 8.
_JAW_LEFT, _JAW_RIGHT, _CHIN, _NOSE_TIP = 0, 16, 8, 30
_LEFT_EYE = slice(36, 42)
_RIGHT_EYE = slice(42, 48)


@dataclass(frozen=True)
class FaceQuality:
    """What decides how far a face's encoding can be trusted (all from the photo itself).

    ``yaw``: turn to the side, -1..1 (0 frontal, +-1 the nose on the jaw's outline).
    ``pitch``: nose tip's height between the eyes and the chin, 0..1 (about 0.4 frontal: lower
    when the head is tilted up, higher when down). ``sharpness``: the chip's detail, the
    variance of its Laplacian over the variance of its grey levels (contrast-free; a face shot
    sharp from close by has 0.2-0.6, an enlarged or blurred one less). ``height``: the face's
    detector box height in full-resolution pixels.
    """

    yaw: float
    pitch: float
    sharpness: float
    height: float


QualityClass = Literal["good", "fair", "poor"]


def measure(landmarks: np.ndarray, chip: np.ndarray, height: float) -> FaceQuality:
    """The quality of one encoded face: ``landmarks`` ``(68, 2)`` in any pixels, ``chip`` the
    150x150 RGB chip the encoding came from, ``height`` the detector box height."""
    yaw, pitch = pose(landmarks)
    return FaceQuality(yaw, pitch, sharpness(chip), float(height))


def pose(landmarks: np.ndarray) -> tuple[float, float]:
    """Yaw (-1..1) and pitch ratio (0..1) from the 68 landmarks, after undoing the roll (the
    eye line made level), so a tilted head in the picture plane is not mistaken for a turn."""
    points = np.asarray(landmarks, dtype=np.float64).reshape(68, 2)
    left_eye = points[_LEFT_EYE].mean(axis=0)
    right_eye = points[_RIGHT_EYE].mean(axis=0)
    dx, dy = right_eye - left_eye
    angle = np.arctan2(dy, dx)
    cos, sin = np.cos(-angle), np.sin(-angle)
    level = (points - left_eye) @ np.array([[cos, sin], [-sin, cos]])
    nose = level[_NOSE_TIP]
    # Yaw: the nose tip's place between the two ends of the jaw line. On a frontal face it is
    # halfway; turned to a profile it reaches one end.
    to_left = nose[0] - level[_JAW_LEFT][0]
    to_right = level[_JAW_RIGHT][0] - nose[0]
    span = to_left + to_right
    yaw = 0.0 if span <= 0 else float(np.clip((to_right - to_left) / span, -1.0, 1.0))
    if to_left <= 0 or to_right <= 0:  # the nose outside the jaw: a full profile
        yaw = 1.0 if to_left <= 0 else -1.0
    # Pitch: the nose tip's height between the eye line (y = 0 after levelling) and the chin.
    eyes_y = (level[_LEFT_EYE][:, 1].mean() + level[_RIGHT_EYE][:, 1].mean()) / 2
    chin_y = level[_CHIN][1]
    pitch = 0.0 if chin_y - eyes_y <= 0 else float((nose[1] - eyes_y) / (chin_y - eyes_y))
    return yaw, float(np.clip(pitch, 0.0, 1.0))


#: The part of the 150x150 chip sharpness is measured on: the face inside dlib's 25 % padding
#: (eyes, nose, mouth), not the hair or the background around it.
_SHARPNESS_REGION = (slice(30, 125), slice(30, 120))


def sharpness(chip: np.ndarray) -> float:
    """Variance of the chip's Laplacian over the variance of its grey levels, on the face's
    centre. The chip is always 150x150 at the same face scale, so this compares faces of any
    size; dividing by the grey-level variance removes contrast and lighting."""
    pixels = np.asarray(chip, dtype=np.float64)
    if pixels.ndim == 3:
        fill = np.all(pixels == 0, axis=2)
        grey = pixels @ np.array([0.299, 0.587, 0.114])
    else:
        fill, grey = pixels == 0, pixels
    grey, fill = grey[_SHARPNESS_REGION], fill[_SHARPNESS_REGION]
    laplacian = (
        grey[:-2, 1:-1] + grey[2:, 1:-1] + grey[1:-1, :-2] + grey[1:-1, 2:] - 4 * grey[1:-1, 1:-1]
    )
    # Where the chip reaches past the photo dlib fills it with black: its edge is no detail of
    # the face (a face cut off by the photo's edge measured as sharp as a studio portrait).
    near_fill = (
        fill[:-2, 1:-1] | fill[2:, 1:-1] | fill[1:-1, :-2] | fill[1:-1, 2:] | fill[1:-1, 1:-1]
    )
    inside = laplacian[~near_fill]
    face = grey[~fill]
    if inside.size < 100 or face.size < 100:
        return 0.0  # (almost) nothing of the face is in the photo
    spread = float(face.var())
    return 0.0 if spread < 1e-6 else float(inside.var() / spread)


# -- the gate -----------------------------------------------------------------------------------
# Measured with bench/false_accepts.py on real faces (2026-11-29): the 21 named faces of
# ../shared/photos, each also shrunk with Lanczos until it is H px high (a small face as shot)
# or shrunk to 25 px and enlarged 4x (an enlarged small face), and the 180 stranger faces of 11
# group photos enlarged to a 4000-px long side.

#: Sharpness below this: no reliable encoding (blurred as "unreliable"). Faces as shot at 40 px
#: (the smallest the product encodes, ``MIN_ENCODABLE_FACE_PX``) have 0.011-0.081, median
#: 0.025; 25-px faces enlarged 4x have 0.003-0.022 and their encodings move up to 0.45 from the
#: same face at full size. Among the group photos' strangers, each of the 28 pairs of different
#: people within 0.45 has a face of 0.023 or less (median 0.003: enlarged 18-26 px crowd faces).
SHARPNESS_FLOOR = 0.025
#: Sharpness of a clear face: every named face shrunk to 80 px as shot has at least 0.042 (median
#: 0.082) and lies at most 0.14 from its full-size encoding; at 60 px 0.024-0.175 (0.22).
SHARPNESS_GOOD = 0.04

#: ``yaw`` is about 1.3 x the sine of the turn (obama-2.jpg, turned about 20 degrees: 0.47;
#: kit-2.jpg, about 27: 0.58; a three-quarter face in t1.jpg, about 45: 0.78, all judged by eye;
#: a full profile, the nose tip outside the jaw line: 1 by construction).
#: Beyond this the far half of the face is hidden and dlib's landmarks guess it: no keep.
YAW_FLOOR = 0.7
#: Beyond this (about 20 degrees) a face is "fair": every named test photo's face is within
#: 0.39 (Kit Harington in kit_with_rose.jpg), the enrolment photos within 0.47 (obama-2) and
#: 0.58 (kit-2); of the 28 close stranger pairs the more turned face is within 0.40.
YAW_GOOD = 0.45

#: The nose tip's height between eyes and chin: 0.15-0.39 on every named face, 0.19-0.38 on 90 %
#: of the strangers. Outside this band a head tilted far up or down: no keep. (No false accept
#: in the data came from pitch; the band only keeps dlib's landmarks in the range they were
#: trained on.)
PITCH_RANGE = (0.10, 0.50)

#: Smaller than this (detector box height, full-resolution pixels) a face is at best "fair":
#: the named faces shrunk as shot drift from their full-size encodings by 0.10 at 80 px, 0.15 at
#: 60 and 0.25 at 40 (medians; bench/matching.py: recognition stops improving at 80-100 px).
HEIGHT_GOOD = 80

#: The matching tolerance per class. "good": the product's tolerance (0.45, core.matching).
#: "fair": 0.36, below every pair of different people the outside review found collapsed
#: together (0.37-0.44, turned, occluded or blurred faces) and its frontal pair of two women
#: (0.41, faces of 51 and 72 px: "fair" by height). In bench/false_accepts.py the nearest pair
#: of different people with neither face poor is 0.476; same-person pairs of the named photos
#: within tolerance: 20 of 31 at 0.36, 22 at 0.38, 25 at 0.40, 28 without the gate.
TOLERANCES: dict[str, float] = {"good": 0.45, "fair": 0.36}

#: Stricter for a reference photo: the face every later face is compared with. Refused when
#: turned more than about 20 degrees (obama-2.jpg at 0.47 is accepted, kit-2.jpg at 0.58 not),
#: tilted outside this pitch band, or less sharp than a clear 80-px face.
REFERENCE_YAW = 0.5
REFERENCE_PITCH = (0.15, 0.45)
REFERENCE_SHARPNESS = 0.04


def quality_class(quality: FaceQuality | None) -> QualityClass:
    """"good", "fair" (a stricter tolerance) or "poor" (never recognised); unknown is poor."""
    if quality is None:
        return "poor"
    low, high = PITCH_RANGE
    if (
        quality.sharpness < SHARPNESS_FLOOR
        or abs(quality.yaw) > YAW_FLOOR
        or not low <= quality.pitch <= high
    ):
        return "poor"
    if (
        quality.sharpness < SHARPNESS_GOOD
        or abs(quality.yaw) > YAW_GOOD
        or quality.height < HEIGHT_GOOD
    ):
        return "fair"
    return "good"


def tolerance_for(quality: FaceQuality | None, tolerance: float = 0.45) -> float | None:
    """The matching tolerance for a face of this quality (None: not recognised at all).

    ``tolerance`` is the caller's tolerance for a good face; a fair face gets the fair class's
    stricter one, never a looser one than the caller's."""
    grade = quality_class(quality)
    if grade == "poor":
        return None
    if grade == "fair":
        return min(tolerance, TOLERANCES["fair"])
    return tolerance


ReferenceProblem = Literal["turned", "tilted", "blurred"]


def reference_problem(quality: FaceQuality) -> ReferenceProblem | None:
    """Why a face cannot serve as a reference (None: it can). Size is checked by the caller."""
    if abs(quality.yaw) > REFERENCE_YAW:
        return "turned"
    low, high = REFERENCE_PITCH
    if not low <= quality.pitch <= high:
        return "tilted"
    if quality.sharpness < REFERENCE_SHARPNESS:
        return "blurred"
    return None
