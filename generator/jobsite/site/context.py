"""The one typed context that every page template is rendered with, built in one function.

Templates get data, not logic: the grouping into companies, slugs, buckets, leads and
effective statuses is all worked out here, from an `Agenda`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from jobsite.rules.agenda import Agenda
from jobsite.model import BUCKETS, CLOSING, INTERVIEWS, Action, Event, Opportunity, Problem
from jobsite.rules.followups import date_warnings, is_closed, past_events
from jobsite.site.stats import Stats, compute_stats

# Which script page each action uses (the interview itself has none).
SCRIPT_OF = {
    "follow-up-call": "follow-up-call",
    "thank-you-call": "thank-you-call",
    "handwritten-note": "handwritten-note",
    "check-in-call": "check-in-call",
}
SCRIPT_KINDS = ("follow-up-call", "thank-you-call", "check-in-call", "handwritten-note")


@dataclass(frozen=True, slots=True)
class OpportunityView:
    """One opportunity as a company page shows it."""

    opportunity: Opportunity
    status: str  # active, paused, lead, or the closing word
    actions: tuple[Action, ...]
    events: tuple[Event, ...]  # in date order, file order within a date
    anchor: str


@dataclass(frozen=True, slots=True)
class CompanyView:
    """Every opportunity whose company matches, ignoring case and spacing."""

    name: str
    slug: str
    opportunities: tuple[OpportunityView, ...]

    @property
    def path(self) -> str:
        """The page's folder in the site, e.g. `companies/acme-corp/`."""
        return f"companies/{self.slug}/"

    @property
    def status(self) -> str:
        """The most hopeful status among its opportunities, for the company index."""
        order = ("offer", "hired", "active", "lead", "paused", "withdrawn", "rejected", "closed")
        return min((view.status for view in self.opportunities), key=order.index)

    @property
    def next_action(self) -> Action | None:
        """The earliest action owed at this company, if any."""
        actions = [a for view in self.opportunities for a in view.actions]
        return min(actions, key=lambda a: a.sort_key) if actions else None

    @property
    def tags(self) -> tuple[str, ...]:
        """The tags of all its opportunities, each once, in the order first written."""
        return tuple(dict.fromkeys(t for view in self.opportunities for t in view.opportunity.tags))


@dataclass(frozen=True, slots=True)
class ScriptFill:
    """What a prefilled script needs: who to call about what, and the dates to mention."""

    action: Action
    anchor: str
    last_contact: date  # L: the date the script refers back to
    applied: date | None  # the first application or first contact
    interview: Event | None  # I, for the thank-you, the note and the check-in

    @property
    def networking(self) -> bool:
        """A networking contact or meeting: the script keeps the door open, not pressing."""
        interview = self.interview
        return self.action.opportunity.kind == "networking" or (
            interview is not None and interview.type == "meeting"
        )


@dataclass(frozen=True, slots=True)
class SiteContext:
    """Everything the templates may use."""

    today: date
    horizon_days: int
    buckets: dict[str, tuple[Action, ...]]
    scheduled: tuple[Action, ...]
    leads: tuple[Opportunity, ...]
    paused: tuple[Opportunity, ...]
    companies: tuple[CompanyView, ...]
    company_of: dict[str, CompanyView]  # by opportunity path
    problems: tuple[Problem, ...]
    stats: Stats
    fills: dict[str, ScriptFill]  # by the action's `file:action`, for overdue and due actions

    def needing(self, script: str) -> tuple[ScriptFill, ...]:
        """The prefilled scripts of kind `script`, for the overdue and due actions using it."""
        return tuple(
            fill for fill in self.fills.values() if SCRIPT_OF[fill.action.action] == script
        )

    def fill_of(self, action: Action) -> ScriptFill | None:
        """The prefilled script of `action`, where it has one."""
        return self.fills.get(action_key(action))


