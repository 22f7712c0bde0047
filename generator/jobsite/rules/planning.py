"""Every opportunity of a journal planned for one day: the plans, their actions in order, and
the opportunities that could not be planned (guide/rules.md §4 and §6).

Pure, as the rest of `jobsite.rules`: the opportunities, today, the calendar and the settings
come in; nothing is read from the disk or the clock. `jobsite.agenda` runs it on a journal
and keeps the plans in the cache.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

from jobsite.journal.settings import Settings
from jobsite.model import Action, Opportunity, Plan, Problem
from jobsite.rules.followups import ordered_actions, plan
from jobsite.rules.history import follow_up_history
from jobsite.rules.workdays import Calendar


@dataclass(frozen=True, slots=True)
class Planned:
    """The plans of a journal on one day, in the order of the opportunities given; all their
    actions in the order of guide/rules.md §6; and a problem for each opportunity whose dates
    run off the calendar (it has no plan)."""

    plans: tuple[Plan, ...]
    actions: tuple[Action, ...]
    problems: tuple[Problem, ...]


def plan_journal(
    opportunities: Iterable[Opportunity],
    today: date,
    calendar: Calendar,
    settings: Settings,
    *,
    review_from: date | None = None,
    kept: Mapping[str, Plan] | None = None,
) -> Planned:
    """The plan of every opportunity on `today`.

    With `review_from`, each plan also carries the follow-ups it owed since that day and what
    became of them (`Plan.history`, for the weekly review). `kept` are plans made before for
    the same day and settings, by path: each is used as it is where it was made from the very
    opportunity given (the cache reads plans and opportunities back together).
    """
    kept = kept or {}
    plans, problems = [], []
    for opportunity in opportunities:
        found = kept.get(opportunity.path)
        if found is None or found.opportunity is not opportunity:
            try:
                found = plan(opportunity, today, calendar, settings)
                if review_from is not None:
                    found = _with_history(found, today, calendar, settings, review_from)
            except OverflowError:
                problems.append(past_the_calendar(opportunity.path))
                continue
        plans.append(found)
    return Planned(tuple(plans), ordered_actions(plans), tuple(problems))


def past_the_calendar(path: str) -> Problem:
    """The problem of the file at `path` whose plan raised OverflowError: its dates run past
    the last day Python's `date` holds."""
    return Problem(
        path, 1, "its follow-ups fall after 9999-12-31, the last day jobsite can count to"
    )


def _with_history(
    planned: Plan, today: date, calendar: Calendar, settings: Settings, since: date
) -> Plan:
    """`planned` with the follow-ups it owed since `since`: none where nothing it did or was
    asked to do can fall that late (the replay is the dearest part of a plan)."""
    opportunity = planned.opportunity
    reach = since - timedelta(days=_reach(settings))
    asked = opportunity.follow_up_next
    if all(e.date < reach for e in opportunity.events) and (asked is None or asked < since):
        return replace(planned, history=())
    history = follow_up_history(opportunity, today, calendar, settings, current=planned)
    return replace(planned, history=tuple(f for f in history if f.due >= since))


def _reach(settings: Settings) -> int:
    """How many days before its due date a follow-up's event can be: the longest wait the
    settings allow (business days counted generously as two calendar days each)."""
    return max(2 * settings.follow_up_business_days + 7, settings.check_in_days[1] + 7)
