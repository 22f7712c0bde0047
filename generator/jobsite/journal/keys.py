"""Unknown keys in a front matter, a contact or an event (guide/journal.md): which are a
misspelling of a known key, and how much that matters.

A key one slip away from a known one (`evnets`, `contcts`, `stauts`) is a misspelling: an
error where the key it means is absent, since what it holds would be lost in silence (the file
is left out and announced), a warning where both are written. A known key written another way
(`Company`, `Follow-Up`) is how other trackers write it, and a key `jobsite adopt` reads
(`contact:`) is theirs too: those only warn, and `jobsite adopt` is their way in. Any other
unknown key is the user's own, kept and shown as it is.
"""

from __future__ import annotations

from jobsite.journal import trackers
from jobsite.journal import yamlnodes as yn
from jobsite.words import misspelling_of, quoted


def names(items: list[tuple[yn.Node, yn.Node]]) -> frozenset[str]:
    """The keys written in a mapping, as text."""
    return frozenset(str(yn.scalar_text(key)) for key, _ in items)


def unknown_key(
    name: str, known: tuple[str, ...], present: frozenset[str]
) -> tuple[str, str] | None:
    """(severity, message) for the unknown key `name` among the keys `present`, where it says
    something: `("error", "unknown key 'evnets' (did you mean 'events'?)")`; None for a key
    of the user's own."""
    written_otherwise = spelt_otherwise(name, known)
    if written_otherwise is not None:
        return "warning", f"unknown key {quoted(name)} (did you mean '{written_otherwise}'?)"
    near = misspelling_of(name.lower(), known)
    if near is None:
        return None
    message = f"unknown key {quoted(name)} (did you mean '{near}'?)"
    if near in present or trackers.key_target(name) is not None:
        return "warning", message
    return "error", message


def spelt_otherwise(name: str, known: tuple[str, ...]) -> str | None:
    """The known key that `name` writes with other case, spaces, hyphens or underscores
    (`Company`, `Follow-Up`), as other trackers write them: not a misspelling."""
    folded = _fold(name)
    return next((k for k in known if _fold(k) == folded and k != name), None)


def _fold(name: str) -> str:
    return "".join(char for char in name.lower() if char not in " -_")
