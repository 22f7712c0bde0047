"""The follow-ups of the past, replayed from the rules (issue 13, item 4): what was owed, and
whether it was done on time, late, missed or is still open.

The journal is tests/data/weekly_root/, worked out by hand in the comments of its files.
"""

from __future__ import annotations

from datetime import date

import pytest

from jobsite.agenda import build_agenda
from jobsite.rules.history import follow_up_history

from conftest import DATA
from samples import acme

ROOT = DATA / "weekly_root"
TODAY = date(2026, 11, 26)

# (file, action, due, due_by, outcome, done), as the files' comments work them out.
EXPECTED = {
    "journal/alpha.md": [
        ("follow-up-call", "2026-11-05", "2026-11-05", "on time", "2026-11-05"),
        ("follow-up-call", "2026-11-10", "2026-11-10", "late", "2026-11-12"),
        ("follow-up-call", "2026-11-17", "2026-11-17", "missed", None),
        ("thank-you-call", "2026-11-19", "2026-11-19", "on time", "2026-11-19"),
        ("handwritten-note", "2026-11-19", "2026-11-19", "late", "2026-11-23"),
        ("check-in-call", "2026-11-30", "2026-12-03", "open", None),
    ],
    "journal/beta.md": [
        ("follow-up-call", "2026-10-22", "2026-10-22", "missed", None),
        ("thank-you-call", "2026-10-29", "2026-10-29", "on time", "2026-10-29"),
        ("check-in-call", "2026-11-05", "2026-11-09", "on time", "2026-11-06"),
        ("handwritten-note", "2026-10-29", "2026-10-29", "missed", None),
        ("check-in-call", "2026-11-13", "2026-11-16", "missed", None),
    ],
    "journal/delta.md": [
        ("follow-up-call", "2026-10-09", "2026-10-09", "on time", "2026-10-08"),
    ],
    "journal/epsilon.md": [],
    "journal/gamma.md": [
        ("follow-up-call", "2026-11-27", "2026-11-27", "open", None),
    ],
    "journal/zeta.md": [
        ("follow-up-call", "2026-08-06", "2026-08-06", "on time", "2026-08-06"),
        ("follow-up-call", "2026-11-20", "2026-11-20", "missed", None),
    ],
}


def _history(agenda, planned) -> list[tuple[str, str, str, str, str | None]]:
    found = follow_up_history(
        planned.opportunity, agenda.today, agenda.calendar, agenda.settings, planned
    )
    return [
        (
            f.action,
            f.due.isoformat(),
            f.due_by.isoformat(),
            f.outcome,
            f.done and f.done.isoformat(),
        )
        for f in found
    ]


@pytest.fixture(scope="module")
def agenda():
    return build_agenda(ROOT, TODAY, use_cache=False)


def test_the_hand_worked_journal(agenda) -> None:
    assert agenda.problems == ()
    found = {planned.opportunity.path: _history(agenda, planned) for planned in agenda.plans}
    assert found == EXPECTED


def test_without_todays_plan_it_is_made_the_same(agenda) -> None:
    for planned in agenda.plans:
        alone = follow_up_history(planned.opportunity, TODAY, agenda.calendar, agenda.settings)
        assert [(f.action, f.due, f.outcome) for f in alone] == [
            (a, date.fromisoformat(d), o) for a, d, _, o, _ in EXPECTED[planned.opportunity.path]
        ]


def test_what_is_open_today_is_what_jobsite_due_lists(agenda) -> None:
    """The history never disagrees with the due list: an action still owed is open, or
    missed where it is overdue."""
    for planned in agenda.plans:
        found = follow_up_history(
            planned.opportunity, TODAY, agenda.calendar, agenda.settings, planned
        )
        outcomes = {(f.action, f.due): f.outcome for f in found}
        owed = [a for a in planned.actions if a.action != "interview"]
        for action in owed:
            expected = "missed" if action.bucket == "overdue" else "open"
            assert outcomes[action.action, action.due] == expected, planned.opportunity.path
        assert sum(f.outcome == "open" for f in found) == sum(a.bucket != "overdue" for a in owed)


@pytest.mark.parametrize(
    ("event", "outcome"),
    [
        ("2026-11-05 call", "on time"),  # on its day
        ("2026-11-03 email", "on time"),  # early
        ("2026-11-09 voicemail", "late"),
        ("{date: 2026-11-06, type: follow-up, channel: linkedin}", "late"),
        ("2026-11-09 reply", "missed"),  # their answer came after its day, without a call
        ("2026-11-04 reply", None),  # their answer came first: no call was needed
        ("2026-11-04 applied", None),  # another application starts the wait again
    ],
)
def test_what_ends_a_follow_up_call(make_root, event: str, outcome: str | None) -> None:
    """Applied on Mon 2 Nov: the call is due Thu 5 Nov (Veterans Day is later)."""
    root = make_root({"acme.md": acme("2026-11-02 applied", event)}, settings="country: US")
    agenda = build_agenda(root, TODAY, use_cache=False)
    (planned,) = agenda.plans
    first = follow_up_history(planned.opportunity, TODAY, agenda.calendar, agenda.settings)[0]
    if outcome is None:
        assert first.due != date(2026, 11, 5)
    else:
        assert (first.due, first.outcome) == (date(2026, 11, 5), outcome)


def test_a_check_in_window_counts_its_last_day(make_root) -> None:
    """Thank-you and note on Wed 11 Nov: the check-in is due Wed 18 Nov, by Mon 23 Nov (the
    tenth day, Sat 21, rolls on)."""
    events = ("2026-11-10 interview", "2026-11-11 thank-you", "2026-11-11 note")
    for done, outcome in (("2026-11-23 call", "on time"), ("2026-11-24 call", "late")):
        root = make_root({"acme.md": acme(*events, done)}, settings="country: US")
        agenda = build_agenda(root, TODAY, use_cache=False)
        (planned,) = agenda.plans
        found = follow_up_history(planned.opportunity, TODAY, agenda.calendar, agenda.settings)
        check_in = next(f for f in found if f.action == "check-in-call")
        assert (check_in.due, check_in.due_by, check_in.outcome) == (
            date(2026, 11, 18),
            date(2026, 11, 23),
            outcome,
        )
