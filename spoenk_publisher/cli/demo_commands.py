"""``spoenk-publisher demo``: make the demo register, to try the app without real data."""

from __future__ import annotations

from pathlib import Path

import click

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
    from spoenk_publisher.core.enrolment import EnrolmentError
    from spoenk_publisher.demo import NotADemoRegister, create_demo_register
    from spoenk_publisher.register import RegisterError

    path = register_path or demo_register_path()
    try:
        create_demo_register(path)
    except (NotADemoRegister, RegisterError, EnrolmentError, OSError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Demo register: {path}")
    click.echo("Try it with the demo event:")
    click.echo(f"  spoenk-publisher check {DEMO_EVENT_DIR} --channel instagram --register {path}")
    click.echo(f"  SPOENK_REGISTER={path} spoenk-publisher gui")
