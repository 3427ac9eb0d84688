"""Face encoding benchmark: dlib's own encoder against dlib's ResNet in onnxruntime, per face.

    .venv/bin/python bench/encoding.py            # about 3 minutes on 2 idle cores

Both encode the same faces from the same crops and dlib boxes (``encoding.face_crop``):

- dlib: ``face_recognition.face_encodings(crop, [location], num_jitters=1, model="large")``, one
  call per face (what ``core/faces/encoding.py`` did until 2026-11);
- ONNX: ``encode_faces(image, boxes)``: dlib's 68 landmarks and 150x150 chip per face, then
  dlib's ResNet on all the chips of the photo in onnxruntime (``core/faces/resnet_onnx.py``).

One thread each: the onnxruntime session gets one intra-op thread, as in an analysis worker;
dlib-bin runs its network on one thread. Wall and CPU time are both printed: other work on the
machine slows the wall clock of both alike, and leaves CPU time nearly alone.

Faces: every face ``detect_faces`` (standard mode) finds in ../shared/photos people/ and
groups/, and a crowd: ``crowd-26.jpg`` upscaled with Lanczos to a 4000-pixel long side, the size
of a 12 MP school photo (as shot, none of its 77 faces is the 40 px high that encoding needs).
Faces too small to encode are left out (neither encoder encodes them).

Timing: each photo's faces are encoded ``ROUNDS`` times by each encoder, in turn (dlib, ONNX,
dlib, ...) so that both see the same load from other work on the machine. A photo's time per
face is the median of its rounds divided by its faces; the figures are medians over photos.
The batch-size table times the network alone on the crowd's chips, and measures memory in a
fresh process per batch size (onnxruntime's arena keeps its largest batch's memory). Last, an
analysis worker's warm-up, before (face_recognition's import) and now, in fresh processes.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import onnxruntime
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from spoenk_publisher.core.faces import Box, resnet_onnx, sessions  # noqa: E402
from spoenk_publisher.core.faces import encoding as encoding_module  # noqa: E402
from spoenk_publisher.core.faces.detection import detect_faces  # noqa: E402
from spoenk_publisher.core.faces.encoding import encode_faces, face_crop  # noqa: E402
from spoenk_publisher.core.photos import WorkingCopy, load_for_analysis, load_upright  # noqa: E402

SHARED_PHOTOS = ROOT.parent / "shared" / "photos"
CROWD = SHARED_PHOTOS / "groups" / "crowd-26.jpg"
CROWD_LONG_SIDE = 4000
ROUNDS = 3
GOAL_SPEED_UP = 5.0
GOAL_MAX_DISTANCE = 0.01
BATCH_SIZES = (1, 2, 4, 8, 16, 32, 64)


@dataclass
class Photo:
    name: str
    image: Image.Image
    boxes: list[Box]
    #: Wall and CPU seconds of each round.
    dlib: list[tuple[float, float]] = field(default_factory=list)
    onnx: list[tuple[float, float]] = field(default_factory=list)

    def per_face_ms(self, rounds: list[tuple[float, float]], cpu: bool = False) -> float:
        return 1000 * statistics.median(r[cpu] for r in rounds) / len(self.boxes)


def encodable_boxes(image: Image.Image, working: WorkingCopy) -> list[Box]:
    return [
        face.box
        for face in detect_faces(working)
        if face_crop(image, (face.box.x0, face.box.y0, face.box.x1, face.box.y1)) is not None
    ]


def shared_photos() -> list[Photo]:
    photos = []
    for path in sorted((SHARED_PHOTOS / "people").rglob("*")) + sorted(
        (SHARED_PHOTOS / "groups").glob("*")
    ):
        if path.suffix.lower() not in (".jpg", ".png"):
            continue
        image = load_upright(path).convert("RGB")
        boxes = encodable_boxes(image, load_for_analysis(path))
        if boxes:
            photos.append(Photo(path.relative_to(SHARED_PHOTOS).as_posix(), image, boxes))
    return photos


def crowd_photo(tmp: Path) -> Photo:
    image = load_upright(CROWD).convert("RGB")
    zoom = CROWD_LONG_SIDE / max(image.size)
    size = (round(image.width * zoom), round(image.height * zoom))
    path = tmp / "crowd-26-12mp.jpg"
    image.resize(size, Image.Resampling.LANCZOS).save(path, quality=92)
    big = load_upright(path).convert("RGB")
    return Photo(
        f"crowd-26.jpg at {size[0]}x{size[1]}", big, encodable_boxes(big, load_for_analysis(path))
    )


def dlib_encodings(photo: Photo) -> list[np.ndarray]:
    import face_recognition

    pixels = np.asarray(photo.image.convert("RGB"))  # as encode_faces did
    encodings = []
    for box in photo.boxes:
        crop = face_crop(pixels, (box.x0, box.y0, box.x1, box.y1))
        assert crop is not None
        location = crop.face_recognition_location()
        encodings += face_recognition.face_encodings(
            crop.pixels, [location], num_jitters=1, model="large"
        )
    return encodings


def time_both(photo: Photo) -> float:
    """Run both encoders ``ROUNDS`` times in turn; returns the largest distance between them."""
    worst = 0.0
    for _ in range(ROUNDS):
        started, cpu = time.perf_counter(), time.process_time()
        reference = dlib_encodings(photo)
        photo.dlib.append((time.perf_counter() - started, time.process_time() - cpu))
        started, cpu = time.perf_counter(), time.process_time()
        ours = encode_faces(photo.image, photo.boxes)
        photo.onnx.append((time.perf_counter() - started, time.process_time() - cpu))
        for a, b in zip(ours, reference, strict=True):
            assert a is not None
            worst = max(worst, float(np.linalg.norm(a - b)))
    return worst


def split_times(photo: Photo) -> tuple[float, float]:
    """CPU ms per face of the ONNX path's two steps: landmarks and chip; the network."""
    boxes = [(b.x0, b.y0, b.x1, b.y1) for b in photo.boxes]
    align, network = [], []
    for _ in range(ROUNDS):
        started = time.process_time()
        chips = [encoding_module._align(photo.image, box)[0] for box in boxes]
        align.append(time.process_time() - started)
        started = time.process_time()
        encoding_module._run_encoder(chips)
        network.append(time.process_time() - started)
    n = len(boxes)
    return 1000 * statistics.median(align) / n, 1000 * statistics.median(network) / n


