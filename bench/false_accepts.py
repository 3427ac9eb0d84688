"""False accepts at school scale: how many strangers' faces a large register keeps unblurred.

    .venv/bin/python bench/false_accepts.py     # about 2 minutes the first time (2 cores),
                                                # seconds later (analyses cached in .cache/bench)

Photos (real, never synthetic faces):

- Group photos, whose faces are all different people and carry no names: the ``groups/`` photos
  of ../shared/photos without identities (``crowd-*``: detector-reference boxes, ``voc-*``: hand
  boxes), the photos of ``bench/extra_photos.json`` (city.jpg, t1.jpg; boxes checked by eye) and
  three more fetched with pip from PyPI packages into ``.cache/bench/photos`` (never committed,
  see ``FETCHED``): the 1927 Solvay conference photo (29 attendees, in scrfd 0.3.0's source
  distribution) and ultralytics' two sample photos (bus.jpg, zidane.jpg). Each is upscaled with
  Lanczos to a 4000-px long side (a 12 MP school photo; as shot most crowd faces are below the
  40 px that encoding needs) and analysed by the product (``analyse_batch``, standard mode).
  A detection counts as a face when it overlaps a truth box (IoU >= 0.4); in the two ultralytics
  photos, which have no truth boxes, every detection scored >= 0.5 was checked by eye.
- Identity photos: ../shared/photos people/ and the three celebrity groups (5 enrolled people,
  2 never enrolled), analysed as shot, each face named by its manifest box.

Steps:

0. Sharpness by real detail: the named faces shrunk as shot to 40-150 px, and shrunk to 25 or
   40 px then enlarged 4x; their sharpness and how far their encodings drift. This and step 1
   set the gate's thresholds (``core/faces/quality.py``).
1. Pairs: every two group-photo faces (different people) and every two identity faces of the
   same person; how many come within the matching tolerance before the quality gate (every
   encoded face at 0.45) and after it (both faces kept by the gate, at the stricter of their two
   tolerances), and which features the close different-people pairs have.
2. School scale, two folds: the group-photo faces are split in two halves, by photo (no
   reference from a probe's own photo) and, separately, by face (every other face of each photo:
   references from the same camera, light and enlargement, the harsher case); every face of one
   half at least ``ENROL_PX`` high is enrolled as a person of its own (all with consent), either
   every such face or only those the product accepts as a reference (``is_reference``: size,
   pose, sharpness), together with the five enrolled people's single-face photos; every face of
   the other half, and the never-enrolled faces of the named photos, are strangers, decided
   photo by photo with ``decide_photo`` (the product's own path), with and without the gate.
   Then the halves swap. Strangers kept per 1,000 with a one-sided 95 % upper bound
   (Clopper-Pearson; the rule of three when none is kept).
3. Recognition: every clear frontal face of an enrolled person of at least 80 px (all named
   faces but those in ``NOT_CLEAR_FRONTAL``, checked by eye), decided with its whole photo against
   the person's other single-face photos (leave-one-out) and every group face >= 80 px.

What it cannot show: the goal's 1 in 2,000 needs about 6,000 stranger faces with none kept; the
real photos here hold 180, most of them enlarged crowd faces that the gate calls poor. The
recognition figure rests on 18 faces of 5 adults; children's faces lie closer together.
"""

from __future__ import annotations

import io
import itertools
import json
import platform
import sys
from datetime import date
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import onnxruntime  # noqa: E402
from group_faces import (  # noqa: E402
    LONG_SIDE,
    ROOT,
    SHARED_PHOTOS,
    Face,
    collect,
)

from spoenk_publisher.core.decisions import (  # noqa: E402
    AnalysedFace,
    ConsentSnapshot,
    decide_photo,
)
from spoenk_publisher.core.enrolment import MIN_REFERENCE_FACE_PX  # noqa: E402
from spoenk_publisher.core.faces import Box  # noqa: E402
from spoenk_publisher.core.faces import quality as gate  # noqa: E402
from spoenk_publisher.core.faces.encoding import encode_faces_with_landmarks  # noqa: E402
from spoenk_publisher.core.matching import DEFAULT_TOLERANCE  # noqa: E402

#: Group-photo faces at least this high (detector box, in the 4000-px photo) are enrolled.
ENROL_PX = 80
#: Clear frontal faces of enrolled people, checked by eye (both eyes fully visible, turned less
#: than about a quarter, in focus): every named face but kit-2.jpg (turned about 30 degrees).
#: (photo, identity)
NOT_CLEAR_FRONTAL = {("people/kit_harington/kit-2.jpg", "kit_harington")}
#: Without the gate: every face treated as a good one (the rule before the gate: 0.45 for all).
AS_GOOD = gate.FaceQuality(yaw=0.0, pitch=0.3, sharpness=1.0, height=1000.0)


