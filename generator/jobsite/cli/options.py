"""What every command shares: the `--today` option, the one read of the clock, colour, and
the way journal problems are printed."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

import click

from jobsite.model import Problem


def today_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """The `--today YYYY-MM-DD` option (a usage error, exit 2, when it is not a date)."""
    return click.option(
        "--today",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        metavar="YYYY-MM-DD",
        help="Act as if today were this date (default: the local date).",
    )(command)


def today(value: datetime | None) -> date:
    """`--today`'s date, else the local date: the one place in jobsite that asks the clock."""
    return value.date() if value is not None else date.today()


def report(problems: Iterable[Problem]) -> int:
    """Print each problem on stderr as `path:line: message`; return how many there were."""
    count = 0
    for problem in problems:
        click.echo(str(problem), err=True)
        count += 1
    return count


def color() -> bool | None:
    """None lets Click decide (colour on a terminal only); False where NO_COLOR is set."""
    return False if os.environ.get("NO_COLOR") else None
