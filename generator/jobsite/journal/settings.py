"""The options of the `jobsite` plugin (guide/settings.md): declared once, read by one function.

`settings_from` is the one reader. It takes the plugin's options as plain values, exactly as
MkDocs resolved them (`INHERIT`, `-f`, `!ENV`), and checks each with the parser of the
`_PARSERS` table. During a build the plugin hands it its own resolved `config`, so protection
and redaction can never disagree with what MkDocs builds. Without a build (`jobsite due`,
`check`, `log`...) `load_settings` resolves mkdocs.yml the way MkDocs does, without importing
MkDocs (slow to import), and hands the result to the same reader.

That reading of mkdocs.yml is `journal.config`.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date, datetime, time
from pathlib import Path

from jobsite.errors import SettingsError
from jobsite.journal.config import (
    CONFIG_FILE,
    PLUGIN_NAME,
    Locate,
    locator,
    plugin_options,
    read_config,
)
from jobsite.journal.yamlnodes import parse_date_text
from jobsite.words import closest, quoted

__all__ = ["CONFIG_FILE", "PLUGIN_NAME", "Settings", "load_settings", "locator", "settings_from"]

REDACTABLE = ("phone", "email", "address", "notes")
# What `calendar: secret` may put in its feed (`calendar_fields`); see jobsite.site.ics.
CALENDAR_FIELDS = (
    "action",
    "company",
    "role",
    "contact",
    "phone",
    "email",
    "notes",
    "link",
    "file",
)
CALENDAR_DEFAULT_FIELDS = frozenset({"action", "company"})
CALENDAR_MODES = ("secret",)
# Where the publishing workflow sends the morning digest (`digest`): a GitHub issue.
DIGEST_CHANNELS = ("issue",)
# The languages of the pages, scripts and call sheet (`language`), each with its catalogue in
# site_templates/locale/ (guide/development.md says how to add one).
LANGUAGES = ("en", "de", "es", "fr")
# What `weekly_goal` may set a number for; see jobsite.site.weekly.
GOALS = ("applications", "first_contacts", "follow_ups")
MAX_GOAL = 1000
# The first day of a claim's week (`work_search.week_starts`); see jobsite.report.
WEEK_STARTS = ("sunday", "monday")
# Bounds that keep every date computed from a setting inside the calendar: ten years ahead is
# far beyond any follow-up, and `date` ends at 9999-12-31.
MAX_DAYS = 3650
MAX_BUSINESS_DAYS = 260


class _Unset(enum.Enum):
    """An option not written at all (MkDocs copies option defaults: an enum stays itself)."""

    UNSET = "unset"


UNSET = _Unset.UNSET


@dataclass(frozen=True, slots=True)
class Me:
    """You, as the scripts say it: "this is NAME", "you can reach me at PHONE"."""

    name: str | None = None
    phone: str | None = None
    email: str | None = None

    @property
    def reach(self) -> str | None:
        """How a contact reaches you back: the phone, else the email."""
        return self.phone or self.email


@dataclass(frozen=True, slots=True)
class WorkSearch:
    """The work-search record's week (guide/settings.md): how many activities a week the claim
    asks for (None: no number), and the day its week starts on (one of `WEEK_STARTS`)."""

    per_week: int | None = None
    week_starts: str = "sunday"


@dataclass(frozen=True, slots=True)
class Settings:
    """The follow-up settings of one journal root; each field's default is guide/settings.md's."""

    journal: str = "journal"
    country: str = "US"
    subdivision: str | None = None
    days_off: frozenset[date] = frozenset()
    follow_up_business_days: int = 3
    check_in_days: tuple[int, int] = (7, 10)
    horizon_days: int = 7
    quiet_after_days: int = 28  # no answer for this long after your last step: gone quiet
    protect: bool = False  # encrypt the published site with JOBSITE_PASSWORD
    redact: frozenset[str] = frozenset()  # of REDACTABLE: left out of everything published
    me: Me = Me()  # your own name, phone and email, for the scripts
    # `secret`: a protected site publishes its calendar at an address derived from the
    # password (None: a protected site has no calendar; a clear one has calendar.ics).
    calendar: str | None = None
    calendar_fields: frozenset[str] = CALENDAR_DEFAULT_FIELDS  # what the secret feed shows
    calendar_alarm: time | None = None  # an alarm at this time of each calendar event's day
    digest: str | None = None  # `issue`: the publishing workflow opens a digest issue daily
    language: str = "en"  # of LANGUAGES: the pages, scripts, emails, calendar and call sheet
    weekly_goal: tuple[tuple[str, int], ...] = ()  # (of GOALS, a number a week), in GOALS order
    work_search: WorkSearch = WorkSearch()  # the week of an unemployment claim's record
    # Where each option was written (`mkdocs.yml:12: country`), for messages about it.
    where: dict[str, str] = field(default_factory=dict, compare=False)


OPTION_NAMES = tuple(f.name for f in fields(Settings) if f.name != "where")


def settings_from(options: Mapping[str, object], locate: Locate | None = None) -> Settings:
    """Settings from the plugin's options as plain values (what MkDocs' YAML loader gives).

    An option that is missing (or `UNSET`) keeps its default; one written empty (null) is
    an empty list where a list is expected, else an error; one that is not an option at all
    (`countyr`) is an error too, since MkDocs would pass it over and the default would count in
    silence. `locate(name)` says where an option was written (`mkdocs.yml:12: name`) for the
    messages. Raises `SettingsError`, one line.
    """
    locate = locate or (lambda name: f"{CONFIG_FILE}: {name}")
    for name in options:
        if name not in OPTION_NAMES:
            raise SettingsError(f"{locate(str(name))}: {unknown_setting(str(name), OPTION_NAMES)}")
    values: dict[str, object] = {}
    where: dict[str, str] = {}
    for name in OPTION_NAMES:
        value = options.get(name, UNSET)
        if value is UNSET:
            continue
        location = where[name] = locate(name)
        values[name] = _PARSERS[name](value, location)
    return Settings(**values, where=where)  # type: ignore[arg-type]


def load_settings(root: Path) -> Settings:
    """The settings of the journal root `root`, resolved as MkDocs would; defaults where
    there is no mkdocs.yml. Raises `SettingsError` with a one-line message."""
    path = root / CONFIG_FILE
    if not path.is_file():
        return Settings()
    config = read_config(path)
    return settings_from(plugin_options(config), locator(path))


def unknown_setting(name: str, known: Iterable[str]) -> str:
    """`unknown setting (did you mean 'country'?)`: the message for a name that is no option."""
    near = closest(name, known, cutoff=0.75)
    return "unknown setting" + (f" (did you mean '{near}'?)" if near else "")


# --- One parser per option: (plain value, "mkdocs.yml:LINE: name") → the typed value ---------


def _string(value: object, location: str) -> str:
    if value is None or isinstance(value, (dict, list)):
        raise SettingsError(f"{location}: expected a value")
    text = str(value).strip()
    if not text:
        raise SettingsError(f"{location}: expected a value")
    return text


def _code(value: object, location: str) -> str:
    """A country or subdivision code. YAML 1.1 reads Norway's `NO` as false and Ontario's
    `ON` as true; no other code is a YAML boolean, so those are read back as the codes."""
    if value is True:
        return "ON"
    if value is False:
        return "NO"
    return _string(value, location).upper()


def _integer(value: object, location: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise SettingsError(f"{location}: expected a whole number, not {quoted(str(value))}")
    try:
        number = int(value)
    except ValueError:
        raise SettingsError(f"{location}: expected a whole number, not {quoted(value)}") from None
    if number < low:
        raise SettingsError(f"{location}: must be at least {low}, not {number}")
    if number > high:
        shown = str(number) if len(str(number)) <= 12 else str(number)[:12] + "…"
        raise SettingsError(f"{location}: must be at most {high}, not {shown}")
    return number


def _days_off(value: object, location: str) -> frozenset[date]:
    if value is None:
        return frozenset()
    if not isinstance(value, list):
        raise SettingsError(f"{location}: expected a list of dates, e.g. [2026-12-24]")
    days = set()
    for item in value:
        if isinstance(item, date):  # a datetime too: its date counts
            days.add(item.date() if isinstance(item, datetime) else item)
            continue
        day = parse_date_text(str(item))
        if isinstance(day, str):
            raise SettingsError(f"{location}: {day}")
        days.add(day)
    return frozenset(days)


def _check_in_days(value: object, location: str) -> tuple[int, int]:
    if not isinstance(value, list) or len(value) != 2:
        raise SettingsError(f"{location}: expected two numbers of days, e.g. [7, 10]")
    first, last = (_integer(item, location, 1, MAX_DAYS) for item in value)
    if first > last:
        raise SettingsError(f"{location}: the first day ({first}) is after the last ({last})")
    return first, last


def _boolean(value: object, location: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "yes", "on", "1"):
        return True
    if text in ("false", "no", "off", "0", ""):
        return False
    raise SettingsError(f"{location}: expected true or false, not {quoted(str(value))}")


def _redact(value: object, location: str) -> frozenset[str]:
    return _some_of(value, location, REDACTABLE, "cannot redact")


def _some_of(
    value: object, location: str, allowed: tuple[str, ...], refusal: str
) -> frozenset[str]:
    """A list of some of `allowed` (or one of them alone), any case; `refusal` begins the
    message for a name that is not allowed."""
    if value is None:
        return frozenset()
    items = value if isinstance(value, list) else [value]
    names = set()
    for item in items:
        name = str(item).strip().lower()
        if name not in allowed:
            raise SettingsError(
                f"{location}: {refusal} {quoted(str(item))} (expected some of {', '.join(allowed)})"
            )
        names.add(name)
    return frozenset(names)


def _me(value: object, location: str) -> Me:
    if value is None:
        return Me()
    if not isinstance(value, dict):
        raise SettingsError(f"{location}: expected {{name: ..., phone: ..., email: ...}}")
    fields = {}
    for key, item in value.items():
        if key not in ("name", "phone", "email"):
            raise SettingsError(
                f"{location}: unknown key {quoted(str(key))} (expected name, phone, email)"
            )
        if key == "phone" and isinstance(item, int) and not isinstance(item, bool):
            # YAML reads 0312 5550 as a number and drops its zero: only quotes keep it.
            raise SettingsError(f'{location}.phone: write it in quotes, e.g. "+1 312 555 0100"')
        if item is not None:
            fields[key] = _string(item, f"{location}.{key}")
    return Me(**fields)


def _calendar(value: object, location: str) -> str | None:
    if value is None:
        return None
    text = str(value).strip().lower()
    if text not in CALENDAR_MODES:
        raise SettingsError(
            f"{location}: expected secret, not {quoted(str(value))} (or leave it out: a "
            "protected site then has no calendar)"
        )
    return text


def _calendar_alarm(value: object, location: str) -> time | None:
    """`"09:00"`: a time of day, 24-hour. YAML 1.1 reads an unquoted `09:00` as the number of
    minutes in base 60 (540): that is read back as the time it was written as."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        return time(value // 60, value % 60)
    text = str(value).strip()
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", text)
    if match and int(match[1]) < 24 and int(match[2]) < 60:
        return time(int(match[1]), int(match[2]))
    raise SettingsError(f'{location}: expected a time of day, e.g. "09:00", not {quoted(text)}')


