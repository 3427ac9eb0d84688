"""People: adding, changing, listing, removing (with their face data), and the audit log."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest

from spoenk_publisher.register import (
    InvalidRecord,
    Person,
    PersonExists,
    PhotoEnrolledForOtherPerson,
    ReferenceFace,
    Register,
    Role,
    UnknownPerson,
)


def _face(seed: int, person: int | None = None) -> ReferenceFace:
    """A stored encoding (not a real face): photos of one ``person`` lie close together and
    different people far apart, as real encodings do (the register checks that)."""
    base = np.random.default_rng(1000 + (seed if person is None else person)).normal(0, 0.1, 128)
    noise = np.random.default_rng(seed).normal(0, 0.01, 128)
    return ReferenceFace(f"{seed:064x}", base + noise)


def test_people_are_added_listed_and_found(register: Register) -> None:
    register.add_person(Person("1001", "Sanne de Vries", "5B"))
    register.add_person(Person("1002", "Daan Jansen", "5B"))
    register.add_person(Person("M042", "Fatima El Amrani", "", Role.STAFF))
    register.add_person(Person("V003", "Jeroen Mulder", "", Role.OTHER))

    assert register.person("M042") == Person("M042", "Fatima El Amrani", "", Role.STAFF, True)
    assert [p.id for p in register.people("5B")] == ["1002", "1001"]  # by name
    assert len(register.people()) == 4
    assert register.find_person("9999") is None
    with pytest.raises(UnknownPerson, match="9999"):
        register.person("9999")


def test_an_id_is_never_added_twice(register: Register, sanne: Person) -> None:
    with pytest.raises(PersonExists):
        register.add_person(Person(" 1001 ", "Someone Else"))
    assert len(register.people()) == 1


@pytest.mark.parametrize(("person_id", "name"), [("", "Sanne"), ("1001", "  ")])
def test_a_person_needs_an_id_and_a_name(register: Register, person_id: str, name: str) -> None:
    with pytest.raises(InvalidRecord):
        register.add_person(Person(person_id, name))


def test_update_changes_fields_and_audits_without_names(register: Register, sanne: Person) -> None:
    register.update_person(Person(sanne.id, "Sanne de Vries-Bakker", "6A", Role.PUPIL, False))
    assert register.person(sanne.id) == Person(
        sanne.id, "Sanne de Vries-Bakker", "6A", Role.PUPIL, False
    )
    last = register.audit_log(limit=1)[0]
    assert last.action == "person updated"
    assert last.person_id == sanne.id
    assert last.detail == "changed name, group, active"
    assert last.actor == "tester"
    assert all("Sanne" not in entry.detail for entry in register.audit_log())


def test_enrolment_stores_encodings_aligned_with_person_ids(
    register: Register, sanne: Person
) -> None:
    register.add_person(Person("1002", "Daan Jansen"))
    faces = [_face(1), _face(2, person=1)]
    assert register.enrol(sanne.id, faces) == 2
    assert register.enrol("1002", [_face(3)]) == 1
    assert register.enrol(sanne.id, [_face(1)]) == 0  # the same photo again: nothing new

    encodings, person_ids = register.reference_encodings()
    assert encodings.shape == (3, 128) and encodings.dtype == np.float64
    assert person_ids == ["1001", "1001", "1002"]
    np.testing.assert_array_equal(encodings[0], faces[0].encoding)
    assert register.reference_face_counts() == {"1001": 2, "1002": 1}


def test_one_photo_cannot_be_the_reference_of_two_people(register: Register, sanne: Person) -> None:
    register.add_person(Person("1002", "Daan Jansen"))
    register.enrol(sanne.id, [_face(1)])
    with pytest.raises(PhotoEnrolledForOtherPerson, match="1001"):
        register.enrol("1002", [_face(2), _face(1)])
    assert register.reference_face_count("1002") == 0  # all or nothing


def test_an_empty_register_has_no_encodings(register: Register) -> None:
    encodings, person_ids = register.reference_encodings()
    assert encodings.shape == (0, 128) and person_ids == []


def test_removal_purges_encodings_and_consent_and_keeps_an_audit_line(
    register_path: Path,
) -> None:
    face = _face(7)
    with Register.open(register_path, actor="tester") as register:
        register.add_person(Person("1001", "Sanne de Vries", "5B"))
        register.add_person(Person("1002", "Daan Jansen", "5B"))
        register.enrol("1001", [face, _face(8, person=7)])
        register.enrol("1002", [_face(9)])
        register.record_consent("1001", "website", True, valid_from=date(2026, 11, 25))
        register.withdraw("1001", ["website"], valid_from=date(2026, 12, 1))

        summary = register.remove_person("1001")

        assert (summary.reference_faces, summary.consent_records) == (2, 2)
        assert register.find_person("1001") is None
        assert register.consent_history("1001") == []
        encodings, person_ids = register.reference_encodings()
        assert person_ids == ["1002"] and encodings.shape == (1, 128)
        for table in ("reference_faces", "consents"):
            count = register.db.conn.execute(
                f"SELECT COUNT(*) FROM {table} WHERE person_id = '1001'"
            ).fetchone()[0]
            assert count == 0, table

        last = register.audit_log(limit=1)[0]
        assert (last.action, last.person_id) == ("person removed", "1001")
        assert last.detail == "2 reference faces and 2 consent records deleted"
        assert register.audit_log("1001")[0].action == "person added"  # history stays
        assert all(
            "Sanne" not in e.detail and "Vries" not in e.detail for e in register.audit_log()
        )

    # The encoding's bytes are gone from the files, not only from the tables.
    blob = face.encoding.astype("<f8").tobytes()
    for path in register_path.parent.glob(register_path.name + "*"):
        assert blob[:64] not in path.read_bytes(), path


def test_removing_an_unknown_person_changes_nothing(register: Register, sanne: Person) -> None:
    with pytest.raises(UnknownPerson):
        register.remove_person("9999")
    assert [p.id for p in register.people()] == [sanne.id]
