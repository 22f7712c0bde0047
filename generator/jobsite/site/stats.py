"""The numbers of the stats page: how often you follow up, and how opportunities move.

"Followed up" after an interview means what SPEC §1 asks for: a thank-you call (or any
follow-up) within one business day, and a handwritten note. Only interviews whose next
business day has come are counted, so today's interview does not drag the rate down.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from statistics import median
from typing import TYPE_CHECKING

from jobsite.model import CLOSING, INTERVIEWS, Opportunity
from jobsite.rules.followups import is_closed, past_events

if TYPE_CHECKING:
    from jobsite.rules.agenda import Agenda
    from jobsite.rules.workdays import Calendar

_REPLIES = ("reply", "interview", "meeting", *CLOSING)
_OUTREACH = ("applied", "contacted")


@dataclass(frozen=True, slots=True)
class FollowUpRate:
    """How many interviews (or meetings) were followed by a call in time, and by a note."""

    label: str
    total: int
    called: int
    noted: int

    @property
    def called_percent(self) -> int | None:
        """The share thanked by phone within one business day, or None with no interviews."""
        return round(100 * self.called / self.total) if self.total else None

    @property
    def noted_percent(self) -> int | None:
        """The share followed by a handwritten note, or None with no interviews."""
        return round(100 * self.noted / self.total) if self.total else None


@dataclass(frozen=True, slots=True)
class ResponseTime:
    """Calendar days from your first outreach to their first answer, at one company."""

    company: str
    path: str
    first_outreach: date
    first_answer: date | None

    @property
    def days(self) -> int | None:
        """Days waited, or None while there is no answer yet."""
        return (self.first_answer - self.first_outreach).days if self.first_answer else None


@dataclass(frozen=True, slots=True)
class Stats:
    """Everything the stats page shows."""

    interviews: FollowUpRate
    meetings: FollowUpRate
    funnel: tuple[tuple[str, int], ...]
    response_times: tuple[ResponseTime, ...]

    @property
    def median_response_days(self) -> float | None:
        """The median wait for an answer, over the opportunities that got one."""
        days = [r.days for r in self.response_times if r.days is not None]
        return median(days) if days else None


def compute_stats(agenda: Agenda) -> Stats:
    """The stats of every opportunity in `agenda` as of its day."""
    today, calendar = agenda.today, agenda.calendar
    opportunities = agenda.journal.opportunities
    job = _rate("Interviews", opportunities, today, calendar, networking=False)
    networking = _rate("Networking meetings", opportunities, today, calendar, networking=True)
    return Stats(
        job, networking, _funnel(opportunities, today), _response_times(opportunities, today)
    )


def _is_networking(opportunity: Opportunity, event_type: str) -> bool:
    return event_type == "meeting" or opportunity.kind == "networking"


def _rate(
    label: str,
    opportunities: tuple[Opportunity, ...],
    today: date,
    calendar: Calendar,
    *,
    networking: bool,
) -> FollowUpRate:
    total = called = noted = 0
    for opportunity in opportunities:
        past = past_events(opportunity, today)
        for index, event in enumerate(past):
            if (
                event.type not in INTERVIEWS
                or _is_networking(opportunity, event.type) != networking
            ):
                continue
            deadline = calendar.add_business_days(event.date, 1)
            if deadline > today:
                continue  # the thank-you is not owed yet
            later = past[index + 1 :]
            total += 1
            called += any(
                e.type in ("thank-you", "follow-up") and e.date <= deadline for e in later
            )
            noted += any(e.type == "note" for e in later)
    return FollowUpRate(label, total, called, noted)


def _funnel(opportunities: tuple[Opportunity, ...], today: date) -> tuple[tuple[str, int], ...]:
    started = [o for o in opportunities if past_events(o, today)]
    interviewed = [o for o in started if any(e.type in INTERVIEWS for e in past_events(o, today))]
    decided = [o for o in started if is_closed(o, today)]
    yes = [
        o
        for o in decided
        if o.status in ("offer", "hired")
        or any(e.type in ("offer", "hired") and e.date <= today for e in o.events)
    ]
    return (
        ("Contacted or applied", len(started)),
        ("Interviewed or met", len(interviewed)),
        ("Definite yes or no", len(decided)),
        ("Offer or hired", len(yes)),
    )


def _response_times(
    opportunities: tuple[Opportunity, ...], today: date
) -> tuple[ResponseTime, ...]:
    times = []
    for opportunity in opportunities:
        past = past_events(opportunity, today)
        outreach = next((e for e in past if e.type in _OUTREACH), None)
        if outreach is None:
            continue
        answer = next((e for e in past if e.type in _REPLIES and e.date >= outreach.date), None)
        times.append(
            ResponseTime(
                opportunity.company,
                opportunity.path,
                outreach.date,
                answer.date if answer else None,
            )
        )
    return tuple(sorted(times, key=lambda r: (r.company.casefold(), r.path)))
