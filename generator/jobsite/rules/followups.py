"""The follow-up rules of guide/rules.md §4: pure functions of (opportunity, today, calendar,
settings).

This is the one place that knows when each call and note is due, and why an opportunity owes
nothing: `plan` returns a `Plan` carrying the status, the actions and the events they came
from, and the site, the calendar and the commands read those instead of working them out
again. Nothing here reads the clock or the disk: `today`, the business-day calendar and the
settings are parameters, so the rules can be tested on any date and swept by property tests.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta

from jobsite.journal.settings import Settings
from jobsite.model import Action, AfterInterview, Event, Opportunity, Plan, Problem
from jobsite.rules.workdays import Calendar
from jobsite.vocabulary import CLOSING, INTERVIEWS

DEFAULTS = Settings()

# What counts as the call after an interview: the thank-you call, or any follow-up call.
CALLED_AFTER = ("thank-you", "follow-up")
_OUTREACH = ("applied", "contacted")
# Your own steps: after one of these as the last event, the next word is theirs (rule 5).
_YOURS = (*_OUTREACH, "follow-up", "thank-you", "note")
# The calls that rule 5 turns into a decision: those worked out from the last event.
_QUIETED = ("follow-up-call", "check-in-call")
# What counts as their answer to an outreach (the stats' response times).
_ANSWERS = (*INTERVIEWS, "reply", *CLOSING)


def past_events(opportunity: Opportunity, today: date) -> list[Event]:
    """Events dated on or before today, by date; one date's events keep their file order."""
    return sorted((e for e in opportunity.events if e.date <= today), key=lambda e: e.date)


def scheduled_interview(opportunity: Opportunity, today: date) -> Event | None:
    """The earliest `interview` or `meeting` dated after today, if any."""
    ahead = [e for e in opportunity.events if e.type in INTERVIEWS and e.date > today]
    return min(ahead, key=lambda e: e.date) if ahead else None


def status(opportunity: Opportunity, past: list[Event]) -> str:
    """The status a reader should see: a closing status as written, else the last past
    closing event, else `paused`, `lead` (no past event) or `active`."""
    if opportunity.status in CLOSING:
        return opportunity.status
    closing = [e.type for e in past if e.type in CLOSING]
    if closing:
        return closing[-1]
    if opportunity.status == "paused":
        return "paused"
    return "active" if past else "lead"


def thank_you_due(interview: Event, calendar: Calendar) -> date:
    """B+1 of an interview: when its thank-you call and handwritten note are due."""
    return calendar.add_business_days(interview.date, 1)


def plan(
    opportunity: Opportunity, today: date, calendar: Calendar, settings: Settings = DEFAULTS
) -> Plan:
    """What `opportunity` owes on `today` (guide/rules.md §4): its status and its actions, each
    bucketed, with the facts they were worked out from and those the stats and `jobsite check`
    read (the interviews and how they were followed up, the first answer, the date warnings)."""
    past = past_events(opportunity, today)
    scheduled = scheduled_interview(opportunity, today)
    interviews = [e for e in past if e.type in INTERVIEWS]
    outreach = next((e for e in past if e.type in _OUTREACH), None)
    facts = {
        "last": past[-1] if past else None,
        "interview": interviews[-1] if interviews else None,
        "scheduled": scheduled,
        "outreach": outreach,
        "answer": _first_answer(past, outreach),
        "interviews": tuple(_followed_up(past, today, calendar)),
        "warnings": tuple(_date_warnings(opportunity, past, today)),
    }
    state = status(opportunity, past)
    if state == "lead" and scheduled is not None:
        # guide/rules.md §4: a lead's only action is an interview already booked.
        owed = [("interview", scheduled.date, scheduled.date, scheduled)]
    elif state != "active":
        return Plan(opportunity, state, **facts)  # closed, paused, or a lead
    else:
        owed = _owed(opportunity, past, scheduled, calendar, settings)
    quiet = state == "active" and gone_quiet(opportunity, past, today, settings)
    actions = tuple(
        Action(
            opportunity,
            action,
            due,
            due_by,
            bucket(due, due_by, today, settings.horizon_days),
            trigger,
            quiet=quiet and action in _QUIETED,
        )
        for action, due, due_by, trigger in owed
    )
    return Plan(opportunity, state, actions, **facts)


