"""The typed values that flow through jobsite: opportunities in, actions out.

Everything here is immutable. The loader builds these from front matter, the rules read them,
and the terminal list and the site only ever format them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# SPEC §3: the vocabularies, each matched ignoring case and surrounding spaces.
KINDS = ("job", "networking")
CLOSING = ("offer", "hired", "rejected", "withdrawn", "closed")
STATUSES = ("active", "paused", *CLOSING)
CHANNELS = ("phone", "voicemail", "email", "letter", "in-person", "video", "linkedin", "other")
EVENT_TYPES = (
    "contacted",
    "applied",
    "follow-up",
    "reply",
    "interview",
    "meeting",
    "thank-you",
    "note",
    *CLOSING,
)
# Aliases of `follow-up` and the channel each one implies.
EVENT_ALIASES = {"call": "phone", "voicemail": "voicemail", "email": "email"}
INTERVIEWS = ("interview", "meeting")

# The actions of SPEC §4, in the order a day's work is best done.
ACTIONS = (
    "interview",
    "thank-you-call",
    "handwritten-note",
    "follow-up-call",
    "check-in-call",
)
BUCKETS = ("overdue", "due", "upcoming", "later")


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


@dataclass(frozen=True, slots=True)
class Event:
    """One dated step of the history, its type already resolved from any alias."""

    date: date
    type: str
    channel: str | None = None
    with_: str | None = None
    notes: str | None = None
    line: int = 0


@dataclass(frozen=True, slots=True)
class Opportunity:
    """One opportunity file, validated.

    `path` is relative to the journal root with `/` separators; `events` keep file order
    (the rules sort them); `extra` holds the keys jobsite does not know, as the user wrote them.
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
    extra: tuple[tuple[str, object], ...] = ()
    body: str = ""

    @property
    def primary_contact(self) -> Contact | None:
        """The contact marked `primary: true`, else the first one, else None."""
        for contact in self.contacts:
            if contact.primary:
                return contact
        return self.contacts[0] if self.contacts else None


@dataclass(frozen=True, slots=True)
class Action:
    """A follow-up that is owed: what, for which opportunity, and when (SPEC §4)."""

    opportunity: Opportunity = field(compare=False, repr=False)
    action: str
    due: date
    due_by: date
    bucket: str

    @property
    def sort_key(self) -> tuple[date, str, str, str]:
        """SPEC §5 order: due, then company, then action, then file for a stable tie-break."""
        return (self.due, self.opportunity.company, self.action, self.opportunity.path)

    def as_json(self) -> dict[str, str | None]:
        """The object of `jobsite due --json`, exactly as SPEC §5 spells it."""
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
        }


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with a file or a setting, located as `path:line`."""

    path: str
    line: int
    message: str
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        label = "warning: " if self.severity == "warning" else ""
        return f"{self.path}:{self.line}: {label}{self.message}"

    @property
    def is_error(self) -> bool:
        """Errors leave the file out; warnings only inform (and fail `--strict`)."""
        return self.severity == "error"
