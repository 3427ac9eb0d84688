"""`check`, `export` and `register report` from the command line, on real photos."""

from __future__ import annotations

import csv
import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from PIL import Image

from spoenk_publisher.cli import main
from spoenk_publisher.core.analysis import analyse_photo
from spoenk_publisher.core.decisions import ManualDecision
from spoenk_publisher.core.faces import Box
from spoenk_publisher.core.faces.encoding import encode_faces
from spoenk_publisher.core.photos import content_hash
from spoenk_publisher.register import Register

DATA = Path(__file__).resolve().parents[1] / "data"
OBAMA = DATA / "people" / "obama" / "obama-1.jpg"
BIDEN = DATA / "people" / "biden" / "biden-1.jpg"
GROUP = DATA / "groups" / "obama_and_biden.jpg"
CHILD_BOX = Box(1594, 1062, 1749, 1216)


def cli(*args: str):
    result = CliRunner().invoke(main, list(args))
    return result


@pytest.fixture(scope="session")
def cli_cache(tmp_path_factory) -> Path:
    """One analysis cache for these tests: a photo is analysed for real once, then read from
    the cache, as the app does."""
    return tmp_path_factory.mktemp("cli-cache")


@pytest.fixture(scope="session")
def enrolled_register(tmp_path_factory) -> Path:
    """Obama and Biden added and enrolled with the CLI itself, once; tests work on a copy."""
    path = tmp_path_factory.mktemp("cli-register") / "register.db"
    for args in (
        ["add", "1001", "--name", "Barack Obama", "--role", "staff"],
        ["add", "1002", "--name", "Joe Biden", "--role", "staff"],
        ["enrol", "1001", str(OBAMA)],
        ["enrol", "1002", str(BIDEN)],
    ):
        result = cli("register", "--register", str(path), *args)
        assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def register_path(tmp_path, monkeypatch, cli_cache, enrolled_register) -> Path:
    """A register with Obama (consent for Instagram) and Biden (refused), both enrolled."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(cli_cache))
    path = tmp_path / "register.db"
    shutil.copyfile(enrolled_register, path)
    for args in (["consent", "1001", "instagram", "yes"], ["consent", "1002", "instagram", "no"]):
        result = cli("register", "--register", str(path), *args)
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
    assert report["answer"] == "with_blur"  # as the quick check answers (core.answer)
    assert (report["width"], report["height"]) == (2000, 1428)
    assert report["sha256"] == content_hash(GROUP)
    by_person = {face["person"]: face for face in report["faces"]}
    assert by_person["1001"]["action"] == "keep" and by_person["1001"]["reason"] == "consent"
    assert by_person["1002"]["action"] == "blur" and by_person["1002"]["reason"] == "no_consent"
    # The child: out of focus in the background, so not compared with the register at all.
    assert by_person[None]["action"] == "blur" and by_person[None]["reason"] == "unreliable"
    assert all(len(face["box"]) == 4 for face in report["faces"])
    assert {by_person[p]["kind"] for p in ("1001", "1002", None)} == {"face"}


def test_check_speaks_dutch_by_default_and_english_on_request(register_path):
    args = ["check", str(GROUP), "--channel", "instagram", "--register", str(register_path)]

    dutch = CliRunner().invoke(main, args)
    english = CliRunner().invoke(main, [*args, "--lang", "en"])

    assert ": Alleen met 2 gezichten vervaagd — 2 gezichten worden vervaagd" in dutch.stdout
    assert "Joe Biden (geen toestemming voor Instagram)" in dutch.stdout
    assert "te scheef, wazig of klein om zeker te herkennen" in dutch.stdout  # the child
    assert ": Only with 2 faces blurred — 2 faces will be blurred" in english.stdout
    assert "too turned, blurred or small to recognise with certainty" in english.stdout


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

    assert ran.exit_code == 0 and "vervaagd" in ran.stdout  # no website consent: still exit 0
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
    assert "2 foto('s) geëxporteerd" in result.stdout and "0 mislukt" in result.stdout
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
    assert "Geen enkele geëxporteerde foto toont 1002" in nobody.stdout


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
    assert "1 foto('s) weggelaten" in result.stdout and "obama_and_biden.jpg" in result.stdout
    assert not list(out.glob("*.jpg"))


# --- consent that ended: expired and withdrawn, end to end ----------------------------------------


def _obama_consent(register_path: Path, today: date, how: str) -> None:
    """Give Obama's Instagram consent the history ``how`` on the app's ``today``."""
    with Register.open(register_path) as register:
        if how == "expired":  # granted for last term, ended yesterday
            register.record_consent(
                "1001", "instagram", True, valid_from=today - timedelta(days=90),
                valid_until=today - timedelta(days=1),
            )  # fmt: skip
        elif how == "withdrawn":  # granted, then withdrawn from today
            register.record_consent("1001", "instagram", True, valid_from=today)
            register.withdraw("1001", ["instagram"], valid_from=today)
        elif how == "starts tomorrow":  # a grant that is not in force yet
            register.record_consent(
                "1001", "instagram", True, valid_from=today + timedelta(days=1)
            )


@pytest.mark.parametrize("how", ["expired", "withdrawn"])
def test_ended_consent_is_blurred_in_check_and_export(
    tmp_path, monkeypatch, cli_cache, enrolled_register, today, how
):
    monkeypatch.setenv("XDG_CACHE_HOME", str(cli_cache))
    register_path = tmp_path / "register.db"
    shutil.copyfile(enrolled_register, register_path)
    _obama_consent(register_path, today, how)
    with Register.open(register_path) as register:  # the per-person rule agrees
        assert register.consent_status("1001", "instagram", today).state == how
    args = ["--channel", "instagram", "--register", str(register_path)]

    checked = cli("check", str(OBAMA), "--json", *args)
    exported = cli("export", str(OBAMA), "--out", str(tmp_path / "out"), "--event", "e", *args)

    assert checked.exit_code == 0, checked.output
    [face] = json.loads(checked.stdout)["faces"]
    assert (face["person"], face["action"], face["reason"]) == ("1001", "blur", "no_consent")
    assert face["consent"] == how
    assert exported.exit_code == 0, exported.output
    with open(tmp_path / "out" / "manifest.csv", encoding="utf-8") as handle:
        [row] = list(csv.DictReader(handle))
    assert row["people"] == "" and row["faces_blurred"] == "1"
    # The published file does not show Obama: the encoder finds nobody close to him there.
    published = np.asarray(Image.open(tmp_path / "out" / row["file"]).convert("RGB"))
    reference = analyse_photo(OBAMA).faces[0]
    scale = published.shape[1] / Image.open(OBAMA).width
    box = reference.box
    scaled = Box(*(round(v * scale) for v in (box.x0, box.y0, box.x1, box.y1)))
    [encoding] = encode_faces(published, [scaled])
    assert encoding is None or np.linalg.norm(encoding - reference.encoding) > 0.6


def test_check_decides_as_the_export_does_with_the_faces_decided_by_hand(register_path):
    """``check`` and ``export`` decide through one review session: a face marked "always blur"
    or "not a face" in the app counts in ``check`` too."""
    sha256 = content_hash(GROUP)
    args = ["check", str(GROUP), "-c", "instagram", "--json", "--register", str(register_path)]
    before = {f["person"]: f for f in json.loads(cli(*args).stdout)["faces"]}
    obama_box = Box(*before["1001"]["box"])
    assert before["1001"]["action"] == "keep"
    with Register.open(register_path) as register:
        register.decide_face(sha256, ManualDecision(obama_box, "force_blur"))
        register.decide_face(sha256, ManualDecision(CHILD_BOX, "not_a_face"))

    after = json.loads(cli(*args).stdout)

    faces = {tuple(f["box"]): f for f in after["faces"]}
    assert faces[tuple(obama_box.as_list())]["reason"] == "forced_blur"
    assert all(Box(*f["box"]).iou(CHILD_BOX) < 0.5 for f in after["faces"])  # not a face
    assert after["verdict"] == "blur"
