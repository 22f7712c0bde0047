"""The follow-up rules of guide/rules.md §4, each edge with dates worked out by hand (US calendar).

       November 2026            December 2026
    Mo Tu We Th Fr Sa Su     Mo Tu We Th Fr Sa Su
                       1         1  2  3  4  5  6
     2  3  4  5  6  7  8      7  8  9 10 11 12 13
     9 10 11 12 13 14 15     14 15 16 17 18 19 20
    16 17 18 19 20 21 22     21 22 23 24 25 26 27
    23 24 25 26 27 28 29     28 29 30 31
    30

Holidays: Veterans Day Wed 11-11, Thanksgiving Thu 11-26, Christmas Fri 12-25.
"""

from __future__ import annotations

from datetime import date

import pytest

from jobsite.journal.settings import Settings
from jobsite.model import Event, Opportunity, Problem
from jobsite.rules.followups import bucket, plan
from jobsite.rules.planning import plan_journal
from jobsite.rules.workdays import Calendar, holiday_source

D = date.fromisoformat
US = Calendar(holiday_source("US", None, {}))
DEFAULTS = Settings()


def opportunity(
    *events: str,
    status: str = "active",
    kind: str = "job",
    next_call: str | None = None,
    company: str = "Acme",
    path: str = "journal/acme.md",
) -> Opportunity:
    """An opportunity from one-line events, `"2026-11-02 applied"`, in file order.

    Each event's line is its position + 10, so a test can tell which event a warning names.
    """
    parsed = []
    for index, text in enumerate(events):
        day, kind_ = text.split()
        parsed.append(Event(D(day), kind_, line=index + 10))
    return Opportunity(
        path=path,
        company=company,
        kind=kind,
        status=status,
        events=tuple(parsed),
        follow_up_next=D(next_call) if next_call else None,
        follow_up_line=3 if next_call else 0,
    )


def actions(
    item: Opportunity, today: str, settings: Settings = DEFAULTS, calendar: Calendar = US
) -> list[tuple[str, str, str, str]]:
    """(action, due, due_by, bucket) of every action owed on `today`, in the order planned."""
    return [
        (a.action, a.due.isoformat(), a.due_by.isoformat(), a.bucket)
        for a in plan(item, D(today), calendar, settings).actions
    ]


def by_action(item: Opportunity, today: str, **kwargs) -> dict[str, tuple[str, str, str]]:
    return {a: (due, due_by, b) for a, due, due_by, b in actions(item, today, **kwargs)}


# --- Rule 1: follow-up-call, B+3 of L ---------------------------------------------------------


@pytest.mark.parametrize(
    ("events", "today", "due", "why"),
    [
        (("2026-11-02 applied",), "2026-11-03", "2026-11-05", "Mon 2: Tue 3, Wed 4, Thu 5"),
        (("2026-11-06 contacted",), "2026-11-06", "2026-11-12", "Fri 6: Mon 9, Tue 10, Thu 12"),
        (("2026-11-07 contacted",), "2026-11-09", "2026-11-12", "Sat 7: Mon 9, Tue 10, Thu 12"),
        (("2026-11-09 applied",), "2026-11-09", "2026-11-13", "Mon 9: Tue 10, Thu 12, Fri 13"),
        (
            ("2026-11-24 applied",),
            "2026-11-24",
            "2026-11-30",
            "Tue 24: Wed 25, (Thu 26 Thanksgiving), Fri 27, Mon 30",
        ),
        (
            ("2026-11-02 applied", "2026-11-05 follow-up"),
            "2026-11-05",
            "2026-11-10",
            "L is the voicemail of Thu 5: Fri 6, Mon 9, Tue 10",
        ),
        (
            ("2026-11-02 applied", "2026-11-04 reply"),
            "2026-11-05",
            "2026-11-09",
            "L is the reply of Wed 4: Thu 5, Fri 6, Mon 9",
        ),
    ],
)
def test_follow_up_call_three_business_days_after_the_last_event(
    events: tuple[str, ...], today: str, due: str, why: str
) -> None:
    owed = actions(opportunity(*events), today)
    assert [(a, d, b) for a, d, b, _ in owed] == [("follow-up-call", due, due)], why


