"""The one typed context that every page template is rendered with, built in one function.

Templates get data, not logic: the grouping into companies, slugs and buckets is worked out
here, from an `Agenda`; what is owed and why, the stats' facts and the weekly review's come
from the rules' plans as they are (the agenda's plans carry their history where the site
asked for it: `weekly.review_start`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from jobsite.agenda import Agenda
from jobsite.authoring.recording import close_command, event_line, log_command
from jobsite.journal.redact import redact_problems
from jobsite.journal.settings import Me
from jobsite.model import Action, Event, Opportunity, Plan, Problem, company_key
from jobsite.report import Record as WorkSearchRecord
from jobsite.report import work_search_record
from jobsite.site.network import Network, network_of
from jobsite.site.repository import Repository
from jobsite.site.stats import Stats, compute_stats
from jobsite.site.templates import SCRIPT_KINDS
from jobsite.site.weekly import Goal, Week, goal_progress, review_start, weekly_review
from jobsite.slugs import slugify
from jobsite.vocabulary import BUCKETS

# The order of hope in which a company's opportunities give it one status.
_HOPE = ("offer", "hired", "active", "lead", "paused", "withdrawn", "rejected", "closed")


@dataclass(frozen=True, slots=True)
class OpportunityView:
    """One opportunity as a company page shows it."""

    plan: Plan
    events: tuple[Event, ...]  # in date order, file order within a date
    anchor: str

    @property
    def opportunity(self) -> Opportunity:
        """The opportunity shown."""
        return self.plan.opportunity

    @property
    def status(self) -> str:
        """Active, paused, lead, or the closing word, as the rules decided."""
        return self.plan.status

    @property
    def actions(self) -> tuple[Action, ...]:
        """What it owes, in the order of guide/rules.md §6."""
        return tuple(sorted(self.plan.actions, key=lambda a: a.sort_key))


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
        return min((view.status for view in self.opportunities), key=_HOPE.index)

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
    plan: Plan
    anchor: str

    @property
    def applied(self) -> date | None:
        """The day of the first application or first contact."""
        return self.plan.outreach.date if self.plan.outreach else None

    @property
    def interview(self) -> Event | None:
        """I: the interview the thank-you, the note and the check-in refer to."""
        return self.plan.interview

    @property
    def networking(self) -> bool:
        """A networking contact or meeting: the script keeps the door open, not pressing."""
        interview = self.interview
        return self.action.opportunity.kind == "networking" or (
            interview is not None and interview.type == "meeting"
        )


@dataclass(frozen=True, slots=True)
class Record:
    """How to record an action once it is done: the command; where the repository is known,
    GitHub's web editor on the file and the line to add to its `events` there."""

    command: str
    anchor: str  # unique on a page: ids of the command and the line
    edit_url: str | None = None
    line: str | None = None  # with `edit_url` only: nothing else shows it


@dataclass(frozen=True, slots=True)
class SiteContext:
    """Everything the templates may use."""

    today: date
    horizon_days: int
    buckets: dict[str, tuple[Action, ...]]  # the calls and notes owed, by bucket, not quiet
    scheduled: tuple[Action, ...]
    quiet: tuple[Action, ...]  # the calls of opportunities gone quiet: a decision each
    quiet_after_days: int
    leads: tuple[Opportunity, ...]
    paused: tuple[Opportunity, ...]
    companies: tuple[CompanyView, ...]
    company_of: dict[str, CompanyView]  # by opportunity path
    problems: tuple[Problem, ...]  # every problem and date warning, for the home page's list
    left_out: tuple[Problem, ...]  # the first error of each file left out, shown first
    me: Me  # your own name, phone and email, for the scripts
    search: bool  # whether the site has a search box (not in protected mode)
    stats: Stats
    fills: dict[str, ScriptFill]  # by the action's `file:action`, for overdue and due actions
    actions: tuple[Action, ...]  # every action, in the order of guide/rules.md §6 (the call sheet)
    plan_of: dict[str, Plan]  # by opportunity path
    weeks: tuple[Week, ...]  # the weekly review, oldest first, the week of today last
    goals: tuple[Goal, ...]  # this week against the `weekly_goal` setting
    report: WorkSearchRecord  # last week and this week, for an unemployment claim (report/)
    network: Network  # the people pages, and the way from a name to its page
    repository: Repository | None = None  # where "Record on GitHub" edits the journal
    calendar: str | None = None  # the calendar feed's path in the site, where there is one
    # Each action's `Record`, worked out once though the action is on several pages.
    _records: dict[str, Record | None] = field(default_factory=dict, repr=False, compare=False)

    def needing(self, script: str) -> tuple[ScriptFill, ...]:
        """The prefilled scripts of kind `script`, for the overdue and due actions using it."""
        return tuple(fill for fill in self.fills.values() if fill.action.action == script)

    def fill_of(self, action: Action) -> ScriptFill | None:
        """The prefilled script of `action`, where it has one."""
        return self.fills.get(action_key(action))

    def facts_of(self, action: Action) -> ScriptFill:
        """What a script or an email about `action` mentions: its prefilled script's facts,
        for any action."""
        return self.fill_of(action) or ScriptFill(
            action, self.plan_of[action.opportunity.path], _fill_anchor(action)
        )

    def close_of(self, action: Action) -> str:
        """The command that closes the opportunity of `action`, gone quiet."""
        return close_command(action)

    def opportunity_path(self, opportunity: Opportunity) -> str:
        """Where `opportunity` is in the site: its section of its company's page."""
        company = self.company_of[opportunity.path]
        anchor = next(v.anchor for v in company.opportunities if v.opportunity is opportunity)
        return f"{company.path}#{anchor}"

    def record_of(self, action: Action) -> Record | None:
        """How to record `action` once done, on this site's day; None for an interview."""
        key = action_key(action)
        if key not in self._records:
            self._records[key] = self._record(action)
        return self._records[key]

    def _record(self, action: Action) -> Record | None:
        command = log_command(action)
        if command is None:
            return None
        anchor, repository = _fill_anchor(action), self.repository
        if repository is None:
            return Record(command, anchor)
        url = repository.edit_url(action.opportunity.path)
        return Record(command, anchor, url, event_line(action, self.today))


