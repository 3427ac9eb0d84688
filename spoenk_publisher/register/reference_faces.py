"""Reference faces: the face encodings a person is recognised by, and nothing more.

Only the 128 numbers of each encoding and the SHA-256 of the photo they came from are stored;
never the photo, its path or its name.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sqlite_utils import Database

from spoenk_publisher.register.db import utc_timestamp
from spoenk_publisher.register.errors import (
    InconsistentReference,
    InvalidRecord,
    PhotoEnrolledForOtherPerson,
)

#: Length of a face encoding (dlib's ResNet face descriptor).
ENCODING_SIZE = 128

#: A person's reference faces must agree with each other: a new one must lie this close to the
#: nearest of the person's other references... bench/matching.py (shared photos, 7 adults):
#: two photos of one person lie 0.36 apart on average (sd 0.09, at most 0.46); two people at
#: least 0.70. 0.5 accepts every same-person pair measured and refuses a photo of someone else
#: (a wrong file, a sibling) before it can make their face "known" under this name.
REFERENCE_AGREEMENT = 0.5
#: ...and no further than this from any of them (no chain of small steps to another face).
REFERENCE_SPREAD = 0.6
#: A new reference must also be clearly nearer to the person's own references than to anyone
#: else's, by the matching's ambiguity margin (core.matching: 0.1); without own references it
#: must not lie within the matching tolerance (0.45) of another person, or that person's face
#: would be recognised under two names.
REFERENCE_MARGIN = 0.1
REFERENCE_OTHER_TOLERANCE = 0.45

_STORED_DTYPE = np.dtype("<f8")


@dataclass(frozen=True, eq=False)
class ReferenceFace:
    """One enrolment photo's face: its encoding (128 float64) and the photo's SHA-256."""

    photo_sha256: str
    encoding: np.ndarray


def encoding_bytes(encoding: np.ndarray) -> bytes:
    """An encoding as stored: 128 little-endian float64, 1024 bytes."""
    array = np.asarray(encoding, dtype=np.float64)
    if array.shape != (ENCODING_SIZE,) or not np.all(np.isfinite(array)):
        raise InvalidRecord("register.bad_encoding", size=ENCODING_SIZE)
    return array.astype(_STORED_DTYPE).tobytes()


def check_consistency(db: Database, person_id: str, faces: list[ReferenceFace]) -> None:
    """Refuse (``InconsistentReference``) a new reference that does not agree with the
    person's other references (existing ones and the others of this batch), or that lies
    nearer to someone else's. Photos already stored for this person are not re-checked."""
    for face in faces:  # a photo of someone else's: the more precise refusal comes first
        owner = db.conn.execute(
            "SELECT person_id FROM reference_faces WHERE photo_sha256 = ?", (face.photo_sha256,)
        ).fetchone()
        if owner is not None and owner[0] != person_id:
            raise PhotoEnrolledForOtherPerson(face.photo_sha256, person_id, owner[0])
    encodings, owners = all_encodings(db)
    own = encodings[[i for i, owner in enumerate(owners) if owner == person_id]]
    others = [(owner, encodings[i]) for i, owner in enumerate(owners) if owner != person_id]
    known = {
        row[0]
        for row in db.conn.execute(
            "SELECT photo_sha256 FROM reference_faces WHERE person_id = ?", (person_id,)
        )
    }
    new = [face for face in faces if face.photo_sha256 not in known]
    for index, face in enumerate(new):
        encoding = np.asarray(face.encoding, dtype=np.float64)
        batch = [np.asarray(f.encoding, dtype=np.float64) for j, f in enumerate(new) if j != index]
        mine = np.vstack([own, *batch]) if len(own) or batch else np.empty((0, ENCODING_SIZE))
        if len(mine):
            distances = np.linalg.norm(mine - encoding, axis=1)
            nearest, farthest = float(distances.min()), float(distances.max())
            if nearest > REFERENCE_AGREEMENT or farthest > REFERENCE_SPREAD:
                raise InconsistentReference(
                    "register.reference_disagrees",
                    id=person_id,
                    sha=face.photo_sha256[:12],
                    distance=round(farthest if nearest <= REFERENCE_AGREEMENT else nearest, 2),
                )
        if others:
            other_id, other_distance = min(
                ((owner, float(np.linalg.norm(vector - encoding))) for owner, vector in others),
                key=lambda pair: pair[1],
            )
            limit = (
                float(np.linalg.norm(mine - encoding, axis=1).min()) + REFERENCE_MARGIN
                if len(mine)
                else REFERENCE_OTHER_TOLERANCE
            )
            if other_distance <= limit:
                raise InconsistentReference(
                    "register.reference_is_other",
                    id=person_id,
                    other=other_id,
                    sha=face.photo_sha256[:12],
                    distance=round(other_distance, 2),
                )


def insert_reference_face(db: Database, person_id: str, face: ReferenceFace) -> bool:
    """Store ``face`` for ``person_id``; False if that photo is already one of theirs."""
    owner = db.conn.execute(
        "SELECT person_id FROM reference_faces WHERE photo_sha256 = ?", (face.photo_sha256,)
    ).fetchone()
    if owner is not None:
        if owner[0] == person_id:
            return False
        raise PhotoEnrolledForOtherPerson(face.photo_sha256, person_id, owner[0])
    db.conn.execute(
        "INSERT INTO reference_faces (person_id, photo_sha256, encoding, created_at)"
        " VALUES (?, ?, ?, ?)",
        (person_id, face.photo_sha256, encoding_bytes(face.encoding), utc_timestamp()),
    )
    return True


def all_encodings(db: Database) -> tuple[np.ndarray, list[str]]:
    """Every reference encoding (N x 128 float64) and the person id of each row."""
    rows = db.conn.execute(
        "SELECT person_id, encoding FROM reference_faces ORDER BY person_id, id"
    ).fetchall()
    if not rows:
        return np.empty((0, ENCODING_SIZE), dtype=np.float64), []
    encodings = np.vstack(
        [np.frombuffer(blob, dtype=_STORED_DTYPE).astype(np.float64) for _, blob in rows]
    )
    return encodings, [person_id for person_id, _ in rows]


def count_reference_faces(db: Database, person_id: str | None = None) -> int:
    """How many reference faces one person (or everyone) has."""
    if person_id is None:
        return db.conn.execute("SELECT COUNT(*) FROM reference_faces").fetchone()[0]
    return db.conn.execute(
        "SELECT COUNT(*) FROM reference_faces WHERE person_id = ?", (person_id,)
    ).fetchone()[0]


def reference_face_counts(db: Database) -> dict[str, int]:
    """Number of reference faces per person id (people without any are left out)."""
    rows = db.conn.execute(
        "SELECT person_id, COUNT(*) FROM reference_faces GROUP BY person_id"
    ).fetchall()
    return {person_id: count for person_id, count in rows}
