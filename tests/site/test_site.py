"""The built site of issue 3, read as HTML (BeautifulSoup, never grep): guide/site.md.

Two roots are built once per module: the sample journal as it is, and a "tricky" copy with
extra files (hostile text, a company spelt three ways, a networking meeting to thank).
Smaller roots are built where a test needs its own templates or a broken file.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from datetime import UTC, date, datetime
from operator import itemgetter
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup, Tag
from click.testing import CliRunner, Result

from jobsite.agenda import build_agenda
from jobsite.cli import main
from jobsite.site.context import SCRIPT_KINDS
from jobsite.site.templates import packaged_templates

from conftest import REPO, SAMPLE_TODAY

NOINDEX = "noindex, nofollow"
HOSTILE_COMPANY = "<b>x</b> {{ 7*7 }}"
HOSTILE_ROLE = "<script>alert('role')</script> Engineer"
HOSTILE_CONTACT = "<script>alert('contact')</script> Dana"
HOSTILE_NOTES = "<script>alert('notes')</script> {{ 6*7 }}"
# The due page lists the buckets in this order, then the interviews booked.
SECTIONS = ("overdue", "due", "upcoming", "later", "interview")

HOSTILE_FILE = f"""\
---
company: {json.dumps(HOSTILE_COMPANY)}
role: {json.dumps(HOSTILE_ROLE)}
contacts:
  - name: {json.dumps(HOSTILE_CONTACT)}
    title: "<i>boss</i>"
    phone: "+1 555 010 0000"
    email: dana@hostile.example
    notes: {json.dumps(HOSTILE_NOTES)}
events:
  - {{date: 2026-11-16, type: applied, notes: {json.dumps(HOSTILE_NOTES)}}}
tags: ["<b>tag</b>"]
link: "javascript:alert('link')"
odd_key: {json.dumps(HOSTILE_NOTES)}
---
Some **bold** notes, and a template that must stay text: {{{{ 7*7 }}}}.
"""
# A third spelling of the sample's "Acme Corp" / "ACME corp": another case and spacing.
ACME_SPACED_FILE = """\
---
company: "acme  CORP"
role: ML Engineer
events:
  - {date: 2026-11-20, type: applied}
---
"""
# A networking meeting two days ago: its thank-you call is overdue, so it is prefilled.
NETWORKING_FILE = """\
---
company: Initrode
kind: networking
contacts:
  - name: Sam Carter
    phone: "+1 312 555 0199"
events:
  - {date: 2026-11-18, type: contacted, channel: in-person}
  - {date: 2026-11-24, type: meeting, with: Sam Carter}
