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
@click.option(
    "--logged-since",
    "since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="Instead: what was logged from that day to today (what closes yesterday's digest).",
)
@click.option(
    "--channel",
    type=click.Choice(("issue",)),
    help="Print nothing unless mkdocs.yml's `digest` setting names this channel.",
)
@click.pass_obj
def digest(
    root: Path,
    *,
    today: datetime | None,
    form: str,
    since: datetime | None,
    channel: str | None,
) -> None:
    """Print today's overdue and due calls and notes, each with the contact, the number, what
    to say, the last note and how to log it; then what is coming up.

    Prints nothing at all when nothing is owed today, so a scheduled job sends no empty
    message. Where it runs in a GitHub workflow, or mkdocs.yml names the repository
    (repo_url), each call links GitHub's editor on its file.

    \b
    Example: jobsite digest --format markdown > digest.md
    Example: jobsite digest | mail -s "Calls for today" me@example.com
    """
    from jobsite import digest as core  # noqa: PLC0415
    from jobsite.agenda import build_agenda  # noqa: PLC0415 - as every command
    from jobsite.site.templates import environment  # noqa: PLC0415 - imports Jinja

    agenda = build_agenda(root, today_from(today))
    report(agenda.problems)
    if channel is not None and agenda.settings.digest != channel:
        return
    if since is not None:
        text = core.render_logged(
            core.logged_since(agenda, since.date()),
            form,
            environment(root, agenda.settings.language),
        )
    else:
        from jobsite.cli.sheet import Words  # noqa: PLC0415 - the call sheet's words
        from jobsite.cues import cue  # noqa: PLC0415

        env = environment(root, agenda.settings.language)
        words, day = Words.of(root, agenda.settings.language), env.filters["day"]
        made = core.build_digest(agenda, core.repository_of_root(root, os.environ))
        # The line to say, as `jobsite today` says it, with the digest's way of writing days.
        text = core.render_digest(made, form, env, lambda action: cue(action, words.gettext, day))
    if text:
        # Each line made inert: a journal's value never drives the terminal.
        click.echo("\n".join(inert(line) for line in text.splitlines()))


COMMANDS = (digest,)
