"""Records → new opportunity files: matched against the journal first, never overwriting.

A record is already in the journal where a file says it was imported from the same row
(`imported: {from: huntr, id: ...}`), or where a file has the same company and role (ignoring
case and spacing) and an event on the record's first date. Such a record is skipped and the
file left as it is; so is a record that repeats an earlier row of the same export. Every other
record becomes a file named like `jobsite new` names one (`acme-corp-data-engineer.md`, then
`-2`, `-3`...), created with O_EXCL under the journal folder's lock, so that nothing is ever
overwritten, even by a `jobsite new` running at the same moment.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from jobsite.atomic import folder_lock
from jobsite.authoring.importing.markup import html_to_markdown
from jobsite.authoring.importing.record import Record
from jobsite.authoring.newfile import FlowMapping, create, front_matter_file
from jobsite.errors import JobsiteError, reason
from jobsite.journal.cache import Cache
from jobsite.journal.load import load_journal
from jobsite.journal.settings import load_settings
from jobsite.model import Contact, Event, Opportunity
from jobsite.slugs import slugify
from jobsite.vocabulary import CLOSING, CONTACT_KEYS, FRONT_MATTER_KEYS

IMPORTED = "imported"  # the key that remembers the source and the row's id


@dataclass(frozen=True, slots=True)
class Created:
    """A record written (or, in a dry run, to be written) as `path` with `text`; `closed`
    where `--closed-before` closed its history."""

    record: Record
    path: str
    text: str
    closed: bool = False


@dataclass(frozen=True, slots=True)
class Skipped:
    """A record already in the journal as `path`; `why` says how it was recognised."""

    record: Record
    path: str
    why: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of each record, in the order of the export."""

    results: tuple[Created | Skipped, ...]

    @property
    def created(self) -> tuple[Created, ...]:
        """The records written (or to be written)."""
        return tuple(r for r in self.results if isinstance(r, Created))

    @property
    def skipped(self) -> tuple[Skipped, ...]:
        """The records already in the journal."""
        return tuple(r for r in self.results if isinstance(r, Skipped))


def import_records(
    root: Path,
    records: Sequence[Record],
    *,
    dry_run: bool = False,
    closed_before: date | None = None,
) -> Outcome:
    """Create a file under the root's journal folder for each record not already there;
    with `closed_before`, a history still open whose last event is older is written closed
    (`status: closed`).

    With `dry_run`, nothing is written: the outcome says what would be. Raises
    `JournalError` where there is no journal folder.
    """
    settings = load_settings(root)
    folder = root / settings.journal
    lock = folder_lock(folder) if folder.is_dir() and not dry_run else contextlib.nullcontext()
    with lock:
        # Read inside the lock: a file another jobsite command writes meanwhile is seen.
        journal = load_journal(root, settings.journal, Cache(root))
        known = _Known(journal.opportunities)
        planned: set[str] = set()
        results: list[Created | Skipped] = []
        for record in records:
            found = known.find(record)
            if found is not None:
                results.append(Skipped(record, *found))
                continue
            closed = closed_before is not None and _open_before(record, closed_before)
            if closed:
                record = replace(record, status="closed")  # noqa: PLW2901
            text = render(record)
            slug = slugify(record.company, record.role, fallback="opportunity")
            if dry_run:
                path = _free_name(folder, slug, planned)
                planned.add(path.name)
            else:
                try:
                    path = create(folder, slug, text.encode("utf-8"))
                except OSError as error:
                    where = f"{settings.journal}/{slug}.md"
                    raise JobsiteError(f"{where}: cannot write: {reason(error)}") from None
            relative = path.relative_to(root).as_posix()
            known.add(
                relative,
                record.company,
                record.role,
                _dates(record.events),
                _origin(record),
                row=record.line,
            )
            results.append(Created(record, relative, text, closed))
    return Outcome(tuple(results))


def _open_before(record: Record, day: date) -> bool:
    """Whether the record's history is still open and its last event before `day`."""
    if record.status is not None or not record.events:
        return False
    if any(event.type in CLOSING for event in record.events):
        return False
    return max(event.date for event in record.events) < day


