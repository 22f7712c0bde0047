"""Which person `jobsite who NAME` means: a name, part of one, an email or a phone."""

from __future__ import annotations

from dataclasses import dataclass

from jobsite.errors import PersonError
from jobsite.people.network import People
from jobsite.people.values import Person, email_key, name_key, phone_key
from jobsite.words import closest, count, quoted


@dataclass(frozen=True, slots=True)
class Found:
    """The people a NAME matches: `exact` where each of them is called that (or has that
    email or phone), else each whose name holds it."""

    query: str
    people: tuple[Person, ...]
    exact: bool


def look_up(people: People, query: str, *, unread: int = 0) -> Found:
    """The people `query` names: those called exactly that, ignoring case and spacing, or
    with that email or phone; else those whose name holds it (`dana` for Dana Smith).

    Raises `PersonError` when no one matches, naming the nearest name where one is close,
    and the `unread` files (left out for an error) that were not searched.
    """
    needle = name_key(query)
    if not needle:
        raise PersonError("who: NAME is empty: give a person's name, or part of it")
    email, phone = email_key(query), phone_key(query) if _looks_like_phone(query) else None
    exact = tuple(
        person
        for person in people
        if needle in (name_key(name) for name in person.names)
        or (email and email in (email_key(e) for e in person.emails))
        or (phone and phone in (phone_key(p) for p in person.phones))
    )
    if exact:
        return Found(query, exact, exact=True)
    partial = tuple(
        person for person in people if any(needle in name_key(name) for name in person.names)
    )
    if partial:
        return Found(query, partial, exact=False)
    hint = _hint(people, needle)
    if unread:
        hint += f" ({count(unread, 'file')} with errors not searched: see 'jobsite check')"
    raise PersonError(f"who: no one in the journal is called {quoted(query)}{hint}")


def _looks_like_phone(text: str) -> bool:
    """A phone is digits with spaces, dots, dashes, brackets and a leading `+`."""
    digits = sum(char.isdigit() for char in text)
    return digits >= 3 and all(char.isdigit() or char in " +-.()/" for char in text.strip())


def _hint(people: People, needle: str) -> str:
    """` (did you mean 'Dana Smith'?)`, where a name or one of its words is close."""
    spelled = {name_key(name): name for person in people for name in person.names}
    near = closest(needle, list(spelled))
    if near is None:
        words = {word: full for full in spelled for word in full.split()}
        word = closest(needle, list(words), cutoff=0.75)
        near = words[word] if word else None
    return f" (did you mean {quoted(spelled[near])}?)" if near else ""