def _digest(value: object, location: str) -> str | None:
    if value is None or value is False:
        return None
    text = str(value).strip().lower()
    if text not in DIGEST_CHANNELS:
        raise SettingsError(
            f"{location}: expected issue, not {quoted(str(value))} (or leave it out: no "
            "digest is sent)"
        )
    return text


def _calendar_fields(value: object, location: str) -> frozenset[str]:
    return _some_of(value, location, CALENDAR_FIELDS, "unknown field")


def _weekly_goal(value: object, location: str) -> tuple[tuple[str, int], ...]:
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise SettingsError(f"{location}: expected {{applications: 10, follow_ups: 15}}")
    goals = {}
    for key, number in value.items():
        name = str(key).strip().lower()
        if name not in GOALS:
            raise SettingsError(
                f"{location}: unknown goal {quoted(str(key))} (expected some of {', '.join(GOALS)})"
            )
        goals[name] = _integer(number, f"{location}.{name}", 1, MAX_GOAL)
    return tuple((name, goals[name]) for name in GOALS if name in goals)


def _work_search(value: object, location: str) -> WorkSearch:
    if value is None:
        return WorkSearch()
    if not isinstance(value, dict):
        raise SettingsError(f"{location}: expected {{per_week: 3, week_starts: sunday}}")
    found: dict[str, object] = {}
    for key, item in value.items():
        name = str(key).strip().lower()
        where = f"{location}.{name}"
        if name == "per_week":
            found[name] = None if item is None else _integer(item, where, 1, MAX_GOAL)
        elif name == "week_starts":
            day = str(item).strip().lower() if item is not None else ""
            if day not in WEEK_STARTS:
                raise SettingsError(f"{where}: expected sunday or monday, not {quoted(str(item))}")
            found[name] = day
        else:
            raise SettingsError(
                f"{location}: unknown key {quoted(str(key))} (expected per_week, week_starts)"
            )
    return WorkSearch(**found)  # type: ignore[arg-type]


def _language(value: object, location: str) -> str:
    text = _string(value, location).lower()
    if text not in LANGUAGES:
        raise SettingsError(
            f"{location}: unknown language {quoted(str(value))} (expected one of "
            f"{', '.join(LANGUAGES)})"
        )
    return text


_PARSERS: dict[str, Callable[[object, str], object]] = {
    "journal": _string,
    "country": _code,
    "subdivision": lambda v, where: None if v is None else _code(v, where),
    "days_off": _days_off,
    "follow_up_business_days": lambda v, where: _integer(v, where, 1, MAX_BUSINESS_DAYS),
    "check_in_days": _check_in_days,
    "horizon_days": lambda v, where: _integer(v, where, 0, MAX_DAYS),
    "quiet_after_days": lambda v, where: _integer(v, where, 1, MAX_DAYS),
    "protect": _boolean,
    "redact": _redact,
    "me": _me,
    "calendar": _calendar,
    "calendar_fields": _calendar_fields,
    "calendar_alarm": _calendar_alarm,
    "digest": _digest,
    "language": _language,
    "weekly_goal": _weekly_goal,
    "work_search": _work_search,
}
