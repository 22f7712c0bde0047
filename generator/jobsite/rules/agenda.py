"""A journal root → its settings, its opportunities and every action owed on a day.

This is the one pipeline that `due`, `check` and the site share:
settings → journal → business-day calendar → rules.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jobsite.journal.cache import Cache
from jobsite.journal.load import Journal, load_journal
from jobsite.journal.redact import redact_journal
from jobsite.journal.settings import Settings, load_settings
from jobsite.model import Action, Plan, Problem
from jobsite.rules.followups import date_warnings, plan, plan_all
from jobsite.rules.workdays import Calendar, holiday_source

_HOLIDAYS = "holidays"


@dataclass(frozen=True, slots=True)
class Agenda:
    """Everything computed for one root on one day.

    `plans` has one plan per opportunity, in path order; `actions` all their actions in
    SPEC §5 order; `problems` every file left out and every opportunity that could not be
    planned, by path and line.
    """

    root: Path
    today: date
    settings: Settings
    journal: Journal
    calendar: Calendar
    plans: tuple[Plan, ...]
    actions: tuple[Action, ...]
    problems: tuple[Problem, ...]

    def left_out(self) -> tuple[Problem, ...]:
        """The first error of each file left out of every list, by path."""
        first: dict[str, Problem] = {}
        for problem in self.problems:
            if problem.is_error:
                first.setdefault(problem.path, problem)
        return tuple(first.values())

    def checks(self) -> tuple[Problem, ...]:
        """The problems and the warnings that depend on today (`jobsite check`, the site)."""
        found = list(self.problems)
        for planned in self.plans:
            found.extend(date_warnings(planned.opportunity, self.today))
        return tuple(sorted(found, key=lambda p: (p.path, p.line)))


def build_agenda(
    root: Path,
    today: date,
    *,
    settings: Settings | None = None,
    published: bool = False,
    use_cache: bool = True,
) -> Agenda:
    """Load the root's journal and plan every action for `today`.

    `settings` are the root's as MkDocs resolved them (the plugin passes its own); by default
    they are read from the root's mkdocs.yml. `published` applies the `redact` setting, for
    what the site and the calendar publish. Raises `SettingsError` for a bad setting and
    `JournalError` when there is no journal folder.
    """
    settings = settings if settings is not None else load_settings(root)
    cache = Cache(root if use_cache else None)
    stamp = _holidays_stamp()
    table = _holiday_table(cache.load(_HOLIDAYS), stamp)
    known = len(table)
    source = holiday_source(settings.country, settings.subdivision, table, settings.where)
    calendar = Calendar(source, settings.days_off)
    calendar.is_business_day(today)  # checks the country and subdivision even in an empty journal
    journal = load_journal(root, settings.journal, cache)
    if published:
        journal = redact_journal(journal, settings.redact)
    plans, actions, problems = _plan_journal(journal, today, calendar, settings)
    if len(table) != known:
        cache.save(_HOLIDAYS, (stamp, table))
    return Agenda(root, today, settings, journal, calendar, plans, actions, problems)


def _plan_journal(
    journal: Journal, today: date, calendar: Calendar, settings: Settings
) -> tuple[tuple[Plan, ...], tuple[Action, ...], tuple[Problem, ...]]:
    """`plan_all`, where an opportunity whose dates run off the calendar (past 9999-12-31)
    becomes a problem instead of ending the command."""
    try:
        plans, actions = plan_all(journal.opportunities, today, calendar, settings)
        return plans, actions, journal.problems
    except OverflowError:
        pass
    planned, problems = [], list(journal.problems)
    for opportunity in journal.opportunities:
        try:
            planned.append(plan(opportunity, today, calendar, settings))
        except OverflowError:
            problems.append(
                Problem(
                    opportunity.path,
                    1,
                    "its follow-ups fall after 9999-12-31, the last day jobsite can count to",
                )
            )
    actions = sorted((a for p in planned for a in p.actions), key=lambda a: a.sort_key)
    problems.sort(key=lambda p: (p.path, p.line))
    return tuple(planned), tuple(actions), tuple(problems)


def _holiday_table(stored: object, stamp: object) -> dict[str, list[int]]:
    """The cached holiday ordinals, if `stored` is exactly what `build_agenda` saves, else {}."""
    if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == stamp):
        return {}
    table = stored[1]
    valid = isinstance(table, dict) and all(
        isinstance(key, str)
        and isinstance(days, list)
        and all(type(day) is int and 0 < day <= date.max.toordinal() for day in days)
        for key, days in table.items()
    )
    return table if valid else {}


def _holidays_stamp() -> tuple[str, int, int] | None:
    """Which `holidays` package is installed, found without importing it (which is slow)."""
    spec = importlib.util.find_spec("holidays")
    if spec is None or spec.origin is None:
        return None
    info = os.stat(spec.origin)
    return spec.origin, info.st_mtime_ns, info.st_size
