"""Today's call sheet in Debian's headless Chromium (issue 13): printed, opened on a later day,
and its copy buttons, over HTTP and from disk. Every request to another host fails the test
(the `new_page` fixture), a repository's link in the header included.
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
from click.testing import CliRunner

from jobsite.cli import main

from conftest import CHROMIUM_ARGS, REPO, SAMPLE_TODAY, serve_folder

pytestmark = pytest.mark.browser

REPO_LINES = "repo_url: https://github.com/jordan/job-search\n"
ACME = "journal/acme-data-engineer.md"
COMMAND = "jobsite log journal/acme-data-engineer.md call --with 'Dana Smith'"
# Words of the navigation, header, footer and on-screen notes that paper must not carry.
# The commands that log each call are for the screen, where they can be copied.
SCREEN_WORDS = (
    "Due list",
    "Companies",
    "Made with",
    "Print this page",
    "Record on GitHub",
    "Copy",
    "jobsite log",
    "Log it",
)


def _build(root: Path, today: str = SAMPLE_TODAY) -> Path:
    result = CliRunner().invoke(main, ["-C", str(root), "build", "--today", today])
    assert result.exit_code == 0, result.output
    return root / "site"


@pytest.fixture(scope="module")
def sample(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample journal, its repository named, built for 2026-11-26."""
    root = tmp_path_factory.mktemp("sheet") / "root"
    for name in ("journal", "docs"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("screenshots"))
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config + REPO_LINES, encoding="utf-8")
    _build(root)
    return root


@pytest.fixture(scope="module")
def base_url(sample: Path) -> Iterator[str]:
    with serve_folder(sample / "site") as url:
        yield url


# ---------------------------------------------------------------- printed

# Eight calls and notes, all overdue, of every kind, with long names, a three-line address and
# your own number in the script: the heavy end of a typical day. `chromium --print-to-pdf`
# cannot pin the page's clock, so the journal is dated from the real today (which the build is
# for too), far enough back that every action is overdue whatever the day: Alpha, Beta and
# Gamma owe a follow-up call; Delta and Epsilon a thank-you call and a note each; Zeta a
# check-in call.
_CALLS = [
    (
        "alpha",
        "Alphabetical Logistics International",
        "Senior Supply Chain Data Analyst",
        "Persephone Montgomery-Whitfield",
        "applied",
    ),
    ("beta", "Beta Biotechnologies", "Bioinformatics Engineer", "Bartholomew Okonkwo", "applied"),
    (
        "gamma",
        "Gamma Ray Instruments",
        "Firmware Engineer",
        "Gwendolyn Ashby-Harrington",
        "contacted",
    ),
    ("delta", "Delta Freight", "Operations Research Analyst", "Dmitri Vasquez", "interview"),
    (
        "epsilon",
        "Epsilon Health Partners",
        "Clinical Data Scientist",
        "Evangeline Nakamura",
        "meeting",
    ),
    (
        "zeta",
        "Zeta Energy",
        "Grid Analytics Lead",
        "Zacharias Lindqvist",
        "interview, -39 thank-you, -39 note",
    ),
]


