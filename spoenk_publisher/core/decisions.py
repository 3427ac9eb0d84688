"""Per face, per channel: keep or blur, and why. Default deny.

A face is kept unblurred only when it is confidently matched, with a reliable encoding, to a
person whose consent for the channel is valid on the day; every other outcome (no consent,
unknown, ambiguous, too small, unreliable, forced) is a blur. The tolerance tightens as a face's
quality drops (``core.faces.quality``), and one person is shown at most once per photo.
Manual decisions can add faces, name faces or force a blur, but never keep a face the register
does not allow.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal, Protocol

import numpy as np

from spoenk_publisher.base import Box, ManualDecision, ManualKind, same_face
from spoenk_publisher.core.faces import POSSIBLE
from spoenk_publisher.core.faces.quality import FaceQuality, tolerance_for
from spoenk_publisher.core.matching import (
    DEFAULT_AMBIGUITY_MARGIN,
    DEFAULT_TOLERANCE,
    Match,
    match,
    match_many,
)

Action = Literal["keep", "blur", "ignore"]
#: Why a face is kept or blurred; the UI and the CLI turn these into sentences.
Reason = Literal[
    "consent",  # matched, and the register allows this channel today: kept
    "no_consent",  # matched, but no valid consent for this channel today
    "unknown",  # nobody in the register is close enough
    "ambiguous",  # two people nearly equally close
    "too_small",  # too small to recognise reliably
    "unreliable",  # too turned, blurred or small in detail for its encoding to be trusted
    "forced_blur",  # a user chose to blur it
    "not_a_face",  # a user marked the detection as not a face: ignored
]
#: "export_only": nothing to blur in the first frame of a file with several frames (an animation,
#: pages): only the first frame was checked and only it is exported, so the original must not be
#: published.
Verdict = Literal["ok", "blur", "exclude", "export_only"]
Policy = Literal["blur", "exclude"]


@dataclass(frozen=True)
class AnalysedFace:
    """A detected face with its encoding (``None``: too small to encode reliably) and how far
    that encoding can be trusted (``None`` with an encoding: unknown, so never recognised).

    ``kind`` is "face" or "possible" (a weak detection no second look supported, see
    ``core.faces.detection``); it is decided like any other face, so default deny covers it.
    """

    box: Box
    score: float
    encoding: np.ndarray | None = field(default=None, compare=False, repr=False)
    source: str = "centerface"
    kind: str = "face"
    quality: FaceQuality | None = field(default=None, compare=False)


class ConsentSource(Protocol):
    """The part of the consent register that decisions read (``register.Register`` fits)."""

    def reference_encodings(self) -> tuple[np.ndarray, list[str]]: ...

    def consent_statuses(self, channel: str, on: date) -> Mapping[str, Any]: ...

    def people(self) -> Sequence[Any]: ...


@dataclass(frozen=True)
class ConsentSnapshot:
    """What decisions need from the register for one channel on one day.

    Taking a snapshot once per batch keeps decisions pure and cheap: a change in the register
    means a new snapshot and new decisions, never a new detection.
    """

    channel: str
    on: date
    reference_encodings: np.ndarray  # N x 128
    reference_person_ids: tuple[str, ...]
    names: Mapping[str, str]
    #: person id -> consent state for the channel on the day ("granted", "refused",
    #: "withdrawn", "expired", "none"); a person missing here has no consent.
    consent_states: Mapping[str, str]

    def may_appear(self, person_id: str) -> bool:
        return self.consent_states.get(person_id) == "granted"

    @functools.cached_property
    def reference_squares(self) -> np.ndarray:
        """The reference encodings' squared lengths, made once (``matching.match_many``)."""
        return np.einsum("ij,ij->i", self.reference_encodings, self.reference_encodings)

    @functools.cached_property
    def reference_ids(self) -> np.ndarray:
        """``reference_person_ids`` as an array, made once (matching compares it per face)."""
        return np.asarray(self.reference_person_ids, dtype=str)

    @functools.cached_property
    def reference_codes(self) -> np.ndarray:
        """One integer per person, row by row (``matching.match_many`` compares these)."""
        return np.unique(self.reference_ids, return_inverse=True)[1]

    @classmethod
    def empty(cls, channel: str, on: date) -> ConsentSnapshot:
        return cls(channel, on, np.zeros((0, 128)), (), {}, {})

    @classmethod
    def from_register(cls, register: ConsentSource, channel: str, on: date) -> ConsentSnapshot:
        """Read references, names and every person's consent state for ``channel`` on ``on``."""
        encodings, person_ids = register.reference_encodings()
        states = {
            person_id: str(getattr(status.state, "value", status.state))
            for person_id, status in register.consent_statuses(channel, on).items()
        }
        names = {person.id: person.name for person in register.people()}
        return cls(
            channel, on, np.asarray(encodings).reshape(-1, 128), tuple(person_ids), names, states
        )


