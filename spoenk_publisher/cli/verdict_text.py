"""The check verdict as a sentence, in the chosen language (``messages``), for the command line."""

from __future__ import annotations

from collections import Counter

from spoenk_publisher.core.decisions import FaceDecision, PhotoDecision
from spoenk_publisher.messages import Message, text

#: The consent states a face's reason is named after (see ``register.ConsentState``).
_STATES = ("refused", "none", "withdrawn", "expired", "not_yet")


def face_reason(face: FaceDecision, channel_label: str) -> Message:
    """Why one face is kept or blurred, e.g. "J. de Vries (geen toestemming voor Instagram)"."""
    if face.reason in ("consent", "no_consent"):
        state = "consent" if face.reason == "consent" else (face.consent_state or "none")
        if state not in _STATES and state != "consent":
            state = "none"
        why = Message(f"face.{state}", channel=channel_label)
        return Message("face.named", name=face.name or face.person_id, why=why)
    return Message(f"face.{face.reason}", channel=channel_label)


def verdict_sentence(decision: PhotoDecision, channel_label: str) -> str:
    """One line a teacher can act on."""
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
