"""What every command shares: the `--today` option, the one read of the clock, and the way
journal problems are printed (colour and inert output: `jobsite.cli.terminal`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import click

from jobsite.words import quoted

if TYPE_CHECKING:
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


# What a date given on the command line looks like, right or wrong: `2026-11-02`, `11/02/2026`
# (refused later, with a message), `today`. A company's name never does.
_DATE_LIKE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|today", re.IGNORECASE)


class DatedOptions(click.Command):
    """A command whose `optional` options take a date or none (`--applied [DATE]`), and
    whose `required` options need one: the word after such an option is its value only where
    it looks like a date, so `new --applied "Zeta Corp"` never takes the company for the
    date of the application."""

    def __init__(
        self, *args: Any, optional: tuple[str, ...] = (), required: tuple[str, ...] = (), **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        self.optional, self.required = optional, required

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        given = list(args)
        for index, word in enumerate(given):
            if word == "--":
                break
            if word not in (*self.optional, *self.required):
                continue
            upcoming = given[index + 1] if index + 1 < len(given) else None
            if _looks_like_a_date(upcoming):
                continue
            if word in self.optional:
                given[index] = f"{word}=today"
            elif upcoming is not None and not upcoming.startswith("-"):  # else Click says it
                raise click.BadParameter(
                    f"expected a date (YYYY-MM-DD), not {quoted(upcoming)}", ctx, param_hint=word
                )
        return super().parse_args(ctx, given)


def _looks_like_a_date(word: str | None) -> bool:
    return word is not None and _DATE_LIKE.fullmatch(word.strip()) is not None
