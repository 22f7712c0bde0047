"""LinkedIn's data export → records, one opportunity per job posting applied for or saved.

"Get a copy of your data" gives a ZIP holding `Jobs/Job Applications.csv` (a long history is
split into `Job Applications_1.csv`, `_2`...) and `Jobs/Saved Jobs.csv`; the ZIP, or one such
CSV, will do. Job Applications' columns are `Application Date,Contact Email,Contact Phone
Number,Company Name,Job Title,Job Url,Resume Name,Question And Answers`, dates like `10/5/24,
2:15 PM` (month, day, year of two digits); Saved Jobs' are `Saved Date,Job Url,Job Title,
Company Name`.

Each posting becomes one opportunity: an `applied` event for each time it was applied for
(the same Job Url twice is one file with two applications), and a saved job never applied
for a lead. The contact columns hold the person's own email and phone (the details they
applied with), not the company's: they are never made a contact, and the command offers them
for `me:` instead.

The ZIP is read member by member as a stream, within the import's caps: a member protected
by a password, or larger unpacked than the size cap (a ZIP bomb), stops the import in one line.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path, PurePosixPath

from jobsite.authoring.importing.markup import text_to_markdown
from jobsite.authoring.importing.record import (
    Batch,
    Record,
    RowError,
    Warn,
    batch_of,
    one_line,
    row_id,
)
from jobsite.authoring.importing.table import (
    DEFAULT_LIMITS,
    Limits,
    Row,
    SourceError,
    Table,
    first_bytes,
    read_csv,
    read_table,
    size_text,
)
from jobsite.model import Event
from jobsite.words import quoted

SOURCE = "linkedin"
_APPLIED = ("Application Date", "Company Name", "Job Title")
_SAVED = ("Saved Date", "Company Name", "Job Title")
_APPLICATIONS = re.compile(r"job applications(_\d+)?\.csv", re.IGNORECASE)
_SAVED_JOBS = re.compile(r"saved jobs(_\d+)?\.csv", re.IGNORECASE)
# `10/5/24, 2:15 PM`: only the date counts; a four-digit year is read too.
_DATE = re.compile(
    r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})"
    r"(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?\s*[Mm]\.?)?)?"
)
_WHAT = "LinkedIn's Job Applications.csv or Saved Jobs.csv"
_ENCRYPTED = 0x1  # the ZIP flag bit of a member protected by a password


def read_linkedin(path: Path, name: str, limits: Limits = DEFAULT_LIMITS) -> Batch:
    """Read LinkedIn's `Job Applications.csv` or `Saved Jobs.csv`, or every such file in the
    export's ZIP."""
    if first_bytes(path, name, limits).startswith(b"PK\x03\x04"):
        tables = _zip_tables(path, name, limits)
    else:
        tables = [read_csv(path, name, limits)]
    applications, saved = [], []
    for table in tables:
        if all(column in table.columns for column in _SAVED) and "Application Date" not in (
            table.columns
        ):
            saved.append(table)
        else:
            table.require(_APPLIED, _WHAT)
            applications.append(table)
    batch = batch_of(name, applications, _application)
    leads = batch_of(name, saved, _saved_job)
    records = _one_per_posting(batch.records)
    posted = {_posting(record) for record in records}
    records += [lead for lead in _one_per_posting(leads.records) if _posting(lead) not in posted]
    problems = tuple(sorted((*batch.problems, *leads.problems), key=lambda p: (p.path, p.line)))
    return Batch(name, tuple(records), problems, me=_me(applications))


