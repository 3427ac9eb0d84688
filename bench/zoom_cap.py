"""How much the large detection pass needs to enlarge a small photo: recall and CPU time.

``detection.LARGE_PASS_MAX_ZOOM`` caps how much the 2,560-px pass enlarges a photo with a
shorter long side (uncapped, an 82 x 103 photo was enlarged 25x). This runs the standard plan
uncapped and capped at 4, 2, 1.5 and 1x on every photo of ../shared/photos with faces, each
at the sizes given (``SCALE:CANVAS``: the photo scaled by SCALE, in the middle of a grey canvas
CANVAS times its size, which makes small faces in a larger photo), and prints recall by the
face's height in the analysed pixels (a detection overlapping a manifest box by IoU >= 0.4)
and the detection CPU time of each cap, one thread.

    .venv/bin/python bench/zoom_cap.py                      # 1:1, 0.5:1, 0.25:1 (~6 min)
    .venv/bin/python bench/zoom_cap.py 0.4:5,0.25:8,0.6:3,1:2   # ~2,000-px canvases (~17 min)
"""

from __future__ import annotations

import dataclasses
import json
import sys
import time
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from spoenk_publisher.core.faces import Box, centerface, detection  # noqa: E402

SHARED_PHOTOS = ROOT.parent / "shared" / "photos"
CAPS = (None, 4.0, 2.0, 1.5, 1.0)
MATCH_IOU = 0.4
BUCKETS = ((8, "< 8 px"), (16, "8-16 px"), (32, "16-32 px"), (1 << 30, ">= 32 px"))


def plan_capped(cap: float | None) -> detection.DetectionPlan:
    standard = detection.PLANS["standard"]
    passes = tuple(
        dataclasses.replace(p, max_zoom=cap) if p.long_side > 640 else p for p in standard.passes
    )
    return dataclasses.replace(standard, passes=passes)


def bucket(height: float) -> str:
    return next(name for limit, name in BUCKETS if height < limit)


def sized(image: Image.Image, scale: float, canvas: float) -> tuple[Image.Image, int, int]:
    """``image`` scaled, on a grey canvas; with the offset of the photo in it."""
    if scale != 1:
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        image = image.resize(size, Image.Resampling.LANCZOS)
    if canvas <= 1:
        return image, 0, 0
    board = Image.new("RGB", (round(image.width * canvas), round(image.height * canvas)), "grey")
    left, top = (board.width - image.width) // 2, (board.height - image.height) // 2
    board.paste(image, (left, top))
    return board, left, top


def main() -> None:
    arg = sys.argv[1] if len(sys.argv) > 1 else "1:1,0.5:1,0.25:1"
    sizes = [tuple(float(v) for v in item.split(":")) for item in arg.split(",")]
    centerface.set_session_threads(1)
    manifest = json.loads((SHARED_PHOTOS / "manifest.json").read_text())
    cpu = dict.fromkeys(CAPS, 0.0)
    found: dict = {cap: {} for cap in CAPS}
    for photo in manifest["photos"]:
        if not photo.get("faces"):
            continue
        with Image.open(SHARED_PHOTOS / photo["file"]) as original:
            original = original.convert("RGB")
        for scale, canvas in sizes:
            image, left, top = sized(original, scale, canvas)
            truth = [
                Box(*(round(v * scale) + (left, top)[i % 2] for i, v in enumerate(face["box"])))
                for face in photo["faces"]
            ]
            for cap in CAPS:
                start = time.process_time()
                boxes = detection.detect_in_image(image, plan_capped(cap)).boxes.tolist()
                cpu[cap] += time.process_time() - start
                detected = [Box(*(round(v) for v in box)) for box in boxes]
                for box in truth:
                    hit = any(box.iou(other) >= MATCH_IOU for other in detected)
                    tally = found[cap].setdefault(bucket(box.height), [0, 0])
                    tally[0] += hit
                    tally[1] += 1
            print(f"{photo['file']} {image.size[0]} x {image.size[1]}", flush=True)
    print(f"\nsizes {arg}; recall by face height in the analysed photo, detection CPU (1 thread)")
    for cap in CAPS:
        label = "uncapped" if cap is None else f"cap {cap:g}x"
        recall = "  ".join(
            f"{name} {found[cap][name][0]}/{found[cap][name][1]}"
            for _, name in BUCKETS
            if name in found[cap]
        )
        print(f"{label:>9}: CPU {cpu[cap]:6.1f} s   {recall}")


if __name__ == "__main__":
    main()
