"""Reference faces: the face encodings a person is recognised by, and nothing more.

Only the 128 numbers of each encoding and the SHA-256 of the photo they came from are stored;
never the photo, its path or its name.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sqlite_utils import Database

from spoenk_publisher.register.db import utc_timestamp
from spoenk_publisher.register.errors import InvalidRecord, PhotoEnrolledForOtherPerson

#: Length of a face encoding (dlib's ResNet face descriptor).
ENCODING_SIZE = 128

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
        raise InvalidRecord(
            f"a face encoding is {ENCODING_SIZE} finite numbers (got shape {array.shape})"
        )
    return array.astype(_STORED_DTYPE).tobytes()


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