def without_gate(face: AnalysedFace) -> AnalysedFace:
    return AnalysedFace(face.box, face.score, face.encoding, face.source, face.kind, AS_GOOD)


def is_reference(face: AnalysedFace) -> bool:
    """Would ``core.enrolment.reference_face`` accept this face (size, pose, sharpness)?"""
    return (
        face.encoding is not None
        and face.quality is not None
        and face.box.height >= MIN_REFERENCE_FACE_PX
        and gate.reference_problem(face.quality) is None
    )


def snapshot(people: list[tuple[str, np.ndarray]]) -> ConsentSnapshot:
    """A register where everyone has consent: only recognition decides what is kept."""
    ids = tuple(person for person, _ in people)
    encodings = np.array([encoding for _, encoding in people]).reshape(-1, 128)
    states = dict.fromkeys(ids, "granted")
    return ConsentSnapshot("website", date(2027, 1, 1), encodings, ids, {}, states)


def kept_as(faces: list[Face], register: ConsentSnapshot, use_gate: bool) -> dict[str, str | None]:
    """Face key -> the person it is shown as (None: blurred), photo by photo through
    ``decide_photo``, so that the once-per-photo rule applies too."""
    by_photo: dict[str, list[Face]] = {}
    for face in faces:
        by_photo.setdefault(face.photo, []).append(face)
    shown: dict[str, str | None] = {}
    for photo_faces in by_photo.values():
        analysed = [f.face if use_gate else without_gate(f.face) for f in photo_faces]
        decision = decide_photo(analysed, register)
        for face, decided in zip(photo_faces, decision.faces, strict=True):
            shown[face.key] = decided.person_id if decided.action == "keep" else None
    return shown


def upper_95(kept: int, total: int) -> float:
    """One-sided 95 % upper bound of a rate seen ``kept`` times in ``total`` (Clopper-Pearson;
    for 0 it is 1 - 0.05^(1/n), about 3/n: the rule of three)."""
    if total == 0:
        return 1.0
    if kept >= total:
        return 1.0

    def below(p: float) -> float:  # P(X <= kept) for X ~ Binomial(total, p)
        return sum(
            np.exp(
                np.log(float(__import__("math").comb(total, i)))
                + i * np.log(p)
                + (total - i) * np.log1p(-p)
            )
            for i in range(kept + 1)
        )

    low, high = kept / total, 1.0
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (middle, high) if below(middle) > 0.05 else (low, middle)
    return high


def halves(strangers: list[Face], by: str) -> tuple[set[str], set[str]]:
    """Face keys in two halves. ``by="photo"``: whole photos, about equal face counts (largest
    photo first), so no reference comes from the photo of a probe. ``by="face"``: every other
    face of each photo (left to right), so references and probes share camera, light and
    enlargement, as when a school takes its reference photos on the day of the event."""
    first: set[str] = set()
    second: set[str] = set()
    if by == "face":
        for photo in sorted({f.photo for f in strangers}):
            faces = sorted((f for f in strangers if f.photo == photo), key=lambda f: f.face.box)
            for index, face in enumerate(faces):
                (first if index % 2 == 0 else second).add(face.key)
        return first, second
    counts: dict[str, int] = {}
    for face in strangers:
        counts[face.photo] = counts.get(face.photo, 0) + 1
    photos_first: set[str] = set()
    photos_second: set[str] = set()
    for photo in sorted(counts, key=lambda p: (-counts[p], p)):
        in_first = sum(counts[p] for p in photos_first)
        (photos_first if in_first <= sum(counts[p] for p in photos_second) else photos_second).add(
            photo
        )
    for face in strangers:
        (first if face.photo in photos_first else second).add(face.key)
    return first, second


# --- the report -------------------------------------------------------------------------------


def describe(face: Face) -> str:
    q = face.face.quality
    assert q is not None
    return (
        f"{face.photo} {face.face.box.height}px yaw {q.yaw:+.2f} pitch {q.pitch:.2f} "
        f"sharpness {q.sharpness:.3f} ({gate.quality_class(q)})"
    )


