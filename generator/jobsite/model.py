"""The typed values that flow through jobsite: opportunities in, plans and actions out.

Everything here is immutable. The loader builds opportunities from front matter, the rules
plan them, and the terminal list, the site and the calendar only ever format the result. The
words these values use (types, statuses, actions) are in `jobsite.vocabulary`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from jobsite.vocabulary import ACTIONS, EVENT_ALIASES
from jobsite.words import inert


@dataclass(frozen=True, slots=True)
class Contact:
    """A person at the company; `name` is the only required field."""

    name: str
    title: str | None = None
    role: str | None = None
    phone: str | None = None
    email: str | None = None
    notes: str | None = None
    primary: bool = False
    address: str | None = None  # postal, for the handwritten note
    greeting: str | None = None  # how to address them, where not by full name
    introduced_by: str | None = None  # the name of whoever introduced you to them

    @property
    def salutation(self) -> str:
        """What a script calls them: the greeting given, else the name."""
        return self.greeting or self.name


@dataclass(frozen=True, slots=True)
class Event:
    """One dated step of the history.

    `type` is resolved (`call` reads as `follow-up`), and `channel` is the one written or the
    one its alias implies; `alias` keeps the word the user wrote where it was an alias, so
    that `jobsite log ... call` writes `call` back. `line` is where it stands in its file
    (0 for an event not yet written).
    """

    date: date
    type: str
    channel: str | None = None
    with_: str | None = None
    notes: str | None = None
    line: int = 0
    alias: str | None = field(default=None, compare=False)

    @property
    def written_type(self) -> str:
        """The type as it is written in the file: the alias where one was used."""
        return self.alias or self.type

    @property
    def written_channel(self) -> str | None:
        """The channel as it needs writing: none where the alias already implies it."""
        implied = EVENT_ALIASES.get(self.alias or "")
        return None if self.channel == implied else self.channel


@dataclass(frozen=True, slots=True)
class Opportunity:
    """One opportunity file, validated.

    `path` is relative to the journal root with `/` separators; `events` keep file order
    (the rules sort them); `extra` holds the keys jobsite does not know, as the user wrote them;
    `company_line` is where `company:` is written, for a message about the whole file.
    """

    path: str
    company: str
    role: str | None = None
    kind: str = "job"
    status: str = "active"
    contacts: tuple[Contact, ...] = ()
    events: tuple[Event, ...] = ()
    follow_up_next: date | None = None
    follow_up_line: int = 0
    tags: tuple[str, ...] = ()
    link: str | None = None
    address: str | None = None  # the employer's, for the work-search record
    introduced_by: str | None = None  # the name of whoever brought you this opportunity
    extra: tuple[tuple[str, object], ...] = ()
    body: str = ""
    company_line: int = 0

    @property
    def primary_contact(self) -> Contact | None:
        """The contact marked `primary: true`, else the first one, else None."""
        for contact in self.contacts:
            if contact.primary:
                return contact
        return self.contacts[0] if self.contacts else None

    @property
    def referral(self) -> str | None:
        """Who introduced you to this opportunity, where anyone did: its own `introduced_by`,
        else its primary contact's (guide/people.md)."""
        contact = self.primary_contact
        return self.introduced_by or (contact.introduced_by if contact else None)


def company_key(name: str) -> str:
    """Company names match ignoring case and spacing (guide/journal.md)."""
    return "".join(name.split()).casefold()


