"""The people pages of the site (guide/people.md), read as HTML: one page per person across
files, the index's order, the links to them from every name, the calendar, search, redaction,
and HTML a checker passes (unique ids, no skipped heading level)."""

from __future__ import annotations

import json
import posixpath
import textwrap
from itertools import pairwise
from pathlib import Path
from urllib.parse import urlsplit

import icalendar
import pytest
from bs4 import BeautifulSoup

from conftest import SAMPLE_TODAY
from samples import opportunity_file

# Dana moved from Acme to Globex and kept her email; Monica introduced you to her there.
ACME = opportunity_file(
    "Acme Corp",
    "Data Engineer",
    contacts=[{"name": "Dana Smith", "title": "HR Generalist", "email": "dana@acme.example"}],
    events=["2026-10-01 applied", "{date: 2026-10-05, type: voicemail, with: Dana Smith}"],
    extra=["status: rejected"],
)
GLOBEX = opportunity_file(
    "Globex Corporation",
    "Senior Analyst",
    contacts=[
        {
            "name": "Dana Smith",
            "title": "Talent Partner",
            "phone": "+1 312 555 0142",
            "email": "Dana@Acme.example",
            "introduced_by": "Monica Hall",
            "notes": "prefers mornings",
        },
        {"name": "Lee Park", "title": "Hiring Manager"},
    ],
    events=[
        "2026-11-16 applied",
        "{date: 2026-11-20, type: interview, with: Lee Park}",
    ],
)
RAVIGA = opportunity_file(
    "Raviga",
    contacts=[{"name": "Monica Hall"}],
    events=["2026-11-02 contacted"],
    extra=["kind: networking"],
)
# Another Dana Smith, elsewhere, with nothing in common: another person.
INITECH = opportunity_file(
    "Initech", "Platform Engineer", contacts=[{"name": "Dana Smith"}], events=["2026-11-23 applied"]
)

MKDOCS = """\
site_name: People test
site_url: https://jobs.example/site/
theme:
  name: material
plugins:
  - search
  - jobsite:
{options}
"""


def _build(run, make_root, files: dict[str, str], options: str = "") -> Path:
    root = make_root(files)
    indented = textwrap.indent(textwrap.dedent(options).strip(), " " * 6) or " " * 6 + "{}"
    (root / "mkdocs.yml").write_text(MKDOCS.format(options=indented), encoding="utf-8")
    result = run(root, "build", "--today", SAMPLE_TODAY)
    assert result.exit_code == 0, result.output
    return root / "site"


@pytest.fixture
def site(run, make_root) -> Path:
    return _build(
        run,
        make_root,
        {"acme.md": ACME, "globex.md": GLOBEX, "raviga.md": RAVIGA, "initech.md": INITECH},
    )


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _content(page: Path) -> BeautifulSoup:
    return _soup(page).select_one(".md-content")


def _target(site: Path, page: Path, href: str) -> str:
    """Where a relative link on `page` leads, as a folder of the site (`people/x/`)."""
    here = page.parent.relative_to(site).as_posix()
    path = posixpath.normpath(posixpath.join(here, urlsplit(href).path))
    return path.removesuffix("index.html").rstrip("/") + "/"


def _person_links(site: Path, page: Path) -> dict[str, set[str]]:
    """Each name linked to a person's page on `page`, and the pages it leads to."""
    found: dict[str, set[str]] = {}
    for link in _content(page).select("a.jobsite-person"):
        found.setdefault(link.get_text(), set()).add(_target(site, page, link["href"]))
    return found


def test_one_person_in_two_files_under_two_companies_has_one_page(site: Path) -> None:
    pages = sorted(p.parent.name for p in (site / "people").glob("*/index.html"))
    assert pages == ["dana-smith", "dana-smith-2", "lee-park", "monica-hall"]
    page = _content(site / "people" / "dana-smith" / "index.html")
    assert page.h1.get_text() == "Dana Smith"
    stints = [li.strong.get_text() for li in page.select(".jobsite-stints > li")]
    assert stints == ["Acme Corp", "Globex Corporation"]  # in time order
    text = " ".join(page.get_text(" ").split())
    assert "HR Generalist" in text and "Talent Partner" in text
    assert "prefers mornings" in text
    assert "Introduced by Monica Hall" in text
    # Her phone and the one email, however each file spelt it.
    assert [
        a["href"]
        for a in page.select(".jobsite-meta a[href^='tel:'], .jobsite-meta a[href^='mailto:']")
    ] == [
        "tel:+13125550142",
        "mailto:dana@acme.example",  # as first written
    ]
    # What is owed to her: the cards of the due list, with their data.
    cards = page.select(".jobsite-action")
    assert [(c["data-file"], c["data-action"]) for c in cards] == [
        ("journal/globex.md", "thank-you-call"),
        ("journal/globex.md", "handwritten-note"),
    ]
    events = [li.time["datetime"] for li in page.select(".jobsite-timeline > li")]
    assert events == ["2026-10-01", "2026-10-05", "2026-11-16"]  # the interview was with Lee


def test_a_name_alone_at_another_company_is_another_page(site: Path) -> None:
    other = _content(site / "people" / "dana-smith-2" / "index.html")
    assert [li.strong.get_text() for li in other.select(".jobsite-stints > li")] == ["Initech"]


