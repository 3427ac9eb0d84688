"""Finding every face in a photo, recall first: a missed face is a published face.

``detect_faces`` runs CenterFace on the loader's working copy at several sizes (the large one
as overlapping tiles, each padded with mirrored pixels for faces cut by the frame) and merges
the boxes; the returned boxes are in full-resolution upright pixels. False positives are
accepted on purpose: they only get blurred. A weak box that a second look does not support is
returned as a "possible" face: still covered, but shown as such for a person to dismiss.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PIL import Image

from spoenk_publisher.core.faces import FACE, POSSIBLE, Box, DetectedFace, centerface
from spoenk_publisher.core.photos import WorkingCopy

MODES = ("standard", "thorough")


@dataclass(frozen=True)
class DetectorPass:
    """One run of the detector: the model's input long side in pixels, mirrored or not, and
    the tallest box (in input pixels) it is trusted with; larger faces are a smaller pass's."""

    long_side: int
    mirrored: bool = False
    max_face_px: int | None = None
    #: Input pixels mirrored in around the frame, so a face cut by it still has its centre
    #: on the model's grid (see ``centerface.detect``).
    pad: int = 0
    tiling: centerface.Tiling | None = None
    #: The most the pass enlarges the photo, not its working copy (None: up to ``long_side``).
    #: See ``LARGE_PASS_MAX_ZOOM`` and ``pass_zoom``.
    max_zoom: float | None = None


#: Above this height in the model's input, a large pass sees a big face as parts of a face
#: (people/obama-2.jpg at 2560 px: its 520-px face plus a 410-px box on the chin, score 0.50);
#: the 640-px pass sees every such face at 40 px or more. It is also the tiles' overlap, so
#: every face the large pass is trusted with lies whole in one tile.
LARGE_PASS_MAX_FACE_PX = 160

#: The large pass runs as tiles of at most this many input pixels a side. One 2560 x 1920 run
#: held 1.9 GB in a process; 3 x 3 tiles of 992 x 768 peak at about 0.25 GB above the
#: process's own size (1088-px tiles: 0.33 GB; 768-px: 0.2 GB for 13 % more model input).
#: With the arena shrunk after each photo, a worker of `check` peaked at 0.62 GB instead of
#: 2.2 GB (bench/compare.py, 2026-11-29), for the same detection CPU time as one run: the
#: overlap adds model input, small tiles run faster per pixel. 768-px tiles took the peak of
#: one process analysing the nine 12 MP photos of bench/compare.py from 0.51 to 0.47 GB with
#: no more CPU time (3.6 against 4.1 s a photo, one thread, a noisy machine): with the main
#: process that is what keeps `check` near 1 GB on two analysis processes.
TILE_MAX_SIDE = 768

#: The large pass enlarges a photo smaller than its ``long_side`` at most this much: the photo
#: itself, not the working copy it is analysed from (a 12 MP photo's 1600-px copy is shown at
#: 2560 px, 0.64x the photo; capped at 1.5x of the copy, bench/detection.py lost three
#: hand-checked faces of 22-31 px on 2026-11-30). Enlarging a small photo adds no detail: it
#: only shows a small face bigger to the model (uncapped, an 82 x 103 photo was enlarged 25x,
#: a 910 x 1137 one 2.25x). bench/zoom_cap.py (2026-11-29), the photos of
#: ../shared/photos at their own size, 1/2 and 1/4 (426 faces): the same recall from 8 px up
#: (349/349) uncapped and capped at 1.5x, for 4.8x less detection CPU (36.8 against 175.4 s);
#: under 8 px 75/77 against 77/77 (faces of a few pixels, no one's to recognise). No
#: enlarging at all is too little: on 2,048-px canvases (1.25x uncapped) 12 of 198 faces of
#: 8-16 px were missed at 1.0x, and a crowd at a fifth of its size on a 1,229-px canvas lost
#: 6 of its 26 faces of 7-14 px (tests/core/test_detection.py; none at 1.5x).
LARGE_PASS_MAX_ZOOM = 1.5


@dataclass(frozen=True)
class DetectionPlan:
    passes: tuple[DetectorPass, ...]
    threshold: float


_LARGE_TILES = centerface.Tiling(TILE_MAX_SIDE, LARGE_PASS_MAX_FACE_PX)