def build_context(agenda: Agenda, slug_for: Callable[[str], str] | None = None) -> SiteContext:
    """The template context for the site of `agenda`.

    `slug_for` names the company pages (protected mode passes opaque ones); default `slugify`.
    """
    today = agenda.today
    actions_of: dict[str, list[Action]] = defaultdict(list)
    for action in agenda.actions:
        actions_of[action.opportunity.path].append(action)

    groups: dict[str, list[Opportunity]] = defaultdict(list)
    for opportunity in agenda.journal.opportunities:
        groups[company_key(opportunity.company)].append(opportunity)

    companies = []
    used: set[str] = set()
    for key in sorted(groups, key=lambda k: (k, groups[k][0].company)):
        members = sorted(groups[key], key=lambda o: o.path)
        views = tuple(
            OpportunityView(
                o,
                effective_status(o, today),
                tuple(actions_of[o.path]),
                tuple(sorted(o.events, key=lambda e: e.date)),
                slugify(o.role or o.path),
            )
            for o in members
        )
        name = _display_name(members)
        slug = _unique((slug_for or slugify)(name) or "company", used)
        companies.append(CompanyView(name, slug, views))
    company_of = {view.opportunity.path: c for c in companies for view in c.opportunities}

    buckets = {
        bucket: tuple(a for a in agenda.actions if a.bucket == bucket and a.action != "interview")
        for bucket in BUCKETS
    }
    problems = list(agenda.journal.problems)
    for opportunity in agenda.journal.opportunities:
        problems.extend(date_warnings(opportunity, today))
    fills = {
        action_key(a): _fill(a, today)
        for b in ("overdue", "due")
        for a in buckets[b]
        if a.action in SCRIPT_OF
    }
    return SiteContext(
        today=today,
        horizon_days=agenda.settings.horizon_days,
        buckets=buckets,
        scheduled=tuple(a for a in agenda.actions if a.action == "interview"),
        leads=tuple(
            o for o in agenda.journal.opportunities if effective_status(o, today) == "lead"
        ),
        paused=tuple(
            o for o in agenda.journal.opportunities if effective_status(o, today) == "paused"
        ),
        companies=tuple(companies),
        company_of=company_of,
        problems=tuple(sorted(problems, key=lambda p: (p.path, p.line))),
        stats=compute_stats(agenda),
        fills=fills,
    )


def action_key(action: Action) -> str:
    """Identifies an action across the site: its file and what it is."""
    return f"{action.opportunity.path}:{action.action}"


def _fill(action: Action, today: date) -> ScriptFill:
    past = past_events(action.opportunity, today)
    interviews = [e for e in past if e.type in INTERVIEWS]
    outreach = next((e for e in past if e.type in ("applied", "contacted")), None)
    return ScriptFill(
        action=action,
        anchor=slugify(f"{action.opportunity.path.removesuffix('.md')}-{action.action}"),
        last_contact=past[-1].date,
        applied=outreach.date if outreach else None,
        interview=interviews[-1] if interviews else None,
    )


def effective_status(opportunity: Opportunity, today: date) -> str:
    """The status a reader should see: a closing event counts as the status it names."""
    if opportunity.status in CLOSING:
        return opportunity.status
    if is_closed(opportunity, today):
        closing = [e for e in past_events(opportunity, today) if e.type in CLOSING]
        return closing[-1].type
    if opportunity.status == "paused":
        return "paused"
    return "active" if past_events(opportunity, today) else "lead"


def _display_name(members: list[Opportunity]) -> str:
    """The spelling most of a company's files use; on a tie, the one used first in time."""
    counts = Counter(" ".join(o.company.split()) for o in members)

    def first_used(name: str) -> date:
        dates = [e.date for o in members if " ".join(o.company.split()) == name for e in o.events]
        return min(dates, default=date.max)

    return min(counts, key=lambda name: (-counts[name], first_used(name), name))


def company_key(name: str) -> str:
    """Company names match ignoring case and spacing (SPEC §3)."""
    return "".join(name.split()).casefold()


def slugify(text: str) -> str:
    """`Café Müller & Co.` → `cafe-muller-co`: ASCII, lowercase, hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _unique(slug: str, used: set[str]) -> str:
    candidate, number = slug, 2
    while candidate in used:
        candidate, number = f"{slug}-{number}", number + 1
    used.add(candidate)
    return candidate
