"""The built site in Debian's headless Chromium: privacy, staleness, print and phone (issue 3).

The sample site is built once and served from a thread on 127.0.0.1; every request to any
other host is aborted and fails the test that caused it, so these tests never touch the
network. They skip where Chromium or poppler-utils is missing, and fail instead under CI
(see the `chromium` fixture in conftest.py).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from jobsite.cli import main

from conftest import CHROMIUM_ARGS, REPO, SAMPLE_TODAY, offsite, serve_folder

pytestmark = pytest.mark.browser

LABELS = {"overdue": "Overdue", "due": "Due now", "upcoming": "Upcoming", "later": "Later"}
HORIZON_DAYS = 7  # the sample's mkdocs.yml


# ---------------------------------------------------------------- the served site


@pytest.fixture(scope="module")
def root(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample journal, built with `jobsite build --today 2026-11-26` (after the tool check)."""
    root = tmp_path_factory.mktemp("browser") / "root"
    for name in ("journal", "docs"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("screenshots"))
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    result = CliRunner().invoke(main, ["-C", str(root), "build", "--today", SAMPLE_TODAY])
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture(scope="module")
def base_url(root: Path) -> Iterator[str]:
    """The site served by http.server on 127.0.0.1 at a free port, shut down afterwards."""
    with serve_folder(root / "site") as url:
        yield url


def _site_pages(root: Path) -> list[str]:
    site = root / "site"
    pages = [p.relative_to(site).as_posix() for p in site.rglob("*.html")]
    return sorted(p.removesuffix("index.html") for p in pages)


# ---------------------------------------------------------------- (a) private


def test_every_page_loads_without_leaving_localhost(
    root: Path, base_url: str, browser: object
) -> None:
    """Load every page (and run a search) watching every request of the browser context."""
    context = browser.new_context(timezone_id="UTC", service_workers="block")
    seen: list[str] = []
    failed: list[str] = []
    errors: list[str] = []
    context.on("request", lambda request: seen.append(request.url))
    context.on("requestfailed", lambda request: failed.append(f"failed {request.url}"))
    context.on(
        "response",
        lambda response: (
            failed.append(f"{response.status} {response.url}") if response.status >= 400 else None
        ),
    )
    tabs = [context.new_page() for _ in range(8)]  # eight at a time: each waits 0.5 s idle
    for tab in tabs:
        tab.on("pageerror", lambda error: errors.append(str(error)))
    pages = _site_pages(root)
    assert len(pages) > 20
    try:
        for start in range(0, len(pages), len(tabs)):
            batch = list(zip(tabs, pages[start : start + len(tabs)], strict=False))
            for tab, path in batch:
                tab.goto(base_url + path, wait_until="commit")
            for tab, path in batch:
                tab.wait_for_load_state("networkidle")
                robots = tab.locator('meta[name="robots"]').get_attribute("content")
                assert robots == "noindex, nofollow", path
        # The search runs in a worker that fetches its index: that must stay local too.
        page = tabs[0]
        page.goto(base_url, wait_until="networkidle")
        page.locator(".md-search__input").click()
        page.locator(".md-search__input").press_sequentially("Acme")
        page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert {base_url + path for path in pages} <= set(seen)
    assert [url for url in seen if offsite(url)] == []
    assert failed == []
    assert errors == []


# ---------------------------------------------------------------- (b) staleness


def _expected_bucket(due: str, due_by: str, today: date) -> str:
    """guide/rules.md §5's buckets, worked out here independently of jobsite.js."""
    if today > date.fromisoformat(due_by):
        return "overdue"
    if date.fromisoformat(due) <= today:
        return "due"
    if date.fromisoformat(due) <= today + timedelta(days=HORIZON_DAYS):
        return "upcoming"
    return "later"


_READ_ACTIONS = """() => [...document.querySelectorAll('.jobsite-action')].map(item => {
  const list = item.closest('[data-bucket-list]');
  return {
    file: item.dataset.file, action: item.dataset.action,
    due: item.dataset.due, due_by: item.dataset.dueBy, bucket: item.dataset.bucket,
    list: list ? list.dataset.bucketList : null,
    badge: item.querySelector('[data-badge-text]').textContent,
    classes: item.className,
  };
})"""


