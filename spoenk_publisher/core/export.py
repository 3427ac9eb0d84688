"""A batch export: decide, anonymise, strip, name neutrally, write atomically, record.

What leaves the app stays public for good, so: every face without consent is covered on the
full-resolution image before resizing; the output is encoded from bare pixels (no EXIF, XMP,
IPTC, comments, thumbnails or text chunks can survive); names say only the event and a number;
files appear complete or not at all, are never overwritten, and a re-run after a crash
completes the set without duplicates.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import time
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from PIL import Image

from spoenk_publisher.base import ManualDecision
from spoenk_publisher.core.analysis import AnalysisCache, Cancelled, PhotoAnalysis, Progress
from spoenk_publisher.core.decisions import ConsentSnapshot, PhotoDecision, Policy
from spoenk_publisher.core.photos import UnreadablePhoto, content_hash, load_at_least
from spoenk_publisher.core.pool import AnalysisPool, analyse_batch
from spoenk_publisher.core.presets import ChannelPreset, preset_for
from spoenk_publisher.core.render import (
    DEFAULT_MARGINS,
    CoverMargins,
    Shape,
    Style,
    anonymise,
    fit_long_side,
)
from spoenk_publisher.core.review import decide
from spoenk_publisher.messages import CodedError, Message, display_path

MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ("file", "source", "people", "faces_blurred")
_PARTIAL_PREFIX = ".spoenk-partial-"


@dataclass(frozen=True)
class ExportOptions:
    channel: str
    out_dir: Path
    policy: Policy = "blur"
    style: Style = "pixelate"
    shape: Shape = "ellipse"
    event: str | None = None  # default: the (first) source folder's name
    preset: ChannelPreset | None = None  # default: the channel's preset
    margins: CoverMargins = DEFAULT_MARGINS
    mode: str = "standard"


@dataclass(frozen=True)
class ExportedFile:
    file: Path
    source: Path
    source_sha256: str
    output_sha256: str
    people: tuple[str, ...]
    faces_blurred: int
    already_there: bool = False  # an earlier (interrupted) run of the same export wrote it


@dataclass
class ExportSummary:
    exported: list[ExportedFile] = field(default_factory=list)
    excluded: dict[Path, PhotoDecision] = field(default_factory=dict)
    #: Why a photo could not be exported (``messages.text`` makes it a sentence).
    failures: dict[Path, Message] = field(default_factory=dict)
    #: Photos not exported on purpose: files this app published before, given as input again.
    skipped: dict[Path, Message] = field(default_factory=dict)
    #: Sources of which only the first frame was exported (an animation, several pages).
    first_frame_only: dict[Path, int] = field(default_factory=dict)
    #: The manifest written (``manifest.csv``, or another name when the user has a file by
    #: that name), None when nothing was exported.
    manifest: Path | None = None
    cancelled: bool = False
    seconds: float = 0.0

    @property
    def faces_blurred(self) -> int:
        return sum(item.faces_blurred for item in self.exported)


class ExportError(CodedError):
    """The export cannot start (its folder cannot be made, or it is a photo folder)."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(Message(code, **params))


class ExportRecorder(Protocol):
    """Where each export is recorded (the consent register implements it)."""

    def start_export(self, channel: str, out_dir: Path, event: str) -> int: ...

    def record_exported_file(self, export_id: int, item: ExportedFile) -> None: ...

    def is_exported_output(self, sha256: str) -> bool:
        """True for the bytes of a file an earlier export wrote."""
        ...


ManualLookup = Callable[[str], Sequence[ManualDecision]]


