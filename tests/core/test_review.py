"""The review session: the one place faces are decided, and what a confirmed face teaches the
register (issue 12, item 3), on real photos with the real detector and encoder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from spoenk_publisher.core.analysis import analyse_photo
from spoenk_publisher.core.enrolment import ReferenceFaceTooSmall, reference_face
from spoenk_publisher.core.review import ReviewSession
from spoenk_publisher.register import InconsistentReference, Person, Register, Role

DATA = Path(__file__).resolve().parents[1] / "data"
OBAMA = DATA / "people" / "obama" / "obama-1.jpg"
GROUP = DATA / "groups" / "obama_and_biden.jpg"


@pytest.fixture(scope="module")
def group():
    return analyse_photo(GROUP)


@pytest.fixture
def session(tmp_path):
    path = tmp_path / "register.db"
    with Register.open(path) as register:
        register.add_person(Person("1001", "Barack Obama", "", Role.STAFF))
        register.add_person(Person("1002", "Joe Biden", "", Role.STAFF))
        register.enrol("1001", [reference_face(OBAMA)])
        register.record_consent("1001", "instagram", True)
    with ReviewSession(path) as opened:
        yield opened


def _face_of(decision, person_id):
    return next(face for face in decision.faces if face.person_id == person_id)


def test_a_confirmed_face_becomes_a_reference_after_the_same_checks(session, group):
    obama = _face_of(session.decide(group, "instagram"), "1001")
    biden = next(
        face for face in group.faces if face.box.height > 150 and face.box != obama.box
    )  # the other adult

    assert session.keep_as_reference(group, obama.box, "1001") is True
    assert session.register.reference_face_count("1001") == 2
    assert session.keep_as_reference(group, obama.box, "1001") is False  # already one

    # Biden's face offered as Obama's reference: refused, nothing stored.
    with pytest.raises(InconsistentReference):
        session.keep_as_reference(group, biden.box, "1001")
    assert session.register.reference_face_count("1001") == 2
    # The same face is a fine first reference for Biden (another face of the same photo).
    assert session.keep_as_reference(group, biden.box, "1002") is True


def test_a_small_face_cannot_be_a_reference(session, tmp_path):
    small = tmp_path / "klein.jpg"
    Image.open(GROUP).reduce(4).save(small, quality=92)  # faces of about 40-60 px
    analysis = analyse_photo(small)
    box = max(analysis.faces, key=lambda face: face.box.height).box
    with pytest.raises(ReferenceFaceTooSmall):
        session.keep_as_reference(analysis, box, "1001")
