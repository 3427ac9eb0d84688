"""The vocabulary every layer shares: a face's box, a decision made by hand, and when two boxes
are the same face. Imports nothing of the app, so the register, the core, the CLI and the GUI
can all use it without depending on each other.

All coordinates are pixels of the upright, full-resolution photo (see ``core.photos``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, order=True)
class Box:
    """An axis-aligned box ``[x0, x1) x [y0, y1)`` in upright full-resolution pixels."""

    x0: int
    y0: int
    x1: int
    y1: int

    @property
    def width(self) -> int:
        return self.x1 - self.x0

    @property
    def height(self) -> int:
        return self.y1 - self.y0

    def as_list(self) -> list[int]:
        return [self.x0, self.y0, self.x1, self.y1]

    def iou(self, other: Box) -> float:
        """Intersection over union with ``other`` (0 when they do not overlap)."""
        ix = max(0, min(self.x1, other.x1) - max(self.x0, other.x0))
        iy = max(0, min(self.y1, other.y1) - max(self.y0, other.y0))
        inter = ix * iy
        union = self.width * self.height + other.width * other.height - inter
        return inter / union if union > 0 else 0.0


#: Two boxes this much overlapping are the same face: a decision made by hand applies to that
#: detected face, replaces an earlier decision about it, and the review selects it. Detection
#: boxes of one face in two runs overlap 0.8 or more; two neighbouring faces in a class photo
#: overlap less than 0.2 (tests/data/groups/*.jpg), so 0.5 lies well between.
SAME_FACE_IOU = 0.5


def same_face(a: Box, b: Box) -> bool:
    """Do boxes ``a`` and ``b`` show the same face?"""
    return a.iou(b) >= SAME_FACE_IOU


#: "assign": this face is ``person_id``; "add": a face the detector missed (drawn by hand,
#: blurred unless assigned to a consenting person); "not_a_face": a false detection, ignored;
#: "force_blur": always blurred, whoever it is.
ManualKind = Literal["assign", "add", "not_a_face", "force_blur"]
MANUAL_KINDS: tuple[ManualKind, ...] = ("assign", "add", "not_a_face", "force_blur")


@dataclass(frozen=True)
class ManualDecision:
    """A user's decision about one face in one photo, stored per photo hash.

    ``box`` identifies the face (a detected box, matched with ``same_face``, or a box the user
    drew). A decision never keeps a face the register does not allow.
    """

    box: Box
    kind: ManualKind
    person_id: str | None = None
