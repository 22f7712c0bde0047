"""The weekly review of the stats page, and this week's progress towards `weekly_goal`.

Weeks run Monday to Sunday; the last of them is the week of today, so far. Per week:

- the follow-ups **owed**, **on time**, **late**, **missed** and still **open**, each counted
  in the week its due date falls in, as `jobsite.rules.history` defines them (so
  owed = on time + late + missed + open); in the week of today, those due up to today;
- the **applications** and **first contacts**: the `applied` and `contacted` events dated in
  the week;
- the **follow-ups made**: the calls and notes you logged in the week (`follow-up` with its
  aliases `call`, `voicemail` and `email`, `thank-you`, `note`), whatever they were for.

The follow-ups come from the plans (`Plan.history`, made by the rules for the weeks asked:
`review_start`); this module only counts them. `weekly_goal` sets a number a week for
`applications`, `first_contacts` and `follow_ups` (the follow-ups made); the home page shows
this week's count against each.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from jobsite.model import Plan

WEEKS = 8
MADE = ("follow-up", "thank-you", "note")  # the events that are a call or a note you made


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

    @property
    def on_time_percent(self) -> int:
        """The share of the follow-ups owed this week done on time (0 with none owed)."""
        return round(100 * self.on_time / self.owed) if self.owed else 0


@dataclass(frozen=True, slots=True)
class Goal:
    """One number of `weekly_goal` and how far this week has come."""

    name: str  # of settings.GOALS
    target: int
    reached: int

    @property
    def percent(self) -> float:
        """How far towards the target, at most 100."""
        return min(100.0, 100 * self.reached / self.target)


def monday_of(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


def review_start(today: date, weeks: int = WEEKS) -> date:
    """The first day of the review that ends with the week of `today`: what the plans are
    made to carry the history from (`build_agenda(review_from=...)`)."""
    # Clamped to the calendar's first day (a Monday): a `--today` in the year 1 has fewer weeks.
    return date.fromordinal(max(1, monday_of(today).toordinal() - 7 * (weeks - 1)))


def weekly_review(plans: Iterable[Plan], today: date, weeks: int = WEEKS) -> tuple[Week, ...]:
    """The weeks of the review up to the week of `today`, oldest first, from plans made
    with their history since `review_start(today, weeks)`."""
    first = review_start(today, weeks)
    outcomes: Counter[tuple[date, str]] = Counter()
    events: Counter[tuple[date, str]] = Counter()
    for planned in plans:
        for follow_up in planned.history or ():
            if first <= follow_up.due <= today:
                outcomes[monday_of(follow_up.due), follow_up.outcome] += 1
        for event in planned.opportunity.events:
            if first <= event.date <= today:
                events[monday_of(event.date), event.type] += 1
    found = []
    for index in range((monday_of(today) - first).days // 7 + 1):
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


def goal_progress(goals: Iterable[tuple[str, int]], week: Week) -> tuple[Goal, ...]:
    """This week's count against each number of the `weekly_goal` setting."""
    reached = {
        "applications": week.applications,
        "first_contacts": week.first_contacts,
        "follow_ups": week.follow_ups,
    }
    return tuple(Goal(name, target, reached[name]) for name, target in goals)
