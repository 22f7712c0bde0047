"""The weekly review of the stats page, and this week's progress towards `weekly_goal`.

Weeks run Monday to Sunday; the last of them is the week of today, so far. Per week:

- the follow-ups **owed**, **on time**, **late**, **missed** and still **open**, each counted
  in the week its due date falls in, as `jobsite.rules.history` defines them (so
  owed = on time + late + missed + open); in the week of today, those due up to today;
- the **applications** and **first contacts**: the `applied` and `contacted` events dated in
  the week;
- the **follow-ups made**: the calls and notes you logged in the week (`follow-up` with its
  aliases `call`, `voicemail` and `email`, `thank-you`, `note`), whatever they were for.

`weekly_goal` sets a number a week for `applications`, `first_contacts` and `follow_ups` (the
follow-ups made); the home page shows this week's count against each.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from jobsite.rules.followups import past_events
from jobsite.rules.history import FollowUp, follow_up_history

if TYPE_CHECKING:
    from jobsite.rules.agenda import Agenda

WEEKS = 8
MADE = ("follow-up", "thank-you", "note")  # the events that are a call or a note you made
GOAL_LABELS = {
    "applications": "Applications",
    "first_contacts": "First contacts",
    "follow_ups": "Calls and notes",
}


@dataclass(frozen=True, slots=True)
class Week:
    """One Monday-to-Sunday week of the review."""

    start: date  # its Monday
    owed: int = 0
    on_time: int = 0
    late: int = 0
    missed: int = 0
    open: int = 0
    applications: int = 0
    first_contacts: int = 0
    follow_ups: int = 0  # calls and notes made in the week

    @property
    def end(self) -> date:
        """Its Sunday."""
        return self.start + timedelta(days=6)

    @property
    def done(self) -> int:
        """The follow-ups due this week that were done, on time or late."""
        return self.on_time + self.late


@dataclass(frozen=True, slots=True)
class Goal:
    """One number of `weekly_goal` and how far this week has come."""

    name: str  # of settings.GOALS
    label: str
    target: int
    reached: int


def monday_of(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


def weekly_review(agenda: Agenda, weeks: int = WEEKS) -> tuple[Week, ...]:
    """The last `weeks` weeks up to the week of `agenda.today`, oldest first."""
    today = agenda.today
    first = monday_of(today) - timedelta(weeks=weeks - 1)
    owed: list[FollowUp] = []
    events: Counter[tuple[date, str]] = Counter()
    since = first - timedelta(days=_reach(agenda))
    for planned in agenda.plans:
        opportunity = planned.opportunity
        asked = opportunity.follow_up_next
        if all(e.date < since for e in opportunity.events) and (asked is None or asked < first):
            continue  # nothing it owed can fall in these weeks
        owed += follow_up_history(
            opportunity, today, agenda.calendar, agenda.settings, current=planned
        )
        for event in past_events(opportunity, today):
            if event.date >= first:
                events[monday_of(event.date), event.type] += 1
    outcomes: Counter[tuple[date, str]] = Counter(
        (monday_of(f.due), f.outcome) for f in owed if f.due >= first and f.due <= today
    )
    found = []
    for index in range(weeks):
        start = first + timedelta(weeks=index)
        counts = {kind: outcomes[start, kind] for kind in ("on time", "late", "missed", "open")}
        found.append(
            Week(
                start,
                owed=sum(counts.values()),
                on_time=counts["on time"],
                late=counts["late"],
                missed=counts["missed"],
                open=counts["open"],
                applications=events[start, "applied"],
                first_contacts=events[start, "contacted"],
                follow_ups=sum(events[start, kind] for kind in MADE),
            )
        )
    return tuple(found)


def goal_progress(agenda: Agenda, week: Week) -> tuple[Goal, ...]:
    """This week's count against each number of the `weekly_goal` setting."""
    reached = {
        "applications": week.applications,
        "first_contacts": week.first_contacts,
        "follow_ups": week.follow_ups,
    }
    return tuple(
        Goal(name, GOAL_LABELS[name], target, reached[name])
        for name, target in agenda.settings.weekly_goal
    )


def _reach(agenda: Agenda) -> int:
    """How many days before its due date a follow-up's event can be: the longest wait the
    settings allow (business days counted generously as two calendar days each)."""
    settings = agenda.settings
    return max(2 * settings.follow_up_business_days + 7, settings.check_in_days[1] + 7)
