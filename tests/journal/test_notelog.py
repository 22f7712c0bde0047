"""The history a note keeps in its body: log tables and dated lines under a log heading."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobsite.journal.notelog import events, read_date, what_happened


def _read(body: str) -> list[tuple[str, str, str, int]]:
    return [(e.date.isoformat(), e.type, e.notes, e.line) for e in events(body, 10)]


def test_a_log_table() -> None:
    body = (
        "## Timeline\n\n"
        "| Date | Stage | Notes |\n"
        "|------|-------|-------|\n"
        "| 2026-08-05 | Technical interview | two engineers |\n"
        "| 2026-08-09 | Rejected | |\n"
        "| N/A | Applied | a row with no date is no event |\n"
        "| 2026-08-12 | Lunch | a stage that names nothing |\n"
    )
    assert _read(body) == [
        ("2026-08-05", "interview", "Technical interview — two engineers", 14),
        ("2026-08-09", "rejected", "", 15),
    ]


def test_a_table_needs_a_date_column_and_a_column_of_what_happened() -> None:
    assert _read("| Date | Salary |\n|---|---|\n| 2026-08-05 | 90k |\n") == []
    assert _read("| Company | Stage |\n|---|---|\n| Acme | Applied |\n") == []


def test_dated_lines_under_a_log_heading() -> None:
    body = (
        "2026-01-01 applied: a dated line outside a log is only notes\n"
        "## Log\n"
        "- **2026-03-18** – Screening call with Noor Haddad.\n"
        "- 2026-03-25: Technical interview scheduled\n"
        "- [[2026-03-26]] Recruiter called back\n"
        "- 2026-03-27 10:00 - Interview invite for 2026-04-02\n"
        "* 2 April 2026: thank-you note posted\n"
        "- Apr 9, 2026 — they sent an offer\n"
        "- 2026-04-10 heard nothing more\n"
        "### Applied elsewhere\n"
        "- 2026-04-11 a subheading of the log is still the log: applied again\n"
        "## Other\n"
        "- 2026-05-01 applied somewhere\n"
    )
    assert _read(body) == [
        ("2026-03-18", "interview", "Screening call with Noor Haddad", 12),
        ("2026-03-25", "interview", "Technical interview scheduled", 13),
        ("2026-03-26", "reply", "Recruiter called back", 14),
        ("2026-04-02", "interview", "Interview invite for 2026-04-02", 15),
        ("2026-04-02", "note", "thank-you note posted", 16),
        ("2026-04-09", "offer", "they sent an offer", 17),
        ("2026-04-11", "applied", "a subheading of the log is still the log: applied again", 20),
    ]


def test_code_is_never_read() -> None:
    assert _read("## Log\n```\n- 2026-03-18 applied\n```\n") == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Sent my application through their website", "applied"),
        ("Applied via LinkedIn", "applied"),
        ("Screening call with the recruiter", "interview"),
        ("Phone screen", "interview"),
        ("Coffee chat with a team lead", "meeting"),
        ("Called Priya in HR", "call"),
        ("Left a voicemail for Priya", "voicemail"),
        ("Emailed the hiring manager", "email"),
        ("Followed up on LinkedIn", "follow-up"),
        ("Recruiter emailed back", "reply"),
        ("Got a response: they want references", "reply"),
        ("Thank-you call to Dana", "thank-you"),
        ("Mailed a handwritten note", "note"),
        ("Verbal offer!", "offer"),
        ("Offer accepted", "hired"),
        ("Rejected after the final round", "rejected"),
        ("Not moving forward", "rejected"),
        ("Withdrew my application", "withdrawn"),
        ("Ghosted", "closed"),
        ("Reached out to an old colleague there", "contacted"),
        ("Updated my portfolio", None),
    ],
)
def test_what_a_line_says_happened(text: str, kind: str | None) -> None:
    assert what_happened(text) == kind


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-03-18", date(2026, 3, 18)),
        ("2026/3/8 rest", date(2026, 3, 8)),
        ("18 March 2026", date(2026, 3, 18)),
        ("3rd Mar 2026", date(2026, 3, 3)),
        ("March 18, 2026", date(2026, 3, 18)),
        ("Sept. 1, 2026", date(2026, 9, 1)),
        ("2026-02-30", None),
        ("yesterday", None),
    ],
)
def test_dates_as_people_write_them(text: str, day: date | None) -> None:
    assert read_date(text) == day


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([
    "## Log", "# History", "## Notes", "| Date | Stage |", "|---|---|", "| 2026-01-02 | Applied |",
    "- 2026-01-03: Interview", "- **2026-01-04** – Rejected", "```", "text", "", "- [ ] task",
    "| x | y |", "- 2026-13-45 bad date applied",
]), max_size=30))  # fmt: skip
def test_any_body_reads_without_a_crash_and_every_event_has_its_line(lines: list[str]) -> None:
    body = "\n".join(lines)
    for event in events(body, 1):
        assert 1 <= event.line <= len(lines)
        assert event.date.isoformat() in lines[event.line - 1] or "2026-" in lines[event.line - 1]
