"""Enrolling a whole school from the photographer's portraits (issue 12, item 2), on real photos
with the real detector and encoder."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner
from register_testing import DATA_DIR, PEOPLE_DIR

from spoenk_publisher.cli import main
from spoenk_publisher.core.portraits import enrol_folder, match_portraits
from spoenk_publisher.register import Person, Register, Role


def people() -> list[Person]:
    return [
        Person("1001", "Barack Obama", "8A", Role.STAFF),
        Person("1002", "Joe Biden", "8B", Role.STAFF),
        Person("1003", "Lin-Manuel Miranda", "7A"),
        Person("1004", "Daan Jansen", "7A"),
        Person("1005", "Sanne de Vries", "5B"),
        Person("M042", "Twee Keer", "7A"),
        Person("M043", "Twee Keer", "7B"),
    ]


def test_portraits_are_matched_by_number_or_by_name() -> None:
    files = [
        Path("1001.jpg"), Path("1002_Joe.jpg"), Path("miranda_lin_manuel.png"),
        Path("Sanne de Vries.JPG"), Path("m042 portret.jpg"), Path("twee keer.jpg"),
        Path("onbekend.jpg"),
    ]  # fmt: skip
    matched, unmatched, ambiguous = match_portraits(files, people())
    assert matched == {
        Path("1001.jpg"): "1001",
        Path("1002_Joe.jpg"): "1002",
        Path("miranda_lin_manuel.png"): "1003",
        Path("Sanne de Vries.JPG"): "1005",
        Path("m042 portret.jpg"): "M042",
    }
    assert unmatched == [Path("onbekend.jpg")]
    assert ambiguous == [(Path("twee keer.jpg"), ("M042", "M043"))]


def test_a_folder_of_portraits_enrols_everyone_it_can_and_says_why_not(tmp_path: Path) -> None:
    folder = tmp_path / "portretten"
    folder.mkdir()
    shutil.copy(PEOPLE_DIR / "obama" / "obama-1.jpg", folder / "1001.jpg")
    shutil.copy(PEOPLE_DIR / "biden" / "biden-1.jpg", folder / "1002_Joe.jpg")
    shutil.copy(PEOPLE_DIR / "lin_manuel_miranda" / "lin-1.png", folder / "miranda lin manuel.png")
    shutil.copy(DATA_DIR / "groups" / "two_people.jpg", folder / "1004.jpg")  # two faces
    shutil.copy(PEOPLE_DIR / "obama" / "obama-2.jpg", folder / "1005_Sanne.jpg")  # not Sanne
    shutil.copy(PEOPLE_DIR / "obama" / "obama-2.jpg", folder / "klassenfoto.jpg")
    path = tmp_path / "register.db"
    with Register.open(path) as register:
        for person in people():
            register.add_person(person)
        progress: list[tuple[int, int]] = []

        report = enrol_folder(register, folder, progress=lambda d, t, _f: progress.append((d, t)))

        enrolled = sorted(person_id for _file, person_id in report.enrolled)
        assert enrolled == ["1001", "1002", "1003"]
        refused = {person_id: why.code for _file, person_id, why in report.refused}
        assert refused == {
            "1004": "enrol.several_faces",
            "1005": "register.reference_is_other",  # Obama's face under Sanne's number
        }
        assert [file.name for file in report.unmatched] == ["klassenfoto.jpg"]
        assert sorted(p.id for p in report.without_reference) == ["1004", "1005", "M042", "M043"]
        assert progress[0] == (0, 5) and progress[-1] == (5, 5)
        assert register.reference_face_count() == 3

    # The same from the command line, in Dutch, on the analysis processes: nothing new now.
    result = CliRunner().invoke(main, ["register", "--register", str(path), "enrol-folder",
                                       str(folder)])  # fmt: skip
    assert result.exit_code == 1  # something was refused or matched nobody
    summary = "0 portret(ten) als referentie opgeslagen, 3 stonden er al, 2 geweigerd"
    assert summary in result.output
    refusal = "geweigerd: 1004.jpg (1004): een referentiefoto moet precies één gezicht"
    assert refusal in result.output
    assert "bij niemand te plaatsen: klassenfoto.jpg" in result.output
    assert "Nog zonder referentiegezicht (4):" in result.output
