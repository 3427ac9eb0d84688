"""Exporting the register to a CSV file a school keeps in Excel: the state of today in the
import's own format (Dutch headers, ``;``, UTF-8 with BOM, as Excel in the Netherlands expects),
so an exported file imports again without changing anything. Cells Excel would run as a formula
are neutralised (OWASP's rule for CSV injection); an existing file is never replaced unasked.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

from sqlite_utils import Database

from spoenk_publisher import clock
from spoenk_publisher.messages import CodedError, Message
from spoenk_publisher.register import consent as consent_store
from spoenk_publisher.register import people as people_store
from spoenk_publisher.register.channels import Channel, list_channels
from spoenk_publisher.register.consent import ConsentState
from spoenk_publisher.register.csv_io import DUTCH_CHANNEL_HEADERS, DUTCH_ROLE
from spoenk_publisher.register.errors import RegisterError
from spoenk_publisher.register.import_columns import FIELD_WORDS
from spoenk_publisher.register.tabular import escape_formula


class ExportFileExists(RegisterError, CodedError):
    """Exporting onto a file that exists, without being told to replace it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        CodedError.__init__(self, Message("csv_export.exists", file=path))



def export_csv(
    db: Database, path: Path | str, *, today: date | None = None, overwrite: bool = False
) -> int:
    """Write everyone's consent in force today; returns the number of people written.

    ``ja`` = consent in force today, ``nee`` = refused, withdrawn or expired, empty = no record.
    A cell that Excel would run as a formula (see ``tabular.FORMULA_STARTS``) gets a leading
    ``'``, which import takes off again. The file is written whole or not at all, readable by its
    owner only (it holds personal data); an existing file is replaced only with ``overwrite``
    (else ``ExportFileExists``).
    """
    path = Path(path)
    today = today or clock.today()
    if path.exists() and not overwrite:
        raise ExportFileExists(path)
    channels = list_channels(db)
    people = people_store.list_people(db)
    statuses = {
        channel.name: consent_store.channel_statuses(db, channel.name, today)
        for channel in channels
    }

    lines: list[tuple[list[str], dict[str, str]]] = []
    for person in people:
        cells = [
            person.id,
            person.name,
            person.group,
            DUTCH_ROLE[person.role],
            "ja" if person.active else "nee",
        ]
        untils: dict[str, date] = {}
        for channel in channels:
            status = statuses[channel.name][person.id]
            if status.state is ConsentState.GRANTED:
                cells.append("ja")
                assert status.valid_until is not None
                untils[channel.name] = status.valid_until
            elif status.state is ConsentState.NONE:
                cells.append("")
            else:
                cells.append("nee")
        common = _most_common(untils)
        cells.append(common.isoformat() if common else "")
        lines.append((cells, {c: d.isoformat() for c, d in untils.items() if d != common}))

    per_channel = sorted(
        {channel for _, extra in lines for channel in extra},
        key=[c.name for c in channels].index,
    )
    header = [FIELD_WORDS[f][0] for f in ("id", "name", "group", "role", "active")]
    header += [_channel_header(channel) for channel in channels]
    header.append("geldig_tot")
    by_name = {channel.name: channel for channel in channels}
    header += [f"geldig_tot_{_channel_header(by_name[name])}" for name in per_channel]

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for cells, extra in lines:
        row = cells + [extra.get(name, "") for name in per_channel]
        writer.writerow([escape_formula(cell) for cell in row])
    _write_atomically(path, buffer.getvalue().encode("utf-8-sig"), overwrite=overwrite)
    return len(people)


def _channel_header(channel: Channel) -> str:
    return DUTCH_CHANNEL_HEADERS.get(channel.name, channel.name)


def _most_common(untils: dict[str, date]) -> date | None:
    if not untils:
        return None
    counts = Counter(untils.values())
    return max(counts, key=lambda until: (counts[until], until))


def _write_atomically(path: Path, data: bytes, *, overwrite: bool) -> None:
    """Write a temporary file in the same folder, then put it in place in one step.

    Without ``overwrite`` the last step is a hard link, which fails if the file appeared in the
    meantime; where the file system has no hard links (FAT on a USB stick) the check made before
    writing has to do.
    """
    folder = path.parent if str(path.parent) else Path(".")
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            os.replace(temporary, path)
            return
        try:
            os.link(temporary, path)
        except FileExistsError:
            raise ExportFileExists(path) from None
        except OSError:
            if path.exists():
                raise ExportFileExists(path) from None
            os.replace(temporary, path)
            return
        Path(temporary).unlink(missing_ok=True)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