def _owed(
    opportunity: Opportunity,
    past: list[Event],
    scheduled: Event | None,
    calendar: Calendar,
    settings: Settings,
) -> list[tuple[str, date, date, Event]]:
    """Rules 1 to 4 for an active opportunity with past events: (action, due, due_by, trigger)."""
    last = past[-1]
    interview_at = max((i for i, e in enumerate(past) if e.type in INTERVIEWS), default=None)
    owed: list[tuple[str, date, date, Event]] = []

    # Rule 3: a call-back date the contact asked for, unless it is stale.
    asked = opportunity.follow_up_next
    if asked is not None and asked <= last.date:
        asked = None

    if interview_at is None:
        # Rule 1 (and rule 4: nothing while an interview lies ahead).
        if scheduled is None:
            due = asked or calendar.add_business_days(last.date, settings.follow_up_business_days)
            owed.append(("follow-up-call", due, due, last))
    else:
        interview = past[interview_at]
        after = [e.type for e in past[interview_at + 1 :]]
        next_day = thank_you_due(interview, calendar)
        called = any(t in CALLED_AFTER for t in after)
        if not called:
            owed.append(("thank-you-call", next_day, next_day, interview))
        if "note" not in after:
            owed.append(("handwritten-note", next_day, next_day, interview))
        if called and scheduled is None:
            if asked is not None:
                owed.append(("check-in-call", asked, asked, last))
            else:
                first, last_day = settings.check_in_days
                owed.append(
                    (
                        "check-in-call",
                        calendar.roll(last.date + timedelta(days=first)),
                        calendar.roll(last.date + timedelta(days=last_day)),
                        last,
                    )
                )

    if scheduled is not None:
        owed.append(("interview", scheduled.date, scheduled.date, scheduled))
    return owed


def gone_quiet(
    opportunity: Opportunity, past: list[Event], today: date, settings: Settings
) -> bool:
    """Rule 5 of guide/rules.md §4: L is one of your own steps (an application, a first
    contact, a follow-up, a thank-you call or a note), nothing they asked for lies ahead of it
    (`follow_up.next`), and it is `quiet_after_days` or more days before today."""
    if not past:
        return False
    last = past[-1]
    asked = opportunity.follow_up_next
    return (
        last.type in _YOURS
        and (asked is None or asked <= last.date)
        and (today - last.date).days >= settings.quiet_after_days
    )


def bucket(due: date, due_by: date, today: date, horizon_days: int) -> str:
    """overdue (past due_by), due (within the window), upcoming (within the horizon), later."""
    if today > due_by:
        return "overdue"
    if due <= today:
        return "due"
    if (due - today).days <= horizon_days:
        return "upcoming"
    return "later"


def ordered_actions(plans: Iterable[Plan]) -> tuple[Action, ...]:
    """All the actions of `plans` in the order of guide/rules.md §6 (due, company, action,
    file)."""
    return tuple(sorted((a for p in plans for a in p.actions), key=lambda a: a.sort_key))


def _first_answer(past: list[Event], outreach: Event | None) -> Event | None:
    """Their first answer to the first outreach: a reply, an interview or meeting, or a
    decision, dated on or after it."""
    if outreach is None:
        return None
    return next((e for e in past if e.type in _ANSWERS and e.date >= outreach.date), None)


def _followed_up(past: list[Event], today: date, calendar: Calendar) -> Iterator[AfterInterview]:
    """Each past interview or meeting with what followed it (guide/rules.md §1): a call by
    B+1, a note after it."""
    for index, event in enumerate(past):
        if event.type not in INTERVIEWS:
            continue
        due = thank_you_due(event, calendar)
        later = past[index + 1 :]
        yield AfterInterview(
            event,
            due,
            called=any(e.type in CALLED_AFTER and e.date <= due for e in later),
            noted=any(e.type == "note" for e in later),
            settled=today > due,
        )


def _date_warnings(opportunity: Opportunity, past: list[Event], today: date) -> Iterator[Problem]:
    """What `jobsite check` warns about that depends on today (guide/rules.md §3 and §4): an
    event other than an interview dated after today is ignored by the rules until then; a
    `follow_up.next` on or before the last event is stale and ignored."""
    for event in opportunity.events:
        if event.date > today and event.type not in INTERVIEWS:
            yield Problem(
                opportunity.path,
                event.line,
                f"'{event.type}' is dated {event.date}, after today: "
                "the rules ignore it until then",
                "warning",
            )
    asked = opportunity.follow_up_next
    if asked is not None and past and asked <= past[-1].date:
        yield Problem(
            opportunity.path,
            opportunity.follow_up_line,
            f"follow_up.next ({asked}) is not after the last event ({past[-1].date}): "
            "it is stale and ignored",
            "warning",
        )
