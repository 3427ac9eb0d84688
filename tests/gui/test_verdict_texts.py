"""The app says a verdict in the catalogue's words, the same as ``check`` on the command line:
one set of sentences (``messages.verdicts``) for both, in the app's language."""

from __future__ import annotations

import typing

from click.testing import CliRunner
from gui_testing import GROUP_PHOTO, NO_FACE, OBAMA_PHOTO
from PIL import Image

from spoenk_publisher.cli import main as cli
from spoenk_publisher.core.decisions import Reason
from spoenk_publisher.gui.event.verdict_text import BLURRED
from spoenk_publisher.messages import catalogue


def test_every_reason_of_a_face_has_a_sentence_in_both_languages():
    # "consent" and "no_consent" are said by the person's consent state (face.granted, ...).
    reasons = set(typing.get_args(Reason)) - {"consent", "no_consent"}
    missing = sorted(f"face.{reason}" for reason in reasons if f"face.{reason}" not in catalogue())
    assert missing == [], "a new reason needs its sentence in messages/verdicts.py"
    for reason in reasons:
        dutch, english = catalogue()[f"face.{reason}"]
        assert dutch and english and dutch != english


def check_answer(photo, register_path) -> tuple[str, str]:
    """What ``check`` prints for ``photo`` in English, without the file's name: the answer
    (as the quick check leads with it) and the details."""
    result = CliRunner().invoke(
        cli,
        ["check", str(photo), "-c", "instagram", "--register", str(register_path), "--lang", "en"],
    )
    assert result.exit_code == 0, result.output
    answer, details = result.stdout.strip().split(": ", 1)[1].split(" — ", 1)
    return answer, details


def check_line(photo, register_path) -> str:
    """The details ``check`` prints for ``photo``, after its answer."""
    return check_answer(photo, register_path)[1]


def test_the_quick_check_says_what_check_says(qtbot, window, register_path):
    dialog = window.quick_check(GROUP_PHOTO)
    qtbot.waitUntil(lambda: dialog.decision is not None, timeout=60_000)

    answer, details = check_answer(GROUP_PHOTO, register_path)
    assert dialog.verdict_text() == details
    assert dialog.answer.text() == answer == "Only with 2 faces blurred"
    assert dialog.verdict_text() == (
        "2 faces will be blurred: Joe Biden (no consent for Instagram); too turned, blurred or "
        "small to recognise with certainty"
    )  # the child in the background is out of focus (core.faces.quality)
    dialog.close()


def test_an_animation_is_never_may_be_published_in_the_app_either(
    qtbot, window, register_path, tmp_path
):
    """An animated GIF whose only face is in frame 2: the first frame has no face, so only
    the export (that frame) may be published, never the file itself."""
    blank = Image.open(NO_FACE).convert("RGB").resize((400, 500))
    face = Image.open(OBAMA_PHOTO).convert("RGB").resize((400, 500))
    folder = tmp_path / "event"
    folder.mkdir()
    animation = folder / "zwaai.gif"
    blank.save(animation, save_all=True, append_images=[face], duration=500, loop=0)
    blank.save(folder / "still.jpg")

    window.open_paths([folder])
    window.analyse()
    qtbot.waitUntil(lambda: len(window.model.analyses()) == 2, timeout=60_000)

    item = window.model.item_for(animation)
    assert item.decision.verdict == "export_only"
    assert item.status == BLURRED  # the badge asks for the same care as a blur
    assert item.verdict == check_line(animation, register_path)
    assert item.verdict.startswith("Only the export may be published: no faces found")
    assert "Publish the export, never the original." in item.verdict
