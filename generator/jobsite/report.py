"""The work-search record (guide/site.md): each week's activities as an unemployment claim's
work-search log asks for them.

An **activity** is an event you made happen, of the types `applied`, `contacted`,
`follow-up` (with its aliases `call`, `voicemail` and `email`), `interview`, `meeting`,
`thank-you` and `note`, dated in the weeks asked for and on or before today. Each is one row:
its date, the employer (`company`), the employer's address or website (the file's `address:`,
else its `link:`, else the postal `address` of the contact, the one it was with or else the
primary one), the person contacted (`with:`, else the primary contact), the method (the
event's channel, else what its type says: a thank-you call is by phone, a note by mail; else
none), the position (`role`) and the result (the first answer after it: a reply, an
interview or meeting, held or booked, or a definite yes or no; else a closing `status:`).

A fact the journal does not hold stays blank, and `Record.blanks` says where to write it: a
missing method at the event's line, a missing address once per file at its `company:` line.

Weeks run Sunday to Saturday or Monday to Sunday (`work_search.week_starts`); each is counted
against `work_search.per_week`. Everything here is a pure function of the opportunities and
`today`; `as_csv` and `as_json` write a record for a spreadsheet and for programs.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from jobsite.journal.settings import WorkSearch
from jobsite.model import Contact, Event, Opportunity, Problem
from jobsite.vocabulary import CHANNELS, CLOSING, INTERVIEWS
from jobsite.words import inert_json, iso_day, quoted

ACTIVITIES = ("applied", "contacted", "follow-up", "interview", "meeting", "thank-you", "note")
ANSWERS = ("reply", *INTERVIEWS, *CLOSING)  # what counts as the result of an activity
# The method where an event names no channel: only where its type says how it was made.
DEFAULT_METHODS = {"thank-you": "phone", "note": "letter"}
# The columns of the CSV, in order; `Words.COLUMNS` names each one.
COLUMNS = (
    "week",
    "date",
    "activity",
    "employer",
    "address",
    "person",
    "method",
    "position",
    "result",
)
# A spreadsheet runs a cell that starts with one of these as a formula: a company named
# `=HYPERLINK("http://evil.example", "Acme")` would become a live link, or worse, in the
# sheet handed to the agency (CSV injection). OWASP's guard is a leading apostrophe, which
# makes the cell text in Excel, LibreOffice and Google Sheets alike.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class Activity:
    """One row of the record: an event of `ACTIVITIES` and what the file says around it.

    `address` is one line (a postal address's lines joined by commas) and `website` says it is
    the file's `link:`; `method` is a word of `CHANNELS`; `result` is the first answer after
    the event (`booked`: an interview or meeting dated after today), `outcome` a closing
    `status:` where no event answered.
    """

    opportunity: Opportunity
    event: Event
    address: str | None = None
    website: bool = False
    person: str | None = None
    method: str | None = None
    result: Event | None = None
    booked: bool = False
    outcome: str | None = None

    @property
    def date(self) -> date:
        """The day of the activity."""
        return self.event.date

    @property
    def employer(self) -> str:
        """The company, as the file writes it."""
        return self.opportunity.company

    @property
    def position(self) -> str | None:
        """The role, where the file names one."""
        return self.opportunity.role

    @property
    def path(self) -> str:
        """The file, relative to the journal root."""
        return self.opportunity.path


@dataclass(frozen=True, slots=True)
class ClaimWeek:
    """One week of the claim: its activities in date order, counted up to `through` (its
    last day, or today in the week of today), against `per_week` where it is set."""

    start: date
    activities: tuple[Activity, ...]
    through: date
    per_week: int | None = None

    @property
    def end(self) -> date:
        """Its last day."""
        return days_after(self.start, 6)

    @property
    def count(self) -> int:
        """How many activities it has."""
        return len(self.activities)

    @property
    def so_far(self) -> bool:
        """The week of today: it is not over yet."""
        return self.through < self.end

    @property
    def short(self) -> int:
        """How many activities it lacks of `per_week` (0 without `per_week`)."""
        return max(0, self.per_week - self.count) if self.per_week else 0


@dataclass(frozen=True, slots=True)
class Record:
    """The record of whole weeks, oldest first, made on `today`."""

    today: date
    weeks: tuple[ClaimWeek, ...]
    settings: WorkSearch

    @property
    def first(self) -> date:
        """The first day of the first week."""
        return self.weeks[0].start

    @property
    def last(self) -> date:
        """The last day of the last week."""
        return self.weeks[-1].end

    @property
    def activities(self) -> tuple[Activity, ...]:
        """Every row, week by week."""
        return tuple(a for week in self.weeks for a in week.activities)

    def blanks(self) -> tuple[Problem, ...]:
        """What to fill in for these weeks, as `path:line: message`, by path and line: each
        activity without a method (at its event), each file without an address or website
        (at its `company:`, once)."""
        found: list[Problem] = []
        files: set[str] = set()
        for activity in self.activities:
            if activity.method is None:
                what = f"{iso_day(activity.date)} {activity.event.written_type}"
                found.append(
                    Problem(
                        activity.path,
                        activity.event.line,
                        f"{what}: no method: give the event a channel ({', '.join(CHANNELS)})",
                    )
                )
            if activity.address is None and activity.path not in files:
                files.add(activity.path)
                found.append(
                    Problem(
                        activity.path,
                        activity.opportunity.company_line or 1,
                        f"{quoted(activity.employer)}: no address or website: add address: "
                        "(or link:) to the file",
                    )
                )
        return tuple(sorted(found, key=lambda p: (p.path, p.line)))


def week_start(day: date, week_starts: str) -> date:
    """The first day of the claim week that holds `day` (`week_starts`: sunday or monday)."""
    back = (day.weekday() + 1) % 7 if week_starts == "sunday" else day.weekday()
    return date.fromordinal(max(1, day.toordinal() - back))


def days_after(day: date, days: int) -> date:
    """`day` and `days` more, or 9999-12-31 where that is later: the last claim week of the
    calendar ends there."""
    return date.fromordinal(min(date.max.toordinal(), day.toordinal() + days))


def default_first(today: date, week_starts: str) -> date:
    """The first day of the default record: last week's (the record runs to this week)."""
    return date.fromordinal(max(1, week_start(today, week_starts).toordinal() - 7))


def work_search_record(
    opportunities: Iterable[Opportunity],
    today: date,
    settings: WorkSearch,
    first: date | None = None,
    last: date | None = None,
) -> Record:
    """The record of the whole weeks that hold `first` to `last` (default: last week and this
    week), ending with the week of today at the latest, from `opportunities` as `today` sees
    them: an activity dated after today has not happened. `first` must not be after `last`
    or today (`ValueError`)."""
    last = min(last or today, today)
    first = first or default_first(today, settings.week_starts)
    if first > last:
        raise ValueError("the first day is after the last")
    start = week_start(first, settings.week_starts)
    end = min(days_after(week_start(last, settings.week_starts), 6), today)
    rows: dict[date, list[Activity]] = {}
    for opportunity in opportunities:
        for activity in _activities(opportunity, today):
            if start <= activity.date <= end:
                rows.setdefault(week_start(activity.date, settings.week_starts), []).append(
                    activity
                )
    weeks = []
    for ordinal in range(start.toordinal(), end.toordinal() + 1, 7):  # never past date.max
        day = date.fromordinal(ordinal)
        found = sorted(
            rows.get(day, ()),
            key=lambda a: (a.date, a.employer.casefold(), a.path, a.event.line),
        )
        through = min(days_after(day, 6), today)
        weeks.append(ClaimWeek(day, tuple(found), through, settings.per_week))
    return Record(today, tuple(weeks), settings)


def _activities(opportunity: Opportunity, today: date) -> list[Activity]:
    """The activities of one file up to `today`, each with what the file says around it."""
    # Events of one date keep their order in the file (guide/rules.md §3).
    ordered = sorted(opportunity.events, key=lambda e: e.date)
    past = [e for e in ordered if e.date <= today]
    booked = next((e for e in ordered if e.date > today and e.type in INTERVIEWS), None)
    outcome = opportunity.status if opportunity.status in CLOSING else None
    found = []
    for index, event in enumerate(past):
        if event.type not in ACTIVITIES:
            continue
        contact = _contact_of(opportunity, event)
        address, website = _address(opportunity, contact)
        answer = next((e for e in past[index + 1 :] if e.type in ANSWERS), None)
        found.append(
            Activity(
                opportunity,
                event,
                address=address,
                website=website,
                person=event.with_ or (contact.name if contact else None),
                method=event.channel or DEFAULT_METHODS.get(event.type),
                result=answer or booked,
                booked=answer is None and booked is not None,
                outcome=None if answer is not None or booked is not None else outcome,
            )
        )
    return found


def _contact_of(opportunity: Opportunity, event: Event) -> Contact | None:
    """The contact the event was with (its `with:` names them), else the primary one."""
    if event.with_:
        name = event.with_.casefold()
        return next((c for c in opportunity.contacts if c.name.casefold() == name), None)
    return opportunity.primary_contact


def _address(opportunity: Opportunity, contact: Contact | None) -> tuple[str | None, bool]:
    """The employer's address or website, and whether it is the website (`link:`)."""
    if opportunity.address:
        return _one_line(opportunity.address), False
    if opportunity.link:
        return opportunity.link, True
    for someone in (contact, opportunity.primary_contact):
        if someone is not None and someone.address:
            return _one_line(someone.address), False
    return None, False


def _one_line(text: str) -> str:
    return ", ".join(line.strip().rstrip(",") for line in text.splitlines() if line.strip())


# --- For a spreadsheet and for programs ---------------------------------------------------------


class Words(Protocol):
    """The words of the rows (the template `report.txt`): a heading per column of `COLUMNS`,
    and how an activity, its method and its result read."""

    COLUMNS: Mapping[str, str]

    def activity(self, activity: Activity) -> str:
        """What it was: `Applied`, `Thank-you note`."""

    def method(self, activity: Activity) -> str:
        """How it was made, for an activity with a method: `Phone`, `In person`."""

    def result(self, activity: Activity) -> str:
        """What came of it: `Reply 2026-11-20`, `Interview booked for 2026-12-03`, or empty."""


def cells(week: ClaimWeek, activity: Activity, words: Words) -> list[str]:
    """One row as text, a cell per column of `COLUMNS`, blank where the journal is silent."""
    return [
        week.start.isoformat(),
        activity.date.isoformat(),
        str(words.activity(activity)),
        activity.employer,
        activity.address or "",
        activity.person or "",
        str(words.method(activity)) if activity.method else "",
        activity.position or "",
        str(words.result(activity)),
    ]


def spreadsheet_safe(text: str) -> str:
    """`text`, with a leading apostrophe where a spreadsheet would run it as a formula."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def as_csv(record: Record, words: Words) -> str:
    """The record as CSV (RFC 4180, CRLF line ends), a header row and a row per activity."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([str(words.COLUMNS[name]) for name in COLUMNS])
    for week in record.weeks:
        for activity in week.activities:
            writer.writerow([spreadsheet_safe(cell) for cell in cells(week, activity, words)])
    return out.getvalue()


def as_json(record: Record, claimant: str | None = None) -> str:
    """The record as one JSON object (guide/commands.md), the journal's words as written,
    each string guarded as `spreadsheet_safe` (JSON is read into spreadsheets too)."""

    def text(value: str | None) -> str | None:
        return None if value is None else spreadsheet_safe(value)

    weeks = [
        {
            "start": week.start.isoformat(),
            "end": week.end.isoformat(),
            "through": week.through.isoformat(),
            "count": week.count,
            "short": week.short,
            "activities": [
                {
                    "date": a.date.isoformat(),
                    "activity": a.event.type,
                    "employer": text(a.employer),
                    "address": text(a.address),
                    "website": a.website,
                    "person": text(a.person),
                    "method": a.method,
                    "position": text(a.position),
                    "result": a.result.type if a.result else a.outcome,
                    "result_date": a.result.date.isoformat() if a.result else None,
                    "file": text(a.path),
                    "line": a.event.line,
                }
                for a in week.activities
            ],
        }
        for week in record.weeks
    ]
    value = {
        "claimant": text(claimant),
        "from": record.first.isoformat(),
        "to": record.last.isoformat(),
        "today": record.today.isoformat(),
        "week_starts": record.settings.week_starts,
        "per_week": record.settings.per_week,
        "weeks": weeks,
    }
    return inert_json(value, indent=2)  # no control or bidi character raw, in any field
