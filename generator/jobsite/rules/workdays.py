"""The business-day calendar of guide/rules.md §2: weekdays that are neither holidays nor days off.

`Calendar` is pure: it asks a `holidays_for(year)` function for each year it needs, once.
`holiday_source` is that function for real, backed by the `holidays` package, which is
imported only when a year is missing from the cache it is given (the import and one country
cost more than reading a whole journal of a thousand files).
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from datetime import date, timedelta

from jobsite.errors import SettingsError

HolidaysFor = Callable[[int], frozenset[date]]
_DAY = timedelta(days=1)


class Calendar:
    """Business days: Monday to Friday, not a holiday, not one of the user's days off."""

    def __init__(self, holidays_for: HolidaysFor, days_off: frozenset[date] = frozenset()) -> None:
        self._holidays_for = holidays_for
        self._days_off = days_off
        self._years: dict[int, frozenset[date]] = {}

    def is_business_day(self, day: date) -> bool:
        """True on a weekday that is neither a holiday (observed days included) nor a day off."""
        if day.weekday() >= 5 or day in self._days_off:
            return False
        holidays = self._years.get(day.year)
        if holidays is None:
            holidays = self._years[day.year] = self._holidays_for(day.year)
        return day not in holidays

    def add_business_days(self, day: date, count: int) -> date:
        """B+n: the `count`-th business day after `day` (the day itself never counts)."""
        while count > 0:
            day += _DAY
            if self.is_business_day(day):
                count -= 1
        return day

    def roll(self, day: date) -> date:
        """roll(d): `day` where it is a business day, else the next business day after it."""
        while not self.is_business_day(day):
            day += _DAY
        return day


def holiday_source(
    country: str,
    subdivision: str | None,
    cache: MutableMapping[str, list[int]],
    where: dict[str, str] | None = None,
) -> HolidaysFor:
    """A `holidays_for(year)` for `country`/`subdivision`, remembered in `cache`.

    `cache` maps "CC/SUBDIV/YEAR" to the ordinals of that year's holiday dates; it is filled on
    a miss, and the caller decides whether to keep it. A bad country or subdivision raises
    `SettingsError`, located with `where` (the setting's `path:line: name`).
    """
    where = where or {}

    def holidays_for(year: int) -> frozenset[date]:
        key = f"{country}/{subdivision or ''}/{year}"
        if key not in cache:
            for cached_year, ordinals in _compute(country, subdivision, year, where).items():
                cache[f"{country}/{subdivision or ''}/{cached_year}"] = ordinals
        return frozenset(date.fromordinal(ordinal) for ordinal in cache[key])

    return holidays_for


def _compute(
    country: str, subdivision: str | None, year: int, where: dict[str, str]
) -> dict[int, list[int]]:
    """The holiday ordinals of `year` and the year after (the next B+n may cross into it).

    Observed days cross year ends (New Year's Day on a Saturday is observed on 31 December),
    so the two years are worked out with a year on either side, and only they are kept.
    """
    import holidays  # noqa: PLC0415 - deliberately lazy, see the module docstring

    years = range(year - 1, year + 3)
    try:
        table = holidays.country_holidays(country, subdiv=subdivision, years=years)
    except NotImplementedError:
        # Only now list what is supported: that imports every country's module.
        code = _checked_subdivision(
            holidays.list_supported_countries(), country, subdivision, where
        )
        table = holidays.country_holidays(country, subdiv=code, years=years)
    found: dict[int, list[int]] = {year: [], year + 1: []}
    for day in table:
        if day.year in found:
            found[day.year].append(day.toordinal())
    return {kept: sorted(ordinals) for kept, ordinals in found.items()}


def _checked_subdivision(
    supported: dict[str, list[str]], country: str, subdivision: str | None, where: dict[str, str]
) -> str | None:
    """The subdivision's code as `holidays` spells it; a one-line `SettingsError` if the
    country or the subdivision is unknown."""
    if country not in supported:
        import difflib  # noqa: PLC0415 - only a bad setting needs it

        close = difflib.get_close_matches(country, list(supported), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise SettingsError(
            f"{where.get('country', 'country')}: unknown country code '{country}'{hint}"
        )
    subdivisions = supported[country]
    if subdivision is None:
        return None
    matches = [code for code in subdivisions if code.upper() == subdivision.upper()]
    if not matches:
        listed = ", ".join(subdivisions[:12]) + (", ..." if len(subdivisions) > 12 else "")
        raise SettingsError(
            f"{where.get('subdivision', 'subdivision')}: unknown subdivision '{subdivision}' "
            f"of {country} (expected one of {listed or 'none: leave it out'})"
        )
    return matches[0]
