"""Everyone in a journal's plans of one day, as `Person` values (guide/people.md).

`group_contacts` says which contacts are one person: their email or their phone matches, or
their name and their company do, transitively (a person who moved from Acme to Globex with
the same email is one person with two companies; a Dana Smith at Acme and one at Globex
with nothing else in common are two). It reads only the opportunities, so `jobsite.agenda`
can run it on the journal as written before the `redact` setting takes the phones and
emails out of what is published. `find_people` puts the rest together: the events with each
person, what is owed to them, who introduced whom.

Pure: nothing here reads the disk or the clock.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from jobsite.model import Action, Contact, Opportunity, Plan, company_key
from jobsite.people.values import (
    Appearance,
    Encounter,
    Person,
    Referral,
    email_key,
    name_key,
    phone_key,
)

# Where a contact stands: (the opportunity's path, the contact's place in its `contacts`).
Place = tuple[str, int]
# Which contacts are one person: each group's places, in the order of the journal.
Groups = tuple[tuple[Place, ...], ...]

# Not a contact with anyone: an application goes to a company (guide/people.md).
_NOT_CONTACT = ("applied",)


@dataclass(frozen=True, slots=True)
class _Directory:
    """From a name written in a file to the key of the person it means."""

    by_place: Mapping[Place, str]
    by_company: Mapping[tuple[str, str], str]  # (company key, name key) → person
    by_name: Mapping[str, frozenset[str]]  # name key → everyone of that name

    def of_place(self, opportunity: Opportunity, contact: Contact) -> str | None:
        """The person a contact of `opportunity` is (the very contact, not an equal one)."""
        for index, candidate in enumerate(opportunity.contacts):
            if candidate is contact:
                return self.by_place.get((opportunity.path, index))
        return None

    def named(self, name: str | None, opportunity: Opportunity) -> str | None:
        """Whom a name written in `opportunity`'s file (a `with:`) means: the contact of that
        file of that name, or the one contact whose name holds it (`Dana` for `Dana Smith`),
        else the person of that name at the same company; None where it is no one's."""
        if not name or not name.strip():
            return None
        needle = name_key(name)
        names = [name_key(contact.name) for contact in opportunity.contacts]
        exact = [i for i, full in enumerate(names) if full == needle]
        partial = [i for i, full in enumerate(names) if needle in full]
        index = exact[0] if exact else (partial[0] if len(partial) == 1 else None)
        if index is not None:
            return self.by_place.get((opportunity.path, index))
        return self.by_company.get((company_key(opportunity.company), needle))

    def referred(self, name: str | None, opportunity: Opportunity) -> str | None:
        """Whom an `introduced_by` means: as `named` finds them, else the one person in the
        journal of exactly that name (an introducer is often at another company)."""
        found = self.named(name, opportunity)
        if found is not None or not name:
            return found
        everyone = self.by_name.get(name_key(name), frozenset())
        return next(iter(everyone)) if len(everyone) == 1 else None


@dataclass(frozen=True, slots=True)
class People:
    """Everyone in the journal, sorted by name, and the way from a file's names to them."""

    people: tuple[Person, ...]
    keyed: Mapping[str, Person]
    directory: _Directory

    def __iter__(self) -> Iterator[Person]:
        return iter(self.people)

    def __len__(self) -> int:
        return len(self.people)

    def by_key(self, key: str) -> Person:
        """The person of that key."""
        return self.keyed[key]

    def of_contact(self, opportunity: Opportunity, contact: Contact) -> Person | None:
        """The person that contact of `opportunity` is."""
        key = self.directory.of_place(opportunity, contact)
        return self.keyed[key] if key else None

    def named(self, opportunity: Opportunity, name: str | None) -> Person | None:
        """The person a name written in `opportunity`'s file means, such as a `with:`."""
        key = self.directory.named(name, opportunity)
        return self.keyed[key] if key else None

    def referred(self, opportunity: Opportunity, name: str | None) -> Person | None:
        """The person an `introduced_by` written in `opportunity`'s file means."""
        key = self.directory.referred(name, opportunity)
        return self.keyed[key] if key else None


def group_contacts(opportunities: Iterable[Opportunity]) -> Groups:
    """Which contacts are one person: those whose email or phone matches, or whose name
    and company do (guide/people.md), joined transitively."""
    places: list[Place] = []
    parent: list[int] = []
    first: dict[str, int] = {}  # each mark, and the first contact that had it

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for opportunity in opportunities:
        for position, contact in enumerate(opportunity.contacts):
            index = len(places)
            places.append((opportunity.path, position))
            parent.append(index)
            for mark in _marks(contact, opportunity.company):
                if mark in first:
                    parent[root(index)] = root(first[mark])
                else:
                    first[mark] = index
    groups: dict[int, list[Place]] = {}
    for index, place in enumerate(places):
        groups.setdefault(root(index), []).append(place)
    return tuple(tuple(group) for group in groups.values())


