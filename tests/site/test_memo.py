"""Under `jobsite serve`, a rebuild renders only the company and person pages whose facts
changed, and reuses the cards, calls, scripts and calendar events it made last time
(`jobsite.site.memo`, `ics.KeptEvents`). Whatever the edit, the pages must be the very
pages a whole render gives: each edit below moves something a page shows (a note, an event,
a title, who is whom, who introduced whom, a company's name, a role, an answer, a file left
out, gone or new, a template, a setting, the day), alone and one after another."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobsite.agenda import Agenda, build_agenda
from jobsite.journal.cache import Cache
from jobsite.site.ics import KeptEvents, render_calendar
from jobsite.site.memo import PageMemo
from jobsite.site.pages import render_site
from jobsite.site.templates import SCRIPT_KINDS, environment
from jobsite.site.weekly import review_start

from conftest import REPO

TODAY = date(2026, 11, 26)
ACME = "journal/acme-data-engineer.md"
PIED_PIPER = "journal/networking/pied-piper-intro.md"
# The pages that list the whole journal.
LISTS = {
    "index.md",
    "today/index.md",
    "due/index.md",
    "companies/index.md",
    "people/index.md",
    "scripts/index.md",
    *(f"scripts/{kind}/index.md" for kind in SCRIPT_KINDS),
    "stats/index.md",
    "report/index.md",
    "tags/index.md",
}


def _replace(path: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        file = root / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"{path} no longer holds {old!r}: the edit moves nothing"
        file.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def _append(path: str, text: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        with open(root / path, "a", encoding="utf-8") as file:
            file.write(text)

    return edit


def _delete(path: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        (root / path).unlink(missing_ok=True)

    return edit


def _add_file(root: Path) -> None:
    (root / "journal" / "zeta-analyst.md").write_text(
        "---\ncompany: Zeta Corp\nrole: Analyst\ncontacts:\n"
        "  - {name: Dana Smith, email: dana@acme.example, title: Recruiter}\n"
        "events:\n  - {date: 2026-11-20, type: applied}\n---\n",
        encoding="utf-8",
    )


def _override_template(root: Path) -> None:
    folder = root / "site_templates"
    folder.mkdir(exist_ok=True)
    packaged = (REPO / "site_templates" / "person.md").read_text(encoding="utf-8")
    (folder / "person.md").write_text(packaged + "\n<p>My own line.</p>\n", encoding="utf-8")


EDITS: dict[str, Callable[[Path], None]] = {
    "a note in the body": _append(ACME, "\nOne more thing to ask Dana.\n"),
    "an event": _replace(
        ACME,
        "notes: left the three-part message}\n",
        "notes: left the three-part message}\n"
        "  - {date: 2026-11-24, type: call, with: Luis Ortega, notes: spoke at last}\n",
    ),
    "a contact's title": _replace(ACME, "title: HR Generalist", "title: Senior HR Generalist"),
    "a phone number": _replace(ACME, '"+1 847 555 0100"', '"+1 847 555 0199"'),
    "an interview booked": _replace(
        PIED_PIPER,
        "notes: introduction through Monica}\n",
        "notes: introduction through Monica}\n"
        "  - {date: 2026-11-30, type: meeting, with: Richard Hendricks}\n",
    ),
    "one person becomes another": _replace(
        ACME, "email: luis.ortega@acme.example", "email: dana@acme.example"
    ),
    "who introduced them": _replace(
        PIED_PIPER, "introduced_by: Monica Hall", "introduced_by: Priya"
    ),
    "a company renamed": _replace(ACME, "company: Acme Corp", "company: Acme Corporation"),
    "a role renamed": _replace(ACME, "role: Data Engineer", "role: Staff Data Engineer"),
    "an answer": _replace(
        PIED_PIPER,
        "notes: introduction through Monica}\n",
        "notes: introduction through Monica}\n  - {date: 2026-11-25, type: closed}\n",
    ),
    "a misspelled key": _replace(PIED_PIPER, "events:", "evnets:"),
    "a file removed": _delete("journal/hooli-backend-engineer.md"),
    "a file added": _add_file,
    "a template overridden": _override_template,
    "a setting": _replace("mkdocs.yml", "horizon_days: 7", "horizon_days: 9"),
}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "journal", tmp_path / "journal")
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


class _Serving:
    """Renders as `jobsite serve` does, keeping what it made from one render to the next."""

    def __init__(self, root: Path) -> None:
        self.root, self.memo, self.events = root, PageMemo(), KeptEvents()

    def pages(self, today: date = TODAY) -> dict[str, str]:
        return render_site(_agenda(self.root, today), memo=self.memo).pages

    def calendar(self, today: date = TODAY) -> bytes:
        return _calendar(self.root, today, self.events)


def _agenda(root: Path, today: date) -> Agenda:
    return build_agenda(root, today, published=True, review_from=review_start(today))


def _calendar(root: Path, today: date, kept: KeptEvents | None) -> bytes:
    agenda = _agenda(root, today)
    return render_calendar(
        agenda.actions,
        today,
        environment(root, agenda.settings.language),
        link=lambda action: f"https://example.test/{action.opportunity.path}",
        kept=kept,
    )


def _whole(root: Path, today: date = TODAY) -> dict[str, str]:
    return render_site(_agenda(root, today)).pages


def test_a_rebuild_with_nothing_changed_renders_no_company_or_person_page(root: Path) -> None:
    serving = _Serving(root)
    first = serving.pages()
    assert len(serving.memo.rendered) > 10  # every company and person page, the first time
    assert serving.pages() == first
    assert serving.memo.rendered == []


def test_a_note_renders_its_company_page_again_and_nothing_else(root: Path) -> None:
    """The notes under the front matter are shown on the company page alone: the lists, the
    people and their pages are the last render's."""
    serving = _Serving(root)
    before = serving.pages()
    EDITS["a note in the body"](root)
    after = serving.pages()
    assert after == _whole(root)
    assert after["companies/acme-corp/index.md"] != before["companies/acme-corp/index.md"]
    assert serving.memo.rendered == ["companies/acme-corp/index.md"]


