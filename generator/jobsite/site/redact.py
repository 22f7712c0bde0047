"""The `redact` setting: phones, emails and notes left out of everything published (issue 5).

One pure function over the agenda, applied before anything is rendered, so that the pages and
the calendar cannot disagree about what was left out: every `Opportunity` is replaced by a
copy without the fields named, and every `Action` is pointed at the copy of its opportunity.
What a user typed into free text elsewhere (a phone number inside the notes, with `notes` not
redacted) is not searched for: redaction removes fields, it does not scan prose.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from jobsite.rules.agenda import Agenda
from jobsite.model import Contact, Event, Opportunity
from jobsite.journal.settings import REDACTABLE


def redact_agenda(agenda: Agenda, fields: Iterable[str]) -> Agenda:
    """`agenda` without the `fields` (some of "phone", "email", "notes") anywhere in it.

    `phone` and `email` are the contacts' numbers and addresses; `notes` is the contacts'
    notes, the events' notes and the file's own Markdown notes. An unknown front-matter key
    with the same name as a redacted field (`phone:` at the top of a file) goes too. With no
    fields, `agenda` itself is returned.
    """
    names = frozenset(fields)
    unknown = names - frozenset(REDACTABLE)
    if unknown:
        raise ValueError(f"cannot redact {', '.join(sorted(unknown))}")
    if not names:
        return agenda
    copies = {id(o): _redact_opportunity(o, names) for o in agenda.journal.opportunities}

    def copy_of(opportunity: Opportunity) -> Opportunity:
        return copies.get(id(opportunity)) or _redact_opportunity(opportunity, names)

    journal = replace(agenda.journal, opportunities=tuple(copies.values()))
    actions = tuple(replace(a, opportunity=copy_of(a.opportunity)) for a in agenda.actions)
    return replace(agenda, journal=journal, actions=actions)


def _redact_opportunity(opportunity: Opportunity, names: frozenset[str]) -> Opportunity:
    notes = "notes" in names
    return replace(
        opportunity,
        contacts=tuple(_redact_contact(c, names) for c in opportunity.contacts),
        events=tuple(_redact_event(e) for e in opportunity.events) if notes else opportunity.events,
        extra=tuple((k, v) for k, v in opportunity.extra if str(k).strip().lower() not in names),
        body="" if notes else opportunity.body,
    )


def _redact_contact(contact: Contact, names: frozenset[str]) -> Contact:
    return replace(
        contact,
        phone=None if "phone" in names else contact.phone,
        email=None if "email" in names else contact.email,
        notes=None if "notes" in names else contact.notes,
    )


def _redact_event(event: Event) -> Event:
    return replace(event, notes=None) if event.notes is not None else event
