"""``spoenk-publisher register ...`` as a user types it: output, errors and exit codes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from register_testing import CSV_DIR, DATA_DIR, PEOPLE_DIR, TODAY

from spoenk_publisher.cli import main
from spoenk_publisher.paths import REGISTER_ENV
from spoenk_publisher.register import Register, school_year_end

Run = Callable[..., Result]


@pytest.fixture
def run(register_path: Path) -> Run:
    """``spoenk-publisher register --register <tmp> ARGS...``"""
    runner = CliRunner()

    def invoke(*args: str, stdin: str | None = None) -> Result:
        return runner.invoke(
            main, ["register", "--register", str(register_path), *args], input=stdin
        )

    return invoke


def _one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    return lines[0]


def test_add_consent_show_list_withdraw_audit(run: Run, register_path: Path, today: date) -> None:
    # Dates relative to the app's clock: the test means the same on any day it runs.
    until = school_year_end(today)
    withdrawn_from = today + timedelta(days=1)
    assert run("add", "1001", "--name", "Sanne de Vries", "--group", "5B").exit_code == 0
    assert run("add", "M042", "--name", "Fatima El Amrani", "--role", "medewerker").exit_code == 0

    result = run("consent", "1001", "instagram", "ja", "--until", until.strftime("%d-%m-%Y"))
    assert result.exit_code == 0, result.output
    assert f"instagram: toestemming vanaf {today:%d-%m-%Y}" in result.stdout
    assert f"tot en met {until:%d-%m-%Y}" in result.stdout

    shown = run("show", "1001")  # on the app's today
    assert shown.exit_code == 0
    assert f"instagram    ja, tot en met {until:%d-%m-%Y}" in shown.stdout
    assert "website      nee: geen toestemming vastgelegd" in shown.stdout

    listed = run("list", "--group", "5B", "--on", today.isoformat())
    assert "1001" in listed.stdout and "instagram" in listed.stdout
    assert "M042" not in listed.stdout

    withdrawn = run("withdraw", "1001", "instagram", "--from", withdrawn_from.isoformat())
    assert withdrawn.exit_code == 0
    assert f"instagram: ingetrokken vanaf {withdrawn_from:%d-%m-%Y}" in withdrawn.stdout
    on_withdrawal = run("show", "1001", "--on", withdrawn_from.isoformat()).stdout
    assert f"nee: ingetrokken vanaf {withdrawn_from:%d-%m-%Y}" in on_withdrawal
    assert f"instagram    ja, tot en met {until:%d-%m-%Y}" in run("show", "1001").stdout
    # The same in English, on request.
    english = CliRunner().invoke(
        main, ["--lang", "en", "register", "--register", str(register_path), "show", "1001"]
    )
    assert f"instagram    yes, until {until.isoformat()}" in english.stdout

    audit = run("audit").stdout.splitlines()
    assert len(audit) == 4
    assert "person added 1001" in audit[0]
    assert "consent withdrawn 1001: instagram" in audit[-1]

    with Register.open(register_path) as register:
        record = register.consent_history("1001")[0]
        assert record.source == "form"


def test_errors_are_one_line_on_stderr_with_exit_code_1(run: Run) -> None:
    result = run("show", "9999")
    assert result.exit_code == 1
    assert _one_line(result.stderr) == "fout: er staat niemand met nummer '9999' in het register"
    assert result.stdout == ""

    run("add", "1001", "--name", "Sanne de Vries")
    result = run("consent", "1001", "tiktok", "yes")
    assert result.exit_code == 1
    assert _one_line(result.stderr).startswith("fout: onbekend kanaal 'tiktok'")

    result = run("add", "1001", "--name", "Someone Else")
    assert result.exit_code == 1
    assert "staat al iemand met nummer '1001'" in _one_line(result.stderr)


def test_import_errors_list_every_problem_and_import_nothing(
    run: Run, register_path: Path, set_today
) -> None:
    set_today(TODAY)  # the file's consent ends on 31-07-2027; its one problem is a bad answer
    result = run("import-csv", str(CSV_DIR / "one-bad-row.csv"))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0] == "fout: one-bad-row.csv: 1 probleem, er is niets geïmporteerd"
    assert lines[1].startswith("one-bad-row.csv: regel 3, kolom instagram: 'misschien' is geen")
    english = run("import-csv", str(CSV_DIR / "one-bad-row.csv"), "--lang", "en")
    assert english.stderr.splitlines()[0] == (
        "error: one-bad-row.csv: 1 problem, nothing was imported"
    )
    with Register.open(register_path) as register:
        assert register.people() == []


def test_import_and_export(run: Run, tmp_path: Path, set_today) -> None:
    set_today(TODAY)  # the file's consent ends on 31-07-2027
    result = run("import-csv", str(CSV_DIR / "excel-nl-bom-semicolon.csv"))
    assert result.exit_code == 0, result.output
    assert "4 mensen toegevoegd" in result.stdout
    exported = tmp_path / "out.csv"
    assert run("export-csv", str(exported)).exit_code == 0
    assert exported.read_bytes().startswith(b"\xef\xbb\xbfleerlingnummer;naam;")


def test_remove_asks_unless_told_yes(run: Run) -> None:
    run("add", "1001", "--name", "Sanne de Vries")
    refused = run("remove", "1001", stdin="n\n")
    assert refused.exit_code == 1
    assert run("show", "1001").exit_code == 0
    removed = run("remove", "1001", "--yes")
    assert removed.exit_code == 0
    assert "0 referentiegezicht(en) en 0 toestemming(en) gewist" in removed.stdout
    assert run("show", "1001").exit_code == 1


def test_enrol_stores_nothing_when_any_photo_is_refused(run: Run, register_path: Path) -> None:
    run("add", "1001", "--name", "Sanne de Vries")
    obama = str(PEOPLE_DIR / "obama" / "obama-1.jpg")
    refused = run("enrol", "1001", obama, str(DATA_DIR / "groups" / "two_people.jpg"))
    assert refused.exit_code == 1
    assert "two_people.jpg: een referentiefoto moet precies één gezicht tonen" in refused.stderr
    with Register.open(register_path) as register:
        assert register.reference_face_count("1001") == 0

    enrolled = run("enrol", "1001", obama)
    assert enrolled.exit_code == 0, enrolled.output
    assert "1 nieuw referentiegezicht uit 1 foto('s)" in enrolled.stdout
    with Register.open(register_path) as register:
        assert register.reference_face_count("1001") == 1


def test_register_option_on_the_command_and_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    on_command = tmp_path / "on-command.db"
    result = runner.invoke(
        main, ["register", "add", "1001", "--name", "Sanne", "--register", str(on_command)]
    )
    assert result.exit_code == 0, result.output
    with Register.open(on_command) as register:
        assert register.find_person("1001") is not None

    from_env = tmp_path / "from-env.db"
    monkeypatch.setenv(REGISTER_ENV, str(from_env))
    assert runner.invoke(main, ["register", "add", "2002", "--name", "Daan"]).exit_code == 0
    with Register.open(from_env) as register:
        assert register.find_person("2002") is not None


def test_channels_can_be_listed_and_added(run: Run) -> None:
    assert run("channels").stdout.splitlines()[0].split() == ["website", "Website"]
    assert run("add-channel", "tiktok", "--label", "TikTok").exit_code == 0
    assert run("channels").stdout.splitlines()[-1].split() == ["tiktok", "TikTok"]