@dataclass(frozen=True, slots=True)
class Action:
    """A follow-up that is owed: what, for which opportunity, and when (guide/rules.md §4).

    `trigger` is the event that gave rise to it: the last event L for a follow-up or check-in
    call, the last interview I for the thank-you call and the note, the scheduled interview S
    for `interview`. `quiet` says the opportunity has gone quiet (guide/rules.md §4, rule 5):
    a follow-up or check-in call owed since long, where nothing came from them after your last
    step; the pages and commands show it as a decision, to call once more or close, not as a
    call among today's.
    """

    opportunity: Opportunity = field(compare=False, repr=False)
    action: str
    due: date
    due_by: date
    bucket: str
    trigger: Event | None = field(default=None, compare=False, repr=False)
    quiet: bool = False

    @property
    def word(self) -> str:
        """What the action is called: `meeting` for a booked networking meeting or
        informational interview (its trigger is a `meeting`), else the action itself."""
        if self.action == "interview" and self.trigger is not None:
            return self.trigger.type
        return self.action

    @property
    def sort_key(self) -> tuple[date, str, int, str]:
        """The order of guide/rules.md §6: due, then company, then the method's order (the
        thank-you call before the note written the same day), then the file for a stable
        tie-break."""
        return (
            self.due,
            self.opportunity.company,
            ACTIONS.index(self.action),
            self.opportunity.path,
        )

    def as_json(self) -> dict[str, str | bool | None]:
        """The object of `jobsite due --json`, exactly as guide/commands.md spells it."""
        contact = self.opportunity.primary_contact
        return {
            "file": self.opportunity.path,
            "company": self.opportunity.company,
            "role": self.opportunity.role,
            "action": self.action,
            "due": self.due.isoformat(),
            "due_by": self.due_by.isoformat(),
            "bucket": self.bucket,
            "contact": contact.name if contact else None,
            "phone": contact.phone if contact else None,
            "email": contact.email if contact else None,
            "quiet": self.quiet,
        }


@dataclass(frozen=True, slots=True)
class AfterInterview:
    """How one past interview or meeting was followed up (the stats' facts, guide/rules.md §1).

    `due` is B+1 of the interview, when its thank-you call and note were due; `called` says a
    thank-you call or any follow-up call came by then, `noted` that a handwritten note came
    after it, and `settled` that `due` has passed, so what was not done by then was missed.
    """

    interview: Event
    due: date
    called: bool
    noted: bool
    settled: bool


@dataclass(frozen=True, slots=True)
class FollowUp:
    """One follow-up the rules asked for in the past, and what became of it (the weekly
    review; the definitions are in `jobsite.rules.history`).

    `due` and `due_by` are the last the rules gave it; `outcome` is one of `on time`, `late`,
    `missed` and `open`; `done` is the day it was done, where it was.
    """

    action: str
    due: date
    due_by: date
    outcome: str
    done: date | None = None


@dataclass(frozen=True, slots=True)
class Plan:
    """What the rules made of one opportunity on one day (guide/rules.md §4): its status, the
    actions owed, and the events they were worked out from, so that no page or command decides
    them again.

    `status` is `active`, `lead` (no past event), `paused`, or the closing word (a closing
    status, else the last past closing event). `last` is L, `interview` I, `scheduled` S and
    `outreach` the first application or first contact; `answer` their first answer after it
    (a reply, an interview or meeting, or a decision). `interviews` tells how each past
    interview was followed up; `warnings` are what `jobsite check` says of its dates on this
    day; `history` every follow-up owed in the past with its outcome, where the plan was made
    for a review of the past (`None` otherwise).
    """

    opportunity: Opportunity
    status: str
    actions: tuple[Action, ...] = ()
    last: Event | None = None
    interview: Event | None = None
    scheduled: Event | None = None
    outreach: Event | None = None
    answer: Event | None = None
    interviews: tuple[AfterInterview, ...] = ()
    warnings: tuple[Problem, ...] = ()
    history: tuple[FollowUp, ...] | None = None

    @property
    def networking(self) -> bool:
        """A networking contact rather than a job opening (`kind: networking`)."""
        return self.opportunity.kind == "networking"

    @property
    def idle(self) -> str | None:
        """Why nothing is owed, where nothing is: `paused`, `closed`, `lead` (no first event
        yet), or `settled` (active, and owing nothing today). None where something is owed."""
        if self.actions:
            return None
        if self.status in ("paused", "lead"):
            return self.status
        return "settled" if self.status == "active" else "closed"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with a file or a setting, located as `path:line`."""

    path: str
    line: int
    message: str
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        label = "warning: " if self.severity == "warning" else ""
        return inert(f"{self.path}:{self.line}: {label}{self.message}")

    @property
    def is_error(self) -> bool:
        """Errors leave the file out; warnings only inform (and fail `--strict`)."""
        return self.severity == "error"
