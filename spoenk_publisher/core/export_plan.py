"""What an export will do, before it starts: which photos go out, which are left out and why;
and the one rule for what counts as a reviewed photo (``is_reviewed``).

The export dialog states it exactly (issue 13): how many photos, how many nobody has reviewed
yet, how many cannot be read, how many the policy leaves out, and so how many will be written.
The dialog only shows a plan, and hands ``ExportPlan.requested`` to the export.

A photo nobody has reviewed is exported only when the user chose so (``include_unreviewed``);
a photo that cannot be read is never handed to the export (it would fail again); a photo not
analysed yet is analysed by the export itself, so whether it is left out is known only then
(``ExportPlan.certain`` is False).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from spoenk_publisher.core.analysis import PhotoAnalysis
from spoenk_publisher.core.decisions import PhotoDecision, Policy


def is_reviewed(seen: bool, decision: PhotoDecision | None) -> bool:
    """A photo counts as reviewed once a person has looked at it: ``seen`` (shown large with its
    faces and verdict, in the review or a quick check; the GUI says when), or one of its faces
    was decided by hand (kept in the register, so still reviewed when the event is opened
    again). A photo without a decision (not analysed, unreadable) is never reviewed."""
    if decision is None:
        return False
    return seen or any(face.manual for face in decision.faces)


@dataclass(frozen=True)
class Candidate:
    """One photo of the event as the window knows it when the export dialog opens."""

    path: Path
    analysis: PhotoAnalysis | None = None
    #: its decision for the window's channel (None: not analysed yet)
    decision: PhotoDecision | None = None
    #: why it cannot be read or analysed (a sentence), None when it can
    error: str | None = None
    #: a person has looked at it (see ``is_reviewed``)
    seen: bool = False


@dataclass
class ExportPlan:
    """The photos of an export, sorted by what will happen to them."""

    total: int = 0
    #: path -> why it cannot be read: never exported
    unreadable: dict[Path, str] = field(default_factory=dict)
    #: analysed and looked at
    reviewed: list[Path] = field(default_factory=list)
    #: analysed, but nobody has looked at them
    unreviewed: list[Path] = field(default_factory=list)
    #: not analysed yet (so not looked at either): the export analyses them
    unanalysed: list[Path] = field(default_factory=list)
    #: exported only when the user chose so
    include_unreviewed: bool = False
    #: among the photos handed to the export, those the policy leaves out, with the decision
    left_out: dict[Path, PhotoDecision] = field(default_factory=dict)
    #: among the photos handed to the export, those with faces blurred
    with_blur: list[Path] = field(default_factory=list)

    @property
    def not_reviewed(self) -> list[Path]:
        """Every photo nobody has looked at: analysed or not."""
        return self.unreviewed + self.unanalysed

    @property
    def requested(self) -> list[Path]:
        """What is handed to the export: the reviewed photos, and the others when chosen."""
        chosen = set(self.reviewed)
        if self.include_unreviewed:
            chosen.update(self.not_reviewed)
        return [path for path in self._order if path in chosen]

    @property
    def to_export(self) -> list[Path]:
        """The photos that will be written (at most, while some are not analysed yet)."""
        return [path for path in self.requested if path not in self.left_out]

    @property
    def copies(self) -> list[Path]:
        """Photos to export with the same content as one before them: the export writes the
        picture once (both get a row in the manifest)."""
        seen: set[str] = set()
        found: list[Path] = []
        for path in self.to_export:
            sha256 = self._sha256.get(path)
            if sha256 is None:
                continue
            if sha256 in seen:
                found.append(path)
            seen.add(sha256)
        return found

    @property
    def files(self) -> int:
        """How many files the export writes (at most, while some are not analysed yet)."""
        return len(self.to_export) - len(self.copies)

    @property
    def left_aside(self) -> list[Path]:
        """Photos not handed to the export because nobody has reviewed them."""
        return [] if self.include_unreviewed else self.not_reviewed

    @property
    def certain(self) -> bool:
        """True when every photo handed to the export is analysed: the count is exact."""
        return not (self.include_unreviewed and self.unanalysed)

    _order: list[Path] = field(default_factory=list, repr=False)
    _sha256: dict[Path, str] = field(default_factory=dict, repr=False)


def plan_export(
    candidates: Iterable[Candidate],
    decisions: Mapping[Path, PhotoDecision],
    policy: Policy,
    include_unreviewed: bool,
) -> ExportPlan:
    """Sort ``candidates`` by what an export with ``policy`` will do to them; ``decisions``
    are the analysed photos' decisions for the export's channel."""
    plan = ExportPlan(include_unreviewed=include_unreviewed)
    for candidate in candidates:
        plan.total += 1
        plan._order.append(candidate.path)
        if candidate.analysis is not None:
            plan._sha256[candidate.path] = candidate.analysis.sha256
        if candidate.error is not None:
            plan.unreadable[candidate.path] = candidate.error
        elif candidate.analysis is None:
            plan.unanalysed.append(candidate.path)
        elif is_reviewed(candidate.seen, candidate.decision):
            plan.reviewed.append(candidate.path)
        else:
            plan.unreviewed.append(candidate.path)
    for path in plan.requested:
        decision = decisions.get(path)
        if decision is None or not decision.blurred_count:
            continue
        if policy == "exclude":
            plan.left_out[path] = decision
        else:
            plan.with_blur.append(path)
    return plan