def chips_of(photo: Photo) -> np.ndarray:
    return np.stack(
        [encoding_module._align(photo.image, (b.x0, b.y0, b.x1, b.y1))[0] for b in photo.boxes]
    )


def cpu_name() -> str:
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    return f"{platform.machine()} {line.split(':', 1)[1].strip()}"
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def fresh_process_probe(chips: np.ndarray, batch: int) -> dict[str, float]:
    """In a new process: start-up times and memory of one encoder session running ``batch``."""
    sessions.set_session_threads(1)
    location = resnet_onnx.model_location()  # imports face_recognition_models (pkg_resources)
    before = _rss_mb()
    started = time.perf_counter()
    network = resnet_onnx.read_dlib_network(location)
    read = time.perf_counter() - started
    started = time.perf_counter()
    model = resnet_onnx._to_onnx(network)
    convert = time.perf_counter() - started
    del network
    started = time.perf_counter()
    session = sessions.new_session(model, 1)
    load = time.perf_counter() - started
    del model
    loaded = _rss_mb()
    session.run(None, {resnet_onnx.INPUT_NAME: chips[:batch]})
    return {
        "read": read,
        "convert": convert,
        "load": load,
        "session_mb": loaded - before,
        "run_mb": _rss_mb() - loaded,
    }


def worker_warm_up(kind: str) -> tuple[float, float]:
    """In a new process: what an analysis worker loads before its first photo, as it did with
    face_recognition (``kind`` "dlib") or does now ("onnx"): seconds and resident MB."""
    from spoenk_publisher.core.faces import centerface

    sessions.set_session_threads(1)
    started = time.perf_counter()
    centerface.session()
    if kind == "dlib":
        import face_recognition  # noqa: F401  (loads dlib's four models)
    else:
        encoding_module.warm_up()
    return time.perf_counter() - started, _rss_mb()


