"""Encoding and matching benchmark: tolerance, ambiguity margin and the smallest encodable face.

    .venv/bin/python bench/matching.py        # about 1 minute on 2 cores

Faces: every face of ../shared/photos/people and the three celebrity groups (7 identities, two
never enrolled), found with ``detect_faces`` and encoded with ``encode_faces``. References are
the ``train`` photos, probes the ``test`` photos.

1. Distances: same person vs different people, over all pairs of faces; false accepts and
   false rejects at several tolerances; the gap behind the ambiguity margin.
2. Smallest encodable face: each probe photo is shrunk (Lanczos, as a small face in a real
   photo is) until its face is H pixels high, encoded, and matched against the references;
   printed per H: recognised, wrongly accepted, nearest distance of the never-enrolled faces.
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from spoenk_publisher.core.faces import Box  # noqa: E402
from spoenk_publisher.core.faces import encoding as encoding_module  # noqa: E402
from spoenk_publisher.core.faces.detection import detect_faces  # noqa: E402
from spoenk_publisher.core.faces.encoding import encode_faces  # noqa: E402
from spoenk_publisher.core.matching import (  # noqa: E402
    DEFAULT_AMBIGUITY_MARGIN,
    DEFAULT_TOLERANCE,
    match,
)
from spoenk_publisher.core.photos import load_for_analysis, load_upright  # noqa: E402

SHARED_PHOTOS = ROOT.parent / "shared" / "photos"
HEIGHTS = (16, 20, 24, 28, 32, 40, 48, 64, 80, 100)
TOLERANCES = (0.4, 0.45, 0.5, 0.55, 0.6)


def labelled_faces() -> list[tuple[str, str, str, Image.Image, Box]]:
    """(file, identity, role, upright image, detected box) for every labelled face."""
    manifest = json.loads((SHARED_PHOTOS / "manifest.json").read_text())
    faces = []
    for entry in manifest["photos"]:
        if entry["truth"] != "approximate":
            continue
        path = SHARED_PHOTOS / entry["file"]
        detected = [face.box for face in detect_faces(load_for_analysis(path))]
        image = load_upright(path)
        for face in entry["faces"]:
            truth = Box(*map(int, face["box"]))
            best = max(detected, key=truth.iou)
            faces.append((entry["file"], face["identity"], entry["role"], image, best))
    return faces


def main() -> None:
    enrolled = json.loads((SHARED_PHOTOS / "manifest.json").read_text())["identities"]
    faces = labelled_faces()
    encodings = [encode_faces(image, [box])[0] for _, _, _, image, box in faces]
    print(
        f"{len(faces)} labelled faces of {len({f[1] for f in faces})} people "
        f"(shared/photos people/ and groups/)"
    )

    same, different = [], []
    for (a, ea), (b, eb) in itertools.combinations(zip(faces, encodings, strict=True), 2):
        distance = float(np.linalg.norm(ea - eb))
        (same if a[1] == b[1] else different).append(distance)
    print(
        f"\n1. distances over all pairs: same person {len(same)} pairs, max {max(same):.3f}, "
        f"mean {np.mean(same):.3f}, sd {np.std(same):.3f}; different people "
        f"{len(different)} pairs, min {min(different):.3f}, mean {np.mean(different):.3f}"
    )
    for tolerance in TOLERANCES:
        accepts = sum(d <= tolerance for d in different)
        rejects = sum(d > tolerance for d in same)
        print(
            f"   tolerance {tolerance:.2f}: false accepts {accepts}/{len(different)}, "
            f"false rejects {rejects}/{len(same)}"
        )

    references = [(f, e) for f, e in zip(faces, encodings, strict=True) if f[2] == "train"]
    reference_matrix = np.array([e for _, e in references])
    reference_ids = [f[1] for f, _ in references]
    probes = [f for f in faces if f[2] == "test"]
    gaps = []
    for face in probes:
        probe = encodings[faces.index(face)]
        distances = np.linalg.norm(reference_matrix - probe, axis=1)
        own = [d for d, pid in zip(distances, reference_ids, strict=True) if pid == face[1]]
        other = [d for d, pid in zip(distances, reference_ids, strict=True) if pid != face[1]]
        if own:
            gaps.append(min(other) - min(own))
    print(
        f"   enrolled probes: gap between own and nearest other person's reference: min "
        f"{min(gaps):.3f}, mean {np.mean(gaps):.3f} (ambiguity margin "
        f"{DEFAULT_AMBIGUITY_MARGIN})"
    )

    for tolerance in TOLERANCES:
        outcomes = [
            (
                face[1],
                match(
                    encodings[faces.index(face)],
                    reference_matrix,
                    reference_ids,
                    tolerance=tolerance,
                ),
            )
            for face in probes
        ]
        recognised = sum(m.person_id == pid for pid, m in outcomes)
        wrong = sum(m.person_id not in (None, pid) for pid, m in outcomes)
        unknown = [m for pid, m in outcomes if not enrolled[pid]["enrolled"]]
        print(
            f"   tolerance {tolerance:.2f}: probes recognised {recognised}/"
            f"{len(outcomes) - len(unknown)}, wrongly accepted {wrong}, never-enrolled "
            f"unknown {sum(m.person_id is None for m in unknown)}/{len(unknown)}"
        )

    print(
        "\n2. faces shrunk until they are H px high (CenterFace box height): probes matched "
        f"at tolerance {DEFAULT_TOLERANCE}; every face compared with all other people's "
        "full-size faces"
    )
    saved_minimum = encoding_module.MIN_ENCODABLE_FACE_PX
    encoding_module.MIN_ENCODABLE_FACE_PX = 0
    try:
        for height in HEIGHTS:
            recognised = wrong = unknown_ok = enrolled_total = unknown_total = 0
            own_distances, impostor_distances = [], []
            for _, identity, role, image, box in faces:
                factor = height / box.height
                if factor >= 1:
                    continue
                small = image.resize(
                    (max(1, round(image.width * factor)), max(1, round(image.height * factor))),
                    Image.Resampling.LANCZOS,
                )
                probe = encode_faces(small, [box], scale=1 / factor)[0]
                if probe is None:
                    continue
                impostor_distances.append(
                    min(
                        float(np.linalg.norm(other - probe))
                        for other, face in zip(encodings, faces, strict=True)
                        if face[1] != identity
                    )
                )
                if role != "test":
                    continue
                outcome = match(probe, reference_matrix, reference_ids)
                if enrolled[identity]["enrolled"]:
                    enrolled_total += 1
                    recognised += outcome.person_id == identity
                    wrong += outcome.person_id not in (None, identity)
                    own = np.linalg.norm(
                        reference_matrix[[pid == identity for pid in reference_ids]] - probe,
                        axis=1,
                    )
                    own_distances.append(float(own.min()))
                else:
                    unknown_total += 1
                    unknown_ok += outcome.person_id is None
            print(
                f"   H {height:3d} px: probes recognised {recognised}/{enrolled_total}, "
                f"wrongly accepted {wrong}, never-enrolled unknown {unknown_ok}/{unknown_total}"
                f"; own distance max {max(own_distances):.3f}; nearest other person "
                f"{min(impostor_distances):.3f} ({len(impostor_distances)} faces)"
            )
    finally:
        encoding_module.MIN_ENCODABLE_FACE_PX = saved_minimum


if __name__ == "__main__":
    main()
