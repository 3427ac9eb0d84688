"""The one place a photo's faces are decided: ``check``, ``export``, the review and the quick
check all ask a ``ReviewSession``, so they cannot disagree.

A decision needs three things besides the photo's analysis: the register's consent for the
channel on the day (a ``ConsentSnapshot``, read once per channel and day), the decisions the
user made by hand about faces in this photo (stored in the register by photo hash, with their
kind: assign, add, not a face, force blur), and the policy (blur or leave out). The rules
themselves are in ``core.decisions``; this module only brings the inputs together, and keeps the
user's edits in the register.

A session holds one open register and belongs to the thread that opened it (SQLite); a job in
another thread opens its own. Without a register (missing, damaged) a session still decides:
nobody has consent, so every face is blurred, and ``error`` says why.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from spoenk_publisher import clock
from spoenk_publisher.base import Box, ManualDecision, same_face
from spoenk_publisher.core.analysis import PhotoAnalysis
from spoenk_publisher.core.decisions import ConsentSnapshot, PhotoDecision, Policy, decide_photo
from spoenk_publisher.core.matching import nearest_per_person
from spoenk_publisher.messages import Message
from spoenk_publisher.register import Channel, Person, ReferenceFace, Register, RegisterError


def decide(
    analysis: PhotoAnalysis,
    snapshot: ConsentSnapshot,
    manual: Sequence[ManualDecision] = (),
    policy: Policy = "blur",
) -> PhotoDecision:
    """Every face of ``analysis`` decided: the register's consent in ``snapshot``, the user's
    ``manual`` decisions, the ``policy``; a file of several frames is never "ok"."""
    return decide_photo(analysis.faces, snapshot, manual, policy, frames=analysis.frames)


def face_reference_id(photo_sha256: str, box: Box) -> str:
    """The id a face from an event photo is kept under as a reference: a group photo holds
    several people's faces, so the photo's hash alone would not tell them apart."""
    text = f"{photo_sha256}:{box.x0},{box.y0},{box.x1},{box.y1}"
    return hashlib.sha256(text.encode("ascii")).hexdigest()


@dataclass(frozen=True)
class PersonChoice:
    """A person as the picker lists them, with their consent for the channel today."""

    person: Person
    consent_state: str  # "granted", "refused", "withdrawn", "expired", "not_yet", "none"
    #: The face being named's distance to this person's nearest reference face (None: no
    #: face was given, it has no encoding, or the person has no reference face).
    distance: float | None = None

    @property
    def may_appear(self) -> bool:
        return self.consent_state == "granted"


class ReviewSession:
    """One open register as deciding needs it: consent per channel for today, the decisions
    made by hand, and the user's edits."""

    def __init__(self, register_path: Path | None) -> None:
        """A session on the register at ``register_path``; never raises: a register that
        cannot be opened gives a session without one (``error`` says why)."""
        self.register_path = Path(register_path) if register_path is not None else None
        self.register: Register | None = None
        #: Why there is no register (then everyone is blurred); None when there is one.
        self.error: Message | None = None
        self._snapshots: dict[str, ConsentSnapshot] = {}
        self.reopen()

    def reopen(self, register_path: Path | None = None) -> None:
        """Open the register again (another one when ``register_path`` is given)."""
        if register_path is not None:
            self.register_path = Path(register_path)
        self.close()
        if self.register_path is None:
            self.error = Message("review.no_register")
            return
        try:
            self.register = Register.open(self.register_path)
            self.error = None
        except RegisterError as error:
            self.error = error.message

    def close(self) -> None:
        if self.register is not None:
            self.register.close()
        self.register = None
        self._snapshots.clear()

    def __enter__(self) -> ReviewSession:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def available(self) -> bool:
        return self.register is not None

    # -- consent ---------------------------------------------------------------------------

    def channels(self) -> list[Channel]:
        return self.register.channels() if self.register else []

    def channel_label(self, name: str) -> str:
        return next((c.label for c in self.channels() if c.name == name), name)

    def snapshot(self, channel: str) -> ConsentSnapshot:
        """Consent for ``channel`` as the register says today (read once per channel and day).

        Raises ``UnknownChannel`` for a channel the register does not have.
        """
        today = clock.today()
        cached = self._snapshots.get(channel)
        if cached is None or cached.on != today:
            if self.register is None:
                cached = ConsentSnapshot.empty(channel, today)
            else:
                cached = ConsentSnapshot.from_register(self.register, channel, today)
            self._snapshots[channel] = cached
        return cached

    def forget_snapshots(self) -> None:
        """Read consent again on next use (the register was changed elsewhere)."""
        self._snapshots.clear()

    def people(
        self, channel: str, analysis: PhotoAnalysis | None = None, box: Box | None = None
    ) -> list[PersonChoice]:
        """Everyone active, with their consent state for ``channel`` today.

        With a face (``analysis`` and its ``box``) the people come nearest first: by the
        distance from the face's encoding to each person's nearest reference face; people
        without a reference face (or all, for a face without encoding) follow by name.
        """
        if self.register is None:
            return []
        snapshot = self.snapshot(channel)
        states = snapshot.consent_states
        nearest: dict[str, float] = {}
        face = None
        if analysis is not None and box is not None:
            face = next((f for f in analysis.faces if same_face(f.box, box)), None)
        if face is not None and face.encoding is not None:
            nearest = nearest_per_person(
                face.encoding, snapshot.reference_encodings, snapshot.reference_ids
            )
        choices = [
            PersonChoice(person, states.get(person.id, "none"), nearest.get(person.id))
            for person in self.register.people()
            if person.active
        ]
        if face is None:
            return choices
        return sorted(
            choices,
            key=lambda c: (
                c.distance is None,
                c.distance or 0.0,
                c.person.name.casefold(),
                c.person.id,
            ),
        )

    # -- deciding --------------------------------------------------------------------------

    def manual_decisions(self, photo_sha256: str) -> list[ManualDecision]:
        return self.register.manual_decisions(photo_sha256) if self.register else []

    def decide(
        self, analysis: PhotoAnalysis, channel: str, policy: Policy = "blur"
    ) -> PhotoDecision:
        """The decision about every face of ``analysis`` for ``channel`` today."""
        return decide(
            analysis, self.snapshot(channel), self.manual_decisions(analysis.sha256), policy
        )

    # -- decisions by hand ------------------------------------------------------------------

    def manual_decision(self, analysis: PhotoAnalysis, box: Box) -> ManualDecision | None:
        """The user's decision about the face at ``box`` (None when there is none)."""
        same = [d for d in self.manual_decisions(analysis.sha256) if same_face(d.box, box)]
        return same[-1] if same else None

    def is_added(self, analysis: PhotoAnalysis, box: Box) -> bool:
        """True for a face the user drew: no face the detector found lies there. (Its decision
        is "add", and stays a drawn face when it is later blurred by hand.)"""
        return not any(same_face(face.box, box) for face in analysis.faces)

    def assign(self, analysis: PhotoAnalysis, box: Box, person_id: str) -> None:
        """Name the face; it stays blurred unless the person's consent allows the channel."""
        kind = "add" if self.is_added(analysis, box) else "assign"
        self._store(analysis, ManualDecision(box, kind, person_id))

    def mark_not_a_face(self, analysis: PhotoAnalysis, box: Box) -> None:
        if self.is_added(analysis, box):
            self.undo(analysis, box)  # a drawn box that is no face is simply removed
        else:
            self._store(analysis, ManualDecision(box, "not_a_face"))

    def force_blur(self, analysis: PhotoAnalysis, box: Box) -> None:
        self._store(analysis, ManualDecision(box, "force_blur"))

    def add_face(self, analysis: PhotoAnalysis, box: Box) -> Box:
        """Add a face the detector missed (blurred as unknown). A box drawn over a detected
        face means that face: its box is returned and nothing is stored."""
        for face in analysis.faces:
            if same_face(face.box, box):
                return face.box
        self._store(analysis, ManualDecision(box, "add"))
        return box

    def keep_as_reference(self, analysis: PhotoAnalysis, box: Box, person_id: str) -> bool:
        """Keep the face at ``box`` (one the user confirmed as ``person_id``) as one of their
        reference faces, as digiKam and Immich learn from confirmed faces. Returns False when
        that face was already one of theirs.

        The face must be large enough for a stable encoding (``MIN_REFERENCE_FACE_PX``) and,
        like every reference, agree with the person's other references and not look more like
        someone else (``Register.enrol``: ``InconsistentReference``); otherwise nothing is
        stored. Raises ``EnrolmentError`` for a face that cannot be a reference.
        """
        from spoenk_publisher.core.enrolment import (
            MIN_REFERENCE_FACE_PX,
            NotAReferenceFace,
            ReferenceFaceTooSmall,
        )

        face = next((f for f in analysis.faces if same_face(f.box, box)), None)
        if face is None or face.encoding is None:
            raise NotAReferenceFace(analysis.path)
        if face.box.height < MIN_REFERENCE_FACE_PX:
            raise ReferenceFaceTooSmall(analysis.path, face.box.height)
        reference = ReferenceFace(face_reference_id(analysis.sha256, face.box), face.encoding)
        return self._require().enrol(person_id, [reference]) > 0

    def undo(self, analysis: PhotoAnalysis, box: Box) -> None:
        self._require().undo_face_decision(analysis.sha256, box)

    def _store(self, analysis: PhotoAnalysis, decision: ManualDecision) -> None:
        self._require().decide_face(analysis.sha256, decision)

    def _require(self) -> Register:
        if self.register is None:
            from spoenk_publisher.register import RegisterUnavailable

            raise RegisterUnavailable("", self.error or Message("review.no_register"))
        return self.register
