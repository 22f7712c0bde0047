"""The `redact` setting: phones, emails and notes left out of everything published.

One pure function over the loaded journal, applied before anything is planned or rendered,
so that the pages, the search index and the calendar cannot disagree about what was left
out: every `Opportunity` is replaced by a copy without the fields named. The problems the site
lists go through `redact_problems`: their location and kind alone, since a message can quote
the offending value. What a user
typed into free text elsewhere (a phone number inside the notes, with `notes` not redacted)
is not searched for: redaction removes fields, it does not scan prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from jobsite.journal.load import Journal
from jobsite.journal.settings import REDACTABLE
from jobsite.model import Contact, Event, Opportunity, Problem

# A problem's message up to the first value it quotes: `events[0].type: unknown type`.
_BEFORE_VALUE = re.compile(r"^[^'\"]*")


def redact_journal(journal: Journal, fields: Iterable[str]) -> Journal:
    """`journal` without the `fields` (some of `REDACTABLE`) anywhere in it.

    `phone`, `email` and `address` are the contacts' numbers, email and postal addresses
    (`address` also the employer's, the file's own `address:`); `notes` is the contacts'
    notes, the events' notes and the file's own Markdown notes. A key of the same name at any
    depth of the keys jobsite does not know (`recruiter: {phone: ...}`) goes too. With no
    fields, `journal` itself is returned.
    """
    names = frozenset(fields)
    unknown = names - frozenset(REDACTABLE)
    if unknown:
        raise ValueError(f"cannot redact {', '.join(sorted(unknown))}")
    if not names:
        return journal
    return replace(
        journal, opportunities=tuple(_redact_opportunity(o, names) for o in journal.opportunities)
    )


def redact_problems(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """Each problem as its location and kind only (`journal/a.md:4: events[0].type: unknown
    type`): what is published when any field is redacted."""
    return tuple(_redact_problem(p) for p in problems)


def _redact_opportunity(opportunity: Opportunity, names: frozenset[str]) -> Opportunity:
    notes = "notes" in names
    return replace(
        opportunity,
        address=None if "address" in names else opportunity.address,
        contacts=tuple(_redact_contact(c, names) for c in opportunity.contacts),
        events=tuple(_redact_event(e) for e in opportunity.events) if notes else opportunity.events,
        extra=tuple(
            (key, _redact_value(value, names))
            for key, value in opportunity.extra
            if not _is_redacted(key, names)
        ),
        body="" if notes else opportunity.body,
    )


def _redact_contact(contact: Contact, names: frozenset[str]) -> Contact:
    return replace(
        contact,
        phone=None if "phone" in names else contact.phone,
        email=None if "email" in names else contact.email,
        address=None if "address" in names else contact.address,
        notes=None if "notes" in names else contact.notes,
    )


def _redact_event(event: Event) -> Event:
    return replace(event, notes=None) if event.notes is not None else event


def _redact_value(value: object, names: frozenset[str]) -> object:
    """An unknown key's value without the redacted keys, however deep they sit."""
    if isinstance(value, dict):
        return {
            key: _redact_value(item, names)
            for key, item in value.items()
            if not _is_redacted(key, names)
        }
    if isinstance(value, list):
        return [_redact_value(item, names) for item in value]
    return value


def _is_redacted(key: object, names: frozenset[str]) -> bool:
    return str(key).strip().lower() in names


def _redact_problem(problem: Problem) -> Problem:
    """Only where the problem is and what kind it is: the message may quote a value."""
    kind = _BEFORE_VALUE.match(problem.message)[0].rstrip(" :(")  # type: ignore[index]
    return replace(problem, message=kind or "a problem (details are not published)")
