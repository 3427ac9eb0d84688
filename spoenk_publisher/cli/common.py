"""What every command shares: the language, and one line (never a traceback) for a failure."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import click

from spoenk_publisher import messages
from spoenk_publisher.messages import CodedError, Message, text

log = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])

#: Set to 1 to see the traceback of an unexpected error instead of its one line.
DEBUG_ENV = "SPOENK_DEBUG"


def say(message: Message | str, *, err: bool = False) -> None:
    """Print ``message`` in the chosen language."""
    click.echo(text(message), err=err)


def fail(message: Message | str, exit_code: int = 1) -> NoReturn:
    """Print "fout: ..." on standard error and end the command with ``exit_code``."""
    say(Message("cli.error", text=message), err=True)
    raise SystemExit(exit_code)


def language_option(command: F, *, top: bool = False) -> F:
    """``--lang nl|en``: the language of everything the command prints (default Dutch).

    On the top command (``top``) a missing option means Dutch, so one run never inherits the
    language of an earlier one in the same process; on a subcommand it keeps the top's choice.
    """

    def choose(_ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
        if value or top:
            messages.set_language(value or messages.DEFAULT_LANGUAGE)

    return click.option(
        "--lang",
        type=click.Choice(messages.LANGUAGES),
        default=None,
        expose_value=False,
        is_eager=True,
        callback=choose,
        help="Language of the output: nl (default) or en.",
    )(command)


class ReportingGroup(click.Group):
    """A command group that turns every failure into one line in the user's language."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except SystemExit:
            raise
        except KeyboardInterrupt:
            fail(Message("cli.interrupted"), 130)
        except CodedError as error:
            _report_coded(error)
        except sqlite3.DatabaseError as error:
            fail(Message("register.unavailable", path="", reason=_database_reason(error)))
        except Exception as error:  # never a traceback for a user
            if os.environ.get(DEBUG_ENV) == "1":
                raise
            log.debug("unexpected error", exc_info=True)
            fail(Message("cli.unexpected", detail=f"{type(error).__name__}: {error}"))


def _report_coded(error: CodedError) -> NoReturn:
    from spoenk_publisher.register import RegisterImportError

    if isinstance(error, RegisterImportError):
        say(Message("cli.error", text=error.headline), err=True)
        for problem in error.problems:
            click.echo(f"{messages.display_name(error.path)}: {problem.text()}", err=True)
        raise SystemExit(1)
    fail(error.text())


def _database_reason(error: sqlite3.DatabaseError) -> Message:
    from spoenk_publisher.register.db import readable_reason

    return readable_reason(error)