def test_follow_up_call_counts_from_the_last_event_by_date_not_by_file_order() -> None:
    # The file lists the follow-up first; by date L is still Thu 11-05 → Tue 11-10.
    item = opportunity("2026-11-05 follow-up", "2026-11-02 applied")
    assert actions(item, "2026-11-06") == [
        ("follow-up-call", "2026-11-10", "2026-11-10", "upcoming")
    ]


def test_a_future_event_other_than_an_interview_is_ignored() -> None:
    # The follow-up dated Fri 11-20 lies ahead on Tue 11-10: L is the application of Mon 11-02,
    # B+3 = Thu 11-05, which is behind us.
    item = opportunity("2026-11-02 applied", "2026-11-20 follow-up")
    assert actions(item, "2026-11-10") == [
        ("follow-up-call", "2026-11-05", "2026-11-05", "overdue")
    ]


# --- Rule 2: after an interview ---------------------------------------------------------------


def test_thank_you_call_and_note_the_next_business_day() -> None:
    # Interview Thu 11-12: B+1 = Fri 11-13 for both.
    item = opportunity("2026-11-02 applied", "2026-11-12 interview")
    assert actions(item, "2026-11-12") == [
        ("thank-you-call", "2026-11-13", "2026-11-13", "upcoming"),
        ("handwritten-note", "2026-11-13", "2026-11-13", "upcoming"),
    ]


def test_thank_you_after_an_interview_the_day_before_thanksgiving() -> None:
    # Interview Wed 11-25: Thu 26 is Thanksgiving, so B+1 = Fri 11-27.
    item = opportunity("2026-11-20 applied", "2026-11-25 interview")
    assert by_action(item, "2026-11-25") == {
        "thank-you-call": ("2026-11-27", "2026-11-27", "upcoming"),
        "handwritten-note": ("2026-11-27", "2026-11-27", "upcoming"),
    }


def test_thank_you_after_an_interview_the_day_before_veterans_day() -> None:
    # Interview Tue 11-10: Wed 11 is Veterans Day, so B+1 = Thu 11-12.
    item = opportunity("2026-11-02 applied", "2026-11-10 interview")
    assert by_action(item, "2026-11-12")["thank-you-call"] == ("2026-11-12", "2026-11-12", "due")


def test_interview_on_a_friday_is_thanked_on_monday() -> None:
    # Interview Fri 11-13: Sat, Sun, so B+1 = Mon 11-16.
    item = opportunity("2026-11-02 applied", "2026-11-13 interview")
    assert by_action(item, "2026-11-17")["handwritten-note"] == (
        "2026-11-16",
        "2026-11-16",
        "overdue",
    )


def test_the_interview_ends_rule_1() -> None:
    item = opportunity("2026-11-02 applied", "2026-11-12 interview")
    assert "follow-up-call" not in by_action(item, "2026-11-12")


@pytest.mark.parametrize("call", ["thank-you", "follow-up"])
def test_a_call_after_the_interview_settles_the_thank_you_call(call: str) -> None:
    # Interview Thu 11-12, then the call on Fri 11-13; the note is still owed (due Fri 11-13),
    # and the check-in window opens: L = Fri 11-13, L+7 = Fri 11-20, L+10 = Mon 11-23.
    item = opportunity("2026-11-02 applied", "2026-11-12 interview", f"2026-11-13 {call}")
    assert actions(item, "2026-11-16") == [
        ("handwritten-note", "2026-11-13", "2026-11-13", "overdue"),
        ("check-in-call", "2026-11-20", "2026-11-23", "upcoming"),
    ]


