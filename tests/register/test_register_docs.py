"""What docs/register.md shows of the import is what the command does."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from register_testing import CSV_DIR

from spoenk_publisher.cli import main
from spoenk_publisher.messages import Message, text
from spoenk_publisher.paths import PROJECT_ROOT

DOCS = (PROJECT_ROOT / "docs" / "register.md").read_text(encoding="utf-8")


def test_the_dry_run_in_the_docs_is_what_the_command_prints(register_path: Path) -> None:
    found = re.search(r"```text\n\$ spoenk-publisher register import-csv (\S+) --dry-run\n(.*?)```",
                      DOCS, re.S)  # fmt: skip
    assert found, "docs/register.md shows no --dry-run"
    file, documented = found.groups()
    sample = str(CSV_DIR / "schools" / file)
    command = ["register", "--register", str(register_path), "import-csv", sample, "--dry-run"]
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 0, result.output
    assert result.stdout == documented


def test_the_documented_problems_are_the_catalogue_s() -> None:
    misschien = text(Message("csv_import.not_answer", value="misschien"), "nl")
    twice = text(Message("csv_import.id_twice", id="1001", first=2), "nl")
    assert f"regel 3, kolom instagram: {misschien}\n" in DOCS
    assert f"regel 7, kolom leerlingnummer: {twice}\n" in DOCS
