"""The settings: one reader, fed by MkDocs' own resolution of mkdocs.yml (issue 8, item 1).

`load_settings` (used without a build) must agree with what the plugin reads from the config
MkDocs resolved, for every layout MkDocs allows: INHERIT, a second `plugins:` key, `!ENV`,
tags jobsite does not know.
"""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest
from mkdocs.config import load_config

from jobsite.errors import SettingsError
from jobsite.journal.settings import Settings, WorkSearch, load_settings, locator, settings_from

PLUGIN = "plugins:\n  - search\n  - jobsite:\n      country: GB\n      horizon_days: 12\n"
LAYOUTS = {
    "plain": {"mkdocs.yml": "site_name: x\n" + PLUGIN},
    "inherit": {
        "base.yml": "site_name: base\n" + PLUGIN,
        "mkdocs.yml": "INHERIT: base.yml\nsite_name: child\n",
    },
    "inherit-overridden": {
        "base.yml": "site_name: base\nplugins:\n  - jobsite:\n      country: FR\n",
        "mkdocs.yml": "INHERIT: base.yml\nsite_name: child\n" + PLUGIN,
    },
    "two-plugins-keys": {
        "mkdocs.yml": "site_name: x\nplugins:\n  - jobsite:\n      country: FR\n" + PLUGIN,
    },
    "mapping-form": {
        "mkdocs.yml": "site_name: x\nplugins:\n  search: {}\n  jobsite:\n"
        "    country: GB\n    horizon_days: 12\n",
    },
    "env-and-python-tags": {
        "mkdocs.yml": "site_name: x\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n  - jobsite:\n      country: !ENV [JOBSITE_TEST_COUNTRY, US]\n"
        "      horizon_days: !ENV JOBSITE_TEST_HORIZON\n",
    },
}


def _write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_load_settings_agrees_with_what_mkdocs_resolves(
    layout: str, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("JOBSITE_TEST_COUNTRY", "GB")
    monkeypatch.setenv("JOBSITE_TEST_HORIZON", "12")
    root = _write(tmp_path, LAYOUTS[layout])
    (root / "docs").mkdir()
    config = load_config(str(root / "mkdocs.yml"))
    resolved = settings_from(config.plugins["jobsite"].config)
    assert load_settings(root) == resolved
    assert (resolved.country, resolved.horizon_days) == ("GB", 12)


def test_norway_and_ontario_survive_yaml_booleans(tmp_path: Path) -> None:
    """YAML 1.1 reads `NO` as false and `ON` as true; they are country and province codes."""
    _write(tmp_path, {"mkdocs.yml": "plugins:\n  - jobsite:\n      country: NO\n"})
    assert load_settings(tmp_path).country == "NO"
    _write(tmp_path, {"mkdocs.yml": "plugins:\n  - jobsite: {country: CA, subdivision: ON}\n"})
    assert load_settings(tmp_path).subdivision == "ON"


def test_a_bad_option_is_located_in_the_file_it_is_written_in(tmp_path: Path) -> None:
    base = "site_name: base\nplugins:\n  - jobsite:\n      horizon_days: 100000000\n"
    _write(tmp_path, {"base.yml": base, "mkdocs.yml": "INHERIT: base.yml\n"})
    with pytest.raises(SettingsError) as raised:
        load_settings(tmp_path)
    assert str(raised.value) == "base.yml:4: horizon_days: must be at most 3650, not 100000000"


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (
            "horizon_days: 100000000000000000000",
            "horizon_days: must be at most 3650, not 100000000000…",
        ),
        (
            "follow_up_business_days: 99999",
            "follow_up_business_days: must be at most 260, not 99999",
        ),
        ("check_in_days: [7, 99999]", "check_in_days: must be at most 3650, not 99999"),
        ("horizon_days: yes", "horizon_days: expected a whole number, not 'True'"),
        (
            "days_off: [2026-02-30]",
            "days_off: '2026-02-30' is not a valid date (day is out of range for month)",
        ),
    ],
)
def test_numbers_and_dates_are_bounded_with_a_clear_message(
    option: str, message: str, tmp_path: Path
) -> None:
    _write(tmp_path, {"mkdocs.yml": f"plugins:\n  - jobsite:\n      {option}\n"})
    with pytest.raises(SettingsError) as raised:
        load_settings(tmp_path)
    assert str(raised.value) == f"mkdocs.yml:3: {message}"


def test_a_missing_inherited_file_is_one_line(tmp_path: Path) -> None:
    _write(tmp_path, {"mkdocs.yml": "INHERIT: nowhere.yml\n"})
    with pytest.raises(SettingsError, match=r"^mkdocs.yml: INHERIT: 'nowhere.yml' does not exist$"):
        load_settings(tmp_path)


def test_defaults_where_nothing_is_written(tmp_path: Path) -> None:
    assert load_settings(tmp_path) == Settings()
    _write(tmp_path, {"mkdocs.yml": "site_name: x\nplugins: [search, jobsite]\n"})
    assert load_settings(tmp_path) == Settings()
    assert settings_from({"days_off": None, "subdivision": None}) == Settings()
    assert settings_from({"days_off": [date(2026, 12, 24)]}).days_off == {date(2026, 12, 24)}


