"""The business-day calendar of guide/rules.md §2, and the settings that shape it
(guide/settings.md).

Every expected date below was worked out by hand on a printed calendar; the comment of each
case counts the days. For reference:

       November 2026            December 2026            January 2027
    Mo Tu We Th Fr Sa Su     Mo Tu We Th Fr Sa Su     Mo Tu We Th Fr Sa Su
                       1         1  2  3  4  5  6                  1  2  3
     2  3  4  5  6  7  8      7  8  9 10 11 12 13      4  5  6  7  8  9 10
     9 10 11 12 13 14 15     14 15 16 17 18 19 20     ...
    16 17 18 19 20 21 22     21 22 23 24 25 26 27
    23 24 25 26 27 28 29     28 29 30 31
    30

US federal holidays in that stretch: Veterans Day Wed 11-11, Thanksgiving Thu 11-26,
Christmas Fri 12-25, New Year's Day Fri 2027-01-01.
"""

from __future__ import annotations

from datetime import date

import pytest

from jobsite.errors import SettingsError
from jobsite.journal.settings import Settings, load_settings
from jobsite.rules.workdays import Calendar, holiday_source

D = date.fromisoformat

# One holiday table per test module: the `holidays` package works each year out only once.
_TABLE: dict[str, list[int]] = {}


def calendar(
    country: str = "US", subdivision: str | None = None, days_off: tuple[str, ...] = ()
) -> Calendar:
    """The real calendar of a country, as `jobsite due` builds it."""
    source = holiday_source(country, subdivision, _TABLE)
    return Calendar(source, frozenset(D(day) for day in days_off))


# --- B+n and roll on plain weeks ------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        # Mon 11-02 + 3: Tue 3 (1), Wed 4 (2), Thu 5 (3).
        ("2026-11-02", 3, "2026-11-05"),
        # Fri 11-13 + 1: Sat and Sun do not count, Mon 16 (1).
        ("2026-11-13", 1, "2026-11-16"),
        # Sat 11-14 + 1: the day itself never counts (and it is a Saturday anyway): Mon 16.
        ("2026-11-14", 1, "2026-11-16"),
        # Thu 11-19 + 3: Fri 20 (1), Mon 23 (2), Tue 24 (3).
        ("2026-11-19", 3, "2026-11-24"),
        # B+0 is the day itself, even on a weekend: nothing to count.
        ("2026-11-14", 0, "2026-11-14"),
    ],
)
def test_add_business_days_skips_weekends(start: str, count: int, expected: str) -> None:
    assert calendar().add_business_days(D(start), count) == D(expected)


def test_the_start_day_never_counts_even_when_it_is_a_business_day() -> None:
    # Tue 11-03 is a business day; B+1 of it is Wed 11-04, never 11-03 itself.
    assert calendar().add_business_days(D("2026-11-03"), 1) == D("2026-11-04")


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2026-11-17", "2026-11-17"),  # Tue: a business day stays
        ("2026-11-21", "2026-11-23"),  # Sat → Mon
        ("2026-11-22", "2026-11-23"),  # Sun → Mon
    ],
)
def test_roll(day: str, expected: str) -> None:
    assert calendar().roll(D(day)) == D(expected)


# --- US holidays ------------------------------------------------------------------------------


def test_thanksgiving_is_not_a_business_day() -> None:
    us = calendar()
    assert not us.is_business_day(D("2026-11-26"))  # Thanksgiving, a Thursday
    assert us.is_business_day(D("2026-11-27"))  # the Friday after is a business day federally
    # Wed 11-25 + 1: Thu 26 is Thanksgiving, so Fri 27 (1).
    assert us.add_business_days(D("2026-11-25"), 1) == D("2026-11-27")
    # Mon 11-23 + 3: Tue 24 (1), Wed 25 (2), Thu 26 holiday, Fri 27 (3).
    assert us.add_business_days(D("2026-11-23"), 3) == D("2026-11-27")
    # Tue 11-24 + 3: Wed 25 (1), Thu 26 holiday, Fri 27 (2), Sat, Sun, Mon 30 (3).
    assert us.add_business_days(D("2026-11-24"), 3) == D("2026-11-30")
    # roll(Thanksgiving) is the Friday after.
    assert us.roll(D("2026-11-26")) == D("2026-11-27")


