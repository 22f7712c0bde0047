"""Gone quiet on the site (guide/rules.md §4, rule 5): a decision on the due list and the
company page, counted apart on the home page and the call sheet. Rendered without MkDocs."""

from __future__ import annotations

from datetime import date

import pytest
from bs4 import BeautifulSoup

from jobsite.agenda import build_agenda
from jobsite.site.pages import render_site
from jobsite.site.weekly import review_start

TODAY = date(2026, 11, 26)
JOURNAL = {
    "acme.md": "---\ncompany: Acme Corp\ncontacts: [Dana Smith]\n"
    "events: [2026-11-16 applied]\n---\n",
    "initrode.md": "---\ncompany: Initrode\ncontacts: [Bill Lumbergh]\n"
    "events: [2026-09-14 applied, 2026-09-18 voicemail]\n---\n",
}
QUIET = "journal/initrode.md"


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, BeautifulSoup]:
    root = tmp_path_factory.mktemp("quiet")
    (root / "journal").mkdir()
    for name, text in JOURNAL.items():
        (root / "journal" / name).write_text(text, encoding="utf-8")
    agenda = build_agenda(root, TODAY, use_cache=False, review_from=review_start(TODAY))
    return {p: BeautifulSoup(t, "html.parser") for p, t in render_site(agenda).pages.items()}


def _text(tag) -> str:
    return " ".join(tag.get_text(" ").split())


def test_the_due_list_shows_it_as_a_decision_not_an_overdue_call(pages) -> None:
    due = pages["due/index.md"]
    overdue = due.select('[data-bucket-list="overdue"] .jobsite-action')
    assert [li["data-file"] for li in overdue] == ["journal/acme.md"]
    card = due.select_one(f'#quiet ~ ul .jobsite-action[data-file="{QUIET}"]')
    assert card.has_attr("data-quiet") and card["data-bucket"] == "overdue"  # the bucket stays
    assert _text(card.select_one("[data-badge]")) == "Gone quiet"
    assert "Overdue" not in _text(card)
    assert _text(card.select_one(".jobsite-decision")) == (
        "No answer since Friday 18 September : call once more, or close it with "
        "jobsite log journal/initrode.md closed Copy the command"
    )


def test_the_home_page_counts_it_apart_from_todays_calls(pages) -> None:
    home = pages["index.md"]
    counts = {
        _text(a.select_one(".jobsite-count__label")): _text(a.select_one(".jobsite-count__number"))
        for a in home.select(".jobsite-count")
    }
    assert counts["Overdue"] == "1"
    assert counts["Gone quiet: call or close"] == "1"
    owed = home.select('[data-bucket-list="overdue due"] .jobsite-action')
    assert [li["data-file"] for li in owed] == ["journal/acme.md"]


def test_the_call_sheet_counts_it_apart(pages) -> None:
    sheet = pages["today/index.md"]
    assert [li["data-file"] for li in sheet.select("[data-sheet-item]")] == ["journal/acme.md"]
    assert _text(sheet.select_one("[data-sheet-count]")) == "1"
    section = sheet.select_one("section.jobsite-quiet")
    assert _text(section.select_one("h2")) == "Gone quiet, apart from today’s calls: 1"
    assert "jobsite log journal/initrode.md closed" in _text(section)


def test_the_company_page_shows_the_decision(pages) -> None:
    page = pages["companies/initrode/index.md"]
    assert "call once more, or close it" in _text(page.select_one(".jobsite-decision"))