def test_an_event_renders_the_lists_again(root: Path) -> None:
    serving = _Serving(root)
    serving.pages()
    EDITS["an event"](root)
    assert serving.pages() == _whole(root)
    assert set(serving.memo.rendered) >= LISTS
    assert "people/luis-ortega/index.md" in serving.memo.rendered  # the call was with him


class _CountingMemo(PageMemo):
    """A memo that tells which parts (cards, calls, scripts) it rendered."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[tuple[object, ...]] = []

    def part(self, key, facts, render):  # type: ignore[no-untyped-def]
        def counted() -> str:
            self.parts.append(key)
            return render()

        return super().part(key, facts, counted)


def test_the_cards_of_a_list_kept_from_an_earlier_render_are_reused(root: Path) -> None:
    """After a note the lists are not rendered; an event after it renders them again, and
    only the cards of the edited file are made anew."""
    serving = _Serving(root)
    serving.memo = memo = _CountingMemo()
    serving.pages()
    EDITS["a note in the body"](root)
    serving.pages()
    memo.parts.clear()
    EDITS["an event"](root)
    assert serving.pages() == _whole(root)
    assert memo.parts, "the edited file's cards are rendered again"
    named = {part[2] for part in memo.parts}
    assert {name[0] for name in named if isinstance(name, tuple)} == {ACME}, named


def test_a_root_with_its_own_templates_renders_the_lists_after_a_note(root: Path) -> None:
    """Its own templates may show the notes on any page: nothing is assumed of them."""
    folder = root / "site_templates"
    folder.mkdir()
    packaged = (REPO / "site_templates" / "due.md").read_text(encoding="utf-8")
    (folder / "due.md").write_text(
        packaged + "\n{% for p in site.plan_of.values() %}{{ p.opportunity.body }}{% endfor %}\n",
        encoding="utf-8",
    )
    serving = _Serving(root)
    serving.pages()
    EDITS["a note in the body"](root)
    after = serving.pages()
    assert "One more thing to ask Dana." in after["due/index.md"]
    assert after == _whole(root)


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_after_each_edit_the_pages_are_those_of_a_whole_render(root: Path, edit: str) -> None:
    serving = _Serving(root)
    serving.pages()
    serving.calendar()
    EDITS[edit](root)
    assert serving.pages() == _whole(root)
    assert serving.calendar() == _calendar(root, TODAY, None)


def test_another_day_renders_every_page_again(root: Path) -> None:
    serving = _Serving(root)
    serving.pages()
    later = TODAY + timedelta(days=1)
    assert serving.pages(later) == _whole(root, later)
    assert serving.calendar(TODAY) == _calendar(root, TODAY, None)
    assert serving.calendar(later) == _calendar(root, later, None)


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(st.sampled_from(sorted(EDITS)), min_size=2, max_size=4))
def test_edits_one_after_another_give_the_pages_of_a_whole_render(
    tmp_path_factory: pytest.TempPathFactory, edits: list[str]
) -> None:
    root = tmp_path_factory.mktemp("journal")
    shutil.copytree(REPO / "journal", root / "journal")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    serving = _Serving(root)
    serving.pages()
    serving.calendar()
    for edit in edits:
        try:
            EDITS[edit](root)
        except AssertionError:
            continue  # an earlier edit took away what this one changes
        assert serving.pages() == _whole(root), f"after {edits}"
        assert serving.calendar() == _calendar(root, TODAY, None), f"after {edits}"


def test_a_cache_kept_in_memory_hands_back_the_plans_of_unchanged_files(root: Path) -> None:
    """`jobsite serve` keeps the root's cache between rebuilds: an unchanged file's plan is
    the very object of the last rebuild, so comparing the facts of its pages costs nothing,
    and an edited file's plan is made again."""
    cache = Cache(root)
    first = build_agenda(root, TODAY, review_from=review_start(TODAY), cache=cache)
    EDITS["a note in the body"](root)
    second = build_agenda(root, TODAY, review_from=review_start(TODAY), cache=cache)
    paths = [plan.opportunity.path for plan in second.plans]
    assert paths == [plan.opportunity.path for plan in first.plans]
    for before, after in zip(first.plans, second.plans, strict=True):
        if after.opportunity.path == ACME:
            assert after is not before
            assert after.opportunity.body.endswith("One more thing to ask Dana.\n")
        else:
            assert after is before