def test_a_note_after_the_interview_settles_only_the_note() -> None:
    item = opportunity("2026-11-02 applied", "2026-11-12 interview", "2026-11-13 note")
    assert actions(item, "2026-11-13") == [
        ("thank-you-call", "2026-11-13", "2026-11-13", "due"),
    ]


def test_a_reply_after_the_interview_is_not_a_thank_you() -> None:
    item = opportunity("2026-11-02 applied", "2026-11-12 interview", "2026-11-13 reply")
    assert set(by_action(item, "2026-11-13")) == {"thank-you-call", "handwritten-note"}


def test_a_thank_you_before_the_interview_does_not_count() -> None:
    # A thank-you on Tue 11-10 for an earlier call, then the interview on Thu 11-12.
    item = opportunity("2026-11-02 applied", "2026-11-10 thank-you", "2026-11-12 interview")
    assert set(by_action(item, "2026-11-13")) == {"thank-you-call", "handwritten-note"}


# --- Rule 2: the check-in window --------------------------------------------------------------


def test_check_in_window_after_thank_you_and_note() -> None:
    # L = Fri 11-13 (the note, after the thank-you of the same day).
    # L+7 = Fri 11-20 (a business day), L+10 = Mon 11-23 (a business day).
    item = opportunity(
        "2026-11-02 applied", "2026-11-12 interview", "2026-11-13 thank-you", "2026-11-13 note"
    )
    assert actions(item, "2026-11-16") == [
        ("check-in-call", "2026-11-20", "2026-11-23", "upcoming")
    ]


def test_check_in_window_rolls_over_thanksgiving_and_a_weekend() -> None:
    # L = Thu 11-19. L+7 = Thu 11-26, Thanksgiving → roll to Fri 11-27.
    # L+10 = Sun 11-29 → roll to Mon 11-30.
    item = opportunity("2026-11-18 interview", "2026-11-19 thank-you", "2026-11-19 note")
    assert actions(item, "2026-11-20") == [
        ("check-in-call", "2026-11-27", "2026-11-30", "upcoming")
    ]


def test_check_in_window_moves_with_each_check_in() -> None:
    # After a check-in call (a follow-up) on Mon 11-23: L+7 = Mon 11-30, L+10 = Thu 12-03.
    item = opportunity(
        "2026-11-12 interview",
        "2026-11-13 thank-you",
        "2026-11-13 note",
        "2026-11-23 follow-up",
    )
    assert actions(item, "2026-11-23") == [
        ("check-in-call", "2026-11-30", "2026-12-03", "upcoming")
    ]


def test_a_reply_after_the_thank_you_moves_the_check_in_window() -> None:
    # L is the reply of Tue 11-17: L+7 = Tue 11-24, L+10 = Fri 11-27.
    item = opportunity(
        "2026-11-12 interview", "2026-11-13 thank-you", "2026-11-13 note", "2026-11-17 reply"
    )
    assert actions(item, "2026-11-17") == [
        ("check-in-call", "2026-11-24", "2026-11-27", "upcoming")
    ]


def test_check_in_window_across_christmas_and_the_year_end() -> None:
    # L = Fri 12-18. L+7 = Fri 12-25, Christmas → roll: Sat, Sun, Mon 12-28.
    # L+10 = Mon 12-28, a business day.
    item = opportunity("2026-12-17 interview", "2026-12-18 thank-you", "2026-12-18 note")
    assert actions(item, "2026-12-28") == [("check-in-call", "2026-12-28", "2026-12-28", "due")]


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        ("2026-11-13", "upcoming"),  # 11-20 ≤ 11-13 + 7 = 11-20: the horizon edge is upcoming
        ("2026-11-19", "upcoming"),
        ("2026-11-20", "due"),  # due ≤ today ≤ due_by
        ("2026-11-22", "due"),  # a Sunday inside the window
        ("2026-11-23", "due"),  # due_by itself
        ("2026-11-24", "overdue"),  # today > due_by
    ],
)
def test_check_in_window_buckets(today: str, expected: str) -> None:
    # L = Fri 11-13: the window is Fri 11-20 .. Mon 11-23.
    item = opportunity("2026-11-12 interview", "2026-11-13 thank-you", "2026-11-13 note")
    assert actions(item, today) == [("check-in-call", "2026-11-20", "2026-11-23", expected)]


