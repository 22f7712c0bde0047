"""The authoring commands: `init`, `new`, `log`, `ics` and `schema`.

Each parses its options, calls one core function and prints. As everywhere in `jobsite.cli`,
only the command line reads the clock (`--today` overrides it), and every path is relative
to the journal root (`-C`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import click

from jobsite.atomic import folder_lock, write_atomic
from jobsite.cli.options import report, today_option
from jobsite.cli.options import today as today_from
from jobsite.errors import JobsiteError, reason
from jobsite.journal.parse import parse_file
from jobsite.model import Event, Opportunity, Plan
from jobsite.rules.agenda import Agenda, build_agenda
from jobsite.rules.followups import date_warnings, plan
from jobsite.slugs import slugify
from jobsite.vocabulary import ACTION_LABELS, CHANNELS, INTERVIEWS, KINDS, TYPE_WORDS, resolve
from jobsite.words import iso_day, quoted

_DATE_FORMATS = ["%Y-%m-%d"]


def _git_url(_context: click.Context, _parameter: click.Parameter, url: str | None) -> str | None:
    """`--pin-git`'s URL, `git+` or not, checked before anything is written."""
    from jobsite.authoring.init import git_url_problem  # noqa: PLC0415 - as `init` below

    if url is None:
        return None
    url = url.removeprefix("git+")
    problem = git_url_problem(url)
    if problem is not None:
        raise click.BadParameter(
            f"{problem}, such as https://github.com/OWNER/jobsite, not {quoted(url)}"
        )
    return url


@click.command()
@click.argument("directory", required=False, type=click.Path(path_type=Path), metavar="[DIR]")
@click.option(
    "--pin-git",
    metavar="URL",
    callback=_git_url,
    help="Pin jobsite in requirements.txt to this version's tag in the repository at URL "
    "(jobsite @ git+URL@vX.Y.Z) rather than to the package index's jobsite==X.Y.Z.",
)
@today_option
@click.pass_obj
def init(root: Path, directory: Path | None, pin_git: str | None, today: datetime | None) -> None:
    """Start a journal in DIR (default: here): mkdocs.yml, journal/, an example and more.

    requirements.txt pins the version of jobsite that ran init: the publishing workflow
    installs exactly that. It never overwrites a file: where any of its files is already
    there, it lists them and writes nothing.

    \b
    Example: jobsite init myjobs
    """
    from jobsite.authoring.init import init_journal  # noqa: PLC0415 - reads the packaged files

    target = root / directory if directory is not None else root
    written = init_journal(target, today_from(today), git_url=pin_git)
    click.echo(f"Started a journal in {target}:")
    for name in written:
        click.echo(f"  {name}")
    enter = f"cd {directory} && " if directory is not None else ""
    click.echo(f'Next: {enter}jobsite new "Company" --role "Position" --applied')


