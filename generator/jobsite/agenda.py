"""The pipeline every command shares, top to bottom: settings → journal → calendar → plans.

`load_root` reads what a journal root holds (its settings, its files through the parse
cache, its business-day calendar); `build_agenda` plans every opportunity on a day
(`jobsite.rules`, pure) and keeps the plans in the cache; `Agenda.plan_for` plans one
opportunity more on the same calendar (what `jobsite new` and `jobsite log` say is next).
`due`, `check`, `today`, the site and the calendar all read one `Agenda`.

What is kept between runs, in `.jobsite-cache/` (`journal.cache`): each file's parse, re-read
only where its `stat` changed (`journal.load`); the plans of one day and one set of settings,
each used again where its file's SHA-256 is the one it was made from; and the holiday dates
of the years asked for, so that a warm run need not import the `holidays` package (which
takes longer than the rest of a warm `jobsite due`); those dates are kept for every root of
the machine as well (`journal.holidaydates`), so that a root's first run need not either.
"""

from __future__ import annotations

import gc
import importlib.util
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from jobsite.journal import holidaydates
from jobsite.journal.cache import Cache
from jobsite.journal.load import Journal, load_journal
from jobsite.journal.redact import redact_journal
from jobsite.journal.settings import Settings, load_settings
from jobsite.model import Action, Opportunity, Plan, Problem
from jobsite.rules.followups import plan
from jobsite.rules.planning import plan_journal
from jobsite.rules.workdays import Calendar, holiday_source

if TYPE_CHECKING:  # `jobsite.people` is imported where people are asked for: not by `due`
    from jobsite.people import Groups, People

_HOLIDAYS = "holidays"
_PLANS = "plans"


@dataclass(frozen=True, slots=True)
class Loaded:
    """What a journal root holds: its settings, its journal and its business-day calendar,
    and the cache they were read through (`keep` writes what was learnt meanwhile)."""

    root: Path
    settings: Settings
    journal: Journal
    calendar: Calendar
    cache: Cache
    holidays: dict[str, list[int]]  # the calendar's holiday table, filled as years are asked
    known: int  # how many years it held when it was read
    stamp: object  # the `holidays` package the table was computed with

    def keep(self) -> None:
        """Write the cache: the parses, any plans put there, and the holiday years computed
        since the root was loaded."""
        if len(self.holidays) != self.known:
            self.cache.put(_HOLIDAYS, (self.stamp, self.holidays))
            if self.cache.folder is not None:  # not where the caches are to be left alone
                holidaydates.keep_dates(self.stamp, self.holidays)
        self.cache.save()

    def plan_for(self, opportunity: Opportunity, today: date) -> Plan:
        """`opportunity` planned on `today` on this root's calendar and settings."""
        return plan(opportunity, today, self.calendar, self.settings)


@dataclass(frozen=True, slots=True)
class Agenda:
    """Everything computed for one root on one day.

    `plans` has one plan per opportunity, in path order; `actions` all their actions in
    the order of guide/rules.md §6; `problems` every file left out and every opportunity that
    could not be planned, by path and line.
    """

    root: Path
    today: date
    settings: Settings
    journal: Journal
    calendar: Calendar
    plans: tuple[Plan, ...]
    actions: tuple[Action, ...]
    problems: tuple[Problem, ...]
    review_from: date | None = None  # the plans carry their history since this day
    # Which contacts are one person, found on the journal as written where `redact` took out
    # the emails and phones the plans would show (None: found from the plans themselves).
    groups: Groups | None = None

    def left_out(self) -> tuple[Problem, ...]:
        """The first error of each file left out of every list, by path."""
        first: dict[str, Problem] = {}
        for problem in self.problems:
            if problem.is_error:
                first.setdefault(problem.path, problem)
        return tuple(first.values())

    def people(self) -> People:
        """Everyone in the plans, one person across files (guide/people.md)."""
        from jobsite.people import find_people  # noqa: PLC0415 - see the imports

        return find_people(self.plans, self.today, self.groups)

    def checks(self) -> tuple[Problem, ...]:
        """The problems and the warnings that depend on today (`jobsite check`, the site)."""
        found = [*self.problems, *(w for planned in self.plans for w in planned.warnings)]
        return tuple(sorted(found, key=lambda p: (p.path, p.line)))