def test_veterans_day_is_not_a_business_day() -> None:
    us = calendar()
    assert not us.is_business_day(D("2026-11-11"))  # Veterans Day, a Wednesday
    # Tue 11-10 + 1: Wed 11 holiday, Thu 12 (1).
    assert us.add_business_days(D("2026-11-10"), 1) == D("2026-11-12")
    # Mon 11-09 + 3: Tue 10 (1), Wed 11 holiday, Thu 12 (2), Fri 13 (3).
    assert us.add_business_days(D("2026-11-09"), 3) == D("2026-11-13")
    assert us.roll(D("2026-11-11")) == D("2026-11-12")


def test_christmas_and_new_year_across_the_year_end() -> None:
    us = calendar()
    # Thu 12-24 + 1: Fri 25 Christmas, Sat, Sun, Mon 28 (1).
    assert us.add_business_days(D("2026-12-24"), 1) == D("2026-12-28")
    # Wed 12-30 + 2: Thu 31 (1), Fri 2027-01-01 New Year's Day, Sat, Sun, Mon 01-04 (2).
    assert us.add_business_days(D("2026-12-30"), 2) == D("2027-01-04")


def test_new_years_day_observed_on_the_last_day_of_the_year_before() -> None:
    """1 January 2022 was a Saturday: the US observed it on Friday 31 December 2021.

    The observed day lies in the year before the holiday, so the calendar must find it
    when it asks for 2021's holidays.

        December 2021            January 2022
        Mo Tu We Th Fr Sa Su     Mo Tu We Th Fr Sa Su
        27 28 29 30 31                        1  2
                                  3  4  5  6  7  8  9
    """
    us = calendar()
    assert not us.is_business_day(D("2021-12-31"))
    # Thu 12-30 + 1: Fri 31 observed New Year's Day, Sat 01-01, Sun 01-02, Mon 01-03 (1).
    assert us.add_business_days(D("2021-12-30"), 1) == D("2022-01-03")
    assert us.roll(D("2021-12-31")) == D("2022-01-03")


def test_new_years_day_observed_found_from_a_fresh_calendar() -> None:
    """The same again in 2027/2028 (1 January 2028 is a Saturday, observed Fri 2027-12-31),
    on a calendar whose very first question is about the observed day itself."""
    fresh = Calendar(holiday_source("US", None, {}))
    assert not fresh.is_business_day(D("2027-12-31"))
    # Thu 2027-12-30 + 1: Fri 31 observed, Sat 01-01, Sun 01-02, Mon 2028-01-03 (1).
    assert fresh.add_business_days(D("2027-12-30"), 1) == D("2028-01-03")


# --- An Illinois-only holiday -----------------------------------------------------------------


def test_lincolns_birthday_only_with_subdivision_il() -> None:
    # February 2026: Wed 11, Thu 12 (Lincoln's Birthday in Illinois), Fri 13.
    illinois, federal = calendar("US", "IL"), calendar("US")
    assert not illinois.is_business_day(D("2026-02-12"))
    assert federal.is_business_day(D("2026-02-12"))
    # Wed 02-11 + 1: in IL Thu 12 is a holiday, so Fri 13 (1); without IL, Thu 12 (1).
    assert illinois.add_business_days(D("2026-02-11"), 1) == D("2026-02-13")
    assert federal.add_business_days(D("2026-02-11"), 1) == D("2026-02-12")


def test_casimir_pulaski_day_only_with_subdivision_il() -> None:
    # The first Monday of March 2026 is 03-02. Fri 02-27 + 1: Sat, Sun, then Mon 03-02 is
    # Casimir Pulaski Day in IL, so Tue 03-03 (1); without IL, Mon 03-02 (1).
    assert calendar("US", "IL").add_business_days(D("2026-02-27"), 1) == D("2026-03-03")
    assert calendar("US").add_business_days(D("2026-02-27"), 1) == D("2026-03-02")
    assert calendar("US", "IL").roll(D("2026-03-02")) == D("2026-03-03")


def test_subdivision_is_matched_ignoring_case() -> None:
    assert not calendar("US", "il").is_business_day(D("2026-02-12"))


# --- GB: Boxing Day observed ------------------------------------------------------------------