# --- Rule 3: follow_up.next -------------------------------------------------------------------


def test_follow_up_next_replaces_the_follow_up_call_date() -> None:
    # The contact asked for a call on Tue 12-01: due = due_by = 12-01, not B+3 = Thu 11-05.
    item = opportunity("2026-11-02 applied", next_call="2026-12-01")
    assert actions(item, "2026-11-03") == [("follow-up-call", "2026-12-01", "2026-12-01", "later")]


def test_follow_up_next_replaces_the_check_in_window() -> None:
    item = opportunity(
        "2026-11-12 interview",
        "2026-11-13 thank-you",
        "2026-11-13 note",
        next_call="2026-12-07",
    )
    assert actions(item, "2026-12-07") == [("check-in-call", "2026-12-07", "2026-12-07", "due")]


def test_follow_up_next_does_not_move_the_thank_you_call() -> None:
    # The thank-you call and note after Thu 11-12 are due Fri 11-13 whatever the contact
    # asked for; no check-in is owed before the thank-you call.
    item = opportunity("2026-11-02 applied", "2026-11-12 interview", next_call="2026-11-20")
    assert actions(item, "2026-11-13") == [
        ("thank-you-call", "2026-11-13", "2026-11-13", "due"),
        ("handwritten-note", "2026-11-13", "2026-11-13", "due"),
    ]


@pytest.mark.parametrize("stale", ["2026-11-05", "2026-11-01"])
def test_stale_follow_up_next_is_ignored(stale: str) -> None:
    # On or before L (Thu 11-05): ignored, so B+3 of Thu 11-05 = Tue 11-10 (Fri 6, Mon 9, Tue 10).
    item = opportunity("2026-11-02 applied", "2026-11-05 follow-up", next_call=stale)
    assert actions(item, "2026-11-06") == [
        ("follow-up-call", "2026-11-10", "2026-11-10", "upcoming")
    ]
    assert list(plan(item, D("2026-11-06"), US).warnings) == [
        Problem(
            "journal/acme.md",
            3,
            f"follow_up.next ({stale}) is not after the last event (2026-11-05): "
            "it is stale and ignored",
            "warning",
        )
    ]


def test_follow_up_next_becomes_stale_once_a_later_event_is_logged() -> None:
    # Asked for Mon 11-09, but a reply came on Tue 11-10: B+3 of Tue 11-10 = Mon 11-16
    # (Wed 11 Veterans Day, Thu 12 (1), Fri 13 (2), Mon 16 (3)).
    item = opportunity("2026-11-02 applied", "2026-11-10 reply", next_call="2026-11-09")
    assert actions(item, "2026-11-10") == [
        ("follow-up-call", "2026-11-16", "2026-11-16", "upcoming")
    ]


# --- Rule 4: a scheduled interview ------------------------------------------------------------


def test_scheduled_interview_replaces_the_follow_up_call() -> None:
    # Applied Mon 11-02; an interview is set for Fri 11-20. On Tue 11-10 only the interview
    # shows: 11-20 > 11-10 + 7 = 11-17, so it is later.
    item = opportunity("2026-11-02 applied", "2026-11-20 interview")
    assert actions(item, "2026-11-10") == [("interview", "2026-11-20", "2026-11-20", "later")]
    # On Mon 11-16, 11-20 ≤ 11-23: upcoming.
    assert actions(item, "2026-11-16") == [("interview", "2026-11-20", "2026-11-20", "upcoming")]


