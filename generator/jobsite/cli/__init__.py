"""The `jobsite` command line: parse the options, call one core function, print.

Only the command line reads the clock (`cli_options.today`; `--today` overrides it). User
errors become a one-line message and exit status 1 in one place, `_Group.invoke`; Click gives
usage errors 2.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from jobsite import __version__
from jobsite.cli.options import report, today_option
from jobsite.cli.options import today as today_from
from jobsite.cli.output import format_due, format_json
from jobsite.errors import JobsiteError
from jobsite.model import Problem
from jobsite.rules.agenda import Agenda, build_agenda
from jobsite.rules.followups import date_warnings


class _Group(click.Group):
    """Turns every `JobsiteError` into its message on stderr and its exit status."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except JobsiteError as error:
            click.echo(str(error), err=True)
            ctx.exit(error.exit_code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "-C",
    "root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("."),
    metavar="DIR",
    help="Run as if jobsite was started in DIR (the journal root) instead of here.",
)
@click.version_option(__version__, "--version", prog_name="jobsite")
@click.pass_context
def main(ctx: click.Context, root: Path) -> None:
    """Follow-ups owed by the 3x3 method, from a folder of Markdown job notes.

    The journal root is a folder holding mkdocs.yml and journal/, one Markdown file per
    opportunity. Run `jobsite due` each morning for the calls and notes you owe.
    """
    ctx.obj = root


def _color() -> bool | None:
    """None lets Click decide (colour on a terminal only); False where NO_COLOR is set."""
    return False if os.environ.get("NO_COLOR") else None


@main.command()
@today_option
@click.option("--all", "show_all", is_flag=True, help="Also list actions beyond the horizon.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON array instead of text.")
@click.option("--strict", is_flag=True, help="Exit 1 if any journal file has a problem.")
@click.pass_obj
def due(root: Path, today: datetime | None, show_all: bool, as_json: bool, strict: bool) -> None:
    """List the follow-ups that are overdue, due now and coming up.

    Example: jobsite due --today 2026-11-26
    """
    agenda = build_agenda(root, today_from(today))
    problems = report(agenda.journal.problems)
    shown = [a for a in agenda.actions if show_all or a.bucket != "later"]
    if as_json:
        click.echo(format_json(shown))
    else:
        hidden = len(agenda.actions) - len(shown)
        text = format_due(shown, agenda.today, agenda.settings.horizon_days, hidden)
        click.echo(text, color=_color())
    if strict and problems:
        raise JobsiteError(f"--strict: {_count(problems, 'problem')} in the journal")


@main.command()
@today_option
@click.pass_obj
def check(root: Path, today: datetime | None) -> None:
    """Validate the settings and every journal file; exit 1 if any has an error.

    Example: jobsite check
    """
    agenda = build_agenda(root, today_from(today))
    problems = list(agenda.journal.problems)
    for opportunity in agenda.journal.opportunities:
        problems.extend(date_warnings(opportunity, agenda.today))
    problems.sort(key=lambda p: (p.path, p.line))
    report(problems)
    click.echo(_summary(agenda, problems))
    errors = sum(p.is_error for p in problems)
    if errors:
        raise JobsiteError(f"{_count(errors, 'error')}: fix them and run 'jobsite check' again")


@main.command()
@today_option
@click.option("--strict", is_flag=True, help="Fail if any journal file or page has a problem.")
@click.pass_obj
def build(root: Path, today: datetime | None, strict: bool) -> None:
    """Render the private site into site/ (MkDocs with the Material theme).

    Example: jobsite build --strict
    """
    from jobsite.site.build import build_site  # noqa: PLC0415 - MkDocs is slow to import; `due` never needs it

    site_dir = build_site(root, today_from(today) if today else None, strict=strict)
    click.echo(
        f"Built the site in {site_dir}: open {site_dir / 'index.html'} or run 'jobsite serve'."
    )


@main.command()
@today_option
@click.option(
    "-a",
    "--dev-addr",
    default="127.0.0.1:8000",
    show_default=True,
    metavar="IP:PORT",
    help="Where to serve the site (localhost only by default).",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the site in a browser.")
@click.pass_obj
def serve(root: Path, today: datetime | None, dev_addr: str, open_browser: bool) -> None:
    """Serve the site on localhost, rebuilt when a journal file, a template or mkdocs.yml changes.

    Example: jobsite serve --open
    """
    from jobsite.site.build import serve_site  # noqa: PLC0415 - as in `build`

    serve_site(
        root, today_from(today) if today else None, dev_addr=dev_addr, open_browser=open_browser
    )


def _summary(agenda: Agenda, problems: list[Problem]) -> str:
    journal = agenda.journal
    loaded = _count(len(journal.opportunities), "opportunity")
    counts = f"{_count(journal.files, 'file')} checked, {loaded} loaded"
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return f"{counts}: no problems."
    return f"{counts}: {_count(errors, 'error')}, {_count(warnings, 'warning')}."


def _count(number: int, noun: str) -> str:
    plural = "opportunities" if noun == "opportunity" else f"{noun}s"
    return f"{number} {noun if number == 1 else plural}"


from jobsite.cli.authoring import register as _register_authoring  # noqa: E402

_register_authoring(main)
