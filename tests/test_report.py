"""The work-search record (issue 27): the rows of a month worked out by hand, week by week, for
weeks from Sunday and from Monday; the blanks; the CSV read back; and properties of the weeks.

The journal is tests/data/work_search_root/: November 2026 at four employers, built on
Wed 2026-12-02. Each row below was worked out from its files by the rules of guide/site.md,
not by running the code: the date, what it was, the employer, the address or website, the
person contacted, the method, the position, and the result.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobsite.agenda import build_agenda
from jobsite.journal.settings import WorkSearch
from jobsite.model import Contact, Event, Opportunity
from jobsite.report import (
    Activity,
    Record,
    as_csv,
    as_json,
    spreadsheet_safe,
    week_start,
    work_search_record,
)
from jobsite.site.templates import environment
from jobsite.vocabulary import CHANNELS

from conftest import DATA, REPO

ROOT = DATA / "work_search_root"
TODAY = date(2026, 12, 2)
NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))
ACME = "1 Acme Way, Springfield, IL 62701"
GLOBEX = "https://globex.example/jobs/7"
HOOLI = "1 Hacker Way, Palo Alto, CA"

# (day of November, type, employer, address, person, method, position, result); a result is
# (type, day[, "booked"]) or a closing status.
_A = ("Acme Corp", ACME, "Dana Smith")
_G = ("Globex", GLOBEX, "Morgan Lee")
_I = ("Initech", "Austin, TX", None)
_ENGINEER, _PLATFORM, _BOOKED = "Data Engineer", "Platform Engineer", ("interview", 38, "booked")
ROWS = {
    "applied-acme": (1, "applied", *_A, "other", _ENGINEER, ("reply", 9)),
    "contacted-hooli": (
        2,
        "contacted",
        "Hooli",
        HOOLI,
        "Gavin Belson",
        "linkedin",
        None,
        ("meeting", 15),
    ),
    "call-initech": (3, "follow-up", *_I, "phone", _PLATFORM, "withdrawn"),
    "call-acme": (4, "follow-up", *_A, "phone", _ENGINEER, ("reply", 9)),
    "applied-globex": (8, "applied", *_G, None, "Analyst", _BOOKED),
    "interview-acme": (12, "interview", *_A, "video", _ENGINEER, ("rejected", 30)),
    "thanks-acme": (13, "thank-you", *_A, "phone", _ENGINEER, ("rejected", 30)),
    "note-acme": (13, "note", *_A, "letter", _ENGINEER, ("rejected", 30)),
    "meeting-hooli": (15, "meeting", "Hooli", None, "Monica Hall", "in-person", None, None),
    "voicemail-globex": (16, "follow-up", *_G, "voicemail", "Analyst", _BOOKED),
    "follow-up-hooli": (20, "follow-up", "Hooli", None, "Monica Hall", None, None, None),
    "email-acme": (22, "follow-up", *_A, "email", _ENGINEER, ("rejected", 30)),
    # October 30 and December 1, only where a week holds them.
    "applied-initech": (-1, "applied", *_I, "email", _PLATFORM, "withdrawn"),
    "call-initech-december": (31, "follow-up", *_I, "phone", _PLATFORM, "withdrawn"),
}
# The weeks of `jobsite report --from 2026-11-01 --to 2026-11-30` on Wed 2026-12-02: their
# first days (as days of November) and rows. The last week is the week of today, so far.
SUNDAY_WEEKS = [
    (1, ["applied-acme", "contacted-hooli", "call-initech", "call-acme"]),
    (8, ["applied-globex", "interview-acme", "thanks-acme", "note-acme"]),
    (15, ["meeting-hooli", "voicemail-globex", "follow-up-hooli"]),
    (22, ["email-acme"]),
    (29, ["call-initech-december"]),
]
MONDAY_WEEKS = [
    (-5, ["applied-initech", "applied-acme"]),  # Mon 26 Oct to Sun 1 Nov
    (2, ["contacted-hooli", "call-initech", "call-acme", "applied-globex"]),
    (9, ["interview-acme", "thanks-acme", "note-acme", "meeting-hooli"]),
    (16, ["voicemail-globex", "follow-up-hooli", "email-acme"]),
    (23, []),
    (30, ["call-initech-december"]),
]


def _day(number: int) -> date:
    """The `number`th day of November 2026 (0 and below are October, 31 and up December)."""
    return date(2026, 11, 1) + timedelta(days=number - 1)


def _expected(name: str) -> tuple[object, ...]:
    day, kind, employer, address, person, method, position, result = ROWS[name]
    if isinstance(result, tuple):
        result = (result[0], _day(result[1]), len(result) == 3)
    return (_day(day), kind, employer, address, person, method, position, result)


def _actual(activity: Activity) -> tuple[object, ...]:
    if activity.result is not None:
        result: object = (activity.result.type, activity.result.date, activity.booked)
    else:
        result = activity.outcome
    return (
        activity.date,
        activity.event.type,
        activity.employer,
        activity.address,
        activity.person,
        activity.method,
        activity.position,
        result,
    )


def _record(week_starts: str, first: date | None = None, last: date | None = None) -> Record:
    agenda = build_agenda(ROOT, TODAY, use_cache=False)
    assert agenda.problems == ()
    settings = WorkSearch(per_week=3, week_starts=week_starts)
    opportunities = [plan.opportunity for plan in agenda.plans]
    return work_search_record(opportunities, TODAY, settings, first, last)


@pytest.mark.parametrize(
    ("week_starts", "weeks"), [("sunday", SUNDAY_WEEKS), ("monday", MONDAY_WEEKS)]
)
def test_a_month_gives_the_rows_worked_out_by_hand_week_by_week(
    week_starts: str, weeks: list[tuple[int, list[str]]]
) -> None:
    record = _record(week_starts, *NOVEMBER)
    assert [week.start for week in record.weeks] == [_day(first) for first, _ in weeks]
    for week, (_, names) in zip(record.weeks, weeks, strict=True):
        assert [_actual(a) for a in week.activities] == [_expected(n) for n in names], week.start
    assert [week.end - week.start for week in record.weeks] == [timedelta(days=6)] * len(weeks)
    # Counted against the 3 a week asked; the week of today only so far, up to today.
    assert [week.short for week in record.weeks] == [max(0, 3 - len(n)) for _, n in weeks]
    assert [week.so_far for week in record.weeks] == [False] * (len(weeks) - 1) + [True]
    assert record.weeks[-1].through == TODAY


def test_the_record_is_whole_weeks_up_to_today() -> None:
    """--from and --to name days of weeks; no week after today's, no event after today (the
    call of Sat 5 Dec has not happened, and the interview of 8 Dec is only a result)."""
    one = _record("sunday", date(2026, 11, 18), date(2026, 11, 18))
    assert [w.start for w in one.weeks] == [_day(15)]
    assert len(one.activities) == 3
    ahead = _record("sunday", date(2026, 11, 29), date(2027, 1, 31))
    assert [w.start for w in ahead.weeks] == [_day(29)]
    assert [a.date for a in ahead.activities] == [_day(31)]
    with pytest.raises(ValueError):
        _record("sunday", date(2026, 12, 3))
    with pytest.raises(ValueError):
        _record("sunday", date(2026, 11, 20), date(2026, 11, 19))


def test_the_default_is_last_week_and_this_week_so_far() -> None:
    record = _record("sunday")
    assert (record.first, record.last) == (_day(22), date(2026, 12, 5))
    assert [a.date for a in record.activities] == [_day(22), _day(31)]
    assert [w.start for w in _record("monday").weeks] == [_day(23), _day(30)]


def test_the_blanks_are_where_to_write_them() -> None:
    """A missing method at its event's line; a missing address once per file, at `company:`."""
    blanks = [str(p) for p in _record("sunday", *NOVEMBER).blanks()]
    channel = "give the event a channel (" + ", ".join(CHANNELS) + ")"
    assert blanks == [
        f"journal/globex.md:8: Sun 2026-11-08 applied: no method: {channel}",
        "journal/hooli.md:2: 'Hooli': no address or website: add address: (or link:) to the file",
        f"journal/hooli.md:13: Fri 2026-11-20 follow-up: no method: {channel}",
    ]
    assert _record("sunday", _day(1), _day(7)).blanks() == ()