---
"""


# ---------------------------------------------------------------- helpers


def _copy_sample(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name in ("journal", "docs"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("screenshots"))
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def _cli(root: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["-C", str(root), *args], catch_exceptions=False)


def _build(root: Path, *extra: str, today: str = SAMPLE_TODAY) -> Result:
    return _cli(root, "build", "--today", today, *extra)


def _build_process(root: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """`jobsite build` as a real process, for what it prints through logging."""
    command = [sys.executable, "-m", "jobsite", "-C", str(root), "build", "--today", SAMPLE_TODAY]
    return subprocess.run([*command, *extra], capture_output=True, text=True, check=False)


def _due_json(root: Path, today: str = SAMPLE_TODAY) -> list[dict]:
    result = _cli(root, "due", "--today", today, "--all", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _article(page: BeautifulSoup) -> Tag:
    article = page.select_one("article.md-content__inner")
    assert article is not None
    return article


def _action_dicts(scope: Tag) -> list[dict[str, str]]:
    """The `data-*` of every action element in `scope`, in document order."""
    return [
        {
            "file": item["data-file"],
            "action": item["data-action"],
            "due": item["data-due"],
            "due_by": item["data-due-by"],
            "bucket": item["data-bucket"],
        }
        for item in scope.select(".jobsite-action")
    ]


def _json_dicts(items: list[dict]) -> list[dict[str, str]]:
    keys = ("file", "action", "due", "due_by", "bucket")
    return [{key: item[key] for key in keys} for item in items]


def _section(item: dict) -> int:
    return SECTIONS.index("interview" if item["action"] == "interview" else item["bucket"])


def _text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split())


# ---------------------------------------------------------------- built roots


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample journal built into its own site/, as `jobsite build --today 2026-11-26`."""
    root = _copy_sample(tmp_path_factory.mktemp("sample") / "root")
    result = _build(root)
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture(scope="module")
def tricky(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample plus a hostile file, a third spelling of Acme and a networking meeting."""
    root = _copy_sample(tmp_path_factory.mktemp("tricky") / "root")
    (root / "journal" / "hostile.md").write_text(HOSTILE_FILE, encoding="utf-8")
    (root / "journal" / "acme-ml.md").write_text(ACME_SPACED_FILE, encoding="utf-8")
    (root / "journal" / "networking" / "initrode.md").write_text(NETWORKING_FILE, encoding="utf-8")
    result = _build(root)
    assert result.exit_code == 0, result.output
    return root


# ---------------------------------------------------------------- the due list


def test_due_page_actions_equal_due_json(sample: Path) -> None:
    """Each action is one element whose data-* are `due --json --all`, in the page's order."""
    expected = sorted(_json_dicts(_due_json(sample)), key=_section)  # stable: JSON order within
    page = _article(_soup(sample / "site" / "due" / "index.html"))
    found = _action_dicts(page)
    assert found == expected
    keys = Counter((a["file"], a["action"]) for a in found)
    assert all(count == 1 for count in keys.values()), keys
    # Each bucket's list holds exactly that bucket's actions.
    for bucket in SECTIONS[:4]:
        listed = page.select_one(f'[data-bucket-list="{bucket}"]')
        assert listed is not None, bucket
        assert _action_dicts(listed) == [
            a for a in expected if a["bucket"] == bucket and a["action"] != "interview"
        ]


def test_home_page_lists_the_same_actions(sample: Path) -> None:
    """Home: overdue and due under "Owed today", upcoming next, later hidden; counts match."""
    expected = [a for a in _json_dicts(_due_json(sample)) if a["action"] != "interview"]
    home = _article(_soup(sample / "site" / "index.html"))
    owed = home.select_one('[data-bucket-list="overdue due"]')
    overdue_then_due = sorted(
        (a for a in expected if a["bucket"] in ("overdue", "due")), key=_section
    )
    assert _action_dicts(owed) == overdue_then_due
    coming = home.select_one('[data-bucket-list="upcoming"]')
    assert _action_dicts(coming) == [a for a in expected if a["bucket"] == "upcoming"]
    for bucket in SECTIONS[:4]:
        count = home.select_one(f'[data-count="{bucket}"]')
        assert int(count.get_text()) == sum(a["bucket"] == bucket for a in expected), bucket
    assert "Thu 26 Nov 2026" in _text(home.select_one("[data-jobsite-computed]"))


def test_company_pages_carry_every_action_once(sample: Path) -> None:
    expected = _json_dicts(_due_json(sample))
    found = []
    for path in (sample / "site" / "companies").glob("*/index.html"):
        found += _action_dicts(_article(_soup(path)))
    key = itemgetter("file", "action")
    assert sorted(found, key=key) == sorted(expected, key=key)


def test_tel_and_mailto_links(sample: Path) -> None:
    """Each action links the primary contact's phone as tel: and e-mail as mailto:."""
    agenda = build_agenda(sample, date.fromisoformat(SAMPLE_TODAY), use_cache=False)
    contact_of = {o.path: o.primary_contact for o in agenda.journal.opportunities}
    page = _article(_soup(sample / "site" / "due" / "index.html"))
    phones = emails = 0
    for item in page.select(".jobsite-action"):
        contact = contact_of[item["data-file"]]
        who = item.select_one(".jobsite-action__who")
        hrefs = [a["href"] for a in who.select("a[href]")]
        if contact and contact.phone:
            tel = "tel:" + re.sub(r"[^\d+]", "", contact.phone)
            assert re.fullmatch(r"tel:\+?\d+", tel)
            assert tel in hrefs, item["data-file"]
            link = who.select_one(f'a[href="{tel}"]')
            assert contact.phone in link.get_text()
            phones += 1
        if contact and contact.email:
            # The address, then the subject and body of the action's email (issue 13).
            addresses = [h.partition("?")[0] for h in hrefs]
            assert f"mailto:{contact.email}" in addresses, item["data-file"]
            emails += 1
    assert phones >= 5
    assert emails >= 5


def test_every_action_links_its_script(sample: Path) -> None:
    """The script to use is one click away, and the link's anchor exists on the script page."""
    site = sample / "site"
    due = site / "due" / "index.html"
    for item in _article(_soup(due)).select(".jobsite-action"):
        if item["data-action"] == "interview":
            continue
        link = item.select_one("a.jobsite-script-link")
        assert link is not None, item["data-file"]
        target, _, anchor = (due.parent / link["href"]).as_posix().partition("#")
        script_page = _soup(Path(os.path.normpath(target)))  # links name their file
        assert script_page.find(id=anchor) is not None, link["href"]


# ---------------------------------------------------------------- private by default


def test_every_page_has_noindex(sample: Path) -> None:
    pages = _pages(sample / "site")
    assert len(pages) > 20
    for path in pages:
        metas = _soup(path).select('head meta[name="robots"]')
        assert [m["content"] for m in metas] == [NOINDEX], path


def test_every_page_says_which_day_it_was_computed_for(sample: Path) -> None:
    """guide/site.md: a static page ages, so each one names its day (404 aside)."""
    for path in _pages(sample / "site"):
        if path.name == "404.html":
            continue
        stamp = _soup(path).select_one("[data-jobsite-computed]")
        assert stamp is not None, path
        assert stamp["data-jobsite-computed"] == SAMPLE_TODAY
        assert "Computed for Thu 26 Nov 2026" in _text(stamp), path


def _external(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme not in ("", "data", "tel", "mailto", "javascript")


def test_no_page_loads_anything_from_another_host(sample: Path) -> None:
    """No script, style, font, image or frame from another host; links are only clicks away.

    The only links to other hosts are the postings from the journal's `link:` keys and
    Material's "Made with Material for MkDocs" credit in the footer.
    """
    site = sample / "site"
    postings = {
        o.link
        for o in build_agenda(sample, date(2026, 11, 26), use_cache=False).journal.opportunities
        if o.link
    }
    allowed_links = {*postings, "https://squidfunk.github.io/mkdocs-material/"}
    loading = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src"}
    for path in _pages(site):
        page = _soup(path)
        for tag in page.find_all(True):
            for attr in ("src", "srcset", "poster", "data", "action"):
                if tag.get(attr) and tag.name != "object":
                    assert not _external(tag[attr]), (path, str(tag)[:120])
            if tag.name == "link" and tag.get("href"):
                assert not _external(tag["href"]), (path, str(tag))
            if tag.name == "a" and tag.get("href") and _external(tag["href"]):
                assert tag["href"] in allowed_links, (path, tag["href"])
            if tag.name in loading and tag.get(loading[tag.name]):
                assert not _external(tag[loading[tag.name]]), (path, str(tag))
        for style in [*page.find_all("style"), *page.select("[style]")]:
            css = style.get_text() if style.name == "style" else style["style"]
            assert not re.search(r"url\(\s*['\"]?(https?:)?//|@import", css), path
    # jobsite's own assets ask no host either.
    for asset in ("jobsite.css", "icons.css", "jobsite.js"):
        text = (site / "assets" / asset).read_text(encoding="utf-8")
        assert not re.search(r"https?://|url\(\s*['\"]?//|@import|fetch\(|XMLHttpRequest", text)


def test_search_finds_the_company_pages_not_the_lists_that_repeat_them(sample: Path) -> None:
    """Search indexes what a person looks for: each company page (names, roles, contacts,
    notes), each person's page and the scripts' index; the home page, the due list, the
    prefilled scripts, the companies' and the people's indexes and the stats repeat those
    pages, and are left out."""
    site = sample / "site"
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))

    def page_of(location: str) -> str:  # the page's folder, with or without directory URLs
        return location.split("#", maxsplit=1)[0].removesuffix("index.html")

    pages = {page_of(doc["location"]) for doc in index["docs"]}
    companies = {
        p.parent.relative_to(site).as_posix() + "/" for p in site.glob("companies/*/index.html")
    }
    people = {p.parent.relative_to(site).as_posix() + "/" for p in site.glob("people/*/index.html")}
    assert companies and companies <= pages
    assert people and people <= pages
    assert "scripts/" in pages
    left_out = {
        "",
        "due/",
        "companies/",
        "people/",
        "stats/",
        *(f"scripts/{k}/" for k in SCRIPT_KINDS),
    }
    assert not pages & left_out
    found = [doc for doc in index["docs"] if "Dana Smith" in doc["text"]]
    assert found and {page_of(doc["location"]) for doc in found} <= companies | people
    assert "people/dana-smith/" in {page_of(doc["location"]) for doc in found}


