"""A journal root → its settings, its opportunities and every action owed on a day.

This is the one pipeline that `due`, `check` and the site share:
settings → journal → business-day calendar → rules.

The plans are cached for one day and one set of settings, file by file: a plan is reused
where its file's SHA-256 is the one it was made from. A cached plan is a record of plain
values, its events their places in the opportunity's own events, made into a `Plan` again
with the parse cache's opportunity: no copies, and little to read back.
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
    the order of guide/rules.md §6; `problems` every file left out and every opportunity that could
    not be planned, by path and line.
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
    actions in the order of guide/rules.md §6. An opportunity whose dates run off the calendar (past
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
    """The cached plans made for `key` whose files are unchanged, by path, made again from
    their records with the journal's own opportunity and events."""
    stored = cache.load(_PLANS)
    if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key):
        return {}
    records = stored[1]
    if not isinstance(records, dict):
        return {}
    plans = {}
    for opportunity in journal.opportunities:
        kept = records.get(opportunity.path)
        if not (isinstance(kept, tuple) and len(kept) == 2):
            continue
        digest, record = kept
        if digest != journal.hashes.get(opportunity.path):
            continue
        try:
            plans[opportunity.path] = _plan_from(record, opportunity)
        except (TypeError, ValueError, IndexError):  # not what `_record_of` writes
            continue
    return plans


def _save_plans(cache: Cache, key: tuple[object, ...], journal: Journal, plans: list[Plan]) -> None:
    """Keep `plans` for `key`, each as its file's SHA-256 and a record of plain values."""
    records = {
        p.opportunity.path: (journal.hashes[p.opportunity.path], _record_of(p)) for p in plans
    }
    cache.save(_PLANS, (key, records))


# A plan as plain values, its events as their places in the opportunity's events:
# (status, last, interview, scheduled, outreach, ((action, due, due_by, bucket, trigger), ...)).
# Read back, plain values cost a fraction of the objects they stand for.
_Record = tuple[object, ...]


def _record_of(planned: Plan) -> _Record:
    places = {id(event): index for index, event in enumerate(planned.opportunity.events)}

    def place(event: Event | None) -> int | None:
        return None if event is None else places[id(event)]

    actions = tuple(
        (a.action, a.due, a.due_by, a.bucket, place(a.trigger)) for a in planned.actions
    )
    facts = (planned.last, planned.interview, planned.scheduled, planned.outreach)
    return (planned.status, *(place(event) for event in facts), actions)


def _plan_from(record: object, opportunity: Opportunity) -> Plan:
    """The plan of `opportunity` that `_record_of` wrote as `record`."""
    status, last, interview, scheduled, outreach, actions = record  # type: ignore[misc]
    events = opportunity.events

    def event(place: object) -> Event | None:
        if place is None:
            return None
        if type(place) is not int:
            raise TypeError("not a place")
        return events[place]

    return Plan(
        opportunity,
        status,
        tuple(
            Action(opportunity, action, due, due_by, bucket, event(trigger))
            for action, due, due_by, bucket, trigger in actions
        ),
        event(last),
        event(interview),
        event(scheduled),
        event(outreach),
    )


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
