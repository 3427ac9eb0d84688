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


@dataclass(frozen=True)
class DetectedFace:
    """One face found in a photo: where, how sure the detector is, and which detector."""

    box: Box
    score: float
    source: str  # "centerface", "hog", "manual", ...
