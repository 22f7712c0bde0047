"""Golden pages: the Markdown that `jobsite.pages.render_site` makes for a small journal.

The journal is tests/data/golden_root/ (four files: a follow-up call, a check-in window, a
networking meeting to thank, a booked interview), rendered for 2026-11-26 with no MkDocs in
sight. Each page must equal tests/golden/<path in the site>, and no golden file may be left
over from a page that is no longer made.

After a deliberate change to a template or to the rendering, regenerate and review the diff:

    JOBSITE_UPDATE_GOLDEN=1 python -m pytest tests/site/test_golden.py
    git diff tests/golden/
"""

from __future__ import annotations

import os
from datetime import date

import pytest

from jobsite.agenda import build_agenda
from jobsite.site.pages import render_site
from jobsite.site.weekly import review_start

from conftest import DATA, TESTS

ROOT = DATA / "golden_root"
GOLDEN = TESTS / "golden"
TODAY = date(2026, 11, 26)
UPDATE = os.environ.get("JOBSITE_UPDATE_GOLDEN") == "1"


def _rendered() -> dict[str, str]:
    # use_cache=False: nothing is written under tests/data.
    agenda = build_agenda(ROOT, TODAY, use_cache=False, review_from=review_start(TODAY))
    assert agenda.journal.problems == ()
    return render_site(agenda).pages


PAGES = _rendered()


def _golden_files() -> set[str]:
    return {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md")}


@pytest.fixture(scope="module", autouse=True)
def _update() -> None:
    """With JOBSITE_UPDATE_GOLDEN=1, write every page and remove stale golden files first."""
    if not UPDATE:
        return
    for stale in _golden_files() - PAGES.keys():
        (GOLDEN / stale).unlink()
    for path, text in PAGES.items():
        target = GOLDEN / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")


def test_the_pages_are_the_golden_ones() -> None:
    """No page missing, none extra: a new or renamed page shows up here."""
    assert sorted(PAGES) == sorted(_golden_files())


@pytest.mark.parametrize("path", sorted(PAGES))
def test_page_matches_golden(path: str) -> None:
    expected = (GOLDEN / path).read_text(encoding="utf-8")
    assert PAGES[path] == expected, (
        f"{path} differs from tests/golden/{path}; if the change is meant, run "
        "JOBSITE_UPDATE_GOLDEN=1 python -m pytest tests/site/test_golden.py and review git diff"
    )


def test_rendering_is_pure() -> None:
    """Rendering twice gives the same pages: no clock, no state carried between calls."""
    assert _rendered() == PAGES