def _due_json(root: Path, today: str) -> list[dict]:
    result = CliRunner().invoke(main, ["-C", str(root), "due", "--today", today, "--all", "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_due_list_opened_later_rebuckets_and_says_so(root: Path, base_url: str, new_page) -> None:
    later = "2026-12-01"  # five days on: due → overdue, upcoming → due, later → upcoming
    page = new_page(later)
    page.goto(base_url + "due/", wait_until="load")
    actions = page.evaluate(_READ_ACTIONS)
    static = BeautifulSoup((root / "site" / "due" / "index.html").read_text(), "html.parser")
    assert len(actions) == len(static.select(".jobsite-action")) > 10
    moved = set()
    for item in actions:
        expected = _expected_bucket(item["due"], item["due_by"], date.fromisoformat(later))
        assert item["bucket"] == expected, item
        assert item["badge"] == LABELS[expected], item
        assert f"jobsite-action--{expected}" in item["classes"].split(), item
        if item["action"] != "interview":  # interviews stay under "Interviews booked"
            assert item["list"] == expected, item
        original = static.select_one(
            f'.jobsite-action[data-file="{item["file"]}"][data-action="{item["action"]}"]'
        )
        if original["data-bucket"] != expected:
            moved.add((original["data-bucket"], expected))
    assert {("due", "overdue"), ("upcoming", "overdue"), ("upcoming", "due")} <= moved
    # Each list stays in order: by bucket, then by due date.
    rank = list(LABELS)
    for bucket in LABELS:
        listed = [(rank.index(a["bucket"]), a["due"]) for a in actions if a["list"] == bucket]
        assert listed == sorted(listed), bucket
    assert ("later", "upcoming") in moved
    # The browser agrees with a fresh `jobsite due` for that day (nothing new was logged).
    fresh = {(a["file"], a["action"]): a["bucket"] for a in _due_json(root, later)}
    assert {(a["file"], a["action"]): a["bucket"] for a in actions} == fresh
    notice = page.locator("[data-stale-notice]")
    assert notice.is_visible()
    assert "Out of date" in notice.inner_text()
    assert "Dec" in notice.inner_text() or "12" in notice.inner_text()
    assert page.locator('[data-empty-for="later"]').is_visible()
    assert page.locator("html").get_attribute("data-jobsite-stale") == later


def test_home_counts_follow_the_day(root: Path, base_url: str, new_page) -> None:
    later = "2026-12-01"
    page = new_page(later)
    page.goto(base_url, wait_until="load")
    fresh = [a for a in _due_json(root, later) if a["action"] != "interview"]
    for bucket in LABELS:
        shown = page.locator(f'[data-count="{bucket}"]').inner_text()
        assert int(shown) == sum(a["bucket"] == bucket for a in fresh), bucket
    assert page.locator("[data-stale-notice]").is_visible()


def test_due_list_on_its_own_day_stays_put(root: Path, base_url: str, new_page) -> None:
    page = new_page(SAMPLE_TODAY)
    page.goto(base_url + "due/", wait_until="load")
    static = BeautifulSoup((root / "site" / "due" / "index.html").read_text(), "html.parser")
    before = [
        (li["data-file"], li["data-action"], li["data-bucket"])
        for li in static.select(".jobsite-action")
    ]
    after = [(a["file"], a["action"], a["bucket"]) for a in page.evaluate(_READ_ACTIONS)]
    assert after == before
    assert not page.locator("[data-stale-notice]").is_visible()
    assert page.locator("html").get_attribute("data-jobsite-stale") is None
    assert page.get_by_text("Computed for Thu 26 Nov 2026").is_visible()


def test_due_list_opened_before_its_day_warns_of_the_clock(
    root: Path, base_url: str, new_page
) -> None:
    page = new_page("2026-11-20")
    page.goto(base_url + "due/", wait_until="load")
    static = BeautifulSoup((root / "site" / "due" / "index.html").read_text(), "html.parser")
    before = [li["data-bucket"] for li in static.select(".jobsite-action")]
    assert [a["bucket"] for a in page.evaluate(_READ_ACTIONS)] == before
    notice = page.locator("[data-stale-notice]")
    assert notice.is_visible()
    assert "clock" in notice.inner_text()


# ---------------------------------------------------------------- (c) print

SCRIPT_WORDS = {
    "follow-up-call": "make sure you received",
    "thank-you-call": "Thank you for taking the time to meet with me",
    "check-in-call": "look forward to moving ahead",
    "handwritten-note": "Thank you for meeting with me",
}
# Words of the navigation, header, footer and on-screen notes that paper must not carry.
SCREEN_WORDS = ("Due list", "Companies", "Job search", "Made with", "Print this page", "Tags")


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("kind", list(SCRIPT_WORDS))
def test_printing_a_script_page_gives_one_script_per_sheet(
    root: Path, base_url: str, chromium: str, tmp_path: Path, kind: str
) -> None:
    """`chromium --headless --print-to-pdf`, as the issue asks: one sheet per script.

    --no-pdf-header-footer leaves out the browser's own header and footer (page title, URL,
    date), which the print dialog can add to any page and which no stylesheet controls.
    """
    html = (root / "site" / "scripts" / kind / "index.html").read_text(encoding="utf-8")
    articles = BeautifulSoup(html, "html.parser").select("article.jobsite-script")
    assert len(articles) >= 2  # at least one prefilled, then the blank one
    pdf = tmp_path / f"{kind}.pdf"
    command = [chromium, "--headless", *CHROMIUM_ARGS, "--no-pdf-header-footer"]
    command += [f"--print-to-pdf={pdf}", f"{base_url}scripts/{kind}/"]
    subprocess.run(command, check=True, timeout=90, capture_output=True)
    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert pages == len(articles)
    text = subprocess.run(
        ["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True, text=True
    )
    sheets = [_words(sheet) for sheet in text.stdout.split("\f")][:pages]
    for sheet, article in zip(sheets, articles, strict=True):
        assert SCRIPT_WORDS[kind].casefold() in sheet.casefold(), sheet[:300]
        assert _words(article.h2.get_text(" ")) in sheet
        assert "Notes:" in sheet  # the ruled space is labelled
        assert "Next step on" in sheet
        for word in SCREEN_WORDS:
            assert word not in sheet, (word, sheet[:300])


def test_print_stylesheet_hides_the_screen_and_keeps_ruled_space(base_url: str, new_page) -> None:
    page = new_page()
    page.goto(base_url + "scripts/check-in-call/", wait_until="load")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".jobsite-print-button"):
        assert not page.locator(selector).first.is_visible(), selector
    rules = page.evaluate(
        """() => [...document.querySelectorAll('article.jobsite-script')].map(a =>
             [...a.querySelectorAll('.jobsite-rule')].filter(r =>
               r.getBoundingClientRect().height >= 20 &&
               getComputedStyle(r).borderBottomStyle === 'solid').length)"""
    )
    assert rules and all(count >= 6 for count in rules), rules
    size = page.evaluate(
        "() => parseFloat(getComputedStyle(document.querySelector('.jobsite-script p')).fontSize)"
    )
    assert size >= 14  # 12pt type on paper: readable


# ---------------------------------------------------------------- the printed work-search record


def _pdf_pages(pdf: Path) -> tuple[int, tuple[float, float], list[str]]:
    """How many sheets, the size of the first in points, and the words of each sheet."""
    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    text = subprocess.run(
        ["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True, text=True
    ).stdout
    sheets = [_words(sheet) for sheet in text.split("\f")][:pages]
    return pages, (float(size.group(1)), float(size.group(2))), sheets


@pytest.mark.parametrize("paper", ["Letter", "A4"])
def test_printing_the_work_search_record_gives_one_week_per_sheet(
    root: Path, base_url: str, new_page, tmp_path: Path, paper: str
) -> None:
    """Printed as the browser's dialog prints it (Playwright's `page.pdf`, the page's own CSS
    size preferred): each week on a landscape sheet of the paper chosen, its heading, its
    rows and the claimant's line there, and nothing of the screen."""
    html = (root / "site" / "report" / "index.html").read_text(encoding="utf-8")
    weeks = BeautifulSoup(html, "html.parser").select("section.jobsite-report-sheet")
    assert len(weeks) == 2  # last week and this week
    page = new_page()
    page.goto(base_url + "report/", wait_until="load")
    pdf = tmp_path / "record.pdf"
    page.pdf(path=str(pdf), format=paper, prefer_css_page_size=True)
    pages, (width, height), sheets = _pdf_pages(pdf)
    assert pages == len(weeks)
    assert width > height  # landscape, for the eight columns
    assert abs(height - {"Letter": 612, "A4": 595.92}[paper]) < 0.5
    for sheet, week in zip(sheets, weeks, strict=True):
        assert sheet.startswith(_words(week.h2.get_text(" "))), sheet[:200]
        assert "Claimant" in sheet and "Address or website" in sheet and "Result" in sheet
        for row in week.select("tbody tr"):
            assert _words(row.td.get_text(" ")) in sheet  # the day of each activity
            employer = row.select("td")[2].get_text(" ").split()  # a cell may wrap
            assert all(word in sheet for word in employer), employer
        for word in (*SCREEN_WORDS, "Download CSV", "Computed for"):
            assert word not in sheet, (word, sheet[:300])
    assert "Below the 5 a week asked, so far: 1 more by Sat 28 Nov 2026." in sheets[1]


# ---------------------------------------------------------------- (d) phone


@pytest.mark.parametrize(
    "path", ["due/", "", "companies/acme-corp/", "scripts/follow-up-call/", "report/"]
)
def test_phone_width_needs_no_horizontal_scrolling(base_url: str, new_page, path: str) -> None:
    page = new_page(width=390)
    page.goto(base_url + path, wait_until="load")
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= 390, (path, width)


# ---------------------------------------------------------------- dark mode


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _rgba(css: str) -> tuple[float, float, float, float]:
    numbers = [float(n) for n in re.findall(r"[\d.]+", css)]
    return (*numbers[:3], numbers[3] if len(numbers) > 3 else 1.0)


def _contrast(foreground: str, background: str) -> float:
    *fg, alpha = _rgba(foreground)
    bg = _rgba(background)[:3]
    blended = tuple(alpha * f + (1 - alpha) * b for f, b in zip(fg, bg, strict=True))
    light, dark = sorted((_luminance(blended), _luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_bucket_words_are_readable_in_both_schemes(base_url: str, new_page, dark: bool) -> None:
    """The bucket badges and muted text keep WCAG AA contrast on Material's default and slate."""
    page = new_page(dark=dark)
    page.goto(base_url + "due/", wait_until="load")
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    assert scheme == ("slate" if dark else "default")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    selectors = [f".jobsite-badge--{bucket}" for bucket in LABELS]
    selectors += [".jobsite-computed", ".jobsite-action__what a", ".jobsite-muted"]
    for selector in selectors:
        color = page.evaluate("s => getComputedStyle(document.querySelector(s)).color", selector)
        assert _contrast(color, background) >= 4.5, (selector, color, background)
