"""Sentences about a photo's verdict and why each face is kept or blurred, and the two functions
that put them together for the command line's ``check`` and the app alike.

A face's reason (``core.decisions.Reason``) is said by the code ``face.<reason>``; a new reason
needs only its sentence here. The functions read a decision by its fields (``faces``, ``action``,
``reason``, ``consent_state``, ``name``, ``person_id``, ``verdict``, ``frames``), so this module
imports nothing of the app but the catalogue.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from spoenk_publisher.messages import Message, text

MESSAGES = {
    "face.consent": ("toestemming voor {channel}", "consent for {channel}"),
    "face.refused": ("geen toestemming voor {channel}", "no consent for {channel}"),
    "face.none": ("geen toestemming voor {channel}", "no consent for {channel}"),
    "face.withdrawn": (
        "toestemming voor {channel} ingetrokken",
        "consent for {channel} withdrawn",
    ),
    "face.expired": ("toestemming voor {channel} verlopen", "consent for {channel} expired"),
    "face.not_yet": (
        "toestemming voor {channel} gaat pas later in",
        "consent for {channel} starts later",
    ),
    "face.unknown": ("onbekend", "unknown"),
    "face.ambiguous": ("niet met zekerheid herkend", "not recognised with certainty"),
    "face.too_small": ("te klein om te herkennen", "too small to recognise"),
    "face.unreliable": (
        "te scheef, wazig of klein om zeker te herkennen",
        "too turned, blurred or small to recognise with certainty",
    ),
    "face.forced_blur": ("met de hand vervaagd", "blurred by hand"),
    "face.not_a_face": ("geen gezicht", "not a face"),
    "face.named": ("{name} ({why})", "{name} ({why})"),
    "face.times": ("{count}× {why}", "{count}× {why}"),
    "verdict.ok_none": (
        "Mag geplaatst worden: geen gezichten gevonden.",
        "May be published: no faces found.",
    ),
    "verdict.no_faces": ("geen gezichten gevonden", "no faces found"),
    "verdict.ok": ("Mag geplaatst worden ({people}).", "May be published ({people})."),
    "verdict.blur": (
        ("1 gezicht wordt vervaagd: {why}", "{count} gezichten worden vervaagd: {why}"),
        ("1 face will be blurred: {why}", "{count} faces will be blurred: {why}"),
    ),
    "verdict.exclude": ("Wordt weggelaten: {why}", "Left out: {why}"),
    "verdict.export_only": (
        "Alleen de export mag geplaatst worden: {why}",
        "Only the export may be published: {why}",
    ),
    "verdict.cannot_check": ("Kan niet gecontroleerd worden: {why}", "Cannot be checked: {why}"),
    # The two lines the app writes above a face's box: who, and what happens to the face.
    "label.not_a_face": ("Geen gezicht", "Not a face"),
    "label.ignored": ("genegeerd", "ignored"),
    "label.unknown_person": ("Onbekend persoon", "Unknown person"),
    "label.by_hand": ("{name} (met de hand)", "{name} (set by hand)"),
    "label.shown": ("Zichtbaar: {why}", "Shown: {why}"),
    "label.blurred": ("Vervaagd: {why}", "Blurred: {why}"),
    "label.not_recognised": ("Vervaagd: niet herkend", "Blurred: not recognised"),
    # The quick check's answer (``quick_answer``): first what to do, then who is visible.
    "answer.post": ("Mag zo op {channel}", "Fine to post on {channel} as it is"),
    "answer.with_blur": (
        ("Alleen met 1 gezicht vervaagd", "Alleen met {count} gezichten vervaagd"),
        ("Only with 1 face blurred", "Only with {count} faces blurred"),
    ),
    "answer.with_blur_possible": (
        (
            "Alleen met 1 mogelijk gezicht vervaagd",
            "Alleen met {count} mogelijke gezichten vervaagd",
        ),
        ("Only with 1 possible face blurred", "Only with {count} possible faces blurred"),
    ),
    "answer.also_possible": (
        (
            "Daarnaast wordt 1 mogelijk gezicht vervaagd: iets dat op een gezicht lijkt (een "
            "lamp, een patroon), voor de zekerheid",
            "Daarnaast worden {count} mogelijke gezichten vervaagd: dingen die op een gezicht "
            "lijken (een lamp, een patroon), voor de zekerheid",
        ),
        (
            "Also 1 possible face is blurred: something that looks like a face (a lamp, a "
            "pattern), to be safe",
            "Also {count} possible faces are blurred: things that look like a face (a lamp, a "
            "pattern), to be safe",
        ),
    ),
    "answer.do_not_post": ("Niet plaatsen", "Do not post"),
    "answer.why.excluded": (
        "wie geen toestemming heeft, laat de foto weg (zo staat het ingesteld)",
        "a face without consent leaves the photo out (as set)",
    ),
    "answer.why.nobody": (
        "niemand op deze foto mag herkenbaar op {channel}; vervaagd blijft er niemand over",
        "nobody in this photo may be recognisable on {channel}; blurred, nobody is left",
    ),
    "answer.why.frames": (
        "het bestand heeft {count} beelden en alleen het eerste is gecontroleerd: plaats "
        "hooguit de export (alleen dat beeld), nooit het origineel",
        "the file has {count} frames and only the first was checked: post at most the "
        "export (that frame alone), never the original",
    ),
    "answer.why.possible": (
        "een mogelijk gezicht is iets dat op een gezicht lijkt (een lamp, een patroon); het "
        "wordt voor de zekerheid vervaagd",
        "a possible face is something that looks like a face (a lamp, a pattern); it is "
        "blurred to be safe",
    ),
    "visible.people": ("Herkenbaar in beeld: {names}", "Recognisable: {names}"),
    "visible.nobody": ("Niemand herkenbaar in beeld", "Nobody recognisable"),
    "visible.no_faces": ("Geen gezichten gevonden", "No faces found"),
}

#: The consent states a face's reason is named after (see ``register.ConsentState``).
_STATES = ("refused", "none", "withdrawn", "expired", "not_yet")


def consent_reason(face: Any, channel_label: str) -> Message:
    """The consent that decided a recognised person's face, e.g. "no consent for Instagram"."""
    state = "consent" if face.reason == "consent" else (face.consent_state or "none")
    if state not in _STATES and state != "consent":
        state = "none"
    return Message(f"face.{state}", channel=channel_label)


