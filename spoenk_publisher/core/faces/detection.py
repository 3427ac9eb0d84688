"""Finding every face in a photo, recall first: a missed face is a published face.

``detect_faces`` runs CenterFace on the loader's working copy at several sizes and merges the
boxes; the returned boxes are in full-resolution upright pixels. False positives are accepted
on purpose: they only get blurred.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

from spoenk_publisher.core.faces import Box, DetectedFace, centerface
from spoenk_publisher.core.photos import WorkingCopy

MODES = ("standard", "thorough")


@dataclass(frozen=True)
class DetectorPass:
    """One run of the detector: the model's input long side in pixels, mirrored or not, and
    the tallest box (in input pixels) it is trusted with; larger faces are a smaller pass's."""

    long_side: int
    mirrored: bool = False
    max_face_px: int | None = None


#: Above this height in the model's input, a large pass sees a big face as parts of a face
#: (people/obama-2.jpg at 2560 px: its 520-px face plus a 410-px box on the chin, score 0.50);
#: the 640-px pass sees every such face at 50 px or more.
LARGE_PASS_MAX_FACE_PX = 200


@dataclass(frozen=True)
class DetectionPlan:
    passes: tuple[DetectorPass, ...]
    threshold: float


#: Measured with bench/detection.py on 11 real group photos (154 faces) made 12 MP, as shot and
#: on 2x and 4x canvases (faces down to 0.4 % of the long side). A 2560-px pass shows a face of
#: 1 % of the long side at 26 px; big faces are the 640-px pass's. Standard found every face of
#: 1 % and more, and 95/98 of 0.4-1 % (90/98 with a 2048-px pass, 0.3 s less per photo; 93/98
#: at 2304). The lowest true-face score was 0.46, so the threshold 0.25 keeps a margin for
#: harder faces at about one false positive per photo (only ever blurred). Standard costs
#: 0.97 s CPU per 12 MP photo (2 photos/s on 2 cores, 1.2x face_detection --cpus 2, which finds
#: half as many faces); thorough (2.6 s) adds passes, a mirrored pass and a lower threshold, and
#: found all 98 faces of 0.4-1 %.
PLANS: dict[str, DetectionPlan] = {
    "standard": DetectionPlan(
        passes=(DetectorPass(640), DetectorPass(2560, max_face_px=LARGE_PASS_MAX_FACE_PX)),
        threshold=0.25,
    ),
    "thorough": DetectionPlan(
        passes=(
            DetectorPass(640),
            DetectorPass(1280, max_face_px=LARGE_PASS_MAX_FACE_PX),
            DetectorPass(2048, max_face_px=LARGE_PASS_MAX_FACE_PX),
            DetectorPass(2048, mirrored=True, max_face_px=LARGE_PASS_MAX_FACE_PX),
            DetectorPass(3200, max_face_px=LARGE_PASS_MAX_FACE_PX),
        ),
        threshold=0.2,
    ),
}

#: Boxes from different passes that overlap more than this are the same face.
MERGE_IOU = 0.3

#: A box lying this much (share of its own area) inside a box up to ``NESTED_MAX_RATIO`` times
#: taller is the same face: a large pass finds the upper half of a big face (people/lin-1.png)
#: and the 640-px pass a loose box around a small one (city.jpg). The better-scored box stays.
#: A much larger box around a face is something else (a body) and both are kept.
NESTED_SHARE = 0.8
NESTED_MAX_RATIO = 2.5


def detect_faces(working: WorkingCopy, mode: str = "standard") -> list[DetectedFace]:
    """Every face found in ``working``, as boxes in full-resolution upright pixels.

    Sorted by position, one box per face. ``mode`` is "standard" or "thorough" (slower, more
    sizes and a mirrored pass).
    """
    if mode not in PLANS:
        raise ValueError(f"unknown detection mode {mode!r}; expected one of {MODES}")
    plan = PLANS[mode]
    found = detect_in_image(working.image, plan)
    faces: list[DetectedFace] = []
    for (x0, y0, x1, y1), score in zip(found.boxes.tolist(), found.scores.tolist(), strict=True):
        box = Box(*working.to_full((x0, y0, x1, y1)))
        if box.width > 0 and box.height > 0:
            faces.append(DetectedFace(box=box, score=round(score, 4), source="centerface"))
    return sorted(faces, key=lambda face: face.box)


def detect_in_image(image: Image.Image, plan: DetectionPlan) -> centerface.Detections:
    """The merged detections of all passes of ``plan``, in ``image`` pixels."""
    parts: list[centerface.Detections] = []
    long_side = max(image.size)
    mirrored_image: Image.Image | None = None
    for detector_pass in plan.passes:
        zoom = detector_pass.long_side / long_side
        if detector_pass.mirrored:
            if mirrored_image is None:
                mirrored_image = image.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
            found = centerface.detect(mirrored_image, zoom, plan.threshold)
            boxes = found.boxes.copy()
            boxes[:, 0] = image.width - found.boxes[:, 2]
            boxes[:, 2] = image.width - found.boxes[:, 0]
            found = centerface.Detections(boxes, found.scores)
        else:
            found = centerface.detect(image, zoom, plan.threshold)
        if detector_pass.max_face_px is not None:
            heights = found.boxes[:, 3] - found.boxes[:, 1]
            found = found.select(heights * zoom <= detector_pass.max_face_px)
        parts.append(found)
    merged = centerface.Detections.concat(parts)
    merged = merged.select(centerface.nms(merged, MERGE_IOU))
    return drop_nested(merged)


def drop_nested(found: centerface.Detections) -> centerface.Detections:
    """``found`` without the lower-scored box of each pair of nested boxes of one face."""
    boxes, scores = found.boxes, found.scores
    heights = boxes[:, 3] - boxes[:, 1]
    areas = centerface.box_areas(boxes)
    keep = np.ones(len(found), dtype=bool)
    for inner in np.argsort(areas):  # smallest first
        if not keep[inner]:
            continue
        share = centerface.intersections(boxes[inner], boxes) / max(float(areas[inner]), 1e-6)
        nested = (
            keep
            & (share >= NESTED_SHARE)
            & (areas > areas[inner])
            & (heights <= NESTED_MAX_RATIO * heights[inner])
        )
        nested[inner] = False
        for outer in np.flatnonzero(nested):
            if scores[outer] >= scores[inner]:
                keep[inner] = False
                break
            keep[outer] = False
    return found.select(keep)
