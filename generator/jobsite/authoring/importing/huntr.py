"""Huntr's job export (a CSV) → records, one opportunity per job on the board.

The columns are `id,createdAt,title,salary,location,url,rootDomain,htmlDescription,deadline,
color,lastMovedAt,boardId,boardName,listId,listName,companyId,companyName,companyDomain,
creatorUserId,creatorUserFirstName,creatorUserLastName,creatorUserEmail`; `-` means empty, and
times look like `2022-02-26 19:17:05`. The list a job sits in (`listName`) is its stage:

- Wishlist: a lead, with no events;
- Applied: `applied` on `lastMovedAt`;
- Interview: `applied` on `createdAt`, then `interview` on `lastMovedAt`;
- Offer: `offer` on `lastMovedAt`;
- Rejected: `rejected` on `lastMovedAt`.

A list of the user's own making is read as a stage word of `journal.trackers` (`Phone Screen`
is an interview, `On Hold` paused, `Ghosted` closed) where it is one. The description is HTML
from the job posting: it becomes safe Markdown in the body.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from jobsite.authoring.importing.record import (
    LEAD,
    Batch,
    Record,
    RowError,
    Warn,
    batch_of,
    iso_date,
    one_line,
    row_id,
    stage_history,
    stage_of,
)
from jobsite.authoring.importing.table import DEFAULT_LIMITS, Limits, Row, read_csv
from jobsite.vocabulary import INTERVIEWS

SOURCE = "huntr"
_REQUIRED = ("companyName", "title", "listName", "createdAt", "lastMovedAt")
_EMPTY = ("-",)


def read_huntr(path: Path, name: str, limits: Limits = DEFAULT_LIMITS) -> Batch:
    """Read Huntr's job export at `path`; `name` is how messages name it."""
    table = read_csv(path, name, limits)
    table.require(_REQUIRED, "a Huntr job export")
    return batch_of(name, [table], _record)


def _record(row: Row, warn: Warn) -> Record:
    def get(column: str) -> str | None:
        return row.get(column, _EMPTY)

    company = one_line(get("companyName"))
    if company is None:
        raise RowError("companyName is empty: the job has no company")
    listed = get("listName")
    if listed is None:
        raise RowError("listName is empty: the job's stage is unknown")
    stage = stage_of(listed, "listName")
    created = _date(get("createdAt"), "createdAt")
    moved = _date(get("lastMovedAt"), "lastMovedAt")
    day = moved or created if stage != LEAD else None
    applied = created if stage in INTERVIEWS else None
    events, status, warning = stage_history(stage, listed, applied=applied, on=day)
    if warning:
        warn(f"createdAt and lastMovedAt are empty: {warning}")
    extra: list[tuple[str, object]] = [
        (key, value) for key in ("location", "salary") if (value := one_line(get(key)))
    ]
    deadline = get("deadline")
    if deadline:
        extra.append(("deadline", _date(deadline, "deadline")))
    description = get("htmlDescription")
    url = get("url")
    return Record(
        source=SOURCE,
        id=get("id") or row_id(get("createdAt"), company, get("title"), url),
        company=company,
        role=one_line(get("title")),
        status=status,
        events=events,
        link=one_line(url),
        extra=tuple(extra),
        html=description,
    )


def _date(text: str | None, column: str) -> date | None:
    return iso_date(text, column) if text else None
