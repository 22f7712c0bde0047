"""The numbers of the stats page: how often you follow up, and how opportunities move.

"Followed up" after an interview means what guide/rules.md §1 asks for: a thank-you call (or
any follow-up) within one business day, and a handwritten note. Every fact is one the rules
put on the plans (`Plan.interviews`, `Plan.answer`, the statuses), so the stats never count as
missed what the due list still shows as due; this module only counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from statistics import median

from jobsite.model import Plan
from jobsite.vocabulary import CLOSING


@dataclass(frozen=True, slots=True)
class FollowUpRate:
    """How many interviews (or meetings) were followed by a call in time, and by a note."""

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
class Funnel:
    """How many opportunities got how far: started (a contact or an application), to an
    interview or meeting, to a definite yes or no, to an offer or a hire."""

    started: int
    interviewed: int
    decided: int
    offered: int


@dataclass(frozen=True, slots=True)
class Outcomes:
    """How far a group of opportunities got: how many were started (a first contact or an
    application), got an answer, reached an interview or meeting, and an offer or a hire."""

    started: int
    answered: int
    interviewed: int
    offered: int

    def percent(self, number: int) -> int | None:
        """`number` as a share of those started, or None where none was."""
        return round(100 * number / self.started) if self.started else None


@dataclass(frozen=True, slots=True)
class Introductions:
    """The opportunities that came through an introduction (`introduced_by` on the
    opportunity or on its primary contact) beside those that did not: cold applications
    and cold contacts (guide/people.md)."""

    introduced: Outcomes
    cold: Outcomes


@dataclass(frozen=True, slots=True)
class Stats:
    """Everything the stats page shows."""

    interviews: FollowUpRate
    meetings: FollowUpRate
    funnel: Funnel
    response_times: tuple[ResponseTime, ...]
    introductions: Introductions

    @property
    def median_response_days(self) -> float | None:
        """The median wait for an answer, over the opportunities that got one."""
        days = [r.days for r in self.response_times if r.days is not None]
        return median(days) if days else None


def compute_stats(plans: Iterable[Plan]) -> Stats:
    """The stats of the plans of one day."""
    plans = tuple(plans)
    return Stats(
        _rate(plans, networking=False),
        _rate(plans, networking=True),
        _funnel(plans),
        _response_times(plans),
        Introductions(
            _outcomes(p for p in plans if p.opportunity.referral),
            _outcomes(p for p in plans if not p.opportunity.referral),
        ),
    )


def _rate(plans: tuple[Plan, ...], *, networking: bool) -> FollowUpRate:
    """Interviews count once their thank-you was due and is past (what was not done by then
    was missed), or sooner where both the call and the note are done. A meeting, or any
    interview of a networking contact, counts as a networking meeting."""
    counted = [
        f
        for p in plans
        for f in p.interviews
        if (f.interview.type == "meeting" or p.networking) == networking
        and (f.settled or (f.called and f.noted))
    ]
    return FollowUpRate(len(counted), sum(f.called for f in counted), sum(f.noted for f in counted))


def _funnel(plans: tuple[Plan, ...]) -> Funnel:
    started = [p for p in plans if p.last is not None]
    return Funnel(
        started=len(started),
        interviewed=sum(p.interview is not None for p in started),
        decided=sum(p.status in CLOSING for p in started),
        offered=sum(p.status in ("offer", "hired") for p in started),
    )


def _outcomes(plans: Iterable[Plan]) -> Outcomes:
    """How far the opportunities of `plans` that were started got."""
    started = [p for p in plans if p.last is not None]
    return Outcomes(
        started=len(started),
        answered=sum(p.answer is not None for p in started),
        interviewed=sum(p.interview is not None for p in started),
        offered=sum(p.status in ("offer", "hired") for p in started),
    )


def _response_times(plans: tuple[Plan, ...]) -> tuple[ResponseTime, ...]:
    times = [
        ResponseTime(
            p.opportunity.company,
            p.opportunity.path,
            p.outreach.date,
            p.answer.date if p.answer else None,
        )
        for p in plans
        if p.outreach is not None
    ]
    return tuple(sorted(times, key=lambda r: (r.company.casefold(), r.path)))
