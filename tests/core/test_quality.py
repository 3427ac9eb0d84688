"""The quality gate on real faces: a blurred or turned face of an enrolled person is not
recognised where its encoding cannot be trusted."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageFilter

from spoenk_publisher.core.analysis import analyse_photo
from spoenk_publisher.core.decisions import AnalysedFace, ConsentSnapshot, decide_photo
from spoenk_publisher.core.faces import quality
from spoenk_publisher.core.matching import DEFAULT_TOLERANCE

DATA = Path(__file__).resolve().parents[1] / "data"
OBAMA = DATA / "people" / "obama" / "obama-1.jpg"  # frontal and sharp: the reference
OBAMA_TURNED = DATA / "people" / "obama" / "obama-2.jpg"  # turned about 20 degrees
BIDEN = DATA / "people" / "biden" / "biden-1.jpg"
GROUP = DATA / "groups" / "obama_and_biden.jpg"
TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def obama() -> AnalysedFace:
    faces = analyse_photo(OBAMA).faces
    assert len(faces) == 1
    return faces[0]


@pytest.fixture(scope="module")
def consent(obama: AnalysedFace) -> ConsentSnapshot:
    """Obama enrolled (his frontal portrait) with consent; Biden enrolled with consent."""
    biden = analyse_photo(BIDEN).faces[0]
    return ConsentSnapshot(
        channel="website",
        on=TODAY,
        reference_encodings=np.stack([obama.encoding, biden.encoding]),
        reference_person_ids=("obama", "biden"),
        names={"obama": "B. Obama", "biden": "J. Biden"},
        consent_states={"obama": "granted", "biden": "granted"},
    )


def blurred_copy(source: Path, folder: Path, radius: float = 4) -> Path:
    """The photo out of focus (a Gaussian blur of ``radius`` pixels), as a JPEG."""
    target = folder / f"{source.stem}-blurred.jpg"
    with Image.open(source) as image:
        image.convert("RGB").filter(ImageFilter.GaussianBlur(radius)).save(target, quality=92)
    return target


def only(decision):
    assert len(decision.faces) == 1
    return decision.faces[0]


def test_the_sharp_frontal_reference_photo_is_a_good_face(obama: AnalysedFace) -> None:
    assert obama.quality is not None
    assert quality.quality_class(obama.quality) == "good"
    assert abs(obama.quality.yaw) < 0.1 and obama.quality.sharpness > quality.SHARPNESS_GOOD


def test_a_blurred_face_of_an_enrolled_person_is_not_kept(tmp_path, obama, consent) -> None:
    faces = analyse_photo(blurred_copy(OBAMA, tmp_path)).faces
    assert len(faces) == 1 and faces[0].encoding is not None
    # Without the gate this face would be shown: it lies well within the tolerance of his
    # own reference (the blur moves it about 0.27)...
    assert np.linalg.norm(faces[0].encoding - obama.encoding) < DEFAULT_TOLERANCE
    # ...but its encoding cannot be trusted, so it is blurred, with its own reason.
    assert faces[0].quality.sharpness < quality.SHARPNESS_FLOOR
    face = only(decide_photo(faces, consent))
    assert (face.action, face.reason, face.person_id) == ("blur", "unreliable", None)


def test_a_turned_face_of_an_enrolled_person_needs_the_stricter_tolerance(obama, consent) -> None:
    faces = analyse_photo(OBAMA_TURNED).faces
    assert len(faces) == 1
    turned = faces[0]
    assert abs(turned.quality.yaw) > quality.YAW_GOOD
    assert quality.quality_class(turned.quality) == "fair"
    distance = float(np.linalg.norm(turned.encoding - obama.encoding))
    # Within the tolerance of a good face, outside the fair one: not kept.
    assert quality.TOLERANCES["fair"] < distance <= DEFAULT_TOLERANCE
    face = only(decide_photo(faces, consent))
    assert (face.action, face.person_id) == ("blur", None)


def test_a_face_without_a_known_quality_is_never_kept(obama, consent) -> None:
    bare = AnalysedFace(obama.box, obama.score, obama.encoding, obama.source)
    face = only(decide_photo([bare], consent))
    assert (face.action, face.reason) == ("blur", "unreliable")


def test_the_enrolled_adults_in_a_group_photo_are_still_recognised(consent) -> None:
    decision = decide_photo(analyse_photo(GROUP).faces, consent)
    assert sorted(decision.people_shown) == ["biden", "obama"]