def face_reason(face: Any, channel_label: str) -> Message:
    """Why one face (a ``core.decisions.FaceDecision``) is kept or blurred, e.g.
    "J. de Vries (geen toestemming voor Instagram)", "onbekend"."""
    if face.reason in ("consent", "no_consent"):
        why = consent_reason(face, channel_label)
        return Message("face.named", name=face.name or face.person_id, why=why)
    return Message(f"face.{face.reason}", channel=channel_label)


def verdict_sentence(decision: Any, channel_label: str) -> str:
    """A photo's verdict (a ``core.decisions.PhotoDecision``) in one line a teacher can act on,
    in the chosen language."""
    blurred = [face for face in decision.faces if face.action == "blur"]
    notice = ""
    if decision.frames > 1:
        sentence = text(Message("photo.first_frame_only", count=decision.frames))
        notice = f" {sentence[:1].upper()}{sentence[1:]}."
    if not blurred:
        kept = [text(face_reason(f, channel_label)) for f in decision.faces if f.action == "keep"]
        if decision.verdict == "export_only":
            why = "; ".join(kept) or text(Message("verdict.no_faces"))
            return text(Message("verdict.export_only", why=why)) + notice
        if kept:
            return text(Message("verdict.ok", people="; ".join(kept)))
        return text(Message("verdict.ok_none"))
    counts = Counter(text(face_reason(face, channel_label)) for face in blurred)
    why = "; ".join(
        text(Message("face.times", count=n, why=reason)) if n > 1 else reason
        for reason, n in counts.items()
    )
    if decision.verdict == "exclude":
        return text(Message("verdict.exclude", why=why)) + notice
    return text(Message("verdict.blur", count=len(blurred), why=why)) + notice


# -- the quick check's answer ---------------------------------------------------------------------


#: The answers' codes, as ``core.answer`` gives them (``messages`` imports nothing of ``core``).
POST, WITH_BLUR, DO_NOT_POST = "post", "with_blur", "do_not_post"


@dataclass(frozen=True)
class QuickAnswer:
    """What a teacher needs first about one photo: ``code`` (``POST``, ``WITH_BLUR`` or
    ``DO_NOT_POST``), the ``headline`` that says it, who is ``visible``, and ``why`` (a
    sentence for "do not post" and for possible faces, else None)."""

    code: str
    headline: Message
    visible: Message
    why: Message | None = None


def quick_answer(answer: Any, channel_label: str) -> QuickAnswer:
    """The answer to "may I post this?" in words, on the channel called ``channel_label``;
    ``answer`` is a ``core.answer.Answer`` (the rule is ``core.answer.answer_code``)."""
    if answer.shown:
        visible = Message("visible.people", names=list(answer.shown))
    elif answer.people or answer.possible:
        visible = Message("visible.nobody")
    else:
        visible = Message("visible.no_faces")
    why: Message | None = None
    if answer.code == POST:
        headline = Message("answer.post", channel=channel_label)
    elif answer.code == WITH_BLUR:
        if answer.blurred:
            headline = Message("answer.with_blur", count=answer.blurred)
            if answer.possible:
                why = Message("answer.also_possible", count=answer.possible)
        else:
            headline = Message("answer.with_blur_possible", count=answer.possible)
            why = Message("answer.why.possible")
    else:
        headline = Message("answer.do_not_post")
        if answer.frames > 1:
            why = Message("answer.why.frames", count=answer.frames)
        elif answer.excluded:
            why = Message("answer.why.excluded")
        else:
            why = Message("answer.why.nobody", channel=channel_label)
    return QuickAnswer(answer.code, headline, visible, why)


def answer_line(answer: Any, decision: Any, channel_label: str) -> str:
    """The answer first, then the verdict's details: the line ``check`` prints per photo."""
    said = quick_answer(answer, channel_label)
    return f"{text(said.headline)} — {verdict_sentence(decision, channel_label)}"
