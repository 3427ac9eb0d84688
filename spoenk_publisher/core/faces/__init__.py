"""Face detection and encodings.

The value types here are what every other layer passes around. All coordinates are pixels of
the upright, full-resolution photo (see ``core.photos``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spoenk_publisher.base import Box

__all__ = ["MODELS_DIR", "Box", "DetectedFace"]

MODELS_DIR = Path(__file__).with_name("models")


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