@contextmanager
def _cycles_left_alone() -> Iterator[None]:
    """Python's cycle collector off while a journal is read, planned and cached, as it was after.

    Those make millions of objects at 10,000 files and no reference cycles, and the
    collector's passes over a heap that grows all the while found nothing: they were a sixth
    of a cold `jobsite due` at 10,000 files (about 0.45 of 2.8 s). A cycle left meanwhile (an
    exception's traceback) is collected by the next whole pass. Not the site's rendering:
    MkDocs' pages and navigation are cycles, collected as it goes.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            # What the block made is long-lived (the journal, its plans, the parse cache): put
            # into the oldest generation at once (frozen, then unfrozen: gc's documented
            # moves), not scanned again by each younger generation's pass on the way there.
            gc.freeze()
            gc.unfreeze()
            gc.enable()


@_cycles_left_alone()
def load_root(
    root: Path,
    today: date,
    *,
    settings: Settings | None = None,
    use_cache: bool = True,
    cache: Cache | None = None,
) -> Loaded:
    """The settings, the journal and the calendar of the journal root `root`, for a command
    acting on `today`.

    `settings` are the root's as MkDocs resolved them (the plugin passes its own); by default
    they are read from the root's mkdocs.yml. `cache` is the root's cache as an earlier call
    left it (`jobsite serve` keeps one from a rebuild to the next: what a file unchanged
    since parses to, and its plan, are then the very objects of the last rebuild); by
    default it is read afresh. Raises `SettingsError` for a bad setting (the country and
    subdivision are checked on `today`'s year, even for an empty journal) and
    `JournalError` when there is no journal folder.
    """
    settings = settings if settings is not None else load_settings(root)
    if cache is None or not use_cache:
        cache = Cache(root if use_cache else None)
    stamp = _holidays_stamp()
    table = _holiday_table(cache.get(_HOLIDAYS), stamp)
    if use_cache:
        # What the machine knows where this root's own cache does not (a first run).
        table = {**holidaydates.read_dates(stamp), **table}
    known = len(table)
    source = holiday_source(settings.country, settings.subdivision, table, settings.where)
    calendar = Calendar(source, settings.days_off)
    calendar.is_business_day(today)
    journal = load_journal(root, settings.journal, cache)
    return Loaded(root, settings, journal, calendar, cache, table, known, stamp)


@_cycles_left_alone()
def build_agenda(
    root: Path,
    today: date,
    *,
    settings: Settings | None = None,
    published: bool = False,
    use_cache: bool = True,
    review_from: date | None = None,
    cache: Cache | None = None,
) -> Agenda:
    """Load the root's journal and plan every action for `today`.

    `published` applies the `redact` setting, for what the site and the calendar publish;
    `review_from` has each plan carry the follow-ups it owed since that day (the weekly
    review); `cache`, as for `load_root`. Raises as `load_root` does.
    """
    loaded = load_root(root, today, settings=settings, use_cache=use_cache, cache=cache)
    settings, journal, cache = loaded.settings, loaded.journal, loaded.cache
    key = _plans_key(today, settings, review_from, loaded.stamp)
    keep = not (published and settings.redact)  # redacted plans are not kept
    groups = None
    if not keep:
        from jobsite.people import group_contacts  # noqa: PLC0415 - see the imports

        # People are matched on the emails and phones as written, before they are left out.
        groups = group_contacts(journal.opportunities)
        journal = redact_journal(journal, settings.redact)
    kept = _kept_plans(cache.get(_PLANS), key, journal) if keep else {}
    planned = plan_journal(
        journal.opportunities,
        today,
        loaded.calendar,
        settings,
        review_from=review_from,
        kept=kept,
    )
    if keep and (
        len(kept) != len(planned.plans)
        or any(p is not kept.get(p.opportunity.path) for p in planned.plans)
    ):
        digests = journal.digests
        plans = {p.opportunity.path: (digests[p.opportunity.path], p) for p in planned.plans}
        cache.put(_PLANS, (key, plans))
    loaded.keep()
    problems = tuple(sorted((*journal.problems, *planned.problems), key=lambda p: (p.path, p.line)))
    return Agenda(
        root,
        today,
        settings,
        journal,
        loaded.calendar,
        planned.plans,
        planned.actions,
        problems,
        review_from,
        groups,
    )


def _plans_key(
    today: date, settings: Settings, review_from: date | None, holidays: object
) -> tuple[object, ...]:
    """Everything besides its opportunity that a plan depends on (the rules' own source is
    in the cache's stamp)."""
    return (
        today,
        review_from,
        settings.country,
        settings.subdivision,
        tuple(sorted(settings.days_off)),
        settings.follow_up_business_days,
        settings.check_in_days,
        settings.horizon_days,
        settings.quiet_after_days,
        holidays,
    )


def _kept_plans(stored: object, key: tuple[object, ...], journal: Journal) -> dict[str, Plan]:
    """The cached plans made for `key` whose files are unchanged, by path."""
    if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key):
        return {}
    kept = {}
    records = stored[1] if isinstance(stored[1], dict) else {}
    for path, digest in journal.digests.items():
        record = records.get(path)
        if (
            isinstance(record, tuple)
            and len(record) == 2
            and record[0] == digest
            and isinstance(record[1], Plan)
        ):
            kept[path] = record[1]
    return kept


def _holiday_table(stored: object, stamp: object) -> dict[str, list[int]]:
    """The cached holiday ordinals, if `stored` is exactly what `Loaded.keep` saves, else {}."""
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