def test_gb_boxing_day_observed_on_the_monday() -> None:
    """Boxing Day 2026 falls on a Saturday and is observed on the next weekday that is not
    already a holiday.

        December 2026
        Mo Tu We Th Fr Sa Su
        21 22 23 24 25 26 27
        28 29 30 31

    Christmas is Fri 25 (a weekday, so it is not moved); Boxing Day is Sat 26, so it moves to
    Mon 28. (The `holidays` package lists 2026-12-25, 2026-12-26 and "Boxing Day (observed)"
    2026-12-28 for GB.) In the US, 26 and 28 December are ordinary days.
    So from Thu 24: GB skips Fri 25, Sat 26, Sun 27, Mon 28 and lands on Tue 29; the US skips
    Fri 25 only and lands on Mon 28.
    """
    gb = calendar("GB")
    assert not gb.is_business_day(D("2026-12-25"))
    assert not gb.is_business_day(D("2026-12-28"))
    assert gb.is_business_day(D("2026-12-29"))
    assert gb.add_business_days(D("2026-12-24"), 1) == D("2026-12-29")
    assert calendar("US").add_business_days(D("2026-12-24"), 1) == D("2026-12-28")
    # roll(Boxing Day) in GB: Sat 26, Sun 27, Mon 28 (observed) → Tue 29.
    assert gb.roll(D("2026-12-26")) == D("2026-12-29")


def test_gb_christmas_and_boxing_day_both_observed_in_2027() -> None:
    """In 2027 Christmas is a Saturday and Boxing Day a Sunday: observed Mon 27 and Tue 28.

        December 2027
        Mo Tu We Th Fr Sa Su
        20 21 22 23 24 25 26
        27 28 29 30 31

    Fri 24 + 1: Sat 25, Sun 26, Mon 27 (Christmas observed), Tue 28 (Boxing Day observed),
    Wed 29 (1).
    """
    assert calendar("GB").add_business_days(D("2027-12-24"), 1) == D("2027-12-29")


# --- days_off ---------------------------------------------------------------------------------


def test_days_off_are_not_business_days() -> None:
    # Wed 12-23 + 1: Thu 24 is a day off, Fri 25 Christmas, Sat, Sun, Mon 28 (1).
    off = calendar(days_off=("2026-12-24",))
    assert not off.is_business_day(D("2026-12-24"))
    assert off.add_business_days(D("2026-12-23"), 1) == D("2026-12-28")
    assert off.roll(D("2026-12-24")) == D("2026-12-28")
    # Without the day off, Thu 24 (1).
    assert calendar().add_business_days(D("2026-12-23"), 1) == D("2026-12-24")


def test_a_day_off_on_a_weekend_changes_nothing() -> None:
    # Fri 11-13 + 1 is Mon 16 whether or not Sat 14 is also a day off.
    assert calendar(days_off=("2026-11-14",)).add_business_days(D("2026-11-13"), 1) == D(
        "2026-11-16"
    )


# --- How the holiday dates are looked up ------------------------------------------------------


def test_calendar_asks_for_each_year_once() -> None:
    asked: list[int] = []

    def holidays_for(year: int) -> frozenset[date]:
        asked.append(year)
        return frozenset({D("2026-11-26")})

    fake = Calendar(holidays_for)
    # 20 business days from Sun 11-01, with Thanksgiving the only holiday: weeks of 5 from
    # Mon 2 (5 by Fri 6, 10 by Fri 13, 15 by Fri 20), then Mon 23 to Fri 27 less Thu 26 (19),
    # then Mon 30 (20).
    assert fake.add_business_days(D("2026-11-01"), 20) == D("2026-11-30")
    assert fake.roll(D("2026-11-26")) == D("2026-11-27")
    assert asked == [2026]


def test_holiday_table_given_in_the_cache_is_used_without_the_package() -> None:
    # A cache entry says the only US holiday of 2026 is Tue 11-03: the calendar must believe
    # it (that is what makes a warm run skip `import holidays`).
    table = {"US//2026": [D("2026-11-03").toordinal()], "US//2027": []}
    cached = Calendar(holiday_source("US", None, table))
    assert not cached.is_business_day(D("2026-11-03"))
    assert cached.is_business_day(D("2026-11-26"))  # not in this (fake) table


def test_holiday_source_fills_the_cache_for_this_year_and_the_next() -> None:
    table: dict[str, list[int]] = {}
    holidays_for = holiday_source("US", None, table)
    assert D("2026-11-26") in holidays_for(2026)
    assert set(table) == {"US//2026", "US//2027"}
    assert D("2027-11-25").toordinal() in table["US//2027"]  # Thanksgiving 2027


# --- Settings errors: one line, naming the setting, with mkdocs.yml:LINE -----------------------


