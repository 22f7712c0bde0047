"""A small site in headless Chromium, opened on later days and on a phone (guide/site.md): a
booked interview whose day has passed asks whether it happened, never "overdue"; a gone-quiet
opportunity asks for a decision; a table wider than the screen says that it scrolls.

The site is built once for 2026-11-26 and served on 127.0.0.1; the browser's clock is moved
(`new_page(today=...)` in conftest.py). Skips without Chromium, fails instead under CI.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobsite.cli import main

from conftest import SAMPLE_TODAY, serve_folder

pytestmark = pytest.mark.browser

FILES = {
    # A booked interview on Wed 2 Dec, six days after the build.
    "hooli.md": "---\ncompany: Hooli\nrole: Backend Engineer\ncontacts: [Rachel Kim]\n"
    "events: [2026-11-20 applied, 2026-11-23 call, 2026-12-02 interview]\n---\n",
    # A booked networking meeting on the day of the build.
    "omar.md": "---\ncompany: Omar Haddad\nkind: networking\n"
    "events: [2026-11-20 contacted, 2026-11-26 meeting]\n---\n",
}
# Wide enough that the companies table cannot fit a phone.
for number in range(3):
    FILES[f"wide-{number}.md"] = (
        f"---\ncompany: Consolidated Intercontinental Holdings {number}\n"
        "role: Principal Enterprise Data Platform Reliability Engineer\n"
        "events: [2026-11-24 applied]\n---\n"
    )


@pytest.fixture(scope="module")
def site(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("days") / "root"
    (root / "journal").mkdir(parents=True)
    for name, text in FILES.items():
        (root / "journal" / name).write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: Days\nplugins: [search, jobsite]\n")
    result = CliRunner().invoke(main, ["-C", str(root), "build", "--today", SAMPLE_TODAY])
    assert result.exit_code == 0, result.output
    return root / "site"


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    with serve_folder(site) as url:
        yield url


@pytest.mark.parametrize(("width", "shown"), [(390, True), (1280, False)])
def test_a_table_wider_than_the_screen_says_that_it_scrolls(
    base_url: str, new_page, width: int, shown: bool
) -> None:
    page = new_page(SAMPLE_TODAY, width=width)
    page.goto(base_url + "companies/", wait_until="load")
    hint = page.locator("[data-scroll-hint]")
    assert hint.is_visible() is shown
    if shown:
        assert hint.inner_text() == (
            "Wider than the screen: scroll the table sideways to see every column."
        )
