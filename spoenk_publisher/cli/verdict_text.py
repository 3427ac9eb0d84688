"""The check verdict as a sentence, in Dutch (default) or English, for the command line."""

from __future__ import annotations

from collections import Counter

from spoenk_publisher.core.decisions import FaceDecision, PhotoDecision

LANGUAGES = ("nl", "en")

_REASONS = {
    "nl": {
        "consent": "toestemming voor {channel}",
        "refused": "geen toestemming voor {channel}",
        "none": "geen toestemming voor {channel}",
        "withdrawn": "toestemming voor {channel} ingetrokken",
        "expired": "toestemming voor {channel} verlopen",
        "unknown": "onbekend",
        "ambiguous": "niet met zekerheid herkend",
        "too_small": "te klein om te herkennen",
        "forced_blur": "met de hand geblurd",
    },
    "en": {
        "consent": "consent for {channel}",
        "refused": "no consent for {channel}",
        "none": "no consent for {channel}",
        "withdrawn": "consent for {channel} withdrawn",
        "expired": "consent for {channel} expired",
        "unknown": "unknown",
        "ambiguous": "not recognised with certainty",
        "too_small": "too small to recognise",
        "forced_blur": "blurred by hand",
    },
}

_SENTENCES = {
    "nl": {
        "ok_none": "Mag geplaatst worden: geen gezichten gevonden.",
        "ok": "Mag geplaatst worden ({people}).",
        "blur_one": "1 gezicht wordt geblurd: {why}",
        "blur_many": "{n} gezichten worden geblurd: {why}",
        "exclude": "Wordt weggelaten: {why}",
        "error": "Kan niet gecontroleerd worden: {reason}",
    },
    "en": {
        "ok_none": "May be published: no faces found.",
        "ok": "May be published ({people}).",
        "blur_one": "1 face will be blurred: {why}",
        "blur_many": "{n} faces will be blurred: {why}",
        "exclude": "Left out: {why}",
        "error": "Cannot be checked: {reason}",
    },
}


def face_reason(face: FaceDecision, channel_label: str, language: str = "nl") -> str:
    """Why one face is kept or blurred, e.g. "J. de Vries (geen toestemming voor Instagram)"."""
    reasons = _REASONS[language]
    if face.reason in ("consent", "no_consent"):
        key = "consent" if face.reason == "consent" else (face.consent_state or "none")
        why = reasons.get(key, reasons["none"]).format(channel=channel_label)
        return f"{face.name or face.person_id} ({why})"
    return reasons[face.reason].format(channel=channel_label)


def verdict_sentence(decision: PhotoDecision, channel_label: str, language: str = "nl") -> str:
    """One line a teacher can act on."""
    sentences = _SENTENCES[language]
    blurred = [face for face in decision.faces if face.action == "blur"]
    if not blurred:
        kept = [
            face_reason(f, channel_label, language) for f in decision.faces if f.action == "keep"
        ]
        return sentences["ok"].format(people="; ".join(kept)) if kept else sentences["ok_none"]
    counts = Counter(face_reason(face, channel_label, language) for face in blurred)
    why = "; ".join(f"{n}× {text}" if n > 1 else text for text, n in counts.items())
    if decision.verdict == "exclude":
        return sentences["exclude"].format(why=why)
    key = "blur_one" if len(blurred) == 1 else "blur_many"
    return sentences[key].format(n=len(blurred), why=why)


def error_sentence(reason: str, language: str = "nl") -> str:
    return _SENTENCES[language]["error"].format(reason=reason)
