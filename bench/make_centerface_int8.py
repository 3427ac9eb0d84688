"""An 8-bit CenterFace: ``centerface.onnx`` quantised with onnxruntime's static quantisation
(weights int8 per channel, activations uint8, QOperator). An experiment, not used by the app:
1.5x faster, but it found fewer faces (bench/README.md, "Model file"). To repeat it:

    python3 -m venv /tmp/onnxtool && /tmp/onnxtool/bin/pip install onnx==1.23.2 onnxruntime
    /tmp/onnxtool/bin/python bench/make_centerface_int8.py \
        spoenk_publisher/core/faces/models/centerface.onnx /tmp/centerface_int8.onnx

then, in a scratch checkout, put it in place of ``models/centerface.onnx`` and run
``bench/detection.py --no-cli --modes standard``.

Activation ranges are calibrated (min-max) on the 25 portraits of ../shared/photos/people, none
of which is a photo of bench/detection.py, each at the sizes the detector sees: the photo
enlarged as the large pass does (1.5x), cut into 736 x 736 tiles, and the whole photo at
640 px. No face box or label is used.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from onnxruntime.quantization import (
    CalibrationDataReader,
    CalibrationMethod,
    QuantFormat,
    QuantType,
    quantize_static,
)
from onnxruntime.quantization.shape_inference import quant_pre_process
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
PORTRAITS = ROOT.parent / "shared" / "photos" / "people"
TILE = 736
INPUT = "input.1"


def blobs() -> list[np.ndarray]:
    found = []
    for path in sorted(PORTRAITS.rglob("*")):
        if path.suffix.lower() not in (".jpg", ".jpeg", ".png"):
            continue
        image = Image.open(path).convert("RGB")
        small = image.resize(_fit(image.size, 640), Image.Resampling.BOX)
        found.append(_blob(np.asarray(small)))
        large = np.asarray(image.resize(_scaled(image.size, 1.5), Image.Resampling.BILINEAR))
        for y in range(0, large.shape[0], TILE):
            for x in range(0, large.shape[1], TILE):
                found.append(_blob(large[y : y + TILE, x : x + TILE]))
    return found


def _fit(size: tuple[int, int], long_side: int) -> tuple[int, int]:
    return _scaled(size, long_side / max(size))


def _scaled(size: tuple[int, int], zoom: float) -> tuple[int, int]:
    return max(1, round(size[0] * zoom)), max(1, round(size[1] * zoom))


def _blob(pixels: np.ndarray) -> np.ndarray:
    """The pixels as the detector gets them: NCHW float, sides padded to a multiple of 32."""
    height, width = pixels.shape[:2]
    blob = np.zeros((1, 3, -(-height // 32) * 32, -(-width // 32) * 32), np.float32)
    blob[0, :, :height, :width] = pixels.transpose(2, 0, 1)
    return blob


class Portraits(CalibrationDataReader):
    def __init__(self) -> None:
        self._blobs = iter(blobs())

    def get_next(self) -> dict[str, np.ndarray] | None:
        blob = next(self._blobs, None)
        return None if blob is None else {INPUT: blob}


def main() -> None:
    src, dst = sys.argv[1], sys.argv[2]
    prepared = Path(dst).with_suffix(".prepared.onnx")
    quant_pre_process(src, str(prepared), skip_symbolic_shape=True)
    try:
        quantize_static(
            str(prepared),
            dst,
            Portraits(),
            quant_format=QuantFormat.QOperator,
            activation_type=QuantType.QUInt8,
            weight_type=QuantType.QInt8,
            per_channel=True,
            calibrate_method=CalibrationMethod.MinMax,
        )
    finally:
        prepared.unlink(missing_ok=True)
    print("wrote", dst)


if __name__ == "__main__":
    main()
