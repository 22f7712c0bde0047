"""Words that fit what they name (guide/site.md): a booked meeting is a meeting, your own
keys read as labels, a wide table says that it scrolls. Rendered without MkDocs."""

from __future__ import annotations

from datetime import date

import pytest
from bs4 import BeautifulSoup

from jobsite.agenda import build_agenda
from jobsite.site.pages import render_site
from jobsite.site.weekly import review_start

TODAY = date(2026, 11, 26)
MEETING = """\
---
company: Omar Haddad
kind: networking
contacts: [Omar Haddad]
events:
  - 2026-11-20 contacted
  - 2026-12-02 meeting
salary_range: 90-110k
hiring-manager: Dana
---
"""
THANKS = "---\ncompany: Hooli\ncontacts: [Rachel Kim]\nevents: [2026-11-24 interview]\n---\n"
INTERVIEW = "---\ncompany: Hooli\nevents: [2026-11-20 applied, 2026-12-03 interview]\n---\n"


def _pages(make_root) -> dict[str, BeautifulSoup]:
    root = make_root({"omar.md": MEETING, "hooli.md": INTERVIEW})
    pages = render_site(
        build_agenda(root, TODAY, use_cache=False, review_from=review_start(TODAY))
    ).pages
    return {path: BeautifulSoup(text, "html.parser") for path, text in pages.items()}


def _names(page: BeautifulSoup) -> dict[str, str]:
    return {
        li["data-file"]: li.select_one(".jobsite-action__name").get_text()
        for li in page.select("#interviews ~ ul .jobsite-action")
    }


def test_a_booked_meeting_is_a_meeting_and_an_interview_an_interview(make_root) -> None:
    pages = _pages(make_root)
    due = pages["due/index.md"]
    assert due.select_one("#interviews").get_text() == "Meetings and interviews booked"
    assert _names(due) == {"journal/omar.md": "Meeting", "journal/hooli.md": "Interview"}
    spoken = due.select_one("[data-file='journal/omar.md'] .jobsite-visually-hidden").get_text()
    assert spoken.startswith("Upcoming: meeting with Omar Haddad at Omar Haddad, on ")
    home = pages["index.md"]
    labels = [label.get_text() for label in home.select(".jobsite-count__label")]
    assert "Meetings and interviews booked" in labels
    assert "Interviews booked" not in labels
    row = next(tr for tr in pages["companies/index.md"].select("tr") if "Omar" in tr.get_text())
    assert row.select("td")[-1].get_text().startswith("Meeting, ")


def test_your_own_keys_are_shown_with_readable_labels(make_root) -> None:
    page = _pages(make_root)["companies/omar-haddad/index.md"]
    terms = [dt.get_text() for dt in page.select(".jobsite-extra dt")]
    assert terms == ["Salary range", "Hiring manager"]


def test_every_table_has_a_scroll_hint_before_its_region(make_root) -> None:
    pages = _pages(make_root)
    regions = [r for page in pages.values() for r in page.select("div.jobsite-table")]
    assert len(regions) >= 5  # the companies, the stats' four, the record's weeks
    for region in regions:
        hint = region.find_previous_sibling()
        assert hint.has_attr("data-scroll-hint") and hint.has_attr("hidden")
        assert hint.get_text() == (
            "Wider than the screen: scroll the table sideways to see every column."
        )


@pytest.mark.parametrize(
    ("settings", "said"),
    [
        (
            None,
            "The scripts leave a blank for your name and number: to sign them, set "
            'me: {name: …, phone: "…"} under the jobsite plugin in mkdocs.yml.',
        ),
        ("me: {name: Jordan Lee}", "The scripts leave a blank for your number: "),
        ('me: {name: Jordan Lee, phone: "+1 773 555 0199"}', None),
    ],
)
def test_the_home_page_says_once_how_to_sign_the_scripts(make_root, settings, said) -> None:
    root = make_root({"hooli.md": THANKS}, settings=settings)
    agenda = build_agenda(root, TODAY, use_cache=False, review_from=review_start(TODAY))
    pages = render_site(agenda).pages
    home = BeautifulSoup(pages["index.md"], "html.parser")
    shown = [" ".join(p.get_text().split()) for p in home.select(".jobsite-unsigned")]
    if said is None:
        assert shown == []
    else:
        assert len(shown) == 1 and shown[0].startswith(said)
    script = BeautifulSoup(pages["scripts/thank-you-call/index.md"], "html.parser")
    prefilled = script.select_one("article.jobsite-script")  # Rachel Kim's, before the blank
    assert "Rachel Kim" in prefilled.get_text()
    if settings is None:  # the scripts keep their blanks
        assert prefilled.select(".jobsite-blank")
    else:
        assert "this is Jordan Lee" in " ".join(prefilled.get_text().split())