def worker_table() -> None:
    print("\nan analysis worker after its warm-up (CenterFace and the encoder), fresh processes")
    context = multiprocessing.get_context("spawn")
    for _ in range(2):
        for kind, label in (("dlib", "face_recognition"), ("onnx", "ONNX encoder")):
            with ProcessPoolExecutor(1, mp_context=context) as pool:
                seconds, resident = pool.submit(worker_warm_up, kind).result()
            print(f"  {label:<16} {seconds:4.1f} s, {resident:4.0f} MB resident")


def batch_table(chips: np.ndarray) -> None:
    print("\nthe network alone on the crowd's chips, by batch size (one thread)")
    session = resnet_onnx.session()
    context = multiprocessing.get_context("spawn")
    for batch in BATCH_SIZES:
        rounds = []
        for _ in range(ROUNDS):
            started = time.process_time()
            for start in range(0, len(chips), batch):
                session.run(None, {resnet_onnx.INPUT_NAME: chips[start : start + batch]})
            rounds.append(time.process_time() - started)
        with ProcessPoolExecutor(1, mp_context=context) as pool:
            probe = pool.submit(fresh_process_probe, chips, batch).result()
        print(
            f"  batch {batch:>2}: {1000 * statistics.median(rounds) / len(chips):5.1f} CPU ms/face;"
            f"  memory of a fresh session {probe['session_mb']:.0f} MB"
            f" + {probe['run_mb']:.0f} MB after its first batch"
        )
        if batch == BATCH_SIZES[0]:
            print(
                f"  (start-up of a session in a fresh process: read dlib's file "
                f"{probe['read']:.2f} s, convert {probe['convert']:.2f} s, onnxruntime load "
                f"{probe['load']:.2f} s)"
            )


def report(label: str, photos: list[Photo]) -> None:
    faces = sum(len(p.boxes) for p in photos)
    print(f"  {label} ({len(photos)} photos, {faces} faces):")
    for kind, cpu in (("wall", False), ("CPU", True)):
        dlib = statistics.median(p.per_face_ms(p.dlib, cpu) for p in photos)
        onnx = statistics.median(p.per_face_ms(p.onnx, cpu) for p in photos)
        speed_up = dlib / onnx
        verdict = "met" if speed_up >= GOAL_SPEED_UP else "NOT met"
        print(
            f"    {kind:<4} dlib {dlib:6.1f} ms/face, ONNX {onnx:5.1f} ms/face: x{speed_up:.1f}"
            f" (goal >= x{GOAL_SPEED_UP:.0f}: {verdict})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-batches", action="store_true", help="skip the batch-size table")
    args = parser.parse_args()
    sessions.set_session_threads(1)
    print(
        f"machine: {cpu_name()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, onnxruntime {onnxruntime.__version__}, "
        f"batch {encoding_module._BATCH}, one thread; load average before: "
        f"{os.getloadavg()[0]:.2f}"
    )
    encoding_module.warm_up()
    dlib_encodings(Photo("warm-up", Image.new("RGB", (200, 200)), [Box(50, 50, 150, 150)]))
    photos = shared_photos()
    with tempfile.TemporaryDirectory() as tmp:
        crowd = crowd_photo(Path(tmp))
    worst = 0.0
    for photo in [*photos, crowd]:
        worst = max(worst, time_both(photo))
    print(f"\nper face, median of {ROUNDS} rounds per photo, then over photos")
    report("../shared/photos people/ and groups/", photos)
    report(crowd.name, [crowd])
    align_ms, network_ms = split_times(crowd)
    print(
        f"  ONNX path on the crowd, CPU: landmarks and chip {align_ms:.1f} ms/face, "
        f"network {network_ms:.1f} ms/face (batches of {encoding_module._BATCH})"
    )
    verdict = "met" if worst <= GOAL_MAX_DISTANCE else "NOT met"
    faces = sum(len(p.boxes) for p in [*photos, crowd])
    print(
        f"  largest distance to dlib's encoding over {faces} faces: {worst:.2g} "
        f"(goal <= {GOAL_MAX_DISTANCE}: {verdict})"
    )
    if not args.no_batches:
        batch_table(chips_of(crowd))
        worker_table()
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