def _words() -> object:
    return environment(ROOT).get_template("report.txt").module


def test_the_csv_reads_back_as_the_same_rows() -> None:
    record = _record("sunday", *NOVEMBER)
    rows = list(csv.reader(io.StringIO(as_csv(record, _words()), newline="")))
    assert rows[0] == [
        "Week of", "Date", "Activity", "Employer", "Address or website", "Person contacted",
        "Method", "Position", "Result",
    ]  # fmt: skip
    assert len(rows) == 1 + len(record.activities)
    by_date = {(r[1], r[2], r[3]): r for r in rows[1:]}
    assert by_date["2026-11-08", "Applied", "Globex"] == [
        "2026-11-08", "2026-11-08", "Applied", "Globex", GLOBEX, "Morgan Lee", "", "Analyst",
        "Interview booked for 2026-12-08",
    ]  # fmt: skip
    assert by_date["2026-11-13", "Thank-you note", "Acme Corp"] == [
        "2026-11-08", "2026-11-13", "Thank-you note", "Acme Corp", ACME, "Dana Smith", "Mail",
        "Data Engineer", "Rejected 2026-11-30",
    ]  # fmt: skip
    assert by_date["2026-11-15", "Networking meeting", "Hooli"][4:] == [
        "", "Monica Hall", "In person", "", "",
    ]  # fmt: skip
    assert by_date["2026-12-01", "Follow-up", "Initech"][5:] == [
        "", "Phone", "Platform Engineer", "Withdrawn",
    ]  # fmt: skip
    expected = [[a.date.isoformat(), a.employer] for a in record.activities]
    assert [[r[1], r[3]] for r in rows[1:]] == expected
    assert as_csv(record, _words()).endswith("\r\n")  # RFC 4180's line ends


