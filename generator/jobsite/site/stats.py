"""The numbers of the stats page: how often you follow up, and how opportunities move.

"Followed up" after an interview means what guide/rules.md §1 asks for: a thank-you call (or any
follow-up) within one business day, and a handwritten note. The facts come from the rules
(`after_interviews`, the plans' statuses), so the stats never count as missed what the due
list still shows as due.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from statistics import median
from typing import TYPE_CHECKING

from jobsite.model import Opportunity, Plan
from jobsite.rules.followups import AfterInterview, after_interviews, past_events
from jobsite.vocabulary import CLOSING, INTERVIEWS

if TYPE_CHECKING:
    from jobsite.rules.agenda import Agenda

_REPLIES = (*INTERVIEWS, "reply", *CLOSING)


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
    """The stats of every opportunity in `agenda` as of its day, from the rules' plans."""
    today, calendar = agenda.today, agenda.calendar
    followed = [
        done
        for plan in agenda.plans
        for done in after_interviews(plan.opportunity, today, calendar)
    ]
    return Stats(
        _rate("Interviews", followed, networking=False),
        _rate("Networking meetings", followed, networking=True),
        _funnel(agenda.plans),
        _response_times(agenda.plans, today),
    )


def _rate(label: str, followed: list[AfterInterview], *, networking: bool) -> FollowUpRate:
    """Interviews count once their thank-you was due and is past (what was not done by then
    was missed), or sooner where both the call and the note are done."""
    counted = [
        f
        for f in followed
        if _is_networking(f.opportunity, f.interview.type) == networking
        and (f.settled or (f.called and f.noted))
    ]
    return FollowUpRate(
        label, len(counted), sum(f.called for f in counted), sum(f.noted for f in counted)
    )


def _is_networking(opportunity: Opportunity, event_type: str) -> bool:
    return event_type == "meeting" or opportunity.kind == "networking"


def _funnel(plans: tuple[Plan, ...]) -> tuple[tuple[str, int], ...]:
    started = [p for p in plans if p.last is not None]
    return (
        ("Contacted or applied", len(started)),
        ("Interviewed or met", sum(p.interview is not None for p in started)),
        ("Definite yes or no", sum(p.status in CLOSING for p in started)),
        ("Offer or hired", sum(p.status in ("offer", "hired") for p in started)),
    )


def _response_times(plans: tuple[Plan, ...], today: date) -> tuple[ResponseTime, ...]:
    times = []
    for plan in plans:
        outreach = plan.outreach
        if outreach is None:
            continue
        past = past_events(plan.opportunity, today)
        answer = next((e for e in past if e.type in _REPLIES and e.date >= outreach.date), None)
        times.append(
            ResponseTime(
                plan.opportunity.company,
                plan.opportunity.path,
                outreach.date,
                answer.date if answer else None,
            )
        )
    return tuple(sorted(times, key=lambda r: (r.company.casefold(), r.path)))
