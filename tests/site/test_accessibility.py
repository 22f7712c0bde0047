"""Everyone can use the site (issue 15): WCAG 2 A and AA, the keyboard, screen readers, large
text and zoom, and the printed scripts, in Debian's headless Chromium.

axe-core judges WCAG: the npm package that `npm ci` installs from package-lock.json into
node_modules/ (nothing is fetched while the tests run) is put into each page and run with
its WCAG 2.0 and 2.1 A and AA rules only. The sample journal is built for 2026-11-26 and
served from 127.0.0.1, once as it is and once protected, for the locked page. Without
Chromium, Playwright or axe-core these tests are skipped, except under CI, where they fail.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobsite.cli import main

from conftest import REPO, SAMPLE_TODAY, in_ci, serve_folder

pytestmark = pytest.mark.browser

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCHEMES = ("default", "slate")  # Material's light and dark palettes
WIDTHS = (1280, 390)  # a desktop and a phone
SCRIPTS = ("follow-up-call", "thank-you-call", "check-in-call", "handwritten-note")
PASSWORD = "a lighthouse keeper counts the ships at night"


@pytest.fixture(scope="module")
def axe(chromium: str) -> str:
    """axe-core's script, as `npm ci` installed it; a skip without it (a failure under CI)."""
    if not AXE.is_file():
        message = "needs axe-core from the npm registry (run `npm ci`)"
        if in_ci():
            pytest.fail(f"{message}: the accessibility tests must run under CI", pytrace=False)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


def _build(root: Path, **env: str | None) -> Path:
    """The sample journal copied to `root` and built with `jobsite build`; its site folder."""
    for name in ("journal", "docs"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("screenshots"))
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    command = ["-C", str(root), "build", "--today", SAMPLE_TODAY]
    result = CliRunner().invoke(main, command, env=env)
    assert result.exit_code == 0, result.output
    return root / "site"


@pytest.fixture(scope="module")
def site(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("a11y") / "root")


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    with serve_folder(site) as url:
        yield url


