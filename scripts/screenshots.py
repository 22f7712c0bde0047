"""Build the sample journal's site and photograph it for the README and the guide.

Writes docs/screenshots/{home,due,company,company-phone,person,person-phone,stats-phone,
script-print,today-phone,today-print,weekly,due-large-text,report,report-phone,
report-print}.png, and the German due list and a printed Spanish script (due-de.png,
script-print-es.png) from the sample built with `language: de` and `es`, with Debian's
headless Chromium (never a downloaded browser). The browser's clock is pinned to the day the
site is computed for, so the due list shows no "out of date" notice.

    python scripts/screenshots.py            # the README pictures
    python scripts/screenshots.py --dark     # also *-dark.png, to check the slate scheme

Needs /usr/bin/chromium, pdftoppm (poppler-utils) and the Python playwright package.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from playwright.sync_api import Browser, Playwright, sync_playwright

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "screenshots"
TODAY = "2026-11-26"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Chromium's setting for a minimum font size, as its settings page writes it in a profile.
LARGE_TEXT = {"webkit": {"webprefs": {"minimum_font_size": 24}}}
COMPANY = "companies/acme-corp/"
PERSON = "people/dana-smith/"
SCRIPT = "scripts/follow-up-call/"
SHEET = "today/"
STATS = "stats/"
REPORT = "report/"


def build_sample(into: Path, language: str | None = None) -> Path:
    """Copy the sample root into `into` and build it with `jobsite build`, in `language` where
    one is given; return site/."""
    for name in ("journal", "docs"):
        shutil.copytree(REPO / name, into / name, ignore=shutil.ignore_patterns("screenshots"))
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    if language is not None:
        config = config.replace("  - jobsite:\n", f"  - jobsite:\n      language: {language}\n", 1)
    (into / "mkdocs.yml").write_text(config, encoding="utf-8")
    command = [sys.executable, "-m", "jobsite", "-C", str(into), "build", "--today", TODAY]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return into / "site"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 at a free port, in a thread; yield the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def shoot(
    browser: Browser,
    url: str,
    path: Path,
    *,
    width: int,
    dark: bool = False,
    height: int | None = None,
) -> None:
    """A full-page screenshot of `url` at `width` CSS pixels, the clock pinned to TODAY; with
    `height`, only the top of the page, that many pixels high."""
    context = browser.new_context(
        viewport={"width": width, "height": height or 800},
        device_scale_factor=1,
        color_scheme="dark" if dark else "light",
    )
    page = context.new_page()
    page.clock.set_fixed_time(datetime.fromisoformat(f"{TODAY}T09:00:00"))
    page.goto(url, wait_until="networkidle")
    page.screenshot(path=str(path), full_page=height is None)
    context.close()


def shoot_section(browser: Browser, url: str, path: Path, first: str, last: str) -> None:
    """The part of `url` from the element `first` to the bottom of the element `last`, on a
    desktop, the clock pinned to TODAY."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, device_scale_factor=1)
    page = context.new_page()
    page.clock.set_fixed_time(datetime.fromisoformat(f"{TODAY}T09:00:00"))
    page.goto(url, wait_until="networkidle")
    top, bottom = page.locator(first).bounding_box(), page.locator(last).bounding_box()
    left = min(top["x"], bottom["x"]) - 16
    clip = {
        "x": left,
        "y": top["y"] - 16,
        "width": max(top["x"] + top["width"], bottom["x"] + bottom["width"]) - left + 16,
        "height": bottom["y"] + bottom["height"] - top["y"] + 32,
    }
    page.screenshot(path=str(path), full_page=True, clip=clip)
    context.close()


