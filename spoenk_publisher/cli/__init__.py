"""The ``spoenk-publisher`` command line: a thin front end over ``core`` and ``register``."""

from __future__ import annotations

import functools

import click

from spoenk_publisher.cli.check_commands import check
from spoenk_publisher.cli.common import ReportingGroup, language_option
from spoenk_publisher.cli.demo_commands import demo
from spoenk_publisher.cli.export_commands import export
from spoenk_publisher.cli.photos_commands import inspect_photos
from spoenk_publisher.cli.register_commands import register


@click.group(cls=ReportingGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="spoenk-publisher")
@functools.partial(language_option, top=True)
def main() -> None:
    """Spoenk Publisher: publish school photos only with consent."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--demo", is_flag=True, help="Open the demo event with its own demo register.")
def gui(paths: tuple[str, ...], demo: bool) -> None:
    """Open the desktop app on PATHS (a folder, photos, or one photo for a quick check)."""
    from spoenk_publisher.gui.app import main as gui_main

    raise SystemExit(gui_main(list(paths), demo=demo))


main.add_command(inspect_photos)
main.add_command(register)
main.add_command(check)
main.add_command(export)
main.add_command(demo)