@dataclass(frozen=True)
class FaceDecision:
    box: Box
    action: Action
    reason: Reason
    person_id: str | None = None
    name: str | None = None
    distance: float | None = None
    consent_state: str | None = None  # the matched person's state for the channel
    #: The kind of the user's decision about this face (None: decided by the register alone).
    manual: ManualKind | None = None
    #: "face", or "possible": a weak detection no second look supported (see ``AnalysedFace``).
    kind: str = "face"

    @property
    def blurred(self) -> bool:
        return self.action == "blur"


@dataclass(frozen=True)
class PhotoDecision:
    channel: str
    faces: tuple[FaceDecision, ...]
    verdict: Verdict
    #: Frames in the file; only the first was checked (see ``Verdict``).
    frames: int = 1

    @property
    def blurred_count(self) -> int:
        return sum(face.blurred for face in self.faces)

    @property
    def people_shown(self) -> tuple[str, ...]:
        """Ids of the people who appear unblurred."""
        return tuple(f.person_id for f in self.faces if f.action == "keep" and f.person_id)


def decide_face(
    face: AnalysedFace,
    snapshot: ConsentSnapshot,
    tolerance: float = DEFAULT_TOLERANCE,
    ambiguity_margin: float = DEFAULT_AMBIGUITY_MARGIN,
    found: Match | None = None,
) -> FaceDecision:
    """Keep only a confident match with valid consent; everything else is blurred.

    ``tolerance`` applies to a face of good quality; a fair one gets a stricter tolerance and a
    poor one (or one whose quality is unknown), like a "possible" face, is not recognised at
    all: "unreliable".
    ``found`` is the face's match when it was made already (``decide_photo`` matches all of a
    photo's faces at once, at ``tolerance``).
    """
    if face.encoding is None:
        return FaceDecision(face.box, "blur", "too_small", kind=face.kind)
    limit = tolerance_for(face.quality, tolerance)
    if limit is None or face.kind == POSSIBLE:
        # A possible face (a weak detection no second look supported) is never recognised on
        # its own: it stays covered until a person names it (issue 13.6).
        return FaceDecision(face.box, "blur", "unreliable", kind=face.kind)
    if found is None:
        found = match(
            face.encoding,
            snapshot.reference_encodings,
            snapshot.reference_ids,
            tolerance=limit,
            ambiguity_margin=ambiguity_margin,
        )
    elif found.distance > limit:  # as ``match`` at this face's own (stricter) tolerance
        found = Match(None, found.distance, "unknown")
    if found.person_id is None:
        return FaceDecision(
            face.box, "blur", found.reason, distance=found.distance, kind=face.kind
        )
    return _consent_decision(
        face.box, found.person_id, snapshot, distance=found.distance, kind=face.kind
    )


def decide_photo(
    faces: Sequence[AnalysedFace],
    snapshot: ConsentSnapshot,
    manual: Sequence[ManualDecision] = (),
    policy: Policy = "blur",
    tolerance: float = DEFAULT_TOLERANCE,
    ambiguity_margin: float = DEFAULT_AMBIGUITY_MARGIN,
    frames: int = 1,
) -> PhotoDecision:
    """Decisions for every face of a photo, with the user's manual decisions applied.

    A file of several ``frames`` is never "ok": only its first frame was analysed. One person is
    shown at most once (``once_per_photo``).
    """
    encoded = [face for face in faces if face.encoding is not None]
    matches = dict(
        zip(
            map(id, encoded),
            match_many(
                np.array([face.encoding for face in encoded]).reshape(-1, 128),
                snapshot.reference_encodings,
                snapshot.reference_ids,
                tolerance,
                ambiguity_margin,
                snapshot.reference_squares,
                snapshot.reference_codes,
            ),
            strict=True,
        )
    )
    decisions = [
        decide_face(face, snapshot, tolerance, ambiguity_margin, matches.get(id(face)))
        for face in faces
    ]
    # How strong each automatic match is: its distance as a share of its own tolerance, so that
    # at the same distance a lower-quality face (a stricter tolerance) is the weaker one.
    strength: dict[int, float] = {}
    for index, (face, decision) in enumerate(zip(faces, decisions, strict=True)):
        limit = tolerance_for(face.quality, tolerance)
        if decision.person_id is not None and decision.distance is not None and limit:
            strength[index] = decision.distance / limit
    named_by_hand: dict[int, int] = {}  # decision index -> place of the naming in ``manual``
    for order, edit in enumerate(manual):
        if edit.kind == "add":
            if edit.person_id:
                decisions.append(
                    _consent_decision(edit.box, edit.person_id, snapshot, manual="add")
                )
                named_by_hand[len(decisions) - 1] = order
            else:
                decisions.append(FaceDecision(edit.box, "blur", "unknown", manual="add"))
            continue
        index = _overlapping(decisions, edit.box)
        if index is None:
            # The face it named is gone (e.g. detection changed): treat the box as a face.
            decisions.append(FaceDecision(edit.box, "blur", "forced_blur", manual=edit.kind))
            continue
        current = decisions[index]
        decisions[index] = replace(_edited(current, edit, snapshot), kind=current.kind)
        if edit.kind == "assign" and edit.person_id:
            named_by_hand[index] = order
    decisions = once_per_photo(decisions, strength, named_by_hand)
    any_blur = any(decision.blurred for decision in decisions)
    verdict: Verdict = "ok" if not any_blur else ("exclude" if policy == "exclude" else "blur")
    if verdict == "ok" and frames > 1:
        verdict = "export_only"
    return PhotoDecision(snapshot.channel, tuple(decisions), verdict, frames)


