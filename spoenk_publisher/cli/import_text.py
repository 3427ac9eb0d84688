"""The plan of an import as the command line prints it: which column went where, the people
added and changed, the consent records per channel and the answers counted as no.

Every sentence comes from the catalogue (``messages/csv_import.py``); this module only lays
them out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spoenk_publisher.messages import Message, text
from spoenk_publisher.register import ColumnPlan, ImportPlan, ImportSummary
from spoenk_publisher.register.import_columns import channel_word, describe


def describe_target(column: ColumnPlan, lang: str | None = None) -> str:
    """What a column is taken as, and whether a user chose it (the right side of a line)."""
    described = text(describe(column), lang)
    if column.origin != "auto":
        described += " " + text(Message(f"csv_import.origin.{column.origin}"), lang)
    return described


def plan_lines(plan: ImportPlan, channels: Sequence[str], lang: str | None = None) -> list[str]:
    """The file and its columns (and questions), and the channels no column decides."""
    if plan.kind == "xlsx":
        source = Message(
            "csv_import.plan.source_xlsx", file=plan.file, sheet=plan.sheet, line=plan.header_line
        )
    else:
        delimiter = "tab" if plan.delimiter == "\t" else plan.delimiter
        source = Message(
            "csv_import.plan.source_csv",
            file=plan.file,
            encoding=Message(f"csv_import.plan.encoding.{plan.encoding}"),
            delimiter=Message(f"csv_import.plan.delimiter.{delimiter}"),
            line=plan.header_line,
        )
    lines = [text(source, lang)]
    if plan.remembered:
        lines.append(text(Message("csv_import.plan.remembered_used"), lang))
    sections = [("csv_import.plan.columns", plan.columns)]
    if plan.questions:
        sections.append(("csv_import.plan.questions", plan.questions))
    width = min(56, max(len(column.label) for column in plan.sources))
    for heading, columns in sections:
        lines.append(text(Message(heading), lang))
        for column in columns:
            lines.append(f"  {column.label.ljust(width)}  → {describe_target(column, lang)}")
    untouched = [c for c in channels if plan.deciding(c) is None]
    if untouched and not plan.ambiguous:
        words = [channel_word(channel) for channel in untouched]
        lines.append(text(Message("csv_import.plan.untouched", channels=words), lang))
    return lines


def change_lines(
    summary: ImportSummary, channels: Sequence[str], lang: str | None = None
) -> list[str]:
    """The people added and changed, the consent records per channel (in the order of
    ``channels``), the answers counted as no."""
    people = summary.people
    same = sum(1 for person in people if not person.is_new and not person.changed_fields)
    lines = [
        text(
            Message(
                "csv_import.plan.people",
                added=summary.people_added,
                changed=summary.people_updated,
                same=same,
            ),
            lang,
        )
    ]
    for person in people:
        if person.is_new:
            group = f"({person.group})" if person.group else ""
            message = Message(
                "csv_import.plan.person_new", id=person.person_id, name=person.name, group=group
            )
        elif person.changed_fields:
            fields = [Message(f"csv_import.changed.{name}") for name in person.changed_fields]
            message = Message(
                "csv_import.plan.person_changed",
                id=person.person_id,
                name=person.name,
                fields=fields,
            )
        else:
            continue
        lines.append("  " + text(message, lang).rstrip())
    per_channel = summary.records_per_channel
    if per_channel:
        order = [c for c in channels if c in per_channel] + [
            c for c in per_channel if c not in channels
        ]
        counts = [f"{text(channel_word(c), lang)} {per_channel[c]}" for c in order]
        message = Message(
            "csv_import.plan.records", count=summary.consent_records_added, channels=counts
        )
        lines.append(text(message, lang))
    else:
        lines.append(text(Message("csv_import.plan.no_records"), lang))
    if summary.unanswered:
        lines.append(
            text(Message("csv_import.plan.unanswered", count=len(summary.unanswered)), lang)
        )
        for item in summary.unanswered:
            value = item.value or text(Message("csv_import.plan.empty_value"), lang)
            message = Message(
                "csv_import.plan.unanswered_line",
                line=item.line,
                name=item.name,
                column=item.column,
                value=value,
            )
            lines.append("  " + text(message, lang))
    return lines


def map_options(choices: Mapping[str, str]) -> str:
    """The ``--map`` options that repeat ``choices`` on a command line."""
    return "".join(f' --map "{column}={target}"' for column, target in choices.items())
