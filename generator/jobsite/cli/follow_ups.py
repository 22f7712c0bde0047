"""`jobsite due`, `jobsite today` and `jobsite check`: the follow-ups owed, today's call sheet,
and what is wrong in the journal."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from jobsite.cli.options import report, today_option
from jobsite.cli.options import today as today_from
from jobsite.errors import JobsiteError
from jobsite.words import count

if TYPE_CHECKING:
    from jobsite.agenda import Agenda
    from jobsite.model import Problem


@click.command()
@today_option
@click.option("--all", "show_all", is_flag=True, help="Also list actions beyond the horizon.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON array instead of text.")
@click.option("--leads", "show_leads", is_flag=True, help="List the leads not yet contacted.")
@click.option("--strict", is_flag=True, help="Exit 1 if any journal file has a problem.")
@click.pass_obj
def due(
    root: Path,
    *,
    today: datetime | None,
    show_all: bool,
    as_json: bool,
    show_leads: bool,
    strict: bool,
) -> None:
    """List the follow-ups that are overdue, due now and coming up.

    Example: jobsite due --today 2026-11-26
    """
    # Only what the due list needs is imported here: a warm run reads its kept view
    # (jobsite.dueview) without the parser, the rules or PyYAML.
    from jobsite.cli.output import format_due, format_json  # noqa: PLC0415
    from jobsite.dueview import due_view  # noqa: PLC0415

    view = due_view(root, today_from(today))
    for problem in view.problems:
        click.echo(problem, err=True)
    problems = len(view.problems)
    if as_json:
        shown = [row for row in view.rows if show_all or row.bucket != "later"]
        click.echo(format_json(shown))  # the problems are on stderr already, one a line
    else:
        click.echo(format_due(view, show_all=show_all, show_leads=show_leads))
    if strict and problems:
        raise JobsiteError(f"--strict: {count(problems, 'problem')} in the journal")


@click.command()
@today_option
@click.option("--strict", is_flag=True, help="Exit 1 if any journal file has a problem.")
@click.pass_obj
def today(root: Path, *, today: datetime | None, strict: bool) -> None:
    """Print today's call sheet: each overdue and due call and note, with the phone number,
    what to say and the command that logs it.

    The same list as the site's page today/, in the same order, in the site's language.

    Example: jobsite today
    """
    from jobsite.agenda import build_agenda  # noqa: PLC0415 - not on `due`'s warm path
    from jobsite.cli.sheet import Words, format_today  # noqa: PLC0415

    agenda = build_agenda(root, today_from(today))
    problems = report(agenda.problems)
    words = Words.of(root, agenda.settings.language)
    text = format_today(
        agenda.actions,
        agenda.today,
        left_out=len(agenda.left_out()),
        words=words,
        me=agenda.settings.me,
        quiet_after_days=agenda.settings.quiet_after_days,
    )
    click.echo(text)
    if strict and problems:
        raise JobsiteError(f"--strict: {count(problems, 'problem')} in the journal")


@click.command()
@today_option
@click.pass_obj
def check(root: Path, today: datetime | None) -> None:
    """Validate mkdocs.yml as a build does, the settings and every journal file; exit 1 if
    any has an error.

    Example: jobsite check
    """
    from jobsite.agenda import build_agenda  # noqa: PLC0415 - not on `due`'s warm path
    from jobsite.site.configcheck import mkdocs_problems  # noqa: PLC0415 - imports MkDocs

    agenda = build_agenda(root, today_from(today))
    problems = (*mkdocs_problems(root), *agenda.checks())
    report(problems)
    click.echo(_summary(agenda, problems))
    errors = sum(p.is_error for p in problems)
    if errors:
        them = "it" if errors == 1 else "them"
        raise JobsiteError(f"{count(errors, 'error')}: fix {them} and run 'jobsite check' again")


def _summary(agenda: Agenda, problems: tuple[Problem, ...]) -> str:
    journal = agenda.journal
    loaded = count(len(journal.opportunities), "opportunity")
    checked = f"{count(journal.files, 'file')} checked, {loaded} loaded"
    errors = sum(p.is_error for p in problems)
    if not problems:
        return f"{checked}: no problems."
    return f"{checked}: {count(errors, 'error')}, {count(len(problems) - errors, 'warning')}."


COMMANDS = (due, today, check)