def _edited(current: FaceDecision, edit: ManualDecision, snapshot: ConsentSnapshot) -> FaceDecision:
    """``current`` (a detected face's decision) as the user's ``edit`` changes it."""
    if edit.kind == "not_a_face":
        return FaceDecision(current.box, "ignore", "not_a_face", manual=edit.kind)
    if edit.kind == "force_blur":
        return FaceDecision(
            current.box, "blur", "forced_blur", current.person_id, current.name,
            manual=edit.kind,
        )  # fmt: skip
    if edit.kind == "assign" and edit.person_id:
        return _consent_decision(current.box, edit.person_id, snapshot, manual=edit.kind)
    return current


def once_per_photo(
    decisions: Sequence[FaceDecision],
    strength: Mapping[int, float],
    named_by_hand: Mapping[int, int],
) -> list[FaceDecision]:
    """One person appears at most once in a photo; every other face given to them is blurred.

    When two faces of one photo are both someone's, at least one of them is somebody else (a
    look-alike, a sibling, an encoding that drifted), so both are looked at again. The face that
    stays that person's is:

    1. the face the user named as that person by hand, the last one named if there are several
       (a user who names Sanne on a second face has changed their mind about the first);
    2. otherwise the automatic match that is strongest: the smallest distance as a share of the
       face's own tolerance (``strength``: at the same distance a lower-quality face, with its
       stricter tolerance, is weaker); on a tie the first face.

    Every other face matched or named as that person is blurred as "ambiguous" (a hand-named
    one keeps ``manual``). Faces of other people, unknown faces and blurs by hand are untouched;
    the check is on all the person's faces, kept or not, so a blurred "no consent" match still
    wins over a weaker one.
    """
    result = list(decisions)
    faces_of: dict[str, list[int]] = {}
    for index, decision in enumerate(decisions):
        if decision.person_id and decision.reason in ("consent", "no_consent"):
            faces_of.setdefault(decision.person_id, []).append(index)
    for indices in faces_of.values():
        if len(indices) < 2:
            continue
        by_hand = [index for index in indices if index in named_by_hand]
        if by_hand:
            winner = max(by_hand, key=lambda index: named_by_hand[index])
        else:
            winner = min(indices, key=lambda index: (strength.get(index, float("inf")), index))
        for index in indices:
            if index != winner:
                loser = decisions[index]
                result[index] = FaceDecision(
                    loser.box,
                    "blur",
                    "ambiguous",
                    distance=loser.distance,
                    manual=loser.manual,
                    kind=loser.kind,
                )
    return result


def _consent_decision(
    box: Box,
    person_id: str,
    snapshot: ConsentSnapshot,
    distance: float | None = None,
    manual: ManualKind | None = None,
    kind: str = "face",
) -> FaceDecision:
    state = snapshot.consent_states.get(person_id, "none")
    name = snapshot.names.get(person_id)
    allowed = snapshot.may_appear(person_id)
    action, reason = ("keep", "consent") if allowed else ("blur", "no_consent")
    return FaceDecision(box, action, reason, person_id, name, distance, state, manual, kind)


def _overlapping(decisions: Sequence[FaceDecision], box: Box) -> int | None:
    """The decision about the same face as ``box`` (the most overlapping one), if any."""
    same = [index for index, decision in enumerate(decisions) if same_face(decision.box, box)]
    return max(same, key=lambda index: decisions[index].box.iou(box), default=None)
