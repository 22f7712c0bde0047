"""`jobsite log` and `jobsite new` as functions: what they wrote, and what is owed next.

Each loads the root (settings, journal through the cache, calendar: no whole-journal plan),
writes its one file, and plans that one opportunity on the root's calendar, so that the
command only has to print the value it gets back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jobsite.agenda import load_root
from jobsite.atomic import folder_lock
from jobsite.authoring.eventlog import log_event, new_event
from jobsite.authoring.newfile import Draft, create, render
from jobsite.authoring.targets import find_target, match_contact, stranger
from jobsite.errors import EventLogError, JobsiteError, reason
from jobsite.journal.parse import parse_file
from jobsite.model import Event, Plan, Problem
from jobsite.rules.planning import past_the_calendar
from jobsite.slugs import slugify
from jobsite.vocabulary import INTERVIEWS


@dataclass(frozen=True, slots=True)
class Logged:
    """What `log` wrote and what is owed now.

    `scheduled` says the event is an interview or meeting booked ahead; `warnings` are what
    the command says on the side (a name that is none of the contacts, a repeat);
    `problems` the date warnings of the new event; `plan` the opportunity's plan on today
    (None, and a problem saying so, where its follow-ups fall past the calendar's end).
    """

    path: str
    event: Event
    scheduled: bool
    warnings: tuple[str, ...]
    problems: tuple[Problem, ...]
    plan: Plan | None


@dataclass(frozen=True, slots=True)
class Created:
    """What `new` wrote: the file, the problems it reads back with (none, written by
    jobsite, unless a template was edited meanwhile), and its plan where it loads."""

    path: str
    absolute: Path
    problems: tuple[Problem, ...]
    plan: Plan | None


def log(
    root: Path,
    target: str,
    word: str,
    *,
    today: date,
    day: date | None = None,
    with_: str | None = None,
    channel: str | None = None,
    notes: str | None = None,
    again: bool = False,
) -> Logged:
    """Add the event `word` (a type or an alias) on `day` (default today) to the one file
    `target` names (a path, or part of a company's or role's name).

    An exact repeat (the same date, type and person as an event in the file) is refused with
    `EventLogError`, naming the event there, unless `again` says it happened twice."""
    loaded = load_root(root, today)
    opportunity = find_target(root, loaded.settings.journal, target, loaded.journal)
    event = new_event(day or today, word, match_contact(opportunity, with_), channel, notes)
    warnings = []
    unknown = stranger(opportunity, event.with_)
    if unknown:
        warnings.append(unknown)
    repeated = next((e for e in opportunity.events if _repeats(event, e)), None)
    if repeated is not None and not again:
        raise EventLogError(_already(root, opportunity.path, repeated))
    updated = log_event(root, opportunity.path, event).opportunity
    line = updated.events[-1].line
    try:
        planned = loaded.plan_for(updated, today)
        problems = tuple(p for p in planned.warnings if p.line == line)
    except OverflowError:  # written all the same: the rules cannot count that far
        planned, problems = None, (past_the_calendar(opportunity.path),)
    return Logged(
        opportunity.path,
        event,
        scheduled=event.date > today and event.type in INTERVIEWS,
        warnings=tuple(warnings),
        problems=problems,
        plan=planned,
    )


def _repeats(new: Event, old: Event) -> bool:
    """Whether `new` is `old` written again: the same date, type and person, and no other
    channel (a call and an email to one person on one day are two events)."""
    return (
        (new.date, new.type) == (old.date, old.type)
        and (new.with_ or "").casefold() == (old.with_ or "").casefold()
        and (new.channel is None or old.channel is None or new.channel == old.channel)
    )


def _already(root: Path, path: str, event: Event) -> str:
    """The refusal of a repeat: the event as the file has it, and how to log it anyway."""
    try:
        lines = (root / path).read_text(encoding="utf-8-sig").splitlines()
        written = lines[event.line - 1].strip().removeprefix("- ")
    except (OSError, UnicodeDecodeError, IndexError):
        written = f"{event.date} {event.written_type}"
    return (
        f"{path}:{event.line}: this is there already: {written}\n"
        "Nothing was written. If it happened twice, log it again with --again."
    )


def new(
    root: Path, draft: Draft, *, today: date, edit: Callable[[Path], None] | None = None
) -> Created:
    """Write the opportunity of `draft` as `journal/<company>-<role>.md` (or `-2`, `-3`...:
    nothing is overwritten), hand it to `edit` where given (an editor), and plan it as it
    then reads. An application dated ahead counts from its own day, not from today; a booked
    interview is what is next."""
    loaded = load_root(root, today)
    folder = root / loaded.settings.journal
    try:
        with folder_lock(folder):
            slug = slugify(draft.company, draft.role, fallback="opportunity")
            path = create(folder, slug, render(draft).encode("utf-8"))
    except OSError as error:
        raise JobsiteError(f"{loaded.settings.journal}: {reason(error)}") from None
    relative = path.relative_to(root).as_posix()
    if edit is not None:
        edit(path)
    try:
        parsed = parse_file(relative, path.read_bytes())
    except OSError as error:
        raise JobsiteError(f"{relative}: {reason(error)}") from None
    planned, problems = None, tuple(parsed.problems)
    if parsed.opportunity is not None:
        ahead = [e.date for e in parsed.opportunity.events if e.type not in INTERVIEWS]
        try:
            planned = loaded.plan_for(parsed.opportunity, max([today, *ahead]))
        except OverflowError:
            problems += (past_the_calendar(relative),)
    return Created(relative, path, problems, planned)
