"""Reference faces for the consent register: exactly one face per enrolment photo, encoded.

A reference photo must show the person alone, so the register never learns someone else's face
under their name. Faces much smaller than the largest one are background (a passer-by) and do not
count; the one face left must be big enough, frontal and sharp enough to give a stable encoding
(``core.faces.quality``: a turned or blurred reference drifts towards other people's faces, and
every later face is compared with it).
"""

from __future__ import annotations

from pathlib import Path

from spoenk_publisher.core.faces import Box
from spoenk_publisher.core.faces.detection import detect_faces
from spoenk_publisher.core.faces.encoding import encode_faces_in_photo_with_landmarks
from spoenk_publisher.core.faces.quality import FaceQuality, measure, reference_problem
from spoenk_publisher.core.photos import content_hash, load_for_analysis
from spoenk_publisher.messages import FileError
from spoenk_publisher.register.reference_faces import ReferenceFace

#: Smallest usable reference face (detector box height in full-resolution pixels). Measured
#: 2026-11-25 on 8 photos of 6 people in shared/photos with face_recognition 1.3.0: re-encoding
#: a face shrunk to 80 px (dlib's box) moves its encoding at most 0.11 from the full-size one (at
#: most 0.17 at 60 px, 0.31 at 40 px), well inside the matching tolerance of 0.5. CenterFace's
#: box is 1/0.83 times dlib's (core/faces/encoding.py), so 80 px there is 96 px here.
MIN_REFERENCE_FACE_PX = 96

#: A face less than half the height of the largest face in the photo is background and is not
#: counted; two faces of similar size (a ratio above 0.5) make the photo ambiguous and it is
#: refused. (Rose Leslie's face in kit_with_rose.jpg is 0.7 of Kit Harington's: refused.)
BACKGROUND_FACE_RATIO = 0.5


class EnrolmentError(FileError):
    """A photo that cannot serve as a reference face, with a reason a user can act on."""


class NotExactlyOneFace(EnrolmentError):
    """The photo shows no face, or more than one face of similar size."""

    def __init__(self, path: Path | str, count: int) -> None:
        self.count = count
        code = "enrol.no_face" if count == 0 else "enrol.several_faces"
        super().__init__(path, code, count=count)


class NotAReferenceFace(EnrolmentError):
    """A face that has no encoding (drawn by hand, or too small to encode): it cannot teach
    the app what the person looks like."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(path, "enrol.no_encoding")


class ReferenceFaceTooSmall(EnrolmentError):
    """The one face is too small to give a reliable encoding."""

    def __init__(self, path: Path | str, height: int) -> None:
        self.height = height
        super().__init__(
            path, "enrol.too_small", height=height, needed=MIN_REFERENCE_FACE_PX
        )


class UnreliableReference(EnrolmentError):
    """The one face is turned, tilted or blurred: its encoding cannot be trusted as a reference.

    ``problem`` is "turned", "tilted" or "blurred" (``quality.reference_problem``)."""

    def __init__(self, path: Path | str, problem: str, quality: FaceQuality) -> None:
        self.problem = problem
        self.quality = quality
        super().__init__(path, f"enrol.{problem}")


def reference_face(path: Path | str) -> ReferenceFace:
    """The encoding of the one face in ``path`` and the photo's SHA-256, for ``Register.enrol``.

    Uses the same detector and encoder as analysis, so that a reference and a face in an event
    photo are comparable. Raises ``UnreadablePhoto`` (from ``core.photos``),
    ``NotExactlyOneFace``, ``ReferenceFaceTooSmall`` or ``UnreliableReference``.
    """
    path = Path(path)
    working = load_for_analysis(path)
    boxes = _subject_faces([face.box for face in detect_faces(working, mode="reference")])
    if len(boxes) != 1:
        raise NotExactlyOneFace(path, len(boxes))
    box = boxes[0]
    if box.height < MIN_REFERENCE_FACE_PX:
        raise ReferenceFaceTooSmall(path, box.height)
    found = encode_faces_in_photo_with_landmarks(path, [box], working)[0]
    if found is None:
        raise ReferenceFaceTooSmall(path, box.height)
    quality = measure(found.landmarks, found.chip, box.height)
    problem = reference_problem(quality)
    if problem is not None:
        raise UnreliableReference(path, problem, quality)
    return ReferenceFace(photo_sha256=content_hash(path), encoding=found.encoding)


def _subject_faces(boxes: list[Box]) -> list[Box]:
    if not boxes:
        return []
    largest = max(box.height for box in boxes)
    return [box for box in boxes if box.height >= BACKGROUND_FACE_RATIO * largest]