def _zip_tables(path: Path, name: str, limits: Limits) -> list[Table]:
    """The `Job Applications*.csv` and `Saved Jobs*.csv` files of the export's ZIP, in name
    order, each read as a stream within `limits`."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = sorted(
                (info for info in archive.infolist() if _wanted(info)),
                key=lambda info: info.filename,
            )
            if not members:
                raise SourceError(
                    f"{name}: no Jobs/Job Applications.csv in this ZIP: "
                    "LinkedIn's export needs to include your job applications"
                )
            tables = []
            for info in members:
                member = f"{name}/{info.filename}"
                _check_member(info, member, limits)
                with archive.open(info) as stream:
                    tables.append(read_table(member, stream, limits))  # type: ignore[arg-type]
            return tables
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError) as error:
        raise SourceError(f"{name}: cannot read the ZIP: {error}") from None
    except RuntimeError as error:  # zipfile's word for a password it was not given
        raise SourceError(f"{name}: cannot read the ZIP: {error}") from None


def _wanted(info: zipfile.ZipInfo) -> bool:
    name = _base(info)
    return not info.is_dir() and bool(_APPLICATIONS.fullmatch(name) or _SAVED_JOBS.fullmatch(name))


def _base(info: zipfile.ZipInfo) -> str:
    return PurePosixPath(info.filename).name


def _check_member(info: zipfile.ZipInfo, member: str, limits: Limits) -> None:
    """One line for a member that cannot be read safely, before a byte of it is unpacked."""
    if info.flag_bits & _ENCRYPTED:
        raise SourceError(
            f"{member}: protected by a password: unzip the export yourself and import "
            "Jobs/Job Applications.csv"
        )
    if info.file_size > limits.size:
        raise SourceError(
            f"{member}: {size_text(info.file_size)} unpacked from {size_text(info.compress_size)}"
            f", larger than the {size_text(limits.size)} cap (a ZIP bomb?): --max-size raises it"
        )


def _application(row: Row, warn: Warn) -> Record:
    company = one_line(row.get("Company Name"))
    if company is None:
        raise RowError("Company Name is empty: the application has no company")
    role = one_line(row.get("Job Title"))
    written = row.get("Application Date")
    events: tuple[Event, ...] = ()
    if written is None:
        warn("Application Date is empty: imported as a lead, with no events")
    else:
        events = (Event(_date(written, "Application Date"), "applied", channel="linkedin"),)
    url = one_line(row.get("Job Url"))
    resume = one_line(row.get("Resume Name"))
    answers = row.get("Question And Answers")
    body = f"## Application questions\n\n{text_to_markdown(answers)}\n" if answers else ""
    return Record(
        source=SOURCE,
        id=row_id(company, role, url) if url else row_id(written, company, role, url),
        company=company,
        role=role,
        events=events,
        link=url,
        extra=(("resume", resume),) if resume else (),
        body=body,
    )


def _saved_job(row: Row, warn: Warn) -> Record:
    company = one_line(row.get("Company Name"))
    if company is None:
        raise RowError("Company Name is empty: the saved job has no company")
    role = one_line(row.get("Job Title"))
    url = one_line(row.get("Job Url"))
    written = row.get("Saved Date")
    saved = _date(written, "Saved Date") if written else None
    return Record(
        source=SOURCE,
        id=row_id("saved", company, role, url),
        company=company,
        role=role,
        link=url,
        extra=(("saved", saved),) if saved else (),
    )


def _posting(record: Record) -> tuple[str, ...]:
    """What makes two rows one posting: its URL, else its company and title."""
    if record.link:
        return (record.link.rstrip("/").casefold(),)
    return (" ".join(record.company.casefold().split()), " ".join((record.role or "").split()))


def _one_per_posting(records: tuple[Record, ...]) -> list[Record]:
    """The records of one posting as one: every application's event, in date order; the
    first row's line, id and the rest; the bodies one after the other where they differ."""
    merged: dict[tuple[str, ...], Record] = {}
    for record in records:
        key = _posting(record)
        first = merged.get(key)
        if first is None:
            merged[key] = record
            continue
        events = sorted({*first.events, *record.events}, key=lambda event: event.date)
        body = first.body
        if record.body and record.body not in body:
            body = f"{body}\n{record.body}" if body else record.body
        merged[key] = replace(
            first, events=tuple(events), body=body, extra=_joined(first.extra, record.extra)
        )
    return list(merged.values())


def _joined(first: tuple, second: tuple) -> tuple[tuple[str, object], ...]:
    """The keys of both, once each: a value that differs joins the first (`resume: A, B`)."""
    values = dict(first)
    for key, value in second:
        if key not in values:
            values[key] = value
        elif value not in str(values[key]).split(", "):
            values[key] = f"{values[key]}, {value}"
    return tuple(values.items())


def _me(tables: list[Table]) -> tuple[tuple[str, str], ...]:
    """The person's own email and phone: the first of each the applications give."""
    found: dict[str, str] = {}
    for table in tables:
        for row in table.rows:
            for key, column in (("email", "Contact Email"), ("phone", "Contact Phone Number")):
                value = one_line(row.get(column))
                if value and key not in found:
                    found[key] = value
    return tuple(found.items())


def _date(text: str, column: str) -> date:
    """`10/5/24, 2:15 PM` → 2024-10-05."""
    match = _DATE.fullmatch(text.strip())
    if match:
        month, day, year = (int(part) for part in match.groups())
        try:
            return date(year + 2000 if year < 100 else year, month, day)
        except ValueError:
            pass
    raise RowError(f"{column}: {quoted(text)} is not a date like '10/5/24, 2:15 PM'")
