"""The follow-up rules of SPEC §4, as pure functions of (opportunity, today, calendar, settings).

Nothing here reads the clock or the disk: `today`, the business-day calendar and the settings
are parameters, so the rules can be tested on any date and swept by property tests.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from jobsite.journal.settings import Settings
from jobsite.model import CLOSING, INTERVIEWS, Action, Event, Opportunity, Problem
from jobsite.rules.workdays import Calendar

DEFAULTS = Settings()

_CONTACTED_AFTER = ("thank-you", "follow-up")


def past_events(opportunity: Opportunity, today: date) -> list[Event]:
    """Events dated on or before today, by date; one date's events keep their file order."""
    return sorted((e for e in opportunity.events if e.date <= today), key=lambda e: e.date)


def is_closed(opportunity: Opportunity, today: date) -> bool:
    """A closing status, or any past closing event: a definite yes or no (SPEC §4)."""
    return opportunity.status in CLOSING or any(
        e.type in CLOSING and e.date <= today for e in opportunity.events
    )


def scheduled_interview(opportunity: Opportunity, today: date) -> Event | None:
    """The earliest `interview` or `meeting` dated after today, if any."""
    ahead = [e for e in opportunity.events if e.type in INTERVIEWS and e.date > today]
    return min(ahead, key=lambda e: e.date) if ahead else None


def plan(
    opportunity: Opportunity, today: date, calendar: Calendar, settings: Settings = DEFAULTS
) -> list[Action]:
    """Every action owed for `opportunity` on `today` (SPEC §4), each with its bucket."""
    if is_closed(opportunity, today) or opportunity.status == "paused":
        return []
    past = past_events(opportunity, today)
    if not past:
        return []  # a lead: the site lists leads on their own
    last = past[-1]
    interview_at = max((i for i, e in enumerate(past) if e.type in INTERVIEWS), default=None)
    scheduled = scheduled_interview(opportunity, today)
    owed: list[tuple[str, date, date]] = []

    # Rule 3: a call-back date the contact asked for, unless it is stale.
    asked = opportunity.follow_up_next
    if asked is not None and asked <= last.date:
        asked = None

    if interview_at is None:
        # Rule 1 (and rule 4: nothing while an interview lies ahead).
        if scheduled is None:
            due = asked or calendar.add_business_days(last.date, settings.follow_up_business_days)
            owed.append(("follow-up-call", due, due))
    else:
        interview = past[interview_at]
        after = [e.type for e in past[interview_at + 1 :]]
        next_day = calendar.add_business_days(interview.date, 1)
        called = any(t in _CONTACTED_AFTER for t in after)
        if not called:
            owed.append(("thank-you-call", next_day, next_day))
        if "note" not in after:
            owed.append(("handwritten-note", next_day, next_day))
        if called and scheduled is None:
            if asked is not None:
                owed.append(("check-in-call", asked, asked))
            else:
                first, last_day = settings.check_in_days
                owed.append(
                    (
                        "check-in-call",
                        calendar.roll(last.date + timedelta(days=first)),
                        calendar.roll(last.date + timedelta(days=last_day)),
                    )
                )

    if scheduled is not None:
        owed.append(("interview", scheduled.date, scheduled.date))

    return [
        Action(opportunity, action, due, due_by, bucket(due, due_by, today, settings.horizon_days))
        for action, due, due_by in owed
    ]


def bucket(due: date, due_by: date, today: date, horizon_days: int) -> str:
    """overdue (past due_by), due (within the window), upcoming (within the horizon), later."""
    if today > due_by:
        return "overdue"
    if due <= today:
        return "due"
    if due <= today + timedelta(days=horizon_days):
        return "upcoming"
    return "later"


def plan_all(
    opportunities: Iterable[Opportunity],
    today: date,
    calendar: Calendar,
    settings: Settings = DEFAULTS,
) -> list[Action]:
    """The actions of every opportunity, in SPEC §5 order (due, company, action, file)."""
    actions = [a for o in opportunities for a in plan(o, today, calendar, settings)]
    actions.sort(key=lambda a: a.sort_key)
    return actions


def date_warnings(opportunity: Opportunity, today: date) -> list[Problem]:
    """What `jobsite check` warns about that depends on today (SPEC §4).

    An event other than an interview dated after today is ignored by the rules; a
    `follow_up.next` on or before the last event is stale and ignored.
    """
    problems = [
        Problem(
            opportunity.path,
            e.line,
            f"'{e.type}' is dated {e.date}, after today: the rules ignore it until then",
            "warning",
        )
        for e in opportunity.events
        if e.date > today and e.type not in INTERVIEWS
    ]
    past = past_events(opportunity, today)
    asked = opportunity.follow_up_next
    if asked is not None and past and asked <= past[-1].date:
        problems.append(
            Problem(
                opportunity.path,
                opportunity.follow_up_line,
                f"follow_up.next ({asked}) is not after the last event ({past[-1].date}): "
                "it is stale and ignored",
                "warning",
            )
        )
    return problems
