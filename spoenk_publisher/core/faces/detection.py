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
    """One run of the detector: the model's input long side in pixels, mirrored or not."""

    long_side: int
    mirrored: bool = False


@dataclass(frozen=True)
class DetectionPlan:
    passes: tuple[DetectorPass, ...]
    threshold: float


#: Measured with bench/detection.py on 11 real group photos (154 faces) upscaled to 12 MP, as
#: shot and on a 2x canvas: every face found by both modes. A 2048-px pass shows a face of 1 %
#: of the long side at 20 px; big faces score low there (0.24-0.5 at 3-4 % of the long side)
#: and are found by the 640-px pass. The lowest true-face score in standard was 0.46, so the
#: threshold 0.25 keeps a margin for harder faces at the cost of about one false positive in
#: two photos (only ever blurred). Standard takes 0.6 s per 12 MP photo on one thread.
PLANS: dict[str, DetectionPlan] = {
    "standard": DetectionPlan(passes=(DetectorPass(640), DetectorPass(2048)), threshold=0.25),
    "thorough": DetectionPlan(
        passes=(
            DetectorPass(640),
            DetectorPass(1280),
            DetectorPass(2048),
            DetectorPass(2048, mirrored=True),
            DetectorPass(3200),
        ),
        threshold=0.2,
    ),
}

#: Boxes from different passes that overlap more than this are the same face.
MERGE_IOU = 0.3

#: A box lying this much (share of its own area) inside a box up to ``NESTED_MAX_RATIO`` times
#: taller is part of the same face (the small pass sometimes finds a face's upper half, e.g.
#: people/lin-1.png); the outer box is kept, so the blur covers the whole face. A much larger
#: box around a face is something else (a body) and both are kept.
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
        parts.append(found)
    merged = centerface.Detections.concat(parts)
    merged = merged.select(centerface.nms(merged, MERGE_IOU))
    return drop_nested(merged)


def drop_nested(found: centerface.Detections) -> centerface.Detections:
    """``found`` without boxes nested in a somewhat larger box (which takes the higher score)."""
    boxes, scores = found.boxes, found.scores.copy()
    heights = boxes[:, 3] - boxes[:, 1]
    areas = centerface.box_areas(boxes)
    keep = np.ones(len(found), dtype=bool)
    for inner in np.argsort(areas):  # smallest first
        share = centerface.intersections(boxes[inner], boxes) / max(float(areas[inner]), 1e-6)
        outer = (
            keep
            & (share >= NESTED_SHARE)
            & (areas > areas[inner])
            & (heights <= NESTED_MAX_RATIO * heights[inner])
        )
        outer[inner] = False
        if outer.any():
            keep[inner] = False
            largest = int(np.flatnonzero(outer)[np.argmax(areas[outer])])
            scores[largest] = max(scores[largest], scores[inner])
    return centerface.Detections(boxes[keep], scores[keep])