def test_scheduled_interview_keeps_the_thank_you_owed_for_an_earlier_one() -> None:
    # First interview Thu 11-12 (thanks owed Fri 11-13), second set for Tue 11-24.
    # On Tue 11-17: the thanks are overdue; 11-24 = 11-17 + 7, the horizon edge: upcoming.
    item = opportunity("2026-11-02 applied", "2026-11-12 interview", "2026-11-24 interview")
    assert actions(item, "2026-11-17") == [
        ("thank-you-call", "2026-11-13", "2026-11-13", "overdue"),
        ("handwritten-note", "2026-11-13", "2026-11-13", "overdue"),
        ("interview", "2026-11-24", "2026-11-24", "upcoming"),
    ]


def test_scheduled_interview_suppresses_the_check_in() -> None:
    item = opportunity(
        "2026-11-12 interview",
        "2026-11-13 thank-you",
        "2026-11-13 note",
        "2026-11-30 interview",
    )
    assert actions(item, "2026-11-20") == [("interview", "2026-11-30", "2026-11-30", "later")]


def test_scheduled_interview_wins_over_follow_up_next() -> None:
    item = opportunity("2026-11-02 applied", "2026-11-30 interview", next_call="2026-11-20")
    assert actions(item, "2026-11-10") == [("interview", "2026-11-30", "2026-11-30", "later")]


def test_only_the_earliest_scheduled_interview_is_listed() -> None:
    item = opportunity("2026-11-02 applied", "2026-12-07 interview", "2026-11-30 meeting")
    assert actions(item, "2026-11-24") == [("interview", "2026-11-30", "2026-11-30", "upcoming")]


def test_a_scheduled_interview_on_today_has_happened() -> None:
    # Dated today, the interview is past: thanks due B+1 of Tue 11-24 = Wed 11-25.
    item = opportunity("2026-11-02 applied", "2026-11-24 interview")
    assert actions(item, "2026-11-24") == [
        ("thank-you-call", "2026-11-25", "2026-11-25", "upcoming"),
        ("handwritten-note", "2026-11-25", "2026-11-25", "upcoming"),
    ]


# --- A second round, a networking meeting -----------------------------------------------------


def test_second_round_owes_new_thanks() -> None:
    # Round 1 Mon 11-02, thanked Tue 11-03. Round 2 Thu 11-12: I is now 11-12, the thanks of
    # 11-03 came before it, so both are owed again, B+1 = Fri 11-13; no check-in yet.
    item = opportunity(
        "2026-10-26 applied",
        "2026-11-02 interview",
        "2026-11-03 thank-you",
        "2026-11-03 note",
        "2026-11-12 interview",
    )
    assert actions(item, "2026-11-13") == [
        ("thank-you-call", "2026-11-13", "2026-11-13", "due"),
        ("handwritten-note", "2026-11-13", "2026-11-13", "due"),
    ]


def test_second_round_check_in_after_the_new_thanks() -> None:
    # After round 2's thanks on Fri 11-13: L+7 = Fri 11-20, L+10 = Mon 11-23.
    item = opportunity(
        "2026-11-02 interview",
        "2026-11-03 thank-you",
        "2026-11-03 note",
        "2026-11-12 interview",
        "2026-11-13 thank-you",
        "2026-11-13 note",
    )
    assert actions(item, "2026-11-13") == [
        ("check-in-call", "2026-11-20", "2026-11-23", "upcoming")
    ]


def test_networking_meeting_is_an_interview() -> None:
    # Contacted Mon 11-02, met Thu 11-05 for an informational interview: thanks due Fri 11-06.
    item = opportunity("2026-11-02 contacted", "2026-11-05 meeting", kind="networking")
    assert actions(item, "2026-11-05") == [
        ("thank-you-call", "2026-11-06", "2026-11-06", "upcoming"),
        ("handwritten-note", "2026-11-06", "2026-11-06", "upcoming"),
    ]


