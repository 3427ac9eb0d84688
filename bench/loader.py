"""Loader speed: full decode vs reduced (analysis) decode of a 12-megapixel JPEG.

Run: .venv/bin/python bench/loader.py [--repeat N]
Prints the median milliseconds of each over N runs, and the machine's core count.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

from PIL import Image

from spoenk_publisher.core.photos import content_hash, load_for_analysis, load_upright

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    ROOT.parent / "shared" / "photos" / "groups" / "obama_and_biden.jpg",
    ROOT / "tests" / "data" / "loader" / "voc-2008_001322.jpg",
]


def make_12mp_jpeg(folder: Path) -> Path:
    """A 4032x3024 JPEG (an iPhone's 12 MP) made from a real photo, quality 90."""
    source = next(p for p in SOURCES if p.exists())
    path = folder / "twelve-mp.jpg"
    with Image.open(source) as image:
        image.convert("RGB").resize((4032, 3024), Image.Resampling.LANCZOS).save(
            path, "JPEG", quality=90
        )
    return path


def median_ms(action, repeat: int) -> float:
    action()  # warm-up: file cache, lazy imports
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = make_12mp_jpeg(Path(tmp))
        size_mb = path.stat().st_size / 1e6
        full = median_ms(lambda: load_upright(path), args.repeat)
        reduced = median_ms(lambda: load_for_analysis(path, long_side=1600), args.repeat)
        hashing = median_ms(lambda: content_hash(path), args.repeat)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"photo: 4032x3024 JPEG (12.2 MP, {size_mb:.1f} MB), median of {args.repeat} runs")
    print(f"full decode (upright RGB)            {full:7.1f} ms")
    print(
        f"reduced decode (1600 px, DCT scaling) {reduced:7.1f} ms   ({full / reduced:.1f}x faster)"
    )
    print(f"content hash (SHA-256)               {hashing:7.1f} ms")


if __name__ == "__main__":
    main()
