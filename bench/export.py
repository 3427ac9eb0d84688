"""Export speed: 12-megapixel JPEGs to the Instagram preset, photos per second.

    .venv/bin/python bench/export.py [--photos N] [--runs R]

Two figures, each the median of R runs on the same N photos:
- "render + write": analysis already cached (what a re-export or the app's Export after
  Analyse costs): decode the photo no smaller than 1080 px (a 12 MP JPEG at 2000 px), cover
  faces, resize to 1080 px, encode from bare pixels, hash, write atomically, manifest;
- "end to end": analysis included (detection + encodings on all cores, no cache).

The photos are real group photos (../shared/photos/groups, else tests/data/groups) upscaled with
Lanczos to about 12 MP (4000 px long side) and saved as JPEG quality 92.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
from datetime import date
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from spoenk_publisher.core.analysis import AnalysisCache  # noqa: E402
from spoenk_publisher.core.decisions import ConsentSnapshot  # noqa: E402
from spoenk_publisher.core.export import ExportOptions, export_photos  # noqa: E402

SOURCES = [ROOT.parent / "shared" / "photos" / "groups", ROOT / "tests" / "data" / "groups"]


def make_photos(folder: Path, count: int) -> list[Path]:
    source_dir = next(p for p in SOURCES if p.is_dir())
    originals = sorted(source_dir.glob("*.jpg"))
    photos = []
    for index in range(count):
        original = originals[index % len(originals)]
        with Image.open(original) as image:
            ratio = 4000 / max(image.size)
            size = (round(image.width * ratio), round(image.height * ratio))
            big = image.convert("RGB").resize(size, Image.Resampling.LANCZOS)
            if index >= len(originals):  # distinct bytes: no two photos share a hash
                big = big.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
            path = folder / f"photo-{index:03d}.jpg"
            big.save(path, "JPEG", quality=92)
            photos.append(path)
    return photos


def timed_export(photos: list[Path], out: Path, cache: AnalysisCache | None) -> float:
    shutil.rmtree(out, ignore_errors=True)
    snapshot = ConsentSnapshot.empty("instagram", date.today())
    summary = export_photos(
        photos, ExportOptions("instagram", out, event="bench"), snapshot, cache=cache
    )
    assert len(summary.exported) == len(photos), summary.failures
    return summary.seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--photos", type=int, default=12)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        photos = make_photos(folder, args.photos)
        megapixels = (
            statistics.mean(Image.open(p).width * Image.open(p).height for p in photos) / 1e6
        )
        cache = AnalysisCache(folder / "cache.sqlite")
        timed_export(photos, folder / "out", cache)  # fills the cache
        warm = [timed_export(photos, folder / "out", cache) for _ in range(args.runs)]
        cold = [timed_export(photos, folder / "out", None) for _ in range(args.runs)]
        cache.close()
    n = len(photos)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"{n} real group photos upscaled to {megapixels:.1f} MP, Instagram preset (1080 px JPEG)")
    runs = f"(median of {args.runs} runs)"
    print(f"render + write (analysis cached): {n / statistics.median(warm):5.2f} photos/s {runs}")
    print(f"end to end (with analysis):       {n / statistics.median(cold):5.2f} photos/s {runs}")


if __name__ == "__main__":
    main()