def pairs_report(strangers: list[Face], identities: list[Face]) -> None:
    encoded = [f for f in strangers if f.face.encoding is not None]
    named = [f for f in identities if f.face.encoding is not None]
    print(
        f"\n1. pairs: {len(encoded)} stranger faces of the group photos (each a different "
        f"person), {len(named)} named faces of {len({f.identity for f in named})} people"
    )
    different = []
    for a, b in itertools.combinations(encoded, 2):
        different.append((float(np.linalg.norm(a.face.encoding - b.face.encoding)), a, b))
    for a, b in itertools.combinations(named, 2):
        if a.identity != b.identity:
            different.append((float(np.linalg.norm(a.face.encoding - b.face.encoding)), a, b))
    same = [
        (float(np.linalg.norm(a.face.encoding - b.face.encoding)), a, b)
        for a, b in itertools.combinations(named, 2)
        if a.identity == b.identity
    ]

    def within_gate(distance: float, a: Face, b: Face) -> bool:
        limits = [gate.tolerance_for(f.face.quality, DEFAULT_TOLERANCE) for f in (a, b)]
        return None not in limits and distance <= min(limits)  # type: ignore[type-var]

    classes = {c: 0 for c in ("good", "fair", "poor")}
    for face in encoded:
        classes[gate.quality_class(face.face.quality)] += 1
    print(
        "   stranger faces by quality: "
        + ", ".join(f"{name} {count}" for name, count in classes.items())
    )
    for limit in (0.45, 0.47):
        close = [pair for pair in different if pair[0] <= limit]
        print(f"   different people within {limit:.2f}, no gate: {len(close)} of {len(different)}")
    after = [pair for pair in different if within_gate(*pair)]
    print(
        f"   different people within tolerance after the gate (both faces not poor, at the "
        f"stricter of their tolerances): {len(after)} of {len(different)}"
    )
    for distance, a, b in sorted(after, key=lambda pair: pair[0])[:5]:
        print(f"     {distance:.3f}: {describe(a)} | {describe(b)}")
    close = sorted((pair for pair in different if pair[0] <= 0.45), key=lambda pair: pair[0])
    worst = [min(a.face.quality.sharpness, b.face.quality.sharpness) for _, a, b in close]
    turned = [max(abs(a.face.quality.yaw), abs(b.face.quality.yaw)) for _, a, b in close]
    if close:
        print(
            f"   the {len(close)} pairs within 0.45 without the gate: the less sharp face "
            f"{min(worst):.3f}-{max(worst):.3f} (median {np.median(worst):.3f}), the more "
            f"turned |yaw| {min(turned):.2f}-{max(turned):.2f}; classes: "
            + ", ".join(
                f"{grade} {count}"
                for grade, count in sorted(
                    _count(
                        "/".join(sorted(gate.quality_class(f.face.quality) for f in (a, b)))
                        for _, a, b in close
                    ).items()
                )
            )
        )
        for distance, a, b in close[:3]:
            print(f"     {distance:.3f}: {describe(a)} | {describe(b)}")
    kept_same = sum(within_gate(*pair) for pair in same)
    no_gate_same = sum(d <= DEFAULT_TOLERANCE for d, _, _ in same)
    print(
        f"   same person within tolerance: no gate {no_gate_same} of {len(same)}, after the gate "
        f"{kept_same} of {len(same)}"
    )


def _count(items) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return counts


#: Registers compared: (label, gate on, which group faces become references).
SETUPS = (
    ("no gate, every face >= 80 px a reference", False, "any"),
    ("no gate, references by the product's rules", False, "product"),
    ("gate, every face >= 80 px a reference", True, "any"),
    ("gate, references by the product's rules", True, "product"),
)