def shoot_large_text(playwright: Playwright, url: str, path: Path) -> None:
    """The window on `url` as someone with low vision sets the browser: 200% zoom (a 1280 px
    window laid out as 640 CSS px, each drawn with two pixels) and text no smaller than 24 px."""
    with tempfile.TemporaryDirectory() as profile:
        (Path(profile) / "Default").mkdir()
        (Path(profile) / "Default" / "Preferences").write_text(json.dumps(LARGE_TEXT))
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            viewport={"width": 640, "height": 900},
            device_scale_factor=2,
        )
        page = context.new_page()
        page.clock.set_fixed_time(datetime.fromisoformat(f"{TODAY}T09:00:00"))
        page.goto(url, wait_until="networkidle")
        page.screenshot(path=str(path))
        context.close()


def print_first_sheet(browser: Browser, url: str, path: Path) -> None:
    """Print `url` to PDF as the browser's print dialog would, and render sheet 1 to PNG."""
    context = browser.new_context()
    page = context.new_page()
    page.clock.set_fixed_time(datetime.fromisoformat(f"{TODAY}T09:00:00"))
    page.goto(url, wait_until="networkidle")
    with tempfile.TemporaryDirectory() as scratch:
        pdf = Path(scratch) / "page.pdf"
        page.pdf(path=str(pdf), format="Letter", prefer_css_page_size=True)
        stem = Path(scratch) / "sheet"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, stem],
            check=True,
        )
        shutil.copy(stem.with_suffix(".png"), path)
    context.close()


def main() -> None:
    """Build, serve and photograph the sample site."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dark", action="store_true", help="also write *-dark.png")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the pictures")
    options = parser.parse_args()
    options.out.mkdir(parents=True, exist_ok=True)
    with (
        tempfile.TemporaryDirectory() as scratch,
        serve(build_sample(Path(scratch))) as base,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        schemes = [False, True] if options.dark else [False]
        for dark in schemes:
            suffix = "-dark" if dark else ""
            shots = {
                "home": ("", 1280),
                "due": ("due/", 1280),
                "company": (COMPANY, 1280),
                "company-phone": (COMPANY, 390),
                "person": (PERSON, 1280),
                "person-phone": (PERSON, 390),
                "stats-phone": (STATS, 390),
                "report": (REPORT, 1280),
                "report-phone": (REPORT, 390),
            }
            for name, (page, width) in shots.items():
                target = options.out / f"{name}{suffix}.png"
                shoot(browser, base + page, target, width=width, dark=dark)
                print(target.relative_to(REPO) if target.is_relative_to(REPO) else target)
            # Today's call sheet on a phone: its first calls.
            target = options.out / f"today-phone{suffix}.png"
            shoot(browser, base + SHEET, target, width=390, dark=dark, height=1500)
            print(target.relative_to(REPO) if target.is_relative_to(REPO) else target)
        target = options.out / "weekly.png"
        shoot_section(
            browser, base + STATS, target, "#weekly-review", '[aria-label="Week by week"]'
        )
        print(target.relative_to(REPO) if target.is_relative_to(REPO) else target)
        target = options.out / "due-large-text.png"
        shoot_large_text(playwright, base + "due/", target)
        print(target.relative_to(REPO) if target.is_relative_to(REPO) else target)
        for name, page in (
            ("script-print", SCRIPT),
            ("today-print", SHEET),
            ("report-print", REPORT),
        ):
            target = options.out / f"{name}.png"
            print_first_sheet(browser, base + page, target)
            print(target.relative_to(REPO) if target.is_relative_to(REPO) else target)
        for language, shot in (("de", _due_list), ("es", _printed_script)):
            with serve(build_sample(Path(scratch) / language, language)) as there:
                target = shot(browser, there, options.out, language)
                print(target.relative_to(REPO) if target.is_relative_to(REPO) else target)
        browser.close()


def _due_list(browser: Browser, base: str, out: Path, language: str) -> Path:
    target = out / f"due-{language}.png"
    shoot(browser, base + "due/", target, width=1280)
    return target


def _printed_script(browser: Browser, base: str, out: Path, language: str) -> Path:
    target = out / f"script-print-{language}.png"
    print_first_sheet(browser, base + SCRIPT, target)
    return target


if __name__ == "__main__":
    main()
