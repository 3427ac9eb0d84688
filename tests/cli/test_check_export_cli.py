"""`check`, `export` and `register report` from the command line, on real photos."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from spoenk_publisher.cli import main
from spoenk_publisher.core.decisions import ManualDecision
from spoenk_publisher.core.faces import Box
from spoenk_publisher.core.photos import content_hash
from spoenk_publisher.register import Register

DATA = Path(__file__).resolve().parents[1] / "data"
OBAMA = DATA / "people" / "obama" / "obama-1.jpg"
BIDEN = DATA / "people" / "biden" / "biden-1.jpg"
GROUP = DATA / "groups" / "obama_and_biden.jpg"
CHILD_BOX = Box(1594, 1062, 1749, 1216)


@pytest.fixture
def register_path(tmp_path, monkeypatch) -> Path:
    """A register with Obama (consent for Instagram) and Biden (refused), both enrolled."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = tmp_path / "register.db"
    run = CliRunner().invoke
    for args in (
        ["add", "1001", "--name", "Barack Obama", "--role", "staff"],
        ["add", "1002", "--name", "Joe Biden", "--role", "staff"],
        ["enrol", "1001", str(OBAMA)],
        ["enrol", "1002", str(BIDEN)],
        ["consent", "1001", "instagram", "yes"],
        ["consent", "1002", "instagram", "no"],
    ):
        result = run(main, ["register", "--register", str(path), *args])
        assert result.exit_code == 0, result.output
    return path


def test_check_json_gives_a_verdict_per_face(register_path):
    result = CliRunner().invoke(
        main,
        ["check", str(GROUP), "--channel", "instagram", "--json", "--register", str(register_path)],
    )

    assert result.exit_code == 0, result.output
    [line] = result.stdout.strip().splitlines()
    report = json.loads(line)
    assert report["verdict"] == "blur"
    assert (report["width"], report["height"]) == (2000, 1428)
    assert report["sha256"] == content_hash(GROUP)
    by_person = {face["person"]: face for face in report["faces"]}
    assert by_person["1001"]["action"] == "keep" and by_person["1001"]["reason"] == "consent"
    assert by_person["1002"]["action"] == "blur" and by_person["1002"]["reason"] == "no_consent"
    assert by_person[None]["action"] == "blur" and by_person[None]["reason"] == "unknown"
    assert all(len(face["box"]) == 4 for face in report["faces"])
    assert {by_person[p]["kind"] for p in ("1001", "1002", None)} == {"face"}


def test_check_speaks_dutch_by_default_and_english_on_request(register_path):
    args = ["check", str(GROUP), "--channel", "instagram", "--register", str(register_path)]

    dutch = CliRunner().invoke(main, args)
    english = CliRunner().invoke(main, [*args, "--lang", "en"])

    assert "2 gezichten worden geblurd" in dutch.stdout
    assert "Joe Biden (geen toestemming voor Instagram)" in dutch.stdout
    assert "onbekend" in dutch.stdout
    assert "2 faces will be blurred" in english.stdout and "unknown" in english.stdout


def test_check_exit_codes(register_path, tmp_path):
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a photo")
    runner = CliRunner()

    ran = runner.invoke(
        main, ["check", str(OBAMA), "-c", "website", "--register", str(register_path)]
    )
    failed = runner.invoke(
        main, ["check", str(broken), str(OBAMA), "-c", "website", "--register", str(register_path)]
    )
    wrong = runner.invoke(
        main, ["check", str(OBAMA), "-c", "tiktok", "--register", str(register_path)]
    )

    assert ran.exit_code == 0 and "geblurd" in ran.stdout  # no website consent: still exit 0
    assert failed.exit_code == 1 and "broken.jpg" in failed.stderr and str(OBAMA) in failed.stdout
    assert wrong.exit_code == 2 and "tiktok" in wrong.stderr


def test_export_records_what_was_published_and_report_finds_it(register_path, tmp_path):
    out = tmp_path / "out"
    with Register.open(register_path) as register:  # a face named by hand: still no consent
        register.decide_face(content_hash(GROUP), ManualDecision(CHILD_BOX, "assign", "1002"))

    result = CliRunner().invoke(
        main,
        [
            "export", str(GROUP), str(BIDEN), "--channel", "instagram", "--out", str(out),
            "--event", "Bezoek", "--register", str(register_path),
        ],
    )  # fmt: skip

    assert result.exit_code == 0, result.output
    assert "Exported 2 photo(s)" in result.stdout and "0 failed" in result.stdout
    with open(out / "manifest.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["file"] for row in rows] == ["bezoek-001.jpg", "bezoek-002.jpg"]
    assert rows[0]["source"].endswith("obama_and_biden.jpg")
    assert rows[0]["people"] == "1001" and rows[0]["faces_blurred"] == "2"
    assert rows[1]["people"] == "" and rows[1]["faces_blurred"] == "1"

    report = CliRunner().invoke(
        main, ["register", "--register", str(register_path), "report", "1001"]
    )
    assert report.exit_code == 0
    assert "bezoek-001.jpg" in report.stdout and "instagram" in report.stdout
    assert "bezoek-002.jpg" not in report.stdout
    nobody = CliRunner().invoke(
        main, ["register", "--register", str(register_path), "report", "1002"]
    )
    assert "No exported photo shows 1002" in nobody.stdout


def test_export_policy_exclude_lists_what_was_left_out(register_path, tmp_path):
    out = tmp_path / "out"

    result = CliRunner().invoke(
        main,
        [
            "export", str(GROUP), "--channel", "instagram", "--out", str(out), "--policy",
            "exclude", "--register", str(register_path),
        ],
    )  # fmt: skip

    assert result.exit_code == 0
    assert "1 photo(s) left out" in result.stdout and "obama_and_biden.jpg" in result.stdout
    assert not list(out.glob("*.jpg"))
