"""A person's reference faces must agree with each other: a wrong photo never makes someone
else's face "known" under their name (issue 10, item 1)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from register_testing import DATA_DIR, PEOPLE_DIR

from spoenk_publisher.cli import main
from spoenk_publisher.core.enrolment import reference_face
from spoenk_publisher.register import (
    InconsistentReference,
    Person,
    ReferenceFace,
    Register,
    Role,
)

OBAMA_1 = PEOPLE_DIR / "obama" / "obama-1.jpg"
OBAMA_2 = PEOPLE_DIR / "obama" / "obama-2.jpg"
BIDEN_1 = PEOPLE_DIR / "biden" / "biden-1.jpg"
TWO_PEOPLE = DATA_DIR / "groups" / "two_people.jpg"


@pytest.fixture(scope="module")
def faces() -> dict[str, ReferenceFace]:
    """Real reference faces (detector and encoder), made once."""
    photos = {"o1": OBAMA_1, "o2": OBAMA_2, "b1": BIDEN_1}
    return {key: reference_face(path) for key, path in photos.items()}


@pytest.fixture
def two(register: Register) -> Register:
    register.add_person(Person("A", "Anna", "5B", Role.PUPIL))
    register.add_person(Person("B", "Bram", "5B", Role.PUPIL))
    return register


def test_two_photos_of_one_person_are_accepted(two: Register, faces) -> None:
    assert two.enrol("A", [faces["o1"], faces["o2"]]) == 2


def test_a_photo_of_someone_else_in_the_same_batch_is_refused(two: Register, faces) -> None:
    with pytest.raises(InconsistentReference) as refused:
        two.enrol("A", [faces["o1"], faces["b1"]])
    assert refused.value.message.code == "register.reference_disagrees"
    assert two.reference_face_count() == 0  # nothing of the batch was stored


def test_a_later_photo_of_someone_else_is_refused(two: Register, faces) -> None:
    two.enrol("A", [faces["o1"]])
    with pytest.raises(InconsistentReference):
        two.enrol("A", [faces["b1"]])
    assert two.reference_face_count("A") == 1


def test_a_face_already_known_as_someone_else_is_refused(two: Register, faces) -> None:
    two.enrol("B", [faces["o1"]])
    with pytest.raises(InconsistentReference) as refused:
        two.enrol("A", [faces["o2"]])  # Obama again, now under Anna's name
    assert refused.value.message.code == "register.reference_is_other"
    assert "'B'" in refused.value.text("en") and "'A'" in refused.value.text("en")
    assert two.reference_face_count("A") == 0


def test_the_cli_refuses_a_wrong_reference_and_the_face_stays_unknown(tmp_path: Path) -> None:
    """The attack of the review: ``enrol A a.jpg b.jpg`` with b.jpg showing B (no consent)."""
    register_path = tmp_path / "register.db"

    def run(*args: str):
        return CliRunner().invoke(main, ["register", "--register", str(register_path), *args])

    assert run("add", "A", "--name", "Anna").exit_code == 0
    run("consent", "A", "instagram", "ja")
    refused = run("enrol", "A", str(OBAMA_1), str(BIDEN_1))
    assert refused.exit_code == 1
    assert refused.stderr.startswith("fout: ") and len(refused.stderr.strip().splitlines()) == 1
    assert "lijkt niet op" in refused.stderr

    checked = CliRunner().invoke(
        main,
        ["check", str(TWO_PEOPLE), "-c", "instagram", "--json", "--register", str(register_path)],
    )
    assert checked.exit_code == 0, checked.output
    faces = json.loads(checked.stdout)["faces"]
    assert len(faces) == 2 and all(face["action"] == "blur" for face in faces)
