"""`jobsite digest`: today's calls with their context, for a mail, a GitHub issue or a phone."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import click

from jobsite.cli.options import report, today_option
from jobsite.cli.options import today as today_from
from jobsite.words import inert


@click.command()
@today_option
@click.option(
    "--format",
    "form",
    type=click.Choice(("markdown", "text", "json")),
    default="text",
    show_default=True,
    help="markdown: a GitHub issue's body (its first line the title); json: for a script.",
)
@click.pass_obj
def digest(root: Path, *, today: datetime | None, form: str) -> None:
    """Print today's overdue and due calls and notes, each with the contact, the number, what
    to say, the last note and how to log it; then what is coming up.

    Prints nothing at all when nothing is owed today, so a scheduled job sends no empty
    message. Where it runs in a GitHub workflow, or mkdocs.yml names the repository
    (repo_url), each call links GitHub's editor on its file.

    \b
    Example: jobsite digest --format markdown > digest.md
    Example: jobsite digest | mail -s "Calls for today" me@example.com
    """
    from jobsite.agenda import build_agenda  # noqa: PLC0415 - as every command
    from jobsite.digest import build_digest, render_digest, repository_of_root  # noqa: PLC0415
    from jobsite.site.templates import environment  # noqa: PLC0415 - imports Jinja

    agenda = build_agenda(root, today_from(today))
    report(agenda.problems)
    made = build_digest(agenda, repository_of_root(root, os.environ))
    text = render_digest(made, form, environment(root))
    if text:
        # Each line made inert: a journal's value never drives the terminal.
        click.echo("\n".join(inert(line) for line in text.splitlines()))


COMMANDS = (digest,)