def test_the_locator_finds_the_option_for_messages_only(tmp_path: Path) -> None:
    text = textwrap.dedent(
        """\
        site_name: x
        plugins:
          - jobsite:
              country: GB
              horizon_days: 12
        """
    )
    _write(tmp_path, {"mkdocs.yml": text})
    locate = locator(tmp_path / "mkdocs.yml")
    assert locate("horizon_days") == "mkdocs.yml:5: horizon_days"
    assert locate("journal") == "mkdocs.yml: journal"


# --- Issue 13: the secret calendar and the weekly goal ----------------------------------------


def test_calendar_fields_and_weekly_goal_as_written(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "mkdocs.yml": "plugins:\n  - jobsite:\n      calendar: Secret\n"
            "      calendar_fields: [action, Company, phone]\n"
            "      weekly_goal: {follow_ups: 15, applications: '10'}\n"
        },
    )
    settings = load_settings(tmp_path)
    assert settings.calendar == "secret"
    assert settings.calendar_fields == {"action", "company", "phone"}
    assert settings.weekly_goal == (("applications", 10), ("follow_ups", 15))


def test_the_defaults_keep_a_protected_site_without_a_calendar() -> None:
    assert Settings().calendar is None
    assert Settings().calendar_fields == {"action", "company"}
    assert Settings().weekly_goal == ()
    assert settings_from({"calendar": None, "weekly_goal": None}) == Settings()


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (
            "calendar: public",
            "calendar: expected secret, not 'public' (or leave it out: a protected site then "
            "has no calendar)",
        ),
        (
            "calendar_fields: [action, salary]",
            "calendar_fields: unknown field 'salary' (expected some of action, company, role, "
            "contact, phone, email, notes, link, file)",
        ),
        (
            "weekly_goal: {applications: 10, interviews: 2}",
            "weekly_goal: unknown goal 'interviews' (expected some of applications, "
            "first_contacts, follow_ups)",
        ),
        ("weekly_goal: {applications: 0}", "weekly_goal.applications: must be at least 1, not 0"),
        ("weekly_goal: 10", "weekly_goal: expected {applications: 10, follow_ups: 15}"),
    ],
)
def test_a_bad_calendar_or_goal_is_one_line(option: str, message: str, tmp_path: Path) -> None:
    _write(tmp_path, {"mkdocs.yml": f"plugins:\n  - jobsite:\n      {option}\n"})
    with pytest.raises(SettingsError) as raised:
        load_settings(tmp_path)
    assert str(raised.value) == f"mkdocs.yml:3: {message}"


# --- Issue 27: the work-search record's week --------------------------------------------------


def test_work_search_as_written_and_its_defaults(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "mkdocs.yml": "plugins:\n  - jobsite:\n"
            "      work_search: {per_week: '5', Week_Starts: ' Monday '}\n"
        },
    )
    assert load_settings(tmp_path).work_search == WorkSearch(per_week=5, week_starts="monday")
    assert Settings().work_search == WorkSearch(per_week=None, week_starts="sunday")
    assert settings_from({"work_search": None}) == Settings()
    assert settings_from({"work_search": {"per_week": None}}) == Settings()


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("work_search: 3", "work_search: expected {per_week: 3, week_starts: sunday}"),
        ("work_search: {per_week: 0}", "work_search.per_week: must be at least 1, not 0"),
        (
            "work_search: {per_week: three}",
            "work_search.per_week: expected a whole number, not 'three'",
        ),
        (
            "work_search: {week_starts: friday}",
            "work_search.week_starts: expected sunday or monday, not 'friday'",
        ),
        (
            "work_search: {per_day: 1}",
            "work_search: unknown key 'per_day' (expected per_week, week_starts)",
        ),
    ],
)
def test_a_bad_work_search_is_one_line(option: str, message: str, tmp_path: Path) -> None:
    _write(tmp_path, {"mkdocs.yml": f"plugins:\n  - jobsite:\n      {option}\n"})
    with pytest.raises(SettingsError) as raised:
        load_settings(tmp_path)
    assert str(raised.value) == f"mkdocs.yml:3: {message}"


# --- The language of the pages, the scripts and the call sheet -----------------------------


def test_the_language_is_english_unless_written(tmp_path: Path) -> None:
    assert Settings().language == "en"
    _write(tmp_path, {"mkdocs.yml": "plugins:\n  - jobsite:\n      language: DE\n"})
    assert load_settings(tmp_path).language == "de"


@pytest.mark.parametrize("value", ["it", "german", "de-AT", "null", "[de]"])
def test_an_unknown_language_is_one_line(value: str, tmp_path: Path) -> None:
    _write(tmp_path, {"mkdocs.yml": f"plugins:\n  - jobsite:\n      language: {value}\n"})
    with pytest.raises(SettingsError) as raised:
        load_settings(tmp_path)
    written = {"null": None, "[de]": None}.get(value, value)
    expected = (
        f"unknown language '{written}' (expected one of en, de, es, fr)"
        if written
        else "expected a value"
    )
    assert str(raised.value) == f"mkdocs.yml:3: language: {expected}"