def test_theme_fonts_are_off(sample: Path) -> None:
    """`theme.font: false`: Material links no Google Fonts, not even a preconnect."""
    head = _soup(sample / "site" / "index.html").head
    assert not head.select('link[href*="fonts.g"]')
    assert not head.select('link[rel="preconnect"]')


# ---------------------------------------------------------------- deterministic


def test_two_builds_on_the_same_day_are_byte_identical(sample: Path, tmp_path: Path) -> None:
    """Same journal, same --today: the same bytes, even when built on another real day.

    The second build runs with SOURCE_DATE_EPOCH a month later, which MkDocs reads as the
    real build date (it stamped the sitemap's gzip header with it, when there was a sitemap).
    """
    other = _copy_sample(tmp_path / "root")
    later = str(int(datetime(2026, 12, 26, tzinfo=UTC).timestamp()))
    result = CliRunner().invoke(
        main,
        ["-C", str(other), "build", "--today", SAMPLE_TODAY],
        env={"SOURCE_DATE_EPOCH": later},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    first, second = sample / "site", other / "site"
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert len(files) > 30
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


# ---------------------------------------------------------------- journal problems


BROKEN_FILE = """\
---
company: Broken Co
role: Tester
events:
  - {date: 2026-11-20, type: intervew}
---
"""
BROKEN_PROBLEM = "journal/broken.md:5: events[0].type: unknown type 'intervew'"


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = _copy_sample(tmp_path_factory.mktemp("broken") / "root")
    (root / "journal" / "broken.md").write_text(BROKEN_FILE, encoding="utf-8")
    return root


def test_strict_build_fails_on_a_journal_problem(broken: Path) -> None:
    result = _build(broken, "--strict")
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert lines, "no message"
    assert len(lines[-1]) < 200
    assert "strict" in lines[-1]
    assert "Traceback" not in result.stderr


def test_strict_build_names_the_problem(broken: Path) -> None:
    result = _build_process(broken, "--strict")
    assert result.returncode == 1
    assert BROKEN_PROBLEM in result.stderr


def test_build_shows_problems_on_home_page_and_stderr(broken: Path) -> None:
    """Without --strict the build succeeds, prints path:line: message, and the home page
    lists it. Run as a real process: pytest's own log capture would hide the message."""
    result = _build_process(broken)
    assert result.returncode == 0, result.stderr
    assert BROKEN_PROBLEM in result.stderr
    problems = _article(_soup(broken / "site" / "index.html")).select(".jobsite-problem")
    assert [BROKEN_PROBLEM in _text(p) for p in problems] == [True]
    # The rest of the journal is still there; the broken file is left out.
    due = _action_dicts(_article(_soup(broken / "site" / "due" / "index.html")))
    assert len(due) == len(_due_json(broken)) > 5
    assert "journal/broken.md" not in {a["file"] for a in due}


def test_sample_home_page_has_no_problems(sample: Path) -> None:
    assert not _soup(sample / "site" / "index.html").select(".jobsite-problem")


# ---------------------------------------------------------------- user text stays text


def _hostile_page(tricky: Path) -> Path:
    for path in (tricky / "site" / "companies").glob("*/index.html"):
        if "journal/hostile.md" in path.read_text(encoding="utf-8"):
            return path
    raise AssertionError("no company page for hostile.md")


def test_hostile_text_shows_as_text(tricky: Path) -> None:
    """`<b>x</b> {{ 7*7 }}` shows exactly so: no element from it, no template evaluated."""
    site = tricky / "site"
    company = _soup(_hostile_page(tricky))
    assert company.title.get_text() == f"{HOSTILE_COMPANY} - Job search"
    header = company.select_one('.md-header__topic[data-md-component="header-topic"]')
    assert _text(header) == HOSTILE_COMPANY
    article = _article(company)
    assert article.h1.get_text() == HOSTILE_COMPANY
    text = _text(article)
    for literal in (HOSTILE_ROLE, HOSTILE_CONTACT, HOSTILE_NOTES, "<i>boss</i>", "<b>tag</b>"):
        assert literal in text, literal
    assert "{{ 7*7 }}" in text
    assert "49" not in text
    assert "42" not in text
    # The javascript: link is inert.
    assert not company.select('a[href^="javascript"]')
    for path in _pages(site):
        page = _soup(path)
        assert not page.find_all(["b", "i"]), path
        for script in page.find_all("script"):
            assert "alert(" not in script.get_text(), path
        assert "alert(" not in " ".join(
            str(v) for t in page.find_all(True) for v in t.attrs.values()
        )
    due = _article(_soup(site / "due" / "index.html"))
    hostile = due.select_one('.jobsite-action[data-file="journal/hostile.md"]')
    assert HOSTILE_COMPANY in _text(hostile)
    assert HOSTILE_CONTACT in _text(hostile)
    script = _article(_soup(site / "scripts" / "follow-up-call" / "index.html"))
    filled = [a for a in script.select("article.jobsite-script") if HOSTILE_COMPANY in _text(a)]
    assert len(filled) == 1
    assert "49" not in _text(filled[0])


def test_markdown_body_renders_as_markdown(tricky: Path) -> None:
    article = _article(_soup(_hostile_page(tricky)))
    assert [s.get_text() for s in article.find_all("strong") if s.get_text() == "bold"] == ["bold"]
    assert "**bold**" not in _text(article)
    assert "a template that must stay text: {{ 7*7 }}" in _text(article)


def test_sample_notes_headings_render(sample: Path) -> None:
    """A `## heading` in a file's notes becomes a heading below the page's own."""
    article = _article(_soup(sample / "site" / "companies" / "acme-corp" / "index.html"))
    headings = [h.get_text(strip=True).rstrip("¶") for h in article.find_all(["h4", "h5", "h6"])]
    assert "Why this one" in headings
    assert [li.get_text() for li in article.select("ul > li") if "Airflow DAGs" in li.get_text()]


# ---------------------------------------------------------------- companies


def test_companies_matching_ignoring_case_and_spacing_share_one_page(tricky: Path) -> None:
    site = tricky / "site"
    files = {"journal/acme-data-engineer.md", "journal/acme-analytics-engineer.md"}
    files.add("journal/acme-ml.md")
    due = _article(_soup(site / "due" / "index.html"))
    hrefs = {
        item.select_one(".jobsite-action__what a")["href"]
        for item in due.select(".jobsite-action")
        if item["data-file"] in files
    }
    assert hrefs == {"../companies/acme-corp/index.html"}  # works from disk too
    assert not [p for p in (site / "companies").iterdir() if p.name.startswith("acme-corp-")]
    page = _article(_soup(site / "companies" / "acme-corp" / "index.html"))
    roles = [s.h2.contents[0].strip() for s in page.select("section.jobsite-opportunity")]
    assert sorted(roles) == ["Analytics Engineer", "Data Engineer", "ML Engineer"]
    index = _article(_soup(site / "companies" / "index.html"))
    assert [a for a in index.select("td a") if "acme" in a.get_text().casefold()] != []
    assert len([a for a in index.select("td a") if "acme" in a.get_text().casefold()]) == 1


def test_company_timeline_is_in_date_order(sample: Path) -> None:
    for path in (sample / "site" / "companies").glob("*/index.html"):
        for timeline in _article(_soup(path)).select("ol.jobsite-timeline"):
            days = [t["datetime"] for t in timeline.select("li > time")]
            assert days == sorted(days), path


# ---------------------------------------------------------------- scripts


def _scripts(site: Path, kind: str) -> list[Tag]:
    return _article(_soup(site / "scripts" / kind / "index.html")).select("article.jobsite-script")


def test_networking_thank_you_keeps_the_door_open(tricky: Path) -> None:
    """guide/rules.md §1: after a networking meeting, thank them and keep the door open; after a job
    interview, thank them and reconfirm your interest."""
    scripts = {_text(a.h2): _text(a) for a in _scripts(tricky / "site", "thank-you-call")}
    networking = scripts["Thank-you call: Initrode"]
    job = scripts["Thank-you call: Massive Dynamic"]
    assert "Keep the door open" in networking
    assert "interested in the position" not in networking
    assert "Reconfirm your interest" in job
    assert "interested in the position at Massive Dynamic" in job
    assert "Keep the door open" not in job
    notes = {_text(a.h2): _text(a) for a in _scripts(tricky / "site", "handwritten-note")}
    assert "hope our paths cross again" in notes["Handwritten note: Initrode"]
    assert "interested in the position" not in notes["Handwritten note: Initrode"]


def test_each_script_is_prefilled_then_blank(sample: Path) -> None:
    """Every overdue or due action with a script has its prefilled copy; then one blank."""
    owed = Counter(
        a["action"]
        for a in _due_json(sample)
        if a["bucket"] in ("overdue", "due") and a["action"] != "interview"
    )
    for kind in ("follow-up-call", "thank-you-call", "check-in-call", "handwritten-note"):
        scripts = _scripts(sample / "site", kind)
        assert len(scripts) == owed[kind] + 1, kind
        assert "jobsite-script--blank" in scripts[-1]["class"]
        assert all("jobsite-script--blank" not in s["class"] for s in scripts[:-1])
        for script in scripts:
            assert len(script.select(".jobsite-rule")) >= 6, kind
    follow_up = [_text(a) for a in _scripts(sample / "site", "follow-up-call")]
    assert all("make sure you received" in text for text in follow_up)
    assert "Dana Smith" in follow_up[0]
    assert "Mon 16 Nov 2026" in follow_up[0]  # the day the application went out


OVERRIDE = """\
{% set title = "Thank-you call" %}
{% set when_label = "Call on" %}
{% include "scripts/_header.html" %}
<p class="override">Our own words: ring {{ o.company if o else "them" }} with a smile.</p>
"""
MINIMAL_SETTINGS = """\
site_name: Override
theme: {name: material, font: false}
plugins:
  - jobsite: {country: US}
"""
MINIMAL_FILE = """\
---
company: "<b>Own</b> Words Ltd"
role: Analyst
contacts: [{name: Kim Lee, phone: "555 0101"}]
events:
  - {date: 2026-11-02, type: applied}
  - {date: 2026-11-24, type: interview}
---
"""


def test_root_templates_override_packaged_ones_file_by_file(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "journal").mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "mkdocs.yml").write_text(MINIMAL_SETTINGS, encoding="utf-8")
    (root / "journal" / "own.md").write_text(MINIMAL_FILE, encoding="utf-8")
    own = root / "site_templates" / "scripts" / "thank-you-call.html"
    own.parent.mkdir(parents=True)
    own.write_text(OVERRIDE, encoding="utf-8")
    result = _build(root)
    assert result.exit_code == 0, result.output
    scripts = _scripts(root / "site", "thank-you-call")
    assert [_text(s.select_one(".override")) for s in scripts] == [
        "Our own words: ring <b>Own</b> Words Ltd with a smile.",
        "Our own words: ring them with a smile.",
    ]
    assert not _soup(root / "site" / "scripts" / "thank-you-call" / "index.html").find_all("b")
    assert "Reconfirm your interest" not in _text(scripts[0])
    # The other templates are still the packaged ones.
    note = _scripts(root / "site", "handwritten-note")
    assert "Thank you for meeting with me" in _text(note[0])
    assert _article(_soup(root / "site" / "due" / "index.html")).select(".jobsite-action")


