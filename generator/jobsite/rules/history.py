"""Every follow-up the rules asked for in the past, and what became of it (the weekly review).

The rules of guide/rules.md §4 say what is owed on one day. Asked on each day the journal changed,
they say what was owed all along: `follow_up_history` replays them, one state per date that has
events, and follows each follow-up (a follow-up call, a thank-you call, a handwritten note, a
check-in call) from the state that first asks for it to the state that no longer does.

Definitions, for one follow-up with its `due` and `due_by` (guide/rules.md §4):

- **Owed**: the rules asked for it in some state. Each follow-up is counted once, in the week
  its `due` date falls in (`jobsite.site.weekly`). One the rules stopped asking for before
  its `due_by` had passed, without your doing it (a reply, an interview or a decision came
  first, so the call was no longer needed), was never owed and is not counted.
- **Done**: it stopped being asked for on a day you logged the event that does it: a
  `follow-up` (`call`, `voicemail`, `email`) for a follow-up call; a `thank-you` or a
  `follow-up` for a thank-you call or a check-in call; a `note` for a handwritten note.
  **On time** where that day is on or before `due_by` (early counts as on time); **late**
  where it is after.
- **Missed**: its `due_by` passed without that, either because it is still owed today (it
  is overdue: done later, it becomes late), or because the rules stopped asking for it after
  its `due_by` without your doing it (the reply came, but after the day you should have
  called).
- **Open**: still owed today, and its `due_by` is today or later.

States: the state on a date D is the opportunity with only its events dated on or before D,
planned for D. A follow-up is the same from one state to the next while its action and the
event that gave rise to it (`Action.trigger`) are the same. The last state is today's plan,
as `jobsite due` shows it; `status` and `follow_up.next` as written count only there, since
nothing says when a status was set, a call-back date asked for or an interview booked. So a
follow-up that only today's state drops (the opportunity is paused or closed by its status,
or an interview is booked) is not counted, and one whose call-back date the contact asked
for is due on that date.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from jobsite.journal.settings import Settings
from jobsite.model import Action, Event, FollowUp, Opportunity, Plan
from jobsite.rules.followups import past_events, plan
from jobsite.rules.workdays import Calendar

# The event types that do each follow-up (`call`, `voicemail` and `email` are `follow-up`).
DONE_BY = {
    "follow-up-call": ("follow-up",),
    "thank-you-call": ("thank-you", "follow-up"),
    "handwritten-note": ("note",),
    "check-in-call": ("follow-up", "thank-you"),
}
OUTCOMES = ("on time", "late", "missed", "open")


def follow_up_history(
    opportunity: Opportunity,
    today: date,
    calendar: Calendar,
    settings: Settings,
    current: Plan | None = None,
) -> tuple[FollowUp, ...]:
    """Every follow-up owed by `opportunity` up to `today`, with its outcome.

    `current` is today's plan where the caller has it, else it is made here.
    """
    past = past_events(opportunity, today)
    following: dict[tuple[str, int], Action] = {}
    found: list[FollowUp] = []
    for day in sorted({event.date for event in past}):
        state = replace(
            opportunity,
            events=tuple(e for e in opportunity.events if e.date <= day),
            status="active",
            follow_up_next=None,
        )
        owed = _follow_ups(plan(state, day, calendar, settings).actions)
        events = [e for e in past if e.date == day]
        for key in [key for key in following if key not in owed]:
            _settle(found, following.pop(key), day, events)
        following = owed
    # Today's state may drop what the last one asked for (a status, a booked interview):
    # nothing says when that happened, so those are not counted.
    now = _follow_ups((current or plan(opportunity, today, calendar, settings)).actions)
    for action in now.values():
        outcome = "missed" if today > action.due_by else "open"
        found.append(FollowUp(action.action, action.due, action.due_by, outcome))
    return tuple(found)


def _follow_ups(actions: tuple[Action, ...]) -> dict[tuple[str, int], Action]:
    """The follow-ups of a state, by (action, the event that gave rise to it)."""
    return {(a.action, id(a.trigger)): a for a in actions if a.action in DONE_BY}


def _settle(found: list[FollowUp], action: Action, day: date, events: list[Event]) -> None:
    """`action` stopped being asked for on `day`, the day of `events`: done, missed or never
    owed (see the module docstring)."""
    kind, due, due_by = action.action, action.due, action.due_by
    if any(event.type in DONE_BY[kind] for event in events):
        outcome = "on time" if day <= due_by else "late"
        found.append(FollowUp(kind, due, due_by, outcome, day))
    elif day > due_by:
        found.append(FollowUp(kind, due, due_by, "missed"))