@click.command()
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
    is_flag=False,
    flag_value="today",
    metavar="[DATE]",
    help="Record the application, on DATE or today.",
)
@click.option(
    "--contacted",
    is_flag=False,
    flag_value="today",
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
    from jobsite.authoring.newfile import Draft, create, render  # noqa: PLC0415 - python-frontmatter

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
    agenda = build_agenda(root, day)
    folder = root / agenda.settings.journal
    with _file_errors(agenda.settings.journal), folder_lock(folder):
        path = create(
            folder, slugify(company, role, fallback="opportunity"), render(draft).encode("utf-8")
        )
    relative = path.relative_to(root).as_posix()
    if edit:
        click.edit(filename=str(path))
    with _file_errors(relative):
        parsed = parse_file(relative, path.read_bytes())
    report(parsed.problems)
    click.echo(f"Created {relative}")
    if parsed.opportunity is not None:
        # An application dated ahead counts from its own day, not from today; a booked
        # interview is shown as what is next.
        past = [e.date for e in parsed.opportunity.events if e.type not in INTERVIEWS]
        _print_next(parsed.opportunity, max([day, *past]), agenda)


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
    today: datetime | None,
) -> None:
    """Record an event: adds one item to the file's events and changes nothing else.

    TARGET is a file's path or part of the company's or role's name. TYPE is contacted,
    applied, follow-up (or call, voicemail, email), reply, interview, meeting, thank-you,
    note, or a closing word: offer, hired, rejected, withdrawn, closed.

    \b
    Example: jobsite log acme call --with Dana --notes "left the three-part message"
    """
    from jobsite.authoring.eventlog import log_event, new_event  # noqa: PLC0415 - `due` never needs them
    from jobsite.authoring.targets import find_target, match_contact, stranger  # noqa: PLC0415

    now = today_from(today)
    agenda = build_agenda(root, now)
    opportunity = find_target(root, agenda.settings.journal, target, agenda.journal)
    when = day.date() if day is not None else now
    contact = match_contact(opportunity, with_)
    event = new_event(when, event_type, contact, channel, notes)
    unknown = stranger(opportunity, event.with_)
    if unknown:
        click.echo(f"{opportunity.path}: warning: {unknown}", err=True)
    if any((e.date, e.type) == (event.date, event.type) for e in opportunity.events):
        click.echo(
            f"{opportunity.path}: warning: {event.type} on {when} is there already", err=True
        )
    new_data = log_event(root, opportunity.path, event)
    updated = parse_file(opportunity.path, new_data).opportunity or opportunity
    recorded = "Scheduled" if when > now and event_type in INTERVIEWS else "Logged"
    click.echo(f"{recorded} {_describe(event)} in {opportunity.path}")
    report(p for p in date_warnings(updated, now) if p.line == updated.events[-1].line)
    _print_next(updated, now, agenda)


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
    from jobsite.site.ics import render_calendar  # noqa: PLC0415 - imports icalendar

    agenda = build_agenda(root, today_from(today), published=True)  # redacted, as calendar.ics
    report(agenda.problems)
    data = render_calendar(agenda.actions, agenda.today)
    if output is None or output == "-":
        click.echo(data, nl=False)
        return
    with _file_errors(output):
        write_atomic(root / output, data)
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


def _print_next(opportunity: Opportunity, today: date, agenda: Agenda) -> None:
    """The actions now owed for `opportunity`, the first as `Next:`; or why there is none."""
    planned = plan(opportunity, today, agenda.calendar, agenda.settings)
    if not planned.actions:
        click.echo(f"Next: nothing: {_why_nothing(planned)}")
        return
    for index, action in enumerate(sorted(planned.actions, key=lambda a: a.sort_key)):
        when = f"due {iso_day(action.due)}"
        if action.due_by != action.due:
            when = f"due between {iso_day(action.due)} and {iso_day(action.due_by)}"
        late = " (overdue)" if action.bucket == "overdue" else ""
        contact = opportunity.primary_contact
        reach = (
            f" - {contact.name}" + (f", {contact.phone}" if contact.phone else "")
            if contact
            else ""
        )
        label = "Next" if index == 0 else "Also"
        click.echo(f"{label}: {ACTION_LABELS[action.action]}, {when}{late}{reach}")


def _why_nothing(planned: Plan) -> str:
    """The rules' reason for an opportunity that owes nothing, in words."""
    if planned.status == "paused":
        return "the opportunity is paused"
    if planned.status == "lead":
        scheduled = planned.scheduled
        if scheduled is not None:
            # guide/rules.md §4: with no past event it is a lead, even with an interview booked.
            return f"its first event is the {scheduled.type} on {iso_day(scheduled.date)}"
        path = planned.opportunity.path
        first = "contacted" if planned.opportunity.kind == "networking" else "applied"
        return f"a lead until its first event (jobsite log {path} {first})"
    if planned.status != "active":
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
_CHANNEL_PHRASES = {"in-person": "in person", "linkedin": "on LinkedIn", "other": "(other channel)"}


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


@contextlib.contextmanager
def _file_errors(name: str) -> Iterator[None]:
    """An OSError as the one-line user error `NAME: reason`."""
    try:
        yield
    except OSError as error:
        raise JobsiteError(f"{name}: {reason(error)}") from None


COMMANDS = (init, new, log, ics, schema)
