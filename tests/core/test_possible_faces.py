"""A "possible" face (a weak detection no second look supported) is never shown on its own, and
the review's "Who is this?" lists people nearest first (issue 13.5 and 13.6)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np

from spoenk_publisher.base import ManualDecision
from spoenk_publisher.core.analysis import analyse_photo
from spoenk_publisher.core.decisions import ConsentSnapshot, decide_photo
from spoenk_publisher.core.matching import nearest_per_person

GROUP = Path(__file__).resolve().parents[1] / "data" / "groups" / "obama_and_biden.jpg"


def test_a_possible_face_of_a_consenting_person_stays_blurred_until_named():
    analysis = analyse_photo(GROUP)
    face = max(analysis.faces, key=lambda f: f.box.height)  # a clear face with an encoding
    snapshot = ConsentSnapshot(
        "instagram", date(2026, 11, 29), np.stack([face.encoding]), ("p1",), {"p1": "P"},
        {"p1": "granted"},
    )  # fmt: skip
    assert decide_photo([face], snapshot).faces[0].action == "keep"

    possible = replace(face, kind="possible")
    decided = decide_photo([possible], snapshot).faces[0]
    assert (decided.action, decided.reason, decided.kind) == ("blur", "unreliable", "possible")
    # Named by a person, consent decides as for any face.
    named = decide_photo([possible], snapshot, [ManualDecision(face.box, "assign", "p1")])
    assert named.faces[0].action == "keep" and named.faces[0].manual == "assign"


def test_nearest_per_person_gives_each_persons_nearest_reference():
    references = np.zeros((3, 128))
    references[1, 0] = 0.3
    references[2, 0] = 0.8
    probe = np.zeros(128)
    probe[0] = 0.7
    found = nearest_per_person(probe, references, ["a", "a", "b"])
    assert set(found) == {"a", "b"}
    assert abs(found["a"] - 0.4) < 1e-9 and abs(found["b"] - 0.1) < 1e-9
    assert nearest_per_person(probe, np.zeros((0, 128)), []) == {}
