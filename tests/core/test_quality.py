"""The quality gate on real faces: a blurred or turned face of an enrolled person is not
recognised where its encoding cannot be trusted, one person is shown at most once per photo, and
a blurred or turned reference photo is refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageFilter

from spoenk_publisher.core.analysis import analyse_photo
from spoenk_publisher.core.decisions import (
    AnalysedFace,
    ConsentSnapshot,
    ManualDecision,
    decide_photo,
)
from spoenk_publisher.core.enrolment import UnreliableReference, reference_face
from spoenk_publisher.core.faces import quality
from spoenk_publisher.core.matching import DEFAULT_TOLERANCE

DATA = Path(__file__).resolve().parents[1] / "data"
OBAMA = DATA / "people" / "obama" / "obama-1.jpg"  # frontal and sharp: the reference
OBAMA_TURNED = DATA / "people" / "obama" / "obama-2.jpg"  # turned about 20 degrees
BIDEN = DATA / "people" / "biden" / "biden-1.jpg"
KIT_TURNED = DATA / "people" / "kit_harington" / "kit-2.jpg"  # turned about 30 degrees
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


@pytest.fixture(scope="module")
def twice(tmp_path_factory) -> Path:
    """Obama's portrait placed twice side by side: two faces of one person in one photo."""
    target = tmp_path_factory.mktemp("twice") / "obama-twice.jpg"
    with Image.open(OBAMA) as image:
        image = image.convert("RGB")
        both = Image.new("RGB", (image.width * 2, image.height), "white")
        both.paste(image, (0, 0))
        both.paste(image, (image.width, 0))
        both.save(target, quality=95)
    return target


def test_one_person_is_shown_at_most_once_per_photo(twice, consent) -> None:
    faces = analyse_photo(twice).faces
    assert len(faces) == 2 and all(f.encoding is not None for f in faces)
    decision = decide_photo(faces, consent)
    kept = [f for f in decision.faces if f.action == "keep"]
    assert [f.person_id for f in kept] == ["obama"]
    (other,) = [f for f in decision.faces if f.action != "keep"]
    assert (other.action, other.reason, other.person_id) == ("blur", "ambiguous", None)
    assert decision.verdict == "blur"


def test_of_two_faces_named_as_one_person_by_hand_the_last_named_is_kept(twice, consent) -> None:
    faces = sorted(analyse_photo(twice).faces, key=lambda f: f.box.x0)
    left, right = faces
    for first, last in ((left, right), (right, left)):
        manual = [
            ManualDecision(first.box, "assign", "obama"),
            ManualDecision(last.box, "assign", "obama"),
        ]
        decision = decide_photo(faces, consent, manual)
        by_box = {f.box: f for f in decision.faces}
        assert (by_box[last.box].action, by_box[last.box].person_id) == ("keep", "obama")
        assert (by_box[first.box].action, by_box[first.box].reason) == ("blur", "ambiguous")
        assert by_box[first.box].manual


def test_a_face_named_by_hand_wins_over_an_automatic_match(consent) -> None:
    faces = analyse_photo(GROUP).faces
    child = max(faces, key=lambda f: f.box.y0)  # the child, lowest in the photo
    # The user says the child is Obama (wrongly, but it is theirs to say): Obama's own face,
    # matched automatically, is then the second face of one person and is blurred.
    decision = decide_photo(faces, consent, [ManualDecision(child.box, "assign", "obama")])
    by_box = {f.box: f for f in decision.faces}
    assert (by_box[child.box].action, by_box[child.box].person_id) == ("keep", "obama")
    others = [f for f in decision.faces if f.box != child.box]
    assert [f.person_id for f in others if f.action == "keep"] == ["biden"]
    assert [f.reason for f in others if f.action == "blur"] == ["ambiguous"]


def test_a_blurred_reference_photo_is_refused(tmp_path) -> None:
    with pytest.raises(UnreliableReference) as error:
        reference_face(blurred_copy(OBAMA, tmp_path, radius=3))
    assert error.value.problem == "blurred"
    assert error.value.reason.code == "enrol.blurred"
    assert "scherpe foto" in error.value.text("nl") and "sharp photo" in error.value.text("en")


def test_a_turned_reference_photo_is_refused() -> None:
    with pytest.raises(UnreliableReference) as error:
        reference_face(KIT_TURNED)
    assert error.value.problem == "turned"
    assert abs(error.value.quality.yaw) > quality.REFERENCE_YAW
    assert "recht in de camera" in error.value.text("nl")


def test_frontal_sharp_reference_photos_are_accepted() -> None:
    for path in (OBAMA, OBAMA_TURNED, BIDEN):
        assert reference_face(path).encoding.shape == (128,)
