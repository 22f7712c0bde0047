"""Count axe-core's WCAG 2 A and AA violations on every page of a built site.

One line per page: the violations (nodes) found at 1280 and 390 CSS pixels, on Material's
light (`default`) and dark (`slate`) palettes, then the printed script pages and the printed
work-search record, and the totals by rule. tests/site/test_accessibility.py asserts the same
count is zero; this script says how far a site is from it, to compare a change with what came
before.

    python scripts/axe_report.py                  # the sample journal, built afresh
    python scripts/axe_report.py --site DIR -v    # a site built already; -v lists each one

Needs /usr/bin/chromium, the Python playwright package and axe-core from `npm ci`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

from playwright.sync_api import Page, sync_playwright
from screenshots import CHROMIUM, CHROMIUM_ARGS, REPO, build_sample, serve

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
VARIANTS = [(1280, "default"), (1280, "slate"), (390, "default"), (390, "slate")]
RUN = """tags => axe.run(document, {runOnly: {type: "tag", values: tags},
  resultTypes: ["violations"]}).then(r => r.violations.flatMap(v => v.nodes.map(n =>
    ({rule: v.id, target: n.target.join(" "), help: v.help}))))"""
STILL = "*, ::before, ::after { transition: none !important; }"


def pages_of(site: Path) -> list[str]:
    """Every page of the site by its address, `` (home) first, and the 404 page."""
    folders = (page.parent.relative_to(site).as_posix() for page in site.rglob("index.html"))
    return [*sorted("" if f == "." else f + "/" for f in folders if f != "search"), "404.html"]


def violations(page: Page, axe: str, scheme: str) -> list[dict[str, str]]:
    """axe-core's findings on the page as it is, on Material's palette `scheme`."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=axe)
        page.add_style_tag(content=STILL)  # colours judged where they end, not mid-fade
    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
    return page.evaluate(RUN, WCAG)


def report(site: Path, base: str, axe: str, *, verbose: bool) -> int:
    """Print the counts; return the total."""
    rules: Counter[str] = Counter()
    header = " ".join(f"{width} {scheme:>7}" for width, scheme in VARIANTS)
    print(f"{'page':40} {header}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.clock.set_fixed_time("2026-11-26T12:00:00Z")  # the sample's day: nothing stale
        for path in pages_of(site):
            page.set_viewport_size({"width": 1280, "height": 900})
            page.goto(base + path, wait_until="load")
            counts = []
            for width, scheme in VARIANTS:
                page.set_viewport_size({"width": width, "height": 900})
                found = violations(page, axe, scheme)
                counts.append(len(found))
                rules.update(v["rule"] for v in found)
                for v in found if verbose else []:
                    print(f"    {width} {scheme}: {v['rule']} at {v['target']}: {v['help']}")
            print(f"{'/' + path:40} " + " ".join(f"{n:12}" for n in counts))
        page.emulate_media(media="print")
        printed = [p for p in pages_of(site) if p.startswith("scripts/") and p != "scripts/"]
        for path in [*printed, "report/"]:
            page.goto(base + path, wait_until="load")
            found = [v for scheme in ("default", "slate") for v in violations(page, axe, scheme)]
            rules.update(v["rule"] for v in found)
            print(f"{'/' + path + ' printed':40} {len(found):12}")
        browser.close()
    print("by rule:", dict(rules) or "none", f"(total {sum(rules.values())})")
    return sum(rules.values())


def main() -> None:
    """Build (or take) a site, serve it and count."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site folder (default: build the sample)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every violation")
    options = parser.parse_args()
    if not AXE.is_file():
        sys.exit(f"{AXE.relative_to(REPO)} is missing: run `npm ci`")
    axe = AXE.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as scratch:
        site = options.site or build_sample(Path(scratch))
        with serve(site) as base:
            total = report(site, base, axe, verbose=options.verbose)
    sys.exit(1 if total else 0)


if __name__ == "__main__":
    main()
