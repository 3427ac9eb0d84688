"""What the export dialog says: the plan before an export (``plan_html``) and the summary after
it (``summary_html``), as rich text for its labels. The window's own words are ``tr()``
strings (context "ExportTexts"); why a face is blurred and why a photo failed are the
catalogue's sentences, as everywhere.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

from PySide6.QtCore import QObject

from spoenk_publisher.core.decisions import PhotoDecision
from spoenk_publisher.core.export import ExportSummary
from spoenk_publisher.core.export_plan import ExportPlan
from spoenk_publisher.messages import display_name, text
from spoenk_publisher.messages.verdicts import face_reason

#: Names listed per group before "… and N more": the dialog stays readable for 1,000 photos.
MAX_LISTED = 12


def escape(said: str) -> str:
    return said.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ExportTexts(QObject):
    """The export dialog's sentences about a plan and a summary."""

    # -- before: the plan -------------------------------------------------------------------

    def plan_html(self, plan: ExportPlan) -> str:
        """What will happen, line by line, ending with how many photos will be written."""
        if plan.total == 1:
            head = self.tr("One photo.")
        else:
            head = self.tr("%n photo(s) in this event.", "", plan.total)
        lines: list[str] = []  # rich text
        if plan.reviewed:
            lines.append(escape(self.tr("%n reviewed.", "", len(plan.reviewed))))
        if plan.not_reviewed:
            said = self.tr(
                "%n not reviewed yet: nobody has looked at them.", "", len(plan.not_reviewed)
            )
            if plan.unanalysed:
                said += " " + self.tr(
                    "%n of them not analysed yet either.", "", len(plan.unanalysed)
                )
            if plan.include_unreviewed:
                said += " " + self.tr("They are exported as well (your choice below).")
            else:
                said += " " + self.tr(
                    "They are not exported, unless you choose so below; or review them first."
                )
            lines.append(f"<b>{escape(said)}</b>")
        if plan.unreadable:
            said = self.tr("%n cannot be read and will be left out:", "", len(plan.unreadable))
            lines.append(f"{escape(said)} {escape(self._names(plan.unreadable))}")
        if plan.left_out:
            said = self.tr(
                "%n will be left out because someone in them has no consent (your choice "
                "under 'Faces without consent').",
                "",
                len(plan.left_out),
            )
            lines.append(escape(said))
        if plan.with_blur:
            lines.append(escape(self.tr("%n will have faces blurred.", "", len(plan.with_blur))))
        if plan.copies:
            lines.append(
                escape(
                    self.tr(
                        "%n are the same picture as another photo: written once.",
                        "",
                        len(plan.copies),
                    )
                )
            )
        count = plan.files
        if not count:
            result = self.tr("Nothing will be exported.")
        elif plan.certain:
            result = self.tr("%n photo(s) will be exported.", "", count)
        else:
            unknown = sum(1 for path in plan.unanalysed if path in plan.requested)
            result = self.tr(
                "At most %n photo(s) will be exported: %1 of them are analysed first.", "", count
            ).replace("%1", str(unknown))
        items = "".join(f"<li>{line}</li>" for line in lines)
        return (
            f"<p><b>{escape(head)}</b></p>"
            + (f"<ul style='margin-top:0'>{items}</ul>" if items else "")
            + f"<p><b>{escape(result)}</b></p>"
        )

    # -- after: the summary -----------------------------------------------------------------

    def summary_html(
        self,
        summary: ExportSummary,
        plan: ExportPlan | None,
        out_dir: Path | None,
        names: Mapping[str, str],
        channel_label: str,
    ) -> str:
        """What was written, who is recognisable in the set, what was left out and why, and
        that the manifest is not for upload. A folder is named only when it exists."""
        parts: list[str] = []
        if summary.cancelled:
            parts.append(f"<p><b>{escape(self.tr('The export was cancelled.'))}</b></p>")
        written = len(summary.exported)
        folder_exists = out_dir is not None and out_dir.is_dir()
        if written and folder_exists:
            head = self.tr("%n photo(s) exported to %1.", "", written).replace("%1", str(out_dir))
        elif written:
            head = self.tr("%n photo(s) exported.", "", written)
        else:
            head = self.tr("No photo was exported.")
        parts.append(f"<p><b>{escape(head)}</b></p>")
        already = sum(1 for item in summary.exported if item.already_there)
        if already:
            parts.append(
                _p(
                    self.tr(
                        "%n of them were already there from an earlier export and were not "
                        "written again.",
                        "",
                        already,
                    )
                )
            )
        if written:
            parts.append(_p(self._visible(summary, names)))
            parts.append(_p(self.tr("%n face(s) blurred.", "", summary.faces_blurred)))
        parts.extend(self._left_out(summary, plan, channel_label))
        if summary.first_frame_only:
            parts.append(
                _p(
                    self.tr(
                        "%n file(s) with several frames (an animation): only the first frame "
                        "was checked and exported.",
                        "",
                        len(summary.first_frame_only),
                    )
                )
            )
        if summary.manifest is not None:
            name = summary.manifest.name
            parts.append(
                "<p style='background:#fff1d6; padding:6px;'><b>{}</b> {}</p>".format(
                    escape(self.tr("Do not upload %1.").replace("%1", name)),
                    escape(
                        self.tr(
                            "It lists which photo comes from which original and who is in it: "
                            "it holds names. Keep it with the photos in the folder, and upload "
                            "only the photos."
                        )
                    ),
                )
            )
        return "".join(parts)

    def _visible(self, summary: ExportSummary, names: Mapping[str, str]) -> str:
        photos_of: Counter[str] = Counter()
        for item in summary.exported:
            for person in set(item.people):
                photos_of[person] += 1
        if not photos_of:
            return self.tr("Nobody is recognisable in this set: every face is blurred.")
        shown = sorted(photos_of, key=lambda p: (names.get(p, p).casefold(), p))
        people = ", ".join(
            self.tr("%1 (%n photo(s))", "", photos_of[person]).replace(
                "%1", names.get(person, person)
            )
            for person in shown
        )
        return self.tr("Recognisable in this set: %1.").replace("%1", people)

    def _left_out(
        self, summary: ExportSummary, plan: ExportPlan | None, channel_label: str
    ) -> list[str]:
        parts: list[str] = []
        if plan is not None and plan.left_aside:
            parts.append(
                _listed(
                    self.tr(
                        "%n photo(s) not exported because nobody has reviewed them yet:",
                        "",
                        len(plan.left_aside),
                    ),
                    [display_name(path) for path in plan.left_aside],
                    self._more,
                )
            )
        if summary.excluded:
            parts.append(
                _listed(
                    self.tr(
                        "%n photo(s) left out because someone in them has no consent:",
                        "",
                        len(summary.excluded),
                    ),
                    [
                        f"{display_name(path)}: {self._why_left_out(decision, channel_label)}"
                        for path, decision in sorted(summary.excluded.items())
                    ],
                    self._more,
                )
            )
        failures = dict(plan.unreadable) if plan is not None else {}
        failures.update({path: text(reason) for path, reason in summary.failures.items()})
        if failures:
            parts.append(
                _listed(
                    self.tr("%n photo(s) could not be exported:", "", len(failures)),
                    [f"{display_name(p)}: {reason}" for p, reason in sorted(failures.items())],
                    self._more,
                )
            )
        if summary.skipped:
            parts.append(
                _listed(
                    self.tr("%n photo(s) skipped:", "", len(summary.skipped)),
                    [
                        f"{display_name(p)}: {text(reason)}"
                        for p, reason in sorted(summary.skipped.items())
                    ],
                    self._more,
                )
            )
        return parts

    def _why_left_out(self, decision: PhotoDecision, channel_label: str) -> str:
        reasons = Counter(
            text(face_reason(face, channel_label)) for face in decision.faces if face.blurred
        )
        return "; ".join(f"{n}× {why}" if n > 1 else why for why, n in reasons.items())

    def _more(self, count: int) -> str:
        return self.tr("… and %n more", "", count)

    def _names(self, paths: Iterable[Path]) -> str:
        listed = [display_name(path) for path in paths]
        shown = ", ".join(listed[:MAX_LISTED])
        if len(listed) > MAX_LISTED:
            shown += " " + self._more(len(listed) - MAX_LISTED)
        return shown


def _p(said: str) -> str:
    return f"<p>{escape(said)}</p>"


def _listed(head: str, lines: list[str], more) -> str:
    items = "".join(f"<li>{escape(line)}</li>" for line in lines[:MAX_LISTED])
    if len(lines) > MAX_LISTED:
        items += f"<li>{escape(more(len(lines) - MAX_LISTED))}</li>"
    return f"<p>{escape(head)}</p><ul>{items}</ul>"