def slug(text: str) -> str:
    """``"Sportdag groep 7/8"`` -> ``"sportdag-groep-7-8"``: ASCII, lower case, safe everywhere."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60] or "export"


#: While photos are still being analysed, each analysis that ends lets the export write at
#: most this many photos (in order), so that the loop feeding the analysis processes is never
#: held up for long (a photo takes about 0.3 s to cover and write, 2-3 s to analyse).
WRITES_PER_ANALYSIS = 2


def export_photos(
    paths: Sequence[Path | str],
    options: ExportOptions,
    snapshot: ConsentSnapshot,
    manual: ManualLookup | None = None,
    recorder: ExportRecorder | None = None,
    cache: AnalysisCache | None = None,
    analyses: Mapping[Path, PhotoAnalysis] | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    workers: int | None = None,
    pool: AnalysisPool | None = None,
) -> ExportSummary:
    """Export ``paths`` for ``options.channel`` into ``options.out_dir``.

    Photos are analysed (from ``analyses`` or the cache where possible) and written in the
    order given, each as soon as it and every photo before it are analysed: covering and
    writing go on while the analysis processes work. ``progress`` counts analysed and written
    photos together (``total`` = twice the photos).
    """
    started = time.perf_counter()
    paths = [Path(p) for p in paths]
    if snapshot.channel != options.channel:
        raise ValueError("the consent snapshot is for another channel")
    cancelled = cancelled or (lambda: False)
    total = 2 * len(paths)
    summary = ExportSummary()
    out_dir = prepare_out_dir(options.out_dir, paths)
    _remove_stale_partials(out_dir)
    event = slug(options.event or _default_event(paths))
    preset = options.preset or preset_for(options.channel)
    existing = _existing_outputs(out_dir, event)
    manifest = Manifest.open(out_dir)

    ended: dict[Path, PhotoAnalysis | Message] = dict(analyses or {})
    missing = [p for p in paths if p not in ended]
    analysed = len(paths) - len(missing)
    written = 0
    export_id: int | None = None  # recorded with the first file written, never for none
    analysing = False

    def publish(path: Path, analysis: PhotoAnalysis) -> None:
        """Cover and write one analysed photo, or note why not."""
        nonlocal export_id
        if _is_own_output(analysis.sha256, existing, recorder):
            summary.skipped[path] = Message("export.own_output")
            return
        try:
            item = _export_one(
                analysis, options, preset, snapshot, manual, out_dir, event, existing, summary
            )
        except UnreadablePhoto as error:
            summary.failures[path] = error.reason
            return
        except OSError as error:
            detail = error.strerror or str(error)
            summary.failures[path] = Message("export.write_failed", detail=detail)
            return
        if item is None:
            return
        summary.exported.append(item)
        if analysis.frames > 1:
            summary.first_frame_only[path] = analysis.frames
        manifest.add(item)
        if recorder is not None:
            if export_id is None:
                export_id = recorder.start_export(options.channel, out_dir, event)
            recorder.record_exported_file(export_id, item)
        if len(summary.exported) % 20 == 0:
            manifest.write()

    def write_ready(limit: int | None = None) -> None:
        """Write, in order, the photos whose analysis (and every earlier one's) has ended."""
        nonlocal written
        while written < len(paths) and paths[written] in ended and limit != 0:
            if summary.cancelled or cancelled():
                summary.cancelled = True
                return
            path = paths[written]
            outcome = ended[path]
            if isinstance(outcome, PhotoAnalysis):
                publish(path, outcome)
            written += 1
            limit = None if limit is None else limit - 1
            if progress:
                progress(analysed + written, total, path)

    def on_started(_path: Path) -> None:
        nonlocal analysing
        analysing = True

    def on_done(path: Path, outcome: PhotoAnalysis | Message) -> None:
        nonlocal analysed
        ended[path] = outcome
        analysed += 1
        if progress:
            progress(analysed + written, total, path)
        # Photos the cache knew end before any analysis starts: they wait for the first one,
        # so that the analysis processes get their photos first.
        if analysing:
            write_ready(WRITES_PER_ANALYSIS)

    if progress:
        progress(analysed, total, None)
    batch = analyse_batch(
        missing,
        mode=options.mode,
        cache=cache,
        cancelled=lambda: summary.cancelled or cancelled(),
        workers=workers,
        pool=pool,
        on_started=on_started,
        on_done=on_done,
    )
    summary.failures.update(batch.failures)
    summary.cancelled = summary.cancelled or batch.cancelled
    if not summary.cancelled:
        write_ready()
    if summary.exported:
        summary.manifest = manifest.write()
    summary.seconds = time.perf_counter() - started
    return summary


def prepare_out_dir(out_dir: Path, sources: Sequence[Path]) -> Path:
    """Make the export folder; refuse one that is a photo folder of this export (published
    files would mix with the originals and be taken as photos the next time)."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(
            "export.out_dir_unusable", folder=display_path(out_dir), detail=error.strerror
        ) from None
    if not out_dir.is_dir():
        raise ExportError("export.out_dir_not_a_folder", folder=display_path(out_dir))
    resolved = out_dir.resolve()
    for source in sources:
        folder = source if source.is_dir() else source.parent
        if folder.resolve() == resolved:
            raise ExportError("export.out_is_source", folder=display_path(out_dir))
    return out_dir


def _is_own_output(
    sha256: str, existing: Mapping[str, Path], recorder: ExportRecorder | None
) -> bool:
    if sha256 in existing:
        return True
    check = getattr(recorder, "is_exported_output", None)
    return bool(check and check(sha256))


def render_photo(
    analysis: PhotoAnalysis,
    decision: PhotoDecision,
    preset: ChannelPreset,
    style: Style = "pixelate",
    shape: Shape = "ellipse",
    margins: CoverMargins = DEFAULT_MARGINS,
) -> bytes:
    """The published bytes of one photo: covered, resized, encoded from bare pixels."""
    # The bytes decided on are the bytes published: a file changed since its analysis (even
    # one of the same size) is refused, never covered with another photo's boxes.
    if content_hash(analysis.path) != analysis.sha256:
        raise UnreadablePhoto(analysis.path, "photo.changed")
    # Decoded no smaller than the channel's size (a 12 MP JPEG for 1080 px: at 2000 px) and
    # covered there: the same 7 blocks per face, then the same resize as from full resolution.
    source = load_at_least(analysis.path, preset.long_side)
    if source.full_size != (analysis.width, analysis.height):
        raise UnreadablePhoto(analysis.path, "photo.changed")
    to_cover = [source.to_copy(face.box) for face in decision.faces if face.action == "blur"]
    covered = fit_long_side(
        anonymise(source.image, to_cover, style, shape, margins), preset.long_side
    )
    # A fresh image from the pixels alone: nothing of the source's metadata comes along.
    bare = Image.frombytes("RGB", covered.size, covered.tobytes())
    buffer = io.BytesIO()
    if preset.format == "png":
        bare.save(buffer, "PNG", optimize=True)
    else:
        bare.save(buffer, "JPEG", quality=preset.quality, optimize=True, progressive=True)
    return buffer.getvalue()


def _export_one(
    analysis: PhotoAnalysis,
    options: ExportOptions,
    preset: ChannelPreset,
    snapshot: ConsentSnapshot,
    manual: ManualLookup | None,
    out_dir: Path,
    event: str,
    existing: dict[str, Path],
    summary: ExportSummary,
) -> ExportedFile | None:
    edits = manual(analysis.sha256) if manual else ()
    decision = decide(analysis, snapshot, edits, options.policy)
    if decision.verdict == "exclude":
        summary.excluded[analysis.path] = decision
        return None
    data = render_photo(analysis, decision, preset, options.style, options.shape, options.margins)
    output_sha256 = hashlib.sha256(data).hexdigest()
    already = existing.get(output_sha256)
    if already is None:
        target = _write_new_file(out_dir, event, preset.suffix, data)
        existing[output_sha256] = target
    else:
        target = already
    return ExportedFile(
        file=target,
        source=analysis.path,
        source_sha256=analysis.sha256,
        output_sha256=output_sha256,
        people=decision.people_shown,
        faces_blurred=decision.blurred_count,
        already_there=already is not None,
    )


def _write_new_file(out_dir: Path, event: str, suffix: str, data: bytes) -> Path:
    """Write ``data`` as the next free ``<event>-<nnn><suffix>``, complete or not at all."""
    number = 1
    while True:
        target = out_dir / f"{event}-{number:03d}{suffix}"
        if not target.exists() and _publish_atomically(out_dir, target, data):
            return target
        number += 1


def _publish_atomically(out_dir: Path, target: Path, data: bytes) -> bool:
    """Make ``target`` appear with ``data``; False (and nothing written) when it exists."""
    if hasattr(os, "O_TMPFILE"):
        # An unnamed file, linked in only when complete: a crash leaves nothing behind.
        try:
            fd = os.open(out_dir, os.O_TMPFILE | os.O_WRONLY, 0o644)
        except OSError:
            fd = None
        if fd is not None:
            try:
                _write_all(fd, data)
                os.link(f"/proc/self/fd/{fd}", target)
                return True
            except FileExistsError:
                return False
            except OSError:
                pass  # e.g. no /proc: fall back to a named temporary file
            finally:
                os.close(fd)
    partial = out_dir / f"{_PARTIAL_PREFIX}{os.getpid()}-{target.name}"
    fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    try:
        _write_all(fd, data)
    finally:
        os.close(fd)
    try:
        try:
            os.link(partial, target)  # fails if target exists: never overwrites
        except FileExistsError:
            return False
        except OSError:
            if target.exists():  # a file system without hard links (FAT, some shares)
                return False
            os.replace(partial, target)
        return True
    finally:
        partial.unlink(missing_ok=True)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.fsync(fd)


def _remove_stale_partials(out_dir: Path) -> None:
    for stale in out_dir.glob(f"{_PARTIAL_PREFIX}*"):
        stale.unlink(missing_ok=True)


def _existing_outputs(out_dir: Path, event: str) -> dict[str, Path]:
    """Hash -> file of this event's earlier outputs, so a re-run never writes a duplicate."""
    found: dict[str, Path] = {}
    for path in sorted(out_dir.glob(f"{event}-*")):
        if path.is_file() and re.fullmatch(rf"{re.escape(event)}-\d{{3,}}\.(jpg|png)", path.name):
            found.setdefault(hashlib.sha256(path.read_bytes()).hexdigest(), path)
    return found


def _default_event(paths: Sequence[Path]) -> str:
    for path in paths:
        return (path if path.is_dir() else path.parent).resolve().name
    return "export"


class Manifest:
    """``manifest.csv``: one row per source photo (two sources that give the same published
    file each have a row), merged with the rows of earlier runs into the same folder.

    A file of that name that this app did not write (another header, not UTF-8) is the user's:
    it is never read into ours or replaced, and the manifest gets the next free name
    (``manifest-2.csv``, ...).
    """

    def __init__(self, path: Path, rows: dict[tuple[str, str], dict[str, str]]) -> None:
        self.path = path
        self.rows = rows

    @classmethod
    def open(cls, out_dir: Path) -> Manifest:
        number = 1
        while True:
            name = MANIFEST_NAME if number == 1 else f"manifest-{number}.csv"
            path = out_dir / name
            if not path.exists():
                return cls(path, {})
            rows = _read_own_manifest(path)
            if rows is not None:
                return cls(path, rows)
            number += 1

    def add(self, item: ExportedFile) -> None:
        row = {
            "file": item.file.name,
            "source": display_path(item.source),
            "people": " ".join(item.people),
            "faces_blurred": str(item.faces_blurred),
        }
        self.rows[(row["file"], row["source"])] = row

    def write(self) -> Path:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=MANIFEST_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for key in sorted(self.rows):
            writer.writerow(self.rows[key])
        partial = self.path.with_name(f"{_PARTIAL_PREFIX}{os.getpid()}-{self.path.name}")
        partial.write_text(buffer.getvalue(), encoding="utf-8")
        os.replace(partial, self.path)
        return self.path


def _read_own_manifest(path: Path) -> dict[tuple[str, str], dict[str, str]] | None:
    """The rows of a manifest this app wrote, or None for anyone else's file."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if tuple(reader.fieldnames or ()) != MANIFEST_COLUMNS:
        return None
    try:
        return {(row["file"], row["source"]): row for row in reader if row.get("file")}
    except csv.Error:
        return None
