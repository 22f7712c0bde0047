"""The weekly review (issue 13, item 4): eight Monday-based weeks of follow-ups owed, on time,
late and missed, applications and first contacts; and this week against `weekly_goal`.

The journal is tests/data/weekly_root/, worked out by hand in the comments of its files.
"""

from __future__ import annotations

from datetime import date

import pytest
from bs4 import BeautifulSoup

from jobsite.agenda import build_agenda
from jobsite.site.pages import render_site
from jobsite.site.weekly import goal_progress, monday_of, review_start, weekly_review

from conftest import DATA

ROOT = DATA / "weekly_root"
TODAY = date(2026, 11, 26)

# Monday: (owed, on time, late, missed, open, applications, first contacts, calls and notes).
WEEKS = {
    "2026-10-05": (1, 1, 0, 0, 0, 1, 0, 1),  # Delta: called early; applied; one call
    "2026-10-12": (0, 0, 0, 0, 0, 0, 0, 0),  # Delta's second call was ended by the rejection
    "2026-10-19": (1, 0, 0, 1, 0, 0, 1, 0),  # Beta: the call the reply came too late to spare
    "2026-10-26": (2, 1, 0, 1, 0, 0, 0, 1),  # Beta: thank-you on time, the note never sent
    "2026-11-02": (2, 2, 0, 0, 0, 1, 0, 2),  # Alpha's call, Beta's check-in; Alpha applied
    "2026-11-09": (2, 0, 1, 1, 0, 1, 0, 1),  # Alpha late, Beta's check-in missed; Epsilon
    "2026-11-16": (4, 1, 1, 2, 0, 0, 0, 1),  # Alpha: missed, thank-you, late note; Zeta missed
    "2026-11-23": (0, 0, 0, 0, 0, 1, 0, 1),  # Gamma applied (its call is due Fri); Alpha's note
}


@pytest.fixture(scope="module")
def agenda():
    found = build_agenda(ROOT, TODAY, use_cache=False, review_from=review_start(TODAY))
    assert found.problems == ()
    return found


def test_the_hand_worked_weeks(agenda) -> None:
    weeks = weekly_review(agenda.plans, TODAY)
    found = {
        w.start.isoformat(): (
            w.owed,
            w.on_time,
            w.late,
            w.missed,
            w.open,
            w.applications,
            w.first_contacts,
            w.follow_ups,
        )
        for w in weeks
    }
    assert found == WEEKS
    assert [w.start.weekday() for w in weeks] == [0] * 8
    assert weeks[-1].start == monday_of(TODAY) == date(2026, 11, 23)
    assert weeks[-1].end == date(2026, 11, 29)
    for week in weeks:
        assert week.owed == week.on_time + week.late + week.missed + week.open


def test_this_weeks_goals(agenda) -> None:
    goals = goal_progress(agenda.settings.weekly_goal, weekly_review(agenda.plans, TODAY)[-1])
    assert [(g.name, g.reached, g.target) for g in goals] == [
        ("applications", 1, 2),
        ("follow_ups", 1, 3),
    ]


def test_the_stats_page_shows_the_weeks_this_week_first(agenda) -> None:
    html = render_site(agenda).pages["stats/index.md"]
    soup = BeautifulSoup(html.split("---\n", 2)[2], "html.parser")
    table = soup.select_one('[aria-label="Week by week"] table')
    header = [th.get_text() for th in table.select("thead th")]
    assert header == [
        "Week of",
        "Owed",
        "On time",
        "Late",
        "Missed",
        "Open",
        "Applications",
        "First contacts",
        "Calls and notes made",
    ]
    rows = [[cell.get_text() for cell in tr.find_all(["th", "td"])] for tr in table.tbody("tr")]
    assert rows[0] == ["Mon 23 Nov", "0", "0", "0", "0", "0", "1", "0", "1"]
    assert rows[2] == ["Mon 9 Nov", "2", "0", "1", "1", "0", "1", "0", "1"]
    assert [row[0] for row in rows][-1] == "Mon 5 Oct"
    assert soup.select_one("th time")["datetime"] == "2026-11-23"
    # The charts, as the stats page draws its others: a row per week, words beside the bar.
    # Each by its title: the caption's first words, before its link to the table.
    charts = {
        c.figcaption.find(string=True).strip(): c for c in soup.select("figure.jobsite-chart")
    }
    timely = charts["Follow-ups done on time, week by week"]
    values = [v.get_text() for v in timely.select(".jobsite-chart__value")]
    assert values[2] == "0 of 2 on time, 1 late, 1 missed"
    assert values[0] == "none due"
    labels = [v.get_text() for v in timely.select(".jobsite-chart__label")]
    assert labels[0] == "This week, so far" and labels[-1] == "Week of Mon 5 Oct"
    outreach = charts["Applications and first contacts, week by week"]
    assert outreach.select(".jobsite-chart__value")[5].get_text() == (
        "0 applications, 1 first contact"
    )


def test_the_home_page_shows_the_weeks_goals(agenda) -> None:
    html = render_site(agenda).pages["index.md"]
    soup = BeautifulSoup(html.split("---\n", 2)[2], "html.parser")
    section = soup.select_one("section.jobsite-goals")
    assert section.h2.get_text() == "This week"
    rows = [
        (
            row.select_one(".jobsite-chart__label").get_text(),
            row.select_one(".jobsite-chart__value").get_text(),
        )
        for row in section.select(".jobsite-chart__row")
    ]
    assert rows == [("Applications", "1 of 2"), ("Calls and notes", "1 of 3")]
    widths = [bar["style"] for bar in section.select(".jobsite-chart__bar")]
    assert widths == ["width: 50.0%", "width: 33.3%"]


def test_no_goal_no_section(make_root) -> None:
    root = make_root({"a.md": "---\ncompany: A\nevents: [2026-11-23 applied]\n---\n"}, "")
    html = render_site(
        build_agenda(root, TODAY, use_cache=False, review_from=review_start(TODAY))
    ).pages["index.md"]
    assert "jobsite-goals" not in html and "This week" not in html
