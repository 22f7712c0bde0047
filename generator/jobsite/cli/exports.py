"""`jobsite ics` and `jobsite schema`: what the journal gives other programs, a calendar app and
an editor.

Each parses its options, calls one core function and prints.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from jobsite.cli.options import report, today_option
from jobsite.cli.options import today as today_from
from jobsite.errors import JobsiteError, reason


@click.command()
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    help="Write to FILE (relative to the journal root) instead of standard output.",
)
@today_option
@click.pass_obj
def ics(root: Path, output: str | None, today: datetime | None) -> None:
    """Print every action as an all-day event of an iCalendar file, for a calendar app.

    Each action keeps its UID from one run to the next, so a subscribed calendar updates
    its events instead of adding copies.

    \b
    Example: jobsite ics -o calendar.ics
    """
    from jobsite.agenda import build_agenda  # noqa: PLC0415 - not on `due`'s warm path
    from jobsite.atomic import write_atomic  # noqa: PLC0415
    from jobsite.site.ics import render_calendar  # noqa: PLC0415 - imports icalendar
    from jobsite.site.templates import environment  # noqa: PLC0415 - imports Jinja

    agenda = build_agenda(root, today_from(today), published=True)  # redacted, as calendar.ics
    report(agenda.problems)
    data = render_calendar(
        agenda.actions,
        agenda.today,
        environment(root, agenda.settings.language),
        alarm=agenda.settings.calendar_alarm,
    )
    if output is None or output == "-":
        click.echo(data, nl=False)
        return
    try:
        write_atomic(root / output, data)
    except OSError as error:
        raise JobsiteError(f"{output}: {reason(error)}") from None
    count = len(agenda.actions)
    click.echo(f"Wrote {count} event{'' if count == 1 else 's'} to {output}")


@click.command()
def schema() -> None:
    """Print the JSON Schema of an opportunity file's front matter, for editors.

    \b
    Example: jobsite schema > opportunity.schema.json
    """
    from jobsite.authoring.schema import shipped_schema  # noqa: PLC0415

    click.echo(shipped_schema(), nl=False)


COMMANDS = (ics, schema)
