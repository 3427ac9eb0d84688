"""Verdicts, face labels and badge names as sentences a teacher can act on (translated).

Source strings are English; the Dutch the app shows by default comes from the .ts/.qm files.
The words follow the CLI's (``cli/verdict_text.py``) so both say the same thing.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from spoenk_publisher.core.decisions import FaceDecision, PhotoDecision
from spoenk_publisher.messages import Message, text

# -- what a face's box looks like ---------------------------------------------------------------

#: A face decision's category: one colour and one legend line each.
KEPT, NO_CONSENT, UNKNOWN, UNCERTAIN, FORCED, NOT_A_FACE = (
    "kept",
    "no_consent",
    "unknown",
    "uncertain",
    "forced",
    "not_a_face",
)
CATEGORIES = (KEPT, NO_CONSENT, UNKNOWN, UNCERTAIN, FORCED, NOT_A_FACE)

CATEGORY_COLOURS: dict[str, QColor] = {
    KEPT: QColor("#1e9e4a"),  # green
    NO_CONSENT: QColor("#e0282e"),  # red
    UNKNOWN: QColor("#f08c00"),  # orange
    UNCERTAIN: QColor("#8f5bd6"),  # purple
    FORCED: QColor("#7d0f1c"),  # dark red
    NOT_A_FACE: QColor("#8a9099"),  # grey, drawn dashed
}


def face_category(face: FaceDecision) -> str:
    if face.action == "ignore":
        return NOT_A_FACE
    if face.action == "keep":
        return KEPT
    return {
        "no_consent": NO_CONSENT,
        "unknown": UNKNOWN,
        "forced_blur": FORCED,
    }.get(face.reason, UNCERTAIN)  # too_small, ambiguous


# -- photo statuses (the grid's badges) -------------------------------------------------------

WAITING, ANALYSING, ALL_CLEAR, BLURRED, LEFT_OUT, ERROR = (
    "waiting",
    "analysing",
    "all_clear",
    "blurred",
    "left_out",
    "error",
)
STATUSES = (WAITING, ANALYSING, ALL_CLEAR, BLURRED, LEFT_OUT, ERROR)

STATUS_COLOURS: dict[str, QColor] = {
    WAITING: QColor("#6b7280"),
    ANALYSING: QColor("#2563eb"),
    ALL_CLEAR: QColor("#1e9e4a"),
    BLURRED: QColor("#d97706"),
    LEFT_OUT: QColor("#b91c1c"),
    ERROR: QColor("#111827"),
}


def status_of(decision: PhotoDecision) -> str:
    # "export_only" (an animation whose first frame is fine) needs the same care as a blur: the
    # export, not the original, is what may be published.
    return {"ok": ALL_CLEAR, "blur": BLURRED, "exclude": LEFT_OUT, "export_only": BLURRED}[
        decision.verdict
    ]


class VerdictText(QObject):
    """Every sentence about a verdict, through ``tr()`` (context "VerdictText")."""

    def consent_phrase(self, face: FaceDecision, channel: str) -> str:
        """The consent that applies to a recognised person, e.g. "no consent for Instagram"."""
        if face.reason == "consent":
            return self.tr("consent for %1").replace("%1", channel)
        state = face.consent_state or "none"
        if state == "withdrawn":
            return self.tr("consent for %1 withdrawn").replace("%1", channel)
        if state == "expired":
            return self.tr("consent for %1 expired").replace("%1", channel)
        if state == "not_yet":
            return self.tr("consent for %1 starts later").replace("%1", channel)
        return self.tr("no consent for %1").replace("%1", channel)

    def reason_phrase(self, face: FaceDecision) -> str:
        """Why an unrecognised face is blurred or ignored."""
        return {
            "unknown": self.tr("unknown"),
            "ambiguous": self.tr("not recognised with certainty"),
            "too_small": self.tr("too small to recognise"),
            "forced_blur": self.tr("blurred by hand"),
            "not_a_face": self.tr("not a face"),
        }.get(face.reason, self.tr("unknown"))

    def person_name(self, face: FaceDecision) -> str | None:
        return face.name or face.person_id

    def face_reason(self, face: FaceDecision, channel: str) -> str:
        """ "J. de Vries (no consent for Instagram)", "unknown", "too small to recognise"."""
        name = self.person_name(face)
        if face.reason in ("consent", "no_consent") and name:
            return (
                self.tr("%1 (%2)")
                .replace("%1", name)
                .replace("%2", self.consent_phrase(face, channel))
            )
        if face.reason == "forced_blur" and name:
            return self.tr("%1 (%2)").replace("%1", name).replace("%2", self.reason_phrase(face))
        return self.reason_phrase(face)

    def sentence(self, decision: PhotoDecision, channel: str) -> str:
        """The verdict in one line: "May be published" or "2 faces will be blurred: …"."""
        blurred = [face for face in decision.faces if face.action == "blur"]
        if not blurred:
            kept = [self.face_reason(f, channel) for f in decision.faces if f.action == "keep"]
            if not kept:
                return self.tr("May be published: no faces found.")
            return self.tr("May be published (%1).").replace("%1", "; ".join(kept))
        counts = Counter(self.face_reason(face, channel) for face in blurred)
        why = "; ".join(
            self.tr("%1× %2").replace("%1", str(n)).replace("%2", text) if n > 1 else text
            for text, n in counts.items()
        )
        if decision.verdict == "exclude":
            return self.tr("Left out: %1").replace("%1", why)
        return self.tr("%n face(s) will be blurred: %1", "", len(blurred)).replace("%1", why)

    def error_sentence(self, reason: Message | str) -> str:
        return self.tr("Cannot be checked: %1").replace("%1", text(reason))

    def face_label(self, face: FaceDecision, channel: str) -> tuple[str, str]:
        """Two lines above a face's box: who, and what happens to the face and why."""
        name = self.person_name(face)
        category = face_category(face)
        if category == NOT_A_FACE:
            return self.tr("Not a face"), self.tr("ignored")
        who = name or self.tr("Unknown person")
        if face.manual:
            who = self.tr("%1 (set by hand)").replace("%1", who)
        if category == KEPT:
            return who, self.tr("Shown: %1").replace("%1", self.consent_phrase(face, channel))
        if category == NO_CONSENT:
            return who, self.tr("Blurred: %1").replace("%1", self.consent_phrase(face, channel))
        if face.reason == "unknown":
            return who, self.tr("Blurred: not recognised")
        return who, self.tr("Blurred: %1").replace("%1", self.reason_phrase(face))

    def category_name(self, category: str) -> str:
        """The legend's line for a colour."""
        return {
            KEPT: self.tr("Shown: consent for this channel"),
            NO_CONSENT: self.tr("Blurred: no consent"),
            UNKNOWN: self.tr("Blurred: unknown"),
            UNCERTAIN: self.tr("Blurred: too small or not certain"),
            FORCED: self.tr("Blurred by hand"),
            NOT_A_FACE: self.tr("Not a face (ignored)"),
        }[category]

    def status_name(self, status: str, decision: PhotoDecision | None = None) -> str:
        """The badge's word(s) on a thumbnail."""
        if status == BLURRED and decision is not None:
            return self.tr("%n blurred", "", decision.blurred_count)
        return {
            WAITING: self.tr("Waiting"),
            ANALYSING: self.tr("Analysing…"),
            ALL_CLEAR: self.tr("All clear"),
            BLURRED: self.tr("Faces blurred"),
            LEFT_OUT: self.tr("Left out"),
            ERROR: self.tr("Error"),
        }[status]


_texts: VerdictText | None = None


def texts() -> VerdictText:
    """The shared sentence builder (translations are looked up at each call)."""
    global _texts
    if _texts is None:
        _texts = VerdictText()
    return _texts