def render(record: Record) -> str:
    """The file's text: block YAML front matter, keys in the order guide/journal.md lists them,
    then the body."""
    fields: dict[str, object] = {
        "company": record.company,
        "role": record.role,
        "status": record.status,
    }
    if record.contact is not None:
        fields["contacts"] = [_contact(record.contact)]
    if record.events:
        fields["events"] = [_event(event) for event in record.events]
    if record.tags:
        fields["tags"] = list(record.tags)
    fields["link"] = record.link
    metadata = {key: fields[key] for key in FRONT_MATTER_KEYS if fields.get(key) is not None}
    metadata.update((key, value) for key, value in record.extra if key not in metadata)
    metadata[IMPORTED] = FlowMapping({"from": record.source, "id": record.id})
    body = html_to_markdown(record.html) if record.html else record.body
    return front_matter_file(metadata, body)


def _contact(contact: Contact) -> dict[str, object]:
    values = {key: getattr(contact, key) for key in CONTACT_KEYS if key != "primary"}
    return {key: value for key, value in values.items() if value}


def _event(event: Event) -> FlowMapping:
    values = {
        "date": event.date,
        "type": event.type,
        "with": event.with_,
        "channel": event.channel,
        "notes": event.notes,
    }
    return FlowMapping((key, value) for key, value in values.items() if value is not None)


def _free_name(folder: Path, slug: str, planned: set[str]) -> Path:
    """The name `newfile.create` would give: the first of `slug.md`, `slug-2.md`... that is
    neither on disk nor planned already."""
    number = 1
    while True:
        path = folder / (f"{slug}.md" if number == 1 else f"{slug}-{number}.md")
        if path.name not in planned and not path.exists():
            return path
        number += 1


def _normal(text: str | None) -> str:
    """Company and role match ignoring case and spacing, as company pages do (guide/journal.md)."""
    return " ".join((text or "").casefold().split())


def _dates(events: Iterable[Event]) -> frozenset[date]:
    return frozenset(event.date for event in events)


def _origin(record: Record) -> tuple[str, str]:
    return (record.source, record.id)


class _Known:
    """The opportunities of the journal, and those created so far, by origin and by name."""

    def __init__(self, opportunities: Iterable[Opportunity]) -> None:
        self._origins: dict[tuple[str, str], tuple[str, int]] = {}
        self._names: dict[tuple[str, str], list[tuple[frozenset[date], str, int]]] = {}
        for opportunity in opportunities:
            self.add(
                opportunity.path,
                opportunity.company,
                opportunity.role,
                _dates(opportunity.events),
                _imported(opportunity),
            )

    def add(
        self,
        path: str,
        company: str,
        role: str | None,
        dates: frozenset[date],
        origin: tuple[str, str] | None,
        *,
        row: int = 0,
    ) -> None:
        """Remember the opportunity at `path`; `row` is the line of the export it was made
        from in this import (0 for a file that was there before)."""
        if origin is not None:
            self._origins.setdefault(origin, (path, row))
        self._names.setdefault((_normal(company), _normal(role)), []).append((dates, path, row))

    def find(self, record: Record) -> tuple[str, str] | None:
        """(the path, why) of the opportunity that is `record` already, or None."""
        found = self._origins.get(_origin(record))
        if found is not None:
            return found[0], _why("imported before", found[1])
        first = min(_dates(record.events), default=None)
        for dates, path, row in self._names.get(
            (_normal(record.company), _normal(record.role)), []
        ):
            if first is None:
                return path, _why("the same company and role", row)
            if first in dates:
                return path, _why("the same company, role and date", row)
        return None


def _why(reason: str, row: int) -> str:
    """How a record was recognised; one made from an earlier row of this export says so."""
    return f"a repeat of row {row}" if row else reason


def _imported(opportunity: Opportunity) -> tuple[str, str] | None:
    """The `imported: {from, id}` an earlier import wrote into the file, if it is there."""
    for key, value in opportunity.extra:
        if key == IMPORTED and isinstance(value, dict):
            source, row = value.get("from"), value.get("id")
            if source is not None and row is not None:
                return (str(source), str(row))
    return None
