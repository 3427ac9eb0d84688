"""The plain answer to "may I post this photo?", as a code and counts: the one rule the quick
check and ``check`` share (issue 13). ``messages.verdicts.quick_answer`` says it in words.

It reads a decision by its fields (``verdict``, ``frames``, ``faces`` with ``action``,
``reason`` and ``kind``), so it imports nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: The three answers a teacher can act on (``messages.verdicts`` names the same codes).
POST, WITH_BLUR, DO_NOT_POST = "post", "with_blur", "do_not_post"


def is_person(face: Any) -> bool:
    """A face that counts as a person: not marked "not a face", not a weak "possible" one."""
    return face.action != "ignore" and getattr(face, "kind", "face") != "possible"


def answer_code(decision: Any) -> str:
    """The answer for ``decision`` (a ``core.decisions.PhotoDecision``).

    - ``DO_NOT_POST`` ("Niet plaatsen"): the policy leaves the photo out (a face without
      consent); or the file has several frames (only the first was checked, so the original
      may never be posted); or nobody may be shown: no person is kept and at least one person
      large enough to recognise is blurred (a photo of blurred people only). Faces too small to
      recognise do not make a photo "do not post" on their own: a crowd far away, blurred, is
      fine. (A photo that cannot be read has no decision: the caller says "do not post".)
    - ``WITH_BLUR`` ("Alleen met N gezichten vervaagd"): anything is blurred (a person, or a
      "possible" face: a weak detection such as a lamp or a pattern, counted apart).
    - ``POST`` ("Mag zo op ..."): nothing is blurred: every person has consent, or there is
      nobody. A face marked "not a face" counts for nothing.
    """
    if decision.verdict == "exclude" or decision.frames > 1:
        return DO_NOT_POST
    people = [face for face in decision.faces if is_person(face)]
    nobody_shown = not any(face.action == "keep" for face in people)
    recognisable_blurred = any(f.action == "blur" and f.reason != "too_small" for f in people)
    if nobody_shown and recognisable_blurred:
        return DO_NOT_POST
    if any(face.action == "blur" for face in decision.faces):
        return WITH_BLUR
    return POST


@dataclass(frozen=True)
class Answer:
    """``answer_code`` with what the sentences need: the names of the people shown, how many
    people and "possible" faces are blurred, and why a photo is not to be posted."""

    code: str
    #: names (or ids) of the people kept recognisable
    shown: tuple[str, ...]
    #: faces that count as people (see ``is_person``)
    people: int
    #: of them, blurred
    blurred: int
    #: "possible" faces (a lamp, a pattern) blurred to be safe
    possible: int
    #: the policy leaves the photo out
    excluded: bool
    #: frames in the file (more than 1: only the first was checked)
    frames: int


def answer(decision: Any) -> Answer:
    """The answer for ``decision``, with its counts (see ``answer_code``)."""
    people = [face for face in decision.faces if is_person(face)]
    return Answer(
        code=answer_code(decision),
        shown=tuple(face.name or face.person_id or "?" for face in people if face.action == "keep"),
        people=len(people),
        blurred=sum(1 for face in people if face.action == "blur"),
        possible=sum(
            1
            for face in decision.faces
            if face.action == "blur" and getattr(face, "kind", "face") == "possible"
        ),
        excluded=decision.verdict == "exclude",
        frames=decision.frames,
    )
