"""Verdicts, face labels and badge names as a teacher reads them, and the colours that go
with them.

A verdict and a face's reason are the catalogue's sentences (``messages.verdicts``), the same as
``check`` prints, in the app's language; a new reason needs only its ``face.<reason>`` sentence
there (and falls into the "uncertain" colour until it gets a category here).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from spoenk_publisher.core.decisions import FaceDecision, PhotoDecision
from spoenk_publisher.messages import Message, text, verdicts

# -- what a face's box looks like ---------------------------------------------------------------

#: A face decision's category: one colour and one legend line each. POSSIBLE: a weak detection
#: nobody has looked at yet (blurred, drawn dashed and muted, for a person to confirm or remove).
KEPT, NO_CONSENT, UNKNOWN, UNCERTAIN, FORCED, POSSIBLE, NOT_A_FACE = (
    "kept",
    "no_consent",
    "unknown",
    "uncertain",
    "forced",
    "possible",
    "not_a_face",
)
CATEGORIES = (KEPT, NO_CONSENT, UNKNOWN, UNCERTAIN, FORCED, POSSIBLE, NOT_A_FACE)
#: Drawn with a dashed line.
DASHED_CATEGORIES = (POSSIBLE, NOT_A_FACE)

CATEGORY_COLOURS: dict[str, QColor] = {
    KEPT: QColor("#1e9e4a"),  # green
    NO_CONSENT: QColor("#e0282e"),  # red
    UNKNOWN: QColor("#f08c00"),  # orange
    UNCERTAIN: QColor("#8f5bd6"),  # purple
    FORCED: QColor("#7d0f1c"),  # dark red
    POSSIBLE: QColor("#d8c690"),  # muted sand, drawn dashed
    NOT_A_FACE: QColor("#8a9099"),  # grey, drawn dashed
}


def is_open_possible(face: FaceDecision) -> bool:
    """A weak detection ("possible" face) that is blurred and nobody has decided about yet:
    the review asks a person to confirm it or remove it."""
    return face.kind == "possible" and face.manual is None and face.action == "blur"


def face_category(face: FaceDecision) -> str:
    if face.action == "ignore":
        return NOT_A_FACE
    if face.action == "keep":
        return KEPT
    if is_open_possible(face):
        return POSSIBLE
    return {
        "no_consent": NO_CONSENT,
        "unknown": UNKNOWN,
        "forced_blur": FORCED,
    }.get(face.reason, UNCERTAIN)  # too_small, unreliable, ambiguous


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
    """Every sentence about a verdict. What a face's decision says (the verdict line, a face's
    reason and its label) comes from the catalogue (``messages.verdicts``), as on the command
    line; the legend's and the badges' words are the window's own, through ``tr()`` (context
    "VerdictText")."""

    def face_reason(self, face: FaceDecision, channel: str) -> str:
        """ "J. de Vries (no consent for Instagram)", "unknown", "too small to recognise"."""
        return text(verdicts.face_reason(face, channel))

    def sentence(self, decision: PhotoDecision, channel: str) -> str:
        """The verdict in one line: "May be published" or "2 faces will be blurred: …"."""
        return verdicts.verdict_sentence(decision, channel)

    def error_sentence(self, reason: Message | str) -> str:
        return text(Message("verdict.cannot_check", why=reason))

    def face_label(self, face: FaceDecision, channel: str) -> tuple[str, str]:
        """Two lines beside a face's box: who, and what happens to the face and why."""
        category = face_category(face)
        if category == NOT_A_FACE:
            return text(Message("label.not_a_face")), text(Message("label.ignored"))
        if category == POSSIBLE:
            return text(Message("label.possible")), text(Message("label.possible_hint"))
        who = face.name or face.person_id or text(Message("label.unknown_person"))
        if face.manual:
            who = text(Message("label.by_hand", name=who))
        if category in (KEPT, NO_CONSENT):
            code = "label.shown" if category == KEPT else "label.blurred"
            return who, text(Message(code, why=verdicts.consent_reason(face, channel)))
        if face.reason == "unknown":
            return who, text(Message("label.not_recognised"))
        return who, text(Message("label.blurred", why=verdicts.face_reason(face, channel)))

    def category_name(self, category: str) -> str:
        """The legend's line for a colour."""
        return {
            KEPT: self.tr("Shown: consent for this channel"),
            NO_CONSENT: self.tr("Blurred: no consent"),
            UNKNOWN: self.tr("Blurred: unknown"),
            UNCERTAIN: self.tr("Blurred: too small or not certain"),
            FORCED: self.tr("Blurred by hand"),
            POSSIBLE: self.tr("Possible face: blurred until checked"),
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