def _heavy_day(root: Path, calls: int) -> tuple[Path, str]:
    """A root owing `calls` calls and notes today (6 or 8): its site, and today."""
    today = date.today()
    (root / "journal").mkdir(parents=True)
    for slug, company, role, name, events in _CALLS:
        items = []
        for index, item in enumerate(events.split(", ")):
            days, _, kind = item.rpartition(" ") if index else ("-40", " ", item)
            items.append(f"  - {today + timedelta(days=int(days))} {kind}")
        text = (
            f"---\ncompany: {company}\nrole: {role}\ncontacts:\n  - name: {name}\n"
            "    title: Director of Talent Acquisition and Early Careers\n"
            '    phone: "+1 (312) 555-0188"\n    email: someone.long@example.com\n'
            "    address: |\n      Suite 4100, Willis Tower\n      233 South Wacker Drive\n"
            "      Chicago, IL 60606\nevents:\n" + "\n".join(items) + "\n---\n"
        )
        if slug in ("alpha", "beta")[: 8 - calls]:
            continue
        (root / "journal" / f"{slug}.md").write_text(text, encoding="utf-8")
    config = (
        "site_name: My search\nrepo_url: https://github.com/jordan/job-search\nplugins:\n"
        "  - search\n  - jobsite:\n      subdivision: IL\n"
        "      quiet_after_days: 90\n"  # 40 days on, these are calls, not gone quiet
        '      me: {name: Jordan Lee, phone: "+1 773 555 0199"}\n'
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = _build(root, today.isoformat())
    html = (site / "today" / "index.html").read_text(encoding="utf-8")
    assert html.count(' data-bucket="overdue" data-sheet-item>') == calls
    return site, f"{today:%a} {today.day} {today:%b %Y}"


@pytest.mark.parametrize(("calls", "sheets"), [(6, 1), (8, 2)])
def test_a_typical_day_prints_on_one_or_two_sheets(
    chromium: str, tmp_path: Path, calls: int, sheets: int
) -> None:
    """`chromium --headless --print-to-pdf`, as tests/site/test_browser.py prints scripts:
    six calls on one sheet, eight on two."""
    site, day = _heavy_day(tmp_path / "root", calls)
    with serve_folder(site) as url:
        pdf = tmp_path / "sheet.pdf"
        command = [chromium, "--headless", *CHROMIUM_ARGS, "--no-pdf-header-footer"]
        command += [f"--print-to-pdf={pdf}", f"{url}today/"]
        subprocess.run(command, check=True, timeout=90, capture_output=True)
    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert pages == sheets
    text = subprocess.run(
        ["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True, text=True
    ).stdout
    words = " ".join(text.split())
    assert f"Today’s calls: {day}" in words
    assert words.count("+1 (312) 555-0188") == calls
    assert words.count("spoke voicemail no answer") + words.count("written mailed") == calls
    assert words.count("Notes") >= calls
    for number in range(1, calls + 1):
        assert re.search(
            rf"\b{number}\. (Follow-up call|Thank-you call|Handwritten note|"
            r"Check-in call):",
            words,
        ), number
    for word in SCREEN_WORDS:
        assert word not in words, word
    # No call is cut in two by a page break: each sheet holds whole calls.
    for sheet in text.split("\f"):
        flat = " ".join(sheet.split())
        calls_begun = re.findall(r"\b\d\. [A-Z][a-z-]+ (?:call|note):", flat)
        assert len(re.findall(r"\bNotes\b", flat)) == len(calls_begun)


# ---------------------------------------------------------------- a later day

_READ = """() => [...document.querySelectorAll('li.jobsite-call')].map(li => ({
  file: li.dataset.file, action: li.dataset.action, bucket: li.dataset.bucket,
  shown: !li.hidden && li.offsetParent !== null,
  badge: li.querySelector('[data-badge-text]').textContent,
}))"""


def _due_json(root: Path, today: str) -> list[dict]:
    result = CliRunner().invoke(main, ["-C", str(root), "due", "--today", today, "--all", "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_on_a_later_day_what_came_due_appears(sample: Path, base_url: str, new_page) -> None:
    later = "2026-12-01"
    page = new_page(later)
    page.goto(base_url + "today/", wait_until="load")
    calls = page.evaluate(_READ)
    fresh = {(a["file"], a["action"]): a["bucket"] for a in _due_json(sample, later)}
    shown = [(c["file"], c["action"]) for c in calls if c["shown"]]
    expected = [
        (c["file"], c["action"])
        for c in calls
        if fresh.get((c["file"], c["action"])) in ("overdue", "due")
    ]
    assert shown == expected and len(shown) > 6  # upcoming ones came due
    for call in calls:
        assert call["bucket"] == fresh[call["file"], call["action"]]
    assert page.locator("[data-sheet-count]").inner_text() == str(len(shown))
    assert page.locator("h1").inner_text() == "Today’s calls: Tue 1 Dec 2026"
    assert page.locator("[data-stale-notice]").is_visible()
    # The line to add on GitHub carries the day it is added.
    line = page.locator(f'li[data-file="{ACME}"] code[data-record-day]').first.inner_text()
    assert line.startswith("- {date: 2026-12-01, type: call")
    # The booked interview shows on its day, with nothing to log.
    page = new_page("2026-12-02")
    page.goto(base_url + "today/", wait_until="load")
    interview = page.locator('li[data-action="interview"]')
    assert interview.is_visible()
    assert "It is in your journal already" in interview.inner_text()
    assert interview.locator(".jobsite-record").count() == 0


def test_opened_before_its_day_it_changes_nothing(base_url: str, new_page) -> None:
    page = new_page("2026-11-20")
    page.goto(base_url + "today/", wait_until="load")
    shown = [(c["file"], c["action"]) for c in page.evaluate(_READ) if c["shown"]]
    assert len(shown) == 6
    assert "clock" in page.locator("[data-stale-notice]").inner_text()


# ---------------------------------------------------------------- copy buttons


def _copy_button(page) -> object:
    return page.locator(f'li[data-file="{ACME}"][data-action="follow-up-call"] button.jobsite-copy')


def test_the_copy_button_copies_the_command_from_the_keyboard(base_url: str, new_page) -> None:
    page = new_page()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(base_url + "today/", wait_until="load")
    button = _copy_button(page).first
    assert button.is_visible()
    assert button.get_attribute("type") == "button"
    button.focus()
    page.keyboard.press("Enter")
    status = page.locator(f'li[data-file="{ACME}"] .jobsite-copy__status').first
    status.filter(has_text="Copied").wait_for(timeout=5000)
    assert status.get_attribute("role") == "status"
    assert page.evaluate("navigator.clipboard.readText()") == COMMAND


_NO_CLIPBOARD = """
Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});
window.__copied = [];
document.execCommand = (command) => {
  window.__copied.push([command, document.activeElement && document.activeElement.value]);
  return window.__copyWorks;
};
"""


@pytest.mark.parametrize("works", [True, False])
def test_without_the_clipboard_api_it_falls_back(sample: Path, new_page, works: bool) -> None:
    """From disk, or in a browser without the Clipboard API: the copy command, else the
    text selected for Ctrl+C, and the live region says which."""
    page = new_page()
    page.add_init_script(_NO_CLIPBOARD + f"window.__copyWorks = {str(works).lower()};")
    page.goto((sample / "site" / "today" / "index.html").as_uri(), wait_until="load")
    _copy_button(page).first.click()
    status = page.locator(f'li[data-file="{ACME}"] .jobsite-copy__status').first
    if works:
        status.filter(has_text="Copied").wait_for(timeout=5000)
        assert page.evaluate("window.__copied") == [["copy", COMMAND]]
    else:
        status.filter(has_text="Selected").wait_for(timeout=5000)
        assert page.evaluate("window.getSelection().toString()") == COMMAND


def test_a_repository_link_in_the_header_stays_on_this_machine(base_url: str, new_page) -> None:
    """Material would fetch the repository's stars from api.github.com: `new_page` fails the
    test on any request to another host."""
    page = new_page()
    for path in ("", "today/", "due/"):
        page.goto(base_url + path, wait_until="networkidle")
        assert page.locator("a.md-source").first.get_attribute("href") == (
            "https://github.com/jordan/job-search"
        )


def test_the_sheet_reads_on_a_phone(base_url: str, new_page) -> None:
    page = new_page(width=390)
    page.goto(base_url + "today/", wait_until="load")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    size = page.evaluate(
        "() => parseFloat(getComputedStyle("
        "document.querySelector('.jobsite-call__phone')).fontSize)"
    )
    assert size >= 20  # large enough to read at arm's length and tap
