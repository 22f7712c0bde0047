"""Everyone can use the site (issue 15): WCAG 2 A and AA, the keyboard, screen readers, large
text and zoom, and the printed scripts, in Debian's headless Chromium.

axe-core judges WCAG: the npm package that `npm ci` installs from package-lock.json into
node_modules/ (nothing is fetched while the tests run) is put into each page and run with
its WCAG 2.0 and 2.1 A and AA rules only. The sample journal is built for 2026-11-26 and
served from 127.0.0.1, once as it is and once protected, for the locked page; and in
German, whose longer words must fit as well, and whose pages say `lang="de"`. Without
Chromium, Playwright or axe-core these tests are skipped, except under CI, where they fail.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from jobsite.cli import main

from conftest import CHROMIUM, CHROMIUM_ARGS, NO_OTHER_HOST, REPO, SAMPLE_TODAY, in_ci, serve_folder

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


def _build(root: Path, language: str | None = None, **env: str | None) -> Path:
    """The sample journal copied to `root` and built with `jobsite build` (in `language`
    where one is given); its site folder."""
    for name in ("journal", "docs"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("screenshots"))
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    if language is not None:
        config = config.replace("  - jobsite:\n", f"  - jobsite:\n      language: {language}\n", 1)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
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
def german_site(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("a11y-de") / "root", "de")


@pytest.fixture(scope="module")
def german_url(german_site: Path) -> Iterator[str]:
    with serve_folder(german_site) as url:
        yield url


PROTECTED = {"JOBSITE_PROTECT": "true", "JOBSITE_PASSWORD": PASSWORD, "GITHUB_REPOSITORY": None}


@pytest.fixture(scope="module")
def locked_url(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample built as the publishing workflow builds it: protected by a password."""
    root = tmp_path_factory.mktemp("a11y-locked") / "root"
    with serve_folder(_build(root, **PROTECTED)) as url:
        yield url


