"""``spoenk-publisher demo``: make the demo register, to try the app without real data."""

from __future__ import annotations

from pathlib import Path

import click

from spoenk_publisher.cli.common import fail, say
from spoenk_publisher.messages import Message, display_path
from spoenk_publisher.paths import DEMO_EVENT_DIR, demo_register_path


@click.command("demo")
@click.option(
    "--register",
    "register_path",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="PATH",
    help="Where to make it (default: demo-register.db in the user's data folder).",
)
def demo(register_path: Path | None) -> None:
    """Make the demo register (four people, made-up consent) and say where it is.

    An earlier demo register at PATH is replaced; a real register is never touched.
    """
    from spoenk_publisher.demo import create_demo_register

    path = register_path or demo_register_path()
    try:
        create_demo_register(path)  # a coded error is one "fout:" line (cli.common)
    except OSError as error:
        fail(Message("photo.unreadable", detail=error.strerror or str(error)))
    say(Message("demo.made", path=display_path(path)))
    click.echo(f"  spoenk-publisher check {DEMO_EVENT_DIR} --channel instagram --register {path}")
    click.echo(f"  SPOENK_REGISTER={path} spoenk-publisher gui")