def build_context(
    agenda: Agenda,
    slug_for: Callable[[str], str] | None = None,
    *,
    person_slug_for: Callable[[str], str] | None = None,
    search: bool = True,
    repository: Repository | None = None,
    calendar: str | None = None,
    network: Network | None = None,
) -> SiteContext:
    """The template context for the site of `agenda`.

    `slug_for` names the company pages and `person_slug_for` the people's, from a person's
    key (protected mode passes opaque ones); by default both are made with `slugify`.
    `search` says whether the site has a search box, `repository` where the journal can be
    edited on GitHub, `calendar` the path of the site's calendar feed; `network`, the people
    of `agenda` with their pages' names where they are already known (`memo`).
    """
    groups: dict[str, list[Plan]] = defaultdict(list)
    for plan in agenda.plans:
        groups[company_key(plan.opportunity.company)].append(plan)

    companies = []
    used: set[str] = set()
    for key in sorted(groups, key=lambda k: (k, groups[k][0].opportunity.company)):
        members = sorted(groups[key], key=lambda p: p.opportunity.path)
        anchors: set[str] = set()  # two openings of one role: `data-engineer`, `data-engineer-2`
        views = tuple(
            OpportunityView(
                p,
                tuple(sorted(p.opportunity.events, key=lambda e: e.date)),
                _unique(slugify(p.opportunity.role or p.opportunity.path), anchors),
            )
            for p in members
        )
        name = _display_name([p.opportunity for p in members])
        slug = _unique((slug_for or _company_slug)(name), used)
        companies.append(CompanyView(name, slug, views))
    company_of = {view.opportunity.path: c for c in companies for view in c.opportunities}

    buckets = {
        bucket: tuple(
            a
            for a in agenda.actions
            if a.bucket == bucket and a.action != "interview" and not a.quiet
        )
        for bucket in BUCKETS
    }
    quiet = tuple(a for a in agenda.actions if a.quiet)
    plan_of = {plan.opportunity.path: plan for plan in agenda.plans}
    problems, left_out = agenda.checks(), agenda.left_out()
    fills = {
        action_key(a): ScriptFill(a, plan_of[a.opportunity.path], _fill_anchor(a))
        for a in (*buckets["overdue"], *buckets["due"], *quiet)  # quiet: to call once more
        if a.action in SCRIPT_KINDS
    }
    if agenda.review_from != review_start(agenda.today):
        # The weekly review reads the plans' history: without it, it would show no follow-up.
        raise ValueError("the site needs build_agenda(..., review_from=review_start(today))")
    weeks = weekly_review(agenda.plans, agenda.today)
    return SiteContext(
        today=agenda.today,
        horizon_days=agenda.settings.horizon_days,
        buckets=buckets,
        scheduled=tuple(a for a in agenda.actions if a.action == "interview"),
        quiet=quiet,
        quiet_after_days=agenda.settings.quiet_after_days,
        leads=tuple(p.opportunity for p in agenda.plans if p.status == "lead"),
        paused=tuple(p.opportunity for p in agenda.plans if p.status == "paused"),
        companies=tuple(companies),
        company_of=company_of,
        problems=redact_problems(problems) if agenda.settings.redact else problems,
        left_out=redact_problems(left_out) if agenda.settings.redact else left_out,
        me=agenda.settings.me,
        search=search,
        stats=compute_stats(agenda.plans),
        fills=fills,
        actions=agenda.actions,
        plan_of=plan_of,
        weeks=weeks,
        goals=goal_progress(agenda.settings.weekly_goal, weeks[-1]),
        report=work_search_record(
            [plan.opportunity for plan in agenda.plans], agenda.today, agenda.settings.work_search
        ),
        network=network or network_of(agenda.people(), person_slug_for),
        repository=repository,
        calendar=calendar,
    )


def action_key(action: Action) -> str:
    """Identifies an action across the site: its file and what it is."""
    return f"{action.opportunity.path}:{action.action}"


def _company_slug(name: str) -> str:
    return slugify(name, fallback="company")


def _fill_anchor(action: Action) -> str:
    return _anchor(action.opportunity.path, action.action)


@cache  # an action is on several pages, and slugify is not cheap
def _anchor(path: str, action: str) -> str:
    return slugify(f"{path.removesuffix('.md')}-{action}")


def _display_name(members: list[Opportunity]) -> str:
    """The spelling most of a company's files use; on a tie, the one used first in time."""
    counts = Counter(" ".join(o.company.split()) for o in members)
    if len(counts) == 1:  # most companies: one spelling
        return next(iter(counts))

    def first_used(name: str) -> date:
        dates = [e.date for o in members if " ".join(o.company.split()) == name for e in o.events]
        return min(dates, default=date.max)

    return min(counts, key=lambda name: (-counts[name], first_used(name), name))


def _unique(slug: str, used: set[str]) -> str:
    """`slug`, or where another company has it (names that differ only in punctuation the
    slug leaves out), `slug-2`, `-3`... in the order of the companies' keys."""
    candidate, number = slug, 2
    while candidate in used:
        candidate, number = f"{slug}-{number}", number + 1
    used.add(candidate)
    return candidate
