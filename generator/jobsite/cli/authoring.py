"""The authoring commands: `init`, `new` and `log`.

Each parses its options, calls one core function and prints. As everywhere in `jobsite.cli`,
only the command line reads the clock (`--today` overrides it), and every path is relative
to the journal root (`-C`).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from jobsite.cli.options import DatedOptions, report, today_option
from jobsite.cli.options import today as today_from
from jobsite.vocabulary import ACTION_LABELS, CHANNELS, KINDS, TYPE_WORDS, resolve
from jobsite.words import inert, iso_day

if TYPE_CHECKING:
    from jobsite.model import Event, Plan

_DATE_FORMATS = ["%Y-%m-%d"]


@click.command()
@click.argument("directory", required=False, type=click.Path(path_type=Path), metavar="[DIR]")
@today_option
@click.pass_obj
def init(root: Path, directory: Path | None, today: datetime | None) -> None:
    """Start a journal in DIR (default: here): mkdocs.yml, journal/, an example and more.

    requirements.txt pins the jobsite that ran init, as it was installed: a release from the
    package index by its version, an install from git by its commit, an install from a
    folder or a wheel as a wheel in vendor/, by its sha256. The publishing workflow installs
    exactly that. It never overwrites a file: where any of its files is already there, it
    lists them and writes nothing.

    \b
    Example: jobsite init myjobs
    """
    from jobsite.authoring import pinning  # noqa: PLC0415 - reads the packaged files
    from jobsite.authoring.init import init_journal  # noqa: PLC0415 - the same

    target = root / directory if directory is not None else root
    started = init_journal(
        target, today_from(today), lambda: pinning.pin_for(pinning.installed_jobsite())
    )
    click.echo(f"Started a journal in {target}:")
    for name in started.written:
        click.echo(f"  {name}")
    click.echo(f"{started.pin.said}.")
    enter = f"cd {directory} && " if directory is not None else ""
    click.echo(f'Next: {enter}jobsite new "Company" --role "Position" --applied')


@click.command(
    cls=DatedOptions,
    optional=("--applied", "--contacted"),
    required=("--interview", "--meeting"),
)
@click.argument("company")
@click.option("--role", metavar="ROLE", help="The position.")
@click.option("--contact", metavar="NAME", help="The hiring manager or HR contact.")
@click.option("--phone", metavar="PHONE", help="The contact's phone (needs --contact).")
@click.option("--email", metavar="EMAIL", help="The contact's email (needs --contact).")
@click.option(
    "--kind",
    type=click.Choice(KINDS, case_sensitive=False),
    default="job",
    show_default=True,
    help="networking: a contact with no opening yet.",
)
@click.option(
    "--applied",
    metavar="[DATE]",
    help="Record the application, on DATE or today.",
)
@click.option(
    "--contacted",
    metavar="[DATE]",
    help="Record the first contact, on DATE or today.",
)
@click.option(
    "--interview",
    metavar="DATE",
    help="Record an interview on DATE (a date ahead books it).",
)
@click.option(
    "--meeting",
    metavar="DATE",
    help="Record a networking meeting or informational interview on DATE.",
)
@click.option("--edit", is_flag=True, help="Open the new file in $EDITOR.")
@today_option
@click.pass_obj
def new(
    root: Path,
    *,
    company: str,
    role: str | None,
    contact: str | None,
    phone: str | None,
    email: str | None,
    kind: str,
    applied: str | None,
    contacted: str | None,
    interview: str | None,
    meeting: str | None,
    edit: bool,
    today: datetime | None,
) -> None:
    """Add an opportunity: writes journal/<company>-<role>.md and prints its first follow-up.

    A second opportunity with the same name gets -2, -3...: nothing is ever overwritten.

    \b
    Example: jobsite new "Acme Corp" --role "Data Engineer" --contact "Dana Smith" --applied
    Example: jobsite new "Omar Haddad" --kind networking --contacted --meeting 2026-12-02
    """
    from jobsite.authoring.logbook import new as add  # noqa: PLC0415 - python-frontmatter
    from jobsite.authoring.newfile import Draft  # noqa: PLC0415

    if applied is not None and contacted is not None:
        raise click.UsageError("--applied and --contacted cannot be used together")
    if (phone or email) and not contact:
        raise click.UsageError("--phone and --email belong to a contact: add --contact NAME")
    if not company.strip():
        raise click.BadParameter("is empty", param_hint="'COMPANY'")
    day = today_from(today)
    given = {"applied": applied, "contacted": contacted, "interview": interview, "meeting": meeting}
    events = tuple(
        (word, _date_value(value, f"--{word}", day))
        for word, value in given.items()
        if value is not None
    )
    draft = Draft(
        _one_line(company) or "",
        _one_line(role),
        kind.lower(),
        _one_line(contact),
        _one_line(phone),
        _one_line(email),
        events,
    )
    editor = (lambda path: click.edit(filename=str(path))) if edit else None
    created = add(root, draft, today=day, edit=editor)
    report(created.problems)
    click.echo(inert(f"Created {created.path}"))
    if created.plan is not None:
        _print_next(created.plan)


@click.command()
@click.argument("target")
@click.argument("event_type", metavar="TYPE", callback=lambda _c, _p, v: _word("type", v))
@click.option(
    "--date",
    "day",
    type=click.DateTime(formats=_DATE_FORMATS),
    metavar="YYYY-MM-DD",
    help="When it happened (default: today); a future interview is a scheduled one.",
)
@click.option("--with", "with_", metavar="NAME", help="The contact (part of the name will do).")
@click.option(
    "--channel",
    metavar="CHANNEL",
    help="phone, voicemail, email, letter, in-person, video, linkedin or other.",
    callback=lambda _c, _p, v: _word("channel", v),
)
@click.option("--notes", metavar="TEXT", help="A note on what happened.")
@click.option(
    "--again",
    is_flag=True,
    help="Log it though the same event (date, type, person) is there already.",
)
@today_option
@click.pass_obj
def log(
    root: Path,
    *,
    target: str,
    event_type: str,
    day: datetime | None,
    with_: str | None,
    channel: str | None,
    notes: str | None,
    again: bool,
    today: datetime | None,
) -> None:
    """Record an event: adds one item to the file's events and changes nothing else.

    TARGET is a file's path or part of the company's or role's name. TYPE is contacted,
    applied, follow-up (or call, voicemail, email), reply, interview, meeting, thank-you,
    note, or a closing word: offer, hired, rejected, withdrawn, closed. The same event
    twice (date, type and person) is refused unless --again says it happened twice.

    \b
    Example: jobsite log acme call --with Dana --notes "left the three-part message"
    """
    from jobsite.authoring.logbook import log as add  # noqa: PLC0415 - `due` never needs it

    now = today_from(today)
    logged = add(
        root,
        target,
        event_type,
        today=now,
        day=day.date() if day is not None else None,
        with_=with_,
        channel=channel,
        notes=notes,
        again=again,
    )
    for warning in logged.warnings:
        click.echo(inert(f"{logged.path}: warning: {warning}"), err=True)
    recorded = "Scheduled" if logged.scheduled else "Logged"
    click.echo(inert(f"{recorded} {_describe(logged.event)} in {logged.path}"))
    report(logged.problems)
    if logged.plan is not None:
        _print_next(logged.plan)


def _print_next(planned: Plan) -> None:
    """The actions now owed, the first as `Next:`; or why there is none."""
    if not planned.actions:
        click.echo(inert(f"Next: nothing: {_why_nothing(planned)}"))
        return
    contact = planned.opportunity.primary_contact
    reach = (
        f" - {contact.name}" + (f", {contact.phone}" if contact.phone else "") if contact else ""
    )
    for index, action in enumerate(sorted(planned.actions, key=lambda a: a.sort_key)):
        when = f"due {iso_day(action.due)}"
        if action.due_by != action.due:
            when = f"due between {iso_day(action.due)} and {iso_day(action.due_by)}"
        late = " (overdue)" if action.bucket == "overdue" else ""
        label = "Next" if index == 0 else "Also"
        click.echo(inert(f"{label}: {ACTION_LABELS[action.word]}, {when}{late}{reach}"))


def _why_nothing(planned: Plan) -> str:
    """The rules' reason for an opportunity that owes nothing (`Plan.idle`), in words."""
    if planned.idle == "paused":
        return "the opportunity is paused"
    if planned.idle == "lead":
        path = planned.opportunity.path
        first = "contacted" if planned.networking else "applied"
        return f"a lead until its first event (jobsite log {path} {first})"
    if planned.idle == "closed":
        return "the opportunity is closed"
    return "no follow-up is owed"


