"""The register as the review needs it on the UI thread: channels, people, face decisions.

Each call is one short SQLite query or write (a few ms), so it runs on the UI thread; whole
batches of decisions run in ``workers.DecideJob``. Errors are ``RegisterError`` with a readable
sentence for the caller to show.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spoenk_publisher import clock
from spoenk_publisher.core.analysis import PhotoAnalysis
from spoenk_publisher.core.decisions import (
    MANUAL_MATCH_IOU,
    ConsentSnapshot,
    ManualDecision,
    PhotoDecision,
    Policy,
    decide_photo,
)
from spoenk_publisher.core.faces import Box
from spoenk_publisher.register import Channel, Person, Register, RegisterError


@dataclass(frozen=True)
class PersonChoice:
    """A person as the picker lists them, with their consent for the channel today."""

    person: Person
    consent_state: str  # "granted", "refused", "withdrawn", "expired", "none"

    @property
    def may_appear(self) -> bool:
        return self.consent_state == "granted"


class ConsentContext:
    """One open register (UI thread) and a consent snapshot per channel for today."""

    def __init__(self, register_path: Path) -> None:
        self.register_path = register_path
        self.register: Register | None = None
        self.error: str | None = None
        self._snapshots: dict[str, ConsentSnapshot] = {}
        self.reopen()

    def reopen(self) -> None:
        """(Re)open the register; on failure ``error`` says why and everyone is blurred."""
        self.close()
        try:
            self.register = Register.open(self.register_path)
            self.error = None
        except RegisterError as error:
            self.register, self.error = None, str(error)

    def close(self) -> None:
        if self.register is not None:
            self.register.close()
        self.register = None
        self._snapshots.clear()

    @property
    def available(self) -> bool:
        return self.register is not None

    def channels(self) -> list[Channel]:
        return self.register.channels() if self.register else []

    def channel_label(self, name: str) -> str:
        return next((c.label for c in self.channels() if c.name == name), name)

    def forget_snapshots(self) -> None:
        """Read consent again on next use (the register was changed elsewhere)."""
        self._snapshots.clear()

    def snapshot(self, channel: str) -> ConsentSnapshot:
        today = clock.today()
        cached = self._snapshots.get(channel)
        if cached is None or cached.on != today:
            if self.register is None:
                cached = ConsentSnapshot.empty(channel, today)
            else:
                cached = ConsentSnapshot.from_register(self.register, channel, today)
            self._snapshots[channel] = cached
        return cached

    def manual_decisions(self, analysis: PhotoAnalysis) -> list[ManualDecision]:
        return self.register.manual_decisions(analysis.sha256) if self.register else []

    def decide(self, analysis: PhotoAnalysis, channel: str, policy: Policy) -> PhotoDecision:
        return decide_photo(
            analysis.faces, self.snapshot(channel), self.manual_decisions(analysis), policy
        )

    def people(self, channel: str) -> list[PersonChoice]:
        """Everyone active, with their consent state for ``channel`` today."""
        if self.register is None:
            return []
        states = self.snapshot(channel).consent_states
        return [
            PersonChoice(person, states.get(person.id, "none"))
            for person in self.register.people()
            if person.active
        ]

    # -- decisions by hand ------------------------------------------------------------------

    def is_added(self, analysis: PhotoAnalysis, box: Box) -> bool:
        """True for a box the user drew (no detected face under it)."""
        return all(face.box.iou(box) < MANUAL_MATCH_IOU for face in analysis.faces)

    def has_manual(self, analysis: PhotoAnalysis, box: Box) -> bool:
        return any(
            edit.box.iou(box) >= MANUAL_MATCH_IOU for edit in self.manual_decisions(analysis)
        )

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
            if face.box.iou(box) >= MANUAL_MATCH_IOU:
                return face.box
        self._store(analysis, ManualDecision(box, "add"))
        return box

    def undo(self, analysis: PhotoAnalysis, box: Box) -> None:
        self._require().undo_face_decision(analysis.sha256, box)

    def _store(self, analysis: PhotoAnalysis, decision: ManualDecision) -> None:
        self._require().decide_face(analysis.sha256, decision)

    def _require(self) -> Register:
        if self.register is None:
            raise RegisterError(self.error or "the consent register is not available")
        return self.register
