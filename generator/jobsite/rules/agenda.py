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
from jobsite.journal.settings import Settings, load_settings
from jobsite.model import Action
from jobsite.rules.followups import plan_all
from jobsite.rules.workdays import Calendar, holiday_source

_HOLIDAYS = "holidays"


@dataclass(frozen=True, slots=True)
class Agenda:
    """Everything computed for one root on one day."""

    root: Path
    today: date
    settings: Settings
    journal: Journal
    calendar: Calendar
    actions: tuple[Action, ...]


def build_agenda(root: Path, today: date, *, use_cache: bool = True) -> Agenda:
    """Load the root's settings and journal and plan every action for `today`.

    Raises `SettingsError` for a bad setting and `JournalError` when there is no journal folder.
    """
    settings = load_settings(root)
    cache = Cache(root if use_cache else None)
    stamp = _holidays_stamp()
    table = _holiday_table(cache.load(_HOLIDAYS), stamp)
    known = len(table)
    source = holiday_source(settings.country, settings.subdivision, table, settings.where)
    calendar = Calendar(source, settings.days_off)
    calendar.is_business_day(today)  # checks the country and subdivision even in an empty journal
    journal = load_journal(root, settings.journal, cache)
    actions = plan_all(journal.opportunities, today, calendar, settings)
    if len(table) != known:
        cache.save(_HOLIDAYS, (stamp, table))
    return Agenda(root, today, settings, journal, calendar, tuple(actions))


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
