"""LinkedIn's data export → records, one opportunity per job applied for.

"Get a copy of your data" gives a ZIP holding `Jobs/Job Applications.csv` (a long history is
split into `Job Applications_1.csv`, `_2`...); either the ZIP or the CSV will do. The columns
are `Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,
Resume Name,Question And Answers`, and dates look like `10/5/24, 2:15 PM` (month, day, year
of two digits). Each row becomes an opportunity with an `applied` event on its date, and a
contact where the row gives an email or a phone.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from pathlib import Path, PurePosixPath

from jobsite.authoring.importing.markup import text_to_markdown
from jobsite.authoring.importing.record import (
    Batch,
    Record,
    RowError,
    Warn,
    batch_of,
    contact_from,
    one_line,
    row_id,
)
from jobsite.authoring.importing.table import Row, SourceError, Table, read_file, read_table
from jobsite.model import Event
from jobsite.words import quoted

SOURCE = "linkedin"
_REQUIRED = ("Application Date", "Company Name", "Job Title")
_MEMBER = re.compile(r"job applications(_\d+)?\.csv", re.IGNORECASE)
# `10/5/24, 2:15 PM`: only the date counts; a four-digit year is read too.
_DATE = re.compile(
    r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})"
    r"(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?\s*[Mm]\.?)?)?"
)
_WHAT = "LinkedIn's Job Applications.csv"


def read_linkedin(path: Path, name: str) -> Batch:
    """Read LinkedIn's `Job Applications.csv`, or every such file in the export's ZIP."""
    data = read_file(path, name)
    tables = _zip_tables(data, name) if data.startswith(b"PK\x03\x04") else None
    if tables is None:
        tables = [read_table(name, data)]
    for table in tables:
        table.require(_REQUIRED, _WHAT)
    return batch_of(name, tables, _record)


def _zip_tables(data: bytes, name: str) -> list[Table]:
    """The `Job Applications*.csv` files of the export's ZIP, in name order."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = sorted(
                info.filename
                for info in archive.infolist()
                if not info.is_dir() and _MEMBER.fullmatch(PurePosixPath(info.filename).name)
            )
            if not members:
                raise SourceError(
                    f"{name}: no Jobs/Job Applications.csv in this ZIP: "
                    "LinkedIn's export needs to include your job applications"
                )
            return [read_table(f"{name}/{member}", archive.read(member)) for member in members]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError) as error:
        raise SourceError(f"{name}: cannot read the ZIP: {error}") from None


def _record(row: Row, warn: Warn) -> Record:
    company = one_line(row.get("Company Name"))
    if company is None:
        raise RowError("Company Name is empty: the application has no company")
    role = one_line(row.get("Job Title"))
    written = row.get("Application Date")
    events: tuple[Event, ...] = ()
    if written is None:
        warn("Application Date is empty: imported as a lead, with no events")
    else:
        events = (Event(_date(written), "applied", channel="linkedin"),)
    url = one_line(row.get("Job Url"))
    resume = one_line(row.get("Resume Name"))
    answers = row.get("Question And Answers")
    body = f"## Application questions\n\n{text_to_markdown(answers)}\n" if answers else ""
    return Record(
        source=SOURCE,
        id=row_id(written, company, role, url),
        company=company,
        role=role,
        contact=contact_from(None, row.get("Contact Email"), row.get("Contact Phone Number")),
        events=events,
        link=url,
        extra=(("resume", resume),) if resume else (),
        body=body,
    )


def _date(text: str) -> date:
    """`10/5/24, 2:15 PM` → 2024-10-05."""
    match = _DATE.fullmatch(text.strip())
    if match:
        month, day, year = (int(part) for part in match.groups())
        try:
            return date(year + 2000 if year < 100 else year, month, day)
        except ValueError:
            pass
    raise RowError(f"Application Date: {quoted(text)} is not a date like '10/5/24, 2:15 PM'")
