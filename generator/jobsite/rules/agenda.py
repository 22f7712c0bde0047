"""A journal root → its settings, its opportunities and every action owed on a day.

This is the one pipeline that `due`, `check` and the site share:
settings → journal → business-day calendar → rules.

The plans are cached for one day and one set of settings, file by file: a plan is reused
where its file's SHA-256 is the one it was made from. The cached plans refer to the parse
cache's opportunities and events instead of holding copies, so they cost little to read back.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jobsite.journal.cache import Cache
from jobsite.journal.load import Journal, load_journal
from jobsite.journal.redact import redact_journal
from jobsite.journal.settings import Settings, load_settings
from jobsite.model import Action, Event, Opportunity, Plan, Problem
from jobsite.rules import followups, workdays
from jobsite.rules.followups import date_warnings, ordered_actions, plan
from jobsite.rules.workdays import Calendar, holiday_source

_HOLIDAYS = "holidays"
_PLANS = "plans"


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
    plans_cache = cache
    if published and settings.redact:
        journal = redact_journal(journal, settings.redact)
        plans_cache = Cache(None)  # the plans of redacted opportunities are not kept
    key = _plans_key(today, settings, stamp)
    plans, actions, problems = _plan_journal(
        journal, today, calendar, settings, cache=plans_cache, key=key
    )
    if len(table) != known:
        cache.save(_HOLIDAYS, (stamp, table))
    return Agenda(root, today, settings, journal, calendar, plans, actions, problems)


def _plan_journal(
    journal: Journal,
    today: date,
    calendar: Calendar,
    settings: Settings,
    *,
    cache: Cache,
    key: tuple[object, ...],
) -> tuple[tuple[Plan, ...], tuple[Action, ...], tuple[Problem, ...]]:
    """The plan of every opportunity, its cached one where its file is unchanged; all the
    actions in SPEC §5 order. An opportunity whose dates run off the calendar (past
    9999-12-31) becomes a problem instead of ending the command."""
    kept = _cached_plans(cache, key, journal)
    planned, problems = [], list(journal.problems)
    fresh = False
    for opportunity in journal.opportunities:
        found = kept.get(opportunity.path)
        if found is None or found.opportunity is not opportunity:
            try:
                found = plan(opportunity, today, calendar, settings)
            except OverflowError:
                problems.append(
                    Problem(
                        opportunity.path,
                        1,
                        "its follow-ups fall after 9999-12-31, the last day jobsite can count to",
                    )
                )
                continue
            fresh = True
        planned.append(found)
    if fresh or len(planned) != len(kept):
        _save_plans(cache, key, journal, planned)
    problems.sort(key=lambda p: (p.path, p.line))
    return tuple(planned), ordered_actions(planned), tuple(problems)


def _plans_key(today: date, settings: Settings, holidays: object) -> tuple[object, ...]:
    """Everything besides the opportunity that a plan depends on."""
    return (
        _RULES,
        today,
        settings.country,
        settings.subdivision,
        tuple(sorted(settings.days_off)),
        settings.follow_up_business_days,
        settings.check_in_days,
        settings.horizon_days,
        holidays,
    )


def _cached_plans(cache: Cache, key: tuple[object, ...], journal: Journal) -> dict[str, Plan]:
    """The cached plans made for `key` whose files are unchanged, by path; each refers to the
    journal's own opportunity and events (a plan whose file changed refers to None)."""
    by_path = {o.path: o for o in journal.opportunities}

    def resolve(reference: object) -> object:
        if not (isinstance(reference, tuple) and len(reference) == 3):
            raise ValueError("not a reference")
        path, digest, index = reference
        opportunity = by_path.get(path) if journal.hashes.get(path) == digest else None
        if opportunity is None or index is None:
            return opportunity
        return opportunity.events[index]

    stored = cache.load(_PLANS, resolve=resolve)
    if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key):
        return {}
    plans = stored[1]
    if not (isinstance(plans, list) and all(isinstance(p, Plan) for p in plans)):
        return {}
    return {p.opportunity.path: p for p in plans if isinstance(p.opportunity, Opportunity)}


def _save_plans(cache: Cache, key: tuple[object, ...], journal: Journal, plans: list[Plan]) -> None:
    """Keep `plans` for `key`, each opportunity and event written as a reference to its file
    and place: (path, SHA-256, index of the event or None)."""
    references: dict[int, tuple[str, bytes, int | None]] = {}
    for planned in plans:
        opportunity = planned.opportunity
        digest = journal.hashes[opportunity.path]
        references[id(opportunity)] = (opportunity.path, digest, None)
        for index, event in enumerate(opportunity.events):
            references[id(event)] = (opportunity.path, digest, index)

    def refer(obj: object) -> object | None:
        if type(obj) is Opportunity or type(obj) is Event:
            return references.get(id(obj))
        return None

    cache.save(_PLANS, (key, plans), refer=refer)


def _source_stamp(*modules: object) -> str:
    """A fingerprint of the rules' source: changed rules (in a development checkout, where
    the version stays put) never serve the plans they made before."""
    digest = hashlib.blake2b(digest_size=8)
    for module in modules:
        try:
            digest.update(Path(getattr(module, "__file__", "") or "").read_bytes())
        except OSError:
            digest.update(getattr(module, "__name__", "").encode())
    return digest.hexdigest()


_RULES = _source_stamp(followups, workdays, sys.modules[__name__])


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