def test_networking_meeting_check_in_and_scheduled_meeting() -> None:
    met = opportunity(
        "2026-11-05 meeting", "2026-11-06 thank-you", "2026-11-06 note", kind="networking"
    )
    # L = Fri 11-06: L+7 = Fri 11-13, L+10 = Mon 11-16.
    assert actions(met, "2026-11-09") == [("check-in-call", "2026-11-13", "2026-11-16", "upcoming")]
    ahead = opportunity("2026-11-02 contacted", "2026-11-09 meeting", kind="networking")
    assert actions(ahead, "2026-11-04") == [("interview", "2026-11-09", "2026-11-09", "upcoming")]


# --- Same-day ordering ------------------------------------------------------------------------


def test_interview_then_thank_you_on_one_day_keeps_file_order() -> None:
    # Thu 11-12: interview, then the thank-you call that evening (file order). The call comes
    # after I: no thank-you-call; the note is owed (Fri 11-13); the check-in window is
    # L+7 = Thu 11-19 .. L+10 = Sun 11-22 → roll Mon 11-23.
    item = opportunity("2026-11-02 applied", "2026-11-12 interview", "2026-11-12 thank-you")
    assert actions(item, "2026-11-13") == [
        ("handwritten-note", "2026-11-13", "2026-11-13", "due"),
        ("check-in-call", "2026-11-19", "2026-11-23", "upcoming"),
    ]


def test_thank_you_then_interview_on_one_day_keeps_file_order() -> None:
    # The same two events in the other order: the thank-you (for something earlier) comes
    # before the interview, so the thank-you call for the interview is still owed.
    item = opportunity("2026-11-02 applied", "2026-11-12 thank-you", "2026-11-12 interview")
    assert actions(item, "2026-11-13") == [
        ("thank-you-call", "2026-11-13", "2026-11-13", "due"),
        ("handwritten-note", "2026-11-13", "2026-11-13", "due"),
    ]


def test_same_day_order_survives_sorting_of_an_unsorted_file() -> None:
    # Written out of date order; sorted by date, the two 11-12 events keep their file order
    # (interview, then thank-you), so it is the same case as above.
    item = opportunity("2026-11-12 interview", "2026-11-02 applied", "2026-11-12 thank-you")
    assert actions(item, "2026-11-13") == [
        ("handwritten-note", "2026-11-13", "2026-11-13", "due"),
        ("check-in-call", "2026-11-19", "2026-11-23", "upcoming"),
    ]


# --- Buckets and the horizon ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        ("2026-11-12", "later"),  # 11-12 + 7 = 11-19 < 11-20
        ("2026-11-13", "upcoming"),  # 11-13 + 7 = 11-20: due == today + horizon is upcoming
        ("2026-11-19", "upcoming"),
        ("2026-11-20", "due"),
        ("2026-11-21", "overdue"),
    ],
)
def test_buckets_and_the_horizon_edge(today: str, expected: str) -> None:
    item = opportunity("2026-11-02 applied", next_call="2026-11-20")
    assert actions(item, today) == [("follow-up-call", "2026-11-20", "2026-11-20", expected)]


@pytest.mark.parametrize(
    ("due", "due_by", "today", "horizon", "expected"),
    [
        ("2026-11-20", "2026-11-23", "2026-11-24", 7, "overdue"),
        ("2026-11-20", "2026-11-23", "2026-11-23", 7, "due"),
        ("2026-11-20", "2026-11-23", "2026-11-20", 7, "due"),
        ("2026-11-20", "2026-11-23", "2026-11-19", 0, "later"),
        ("2026-11-20", "2026-11-23", "2026-11-19", 1, "upcoming"),
        ("2026-12-04", "2026-12-04", "2026-11-20", 14, "upcoming"),
        ("2026-12-05", "2026-12-05", "2026-11-20", 14, "later"),
    ],
)
def test_bucket(due: str, due_by: str, today: str, horizon: int, expected: str) -> None:
    assert bucket(D(due), D(due_by), D(today), horizon) == expected


