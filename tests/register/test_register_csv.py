"""CSV import and export: Excel's encodings and separators, Dutch and English headers, all or
nothing, re-import without duplicates, and a round trip through export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from register_testing import CSV_DIR, TODAY

from spoenk_publisher.register import (
    ConsentState,
    Person,
    Register,
    RegisterImportError,
    Role,
)

END = date(2027, 7, 31)
DUTCH_HEADER = "leerlingnummer;naam;groep;rol;website;instagram;geldig_tot"


def _write(path: Path, text: str, *, bom: bool = False, encoding: str = "utf-8") -> Path:
    data = text.replace("\n", "\r\n").encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def _problems(error: pytest.ExceptionInfo[RegisterImportError]) -> list[tuple[int, str | None]]:
    return [(problem.line, problem.column) for problem in error.value.problems]


def _nothing_imported(register: Register) -> bool:
    rows = register.db.conn.execute(
        "SELECT (SELECT COUNT(*) FROM people) + (SELECT COUNT(*) FROM consents)"
        " + (SELECT COUNT(*) FROM audit_log)"
    ).fetchone()[0]
    return rows == 0


def test_excel_file_with_bom_semicolons_and_dutch_headers(register: Register) -> None:
    path = CSV_DIR / "excel-nl-bom-semicolon.csv"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")

    summary = register.import_csv(path, today=TODAY)

    assert (summary.rows, summary.people_added, summary.people_updated) == (4, 4, 0)
    assert register.person("1001") == Person("1001", "Sanne de Vries", "5B", Role.PUPIL)
    assert register.person("M042").role is Role.STAFF
    assert register.may_appear("1001", "website", TODAY)
    assert register.may_appear("1001", "newsletter", TODAY)  # the Dutch "nieuwsbrief" column
    assert not register.may_appear("1001", "instagram", TODAY)
    assert register.consent_status("1001", "instagram", TODAY).state is ConsentState.REFUSED
    # An empty geldig_tot: the end of the school year.
    assert register.consent_status("1002", "instagram", TODAY).valid_until == END
    # An empty cell records nothing.
    assert register.consent_status("1003", "instagram", TODAY).state is ConsentState.NONE
    record = register.consent_history("1001", "website")[0]
    assert (record.source, record.recorded_by, record.valid_from) == ("csv", "tester", TODAY)


def test_comma_file_with_english_headers_and_quoted_names(register: Register) -> None:
    summary = register.import_csv(CSV_DIR / "english-comma.csv", today=TODAY)
    assert summary.people_added == 3
    assert register.person("1001").name == "de Vries, Sanne"
    assert register.person("2001").role is Role.OTHER
    assert register.may_appear("2001", "instagram", TODAY)
    assert not register.may_appear("2001", "newsletter", TODAY)
    assert register.may_appear("S007", "website", TODAY)  # "YES"


def test_a_bad_row_imports_nothing_and_is_named(register: Register) -> None:
    with pytest.raises(RegisterImportError) as error:
        register.import_csv(CSV_DIR / "one-bad-row.csv", today=TODAY)
    assert _problems(error) == [(3, "instagram")]
    assert "misschien" in str(error.value.problems[0])
    assert "nothing was imported" in str(error.value)
    assert _nothing_imported(register)


def test_every_problem_is_reported_with_line_and_column(register: Register, tmp_path: Path) -> None:
    path = _write(
        tmp_path / "bad.csv",
        f"{DUTCH_HEADER}\n"
        "1001;Sanne de Vries;5B;leerling;ja;ja;31-07-2027\n"
        "1002;;5B;leerling;ja;ja;\n"  # no name
        "1003;Noor Bakker;6A;ouder;ja;ja;\n"  # not a role
        "1004;Milan Visser;6A;leerling;ja;ja;31-02-2027\n"  # not a date
        "1001;Sanne de Vries;5B;leerling;ja;ja;\n"  # the same id again
        "1.23E+05;Eva Smit;6A;leerling;ja;ja;\n"  # a number Excel rewrote
        "1006;Lotte Kok;6A;leerling;ja;ja;31-07-2025\n",  # consent ending in the past
    )
    with pytest.raises(RegisterImportError) as error:
        register.import_csv(path, today=TODAY)
    assert _problems(error) == [
        (3, "naam"),
        (4, "rol"),
        (5, "geldig_tot"),
        (6, "leerlingnummer"),
        (7, "leerlingnummer"),
        (8, "geldig_tot"),
    ]
    assert "line 2" in str(error.value.problems[3])  # where the id was first
    assert _nothing_imported(register)


def test_a_misspelt_channel_is_never_ignored_silently(register: Register, tmp_path: Path) -> None:
    path = _write(tmp_path / "columns.csv", "leerlingnummer;naam;instagarm\n1001;Sanne;ja\n")
    with pytest.raises(RegisterImportError) as error:
        register.import_csv(path, today=TODAY)
    assert _problems(error) == [(1, "instagarm")]
    message = str(error.value.problems[0])
    assert "do you mean instagram?" in message
    assert '--map "instagarm=ignore"' in message
    assert _nothing_imported(register)


def test_a_missing_name_column_is_named(register: Register, tmp_path: Path) -> None:
    path = _write(tmp_path / "columns.csv", "leerlingnummer;groep;website\n1001;5B;ja\n")
    with pytest.raises(RegisterImportError) as error:
        register.import_csv(path, today=TODAY)
    assert [str(problem) for problem in error.value.problems] == [
        "line 1: the column naam is missing (or roepnaam and achternaam)"
    ]


def test_a_windows_1252_file_is_read(register: Register, tmp_path: Path) -> None:
    """Excel on a Dutch Windows saves "CSV" in Windows-1252, not UTF-8."""
    path = _write(
        tmp_path / "cp1252.csv",
        f"{DUTCH_HEADER}\n1001;Zoë de Vriës – Özil;5B;leerling;ja;ja;\n",
        encoding="windows-1252",
    )
    register.import_csv(path, today=TODAY)
    assert register.person("1001").name == "Zoë de Vriës – Özil"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "line 1: the file is empty"),
        (b"\xef\xbb\xbf", "line 1: the file is empty"),
        (f"{DUTCH_HEADER}\r\n".encode(), "line 1: the file has a header but no rows"),
    ],
)
def test_empty_files_are_refused(
    register: Register, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    with pytest.raises(RegisterImportError) as error:
        register.import_csv(path, today=TODAY)
    assert [str(problem) for problem in error.value.problems] == [message]


def test_excel_sep_line_and_trailing_separators_are_understood(
    register: Register, tmp_path: Path
) -> None:
    path = _write(
        tmp_path / "sep.csv",
        f"sep=;\n{DUTCH_HEADER};;\n1001;Sanne de Vries;5B;Leerling;Ja;WAAR;;;\n;;;;;;;;\n",
        bom=True,
    )
    assert register.import_csv(path, today=TODAY).people_added == 1
    assert register.may_appear("1001", "instagram", TODAY)


def test_reimport_updates_people_and_never_duplicates_them(
    register: Register, tmp_path: Path
) -> None:
    first = _write(
        tmp_path / "first.csv",
        f"{DUTCH_HEADER}\n1001;Sanne de Vries;5B;leerling;ja;ja;\n"
        "1002;Daan Jansen;5B;leerling;ja;nee;\n",
    )
    register.import_csv(first, today=TODAY)
    records_before = len(register.consent_history("1001"))

    again = register.import_csv(first, today=TODAY)
    assert (again.people_added, again.people_updated, again.consent_records_added) == (0, 0, 0)
    assert len(register.consent_history("1001")) == records_before

    later = date(2027, 2, 1)
    second = _write(
        tmp_path / "second.csv",
        f"{DUTCH_HEADER}\n1001;Sanne de Vries;6A;leerling;ja;nee;\n"  # moved up; Instagram: no
        "1002;Daan Jansen;5B;leerling;ja;ja;\n",  # Instagram: now yes
    )
    summary = register.import_csv(second, today=later)
    assert (summary.people_added, summary.people_updated, summary.consent_records_added) == (
        0,
        1,
        2,
    )
    assert len(register.people()) == 2
    assert register.person("1001").group == "6A"
    assert register.may_appear("1001", "instagram", TODAY)  # history: yes before the change
    assert register.consent_status("1001", "instagram", later).state is ConsentState.WITHDRAWN
    assert register.may_appear("1002", "instagram", later)
    statuses = [record.status for record in register.consent_history("1001", "instagram")]
    assert statuses == ["granted", "withdrawn"]


def test_dry_run_writes_nothing(register: Register) -> None:
    summary = register.import_csv(CSV_DIR / "excel-nl-bom-semicolon.csv", today=TODAY, dry_run=True)
    assert summary.dry_run and summary.people_added == 4 and summary.consent_records_added > 0
    assert _nothing_imported(register)


def test_export_is_excel_nl_and_imports_again_without_changes(
    register: Register, tmp_path: Path
) -> None:
    register.import_csv(CSV_DIR / "excel-nl-bom-semicolon.csv", today=TODAY)
    register.record_consent(
        "1001", "youtube", True, valid_from=TODAY, valid_until=date(2027, 1, 31)
    )
    register.withdraw("1002", ["facebook"], valid_from=TODAY)
    register.update_person(Person("1003", "Noor Bakker", "6A", Role.PUPIL, active=False))

    path = tmp_path / "export.csv"
    assert register.export_csv(path, today=TODAY) == 4
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data[3:].decode("utf-8").split("\r\n")
    assert lines[0] == (
        "leerlingnummer;naam;groep;rol;actief;website;nieuwsbrief;instagram;facebook;x;"
        "youtube;linkedin;yurls;geldig_tot;geldig_tot_youtube"
    )
    row_1001 = next(line for line in lines if line.startswith("1001;"))
    assert row_1001 == (
        "1001;Sanne de Vries;5B;leerling;ja;ja;ja;nee;nee;nee;ja;nee;ja;2027-07-31;2027-01-31"
    )
    assert next(line for line in lines if line.startswith("1003;")).split(";")[4] == "nee"

    before = register.db.conn.execute("SELECT COUNT(*) FROM consents").fetchone()[0]
    summary = register.import_csv(path, today=TODAY)
    assert (summary.people_added, summary.people_updated, summary.consent_records_added) == (
        0,
        0,
        0,
    )
    assert register.db.conn.execute("SELECT COUNT(*) FROM consents").fetchone()[0] == before

    fresh = Register.open(tmp_path / "fresh.db", actor="tester")
    fresh.import_csv(path, today=TODAY)
    for person in register.people():
        assert fresh.person(person.id) == person
        for channel in register.channels():
            assert fresh.may_appear(person.id, channel.name, TODAY) == register.may_appear(
                person.id, channel.name, TODAY
            ), (person.id, channel.name)
    assert fresh.consent_status("1001", "youtube", TODAY).valid_until == date(2027, 1, 31)
    fresh.close()


def test_the_documented_example_imports(register: Register) -> None:
    example = Path(__file__).resolve().parents[2] / "docs" / "voorbeeld-register.csv"
    summary = register.import_csv(example, today=TODAY)
    assert summary.people_added == 6
