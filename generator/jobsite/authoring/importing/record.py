"""One row of an export as the opportunity it becomes, and the helpers every source shares:
dates, stage words, one-line values and the row's id.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime

from jobsite.authoring.adopting.contacts import person
from jobsite.authoring.importing.table import Row, Table
from jobsite.journal import trackers
from jobsite.model import Contact, Event, Problem
from jobsite.vocabulary import TYPE_WORDS
from jobsite.words import closest, quoted

LEAD = trackers.LEAD  # the stage of a job saved for later: an opportunity with no event yet
# Beside the trackers' words (journal.trackers), a stage may be one of jobsite's own event
# types (`reply`, `meeting`...), and `active` (a tracker's word for "applied, going on").
_OWN = {"active": trackers.APPLIED, **{word: word for word in TYPE_WORDS}}
_MEANINGS = (LEAD, trackers.PAUSED, trackers.APPLIED, trackers.INTERVIEW, *trackers.OUTCOMES)


@dataclass(frozen=True, slots=True)
class Record:
    """One row as an opportunity: what the file will say, and where the row came from.

    `source` and `id` go into the file as `imported: {from: SOURCE, id: ID}`, so that the
    same row imported again is known; `path` and `line` are the export and the row's line in
    it; `extra` are keys beyond guide/journal.md's (`location`, `salary`...), written after them.
    The body is Markdown, or `html` to be made into Markdown when the file is written: that is
    the slow part of an import, and a row already in the journal never needs it.
    """

    source: str
    id: str
    company: str
    role: str | None = None
    status: str | None = None  # an outcome without a date, `paused`; None: active
    contact: Contact | None = None
    events: tuple[Event, ...] = ()
    tags: tuple[str, ...] = ()
    link: str | None = None
    extra: tuple[tuple[str, object], ...] = ()
    body: str = ""
    html: str | None = None
    path: str = ""
    line: int = 0

    @property
    def label(self) -> str:
        """`Acme Corp · Data Engineer`: how a message names the opportunity."""
        return f"{self.company} · {self.role}" if self.role else self.company


@dataclass(frozen=True, slots=True)
class Batch:
    """What one source made of one export: a record for each row it could use, a problem
    for each it could not (errors leave the row out; warnings say what was guessed)."""

    name: str
    records: tuple[Record, ...]
    problems: tuple[Problem, ...]
    guessed: tuple[tuple[str, str], ...] = ()  # (target, column) read without --map
    me: tuple[tuple[str, str], ...] = ()  # the person's own email and phone, where given

    @property
    def bad_rows(self) -> int:
        """How many rows were left out."""
        return len({(p.path, p.line) for p in self.problems if p.is_error})


class RowError(ValueError):
    """A row cannot become an opportunity; the message says why."""


def one_line(text: str | None) -> str | None:
    """A name or a number as one line: a line break or tab in a cell becomes a space."""
    return (" ".join(text.split()) or None) if text is not None else None


def row_id(*values: str | None) -> str:
    """An id for a row that has none of its own: twelve hex digits naming the values that
    identify it, the same each time the same row is read."""
    data = json.dumps([value or "" for value in values], ensure_ascii=False).encode("utf-8")
    return hashlib.blake2b(data, digest_size=6).hexdigest()


def iso_date(text: str, what: str) -> date:
    """`2022-02-26`, `2022-02-26 19:17:05` or `2022-02-26T19:17:05.000Z` → its date;
    `RowError` otherwise."""
    try:
        return datetime.fromisoformat(text.strip()).date()
    except ValueError:
        raise RowError(f"{what}: {quoted(text)} is not a date (YYYY-MM-DD)") from None


def stage_of(word: str, what: str) -> str:
    """What a tracker's stage word means (`journal.trackers`: `LEAD`, `paused`, `applied`,
    `interview`, an outcome), or the jobsite event type it is; `RowError` naming the closest
    word known where it is none of them."""
    meaning = trackers.stage(word) or _OWN.get(trackers.normal_word(word).replace(" ", "-"))
    if meaning is not None:
        return meaning
    near = closest(trackers.normal_word(word), [*trackers.known_words(), *_OWN])
    hint = f" (did you mean {quoted(near)}?)" if near else " (guide/history.md lists the words)"
    raise RowError(f"{what}: unknown stage {quoted(word)}{hint}")


def stage_history(
    stage: str, word: str, *, applied: date | None, on: date | None
) -> tuple[tuple[Event, ...], str | None, str | None]:
    """The events, status and warning of a row at `stage` (from `stage_of`, written `word`),
    applied on `applied`, at that stage since `on` (`trackers.stage_history`)."""
    if stage not in _MEANINGS:  # `reply`, `meeting`, `call`...: that event, after applying
        if on is None:
            return (), None, f"{quoted(word)} has no date: a lead until the date is added"
        events = [Event(applied, "applied")] if applied and applied <= on else []
        return (*events, Event(on, stage)), None, None
    found = trackers.stage_history(stage, word, applied=applied, on=on)
    events = tuple(Event(day, kind) for day, kind in sorted(found.events, key=lambda e: e[0]))
    return events, found.status, found.warning


def contact_from(name: str | None, email: str | None, phone: str | None) -> Contact | None:
    """The row's contact, where it names one or gives an email or a phone. The name may be
    written as people write one (`Dana Smith <dana@acme.example>`, `Dana Smith, HR`); a
    contact needs a name (guide/journal.md): without one, the email (else the phone) stands
    for it."""
    written = person(one_line(name) or "")
    email = one_line(email) or (written.email if written else None)
    phone = one_line(phone) or (written.phone if written else None)
    named = written.name if written and written.name not in (written.email, written.phone) else None
    name = named or email or phone
    if name is None:
        return None
    return Contact(name=name, title=written.title if named else None, phone=phone, email=email)


Warn = Callable[[str], None]
Build = Callable[[Row, Warn], Record]


def batch_of(name: str, tables: Iterable[Table], build: Build) -> Batch:
    """Every row of `tables` through `build`: a record for each row it accepts, a problem for
    each `RowError` it raises and for each warning it gives, all in row order."""
    records: list[Record] = []
    problems: list[Problem] = []
    for table in tables:
        problems.extend(table.problems)
        for row in table.rows:
            warnings: list[str] = []
            try:
                record = build(row, warnings.append)
            except RowError as error:
                problems.append(Problem(table.name, row.line, str(error)))
                continue
            records.append(replace(record, path=table.name, line=row.line))
            problems.extend(Problem(table.name, row.line, w, "warning") for w in warnings)
    problems.sort(key=lambda p: (p.path, p.line))
    return Batch(name, tuple(records), tuple(problems))