# How `log` names what it recorded: "Logged the meeting in person with Omar Haddad on ...".
_EVENT_NOUNS = {
    "contacted": "the first contact",
    "applied": "the application",
    "follow-up": "a follow-up",
    "call": "a call",
    "voicemail": "a voicemail",
    "email": "an email",
    "reply": "their reply",
    "interview": "the interview",
    "meeting": "the meeting",
    "thank-you": "the thank-you call",
    "note": "the handwritten note",
    "offer": "the offer",
    "hired": "the hire",
    "rejected": "the rejection",
    "withdrawn": "your withdrawal",
    "closed": "the close",
}
_CHANNEL_PHRASES = {
    "in-person": "in person",
    "linkedin": "on LinkedIn",
    "other": "(other channel)",
}


def _describe(event: Event) -> str:
    """`the meeting in person with Omar Haddad on Thu 2026-11-26`."""
    parts = [_EVENT_NOUNS[event.written_type]]
    channel = event.written_channel
    if channel:
        parts.append(_CHANNEL_PHRASES.get(channel, f"by {channel}"))
    if event.with_:
        parts.append(f"with {event.with_}")
    return f"{' '.join(parts)} on {iso_day(event.date)}"


def _word(what: str, value: str | None) -> str | None:
    """A TYPE or channel from the loader's vocabulary, or Click's usage error (exit 2)
    offering the closest word."""
    if value is None:
        return None
    try:
        return resolve(value, TYPE_WORDS if what == "type" else CHANNELS, what)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def _date_value(text: str, option: str, today: date) -> date:
    if text == "today":
        return today
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        raise click.BadParameter(
            f"'{text}' is not a date (YYYY-MM-DD)", param_hint=option
        ) from None


def _one_line(text: str | None) -> str | None:
    """A name or a number as one line: a pasted line break or tab becomes a space."""
    return (" ".join(text.split()) or None) if text is not None else None


COMMANDS = (init, new, log)