@pytest.fixture(scope="module")
def german_locked_url(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("a11y-locked-de") / "root"
    with serve_folder(_build(root, "de", **PROTECTED)) as url:
        yield url


def _in(request: pytest.FixtureRequest, language: str) -> tuple[Path, str]:
    """The site built in `language` ("en" or "de"), and its address."""
    if language == "de":
        return request.getfixturevalue("german_site"), request.getfixturevalue("german_url")
    return request.getfixturevalue("site"), request.getfixturevalue("base_url")


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
    _axe_on_every_page(site, base_url, new_page, axe)


def test_axe_finds_no_violation_on_any_page_in_german(
    german_site: Path, german_url: str, new_page, axe: str
) -> None:
    _axe_on_every_page(german_site, german_url, new_page, axe)
    page = new_page()
    for path in _pages(german_site):
        page.goto(german_url + path, wait_until="load")
        assert page.evaluate("document.documentElement.lang") == "de", path


def _axe_on_every_page(site: Path, base_url: str, new_page, axe: str) -> None:
    pages = _pages(site)
    expected = {"", "due/", "companies/", "people/", "scripts/", "stats/", "report/", "tags/"}
    expected.add("404.html")
    assert expected | {f"scripts/{kind}/" for kind in SCRIPTS} <= set(pages)
    assert len([p for p in pages if re.fullmatch(r"companies/[^/]+/", p)]) >= 10
    assert len([p for p in pages if re.fullmatch(r"people/[^/]+/", p)]) >= 15
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


@pytest.mark.parametrize("language", ["en", "de"])
def test_axe_finds_no_violation_on_the_printed_scripts(
    request: pytest.FixtureRequest, new_page, axe: str, language: str
) -> None:
    """The scripts and the work-search record, as they print."""
    _, base_url = _in(request, language)
    page = new_page()
    page.emulate_media(media="print")
    found = []
    for path in [*(f"scripts/{kind}/" for kind in SCRIPTS), "report/"]:
        page.goto(base_url + path, wait_until="load")
        _still(page)
        for scheme in SCHEMES:  # printed from either palette
            _scheme(page, scheme)
            found += [f"{path} printed, {scheme}: {v}" for v in _violations(page, axe)]
    assert found == [], "\n".join(["axe-core found WCAG violations:", *found])


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_axe_finds_no_violation_on_a_protected_site(
    locked_url: str, new_page, axe: str, dark: bool
) -> None:
    """The locked page (its own light and dark colours), its 404, and a page once unlocked,
    with the Lock button in Material's header."""
    _axe_on_a_protected_site(locked_url, new_page, axe, dark)


def test_axe_finds_no_violation_on_a_protected_site_in_german(
    german_locked_url: str, new_page, axe: str
) -> None:
    _axe_on_a_protected_site(german_locked_url, new_page, axe, dark=False)


def _axe_on_a_protected_site(locked_url: str, new_page, axe: str, dark: bool) -> None:
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

# What the Tab key may stop at in the page's content, in document order (not what is hidden,
# or folded in a closed <details>): each is numbered (`data-stop`) and its look at rest noted,
# to be compared with its look once focused.
_STOPS = """() => [...document.querySelectorAll(`.md-content :is(a[href], button, input, select,
    textarea, summary, [tabindex]:not([tabindex="-1"]))`)]
  .filter(e => e.checkVisibility({visibilityProperty: true}) && !e.disabled)
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
    "path",
    [
        "",
        "due/",
        "today/",
        "companies/",
        "companies/acme-corp/",
        "people/",
        "people/dana-smith/",
        "scripts/follow-up-call/",
        "stats/",
        "report/",
    ],
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


# ---------------------------------------------------------------- screen readers


def _spoken(snapshot: str) -> str:
    """The words of an accessibility-tree snapshot (Playwright's aria_snapshot YAML), in the
    order a screen reader reads them: the texts, and a named node (a link) by its name alone."""
    words: list[str] = []
    roles = ("text", "paragraph", "listitem", "list", "strong", "time", "group")

    def walk(node: object) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for key, value in node.items():
                named = re.fullmatch(r'[a-z]+ "(.*)"(?: \[.*\])?', key)
                if named:
                    words.append(named[1])
                elif not key.startswith("/"):  # /url: a property, not words
                    walk(key)
                    walk(value)
        elif isinstance(node, str):
            named = re.fullmatch(r'[a-z]+ "(.*)"(?: \[.*\])?', node)
            if named:
                words.append(named[1])
            elif node not in roles:
                words.append(node)
        elif node is not None:
            words.append(str(node))

    walk(yaml.safe_load(snapshot))
    return re.sub(r" ([.,:])", r"\1", " ".join(" ".join(words).split()))


def test_each_action_reads_as_one_sentence(base_url: str, new_page) -> None:
    page = new_page()
    page.goto(base_url + "due/", wait_until="load")
    card = page.locator(".jobsite-action[data-file='journal/acme-data-engineer.md']").first
    tree = card.aria_snapshot()
    assert _spoken(tree) == (
        "Overdue: follow-up call to Dana Smith at Acme Corp, due Tuesday 24 November. "
        "Acme Corp · Data Engineer Dana Smith, HR Generalist · Phone +1 847 555 0100 · "
        "Email dana@acme.example Script: Three-part follow-up call Done? Record it"
    )
    # The badge and the short dates are for the eye: the sentence says them once.
    assert "Tue 24 Nov" not in tree and "Follow-up call" not in tree
    window = page.locator(
        ".jobsite-action[data-action='check-in-call'] > .jobsite-visually-hidden"
    ).first
    assert re.fullmatch(
        r"Overdue: check-in call to .+ at .+, due between \w+day \d+ \w+ and \w+day \d+ \w+\.",
        _spoken(window.aria_snapshot()),
    )
    booked = page.locator("#interviews + ul .jobsite-action > .jobsite-visually-hidden").first
    assert re.fullmatch(
        r"\w+: interview with .+ at .+, on \w+day \d+ \w+\.", _spoken(booked.aria_snapshot())
    )


def test_a_later_day_rebuckets_the_sentence_too(base_url: str, new_page) -> None:
    page = new_page(today="2026-12-21")
    page.goto(base_url + "due/", wait_until="load")
    sentences = page.locator(".jobsite-action > .jobsite-visually-hidden").all_inner_texts()
    # Every call is overdue by then; a booked interview whose day has passed asks if it did.
    assert sentences and all(
        s.startswith("Overdue: ") or re.match(r"Happened\?: (interview|meeting) with ", s)
        for s in sentences
    )
    assert any(s.startswith("Happened?: ") for s in sentences)
    notice = page.locator("[data-stale-notice]")
    assert notice.get_attribute("role") == "status"  # said when it appears
    assert notice.locator("time").get_attribute("datetime") == "2026-12-21"
    assert page.evaluate(_UNTIMED) == []


def test_icons_say_nothing_and_contacts_say_what_they_are(base_url: str, new_page) -> None:
    page = new_page()
    page.goto(base_url + "companies/acme-corp/", wait_until="load")
    tree = page.locator(".md-content").aria_snapshot()
    assert "img" not in tree  # no unnamed picture for a screen reader to announce
    icons = page.locator(".jobsite-icon")
    assert icons.count() >= 1
    assert set(icons.evaluate_all("es => es.map(e => e.getAttribute('aria-hidden'))")) == {"true"}
    assert page.get_by_role("link", name="Phone +1 847 555 0100").count() >= 1
    assert page.get_by_role("link", name="Email dana@acme.example").count() >= 1
    page.goto(base_url + "due/", wait_until="load")
    headings = page.get_by_role("heading", level=2).all_inner_texts()
    assert headings[:4] == ["Overdue", "Due now", "Upcoming: the next 7 days", "Later"]


def test_each_chart_names_the_table_that_holds_its_figures(base_url: str, new_page) -> None:
    page = new_page()
    page.goto(base_url + "stats/", wait_until="load")
    charts = page.locator("figure.jobsite-chart")
    assert charts.count() >= 3
    for chart in charts.all():
        table = chart.get_attribute("aria-details")
        link = chart.get_by_role("link", name="(as a table)")
        assert link.get_attribute("href") == f"#{table}"
        region = page.locator(f"#{table}")
        assert region.get_attribute("role") == "region"
        assert region.get_by_role("row").count() >= 2  # a header and a row of figures
    funnel = page.locator("#funnel-table")
    bars = page.locator("figure[aria-details='funnel-table'] .jobsite-chart__row")
    assert funnel.locator("tbody tr").count() == bars.count()


# Dates as the pages write them: `Thu 26 Nov 2026`, `Tue 24 Nov`, `Tuesday 24 November`.
_DAYS = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*"
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
_UNTIMED = f"""() => {{
  const date = /\\b{_DAYS} \\d{{1,2}} {_MONTHS}\\b/;
  const found = [];
  const content = document.querySelector(".md-content");
  const texts = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  while (texts.nextNode()) {{
    const text = texts.currentNode;
    const time = text.parentElement.closest("time");
    if (date.test(text.textContent) && !(time && /^\\d{{4}}-\\d\\d-\\d\\d$/.test(time.dateTime)))
      found.push(text.textContent.trim());
  }}
  return found;
}}"""


def test_every_date_is_a_time_element_a_program_can_read(
    site: Path, base_url: str, new_page
) -> None:
    page = new_page()
    untimed = []
    for path in _pages(site):
        page.goto(base_url + path, wait_until="load")
        untimed += [f"/{path}: {text}" for text in page.evaluate(_UNTIMED)]
    assert untimed == []


# ---------------------------------------------------------------- large text and zoom


@pytest.fixture(scope="module")
def large_text(browser: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """Chromium set as someone with low vision sets it: a minimum font size of 24 px (in its
    profile, as the settings page writes it) and 200% zoom, which lays a 1280 px window out
    as 640 CSS px, each drawn with two pixels."""
    profile = tmp_path_factory.mktemp("profile")
    (profile / "Default").mkdir()
    settings = {"webkit": {"webprefs": {"minimum_font_size": 24}}}
    (profile / "Default" / "Preferences").write_text(json.dumps(settings), encoding="utf-8")
    context = browser.browser_type.launch_persistent_context(
        str(profile),
        executable_path=CHROMIUM,
        args=[*CHROMIUM_ARGS, NO_OTHER_HOST],
        viewport={"width": 640, "height": 450},
        device_scale_factor=2,
        timezone_id="UTC",
        service_workers="block",
    )
    try:
        yield context
    finally:
        context.close()


# Each element of jobsite's own that is shown, and does not fit its box or the window. A
# table may scroll, in its own focusable box; words for screen readers only are 1 px wide.
_OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth, found = [];
  const own = '.md-content [class*="jobsite-"], .md-content [class*="jobsite-"] *';
  for (const e of document.querySelectorAll(own)) {
    if (e.closest(".jobsite-table, .jobsite-visually-hidden")) continue;
    if (!e.getClientRects().length) continue;
    const name = e.tagName.toLowerCase() + [...e.classList].map(c => "." + c).join("");
    const box = e.getBoundingClientRect();
    if (e.clientWidth && e.scrollWidth > e.clientWidth + 1)
      found.push(`${name}: ${e.scrollWidth} px of content in ${e.clientWidth}`);
    if (e.clientHeight && e.scrollHeight > e.clientHeight + 1)
      found.push(`${name}: ${e.scrollHeight} px high in ${e.clientHeight}`);
    if (box.left < -0.5 || box.right > width + 0.5)
      found.push(`${name}: from ${box.left} to ${box.right} px in a ${width} px window`);
  }
  if (document.scrollingElement.scrollWidth > width)
    found.push(`the page: ${document.scrollingElement.scrollWidth} px wide in ${width}`);
  return found;
}"""


@pytest.mark.parametrize("language", ["en", "de"])
def test_nothing_overflows_at_200_percent_zoom_with_24_px_text(
    request: pytest.FixtureRequest, large_text: object, language: str
) -> None:
    """At 200% zoom, and at 400% (320 CSS px, where WCAG 1.4.10 asks text to reflow), with
    no text under 24 px: no action card, count, badge, chart or script fact is cut off or
    pushes the page sideways; in German too, whose words are longer."""
    site, base_url = _in(request, language)
    page = large_text.new_page()
    page.clock.set_fixed_time(f"{SAMPLE_TODAY}T12:00:00Z")
    page.goto(base_url + "due/", wait_until="load")
    badge = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.jobsite-badge')).fontSize)"
    )
    assert badge >= 24  # the setting holds: a badge is 13 px without it
    found = []
    for width in (640, 320):
        page.set_viewport_size({"width": width, "height": 450})
        for path in _pages(site):
            page.goto(base_url + path, wait_until="load")
            found += [f"/{path} at {width} px: {what}" for what in page.evaluate(_OVERFLOWING)]
    assert found == [], "\n".join(found)


# ---------------------------------------------------------------- the printed scripts

# Every text of the printed scripts: its size, and its contrast on white paper in shades of
# grey (the luminance WCAG's ratio uses is what a black-and-white printer keeps).
_PRINTED = """() => {
  const luminance = css => {
    const [r, g, b, a = 1] = css.match(/[\\d.]+/g).map(Number);
    const lin = v => { v = (a * v + (1 - a) * 255) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const contrast = css => 1.05 / (luminance(css) + 0.05);
  const found = [];
  for (const script of document.querySelectorAll("article.jobsite-script")) {
    const texts = document.createTreeWalker(script, NodeFilter.SHOW_TEXT);
    while (texts.nextNode()) {
      const e = texts.currentNode.parentElement;
      if (!texts.currentNode.textContent.trim() || !e.getClientRects().length) continue;
      const style = getComputedStyle(e);
      found.push({text: texts.currentNode.textContent.trim().slice(0, 40),
                  px: parseFloat(style.fontSize), contrast: contrast(style.color)});
    }
    for (const line of script.querySelectorAll(".jobsite-rule, .jobsite-blank, .jobsite-check"))
      found.push({text: "a line to write on", px: 16,
                  contrast: contrast(getComputedStyle(line).borderBottomColor), line: true});
  }
  return found;
}"""


@pytest.mark.parametrize("scheme", SCHEMES)
def test_printed_scripts_keep_12_pt_black_on_white(base_url: str, new_page, scheme: str) -> None:
    page = new_page()
    page.emulate_media(media="print")
    for kind in SCRIPTS:
        page.goto(f"{base_url}scripts/{kind}/", wait_until="load")
        _scheme(page, scheme)
        printed = page.evaluate(_PRINTED)
        assert len(printed) > 50
        small = [p for p in printed if p["px"] < 16]  # 12 pt is 16 CSS px
        faint = [p for p in printed if p["contrast"] < (3 if p.get("line") else 7)]
        assert (small, faint) == ([], []), kind
