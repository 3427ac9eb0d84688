"""``spoenk-publisher export``: a cleaned, consent-checked set of photos for one channel."""

from __future__ import annotations

from pathlib import Path

import click

from spoenk_publisher.cli.common import fail, say
from spoenk_publisher.cli.register_commands import register_path_option, review_session
from spoenk_publisher.core.export import ExportOptions, export_photos
from spoenk_publisher.core.faces.detection import MODES
from spoenk_publisher.core.photos import expand_photo_paths
from spoenk_publisher.core.presets import load_presets, preset_for
from spoenk_publisher.core.render import STYLES
from spoenk_publisher.core.retention import open_analysis_cache
from spoenk_publisher.messages import Message, display_path, text


@click.command("export")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--channel", "-c", required=True, help="The channel, e.g. instagram or website.")
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--policy",
    type=click.Choice(["blur", "exclude"]),
    default="blur",
    show_default=True,
    help="blur: cover faces without consent; exclude: leave such photos out.",
)
@click.option("--style", type=click.Choice(STYLES), default="pixelate", show_default=True)
@click.option("--event", help="Event name for the file names (default: the folder's name).")
@click.option("--mode", type=click.Choice(MODES), default="standard", show_default=True)
@click.option("--presets", "presets_file", type=click.Path(path_type=Path, exists=True))
@register_path_option
def export(
    sources: tuple[Path, ...],
    channel: str,
    out_dir: Path,
    policy: str,
    style: str,
    event: str | None,
    mode: str,
    presets_file: Path | None,
) -> None:
    """Export FOLDER_OR_PHOTOS... for CHANNEL into --out, with faces without consent covered.

    Files are named <event>-<nnn>; a manifest.csv beside them lists what went where (keep it,
    do not upload it). Exit code 1 when a photo failed (the rest is exported).
    """
    paths = expand_photo_paths(sources)
    if not paths:
        fail(Message("cli.no_photos", paths=[display_path(p) for p in sources]))
    preset = preset_for(channel, load_presets(presets_file) if presets_file else None)
    options = ExportOptions(
        channel=channel,
        out_dir=out_dir,
        policy=policy,
        style=style,
        event=event,  # default: the folder of the first photo (core.export)
        preset=preset,
        mode=mode,
    )
    with review_session(channel) as session:
        cache = open_analysis_cache()
        try:
            label = text(Message("export.progress"))
            with click.progressbar(length=2 * len(paths), label=label, file=None) as bar:
                state = {"done": 0}

                def progress(done: int, total: int, item: Path | None) -> None:
                    bar.update(done - state["done"])
                    state["done"] = done

                summary = export_photos(
                    paths,
                    options,
                    session.snapshot(channel),
                    manual=session.manual_decisions,
                    recorder=session.register,
                    cache=cache,
                    progress=progress,
                )
        finally:
            cache.close()

    written = sum(not item.already_there for item in summary.exported)
    say(
        Message(
            "export.done",
            exported=len(summary.exported),
            folder=display_path(out_dir),
            new=written,
            old=len(summary.exported) - written,
            covered=summary.faces_blurred,
            left_out=len(summary.excluded),
            failed=len(summary.failures),
        )
    )
    for path in summary.excluded:
        say(Message("export.left_out", path=display_path(path)))
    for path, frames in summary.first_frame_only.items():
        note = Message("photo.first_frame_only", count=frames)
        say(Message("export.first_frame", path=display_path(path), reason=note))
    for path, reason in summary.skipped.items():
        say(Message("export.skipped", path=display_path(path), reason=reason))
    if summary.manifest is not None:
        say(Message("export.manifest", manifest=display_path(summary.manifest)))
    for path, reason in summary.failures.items():
        say(Message("export.failed", path=display_path(path), reason=reason), err=True)
    if summary.failures:
        raise SystemExit(1)
