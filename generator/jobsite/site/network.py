"""What the people pages need (guide/people.md): each person with their page's address, the
index's order, and the way from a name on any page to the page of the person it names.

The people themselves, who is who and what is owed to whom, come from `jobsite.people` as
they are; this module only names their pages and orders them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from jobsite.model import Action, Contact, Opportunity
from jobsite.people import People, Person, chain, name_key
from jobsite.slugs import slugify


@dataclass(frozen=True, slots=True)
class PersonView:
    """One person as their page and the index show them."""

    person: Person
    slug: str

    @property
    def path(self) -> str:
        """The page's folder in the site, e.g. `people/dana-smith/`."""
        return f"people/{self.slug}/"

    @property
    def name(self) -> str:
        """The name the page is titled by."""
        return self.person.name

    @property
    def next_action(self) -> Action | None:
        """The earliest action owed to them, if any."""
        return self.person.actions[0] if self.person.actions else None

    @property
    def last_contact_day(self) -> date | None:
        """The day of the last contact with them, None where there was none."""
        last = self.person.last_contact
        return last.event.date if last is not None else None


@dataclass(frozen=True, slots=True)
class Network:
    """Everyone's page: `index` in the order of the people index (open opportunities first,
    then the longest since the last contact, never first), and the lookups the templates
    use to link a name to its page."""

    people: People
    index: tuple[PersonView, ...]
    views: Mapping[str, PersonView]  # by the person's key

    def of_contact(self, opportunity: Opportunity, contact: Contact | None) -> PersonView | None:
        """The page of a contact of `opportunity`."""
        person = self.people.of_contact(opportunity, contact) if contact is not None else None
        return self.views[person.key] if person is not None else None

    def named(self, opportunity: Opportunity, name: str | None) -> PersonView | None:
        """The page of the person a name in `opportunity`'s file (a `with:`) means."""
        person = self.people.named(opportunity, name)
        return self.views[person.key] if person is not None else None

    def referred(self, opportunity: Opportunity, name: str | None) -> PersonView | None:
        """The page of the person an `introduced_by` in `opportunity`'s file means."""
        person = self.people.referred(opportunity, name)
        return self.views[person.key] if person is not None else None

    def view(self, key: str | None) -> PersonView | None:
        """The page of the person of that key."""
        return self.views.get(key) if key is not None else None

    def chain(self, view: PersonView) -> tuple[PersonView, ...]:
        """Who introduced you to them, and who introduced you to that one, and so on."""
        return tuple(self.views[p.key] for p in chain(self.people, view.person))


def network_of(people: People, slug_for: Callable[[str], str] | None = None) -> Network:
    """The pages of `people`: each at `people/<slug>/`, the slug made from the name (two
    people of one name get `-2`, `-3` in the order of their keys) or, in protected mode,
    by `slug_for` from the person's key, which says nothing of them."""
    views: dict[str, PersonView] = {}
    used: set[str] = set()
    for person in sorted(people, key=lambda p: p.key):
        slug = slug_for(person.key) if slug_for else slugify(person.name, fallback="person")
        candidate, number = slug, 2
        while candidate in used:
            candidate, number = f"{slug}-{number}", number + 1
        used.add(candidate)
        views[person.key] = PersonView(person, candidate)
    index = sorted(
        views.values(),
        key=lambda v: (
            not v.person.open,
            v.last_contact_day or date.min,
            name_key(v.name),
            v.person.key,
        ),
    )
    return Network(people, tuple(index), views)
