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
from jobsite.errors import JobsiteError, reason
from jobsite.journal.parse import parse_file
from jobsite.model import Event, Plan, Problem
from jobsite.slugs import slugify
from jobsite.vocabulary import INTERVIEWS


@dataclass(frozen=True, slots=True)
class Logged:
    """What `log` wrote and what is owed now.

    `scheduled` says the event is an interview or meeting booked ahead; `warnings` are what
    the command says on the side (a name that is none of the contacts, a repeat);
    `problems` the date warnings of the new event; `plan` the opportunity's plan on today.
    """

    path: str
    event: Event
    scheduled: bool
    warnings: tuple[str, ...]
    problems: tuple[Problem, ...]
    plan: Plan


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
) -> Logged:
    """Add the event `word` (a type or an alias) on `day` (default today) to the one file
    `target` names (a path, or part of a company's or role's name)."""
    loaded = load_root(root, today)
    opportunity = find_target(root, loaded.settings.journal, target, loaded.journal)
    event = new_event(day or today, word, match_contact(opportunity, with_), channel, notes)
    warnings = []
    unknown = stranger(opportunity, event.with_)
    if unknown:
        warnings.append(unknown)
    if any((e.date, e.type) == (event.date, event.type) for e in opportunity.events):
        warnings.append(f"{event.type} on {event.date} is there already")
    updated = log_event(root, opportunity.path, event).opportunity
    planned = loaded.plan_for(updated, today)
    line = updated.events[-1].line
    return Logged(
        opportunity.path,
        event,
        scheduled=event.date > today and event.type in INTERVIEWS,
        warnings=tuple(warnings),
        problems=tuple(p for p in planned.warnings if p.line == line),
        plan=planned,
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
    planned = None
    if parsed.opportunity is not None:
        ahead = [e.date for e in parsed.opportunity.events if e.type not in INTERVIEWS]
        planned = loaded.plan_for(parsed.opportunity, max([today, *ahead]))
    return Created(relative, path, tuple(parsed.problems), planned)