def test_custom_horizon_days() -> None:
    # Due Thu 11-05; on Mon 11-02 it is 3 days ahead: later with a 2-day horizon, upcoming
    # with a 3-day one.
    item = opportunity("2026-11-02 applied")
    short, edge = Settings(horizon_days=2), Settings(horizon_days=3)
    assert actions(item, "2026-11-02", short) == [
        ("follow-up-call", "2026-11-05", "2026-11-05", "later")
    ]
    assert actions(item, "2026-11-02", edge) == [
        ("follow-up-call", "2026-11-05", "2026-11-05", "upcoming")
    ]


# --- Closed, paused, leads --------------------------------------------------------------------


@pytest.mark.parametrize("status", ["offer", "hired", "rejected", "withdrawn", "closed"])
def test_a_closing_status_closes(status: str) -> None:
    item = opportunity("2026-11-02 applied", "2026-11-30 interview", status=status)
    assert actions(item, "2026-11-10") == []


@pytest.mark.parametrize("event", ["offer", "hired", "rejected", "withdrawn", "closed"])
def test_a_past_closing_event_closes(event: str) -> None:
    item = opportunity("2026-11-02 applied", "2026-11-12 interview", f"2026-11-16 {event}")
    assert actions(item, "2026-11-16") == []  # dated today is past already
    assert actions(item, "2026-12-31") == []


def test_a_future_closing_event_does_not_close() -> None:
    # An offer dated Mon 11-30 on Mon 11-16 is ignored (and warned about): the thanks for the
    # interview of Thu 11-12 are still owed (Fri 11-13, overdue).
    item = opportunity("2026-11-02 applied", "2026-11-12 interview", "2026-11-30 offer")
    assert actions(item, "2026-11-16") == [
        ("thank-you-call", "2026-11-13", "2026-11-13", "overdue"),
        ("handwritten-note", "2026-11-13", "2026-11-13", "overdue"),
    ]
    assert actions(item, "2026-11-30") == []


def test_paused_has_no_actions() -> None:
    item = opportunity("2026-11-02 applied", "2026-11-30 interview", status="paused")
    assert actions(item, "2026-11-10") == []


@pytest.mark.parametrize(
    "events",
    [
        (),
        ("2026-11-20 applied",),  # only a future event: still a lead today
    ],
)
def test_a_lead_has_no_actions(events: tuple[str, ...]) -> None:
    assert actions(opportunity(*events), "2026-11-10") == []


def test_a_lead_with_a_booked_interview_shows_the_interview() -> None:
    """guide/rules.md §4: a lead's only possible action is rule 4's interview."""
    item = opportunity("2026-11-20 interview", "2026-11-25 meeting")
    assert actions(item, "2026-11-10") == [("interview", "2026-11-20", "2026-11-20", "later")]
    planned = plan(item, D("2026-11-10"), US)
    assert planned.status == "lead" and planned.scheduled.date == D("2026-11-20")


# --- Custom settings --------------------------------------------------------------------------


def test_custom_follow_up_business_days() -> None:
    # Five business days from Fri 11-06: Mon 9 (1), Tue 10 (2), Wed 11 Veterans Day,
    # Thu 12 (3), Fri 13 (4), Mon 16 (5).
    item = opportunity("2026-11-06 applied")
    assert actions(item, "2026-11-06", Settings(follow_up_business_days=5)) == [
        ("follow-up-call", "2026-11-16", "2026-11-16", "later")
    ]
    # One business day from Fri 11-06: Mon 11-09.
    assert actions(item, "2026-11-06", Settings(follow_up_business_days=1)) == [
        ("follow-up-call", "2026-11-09", "2026-11-09", "upcoming")
    ]


def test_custom_check_in_days() -> None:
    item = opportunity("2026-11-12 interview", "2026-11-13 thank-you", "2026-11-13 note")
    # L = Fri 11-13. [3, 5]: L+3 = Mon 11-16, L+5 = Wed 11-18.
    assert actions(item, "2026-11-13", Settings(check_in_days=(3, 5))) == [
        ("check-in-call", "2026-11-16", "2026-11-18", "upcoming")
    ]
    # [1, 2]: L+1 = Sat 11-14 and L+2 = Sun 11-15, both roll to Mon 11-16.
    assert actions(item, "2026-11-13", Settings(check_in_days=(1, 2))) == [
        ("check-in-call", "2026-11-16", "2026-11-16", "upcoming")
    ]