def school_scale(strangers: list[Face], identities: list[Face], by: str) -> tuple[int, int]:
    """Print one split's figures; returns (strangers kept, strangers decided) with the gate and
    references by the product's rules."""
    enrolled = json.loads((SHARED_PHOTOS / "manifest.json").read_text())["identities"]
    train = [f for f in identities if enrolled[f.identity]["enrolled"] and "people/" in f.photo]
    never = [f for f in identities if not enrolled[f.identity]["enrolled"]]
    first, second = halves(strangers, by)
    print(
        f"\n   split by {by}: halves of {len(first)} and {len(second)} faces"
        + (
            " ("
            + ", ".join(sorted({f.photo for f in strangers if f.key in first}))
            + " | the rest)"
            if by == "photo"
            else ""
        )
    )
    result = (0, 0)
    for label, use_gate, rules in SETUPS:
        kept = total = near = people = 0
        wrong: list[Face] = []
        for enrol_half, probe_half in ((first, second), (second, first)):
            gallery = [
                f
                for f in strangers
                if f.key in enrol_half
                and f.face.encoding is not None
                and f.face.box.height >= ENROL_PX
                and (rules == "any" or is_reference(f.face))
            ]
            people += len(gallery)
            references = [
                (f.identity, f.face.encoding)
                for f in train
                if rules == "any" or is_reference(f.face)
            ]
            register = snapshot([(f.key, f.face.encoding) for f in gallery] + references)
            # Whole photos are decided (once-per-photo applies); only the probe half counts.
            photos = {f.photo for f in strangers if f.key in probe_half}
            in_photos = [f for f in strangers if f.photo in photos] + never
            shown = kept_as(in_photos, register, use_gate)
            for face in in_photos:
                if face.key in enrol_half:
                    continue
                total += 1
                limit = (
                    gate.tolerance_for(face.face.quality, DEFAULT_TOLERANCE)
                    if use_gate
                    else DEFAULT_TOLERANCE
                )
                if face.face.encoding is not None and limit is not None:
                    distances = np.linalg.norm(
                        register.reference_encodings - face.face.encoding, axis=1
                    )
                    near += bool(distances.min() <= limit)
                if shown[face.key] is not None:
                    kept += 1
                    wrong.append(face)
        print(
            f"   {label}: {people / 2:.0f} people enrolled per fold; strangers kept {kept} of "
            f"{total} = {1000 * kept / total:.1f} per 1,000 (95 % upper bound "
            f"{1000 * upper_95(kept, total):.1f}); within tolerance of a reference "
            f"(blurred only by the ambiguity margin or once-per-photo): {near - kept}"
        )
        for face in wrong[:4]:
            print(f"     kept: {describe(face)}")
        if use_gate and rules == "product":
            result = (kept, total)
    return result


def recognition(strangers: list[Face], identities: list[Face]) -> tuple[int, int]:
    """Clear frontal faces of enrolled people, each against a register of the person's other
    single-face photos (references by the product's rules) and every group face >= 80 px
    (references by the product's rules), decided with its whole photo; (recognised, asked)."""
    enrolled = json.loads((SHARED_PHOTOS / "manifest.json").read_text())["identities"]
    train = [f for f in identities if enrolled[f.identity]["enrolled"] and "people/" in f.photo]
    probes = [
        f
        for f in identities
        if enrolled[f.identity]["enrolled"]
        and (f.photo, f.identity) not in NOT_CLEAR_FRONTAL
        and f.face.box.height >= 80
    ]
    print(
        f"\n3. recognition: {len(probes)} clear frontal faces (>= 80 px, checked by eye) of "
        f"{len({f.identity for f in probes})} enrolled people, each against its person's other "
        "single-face photos (leave-one-out) and every group face >= 80 px"
    )
    outcome = (0, 0)
    for label, use_gate, rules in SETUPS:
        gallery = [
            (f.key, f.face.encoding)
            for f in strangers
            if f.face.encoding is not None
            and f.face.box.height >= ENROL_PX
            and (rules == "any" or is_reference(f.face))
        ]
        recognised = 0
        missed = []
        for probe in probes:
            own = [
                (f.identity, f.face.encoding)
                for f in train
                if f.photo != probe.photo and (rules == "any" or is_reference(f.face))
            ]
            photo_faces = [f for f in identities if f.photo == probe.photo]
            shown = kept_as(photo_faces, snapshot(gallery + own), use_gate)
            if shown[probe.key] == probe.identity:
                recognised += 1
            else:
                missed.append(probe)
        print(
            f"   {label}: {len(gallery) + len(train)} references; recognised {recognised} of "
            f"{len(probes)} ({recognised / len(probes):.0%})"
        )
        for face in missed:
            print(f"     not recognised: {describe(face)}")
        if use_gate and rules == "product":
            outcome = (recognised, len(probes))
    return outcome


#: Face heights the named faces are shrunk to (as shot), and "enlarged": shrunk to 25 or 40 px
#: and enlarged 4x with Lanczos, as a crowd photo enlarged before analysis.
SIZES = (40, 60, 80, 100, 150, "25 enlarged 4x", "40 enlarged 4x")


