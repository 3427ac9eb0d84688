"""``spoenk-publisher register import-csv`` on a school's own export, as a user types it: the
plan of --dry-run (the one in docs/register.md), --map and the remembered mapping, ambiguity,
``list``'s 16+ mark and ``export-csv`` that never replaces a file unasked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from register_testing import CSV_DIR

from spoenk_publisher.cli import main

SCHOOLS = CSV_DIR / "schools"
Run = Callable[..., Result]


@pytest.fixture
def run(register_path: Path) -> Run:
    runner = CliRunner()

    def invoke(*args: str) -> Result:
        return runner.invoke(main, ["register", "--register", str(register_path), *args])

    return invoke


def test_dry_run_in_english(run: Run) -> None:
    result = run("import-csv", str(SCHOOLS / "magister.csv"), "--dry-run", "--lang", "en")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "magister.csv: CSV (UTF-8 with BOM, separated by comma), header on line 1"
    assert "  Stamnummer" in lines[2] and lines[2].endswith("→ pupil number")
    assert any(line.endswith("→ ignored: internal, grants no channel") for line in lines)
    assert "People: 4 new, 0 changed, 0 unchanged" in lines
    assert "Counted as no (empty, unknown or not answered): 1 answer" in lines
    assert lines[-1].startswith("Dry run: nothing was written.")


def test_an_import_says_what_it_did(run: Run) -> None:
    result = run("import-csv", str(SCHOOLS / "somtoday.csv"))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "somtoday.csv: 3 mensen toegevoegd, 0 gewijzigd, 15 toestemmingsrecords",
        "Geteld als nee (leeg, onbekend of niet ingevuld): 2 antwoorden",
    ]


AMBIGUOUS = (
    "Leerlingnummer;Naam;Groep;Foto's algemeen;Website\r\n"
    "1;Sanne de Vries;3A;ja;ja\r\n"
    "2;Daan Jansen;3A;nee;nee\r\n"
)


def test_an_ambiguous_column_says_what_to_pass_with_map(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "lijst.csv"
    path.write_text(AMBIGUOUS, encoding="utf-8")

    result = run("import-csv", str(path))
    assert result.exit_code == 1
    assert "  Foto's algemeen  → NIET EENDUIDIG: deze kolom lijkt over toestemming" in result.stdout
    errors = result.stderr.splitlines()
    assert errors[0] == "fout: lijst.csv: 1 probleem, er is niets geïmporteerd"
    assert errors[1].startswith("lijst.csv: regel 1, kolom Foto's algemeen: deze kolom lijkt")
    assert '--map "Foto\'s algemeen=kanaal" of --map "Foto\'s algemeen=negeren"' in errors[1]
    assert errors[-1] == (
        '  spoenk-publisher register import-csv lijst.csv --map "Foto\'s algemeen=negeren"'
    )


def test_map_then_the_remembered_mapping(run: Run, tmp_path: Path, today: date) -> None:
    path = tmp_path / "lijst.csv"
    path.write_text(AMBIGUOUS, encoding="utf-8")

    dry = run("import-csv", str(path), "--dry-run", "--map", "Foto's algemeen=instagram")
    assert dry.exit_code == 0, dry.output
    assert "  Foto's algemeen  → instagram (--map)" in dry.stdout
    assert dry.stdout.splitlines()[-1].endswith(
        'import-csv lijst.csv --map "Foto\'s algemeen=instagram"'
    )
    assert run("import-csv", str(path)).exit_code == 1  # a dry run remembers nothing

    done = run("import-csv", str(path), "--map", "Foto's algemeen=instagram")
    assert done.exit_code == 0, done.output
    assert "onthouden voor een volgende import" in done.stdout

    again = run("import-csv", str(path), "--dry-run")
    assert again.exit_code == 0, again.output
    assert "  Foto's algemeen  → instagram (onthouden)" in again.stdout
    shown = run("show", "1").stdout
    assert f"instagram    ja, tot en met 31-07-{today.year + (today.month >= 8)}" in shown


def test_map_takes_column_equals_target(run: Run) -> None:
    result = run("import-csv", str(SCHOOLS / "magister.csv"), "--map", "Klas")
    assert result.exit_code == 2
    assert '--map takes "COLUMN=TARGET"' in result.stderr


def test_list_marks_a_parents_consent_for_a_pupil_of_16(run: Run, tmp_path: Path, today: date):
    turned_16 = date(today.year - 17, today.month, 1)  # 17 this month: certainly 16
    younger = date(today.year - 12, today.month, 1)
    path = tmp_path / "lijst.csv"
    path.write_text(
        "Stamnummer;Naam;Geboortedatum;Ingevuld door;Website\r\n"
        f"1;Lotte Berg;{turned_16:%d-%m-%Y};ouder/verzorger;ja\r\n"
        f"2;Sem Visser;{younger:%d-%m-%Y};ouder/verzorger;ja\r\n"
        f"3;Julia Smit;{turned_16:%d-%m-%Y};leerling;ja\r\n",
        encoding="utf-8",
    )
    assert run("import-csv", str(path)).exit_code == 0

    lines = run("list").stdout.splitlines()
    assert lines[0].split()[-1] == "!"
    rows = {line.split()[0]: line for line in lines[1:4]}
    assert rows["1"].endswith("16+")
    assert not rows["2"].endswith("16+") and not rows["3"].endswith("16+")
    assert lines[-1].startswith("16+: toestemming van een ouder, maar de leerling is nu 16")


def test_export_csv_refuses_to_replace_a_file(run: Run, tmp_path: Path) -> None:
    run("add", "1001", "--name", "Sanne de Vries")
    path = tmp_path / "register.csv"
    path.write_text("mijn eigen lijst\n")

    refused = run("export-csv", str(path))
    assert refused.exit_code == 1
    assert refused.stderr == (
        "fout: register.csv bestaat al; geef --overwrite om het te vervangen\n"
    )
    assert path.read_text() == "mijn eigen lijst\n"

    replaced = run("export-csv", str(path), "--overwrite")
    assert replaced.exit_code == 0, replaced.output
    assert replaced.stdout == "1 persoon geschreven naar register.csv\n"
    assert path.read_bytes().startswith(b"\xef\xbb\xbfleerlingnummer;")
