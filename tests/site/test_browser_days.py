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
    # A booked networking meeting on Mon 30 Nov.
    "omar.md": "---\ncompany: Omar Haddad\nkind: networking\n"
    "events: [2026-11-20 contacted, 2026-11-30 meeting]\n---\n",
    # No answer since a voicemail on Fri 18 Sep: gone quiet.
    "initrode.md": "---\ncompany: Initrode\nrole: Data Analyst\ncontacts: [Bill Lumbergh]\n"
    "events: [2026-09-14 applied, 2026-09-18 voicemail]\n---\n",
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


_CARD = """(file) => {
  const item = document.querySelector(`.jobsite-action[data-file="${file}"]`);
  const question = item.querySelector('[data-happened-question]');
  const list = item.closest('[data-bucket-list]');
  return {
    badge: item.querySelector('[data-badge-text]').textContent,
    spoken: item.querySelector('.jobsite-visually-hidden [data-badge-text]').textContent,
    question: question && !question.hidden ? question.textContent.replace(/\\s+/g, ' ') : null,
    list: list ? list.dataset.bucketList : null,
    text: item.innerText,
  };
}"""
HOOLI, OMAR, INITRODE = "journal/hooli.md", "journal/omar.md", "journal/initrode.md"
ASKED = (
    "Did the interview on Wednesday 2 December happen? Then a thank-you call and a "
    "handwritten note are owed: jobsite today lists them, or rebuild the site. If it moved, "
    "change its date in journal/hooli.md."
)


def test_a_booked_interview_whose_day_has_passed_asks_if_it_happened(
    base_url: str, new_page
) -> None:
    page = new_page("2026-12-03")
    page.goto(base_url + "due/", wait_until="load")
    card = page.evaluate(_CARD, HOOLI)
    assert card["badge"] == card["spoken"] == "Happened?"
    assert card["question"] == ASKED
    assert "overdue" not in card["text"].lower()
    assert card["list"] is None  # still under "Meetings and interviews booked"
    overdue = page.locator('[data-bucket-list="overdue"] .jobsite-action')
    assert HOOLI not in [overdue.nth(i).get_attribute("data-file") for i in range(overdue.count())]


def test_on_its_own_day_the_interview_is_due_and_asks_nothing(base_url: str, new_page) -> None:
    page = new_page("2026-12-02")
    page.goto(base_url + "due/", wait_until="load")
    card = page.evaluate(_CARD, HOOLI)
    assert (card["badge"], card["question"]) == ("Due now", None)


def test_a_meeting_is_asked_about_as_a_meeting(base_url: str, new_page) -> None:
    page = new_page("2026-12-01")
    page.goto(base_url + "due/", wait_until="load")
    question = page.evaluate(_CARD, OMAR)["question"]
    assert question.startswith("Did the meeting on Monday 30 November happen? ")


def test_the_call_sheet_asks_instead_of_saying_tomorrow(base_url: str, new_page) -> None:
    page = new_page("2026-12-03")
    page.goto(base_url + "today/", wait_until="load")
    item = page.locator(f'[data-sheet-item][data-file="{HOOLI}"]')
    assert item.is_visible()
    text = " ".join(item.inner_text().split())
    assert ASKED in text
    assert "tomorrow" not in text and "OVERDUE" not in text.upper()
    assert item.locator("[data-badge-text]").text_content() == "Happened?"


def test_gone_quiet_stays_a_decision_on_a_later_day(base_url: str, new_page) -> None:
    page = new_page("2026-12-03")
    page.goto(base_url + "due/", wait_until="load")
    card = page.evaluate(_CARD, INITRODE)
    assert card["badge"] == "Gone quiet"
    assert card["list"] is None  # not moved into "Overdue"
    assert "call once more, or close it with jobsite log journal/initrode.md closed" in (
        " ".join(card["text"].split())
    )
    home = new_page("2026-12-03")
    home.goto(base_url, wait_until="load")
    # The three wide ones' follow-up calls: not Initrode's.
    assert home.locator('[data-count="overdue"]').inner_text() == "3"
