"""Who a face is: the nearest reference face in the consent register, or nobody.

Default deny: a face is a person only when that person's nearest reference is within the
tolerance and clearly nearer than any other person's. Everything else is unknown (blurred).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

#: Largest encoding distance accepted as the same person. bench/matching.py on the shared photos
#: (adults): 0 false accepts in 179 different-person pairs at 0.5 (nearest 0.70), 0 false
#: rejects; at 0.45 11/12 probes still recognised (3/31 same-person pairs rejected). dlib's
#: encoder was trained on adults and children's faces lie closer together, so the default is
#: one step stricter than the adult figures need: a consenting pupil blurred is the cheap error.
DEFAULT_TOLERANCE = 0.45

#: A face is ambiguous (unknown) when another person's nearest reference is less than this
#: further away than the best one: about one standard deviation (0.094, bench/matching.py) of
#: the distance between two photos of the same person, so the order of the two is noise.
#: Enrolled adults in the shared photos are at least 0.33 apart this way.
DEFAULT_AMBIGUITY_MARGIN = 0.1

MatchReason = Literal["match", "unknown", "ambiguous"]


@dataclass(frozen=True)
class Match:
    """The outcome for one face: ``person_id`` is set only when ``reason`` is "match".

    ``distance`` is the distance to the nearest reference (``inf`` with an empty register).
    """

    person_id: str | None
    distance: float
    reason: MatchReason


def match(
    encoding: np.ndarray,
    reference_encodings: np.ndarray,
    reference_person_ids: Sequence[str],
    tolerance: float = DEFAULT_TOLERANCE,
    ambiguity_margin: float = DEFAULT_AMBIGUITY_MARGIN,
) -> Match:
    """The register's person for ``encoding``, or why there is none.

    ``reference_encodings`` is N x 128, one row per reference photo; row i belongs to
    ``reference_person_ids[i]`` (a person may have several rows).
    """
    references = np.asarray(reference_encodings, dtype=np.float64).reshape(-1, 128)
    if len(references) != len(reference_person_ids):
        raise ValueError(
            f"{len(references)} reference encodings but {len(reference_person_ids)} person ids"
        )
    if len(references) == 0:
        return Match(None, float("inf"), "unknown")
    distances = np.linalg.norm(references - np.asarray(encoding, dtype=np.float64), axis=1)
    best = int(np.argmin(distances))
    best_person = reference_person_ids[best]
    best_distance = float(distances[best])
    if best_distance > tolerance:
        return Match(None, best_distance, "unknown")
    others = np.array([pid != best_person for pid in reference_person_ids], dtype=bool)
    if others.any() and float(distances[others].min()) - best_distance < ambiguity_margin:
        return Match(None, best_distance, "ambiguous")
    return Match(best_person, best_distance, "match")
