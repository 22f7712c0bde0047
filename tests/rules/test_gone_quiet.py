"""Rule 5 of guide/rules.md §4, gone quiet: no answer for `quiet_after_days` after your own
last step makes the call a decision; it keeps its dates and its bucket."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobsite.journal.settings import Settings
from jobsite.model import Event, Opportunity
from jobsite.rules.followups import plan
from jobsite.rules.workdays import Calendar, holiday_source

D = date.fromisoformat
US = Calendar(holiday_source("US", None, {}))


def _opportunity(*events: str, next_call: str | None = None) -> Opportunity:
    parsed = tuple(
        Event(D(text.split()[0]), text.split()[1], line=index + 10)
        for index, text in enumerate(events)
    )
    return Opportunity(
        path="journal/acme.md",
        company="Acme",
        events=parsed,
        follow_up_next=D(next_call) if next_call else None,
    )


def _quiet(item: Opportunity, today: str, **options: int) -> dict[str, tuple[bool, str]]:
    owed = plan(item, D(today), US, Settings(**options)).actions
    return {a.action: (a.quiet, a.bucket) for a in owed}


def test_an_application_unanswered_for_28_days_has_gone_quiet() -> None:
    item = _opportunity("2026-10-29 applied")  # 28 days before Thu 11-26
    assert _quiet(item, "2026-11-25") == {"follow-up-call": (False, "overdue")}
    assert _quiet(item, "2026-11-26") == {"follow-up-call": (True, "overdue")}


def test_it_counts_from_your_last_step_not_the_first() -> None:
    item = _opportunity("2026-09-01 applied", "2026-10-30 follow-up")
    assert _quiet(item, "2026-11-26") == {"follow-up-call": (False, "overdue")}
    assert _quiet(item, "2026-11-27") == {"follow-up-call": (True, "overdue")}


@pytest.mark.parametrize("answer", ["reply", "interview", "meeting"])
def test_an_answer_as_the_last_event_is_never_quiet(answer: str) -> None:
    item = _opportunity("2026-08-03 applied", f"2026-08-10 {answer}")
    assert not any(quiet for quiet, _ in _quiet(item, "2026-11-26").values())


def test_after_an_interview_the_check_in_goes_quiet_but_no_thanks_owed() -> None:
    thanked = _opportunity("2026-09-01 interview", "2026-09-02 thank-you", "2026-09-02 note")
    assert _quiet(thanked, "2026-11-26") == {"check-in-call": (True, "overdue")}
    unthanked = _opportunity("2026-09-01 interview", "2026-09-02 follow-up")
    assert _quiet(unthanked, "2026-11-26") == {
        "handwritten-note": (False, "overdue"),
        "check-in-call": (True, "overdue"),
    }


def test_a_call_back_date_they_asked_for_is_an_answer() -> None:
    item = _opportunity("2026-09-01 applied", next_call="2026-12-01")
    assert _quiet(item, "2026-11-26") == {"follow-up-call": (False, "upcoming")}
    stale = _opportunity("2026-09-01 applied", next_call="2026-08-01")  # ignored, rule 3
    assert _quiet(stale, "2026-11-26") == {"follow-up-call": (True, "overdue")}


def test_the_setting_moves_the_day() -> None:
    item = _opportunity("2026-11-02 applied")
    assert _quiet(item, "2026-11-26", quiet_after_days=30) == {"follow-up-call": (False, "overdue")}
    assert _quiet(item, "2026-11-26", quiet_after_days=24) == {"follow-up-call": (True, "overdue")}


def test_closed_paused_and_leads_owe_nothing_to_decide() -> None:
    for status in ("paused", "closed"):
        item = Opportunity(
            path="journal/acme.md",
            company="Acme",
            status=status,
            events=(Event(D("2026-01-05"), "applied"),),
        )
        assert plan(item, D("2026-11-26"), US, Settings()).actions == ()


@settings(deadline=None, max_examples=200)
@given(
    last=st.dates(date(2025, 1, 1), date(2026, 12, 31)),
    age=st.integers(0, 400),
    after=st.integers(1, 90),
    step=st.sampled_from(["applied", "contacted", "follow-up", "thank-you", "note"]),
)
def test_quiet_exactly_when_your_last_step_is_old_enough(last, age, after, step) -> None:
    item = Opportunity(path="x.md", company="X", events=(Event(last, step),))
    today = last + timedelta(days=age)
    owed = plan(item, today, US, Settings(quiet_after_days=after)).actions
    calls = [a for a in owed if a.action in ("follow-up-call", "check-in-call")]
    assert calls, "your own last step always leaves a call owed"
    assert all(a.quiet is (age >= after) for a in calls)
    assert all(not a.quiet for a in owed if a.action not in ("follow-up-call", "check-in-call"))