def test_the_index_puts_open_opportunities_first_and_the_longest_out_of_touch_first(
    site: Path,
) -> None:
    index = _content(site / "people" / "index.html")
    rows = index.select_one("#open ~ .jobsite-table").select("tbody th a")
    # Dana at Initech was never contacted; Dana's last contact was on 5 Oct (at Acme, though
    # her opportunity open now is at Globex), Monica's on 2 Nov, Lee's on 20 Nov.
    assert [(a.get_text(), a["href"]) for a in rows] == [
        ("Dana Smith", "dana-smith-2/index.html"),
        ("Dana Smith", "dana-smith/index.html"),
        ("Monica Hall", "monica-hall/index.html"),
        ("Lee Park", "lee-park/index.html"),
    ]
    assert not index.select("#closed")  # everyone has an open opportunity


def test_every_name_links_to_its_persons_page(site: Path) -> None:
    due = _person_links(site, site / "due" / "index.html")
    assert due["Dana Smith"] == {"people/dana-smith/", "people/dana-smith-2/"}
    sheet = _person_links(site, site / "today" / "index.html")
    assert sheet["Dana Smith"] == {"people/dana-smith/", "people/dana-smith-2/"}
    home = _person_links(site, site / "index.html")
    assert "people/dana-smith/" in home["Dana Smith"]
    globex = _person_links(site, site / "companies" / "globex-corporation" / "index.html")
    assert globex == {
        "Dana Smith": {"people/dana-smith/"},
        "Lee Park": {"people/lee-park/"},  # as a contact and in the timeline's `with:`
        "Monica Hall": {"people/monica-hall/"},  # who introduced Dana
    }
    acme = _person_links(site, site / "companies" / "acme-corp" / "index.html")
    assert acme == {"Dana Smith": {"people/dana-smith/"}}
    initech = _person_links(site, site / "companies" / "initech" / "index.html")
    assert initech == {"Dana Smith": {"people/dana-smith-2/"}}
    # Every one of those links leads to a page that exists.
    for links in (due, sheet, home, globex, acme, initech):
        for targets in links.values():
            assert all((site / t / "index.html").is_file() for t in targets)


def test_a_persons_page_does_not_link_to_itself_and_links_their_introducer(site: Path) -> None:
    links = _person_links(site, site / "people" / "dana-smith" / "index.html")
    assert links == {"Monica Hall": {"people/monica-hall/"}}
    monica = _content(site / "people" / "monica-hall" / "index.html")
    assert " ".join(monica.get_text(" ").split()).count("Introduced you to Dana Smith") == 1


def test_people_are_in_the_nav_and_in_search(site: Path) -> None:
    nav = _soup(site / "index.html").select(".md-nav a")
    assert any(a.get_text(strip=True) == "People" for a in nav)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0].removesuffix("index.html") for doc in index["docs"]}
    assert {"people/dana-smith/", "people/lee-park/", "people/monica-hall/"} <= locations
    assert "people/" not in locations  # the index repeats the pages
    dana = [d for d in index["docs"] if d["location"].startswith("people/dana-smith/index")]
    assert any("Globex Corporation" in d["text"] for d in dana)


def test_the_calendar_names_the_contacts_page(site: Path) -> None:
    calendar = icalendar.Calendar.from_ical((site / "calendar.ics").read_bytes())
    globex = [e for e in calendar.walk("VEVENT") if "Globex" in str(e["summary"])]
    assert globex
    for event in globex:
        assert str(event["url"]) == "https://jobs.example/site/companies/globex-corporation/"
        assert "Their page: https://jobs.example/site/people/dana-smith/" in str(
            event["description"]
        )


def test_the_stats_compare_introductions_with_cold_starts(site: Path) -> None:
    stats = _content(site / "stats" / "index.html")
    rows = {
        row.th.get_text(): [td.get_text() for td in row.select("td")]
        for row in stats.select("#introductions-table tbody tr")
    }
    assert rows == {
        "Through an introduction": ["1", "1 (100%)", "1 (100%)", "0 (0%)"],
        "Cold (no introduction)": ["3", "0 (0%)", "0 (0%)", "0 (0%)"],
    }


def test_redact_applies_to_the_person_pages_and_keeps_the_person_whole(run, make_root) -> None:
    site = _build(
        run,
        make_root,
        {"acme.md": ACME, "globex.md": GLOBEX},
        "redact: [phone, email, notes]",
    )
    # Matched on the email before it was left out: still one Dana.
    assert (site / "people" / "dana-smith" / "index.html").is_file()
    assert not (site / "people" / "dana-smith-2").exists()
    published = "\n".join(
        p.read_text(encoding="utf-8") for p in site.rglob("*") if p.suffix in (".html", ".json")
    )
    for secret in ("dana@acme.example", "555 0142", "5550142", "prefers mornings"):
        assert secret.lower() not in published.lower()
    page = _content(site / "people" / "dana-smith" / "index.html")
    assert [li.strong.get_text() for li in page.select(".jobsite-stints > li")] == [
        "Acme Corp",
        "Globex Corporation",
    ]


def test_the_people_pages_are_valid_html_with_one_id_each_and_no_skipped_heading(
    site: Path,
) -> None:
    for page in [site / "people" / "index.html", *(site / "people").glob("*/index.html")]:
        soup = _soup(page)
        ids = [tag["id"] for tag in soup.select("[id]")]
        assert len(ids) == len(set(ids)), page
        levels = [int(h.name[1]) for h in soup.select(".md-content :is(h1, h2, h3, h4, h5, h6)")]
        assert levels[0] == 1, page
        assert all(b - a <= 1 for a, b in pairwise(levels)), (page, levels)