@pytest.fixture(scope="module")
def locked_url(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample built as the publishing workflow builds it: protected by a password."""
    root = tmp_path_factory.mktemp("a11y-locked") / "root"
    env = {"JOBSITE_PROTECT": "true", "JOBSITE_PASSWORD": PASSWORD, "GITHUB_REPOSITORY": None}
    with serve_folder(_build(root, **env)) as url:
        yield url


def _pages(site: Path) -> list[str]:
    """Every page of the site by its address: `` (home), `due/`, ..., and `404.html`."""
    folders = (page.parent.relative_to(site).as_posix() for page in site.rglob("index.html"))
    return [*sorted("" if folder == "." else folder + "/" for folder in folders), "404.html"]


def _scheme(page, scheme: str) -> None:
    """Switch Material's palette, as its toggle does, the colours at once (see `_still`)."""
    page.evaluate("scheme => document.body.setAttribute('data-md-color-scheme', scheme)", scheme)


def _still(page) -> None:
    """No transitions: colours are judged where they end, not halfway through a fade."""
    page.add_style_tag(content="*, ::before, ::after { transition: none !important; }")


_AXE_RUN = """([context, options]) => axe.run(context ? document.querySelector(context) : document,
  options).then(results => results.violations.flatMap(rule => rule.nodes.map(node =>
    `${rule.id} at ${node.target.join(" ")}: ${rule.help}`)))"""


def _violations(page, axe: str, context: str | None = None, **options: object) -> list[str]:
    """axe-core's WCAG A/AA violations on the page as it is now: `rule at target: help`."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=axe)
    options = {"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"], **options}
    return page.evaluate(_AXE_RUN, [context, options])


def _unlock(page) -> None:
    page.locator("#jobsite-password").wait_for(state="visible", timeout=30_000)
    page.fill("#jobsite-password", PASSWORD)
    page.press("#jobsite-password", "Enter")
    page.locator(".md-header__inner #jobsite-lock").wait_for(timeout=30_000)


# ---------------------------------------------------------------- WCAG 2 A and AA, by axe-core


def test_axe_finds_no_violation_on_any_page(site: Path, base_url: str, new_page, axe: str) -> None:
    """Every page jobsite generates, on Material's light and dark palettes, desktop and phone."""
    pages = _pages(site)
    expected = {"", "due/", "companies/", "scripts/", "stats/", "tags/", "404.html"}
    assert expected | {f"scripts/{kind}/" for kind in SCRIPTS} <= set(pages)
    assert len([p for p in pages if re.fullmatch(r"companies/[^/]+/", p)]) >= 10
    page = new_page()
    found = []
    for path in pages:
        page.set_viewport_size({"width": WIDTHS[0], "height": 900})
        page.goto(base_url + path, wait_until="load")
        _still(page)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            for scheme in SCHEMES:
                _scheme(page, scheme)
                found += [f"/{path} {width}px {scheme}: {v}" for v in _violations(page, axe)]
    assert found == [], "\n".join(["axe-core found WCAG violations:", *found])


def test_axe_finds_no_violation_on_the_printed_scripts(base_url: str, new_page, axe: str) -> None:
    page = new_page()
    page.emulate_media(media="print")
    found = []
    for kind in SCRIPTS:
        page.goto(f"{base_url}scripts/{kind}/", wait_until="load")
        _still(page)
        for scheme in SCHEMES:  # printed from either palette
            _scheme(page, scheme)
            found += [f"{kind} printed, {scheme}: {v}" for v in _violations(page, axe)]
    assert found == [], "\n".join(["axe-core found WCAG violations:", *found])


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_axe_finds_no_violation_on_a_protected_site(
    locked_url: str, new_page, axe: str, dark: bool
) -> None:
    """The locked page (its own light and dark colours), its 404, and a page once unlocked,
    with the Lock button in Material's header."""
    page = new_page(dark=dark)
    found = []
    for path in ("", "due/", "404.html"):
        page.goto(locked_url + path, wait_until="load")
        if path != "404.html":
            page.locator("#jobsite-password").wait_for(state="visible", timeout=30_000)
        _still(page)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            found += [f"locked /{path} {width}px: {v}" for v in _violations(page, axe)]
    page.goto(locked_url + "due/", wait_until="load")
    _unlock(page)
    _still(page)
    assert page.locator("body").get_attribute("data-md-color-scheme") == (
        "slate" if dark else "default"
    )
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        found += [f"unlocked /due/ {width}px: {v}" for v in _violations(page, axe)]
    assert found == [], "\n".join(["axe-core found WCAG violations:", *found])


# ---------------------------------------------------------------- the keyboard

# What the Tab key may stop at in the page's content, in document order: each is numbered
# (`data-stop`) and its look at rest noted, to be compared with its look once focused.
_STOPS = """() => [...document.querySelectorAll(`.md-content :is(a[href], button, input, select,
    textarea, summary, [tabindex]:not([tabindex="-1"]))`)]
  .filter(e => e.getClientRects().length && !e.disabled)
  .map((e, i) => {
    e.dataset.stop = i;
    const style = getComputedStyle(e);
    const rest = [style.backgroundColor, style.boxShadow];
    return {stop: i, name: e.outerHTML.slice(0, 120), rest};
  })"""
# Where the focus is after a Tab, and whether it shows: an outline, or a change of background
# or shadow from the element's look at rest. Material draws the focus of its palette toggle
# (a hidden radio button) on the label after it.
_FOCUSED = """() => {
  const e = document.activeElement;
  const shown = e.matches(".md-option") ? e.nextElementSibling : e;
  const style = getComputedStyle(shown);
  return {
    stop: e.dataset.stop === undefined ? null : Number(e.dataset.stop),
    name: e === document.body ? "body" : e.outerHTML.slice(0, 120),
    id: e.id,
    material: e.matches(".md-search__input, .md-top"),
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
    look: [style.backgroundColor, style.boxShadow],
  };
}"""


def _tab_through(page, *, limit: int = 400) -> tuple[list[dict], list[dict]]:
    """Press Tab from the top of the page until the focus leaves it or comes round again.

    Returns the focusable elements of the content and every element Tab stopped at.
    """
    stops = page.evaluate(_STOPS)
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    reached: list[dict] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED)
        if focused["name"] == "body" or (reached and focused["name"] == reached[0]["name"]):
            break
        reached.append(focused)
    return stops, reached


