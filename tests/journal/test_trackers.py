"""Other trackers' words: one table of stage words and one of keys, read alike by `adopt` and
`import`, and printed in guide/history.md exactly as the code holds them."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobsite.journal import trackers
from jobsite.vocabulary import CLOSING

from conftest import REPO

GUIDE = (REPO / "guide" / "history.md").read_text(encoding="utf-8")
SECTION = GUIDE[GUIDE.index("## Other trackers' words") : GUIDE.index("## Notes from Obsidian")]


def _table(after: str) -> list[tuple[str, list[str]]]:
    """The rows of the guide's table that follows `after`: (first cell, the words)."""
    start = SECTION.index(after)
    rows = []
    for line in SECTION[start:].splitlines():
        if not line.startswith("|"):
            if rows:
                break
            continue
        first, words = (cell.strip() for cell in line.strip("|").split("|"))
        if first.startswith(("a stage", "jobsite", "---")):
            continue
        rows.append((first, [word.strip() for word in words.split(",")]))
    return rows


def test_the_guide_prints_the_stage_words_as_the_code_holds_them() -> None:
    rows = _table("| a stage means |")
    assert [re.match(r"`(\w+)`", first)[1] for first, _ in rows] == list(trackers.STAGES)
    for (_, words), meaning in zip(rows, trackers.STAGES, strict=True):
        assert [trackers.normal_word(word) for word in words] == list(trackers.STAGES[meaning])


def test_the_guide_prints_the_keys_as_the_code_holds_them() -> None:
    rows = _table("| jobsite reads as |")
    targets = [re.search(r"`(\w+)`", first)[1] for first, _ in rows]
    assert targets == list(trackers.KEYS)
    for (_, keys), target in zip(rows, targets, strict=True):
        assert [trackers.normal_key(key) for key in keys] == list(trackers.KEYS[target])


def test_ghosted_means_closed_and_the_guide_says_why() -> None:
    assert trackers.stage("Ghosted") == "closed"
    assert "**Ghosted means `closed`**" in SECTION


@pytest.mark.parametrize(
    ("word", "meaning"),
    [
        ("Reviewed", "applied"),
        ("not-applied", "lead"),
        ("Draft", "lead"),
        ("Researching", "lead"),
        ("Saved", "lead"),
        ("Phone Screen", "interview"),
        ("PHONE_SCREEN", "interview"),
        ("Technical Interview", "interview"),
        ("On Hold", "paused"),
        ("Expired", "closed"),
        ("Archived", "closed"),
        ("Ghosted", "closed"),
        ("No Response 🔕", "closed"),
        ("Offer 🎉", "offer"),
        ("I Withdrew", "withdrawn"),
        ("Not Selected", "rejected"),
        ("Bookmarked", "lead"),
        ("Negotiating", "offer"),
        ("Accepted", "hired"),
        ("Sent to the moon", None),
    ],
)
def test_stage_words_of_real_trackers(word: str, meaning: str | None) -> None:
    assert trackers.stage(word) == meaning


@pytest.mark.parametrize(
    ("key", "target"),
    [
        ("Company", "company"),
        ("company_name", "company"),
        ("Role", "role"),
        ("Status", "status"),
        ("Date Applied", "applied"),
        ("date-applied", "applied"),
        ("Applied-Date", "applied"),
        ("_date_applied", "applied"),
        ("Job-Title", "role"),
        ("App-Stage", "status"),
        ("_position", "role"),
        ("Interview Date", "interview"),
        ("Hiring Manager", "contacts"),
        ("salary", None),
    ],
)
def test_keys_as_people_write_them(key: str, target: str | None) -> None:
    assert trackers.key_target(key) == target


@pytest.mark.parametrize("text", [None, "", "  ", "N/A", "n/a", "-", "—", "TBD", "tba", "None"])
def test_what_is_no_date(text: str | None) -> None:
    assert trackers.is_no_date(text)


def test_a_date_is_a_date() -> None:
    assert not trackers.is_no_date("2026-11-02")


D1, D2 = date(2026, 11, 2), date(2026, 11, 9)


@pytest.mark.parametrize(
    ("meaning", "applied", "on", "expected"),
    [
        ("rejected", D1, None, ([(D1, "applied")], "rejected", False)),  # undated outcome
        ("rejected", D1, D2, ([(D1, "applied"), (D2, "rejected")], None, False)),
        ("offer", None, None, ([], "offer", False)),
        ("interview", D1, None, ([(D1, "applied")], None, True)),
        ("interview", D1, D2, ([(D1, "applied"), (D2, "interview")], None, False)),
        ("interview", None, None, ([], None, True)),
        ("applied", None, D2, ([(D2, "applied")], None, False)),
        ("applied", None, None, ([], None, True)),
        ("lead", D1, None, ([(D1, "applied")], None, False)),  # a date beats a lead's word
        ("lead", None, None, ([], None, False)),
        ("paused", D1, None, ([(D1, "applied")], "paused", False)),
        ("closed", D1, None, ([(D1, "applied")], "closed", False)),  # Ghosted
    ],
)
def test_a_later_stage_keeps_every_fact(meaning, applied, on, expected) -> None:
    found = trackers.stage_history(meaning, "Word", applied=applied, on=on)
    assert (list(found.events), found.status, found.warning is not None) == expected


_DAYS = st.one_of(st.none(), st.dates(date(2020, 1, 1), date(2030, 12, 31)))


@settings(max_examples=300, deadline=None)
@given(meaning=st.sampled_from([None, *trackers.STAGES]), applied=_DAYS, on=_DAYS)
def test_no_stage_loses_a_date_or_invents_one(meaning, applied, on) -> None:
    """Every event is on a date the row gave; an outcome is either its event or the status;
    an application date given is kept unless it is after the stage's own date."""
    found = trackers.stage_history(meaning, "Word", applied=applied, on=on)
    assert {day for day, _ in found.events} <= {applied, on} - {None}
    if meaning in CLOSING:
        assert (found.status == meaning) != any(kind == meaning for _, kind in found.events)
    if applied is not None and (on is None or applied <= on):
        assert (applied, "applied") in found.events