def _injected(company: str, role: str = "Analyst") -> Opportunity:
    event = Event(date(2026, 11, 16), "applied", "other", line=7)
    return Opportunity("journal/x.md", company, role, events=(event,), company_line=2)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_a_spreadsheet_would_run_is_made_text(start: str) -> None:
    """CSV injection: `=HYPERLINK(...)` as a company's name is a link once the sheet opens."""
    company = f'{start}HYPERLINK("http://evil.example","Acme")'
    record = work_search_record([_injected(company, f"{start}1+1")], TODAY, WorkSearch(), _day(16))
    rows = list(csv.reader(io.StringIO(as_csv(record, _words()), newline="")))
    assert rows[1][3] == "'" + company
    assert rows[1][7] == f"'{start}1+1"
    found = json.loads(as_json(record, claimant="@Jordan"))
    assert found["claimant"] == "'@Jordan"
    assert found["weeks"][0]["activities"][0]["employer"] == "'" + company
    assert spreadsheet_safe("Acme = Corp") == "Acme = Corp"  # only where the cell starts so


def test_the_json_carries_every_fact_as_written() -> None:
    found = json.loads(as_json(_record("sunday", _day(8), _day(14)), claimant="Jordan Lee"))
    assert {
        k: found[k] for k in ("claimant", "from", "to", "today", "week_starts", "per_week")
    } == {
        "claimant": "Jordan Lee",
        "from": "2026-11-08",
        "to": "2026-11-14",
        "today": "2026-12-02",
        "week_starts": "sunday",
        "per_week": 3,
    }
    (week,) = found["weeks"]
    assert (week["count"], week["short"], week["through"]) == (4, 0, "2026-11-14")
    assert week["activities"][0] == {
        "date": "2026-11-08",
        "activity": "applied",
        "employer": "Globex",
        "address": GLOBEX,
        "website": True,
        "person": "Morgan Lee",
        "method": None,
        "position": "Analyst",
        "result": "interview",
        "result_date": "2026-12-08",
        "file": "journal/globex.md",
        "line": 8,
    }


