"""Face detection and encodings.

The value types here are what every other layer passes around. All coordinates are pixels of
the upright, full-resolution photo (see ``core.photos``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MODELS_DIR = Path(__file__).with_name("models")


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


#: What a detection is: "face" (the detector is sure, or a second look agreed) or "possible"
#: (a weak detection nothing else supports: still covered, but shown for a person to dismiss).
FACE = "face"
POSSIBLE = "possible"


@dataclass(frozen=True)
class DetectedFace:
    """One face found in a photo: where, how sure the detector is, and which detector.

    ``kind`` is ``"face"`` or ``"possible"`` (see ``core.faces.detection``); a possible face
    is never dropped: default deny covers it like any other face.
    """

    box: Box
    score: float
    source: str  # "centerface", "hog", "manual", ...
    kind: str = FACE