def test_icons_are_drawn_by_css_and_a_root_may_replace_one(tmp_path: Path) -> None:
    """No inline SVG in the pages: icons.css carries every icon as a data: URI (nothing to
    fetch, also from disk), and a root's own icons/phone.svg replaces the packaged one."""
    root = tmp_path / "root"
    (root / "journal").mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "mkdocs.yml").write_text(MINIMAL_SETTINGS, encoding="utf-8")
    (root / "journal" / "own.md").write_text(MINIMAL_FILE, encoding="utf-8")
    own = root / "site_templates" / "icons" / "phone.svg"
    own.parent.mkdir(parents=True)
    own.write_text('<svg xmlns="http://www.w3.org/2000/svg"><path d="M1 1h2"/></svg>\n', "utf-8")
    result = _build(root)
    assert result.exit_code == 0, result.output
    css = (root / "site" / "assets" / "icons.css").read_text(encoding="utf-8")
    properties = dict(
        re.findall(r'--jobsite-icon-([a-z-]+): url\("data:image/svg\+xml;base64,([^"]+)"\)', css)
    )
    packaged = {p.stem for p in (packaged_templates() / "icons").glob("*.svg")}
    assert set(properties) == packaged
    assert base64.b64decode(properties["phone"]) == own.read_bytes()
    for page in _pages(root / "site"):
        assert not _article(_soup(page)).find_all("svg", class_="jobsite-icon"), page


# ---------------------------------------------------------------- MkDocs and the CLI


def test_plain_mkdocs_build_works(tmp_path: Path) -> None:
    """`mkdocs build` in the root gives the same pages, for the local date."""
    root = _copy_sample(tmp_path / "root")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    due = _soup(root / "site" / "due" / "index.html")
    stamp = due.select_one("[data-jobsite-computed]")["data-jobsite-computed"]
    assert date.fromisoformat(stamp) >= date(2026, 1, 1)
    assert len(_action_dicts(_article(due))) == len(_due_json(root, today=stamp))
    assert (root / "site" / "companies" / "acme-corp" / "index.html").is_file()


def test_build_without_mkdocs_yml_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "journal").mkdir()
    result = _build(tmp_path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "mkdocs.yml" in result.stderr
    assert "Traceback" not in result.stderr
