"""The options of the `jobsite` plugin in mkdocs.yml (SPEC §2), with their defaults.

mkdocs.yml is read as YAML nodes, never constructed, so MkDocs' own tags (`!ENV`,
`!!python/name:...`) cannot make it fail and every bad option is reported with its line.
An option written with `!ENV` is resolved from the environment, as MkDocs does.
The country and subdivision are checked against the `holidays` package by `workdays`, which
imports it only when the holiday dates are not cached yet.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from jobsite.errors import SettingsError
from jobsite.journal import yamlnodes as yn

CONFIG_FILE = "mkdocs.yml"
REDACTABLE = ("phone", "email", "notes")
PLUGIN_NAME = "jobsite"


@dataclass(frozen=True, slots=True)
class Settings:
    """The follow-up settings of one journal root; every field has the SPEC §2 default."""

    journal: str = "journal"
    country: str = "US"
    subdivision: str | None = None
    days_off: frozenset[date] = frozenset()
    follow_up_business_days: int = 3
    check_in_days: tuple[int, int] = (7, 10)
    horizon_days: int = 7
    protect: bool = False  # encrypt the published site with JOBSITE_PASSWORD
    redact: frozenset[str] = frozenset()  # of REDACTABLE: left out of every page and the calendar
    # Where each option was written, so `workdays` can point at a bad country or subdivision.
    where: dict[str, str] = field(default_factory=dict, compare=False)


def load_settings(root: Path) -> Settings:
    """The settings of the journal root `root`: defaults where there is no mkdocs.yml.

    Raises `SettingsError` with a one-line `mkdocs.yml:LINE: option: message`.
    """
    path = root / CONFIG_FILE
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError) as error:
        raise SettingsError(f"{CONFIG_FILE}:1: cannot read: {_reason(error)}") from None
    try:
        node = yn.compose(text)
    except yn.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise SettingsError(f"{CONFIG_FILE}:{line}: invalid YAML: {problem}") from None
    options = _plugin_options(node)
    return parse_options(options, CONFIG_FILE) if options is not None else Settings()


def parse_options(options: yn.Node, path: str = CONFIG_FILE) -> Settings:
    """Settings from the node of the plugin's options mapping (also used by the plugin)."""
    if yn.scalar_text(options) is None and isinstance(options, yn.ScalarNode):
        return Settings()  # `- jobsite:` with nothing under it
    if not isinstance(options, yn.MappingNode):
        raise SettingsError(
            f"{path}:{yn.line_of(options)}: {PLUGIN_NAME}: expected a mapping of options"
        )
    values: dict[str, object] = {}
    where: dict[str, str] = {}
    for key, value in yn.mapping_items(options):
        name = yn.scalar_text(key) or ""
        location = f"{path}:{yn.line_of(key)}: {name}"
        parser = _PARSERS.get(name)
        if parser is None:
            continue  # options of later features (and typos) are MkDocs' to validate
        values[name] = parser(yn.resolve_env(value, os.environ), location)
        where[name] = location
    return Settings(**values, where=where)  # type: ignore[arg-type]


def _plugin_options(root: yn.Node | None) -> yn.Node | None:
    """The node of the `jobsite` plugin's options, in the list or the mapping form."""
    if not isinstance(root, yn.MappingNode):
        return None
    for key, value in yn.mapping_items(root):
        if yn.scalar_text(key) != "plugins":
            continue
        if isinstance(value, yn.MappingNode):
            entries = [value]
        elif isinstance(value, yn.SequenceNode):
            entries = value.value
        else:
            return None
        for entry in entries:
            if yn.scalar_text(entry) == PLUGIN_NAME:
                return yn.ScalarNode(yn.NULL_TAG, "", entry.start_mark, entry.end_mark)
            if isinstance(entry, yn.MappingNode):
                for name, options in yn.mapping_items(entry):
                    if yn.scalar_text(name) == PLUGIN_NAME:
                        return options
    return None


def _reason(error: Exception) -> str:
    """An OSError or decode error as a short phrase, without Python's class names."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error)


def _string(node: yn.Node, location: str) -> str:
    text = yn.scalar_text(node)
    if text is None or not text.strip():
        raise SettingsError(f"{location}: expected a value")
    return text.strip()


def _optional_string(node: yn.Node, location: str) -> str | None:
    if isinstance(node, yn.ScalarNode) and yn.scalar_text(node) is None:
        return None
    return _string(node, location)


def _integer(node: yn.Node, location: str, minimum: int = 0) -> int:
    text = yn.scalar_text(node)
    try:
        number = int(text or "")
    except ValueError:
        raise SettingsError(f"{location}: expected a whole number, not '{text}'") from None
    if number < minimum:
        raise SettingsError(f"{location}: must be at least {minimum}, not {number}")
    return number


def _days_off(node: yn.Node, location: str) -> frozenset[date]:
    if isinstance(node, yn.ScalarNode) and yn.scalar_text(node) is None:
        return frozenset()
    if not isinstance(node, yn.SequenceNode):
        raise SettingsError(f"{location}: expected a list of dates, e.g. [2026-12-24]")
    days = set()
    for item in node.value:
        day = yn.parse_date(item)
        if isinstance(day, str):
            raise SettingsError(f"{location}: {day}")
        days.add(day)
    return frozenset(days)


def _check_in_days(node: yn.Node, location: str) -> tuple[int, int]:
    items = node.value if isinstance(node, yn.SequenceNode) else []
    if len(items) != 2:
        raise SettingsError(f"{location}: expected two numbers of days, e.g. [7, 10]")
    first, last = (_integer(item, location, minimum=1) for item in items)
    if first > last:
        raise SettingsError(f"{location}: the first day ({first}) is after the last ({last})")
    return first, last


def _boolean(node: yn.Node, location: str) -> bool:
    text = (yn.scalar_text(node) or "").strip().lower()
    if text in ("true", "yes", "on"):
        return True
    if text in ("false", "no", "off", ""):
        return False
    raise SettingsError(f"{location}: expected true or false, not '{text}'")


def _redact(node: yn.Node, location: str) -> frozenset[str]:
    if isinstance(node, yn.ScalarNode) and yn.scalar_text(node) is None:
        return frozenset()
    items = node.value if isinstance(node, yn.SequenceNode) else [node]
    fields = set()
    for item in items:
        name = (yn.scalar_text(item) or "").strip().lower()
        if name not in REDACTABLE:
            raise SettingsError(
                f"{location}: cannot redact '{name}' (expected some of {', '.join(REDACTABLE)})"
            )
        fields.add(name)
    return frozenset(fields)


_PARSERS = {
    "journal": _string,
    "country": lambda node, location: _string(node, location).upper(),
    "subdivision": lambda node, location: (
        value.upper() if (value := _optional_string(node, location)) else None
    ),
    "days_off": _days_off,
    "follow_up_business_days": lambda node, location: _integer(node, location, minimum=1),
    "check_in_days": _check_in_days,
    "horizon_days": _integer,
    "protect": _boolean,
    "redact": _redact,
}