def test_days_off_move_the_dates() -> None:
    # With Thu 11-05 off: Mon 11-02 + 3 = Tue 3, Wed 4, (Thu 5 off), Fri 6.
    off = Calendar(holiday_source("US", None, {}), frozenset({D("2026-11-05")}))
    item = opportunity("2026-11-02 applied")
    assert actions(item, "2026-11-02", calendar=off) == [
        ("follow-up-call", "2026-11-06", "2026-11-06", "upcoming")
    ]


def test_illinois_calendar_moves_the_thank_you_call() -> None:
    # Interview Wed 2026-02-11; Thu 02-12 is Lincoln's Birthday in Illinois only.
    illinois = Calendar(holiday_source("US", "IL", {}))
    item = opportunity("2026-02-02 applied", "2026-02-11 interview")
    assert by_action(item, "2026-02-11", calendar=illinois)["thank-you-call"][0] == "2026-02-13"
    assert by_action(item, "2026-02-11")["thank-you-call"][0] == "2026-02-12"


def test_gb_calendar_moves_the_thank_you_call_past_boxing_day_observed() -> None:
    # Interview Thu 2026-12-24. GB: Fri 25 Christmas, Sat 26 Boxing Day observed Mon 28,
    # so B+1 = Tue 12-29. US: Fri 25 only, so Mon 12-28.
    gb = Calendar(holiday_source("GB", None, {}))
    item = opportunity("2026-12-01 applied", "2026-12-24 interview")
    assert by_action(item, "2026-12-24", calendar=gb)["thank-you-call"][0] == "2026-12-29"
    assert by_action(item, "2026-12-24")["thank-you-call"][0] == "2026-12-28"


# --- plan_journal and the date warnings ---------------------------------------------------


def test_plan_journal_sorts_by_due_company_the_methods_order_then_file() -> None:
    beta = opportunity("2026-11-02 applied", company="Beta", path="journal/beta.md")
    acme = opportunity("2026-11-12 interview", company="Acme", path="journal/acme.md")
    acme2 = opportunity("2026-11-02 applied", company="Acme", path="journal/acme-2.md")
    planned = plan_journal([beta, acme, acme2], D("2026-11-13"), US, DEFAULTS).actions
    assert [(a.due.isoformat(), a.opportunity.path, a.action) for a in planned] == [
        ("2026-11-05", "journal/acme-2.md", "follow-up-call"),
        ("2026-11-05", "journal/beta.md", "follow-up-call"),
        ("2026-11-13", "journal/acme.md", "thank-you-call"),  # the call before the note
        ("2026-11-13", "journal/acme.md", "handwritten-note"),
    ]


def test_date_warnings_for_future_events_other_than_interviews() -> None:
    item = opportunity(
        "2026-11-02 applied",
        "2026-11-20 follow-up",
        "2026-11-24 interview",
        "2026-11-30 meeting",
        "2026-12-01 offer",
    )
    assert list(plan(item, D("2026-11-10"), US).warnings) == [
        Problem(
            "journal/acme.md",
            11,
            "'follow-up' is dated 2026-11-20, after today: the rules ignore it until then",
            "warning",
        ),
        Problem(
            "journal/acme.md",
            14,
            "'offer' is dated 2026-12-01, after today: the rules ignore it until then",
            "warning",
        ),
    ]


def test_no_date_warnings_for_a_tidy_file() -> None:
    item = opportunity("2026-11-02 applied", "2026-11-24 interview", next_call="2026-11-20")
    assert list(plan(item, D("2026-11-10"), US).warnings) == []
    # A call-back date on a lead cannot be stale: there is no L.
    assert list(plan(opportunity(next_call="2026-11-01"), D("2026-11-10"), US).warnings) == []
