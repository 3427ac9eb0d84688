"""``spoenk-publisher inspect``: what the loader sees in each photo."""

from __future__ import annotations

from pathlib import Path

import click

from spoenk_publisher.cli.common import fail, say
from spoenk_publisher.core.photos import (
    UnreadablePhoto,
    content_hash,
    expand_photo_paths,
    load_for_analysis,
)
from spoenk_publisher.messages import Message, display_path


@click.command("inspect")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def inspect_photos(paths: tuple[Path, ...]) -> None:
    """Print size and content hash of each photo (folders are expanded).

    A photo that cannot be read is reported on standard error and the rest go on; the exit
    code is 1 when any photo failed.
    """
    failed = 0
    photos = expand_photo_paths(paths)
    if not photos:
        fail(Message("cli.no_photos", paths=[display_path(p) for p in paths]))
    for path in photos:
        try:
            width, height = load_for_analysis(path, long_side=256).full_size
            click.echo(f"{display_path(path)}\t{width}x{height}\t{content_hash(path)}")
        except UnreadablePhoto as error:
            failed += 1
            say(Message("cli.error", text=error.text()), err=True)
    if failed:
        raise SystemExit(1)