def write_settings(root, options: str) -> None:
    """An mkdocs.yml whose plugin options start on line 5."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(
        "site_name: Test\nplugins:\n  - search\n  - jobsite:\n" + options, encoding="utf-8"
    )


def settings_error(root, options: str) -> str:
    write_settings(root, options)
    settings = load_settings(root)
    source = holiday_source(settings.country, settings.subdivision, {}, settings.where)
    with pytest.raises(SettingsError) as raised:
        source(2026)
    return str(raised.value)


def test_unknown_country(tmp_path) -> None:
    message = settings_error(tmp_path, "      country: XX\n")
    assert message == "mkdocs.yml:5: country: unknown country code 'XX'"


def test_unknown_subdivision(tmp_path) -> None:
    message = settings_error(tmp_path, "      country: GB\n      subdivision: ZZ\n")
    assert message == (
        "mkdocs.yml:6: subdivision: unknown subdivision 'ZZ' of GB "
        "(expected one of ENG, NIR, SCT, WLS)"
    )


def test_unknown_subdivision_of_a_country_with_many_lists_the_first_twelve(tmp_path) -> None:
    message = settings_error(tmp_path, "      country: US\n      subdivision: ZZ\n")
    assert message.startswith("mkdocs.yml:6: subdivision: unknown subdivision 'ZZ' of US ")
    assert message.endswith(", ...)")
    assert "\n" not in message


def test_country_and_subdivision_ignore_case(tmp_path) -> None:
    write_settings(tmp_path, "      country: gb\n      subdivision: sct\n")
    settings = load_settings(tmp_path)
    assert (settings.country, settings.subdivision) == ("GB", "SCT")
    scotland = Calendar(holiday_source(settings.country, settings.subdivision, {}))
    # St Andrew's Day, Mon 2026-11-30, is a Scottish bank holiday only.
    assert not scotland.is_business_day(D("2026-11-30"))
    assert calendar("GB").is_business_day(D("2026-11-30"))


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            "      days_off: [2026-12-24, 2026-13-45]\n",
            "mkdocs.yml:5: days_off: '2026-13-45' is not a valid date (month must be in 1..12)",
        ),
        (
            "      days_off: 2026-12-24\n",
            "mkdocs.yml:5: days_off: expected a list of dates, e.g. [2026-12-24]",
        ),
        (
            "      follow_up_business_days: three\n",
            "mkdocs.yml:5: follow_up_business_days: expected a whole number, not 'three'",
        ),
        (
            "      follow_up_business_days: 0\n",
            "mkdocs.yml:5: follow_up_business_days: must be at least 1, not 0",
        ),
        (
            "      check_in_days: [10, 7]\n",
            "mkdocs.yml:5: check_in_days: the first day (10) is after the last (7)",
        ),
        (
            "      check_in_days: 7\n",
            "mkdocs.yml:5: check_in_days: expected two numbers of days, e.g. [7, 10]",
        ),
        ("      horizon_days: -1\n", "mkdocs.yml:5: horizon_days: must be at least 0, not -1"),
        ("      country:\n", "mkdocs.yml:5: country: expected a value"),
        ("      journal: [a]\n", "mkdocs.yml:5: journal: expected a value"),
    ],
)
def test_bad_settings_are_one_line_errors(tmp_path, options: str, message: str) -> None:
    write_settings(tmp_path, options)
    with pytest.raises(SettingsError) as raised:
        load_settings(tmp_path)
    assert str(raised.value) == message


def test_invalid_yaml_in_mkdocs_yml(tmp_path) -> None:
    write_settings(tmp_path, "      country: [US\n")
    with pytest.raises(SettingsError) as raised:
        load_settings(tmp_path)
    assert str(raised.value).startswith("mkdocs.yml:")
    assert "invalid YAML" in str(raised.value)
    assert "\n" not in str(raised.value)


def test_settings_defaults_without_mkdocs_yml(tmp_path) -> None:
    assert load_settings(tmp_path) == Settings()
    assert Settings() == Settings(
        journal="journal",
        country="US",
        subdivision=None,
        days_off=frozenset(),
        follow_up_business_days=3,
        check_in_days=(7, 10),
        horizon_days=7,
    )


def test_every_setting_is_read(tmp_path) -> None:
    write_settings(
        tmp_path,
        "      journal: notes\n"
        "      country: US\n"
        "      subdivision: IL\n"
        "      days_off: [2026-12-24, '2026-12-31']\n"
        "      follow_up_business_days: 2\n"
        "      check_in_days: [5, 8]\n"
        "      horizon_days: 14\n",
    )
    assert load_settings(tmp_path) == Settings(
        journal="notes",
        country="US",
        subdivision="IL",
        days_off=frozenset({D("2026-12-24"), D("2026-12-31")}),
        follow_up_business_days=2,
        check_in_days=(5, 8),
        horizon_days=14,
    )


def test_plugin_named_without_options_gives_the_defaults(tmp_path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - search\n  - jobsite\n")
    assert load_settings(tmp_path) == Settings()