def sharpness_by_size() -> None:
    """Sharpness and the drift from the full-size encoding of every named face made small."""
    manifest = json.loads((SHARED_PHOTOS / "manifest.json").read_text())
    found: dict[object, list[tuple[float, float]]] = {size: [] for size in SIZES}
    for entry in manifest["photos"]:
        if entry.get("role") not in ("train", "test"):
            continue
        with Image.open(SHARED_PHOTOS / entry["file"]) as opened:
            image = opened.convert("RGB")
        for truth in entry["faces"]:
            if truth["identity"] == "unknown_child":  # out of focus at any size
                continue
            box = Box(*map(int, truth["box"]))
            full = encode_faces_with_landmarks(image, [box])[0]
            for size in SIZES:
                small = size if isinstance(size, int) else int(size.split()[0])
                zoom = small / box.height
                if zoom > 1:
                    continue
                made = image.resize(
                    (round(image.width * zoom), round(image.height * zoom)),
                    Image.Resampling.LANCZOS,
                )
                if not isinstance(size, int):
                    made = made.resize((made.width * 4, made.height * 4), Image.Resampling.LANCZOS)
                    zoom *= 4
                buffer = io.BytesIO()
                made.save(buffer, "JPEG", quality=90)
                made = Image.open(buffer).convert("RGB")
                scaled = Box(*(round(v * zoom) for v in box.as_list()))
                face = encode_faces_with_landmarks(made, [scaled])[0]
                if face is None or full is None:
                    continue
                measured = gate.measure(face.landmarks, face.chip, scaled.height)
                drift = float(np.linalg.norm(face.encoding - full.encoding))
                found[size].append((measured.sharpness, drift))
    print(
        "\n0. sharpness by the detail a face really has: the named faces (not the blurred child) "
        "shrunk with Lanczos, as shot or enlarged again (JPEG 90); drift = distance from the "
        "full-size encoding"
    )
    for size, values in found.items():
        if not values:
            continue
        sharp = np.array([v[0] for v in values])
        drift = np.array([v[1] for v in values])
        label = f"{size} px" if isinstance(size, int) else f"{size.split()[0]} px enlarged 4x"
        print(
            f"   {label:>18}: {len(values):2d} faces, sharpness {sharp.min():.3f}-"
            f"{sharp.max():.3f} (median {np.median(sharp):.3f}), drift median "
            f"{np.median(drift):.2f}, max {drift.max():.2f}"
        )


def main() -> None:
    print(
        f"machine: {platform.machine()}, {__import__('os').cpu_count()} cores (shared), "
        f"Python {platform.python_version()}, onnxruntime {onnxruntime.__version__}; "
        f"tolerance {DEFAULT_TOLERANCE} (good) / {gate.TOLERANCES['fair']} (fair) / none (poor)"
    )
    strangers, identities = collect()
    print(
        f"{len(strangers)} stranger faces in {len({f.photo for f in strangers})} group photos "
        f"(each upscaled to a {LONG_SIDE}-px long side), {len(identities)} named faces"
    )
    sharpness_by_size()
    pairs_report(strangers, identities)
    enrolled = json.loads((SHARED_PHOTOS / "manifest.json").read_text())["identities"]
    named = {f.identity for f in identities if enrolled[f.identity]["enrolled"]}
    print(
        f"\n2. school scale, two folds each: every group face >= {ENROL_PX} px of one half is a "
        f"person with consent (with the {len(named)}"
        " enrolled people's single-face photos); every face of the other half and the "
        f"{sum(not enrolled[f.identity]['enrolled'] for f in identities)} never-enrolled named "
        "faces are strangers, decided photo by photo with decide_photo; then the halves swap"
    )
    outcomes = {by: school_scale(strangers, identities, by) for by in ("photo", "face")}
    recognised, asked = recognition(strangers, identities)
    people = len({f.identity for f in identities if enrolled[f.identity]["enrolled"]})
    needed = int(np.ceil(-np.log(0.05) * 2000))
    print(
        "\ngoal: at most 1 stranger in 2,000 kept (0.5 per 1,000) while >= 85 % of enrolled "
        "people's clear frontal faces (>= 80 px) stay recognised"
    )
    for by, (kept, total) in outcomes.items():
        print(
            f"  split by {by}, gate and the product's reference rules: strangers kept {kept} of "
            f"{total} = {1000 * kept / total:.1f} per 1,000, 95 % upper bound "
            f"{1000 * upper_95(kept, total):.1f} per 1,000"
        )
    bound = max(upper_95(kept, total) for kept, total in outcomes.values())
    lowest = 1 - upper_95(asked - recognised, asked)
    print(
        f"  recognised {recognised} of {asked} clear frontal faces of {people} people "
        f"({recognised / asked:.0%}, 95 % lower bound {lowest:.0%})"
        + (
            ": met on these faces (not shown at 95 %: the lower bound is under 85 %)"
            if recognised / asked >= 0.85 and lowest < 0.85
            else (": met" if recognised / asked >= 0.85 else ": NOT met")
        )
    )
    print(
        "  strangers: "
        + (
            f"not shown: {outcomes['face'][1]} stranger faces bound the rate only to "
            f"{1000 * bound:.1f} per 1,000 (the same faces are decided in both splits); showing "
            f"0.5 per 1,000 at 95 % takes {needed:,} stranger faces with none kept"
            if bound > 1 / 2000
            else "met"
        )
    )


if __name__ == "__main__":
    main()
