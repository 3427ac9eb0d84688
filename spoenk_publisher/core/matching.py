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
    # An array of ids (ConsentSnapshot.reference_ids) is compared in one go, not id by id:
    # deciding 1,000 photos of 8 faces against 500 people (bench/reopen.py) spent half its time
    # on that comparison as a Python loop.
    ids = np.asarray(reference_person_ids)
    if len(references) != len(ids):
        raise ValueError(f"{len(references)} reference encodings but {len(ids)} person ids")
    if len(references) == 0:
        return Match(None, float("inf"), "unknown")
    difference = references - np.asarray(encoding, dtype=np.float64)
    distances = np.sqrt(np.einsum("ij,ij->i", difference, difference))
    best = int(np.argmin(distances))
    best_person = str(ids[best])
    best_distance = float(distances[best])
    if best_distance > tolerance:
        return Match(None, best_distance, "unknown")
    others = ids != best_person
    if others.any() and float(distances[others].min()) - best_distance < ambiguity_margin:
        return Match(None, best_distance, "ambiguous")
    return Match(best_person, best_distance, "match")


def match_many(
    encodings: np.ndarray,
    reference_encodings: np.ndarray,
    reference_person_ids: Sequence[str] | np.ndarray,
    tolerance: float = DEFAULT_TOLERANCE,
    ambiguity_margin: float = DEFAULT_AMBIGUITY_MARGIN,
    reference_squares: np.ndarray | None = None,
    reference_codes: np.ndarray | None = None,
) -> list[Match]:
    """``match`` for every row of ``encodings`` (N x 128) at once: one matrix product instead
    of N passes over the register (27 faces against 500 people: 2.3 ms -> 0.7 ms, best of 7
    on the shared 2-core machine). ``reference_squares``: the references' squared lengths, when
    the caller keeps them (``ConsentSnapshot``); ``reference_codes``: one integer per person, row
    by row (``np.unique(ids, return_inverse=True)[1]``), likewise."""
    faces = np.asarray(encodings, dtype=np.float64).reshape(-1, 128)
    references = np.asarray(reference_encodings, dtype=np.float64).reshape(-1, 128)
    ids = np.asarray(reference_person_ids)
    if len(references) != len(ids):
        raise ValueError(f"{len(references)} reference encodings but {len(ids)} person ids")
    if len(references) == 0:
        return [Match(None, float("inf"), "unknown") for _ in range(len(faces))]
    if reference_squares is None:
        reference_squares = np.einsum("ij,ij->i", references, references)
    squared = (
        np.einsum("ij,ij->i", faces, faces)[:, None]
        + reference_squares[None, :]
        - 2.0 * faces @ references.T
    )
    distances = np.sqrt(np.maximum(squared, 0.0))
    rows = np.arange(len(faces))
    best = np.argmin(distances, axis=1)
    best_distance = distances[rows, best]
    best_person = ids[best]
    # The nearest reference of anyone else, per face (inf when the register holds one person);
    # people compared as integer codes, not strings.
    codes = (
        reference_codes
        if reference_codes is not None
        else np.unique(ids, return_inverse=True)[1]
    )
    others = codes[None, :] != codes[best][:, None]
    nearest_other = np.where(others, distances, np.inf).min(axis=1)
    found = []
    for person, distance, other in zip(best_person, best_distance, nearest_other, strict=True):
        if distance > tolerance:
            found.append(Match(None, float(distance), "unknown"))
        elif other - distance < ambiguity_margin:
            found.append(Match(None, float(distance), "ambiguous"))
        else:
            found.append(Match(str(person), float(distance), "match"))
    return found


def nearest_per_person(
    encoding: np.ndarray,
    reference_encodings: np.ndarray,
    reference_person_ids: Sequence[str] | np.ndarray,
) -> dict[str, float]:
    """Every person's nearest reference distance to ``encoding``: the order in which the
    review's "Who is this?" lists people for a face (nearest first). Ranks, decides nothing."""
    references = np.asarray(reference_encodings, dtype=np.float64).reshape(-1, 128)
    ids = np.asarray(reference_person_ids)
    if len(references) == 0 or len(references) != len(ids):
        return {}
    difference = references - np.asarray(encoding, dtype=np.float64)
    distances = np.sqrt(np.einsum("ij,ij->i", difference, difference))
    nearest: dict[str, float] = {}
    for person, distance in zip(ids.tolist(), distances.tolist(), strict=True):
        if distance < nearest.get(str(person), float("inf")):
            nearest[str(person)] = float(distance)
    return nearest
