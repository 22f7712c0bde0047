"""How jobsite says things: counts, days, quoted values and "did you mean", in one place.

Every message that quotes a value from a journal file or the command line goes through
`quoted`, and every problem line through `inert`, so a file cannot move the cursor, retitle
the terminal or split `path:line: message` over two lines.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from typing import Any

_QUOTED_LIMIT = 80  # a quoted value longer than this is cut: a message stays one short line
_IRREGULAR = {"opportunity": "opportunities", "company": "companies", "person": "people"}


def count(number: int, noun: str) -> str:
    """`1 file`, `2 files`, `3 opportunities`."""
    if noun in _IRREGULAR:
        plural = _IRREGULAR[noun]
    elif noun.endswith(("s", "sh", "ch")):
        plural = noun + "es"
    elif noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        plural = noun[:-1] + "ies"  # activity, activities
    else:
        plural = noun + "s"
    return f"{number} {noun if number == 1 else plural}"


def iso_day(day: date) -> str:
    """`Thu 2026-11-26`: ISO so it sorts and cannot be misread, the weekday for people."""
    return f"{day:%a} {day.isoformat()}"


def long_day(day: date) -> str:
    """`Thu 26 Nov 2026`: unambiguous in every country, the weekday first for planning."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def short_day(day: date) -> str:
    """`Thu 26 Nov`: where the year goes without saying (a table of recent weeks)."""
    return f"{day:%a} {day.day} {day:%b}"


def inert(text: str) -> str:
    """`text` with every character that is not printable written as an escape (`\\n`,
    `\\x1b`, `\\u202e`), so it shows as one line and cannot drive a terminal."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else _escape(char) for char in text)


def inert_json(value: object, **options: Any) -> str:
    """`json.dumps(value, **options)` with every character `inert` escapes written as JSON's
    `\\u` escape (`\\u202e`; a pair of halves beyond U+FFFF): the same JSON, nothing raw."""
    text = json.dumps(value, ensure_ascii=False, **options)
    if text.replace("\n", "").isprintable():
        return text
    return "".join(c if c.isprintable() or c == "\n" else _json_escape(c) for c in text)


def quoted(text: str) -> str:
    """A value from the user, quoted for a message: `'intervew'`, escapes for the
    unprintable, and cut short where it is long."""
    text = inert(str(text))
    if len(text) > _QUOTED_LIMIT:
        text = text[: _QUOTED_LIMIT - 1] + "…"
    return f"'{text}'"


def closest(word: str, known: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The known word `word` most likely misspells, if any is close enough."""
    import difflib  # noqa: PLC0415 - only a misspelling needs it, not every command's start

    found = difflib.get_close_matches(word, list(known), n=1, cutoff=cutoff)
    return found[0] if found else None


def misspelling_of(word: str, known: Iterable[str]) -> str | None:
    """The known word that `word` misspells, if any: one letter wrong, missing, extra or two
    swapped (`evnets`, `contcts`, `stauts`), or two such slips in a word of seven letters or
    more (`folowup`). The nearest wins; None where none is that near, or `word` is known."""
    return _misspelling_of(word, tuple(known))


@lru_cache(maxsize=4096)  # a journal asks of the same few unknown keys in every file
def _misspelling_of(word: str, known: tuple[str, ...]) -> str | None:
    best: tuple[int, str] | None = None
    for candidate in known:
        if word == candidate:
            return None
        allowed = 2 if len(candidate) >= 7 else 1
        distance = edit_distance(word, candidate, allowed)
        if distance <= allowed and (best is None or distance < best[0]):
            best = (distance, candidate)
    return best[1] if best else None


def edit_distance(a: str, b: str, limit: int) -> int:
    """The optimal string alignment distance of `a` and `b` (insertions, deletions,
    substitutions and swaps of two neighbours, each counting one), or `limit + 1` where it is
    more than `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, other in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            if i > 1 and j > 1 and char == b[j - 2] and a[i - 2] == other:
                current[j] = min(current[j], before[j - 2] + 1)
        before, previous = previous, current
    return min(previous[-1], limit + 1)


def _json_escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _escape(char: str) -> str:
    if char in "\n\r\t":
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}[char]
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"
