"""A careless or hostile user (issue 10, items 3, 6, 8, 9): one clear line in Dutch, nothing lost,
never a traceback or a hang, nothing published that should not be."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from spoenk_publisher.cli import main
from spoenk_publisher.register import Register, db

DATA = Path(__file__).resolve().parents[1] / "data"
OBAMA = DATA / "people" / "obama" / "obama-1.jpg"
BIDEN = DATA / "people" / "biden" / "biden-1.jpg"
LIN = DATA / "people" / "lin_manuel_miranda" / "lin-1.png"
NO_FACE = DATA / "no_face" / "kit-1-background.jpg"

#: Words of English sentences the CLI could leak; none of them is Dutch.
ENGLISH_WORDS = re.compile(
    r"\b(the|cannot|could|file|found|not|with|this|which|was|were|been|has|have|error|"
    r"photo|photos|face|faces|blurred|unknown|damaged|empty|exported|failed)\b",
    re.IGNORECASE,
)


@pytest.fixture(autouse=True)
def _private_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def english_in(output: str) -> list[str]:
    """English words in ``output``, outside file paths (a path is the user's, not ours)."""
    without_paths = re.sub(r"\S*/\S*", " ", output)
    return ENGLISH_WORDS.findall(without_paths)


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    return lines[0]


# --- 3. frames after the first ---------------------------------------------------------------


def test_a_face_after_the_first_frame_is_never_called_ok(tmp_path):
    """An animated GIF whose only face is in frame 2: the first frame has no face, but the file
    is never "may be published"; only its export (the first frame) is."""
    blank = Image.open(NO_FACE).convert("RGB").resize((400, 500))
    face = Image.open(OBAMA).convert("RGB").resize((400, 500))
    animation = tmp_path / "zwaai.gif"
    blank.save(animation, save_all=True, append_images=[face], duration=500, loop=0)
    register = tmp_path / "register.db"

    checked = run("check", str(animation), "-c", "instagram", "--register", str(register))
    as_json = run(
        "check", str(animation), "-c", "instagram", "--json", "--register", str(register)
    )
    exported = run(
        "export", str(animation), "-c", "instagram", "--out", str(tmp_path / "out"),
        "--register", str(register),
    )  # fmt: skip

    assert checked.exit_code == 0, checked.output
    assert "Mag geplaatst worden" not in checked.stdout
    assert "Alleen de export mag geplaatst worden" in checked.stdout
    assert "2 beelden" in checked.stdout and "nooit het origineel" in checked.stdout
    report = json.loads(as_json.stdout)
    assert report["verdict"] == "export_only" and report["frames"] == 2
    assert exported.exit_code == 0, exported.output
    assert "alleen het eerste is gecontroleerd" in exported.stdout
    [published] = list((tmp_path / "out").glob("*.jpg"))
    assert getattr(Image.open(published), "n_frames", 1) == 1


# --- 6. the user's own files ------------------------------------------------------------------


def test_a_manifest_of_the_user_is_never_replaced(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    theirs = out / "manifest.csv"
    theirs.write_bytes("naam;bedrag\r\nJuf Anja;12,50\r\n".encode("cp1252"))  # Excel, cp1252
    before = theirs.read_bytes()

    result = run(
        "export", str(OBAMA), "-c", "website", "--out", str(out), "--event", "e",
        "--register", str(tmp_path / "r.db"),
    )  # fmt: skip

    assert result.exit_code == 0, result.output
    assert theirs.read_bytes() == before
    ours = out / "manifest-2.csv"
    assert "manifest-2.csv" in result.stdout
    with open(ours, encoding="utf-8") as handle:
        [row] = list(csv.DictReader(handle))
    assert row["file"] == "e-001.jpg"


def test_every_source_is_in_the_manifest_even_when_two_give_the_same_file(tmp_path):
    copy = tmp_path / "kopie.jpg"
    shutil.copyfile(OBAMA, copy)  # the same photo twice: the same published file
    out = tmp_path / "out"

    result = run(
        "export", str(OBAMA), str(copy), "-c", "website", "--out", str(out), "--event", "e",
        "--register", str(tmp_path / "r.db"),
    )  # fmt: skip

    assert result.exit_code == 0, result.output
    with open(out / "manifest.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(Path(row["source"]).name for row in rows) == ["kopie.jpg", "obama-1.jpg"]
    assert {row["file"] for row in rows} == {"e-001.jpg"}


def test_the_photo_folder_is_refused_as_export_folder_and_outputs_are_never_input(tmp_path):
    event = tmp_path / "Sportdag"
    event.mkdir()
    shutil.copyfile(OBAMA, event / "a.jpg")
    register = str(tmp_path / "r.db")

    into_itself = run(
        "export", str(event), "-c", "website", "--out", str(event), "--register", register
    )
    assert into_itself.exit_code == 1
    assert "is een map met de foto's zelf" in one_line(into_itself.stderr)
    assert sorted(p.name for p in event.iterdir()) == ["a.jpg"]

    out = tmp_path / "out"
    first = run("export", str(event), "-c", "website", "--out", str(out), "--register", register)
    assert first.exit_code == 0, first.output
    # The published folder given as photos again: nothing is exported twice.
    again = run("export", str(out), "-c", "website", "--out", str(tmp_path / "out2"),
                "--register", register)  # fmt: skip
    assert again.exit_code == 0, again.output
    assert "overgeslagen" in again.stdout and "eerder exporteerde" in again.stdout
    assert not list((tmp_path / "out2").glob("*.jpg"))


def test_an_export_where_every_photo_failed_is_not_recorded_as_published(tmp_path):
    broken = tmp_path / "kapot.jpg"
    broken.write_bytes(OBAMA.read_bytes()[:3000])
    register = tmp_path / "r.db"

    result = run("export", str(broken), "-c", "website", "--out", str(tmp_path / "out"),
                 "--register", str(register))  # fmt: skip

    assert result.exit_code == 1
    with Register.open(register) as opened:
        assert opened.db.conn.execute("SELECT COUNT(*) FROM exports").fetchone()[0] == 0


# --- 8. never a traceback, never a hang --------------------------------------------------------


def test_a_file_name_that_is_not_utf8_is_exported_and_listed(tmp_path):
    folder = tmp_path / "event"
    folder.mkdir()
    name = os.fsdecode(b"foto-\xe9t\xe9.jpg")  # Latin-1 bytes: not UTF-8
    shutil.copyfile(OBAMA, folder / name)

    result = run("export", str(folder), "-c", "website", "--out", str(tmp_path / "out"),
                 "--register", str(tmp_path / "r.db"))  # fmt: skip

    assert result.exit_code == 0, result.output
    manifest = (tmp_path / "out" / "manifest.csv").read_text(encoding="utf-8")
    assert "foto-" in manifest and ".jpg" in manifest
    assert not list((tmp_path / "out").glob(".spoenk-partial-*"))


def test_an_export_folder_that_cannot_be_made_is_one_line(tmp_path):
    blocker = tmp_path / "bestand"
    blocker.write_text("x")
    result = run("export", str(OBAMA), "-c", "website", "--out", str(blocker / "sub"),
                 "--register", str(tmp_path / "r.db"))  # fmt: skip
    assert result.exit_code == 1
    assert one_line(result.stderr).startswith("fout: de exportmap")


def test_a_pipe_named_like_a_photo_is_reported_not_waited_for(tmp_path):
    folder = tmp_path / "event"
    folder.mkdir()
    os.mkfifo(folder / "x.jpg")
    shutil.copyfile(OBAMA, folder / "y.jpg")
    process = subprocess.run(
        [sys.executable, "-m", "spoenk_publisher", "check", str(folder), "-c", "website",
         "--register", str(tmp_path / "r.db")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert process.returncode == 1
    assert "x.jpg" in process.stderr and "geen gewoon bestand" in process.stderr
    assert "y.jpg" in process.stdout


def test_a_link_loop_and_an_empty_folder_are_said_aloud(tmp_path):
    folder = tmp_path / "event"
    folder.mkdir()
    (folder / "lus.jpg").symlink_to(folder / "lus.jpg")
    empty = tmp_path / "leeg"
    empty.mkdir()
    register = str(tmp_path / "r.db")

    looped = run("check", str(folder), "-c", "website", "--register", register)
    nothing = run("check", str(empty), "-c", "website", "--register", register)

    assert looped.exit_code == 1 and "lus.jpg" in looped.stderr
    assert "kringverwijzing" in looped.stderr
    assert nothing.exit_code == 1
    assert one_line(nothing.stderr) == f"fout: geen foto's gevonden in {empty}"


def test_a_photo_between_the_two_pixel_limits_is_read(tmp_path):
    """One limit (200 MP), named in the message: Pillow's own 89.5 MP must not refuse first."""
    big = tmp_path / "groot.jpg"
    Image.new("L", (12000, 8500), 128).save(big, quality=50)  # 102 MP, like a GFX 100
    too_big = tmp_path / "te-groot.png"
    Image.new("1", (20000, 10050)).save(too_big)  # 201 MP, tiny on disk
    register = str(tmp_path / "r.db")

    read = run("check", str(big), "-c", "website", "--json", "--register", register)
    refused = run("check", str(too_big), "-c", "website", "--register", register)

    assert read.exit_code == 0, read.output
    assert json.loads(read.stdout)["width"] == 12000
    assert refused.exit_code == 1 and "de grens is 200 megapixel" in refused.stderr


@pytest.mark.parametrize("kind", ["empty", "other program", "damaged", "no schema_version"])
def test_a_file_that_is_no_usable_register_is_refused_and_left_alone(tmp_path, kind, monkeypatch):
    path = tmp_path / "register.db"
    if kind == "empty":
        path.write_bytes(b"")
        # An empty file may be a register another process is creating: the app gives it a
        # second (register.db.NEW_FILE_GRACE_S); a tenth is enough to show the refusal.
        monkeypatch.setattr(db, "NEW_FILE_GRACE_S", 0.1)
    elif kind == "other program":
        with sqlite3.connect(path) as other:
            other.execute("CREATE TABLE bookmarks (url TEXT)")
    else:
        with Register.open(path) as register:
            for _ in range(300):
                register.db.conn.execute(
                    "INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)",
                    ("2026-01-01", "x", "test", "y" * 200),
                )
        if kind == "damaged":
            data = bytearray(path.read_bytes())
            data[4096 * 3 : 4096 * 3 + 200] = b"\xff" * 200  # one damaged page
            path.write_bytes(bytes(data))
        else:
            with sqlite3.connect(path) as connection:
                connection.execute("DROP TABLE schema_version")
    before = path.read_bytes()

    for args in (["register", "list"], ["check", str(OBAMA), "-c", "website"],
                 ["register", "export-csv", str(tmp_path / "uit.csv")]):  # fmt: skip
        result = run(*args, "--register", str(path))
        assert result.exit_code == 1, (args, result.output)
        line = one_line(result.stderr)
        assert line.startswith("fout: het toestemmingsregister"), line
        assert not english_in(line), line
    assert path.read_bytes() == before


def test_dutch_output_on_bad_input_holds_no_english(tmp_path):
    """Every failure a user can cause, in Dutch only (the default language)."""
    folder = tmp_path / "event"
    folder.mkdir()
    (folder / "leeg.jpg").write_bytes(b"")
    (folder / "kapot.jpg").write_bytes(OBAMA.read_bytes()[:2000])
    (folder / "tekst.jpg").write_text("Dit is geen foto")
    shutil.copyfile(OBAMA, folder / "echt.png")  # a JPEG named .png
    register = str(tmp_path / "r.db")
    outputs = [
        run("check", str(folder), "-c", "website", "--register", register),
        run("check", str(folder), "-c", "tiktok", "--register", register),
        run("export", str(folder), "-c", "website", "--out", str(tmp_path / "o"), "--register",
            register),  # fmt: skip
        run("register", "--register", register, "show", "9999"),
        run("register", "--register", register, "enrol", "9999", str(OBAMA)),
        run("register", "--register", register, "add", "1001", "--name", "Sanne"),
        run("register", "--register", register, "enrol", "1001", str(NO_FACE)),
        run("register", "--register", register, "add", "1001", "--name", "Sanne"),
        run("register", "--register", register, "consent", "1001", "tiktok", "ja"),
        run("register", "--register", register, "consent", "1001", "website", "ja",
            "--from", "2027-05-01", "--until", "2027-04-01"),  # fmt: skip
    ]
    text = "\n".join(result.stdout + result.stderr for result in outputs)
    assert "fout:" in text and "Traceback" not in text
    assert english_in(text) == [], text
