"""The holiday dates this machine has worked out, kept for every journal root on it.

A root's own cache (`journal.cache`) keeps the holiday dates of the years it asked for, so a
warm run need not import the `holidays` package, which takes longer than the rest of a
`jobsite due`. A root seen for the first time, or whose `.jobsite-cache/` was deleted, would
still import it, though the dates are the same for every root: they depend only on the
country, the subdivision, the year and the version of `holidays`. So they are kept here too,
in the user's cache folder (`$XDG_CACHE_HOME/jobsite/holidays.json`, else
`~/.cache/jobsite/`), with the installed package they were worked out with.

JSON of numbers, not a pickle: a file in a folder shared by every program of the user is
read as data, never as code. Only a cache: a file that is missing, torn, from another version
of `holidays` or unwritable is ignored, and the dates are worked out again.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

_FILE = "holidays.json"
_LAST = 3_652_059  # date.max as an ordinal
_MOST = 2_000  # entries kept: a country and subdivision a year each; a file past it starts over


def folder() -> Path | None:
    """The folder of this user's jobsite caches, or None where there is no home to put it."""
    base = os.environ.get("XDG_CACHE_HOME")
    if base and os.path.isabs(base):
        return Path(base) / "jobsite"
    try:
        return Path.home() / ".cache" / "jobsite"
    except RuntimeError:  # no home folder (a service account)
        return None


def read_dates(stamp: object) -> dict[str, list[int]]:
    """The holiday ordinals kept on this machine for the installed `holidays` (`stamp`), by
    "CC/SUBDIV/YEAR" as `rules.workdays.holiday_source` keys them; {} where there are none."""
    where = folder()
    if where is None or stamp is None:
        return {}
    try:
        kept = json.loads((where / _FILE).read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(kept, dict) or kept.get("stamp") != _as_json(stamp):
        return {}
    dates = kept.get("dates")
    if not isinstance(dates, dict):
        return {}
    return {
        key: days
        for key, days in dates.items()
        if isinstance(key, str)
        and isinstance(days, list)
        and all(type(day) is int and 0 < day <= _LAST for day in days)
    }


def keep_dates(stamp: object, dates: dict[str, list[int]]) -> None:
    """Add `dates`, worked out with the installed `holidays` (`stamp`), to what this machine
    keeps; on any failure (no home, a read-only one, a full disk) keep nothing."""
    where = folder()
    if where is None or stamp is None:
        return
    known = read_dates(stamp)
    merged = {**known, **dates}
    if merged == known:
        return
    if len(merged) > _MOST:
        merged = dict(dates)
    from jobsite.atomic import write_atomic  # noqa: PLC0415 - only when dates are new

    data = json.dumps({"stamp": _as_json(stamp), "dates": merged}, sort_keys=True).encode()
    try:
        where.mkdir(parents=True, exist_ok=True)
        write_atomic(where / _FILE, data, durable=False)
    except Exception:  # only a cache: carry on without it
        pass


def _as_json(stamp: object) -> object:
    """The stamp as JSON reads it back (tuples become lists)."""
    return json.loads(json.dumps(stamp))