def find_people(plans: Iterable[Plan], today: date, groups: Groups | None = None) -> People:
    """Everyone in the plans of `today`, sorted by name; `groups` as `group_contacts` gave
    them (by default, worked out from the plans' own opportunities)."""
    plans = tuple(plans)
    found = _gathered(plans, groups)
    directory = _directory(found)
    events: dict[str, list[Encounter]] = {key: [] for key in found}
    owed: dict[str, list[Action]] = {key: [] for key in found}
    brought: dict[str, list[Plan]] = {key: [] for key in found}
    for plan in plans:
        _attribute(plan, directory, events, owed)
        who = directory.referred(plan.opportunity.introduced_by, plan.opportunity)
        if who is not None:
            brought[who].append(plan)
    referrals = _referrals(plans, directory)
    introduced: dict[str, list[str]] = {key: [] for key in found}
    for key, refs in referrals.items():
        for ref in refs:
            if ref.person not in (None, key) and key not in introduced[ref.person]:
                introduced[ref.person].append(key)
    people = sorted(
        (
            Person(
                key,
                _shown_name(appearances),
                appearances,
                events=tuple(sorted(events[key], key=lambda e: e.event.date)),
                actions=tuple(sorted(owed[key], key=lambda a: a.sort_key)),
                last_contact=_last_contact(events[key], today),
                introduced_by=tuple(referrals.get(key, ())),
                introduced=tuple(introduced[key]),
                brought=tuple(brought[key]),
            )
            for key, appearances in found.items()
        ),
        key=lambda p: (name_key(p.name), p.key),
    )
    return People(tuple(people), {p.key: p for p in people}, directory)


def chain(people: People, person: Person) -> tuple[Person, ...]:
    """Who introduced you to `person`, who introduced you to them, and so on (the first
    introducer each time), until a name names no one or the chain comes round again."""
    found: list[Person] = []
    seen = {person.key}
    current = person
    while current.introduced_by and current.introduced_by[0].person not in (None, *seen):
        current = people.by_key(current.introduced_by[0].person or "")
        seen.add(current.key)
        found.append(current)
    return tuple(found)


def _marks(contact: Contact, company: str) -> Iterator[str]:
    """What makes two contacts one person: an email, a phone, a name at a company."""
    email, phone = email_key(contact.email), phone_key(contact.phone)
    if email:
        yield f"email\0{email}"
    if phone:
        yield f"phone\0{phone}"
    yield f"name\0{name_key(contact.name)}\0{company_key(company)}"


def _gathered(plans: tuple[Plan, ...], groups: Groups | None) -> dict[str, tuple[Appearance, ...]]:
    """Each person's contacts in time order, by the person's lasting key: the name they are
    shown by and the company they first appear at."""
    plan_at = {plan.opportunity.path: plan for plan in plans}
    if groups is None:
        groups = group_contacts(plan.opportunity for plan in plans)
    found: dict[str, tuple[Appearance, ...]] = {}
    for group in groups:
        appearances = sorted(
            (
                Appearance(plan_at[path].opportunity.contacts[index], plan_at[path])
                for path, index in group
                if path in plan_at and index < len(plan_at[path].opportunity.contacts)
            ),
            key=lambda a: (a.since or date.max, a.opportunity.path),
        )
        if not appearances:
            continue
        first = appearances[0].opportunity.company
        key = f"{name_key(_shown_name(appearances))}\0{company_key(first)}"
        unique, number = key, 2
        while unique in found:  # two groups that the `redact`ed journal told apart
            unique, number = f"{key}\0{number}", number + 1
        found[unique] = tuple(appearances)
    return found


def _directory(found: Mapping[str, tuple[Appearance, ...]]) -> _Directory:
    by_place: dict[Place, str] = {}
    by_company: dict[tuple[str, str], str] = {}
    by_name: dict[str, set[str]] = {}
    for key, appearances in found.items():
        for a in appearances:
            index = next(i for i, c in enumerate(a.opportunity.contacts) if c is a.contact)
            by_place[(a.opportunity.path, index)] = key
            name = name_key(a.contact.name)
            by_company.setdefault((company_key(a.opportunity.company), name), key)
            by_name.setdefault(name, set()).add(key)
    return _Directory(by_place, by_company, {n: frozenset(k) for n, k in by_name.items()})


def _shown_name(appearances: Iterable[Appearance]) -> str:
    """The spelling most of their contacts use; on a tie, the one used first in time."""
    spelled = [" ".join(a.contact.name.split()) for a in appearances]
    counts = Counter(spelled)
    return max(spelled, key=lambda name: (counts[name], -spelled.index(name)))


def _attribute(
    plan: Plan,
    directory: _Directory,
    events: dict[str, list[Encounter]],
    owed: dict[str, list[Action]],
) -> None:
    """Each event of `plan` goes to the person it is `with:`, or, naming no one, to the
    primary contact; each action to the primary contact, and to whoever its event is with."""
    opportunity = plan.opportunity
    primary = opportunity.primary_contact
    first = directory.of_place(opportunity, primary) if primary is not None else None
    for event in opportunity.events:
        who = directory.named(event.with_, opportunity) if event.with_ else first
        if who is not None:
            events[who].append(Encounter(event, plan))
    for action in plan.actions:
        trigger = action.trigger
        named = directory.named(trigger.with_, opportunity) if trigger is not None else None
        for who in dict.fromkeys(k for k in (first, named) if k is not None):
            owed[who].append(action)


def _last_contact(encounters: list[Encounter], today: date) -> Encounter | None:
    """The latest event with them dated up to today that was a contact (an application is
    not); of one day's, the last in its file."""
    past = [e for e in encounters if e.event.date <= today and e.event.type not in _NOT_CONTACT]
    return max(past, key=lambda e: (e.event.date, e.event.line), default=None)


def _referrals(plans: tuple[Plan, ...], directory: _Directory) -> dict[str, list[Referral]]:
    """Who introduced you to each person: the `introduced_by` of each of their contacts,
    each name once."""
    found: dict[str, list[Referral]] = {}
    for plan in plans:
        opportunity = plan.opportunity
        for contact in opportunity.contacts:
            key = directory.of_place(opportunity, contact)
            if key is None or not contact.introduced_by:
                continue
            refs = found.setdefault(key, [])
            name = " ".join(contact.introduced_by.split())
            if all(name_key(r.name) != name_key(name) for r in refs):
                refs.append(Referral(name, directory.referred(name, opportunity)))
    return found
