"""``spoenk-publisher register``: keep the consent register from the command line.

Every command opens the register given by ``--register PATH`` (on the group or on the command),
else ``$SPOENK_REGISTER``, else the default (``paths.default_register_path``). A failure is one
line on standard error (an import's problems: one line each) and exit code 1.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from spoenk_publisher import clock
from spoenk_publisher.cli import import_text
from spoenk_publisher.cli.common import ReportingGroup, fail, language_option, say
from spoenk_publisher.core.photos import UnreadablePhoto
from spoenk_publisher.core.retention import forget_person
from spoenk_publisher.core.review import ReviewSession
from spoenk_publisher.messages import Message, display_name, language, text
from spoenk_publisher.paths import default_register_path
from spoenk_publisher.register import (
    ConsentState,
    ConsentStatus,
    Person,
    Register,
    RegisterImportError,
    Role,
    Source,
)
from spoenk_publisher.register.consent import record_message

_REGISTER_PATH_KEY = "spoenk_publisher.register_path"
_DATE = click.DateTime(formats=["%Y-%m-%d", "%d-%m-%Y"])
_YES_NO = {"yes": True, "ja": True, "no": False, "nee": False}
_ROLES = {
    "pupil": Role.PUPIL,
    "leerling": Role.PUPIL,
    "staff": Role.STAFF,
    "medewerker": Role.STAFF,
    "other": Role.OTHER,
    "overig": Role.OTHER,
}

F = TypeVar("F", bound=Callable[..., Any])


def register_path_option(command: F) -> F:
    """Add ``--register PATH`` to a command or group; the innermost one given wins."""

    def remember(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
        if value is not None:
            ctx.meta[_REGISTER_PATH_KEY] = value

    return click.option(
        "--register",
        type=click.Path(dir_okay=False, path_type=Path),
        metavar="PATH",
        expose_value=False,
        callback=remember,
        help="The consent register file (default: $SPOENK_REGISTER, else "
        "consent_db/register.db in a source checkout).",
    )(command)


def chosen_register_path() -> Path:
    """The register the current command works on."""
    ctx = click.get_current_context()
    return ctx.meta.get(_REGISTER_PATH_KEY) or default_register_path()


@contextlib.contextmanager
def opened_register() -> Iterator[Register]:
    """Open the chosen register for the length of a command."""
    with Register.open(chosen_register_path()) as register:
        yield register


def review_session(channel: str) -> ReviewSession:
    """What ``check`` and ``export`` decide with: the chosen register (a "fout:" line when it
    cannot be used) and a channel it has (else exit code 2, listing its channels)."""
    session = ReviewSession(chosen_register_path())
    if session.error is not None:
        fail(session.error)
    names = [c.name for c in session.channels()]
    if channel not in names:
        session.close()
        fail(Message("cli.unknown_channel", channel=channel, known=names), exit_code=2)
    return session


def echo_import_problems(error: RegisterImportError) -> None:
    """The headline, then one line per problem, on standard error."""
    say(Message("cli.error", text=error.headline), err=True)
    for problem in error.problems:
        click.echo(f"{display_name(error.path)}: {problem.text()}", err=True)


@click.group("register", cls=ReportingGroup)
@register_path_option
@language_option
def register() -> None:
    """Keep the consent register: people, consent per channel, reference faces, audit log."""


@register.command("import-csv")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show the plan and what would change; write nothing.")
@click.option(
    "--map",
    "mappings",
    multiple=True,
    metavar='"KOLOM=KANAAL"',
    help="What one column means: a channel (website, nieuwsbrief, ...; several with commas), "
    "social media, openbaar, a field (leerlingnummer, naam, groep, ...) or negeren. Repeatable; "
    "remembered for files with the same columns.",
)
@language_option
@register_path_option
def import_csv_command(file: Path, dry_run: bool, mappings: tuple[str, ...]) -> None:
    """Import people and consent from a school's list: CSV or .xlsx (all or nothing).

    Exports of ParnasSys/Parro, Magister, SOMtoday and Social Schools are read as they are; see
    docs/register.md for the columns, the channels they decide and --map.
    """
    choices = _parse_mappings(mappings)
    with opened_register() as reg:
        channels = [channel.name for channel in reg.channels()]
        try:
            summary = reg.import_csv(file, dry_run=dry_run, choices=choices)
        except RegisterImportError as error:
            if error.plan is not None:  # the columns help to see what is wrong
                for line in import_text.plan_lines(error.plan, channels):
                    click.echo(line)
            echo_import_problems(error)
            if error.plan is not None and error.plan.ambiguous:
                _echo_map_hint(file, error, choices)
            raise SystemExit(1) from None
    assert summary.plan is not None
    if dry_run:
        for line in import_text.plan_lines(summary.plan, channels):
            click.echo(line)
        for line in import_text.change_lines(summary, channels):
            click.echo(line)
        options = import_text.map_options(choices)
        click.echo(text(Message("csv_import.plan.dry_run", file=file, options=options)))
        return
    click.echo(
        text(
            Message(
                "csv_import.plan.imported",
                file=file,
                added=summary.people_added,
                changed=summary.people_updated,
                records=summary.consent_records_added,
            )
        )
    )
    if summary.unanswered:
        click.echo(text(Message("csv_import.plan.unanswered", count=len(summary.unanswered))))
    if summary.remembered:
        click.echo(text(Message("csv_import.plan.choices_remembered")))


def _parse_mappings(mappings: tuple[str, ...]) -> dict[str, str]:
    choices: dict[str, str] = {}
    for mapping in mappings:
        column, equals, target = mapping.rpartition("=")
        if not equals or not column.strip() or not target.strip():
            raise click.UsageError(f'--map takes "COLUMN=TARGET", not {mapping!r}')
        choices[column.strip()] = target.strip()
    return choices


def _echo_map_hint(file: Path, error: RegisterImportError, choices: dict[str, str]) -> None:
    """An example command that settles every ambiguous column (to be edited: the channel is the
    user's decision, so the example ignores the column)."""
    assert error.plan is not None
    example = dict(choices)
    for column in error.plan.ambiguous:
        example.setdefault(column.label, "negeren" if language() == "nl" else "ignore")
    click.echo(text(Message("csv_import.plan.map_hint")), err=True)
    command = f"spoenk-publisher register import-csv {display_name(file)}"
    click.echo("  " + command + import_text.map_options(example), err=True)


@register.command("export-csv")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--overwrite", is_flag=True, help="Replace FILE if it exists.")
@language_option
@register_path_option
def export_csv_command(file: Path, overwrite: bool) -> None:
    """Write everyone's consent in force today to a CSV file (Excel NL: ';', UTF-8 with BOM).

    Cells Excel would run as a formula (=, +, -, @, tab) are written with a leading '.
    """
    with opened_register() as reg:
        count = reg.export_csv(file, overwrite=overwrite)
    say(Message("csv_export.done", count=count, file=file))


@register.command("add")
@click.argument("person_id", metavar="ID")
@click.option("--name", required=True, help="Full name.")
@click.option("--group", default="", help="Group or class (empty for staff).")
@click.option(
    "--role",
    type=click.Choice(sorted(_ROLES), case_sensitive=False),
    default="pupil",
    show_default=True,
)
@register_path_option
def add_command(person_id: str, name: str, group: str, role: str) -> None:
    """Add a person by the school's own number (pupil or staff number)."""
    with opened_register() as reg:
        person = reg.add_person(Person(person_id, name, group, _ROLES[role.lower()]))
    say(Message("reg.added", id=person.id))


@register.command("edit")
@click.argument("person_id", metavar="ID")
@click.option("--name", help="New full name.")
@click.option("--group", help="New group or class.")
@click.option("--role", type=click.Choice(sorted(_ROLES), case_sensitive=False))
@click.option("--active/--inactive", default=None, help="Still at school, or left.")
@register_path_option
def edit_command(
    person_id: str, name: str | None, group: str | None, role: str | None, active: bool | None
) -> None:
    """Change a person's name, group, role or active flag."""
    with opened_register() as reg:
        person = reg.person(person_id)
        changed = Person(
            person.id,
            name if name is not None else person.name,
            group if group is not None else person.group,
            _ROLES[role.lower()] if role else person.role,
            active if active is not None else person.active,
        )
        reg.update_person(changed)
    say(Message("reg.updated", id=person.id))


@register.command("enrol")
@click.argument("person_id", metavar="ID")
@click.argument("photos", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@register_path_option
def enrol_command(person_id: str, photos: tuple[Path, ...]) -> None:
    """Store reference faces for a person from photos that each show exactly that one face.

    Only the face encodings and each photo's hash are stored, never the photos. When any photo
    is refused, nothing is stored.
    """
    from spoenk_publisher.core.enrolment import EnrolmentError, reference_face

    with opened_register() as reg:
        person = reg.person(person_id)
        faces, failed = [], 0
        for photo in photos:
            try:
                faces.append(reference_face(photo))
            except (EnrolmentError, UnreadablePhoto) as error:
                failed += 1
                say(Message("cli.error", text=error.text()), err=True)
        if failed:
            raise SystemExit(1)
        added = reg.enrol(person.id, faces)
        total = reg.reference_face_count(person.id)
    say(Message("reg.enrolled", id=person.id, count=added, photos=len(photos), total=total))


@register.command("enrol-folder")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@language_option
@register_path_option
def enrol_folder_command(folder: Path) -> None:
    """Enrol a whole school from its portraits: FOLDER holds one photo per pupil, named by
    pupil number (1042.jpg, 1042_Sanne.jpg) or by name (Sanne de Vries.jpg).

    Every portrait passes the checks of a reference photo; the report lists who was enrolled,
    what was refused and why, who still has no reference face, and files that match nobody.
    """
    from spoenk_publisher.core.pool import AnalysisPool
    from spoenk_publisher.core.portraits import enrol_folder, reference_face_safely

    if not folder.is_dir():
        fail(Message("cli.no_photos", paths=[display_name(folder)]))
    pool = AnalysisPool()
    try:
        with opened_register() as reg:
            label = text(Message("reg.portraits.progress"))
            with click.progressbar(length=1, label=label, file=None) as bar:

                def progress(done: int, total: int, _item: Path | None) -> None:
                    bar.length = max(1, total)
                    bar.update(done - bar.pos)

                report = enrol_folder(
                    reg,
                    folder,
                    progress=progress,
                    submit=lambda path: pool.call(reference_face_safely, path),
                )
    finally:
        pool.shutdown()
    say(
        Message(
            "reg.portraits.done",
            enrolled=len(report.enrolled),
            already=len(report.already),
            refused=len(report.refused),
            unmatched=len(report.unmatched) + len(report.ambiguous),
            without=len(report.without_reference),
        )
    )
    for file, person_id, why in report.refused:
        say(Message("reg.portraits.refused", file=display_name(file), id=person_id, why=why))
    for file in report.unmatched:
        say(Message("reg.portraits.unmatched", file=display_name(file)))
    for file, ids in report.ambiguous:
        say(Message("reg.portraits.ambiguous", file=display_name(file), ids=list(ids)))
    if report.without_reference:
        names = [f"{p.id} {p.name}" for p in report.without_reference[:20]]
        more = len(report.without_reference) - len(names)
        say(Message("reg.portraits.without", count=len(report.without_reference)))
        for name in names:
            click.echo(f"  {name}")
        if more > 0:
            say(Message("reg.portraits.more", count=more))
    if report.refused or report.unmatched or report.ambiguous:
        raise SystemExit(1)


@register.command("consent")
@click.argument("person_id", metavar="ID")
@click.argument("channel")
@click.argument(
    "answer", metavar="yes|no", type=click.Choice(sorted(_YES_NO), case_sensitive=False)
)
@click.option(
    "--until",
    "valid_until",
    type=_DATE,
    help="Last day (default: 31 July ending this school year).",
)
@click.option("--from", "valid_from", type=_DATE, help="First day (default: today).")
@click.option(
    "--source",
    type=click.Choice([Source.FORM.value, Source.APP.value]),
    default=Source.FORM.value,
    show_default=True,
    help="Where the consent came from.",
)
@click.option("--note", default="", help="A note kept with the record.")
@register_path_option
def consent_command(
    person_id: str,
    channel: str,
    answer: str,
    valid_until: datetime | None,
    valid_from: datetime | None,
    source: str,
    note: str,
) -> None:
    """Record consent granted (yes) or refused (no) for one channel."""
    with opened_register() as reg:
        record = reg.record_consent(
            person_id,
            channel,
            _YES_NO[answer.lower()],
            valid_from=valid_from.date() if valid_from else None,
            valid_until=valid_until.date() if valid_until else None,
            source=Source(source),
            note=note,
        )
    say(f"{record.person_id}: {text(record_message(record))}")


@register.command("withdraw")
@click.argument("person_id", metavar="ID")
@click.argument("channels", nargs=-1)
@click.option(
    "--from", "valid_from", type=_DATE, help="First day without consent (default: today)."
)
@click.option("--note", default="", help="A note kept with the records.")
@register_path_option
def withdraw_command(
    person_id: str, channels: tuple[str, ...], valid_from: datetime | None, note: str
) -> None:
    """Withdraw consent on the given channels, or on all channels when none are given."""
    with opened_register() as reg:
        records = reg.withdraw(
            person_id,
            list(channels) or None,
            valid_from=valid_from.date() if valid_from else None,
            source=Source.FORM,
            note=note,
        )
    for record in records:
        say(f"{record.person_id}: {text(record_message(record))}")


@register.command("remove")
@click.argument("person_id", metavar="ID")
@click.option("--yes", "confirmed", is_flag=True, help="Do not ask for confirmation.")
@register_path_option
def remove_command(person_id: str, confirmed: bool) -> None:
    """Delete a person with their reference faces and consent records (the audit log keeps a
    line that it happened)."""
    with opened_register() as reg:
        person = reg.person(person_id)
        if not confirmed:
            question = Message(
                "reg.remove_question",
                id=person.id,
                name=person.name,
                count=reg.reference_face_count(person.id),
            )
            if not click.confirm(text(question), err=True):
                fail(Message("reg.remove_cancelled"))
        forgotten = forget_person(reg, person.id)
    say(
        Message(
            "reg.removed",
            id=forgotten.person_id,
            faces=forgotten.reference_faces,
            records=forgotten.consent_records,
            cached=forgotten.cached_analyses,
        )
    )


@register.command("list")
@click.option("--group", help="Only this group or class.")
@click.option("--on", "on", type=_DATE, help="The day consent is shown for (default: today).")
@language_option
@register_path_option
def list_command(group: str | None, on: datetime | None) -> None:
    """List people with their reference faces and the channels they may appear on.

    The column "!" says 16+ where a parent's consent is in force for a pupil who is 16 or older
    by now (the pupil decides from 16: ask again).
    """
    day = on.date() if on else clock.today()
    with opened_register() as reg:
        people = reg.people(group)
        faces = reg.reference_face_counts()
        turns_16 = reg.turns_16_months()
        allowed: dict[str, list[str]] = {person.id: [] for person in people}
        renew: set[str] = set()
        for channel in reg.channels():
            for person_id, status in reg.consent_statuses(channel.name, day).items():
                if status.allowed and person_id in allowed:
                    allowed[person_id].append(channel.name)
                if status.needs_renewal(turns_16.get(person_id)):
                    renew.add(person_id)
    mark = text(Message("csv_import.renewal_mark"))
    yes, no = text(Message("reg.yes")), text(Message("reg.no"))
    rows = [
        [
            person.id,
            person.name,
            person.group,
            text(Message(f"role.{person.role}")),
            yes if person.active else no,
            str(faces.get(person.id, 0)),
            ", ".join(allowed[person.id]) or "-",
            mark if person.id in renew else "",
        ]
        for person in people
    ]
    headers = [*text(Message("reg.list_header", day=day)).split("|"), "!"]
    _echo_table(headers, rows)
    if renew:
        click.echo(text(Message("csv_import.renewal_legend")))


@register.command("show")
@click.argument("person_id", metavar="ID")
@click.option("--on", "on", type=_DATE, help="The day consent is shown for (default: today).")
@register_path_option
def show_command(person_id: str, on: datetime | None) -> None:
    """Show one person: details, reference faces, consent per channel and its history."""
    day = on.date() if on else clock.today()
    with opened_register() as reg:
        person = reg.person(person_id)
        faces = reg.reference_face_count(person.id)
        statuses = [reg.consent_status(person.id, c.name, day) for c in reg.channels()]
        history = reg.consent_history(person.id)
    say(
        Message(
            "reg.show",
            id=person.id,
            name=person.name,
            group=person.group or "-",
            role=Message(f"role.{person.role}"),
            active=Message("reg.yes" if person.active else "reg.no"),
            faces=faces,
            day=day,
        )
    )
    for status in statuses:
        say(f"  {status.channel:<12} {text(explain(status))}")
    say(Message("reg.history"))
    if not history:
        say(Message("reg.no_history"))
    for record in history:
        when = record.recorded_at.astimezone().strftime("%Y-%m-%d %H:%M")
        note = f" - {record.note}" if record.note else ""
        say(f"  {when}  {record.recorded_by}  {text(record_message(record))}{note}")


@register.command("audit")
@click.option("--person", "person_id", metavar="ID", help="Only lines about this person.")
@click.option("--limit", type=click.IntRange(min=1), help="Only the newest N lines.")
@register_path_option
def audit_command(person_id: str | None, limit: int | None) -> None:
    """Print the audit log: when, who (OS user), what."""
    with opened_register() as reg:
        entries = reg.audit_log(person_id, limit)
    for entry in entries:
        click.echo(str(entry))


@register.command("report")
@click.argument("person_id", metavar="ID")
@register_path_option
def report_command(person_id: str) -> None:
    """List every exported photo that shows ID unblurred (e.g. after a withdrawal)."""
    with opened_register() as reg:
        published = reg.published_with(person_id)
    if not published:
        say(Message("reg.report_none", id=person_id))
    for photo in published:
        click.echo(str(photo))


@register.command("channels")
@register_path_option
def channels_command() -> None:
    """List the publication channels."""
    with opened_register() as reg:
        for channel in reg.channels():
            click.echo(f"{channel.name:<12} {channel.label}")


@register.command("add-channel")
@click.argument("name")
@click.option("--label", help="Name as shown (default: NAME).")
@register_path_option
def add_channel_command(name: str, label: str | None) -> None:
    """Add a publication channel (a CSV column of the same name then imports it)."""
    with opened_register() as reg:
        channel = reg.add_channel(name, label)
    say(Message("reg.channel_added", channel=channel.name))


def explain(status: ConsentStatus) -> Message:
    """A person's consent on one channel, in words: yes until ..., or why not."""
    if status.state is ConsentState.GRANTED:
        return Message("consent.yes_until", until=status.valid_until)
    if status.state is ConsentState.EXPIRED:
        return Message("consent.expired", until=status.valid_until)
    if status.state is ConsentState.NONE:
        return Message("consent.none")
    if status.state is ConsentState.NOT_YET:
        return Message("consent.not_yet", start=status.valid_from)
    return Message(f"consent.{status.state}", start=status.valid_from)


def _echo_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [
        max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=False)
    ]
    for row in [list(headers), *rows]:
        click.echo(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
