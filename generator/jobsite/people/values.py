"""A person across the journal and the parts of one (guide/people.md), and how the names,
emails and phones of two contacts are compared."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from jobsite.model import Action, Contact, Event, Opportunity, Plan, company_key
from jobsite.vocabulary import CLOSING


def name_key(name: str) -> str:
    """Names match ignoring case and spacing between words: `dana  SMITH` is `Dana Smith`."""
    return " ".join(name.split()).casefold()


def email_key(email: str | None) -> str | None:
    """An email matches ignoring case and surrounding spaces."""
    text = (email or "").strip().casefold()
    return text or None


def phone_key(phone: str | None) -> str | None:
    """A phone matches by its digits alone, a leading `+` kept: `+1 (847) 555-0100` is
    `+1 847 555 0100`, and not `847 555 0100`."""
    text = (phone or "").strip()
    digits = re.sub(r"\D", "", text)
    if not digits:
        return None
    return ("+" if text.startswith("+") else "") + digits


@dataclass(frozen=True, slots=True)
class Appearance:
    """One contact of one opportunity file: the person as that file knows them."""

    contact: Contact
    plan: Plan

    @property
    def opportunity(self) -> Opportunity:
        """The opportunity whose file lists them."""
        return self.plan.opportunity

    @property
    def since(self) -> date | None:
        """The first day of the opportunity's history: when they come into the picture."""
        return min((e.date for e in self.opportunity.events), default=None)


@dataclass(frozen=True, slots=True)
class Encounter:
    """An event with them, and the plan of the opportunity it belongs to."""

    event: Event
    plan: Plan


@dataclass(frozen=True, slots=True)
class Referral:
    """A name written in `introduced_by`, and the key of the person it names, where it
    names one."""

    name: str
    person: str | None = None


@dataclass(frozen=True, slots=True)
class Stint:
    """Their time at one company: the titles its files give them, and its opportunities
    that list them, in time order."""

    company: str
    titles: tuple[str, ...]
    appearances: tuple[Appearance, ...]

    @property
    def plans(self) -> tuple[Plan, ...]:
        """Each opportunity at that company that lists them, once."""
        return tuple({a.opportunity.path: a.plan for a in self.appearances}.values())

    @property
    def since(self) -> date | None:
        """The first day of those opportunities' histories."""
        return min((a.since for a in self.appearances if a.since), default=None)


@dataclass(frozen=True, slots=True)
class Person:
    """One person across the journal (guide/people.md).

    `key` names them for good (a protected site's opaque address is made from it);
    `appearances` are the contacts that are they, in time order; `events` every event with
    them, by date (file order within a date); `actions` what is owed to them, in the order
    of guide/rules.md §6; `last_contact` the latest event with them up to today that was a
    contact; `introduced_by` who introduced you to them, `introduced` whom they introduced
    you to (by key), and `brought` the opportunities that came through them.
    """

    key: str
    name: str
    appearances: tuple[Appearance, ...]
    events: tuple[Encounter, ...] = ()
    actions: tuple[Action, ...] = ()
    last_contact: Encounter | None = None
    introduced_by: tuple[Referral, ...] = ()
    introduced: tuple[str, ...] = ()
    brought: tuple[Plan, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Every spelling of their name the files use, the one shown first."""
        spelled = (" ".join(a.contact.name.split()) for a in self.appearances)
        return tuple(dict.fromkeys([self.name, *spelled]))

    @property
    def stints(self) -> tuple[Stint, ...]:
        """The companies they were at, in time order, each with its titles."""
        by_company: dict[str, list[Appearance]] = {}
        for appearance in self.appearances:
            key = company_key(appearance.opportunity.company)
            by_company.setdefault(key, []).append(appearance)
        return tuple(
            Stint(
                group[0].opportunity.company,
                tuple(dict.fromkeys(a.contact.title for a in group if a.contact.title)),
                tuple(group),
            )
            for group in by_company.values()
        )

    @property
    def phones(self) -> tuple[str, ...]:
        """Their phone numbers as first written, each number once."""
        return _distinct((a.contact.phone for a in self.appearances), phone_key)

    @property
    def emails(self) -> tuple[str, ...]:
        """Their email addresses as first written, each address once."""
        return _distinct((a.contact.email for a in self.appearances), email_key)

    @property
    def notes(self) -> tuple[Appearance, ...]:
        """The contacts of theirs that carry notes, each note once."""
        return tuple({a.contact.notes: a for a in self.appearances if a.contact.notes}.values())

    @property
    def open(self) -> bool:
        """Whether any of their opportunities is still open: no definite yes or no yet."""
        return any(a.plan.status not in CLOSING for a in self.appearances)

    @property
    def latest(self) -> Appearance:
        """Their contact in the latest file that lists them: the title to show first."""
        return self.appearances[-1]


def _distinct(
    values: Iterable[str | None], key: Callable[[str | None], str | None]
) -> tuple[str, ...]:
    """Each value once, as first written; two values are one where `key` makes them so."""
    kept: dict[str, str] = {}
    for value in values:
        normal = key(value)
        if value and normal and normal not in kept:
            kept[normal] = value
    return tuple(kept.values())