def _unseen(stops: list[dict], reached: list[dict]) -> list[str]:
    """The elements Tab stopped at without showing it. Two of Material's are left out: its
    search box, whose focus opens the search panel over the page, and its Back to top button,
    which it shows only while the page scrolls up, and may hide again while it has the focus."""
    unseen = []
    for focused in reached:
        rest = stops[focused["stop"]]["rest"] if focused["stop"] is not None else None
        changed = rest is not None and focused["look"] != rest
        if not (focused["outline"] or changed or focused["material"]):
            unseen.append(focused["name"])
    return unseen


_FOCUSED_CONTRAST = """() => axe.run(document.activeElement, {runOnly: ["color-contrast"],
  resultTypes: ["violations"]}).then(r => r.violations.flatMap(v => v.nodes.map(n =>
    `${n.target.join(" ")}: ${n.failureSummary.replace(/\\s+/g, " ")}`)))"""


@pytest.mark.parametrize(
    "path", ["", "due/", "companies/", "companies/acme-corp/", "scripts/follow-up-call/", "stats/"]
)
def test_tab_reaches_every_link_and_button_visibly_focused(
    base_url: str, new_page, axe: str, path: str
) -> None:
    """In document order, each action's links among them; each shows its focus, and its text
    keeps its contrast while focused, on both palettes."""
    page = new_page()
    page.goto(base_url + path, wait_until="load")
    _still(page)
    page.add_script_tag(content=axe)
    stops, reached = _tab_through(page)
    assert [f["stop"] for f in reached if f["stop"] is not None] == [s["stop"] for s in stops]
    assert _unseen(stops, reached) == []
    if path == "due/":  # each action: its company, phone, e-mail and script, in that order
        cards = page.evaluate(
            """() => [...document.querySelectorAll('.jobsite-action')].map(card =>
                 [...card.querySelectorAll('a[href]')].map(a => Number(a.dataset.stop)))"""
        )
        order = [f["stop"] for f in reached]
        assert len(cards) >= 10 and all(len(links) >= 2 for links in cards)
        for links in cards:
            assert [order.index(stop) for stop in links] == sorted(order.index(s) for s in links)
    faint = []
    for stop in stops[:40]:  # enough of each kind of link and button; the rest are alike
        page.focus(f"[data-stop='{stop['stop']}']")
        for scheme in SCHEMES:
            _scheme(page, scheme)
            faint += [f"{scheme}: {v}" for v in page.evaluate(_FOCUSED_CONTRAST)]
    assert faint == []


def test_the_print_button_works_from_the_keyboard(base_url: str, new_page) -> None:
    page = new_page()
    page.goto(base_url + "scripts/follow-up-call/", wait_until="load")
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    for _ in range(100):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('.jobsite-print-button')"):
            break
    else:
        pytest.fail("Tab never reached the Print button")
    page.keyboard.press("Enter")
    page.keyboard.press("Space")
    assert page.evaluate("window.printed") == 2


def test_a_locked_site_opens_and_locks_from_the_keyboard(locked_url: str, new_page) -> None:
    """The password field has the focus, Enter unlocks, Tab reaches each action's links and
    the Lock button in Material's header, and Enter on it locks the site again."""
    page = new_page()
    page.goto(locked_url + "due/", wait_until="load")
    page.locator("#jobsite-password").wait_for(state="visible", timeout=30_000)
    assert page.evaluate("document.activeElement.id") == "jobsite-password"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.locator(".md-header__inner #jobsite-lock").wait_for(timeout=30_000)
    stops, reached = _tab_through(page)
    assert [f["stop"] for f in reached if f["stop"] is not None] == [s["stop"] for s in stops]
    assert page.locator(".jobsite-action").count() >= 10
    locks = [f for f in reached if f["id"] == "jobsite-lock"]
    assert len(locks) == 1 and locks[0]["outline"]
    assert _unseen(stops, reached) == []
    page.focus("#jobsite-lock")
    page.keyboard.press("Enter")
    page.locator("#jobsite-password").wait_for(state="visible", timeout=30_000)
    assert page.evaluate("document.activeElement.id") == "jobsite-password"