def test_the_address_is_the_files_then_its_link_then_a_contacts() -> None:
    dana = Contact("Dana Smith", address="9 Elm St\n  Springfield")
    ali = Contact("Ali Khan", address="Suite 4, 2 Oak Rd")
    events = (Event(_day(2), "applied", "other"), Event(_day(3), "follow-up", "phone", "Ali Khan"))

    def rows(**fields: object) -> list[tuple[str | None, bool]]:
        opportunity = Opportunity("journal/a.md", "A", contacts=(dana, ali), events=events)
        made = work_search_record([_replace(opportunity, **fields)], TODAY, WorkSearch(), _day(1))
        return [(a.address, a.website) for a in made.activities]

    assert rows(address="1 Main St\nSpringfield,\n") == [("1 Main St, Springfield", False)] * 2
    assert rows(link="https://a.example/jobs/1") == [("https://a.example/jobs/1", True)] * 2
    assert rows() == [("9 Elm St, Springfield", False), ("Suite 4, 2 Oak Rd", False)]
    assert rows(contacts=()) == [(None, False)] * 2


def _replace(opportunity: Opportunity, **fields: object) -> Opportunity:
    return replace(opportunity, **fields)


def test_only_what_you_did_is_an_activity() -> None:
    """A reply and a decision are results, not activities; so is an interview booked ahead."""
    kinds = ["contacted", "applied", "follow-up", "reply", "interview", "meeting", "thank-you"]
    kinds += ["note", "offer", "hired", "rejected", "withdrawn", "closed"]
    events = (*(Event(_day(16), kind) for kind in kinds), Event(_day(40), "interview"))
    opportunity = Opportunity("journal/a.md", "A", events=events)
    made = work_search_record([opportunity], TODAY, WorkSearch(), _day(16), _day(16))
    found = [a.event.type for a in made.activities]
    assert found == [
        "contacted",
        "applied",
        "follow-up",
        "interview",
        "meeting",
        "thank-you",
        "note",
    ]
    assert [a.method for a in made.activities] == [None] * 5 + ["phone", "letter"]


@settings(deadline=None, max_examples=200)
@given(
    days=st.lists(st.integers(min_value=-40, max_value=80), max_size=25),
    first=st.integers(min_value=-40, max_value=30),
    span=st.integers(min_value=0, max_value=60),
    week_starts=st.sampled_from(["sunday", "monday"]),
)
def test_every_activity_is_in_the_one_week_that_holds_it(
    days: list[int], first: int, span: int, week_starts: str
) -> None:
    events = tuple(Event(_day(d), "applied", "other", line=i) for i, d in enumerate(days))
    opportunity = Opportunity("journal/a.md", "A", events=events)
    begin, end = _day(first), min(_day(first + span), TODAY)
    if begin > end:
        return
    record = work_search_record([opportunity], TODAY, WorkSearch(2, week_starts), begin, end)
    weekday = 6 if week_starts == "sunday" else 0
    assert all(w.start.weekday() == weekday for w in record.weeks)
    assert [b.start - a.start for a, b in zip(record.weeks, record.weeks[1:], strict=False)] == [
        timedelta(days=7)
    ] * (len(record.weeks) - 1)
    assert record.first <= begin and end <= record.last and record.weeks[-1].start <= TODAY
    for week in record.weeks:
        assert all(week.start <= a.date <= week.through <= week.end for a in week.activities)
        assert week.short == max(0, 2 - week.count)
    shown = sorted(a.event.line for a in record.activities)
    expected = [i for i, d in enumerate(days) if record.first <= _day(d) <= min(record.last, TODAY)]
    assert shown == expected


@given(day=st.dates(min_value=date(1, 1, 8)), week_starts=st.sampled_from(["sunday", "monday"]))
def test_a_week_starts_on_its_day_and_holds_the_day(day: date, week_starts: str) -> None:
    start = week_start(day, week_starts)
    assert start <= day < start + timedelta(days=7)
    assert start.weekday() == (6 if week_starts == "sunday" else 0)


def test_the_sample_journal_reads_as_a_record() -> None:
    """The record of the repository's own sample on its day: the activities its files log."""
    agenda = build_agenda(REPO, date(2026, 11, 26), use_cache=False)
    record = work_search_record(
        [p.opportunity for p in agenda.plans], agenda.today, agenda.settings.work_search
    )
    assert [w.start for w in record.weeks] == [date(2026, 11, 15), date(2026, 11, 22)]
    assert [w.count for w in record.weeks] == [6, 4]
    assert record.weeks[-1].short == 1  # the sample asks 5 a week
