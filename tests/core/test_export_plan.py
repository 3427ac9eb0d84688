"""What an export will do (``core.export_plan``), decided before it starts, and the one rule for a
reviewed photo. Decisions and analyses are built by hand: the plan reads only their fields."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from spoenk_publisher.base import Box
from spoenk_publisher.core.decisions import FaceDecision, PhotoDecision
from spoenk_publisher.core.export_plan import Candidate, is_reviewed, plan_export

KEPT = FaceDecision(Box(0, 0, 50, 50), "keep", "consent", "1", "Sanne", 0.3, "granted")
BLURRED = FaceDecision(Box(60, 0, 110, 50), "blur", "unknown")
BY_HAND = FaceDecision(Box(60, 0, 110, 50), "blur", "forced_blur", manual="force_blur")


def decision(*faces: FaceDecision) -> PhotoDecision:
    verdict = "blur" if any(face.blurred for face in faces) else "ok"
    return PhotoDecision("instagram", faces, verdict)  # type: ignore[arg-type]


def candidate(name: str, *faces: FaceDecision, seen: bool = True, sha: str | None = None):
    path = Path(name)
    analysis = SimpleNamespace(sha256=sha or name, path=path)
    return Candidate(path, analysis, decision(*faces), None, seen)  # type: ignore[arg-type]


def test_reviewed_means_looked_at_or_decided_by_hand():
    assert is_reviewed(True, decision(KEPT))
    assert not is_reviewed(False, decision(KEPT, BLURRED))
    assert is_reviewed(False, decision(KEPT, BY_HAND))  # an edit in the review
    assert not is_reviewed(True, None)  # nothing to look at: not analysed, or unreadable


def test_the_plan_counts_what_will_be_written():
    candidates = [
        candidate("a.jpg", KEPT),
        candidate("b.jpg", KEPT, BLURRED),
        candidate("c.jpg", KEPT, seen=False),
        Candidate(Path("d.jpg"), None, None, "the file is empty"),
        Candidate(Path("e.jpg")),  # not analysed yet
        candidate("f.jpg", KEPT, sha="a.jpg"),  # the same picture as a.jpg
    ]
    decisions = {c.path: c.decision for c in candidates if c.decision is not None}
    plan = plan_export(candidates, decisions, "blur", include_unreviewed=False)
    assert plan.total == 6
    assert plan.reviewed == [Path("a.jpg"), Path("b.jpg"), Path("f.jpg")]
    assert plan.not_reviewed == [Path("c.jpg"), Path("e.jpg")] == plan.left_aside
    assert list(plan.unreadable) == [Path("d.jpg")]
    assert plan.with_blur == [Path("b.jpg")]
    assert plan.copies == [Path("f.jpg")]
    assert plan.to_export == [Path("a.jpg"), Path("b.jpg"), Path("f.jpg")] and plan.files == 2
    assert plan.certain

    # Leaving out photos with a face without consent; and the unreviewed exported too.
    plan = plan_export(candidates, decisions, "exclude", include_unreviewed=True)
    assert list(plan.left_out) == [Path("b.jpg")]
    assert Path("d.jpg") not in plan.requested  # never handed to the export
    assert plan.to_export == [Path("a.jpg"), Path("c.jpg"), Path("e.jpg"), Path("f.jpg")]
    assert not plan.certain  # e.jpg is analysed by the export: it may still be left out
