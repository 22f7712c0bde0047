"""Each source's rows → records: LinkedIn (CSV or ZIP), Huntr, and any CSV through --map."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest

from jobsite.authoring.importing.huntr import read_huntr
from jobsite.authoring.importing.linkedin import read_linkedin
from jobsite.authoring.importing.mapped import MapError, parse_map, read_mapped
from jobsite.authoring.importing.record import LEAD, RowError, stage_of
from jobsite.authoring.importing.table import SourceError
from jobsite.model import Contact, Event

from conftest import DATA

IMPORT = DATA / "import"
LINKEDIN = IMPORT / "linkedin-applications.csv"
HUNTR = IMPORT / "huntr-jobs.csv"
TRACKER = IMPORT / "tracker.csv"
LINKEDIN_HEADER = (
    "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,"
    "Resume Name,Question And Answers\n"
)


def _write(tmp_path: Path, text: str, name: str = "export.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _linkedin_row(tmp_path: Path, when: str) -> list[str]:
    path = _write(tmp_path, LINKEDIN_HEADER + f'"{when}",,,Acme,Engineer,,,\n')
    batch = read_linkedin(path, "x.csv")
    if batch.records:
        return [e.date.isoformat() for e in batch.records[0].events]
    return [str(p) for p in batch.problems]


# LinkedIn


def test_linkedin_rows_become_applications() -> None:
    batch = read_linkedin(LINKEDIN, "li.csv")
    acme, pg, cafe, sample, initech = batch.records
    assert (acme.company, acme.role, acme.link, acme.source) == (
        "Acme Corp",
        "Data Engineer",
        "https://www.linkedin.com/jobs/view/4100000001",
        "linkedin",
    )
    assert acme.events == (Event(date(2026, 11, 20), "applied", channel="linkedin"),)
    assert acme.contact is None  # the contact columns are the applicant's own
    assert batch.me == (("email", "dana@acme.example"), ("phone", "+1 847 555 0100"))
    assert acme.extra == (("resume", "Jane Doe 2026.pdf"),)
    assert (acme.path, acme.line) == ("li.csv", 2)
    assert pg.role == "Analyst, Data" and pg.contact is None
    assert pg.body == (
        "## Application questions\n\n"
        "Years of experience with SQL?: 5 | Will you require sponsorship?: No\n"
    )
    assert cafe.company == "Café Ørsted & Søn"
    assert (sample.company, sample.events) == ("株式会社サンプル", ())  # no date: a lead
    assert initech.events[0].date == date(2024, 10, 5)
    assert initech.role == 'Engineer "II"'
    assert [str(p) for p in batch.problems] == [
        "li.csv:6: warning: Application Date is empty: imported as a lead, with no events",
        "li.csv:8: a quoted value is not closed before the end of the file (cut short?)",
    ]
    assert batch.bad_rows == 1


def test_linkedin_ids_are_stable_and_tell_rows_apart() -> None:
    first = [r.id for r in read_linkedin(LINKEDIN, "li.csv").records]
    again = [r.id for r in read_linkedin(LINKEDIN, "other-name.csv").records]
    assert first == again
    assert len(set(first)) == len(first)


def test_a_header_in_another_order_reads_the_same() -> None:
    (acme, globex) = read_linkedin(IMPORT / "linkedin-reordered.csv", "r.csv").records
    original = read_linkedin(LINKEDIN, "li.csv").records[0]
    assert (acme.company, acme.role, acme.events, acme.contact, acme.link, acme.id) == (
        original.company,
        original.role,
        original.events,
        original.contact,
        original.link,
        original.id,
    )
    assert globex.events == (Event(date(2026, 11, 2), "applied", channel="linkedin"),)


NOT_A_DATE = "x.csv:2: Application Date:"
LIKE = "is not a date like '10/5/24, 2:15 PM'"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("10/5/24, 2:15 PM", ["2024-10-05"]),
        ("1/31/25, 11:59 pm", ["2025-01-31"]),
        ("12/1/2025 09:00", ["2025-12-01"]),
        ("3/7/26", ["2026-03-07"]),
        ("2/30/24, 1:00 PM", [f"{NOT_A_DATE} '2/30/24, 1:00 PM' {LIKE}"]),
        ("2024-10-05", [f"{NOT_A_DATE} '2024-10-05' {LIKE}"]),
    ],
)  # fmt: skip
def test_linkedin_dates(tmp_path: Path, written: str, expected: list[str]) -> None:
    assert _linkedin_row(tmp_path, written) == expected


def test_linkedin_zip_reads_every_job_applications_file(tmp_path: Path) -> None:
    export = tmp_path / "Basic_LinkedInDataExport_11-26-2026.zip"
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr("Connections.csv", "First Name,Last Name\nDana,Smith\n")
        archive.write(LINKEDIN, "Jobs/Job Applications.csv")
        archive.writestr(
            "Jobs/Job Applications_1.csv", LINKEDIN_HEADER + '"9/1/25, 8:00 AM",,,Globex,CTO,,,\n'
        )
    batch = read_linkedin(export, "export.zip")
    assert [r.company for r in batch.records] == [
        "Acme Corp",
        "Procter & Gamble",
        "Café Ørsted & Søn",
        "株式会社サンプル",
        "Initech",
        "Globex",
    ]
    assert batch.records[-1].path == "export.zip/Jobs/Job Applications_1.csv"
    assert str(batch.problems[-1]) == (
        "export.zip/Jobs/Job Applications.csv:8: "
        "a quoted value is not closed before the end of the file (cut short?)"
    )


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda p: zipfile.ZipFile(p, "w").writestr("Connections.csv", "a\n"),
            "export.zip: no Jobs/Job Applications.csv in this ZIP: "
            "LinkedIn's export needs to include your job applications",
        ),
        (
            lambda p: p.write_bytes(b"PK\x03\x04 and then nothing"),
            "export.zip: cannot read the ZIP: File is not a zip file",
        ),
        (
            lambda p: p.write_text("Company,Title\nAcme,Engineer\n"),
            "export.zip:1: not LinkedIn's Job Applications.csv or Saved Jobs.csv: "
            "it has no column 'Application Date'",
        ),
        (lambda p: None, "export.zip: no such file or directory"),
    ],
)
def test_what_is_not_a_linkedin_export(tmp_path: Path, make, message: str) -> None:
    path = tmp_path / "export.zip"
    make(path)
    with pytest.raises(SourceError) as error:
        read_linkedin(path, "export.zip")
    assert str(error.value) == message


# Huntr


def test_huntr_lists_become_stages() -> None:
    batch = read_huntr(HUNTR, "h.csv")
    stages = {r.company: [(e.date.isoformat(), e.type) for e in r.events] for r in batch.records}
    assert stages == {
        "Globex": [("2026-11-02", "applied"), ("2026-11-24", "interview")],
        "Initech": [],
        "Umbrella & Co": [("2026-11-18", "applied")],
        "Soylent": [("2026-11-20", "offer")],
        "Zoë Müller GmbH": [("2026-11-12", "rejected")],
        "Hooli": [("2026-11-16", "applied"), ("2026-11-19", "interview")],  # "Phone Screen"
    }
    assert [str(p) for p in batch.problems] == [
        "h.csv:12: companyName is empty: the job has no company",
        "h.csv:14: the row has 17 of 22 columns (cut short?)",
    ]


def test_huntr_keeps_the_details_and_reads_dash_as_nothing() -> None:
    globex, initech, *_ = read_huntr(HUNTR, "h.csv").records
    assert (globex.id, globex.role, globex.link, globex.source) == (
        "6219801a0000000000000001",
        "Backend Engineer",
        "https://globex.example/jobs/17",
        "huntr",
    )
    assert globex.extra == (("location", "Chicago, IL"), ("salary", "$120,000 - $140,000"))
    assert globex.html is not None and globex.html.startswith("<h2>About the role</h2>\n")
    assert (initech.link, initech.html, initech.extra) == (
        None,
        None,
        (("deadline", date(2026, 12, 15)),),
    )


HUNTR_HEADER = "id,createdAt,lastMovedAt,listName,companyName,title\n"


@pytest.mark.parametrize(
    ("row", "result"),
    [
        ("1,2026-11-02,2026-11-05,applied,Acme,X", [("2026-11-05", "applied")]),
        ("1,2026-11-02,-,Applied,Acme,X", [("2026-11-02", "applied")]),
        ("1,2026-11-06,2026-11-05,Interview,Acme,X", [("2026-11-05", "interview")]),
        ("1,2026-11-02T10:00:00.000Z,2026-11-05T10:00:00Z,Offer,Acme,X", [("2026-11-05", "offer")]),
        ("1,-,-,Applied,Acme,X", "h.csv:2: warning: createdAt and lastMovedAt are empty: "
         "'Applied' has no date: a lead until the date is added"),
        ("1,yesterday,-,Applied,Acme,X",
         "h.csv:2: createdAt: 'yesterday' is not a date (YYYY-MM-DD)"),
        ("1,-,-,Ofer,Acme,X", "h.csv:2: listName: unknown stage 'Ofer' (did you mean 'offer'?)"),
        ("1,-,-,-,Acme,X", "h.csv:2: listName is empty: the job's stage is unknown"),
        ("-,2026-11-02,-,Withdrawn,Acme,X", [("2026-11-02", "withdrawn")]),
    ],
)  # fmt: skip
def test_huntr_rows(tmp_path: Path, row: str, result) -> None:
    batch = read_huntr(_write(tmp_path, HUNTR_HEADER + row + "\n"), "h.csv")
    if isinstance(result, str):
        assert [str(p) for p in batch.problems] == [result]
    else:
        assert [(e.date.isoformat(), e.type) for e in batch.records[0].events] == result
        assert batch.records[0].id == "1" or row.startswith("-")


def test_a_huntr_export_needs_its_columns(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as error:
        read_huntr(LINKEDIN, "li.csv")
    assert str(error.value) == "li.csv:1: not a Huntr job export: it has no column 'companyName'"


# Any other CSV


def test_parse_map() -> None:
    assert parse_map(["company=Company,role=Job Title", "date=Applied On"]) == {
        "company": "Company",
        "role": "Job Title",
        "date": "Applied On",
    }
    assert parse_map(["company=Acme, Inc. (name),Status=Stage,url=Link"]) == {
        "company": "Acme, Inc. (name)",
        "stage": "Stage",
        "link": "Link",
    }


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (["company=A,rol=B"], "unknown target 'rol' (did you mean 'role'?)"),
        (["compnay=A"], "unknown target 'compnay' (did you mean 'company'?)"),
        (["xyz=A"], "unknown target 'xyz' (one of company, role, date, applied, stage, link, "
                    "contact, email, phone, notes, tags, location, salary, id)"),
        (["company"], "'company' is not TARGET=COLUMN"),
        (["company=A,stage=B,status=C"], "'status' is mapped twice"),
        (["company="], "'company' names no column: give company=COLUMN"),
    ],
)  # fmt: skip
def test_parse_map_errors(values: list[str], message: str) -> None:
    with pytest.raises(MapError) as error:
        parse_map(values)
    assert str(error.value) == message


TRACKER_MAP = parse_map(
    [
        "company=Company,role=Position,stage=Status,date=Last Update,applied=Date Applied,"
        "link=Job URL,contact=Recruiter,email=Recruiter Email,tags=Tags,notes=Notes"
    ]
)


def test_a_mapped_csv() -> None:
    batch = read_mapped(TRACKER, "t.csv", TRACKER_MAP)
    acme, initech, globex, hooli = batch.records
    assert (acme.company, acme.role, acme.link, acme.tags) == (
        "Acme, Inc.",
        "Data Engineer",
        "https://acme.example/jobs/9",
        ("remote", "python"),
    )
    assert acme.contact == Contact("Dana Smith", email="dana@acme.example")
    assert acme.events == (Event(date(2026, 11, 19), "applied"),)
    assert acme.body == "Referred by Sam"
    assert initech.events == (
        Event(date(2026, 11, 9), "applied"),
        Event(date(2026, 11, 23), "interview"),
    )
    assert globex.events == (Event(date(2026, 9, 1), "applied"), Event(date(2026, 10, 1), "closed"))
    assert hooli.events == ()  # Saved: a lead
    assert hooli.body == "&lt;b>ask&lt;/b> about \\[on-call\\](javascript:alert(1))"
    assert [str(p) for p in batch.problems] == [
        "t.csv:6: Date Applied: '23/11/2026' is not a date (YYYY-MM-DD); "
        "--date-format names another form"
    ]


def test_a_date_format(tmp_path: Path) -> None:
    path = _write(tmp_path, "Company,Date\nAcme,23/11/2026\nGlobex,2026-11-23\n")
    batch = read_mapped(path, "x.csv", parse_map(["company=Company,date=Date"]), "%d/%m/%Y")
    assert [e.date for r in batch.records for e in r.events] == [date(2026, 11, 23)]
    assert [str(p) for p in batch.problems] == [
        "x.csv:3: Date: '2026-11-23' is not a date in the form '%d/%m/%Y'"
    ]


def test_without_a_date_column_rows_are_leads(tmp_path: Path) -> None:
    path = _write(tmp_path, "Company,Stage\nAcme,\nGlobex,Interview\n")
    batch = read_mapped(path, "x.csv", parse_map(["company=Company,stage=Stage"]))
    assert [r.events for r in batch.records] == [(), ()]
    assert [str(p) for p in batch.problems] == [
        "x.csv:3: warning: 'Interview' has no date: a lead until the date is added"
    ]


def test_a_mapped_column_that_is_not_there(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as error:
        read_mapped(TRACKER, "t.csv", parse_map(["company=Company,role=Postion"]))
    assert str(error.value) == "t.csv:1: no column 'Postion' (did you mean 'Position'?)"


@pytest.mark.parametrize(
    ("word", "stage"),
    [
        ("Wishlist", LEAD),
        ("APPLIED", "applied"),
        ("Interviewing", "interview"),
        ("phone_screen", "interview"),
        ("Thank-You", "thank-you"),
        ("voicemail", "voicemail"),
        ("Ghosted", "closed"),
        (" offer ", "offer"),
    ],
)
def test_stage_words(word: str, stage: str) -> None:
    assert stage_of(word, "Status") == stage


def test_an_unknown_stage_word() -> None:
    with pytest.raises(RowError) as error:
        stage_of("Intervew", "Status")
    assert str(error.value) == "Status: unknown stage 'Intervew' (did you mean 'interview'?)"
