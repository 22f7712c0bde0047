"""Any other tracker's CSV export → records, through a map of its columns.

`--map company=Company,role=Position,date=Date Applied` names, for each thing jobsite knows
(a target), the column that holds it; `TARGETS` lists them. Without `--map` (or for what it
leaves out), a column named as trackers name them is read as its target (`guess_map`: the key
words of `journal.trackers`, `Job-Title` or `Date Applied` as much as `role`).

A row's stage is a word of `journal.trackers` (`Applied`, `Phone Screen`, `Rejected`, `On
Hold`...) and gives the history `trackers.stage_history` makes of it: the stage's event on the
row's date, after an `applied` event on the application date; a later stage with only an
application date keeps both facts, the outcome as the file's status. Without a stage column,
a row is an application where a date column is mapped, and a lead where none is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from jobsite.authoring.importing.markup import text_to_markdown
from jobsite.authoring.importing.record import (
    LEAD,
    Batch,
    Record,
    RowError,
    Warn,
    batch_of,
    contact_from,
    iso_date,
    one_line,
    row_id,
    stage_history,
    stage_of,
)
from jobsite.authoring.importing.table import DEFAULT_LIMITS, Limits, Row, SourceError, read_csv
from jobsite.journal import trackers
from jobsite.words import closest, quoted

SOURCE = "csv"
# Each target and what its column holds, in the order `--help` and the README list them.
TARGETS = {
    "company": "the company or organisation (required)",
    "role": "the position",
    "date": "the date of the row's stage (of the application where no stage is mapped)",
    "applied": "the date of the application, where the stage is a later one",
    "stage": "applied, interview, offer, rejected, wishlist... (also: status)",
    "link": "the posting's URL",
    "contact": "the contact's name",
    "email": "the contact's email",
    "phone": "the contact's phone",
    "notes": "notes, written as the body of the file",
    "tags": "tags, separated by commas or semicolons",
    "location": "where the job is",
    "salary": "the pay",
    "id": "the row's own id in the tracker, so a second import knows it",
}
ALIASES = {"status": "stage", "position": "role", "title": "role", "url": "link"}
_TAG_SEPARATORS = re.compile(r"[,;]")
# Columns read without `--map`: the trackers' keys, and these (normalised as keys are).
_GUESSED = {"status": "stage", "contacts": "contact"}
_COLUMNS = {
    "email": ("email", "contactemail", "recruiteremail"),
    "phone": ("phone", "contactphone", "recruiterphone", "phonenumber"),
    "notes": ("notes", "note", "comments"),
    "location": ("location",),
    "salary": ("salary", "pay", "compensation"),
    "date": ("lastupdate", "lastupdated", "updated", "updatedat", "stagedate"),
}


class MapError(ValueError):
    """A `--map` that names no target, or names one twice; the message says which."""


def parse_map(values: Iterable[str]) -> dict[str, str]:
    """`company=Company,role=Job Title` (any number of times) → {target: column}.

    A comma that is not followed by `target=` belongs to the column's name, so
    `company=Acme, Inc.` keeps its comma. Raises `MapError`.
    """
    pairs: list[list[str]] = []
    for value in values:
        for part in value.split(","):
            target, equals, column = part.partition("=")
            if equals and _target(target) is not None:
                pairs.append([target, column])
            elif pairs and not (equals and target.strip().isidentifier()):
                pairs[-1][1] += "," + part
            elif equals:
                raise MapError(_unknown_target(target))
            else:
                raise MapError(f"{quoted(part.strip())} is not TARGET=COLUMN")
    mapping: dict[str, str] = {}
    for target, column in pairs:
        name = _target(target) or ""
        if name in mapping:
            raise MapError(f"{quoted(target.strip())} is mapped twice")
        if not column.strip():
            raise MapError(f"{quoted(target.strip())} names no column: give {name}=COLUMN")
        mapping[name] = column.strip()
    return mapping


def guess_map(columns: Iterable[str]) -> dict[str, str]:
    """{target: column} for the columns named as trackers name them (`Company`, `Job
    Title`, `Status`, `Date Applied`, `Job URL`, `Recruiter Email`...), the first of each."""
    guessed: dict[str, str] = {}
    for column in columns:
        target = trackers.key_target(column)
        target = _GUESSED.get(target or "", target)
        if target is None:
            normal = trackers.normal_key(column)
            target = next((t for t, names in _COLUMNS.items() if normal in names), None)
        if target in TARGETS and target not in guessed:
            guessed[target] = column
    return guessed


def read_mapped(
    path: Path,
    name: str,
    mapping: Mapping[str, str],
    date_format: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Batch:
    """Read the CSV export at `path` through `mapping` ({target: column}, from `parse_map`;
    the columns it leaves out are guessed from their names); dates are ISO unless
    `date_format` (as for `strptime`) says otherwise. Raises `SourceError` where no column
    holds the company."""
    table = read_csv(path, name, limits)
    given = {target: table.column(column) for target, column in mapping.items()}
    taken = set(given.values())
    guessed = {t: c for t, c in guess_map(table.columns).items() if c not in taken}
    columns = {**{t: c for t, c in guessed.items() if t not in given}, **given}
    if "company" not in columns:
        raise SourceError(
            f"{name}:{table.line}: no column is the company's: name it with --map company=COLUMN"
        )
    dated = "date" in columns or "applied" in columns
    default_stage = "applied" if dated else LEAD

    def build(row: Row, warn: Warn) -> Record:
        def get(target: str) -> str | None:
            return row.get(columns[target]) if target in columns else None

        def day(target: str) -> date | None:
            text = get(target)
            if trackers.is_no_date(text):
                return None
            return _date(text or "", columns[target], date_format)

        company = one_line(get("company"))
        if company is None:
            raise RowError(f"{columns['company']} is empty: the row has no company")
        written_stage = get("stage")
        stage = stage_of(written_stage, columns["stage"]) if written_stage else default_stage
        applied = day("applied")
        events, status, warning = stage_history(
            stage, written_stage or stage, applied=applied, on=day("date")
        )
        if warning:
            warn(warning)
        extra = [(key, one_line(get(key))) for key in ("location", "salary")]
        notes = get("notes")
        link = one_line(get("link"))
        own_id = one_line(get("id"))
        return Record(
            source=SOURCE,
            id=own_id or row_id(company, get("role"), get("applied"), get("date"), link),
            company=company,
            role=one_line(get("role")),
            status=status,
            contact=contact_from(get("contact"), get("email"), get("phone")),
            events=events,
            tags=tuple(t.strip() for t in _TAG_SEPARATORS.split(get("tags") or "") if t.strip()),
            link=link,
            extra=tuple((key, value) for key, value in extra if value),
            body=text_to_markdown(notes) if notes else "",
        )

    batch = batch_of(name, [table], build)
    return replace(batch, guessed=tuple((t, c) for t, c in columns.items() if t not in given))


def _target(word: str) -> str | None:
    normal = word.strip().lower()
    return normal if normal in TARGETS else ALIASES.get(normal)


def _unknown_target(word: str) -> str:
    near = closest(word.strip().lower(), [*TARGETS, *ALIASES])
    hint = f" (did you mean {quoted(near)}?)" if near else f" (one of {', '.join(TARGETS)})"
    return f"unknown target {quoted(word.strip())}{hint}"


def _date(text: str, column: str, date_format: str | None) -> date:
    if date_format is None:
        try:
            return iso_date(text, column)
        except RowError as error:
            raise RowError(f"{error}; --date-format names another form") from None
    try:
        return datetime.strptime(text.strip(), date_format).date()
    except ValueError:
        raise RowError(
            f"{column}: {quoted(text)} is not a date in the form {quoted(date_format)}"
        ) from None