#: Measured with bench/detection.py (2026-11-29) on 12 real group photos (183 faces) made
#: 12 MP, as shot, on 2x and 4x grey canvases, and with each hand-checked face cut by the frame
#: (35, 50 or 70 % of it left in). A 2560-px pass shows a 16-px face of the 12 MP photo at
#: 10 px; big faces are the 640-px pass's. Both passes are padded with 32 mirrored pixels so
#: that a face cut by the frame still has its centre on the model's grid: hand-checked faces
#: cut by the frame were found 62/73 without padding, 71/73 with it (64 px at 640 made a
#: 300 x 475 box in the corner of a portrait). Threshold 0.2 instead of 0.25: tiles cut context,
#: which moved three 18-21 px faces of crowd-26 (0.25-0.3 in one run) below 0.25; the weak
#: boxes a lower threshold adds are marked "possible" unless a second look confirms them
#: (``second_opinion``): of 236 boxes on no hand-checked face, 209 were "possible", and 10 of
#: 289 found faces (tiny or cut by the frame). Thorough adds passes, a mirrored pass and more
#: resolution, at about 2.5x the time.
PLANS: dict[str, DetectionPlan] = {
    "standard": DetectionPlan(
        passes=(
            DetectorPass(640, pad=32),
            DetectorPass(
                2560,
                max_face_px=LARGE_PASS_MAX_FACE_PX,
                pad=32,
                tiling=_LARGE_TILES,
                max_zoom=LARGE_PASS_MAX_ZOOM,
            ),
        ),
        threshold=0.2,
    ),
    "thorough": DetectionPlan(
        passes=(
            DetectorPass(640, pad=32),
            DetectorPass(1280, max_face_px=LARGE_PASS_MAX_FACE_PX, pad=32, tiling=_LARGE_TILES),
            DetectorPass(2048, max_face_px=LARGE_PASS_MAX_FACE_PX, pad=32, tiling=_LARGE_TILES),
            DetectorPass(
                2048, mirrored=True, max_face_px=LARGE_PASS_MAX_FACE_PX, pad=32,
                tiling=_LARGE_TILES,
            ),
            DetectorPass(3200, max_face_px=LARGE_PASS_MAX_FACE_PX, pad=32, tiling=_LARGE_TILES),
        ),
        threshold=0.2,
    ),
    # A reference photo (enrolment, a school's portraits): its subject's face is at least
    # 96 px and faces under half its height are background (core.enrolment), so the 640-px
    # pass sees every face that counts; the large pass would only cost time (3 s of CPU per
    # 600 x 800 portrait with it, bench/enrol_folder.py).
    "reference": DetectionPlan(passes=(DetectorPass(640, pad=32),), threshold=0.2),
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
    found = detect_in_image(working.image, plan, working.scale)
    confirmed = second_opinion(working.image, found)
    centerface.release_memory()  # the process goes on to encode faces, or waits
    faces: list[DetectedFace] = []
    rows = zip(found.boxes.tolist(), found.scores.tolist(), confirmed.tolist(), strict=True)
    for (x0, y0, x1, y1), score, sure in rows:
        box = Box(*working.to_full((x0, y0, x1, y1)))
        if box.width > 0 and box.height > 0:
            kind = FACE if sure else POSSIBLE
            faces.append(DetectedFace(box, round(score, 4), "centerface", kind))
    return sorted(faces, key=lambda face: face.box)


#: A detection scored at least this is a face without a second look. Every true face of
#: tests/data comes out a face (tests/core/test_detection.py); in bench/detection.py only
#: faces on a 4x canvas or cut by the frame came out "possible" (10 of 289). In
#: voc-2008_002079 a glass scored 0.28 and bottles 0.30.
CONFIRM_SCORE = 0.5
#: The second look: the region around a weaker detection, ``RECHECK_CONTEXT`` times its size,
#: resized so that the face would be ``RECHECK_FACE_PX`` tall (CenterFace's surest size), as
#: shot and mirrored; a box there overlapping it by ``RECHECK_IOU`` and scored at least
#: ``RECHECK_SCORE`` confirms it.
#: On voc-2008_002079 the second look gave the four tiny background people at the bar
#: 0.54-0.70 and the glass, the bottles and a second box on a face 0.0-0.48.
RECHECK_CONTEXT = 3.0
RECHECK_FACE_PX = 48
RECHECK_IOU = 0.3
RECHECK_SCORE = 0.5


def second_opinion(image: Image.Image, found: centerface.Detections) -> np.ndarray:
    """True for each detection that is a face: well scored, or confirmed by a second look."""
    confirmed = found.scores >= CONFIRM_SCORE
    for index in np.flatnonzero(~confirmed):
        confirmed[index] = recheck_score(image, found.boxes[index]) >= RECHECK_SCORE
    return confirmed


def recheck_score(image: Image.Image, box: np.ndarray) -> float:
    """The best score of a box on ``box``'s face when its surroundings are looked at again at
    the detector's surest face size, as shot and mirrored (0.0: nothing there)."""
    x0, y0, x1, y1 = (float(v) for v in box)
    side = RECHECK_CONTEXT * max(x1 - x0, y1 - y0, 1.0)
    centre_x, centre_y = (x0 + x1) / 2, (y0 + y1) / 2
    left = max(0, math.floor(centre_x - side / 2))
    top = max(0, math.floor(centre_y - side / 2))
    right = min(image.width, math.ceil(centre_x + side / 2))
    bottom = min(image.height, math.ceil(centre_y + side / 2))
    if right - left < 2 or bottom - top < 2:
        return 0.0
    crop = image.crop((left, top, right, bottom))
    # By the box's longer side: a box clipped by the frame can be a few pixels tall, and the
    # crop must stay about 3 x 48 px whatever the box.
    zoom = RECHECK_FACE_PX / max(x1 - x0, y1 - y0, 1.0)
    target = np.array([x0 - left, y0 - top, x1 - left, y1 - top], np.float32)
    best = 0.0
    for mirrored in (False, True):
        view = crop.transpose(Image.Transpose.FLIP_LEFT_RIGHT) if mirrored else crop
        again = centerface.detect(view, zoom, 0.1, pad=RECHECK_FACE_PX // 2)
        if len(again) == 0:
            continue
        boxes = again.boxes.copy()
        if mirrored:
            boxes[:, 0] = crop.width - again.boxes[:, 2]
            boxes[:, 2] = crop.width - again.boxes[:, 0]
        inter = centerface.intersections(target, boxes)
        union = centerface.box_areas(target[None])[0] + centerface.box_areas(boxes) - inter
        overlapping = inter / np.maximum(union, 1e-6) >= RECHECK_IOU
        if overlapping.any():
            best = max(best, float(again.scores[overlapping].max()))
    return best


def pass_zoom(detector_pass: DetectorPass, size: tuple[int, int], scale: float = 1.0) -> float:
    """How much ``detector_pass`` resizes an image of ``size`` that is ``scale`` times smaller
    than its photo (a working copy's ``scale``): to the pass's ``long_side``, enlarging the
    photo itself at most ``max_zoom`` times. A 12 MP photo's 1600-px working copy is shown at
    2560 px (1.6x the copy, 0.64x the photo); an 800-px photo at 1200 px."""
    zoom = detector_pass.long_side / max(size)
    if detector_pass.max_zoom is not None:
        zoom = min(zoom, detector_pass.max_zoom * scale)
    return zoom


def detect_in_image(
    image: Image.Image, plan: DetectionPlan, scale: float = 1.0
) -> centerface.Detections:
    """The merged detections of all passes of ``plan``, in ``image`` pixels; ``scale``: how
    many times smaller ``image`` is than its photo (see ``pass_zoom``)."""
    parts: list[centerface.Detections] = []
    mirrored_image: Image.Image | None = None
    for detector_pass in plan.passes:
        zoom = pass_zoom(detector_pass, image.size, scale)
        if detector_pass.mirrored:
            if mirrored_image is None:
                mirrored_image = image.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
            found = centerface.detect(
                mirrored_image, zoom, plan.threshold, detector_pass.pad, detector_pass.tiling
            )
            boxes = found.boxes.copy()
            boxes[:, 0] = image.width - found.boxes[:, 2]
            boxes[:, 2] = image.width - found.boxes[:, 0]
            found = centerface.Detections(boxes, found.scores)
        else:
            found = centerface.detect(
                image, zoom, plan.threshold, detector_pass.pad, detector_pass.tiling
            )
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
