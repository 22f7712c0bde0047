"""The dated history a note keeps in its body: a log table, or dated lines under a log heading.

Many vaults keep the whole history in the notes rather than the front matter:

    | Date       | Stage               | Notes          |
    |------------|---------------------|----------------|
    | 2026-08-05 | Technical interview | two engineers  |

    ## Log
    - **2026-03-18** – Screening call with Noor Haddad.
    - 2026-03-25: Technical interview scheduled

A table counts where its header has a date column and a column of what happened (Stage,
Event, Action, Status, Step...); a line counts where it starts with a date and stands under a
heading such as Log, History, Timeline or Updates. Each gives an event where its words name
what happened (`what_happened`): an application, a call or an email, an interview or a
screen, an offer, a rejection... A line that says an interview is scheduled (booked, set up)
is a booked interview on the day it names, else on its own date.

The loader names `jobsite adopt` where a note without `events` keeps such a history, and
adopt adds it to the front matter. The body is only read, never changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from jobsite.journal import trackers

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LOG_WORDS = re.compile(r"\b(log|history|timeline|updates?|activity|progress)\b", re.IGNORECASE)
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE_FORMS = (
    re.compile(r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})"),
    re.compile(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH}),?\s+(?P<y>\d{{4}})", re.I),
    re.compile(rf"(?P<mon>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})", re.I),
)
# A dated line: a list mark or none, a checkbox, then the date (bold, a link or code around
# it), maybe a time, a separator, and what happened.
_LEAD = re.compile(r"^\s*(?:[-*+]|\d+[.)])?\s*(?:\[.\]\s*)?(?:\*\*|__|\[\[|`)?")
_AFTER_DATE = re.compile(
    r"^(?:\*\*|__|\]\]|`)?(?:,?\s+\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?(?:\*\*|__|\]\]|`)?"
    r"\s*(?:[:–—|,]|-(?=\s))?\s*",
    re.IGNORECASE,
)
_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_DATE_COLUMN = re.compile(r"\b(date|when|day|on)\b")
_WHAT_COLUMN = re.compile(
    r"\b(stage|event|action|status|step|what|type|activity|update|outcome|result)\b"
)
_MARKUP = re.compile(r"\*\*|__|`|\[\[|\]\]")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_SCHEDULED = re.compile(r"\b(schedul\w*|booked|set up|invit\w*|upcoming|planned)\b")

# What a line says happened, in the order of precedence: the first that matches wins, so
# "screening call" is an interview and "thank-you note" a note.
_WHAT: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("withdrawn", r"\b(withdr[ae]w\w*|declined the offer|offer declined)\b"),
        ("hired", r"\b(offer accepted|accepted the offer|hired|signed the (offer|contract))\b"),
        ("rejected", r"\b(reject\w*|not selected|not moving forward|turned down|declined)\b"),
        ("offer", r"\b(offer)\b"),
        ("closed", r"\b(ghosted|no (response|reply|answer)|position (closed|filled))\b"),
        ("meeting", r"\b(informational|coffee (chat|with)|networking)\b"),
        ("interview", r"\b(interview\w*|screen\w*|onsite|on-site|panel|final round)\b"),
        ("applied", r"\b(applied|application (sent|submitted)|submitted|sent (my |the |an? )?"
                    r"(application|cv|resume|résumé))\b"),
        ("note", r"\b(thank(ed|-you| you)?\b.*\b(note|card|letter)|handwritten note)\b"),
        ("thank-you", r"\b(thank(ed|-you| you)|thanks)\b"),
        ("reply", r"\b(repl(y|ied)|responded|heard back|got back to me|answered|(got|received)"
                  r" (a |an )?(call|e-?mail|message|response)|(recruiter|they|hr|she|he|manager)"
                  r" (called|e-?mailed|wrote|rang|messaged|reached out))\b"),
        ("voicemail", r"\b(voicemail|left a (voice )?message)\b"),
        ("call", r"\b(call(ed)?|phoned|rang)\b"),
        ("email", r"\b(e-?mail(ed)?|messaged|wrote to)\b"),
        ("follow-up", r"\b(follow(ed)?[- ]?up|checked in|pinged)\b"),
        ("contacted", r"\b(reached out|introduc\w*|connected with|met)\b"),
    )
)  # fmt: skip
_STAGE_EVENTS = {trackers.APPLIED: "applied", trackers.INTERVIEW: "interview"}


@dataclass(frozen=True, slots=True)
class Found:
    """An event read from the body: its date, type and notes, and the file's line."""

    date: date
    type: str
    notes: str
    line: int


def read_date(text: str) -> date | None:
    """The date `text` is, or starts with: `2025-03-18`, `18 March 2025`, `Mar 18, 2025`."""
    for form in _DATE_FORMS:
        match = form.match(text.strip())
        if match:
            return _date_of(match)
    return None


def what_happened(text: str) -> str | None:
    """The event type a line's words name (`Screening call with Anna` → interview), or None."""
    words = text.casefold()
    for kind, pattern in _WHAT:
        if pattern.search(words):
            return kind
    return None


def events(body: str, first_line: int) -> list[Found]:
    """The events of the log tables and the dated lines under log headings of `body`, whose
    first line is the file's line `first_line`, in the order they are written."""
    lines = body.splitlines()
    found: list[Found] = []
    fenced = False
    log_level = 0  # the level of the log heading the lines stand under, 0 outside one
    index = 0
    while index < len(lines):
        line = lines[index]
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            heading = _HEADING.match(line)
            if heading:
                level = len(heading[1])
                if log_level and level <= log_level:
                    log_level = 0
                if _LOG_WORDS.search(heading[2]):
                    log_level = level
            elif _ROW.match(line) and index + 1 < len(lines) and _RULE.match(lines[index + 1]):
                rows, index = _table(lines, index)
                found += [_at(item, first_line) for item in rows]
                continue
            elif log_level:
                item = _dated_line(line, index)
                if item is not None:
                    found.append(_at(item, first_line))
        index += 1
    return found


def _at(item: Found, first_line: int) -> Found:
    return Found(item.date, item.type, item.notes, first_line + item.line)


def _dated_line(line: str, index: int) -> Found | None:
    rest = _LEAD.sub("", line, count=1)
    for form in _DATE_FORMS:
        match = form.match(rest)
        if match:
            break
    else:
        return None
    day = _date_of(match)
    if day is None:
        return None
    text = _plain(_AFTER_DATE.sub("", rest[match.end() :], count=1))
    return _event(day, text, text, index) if text else None


def _table(lines: list[str], start: int) -> tuple[list[Found], int]:
    """The events of the table whose header is `lines[start]`, and the index after it."""
    header = [_plain(cell).casefold() for cell in _cells(lines[start])]
    when = next((i for i, cell in enumerate(header) if _DATE_COLUMN.search(cell)), None)
    what = next(
        (i for i, cell in enumerate(header) if i != when and _WHAT_COLUMN.search(cell)), None
    )
    found = []
    index = start + 2
    while index < len(lines) and _ROW.match(lines[index]):
        cells = [_plain(cell) for cell in _cells(lines[index])]
        if when is not None and what is not None and max(when, what) < len(cells):
            day = read_date(cells[when])
            others = [c for i, c in enumerate(cells) if i not in (when, what) and c]
            item = _event(day, cells[what], "", index) if day else None
            if item is not None:
                # The stage cell says more than the type (`Phone screen`): it leads the notes.
                said = [cells[what]] if trackers.normal_word(cells[what]) != item.type else []
                notes = " — ".join([*said, *others])
                found.append(Found(item.date, item.type, notes, item.line))
        index += 1
    return found, index


def _event(day: date, what: str, notes: str, index: int) -> Found | None:
    """The event a line or a row names, or None where its words name nothing."""
    meaning = trackers.stage(what)
    kind = _STAGE_EVENTS.get(meaning or "") or (
        meaning if meaning in trackers.OUTCOMES else what_happened(what)
    )
    if kind is None:
        return None
    words = what.casefold()
    if _SCHEDULED.search(words) and kind not in trackers.OUTCOMES:
        # A booked interview: on the day the line names for it, else on the line's date.
        later = [d for d in (_date_in(words[m.end() :]) for m in _SCHEDULED.finditer(words)) if d]
        return Found(later[0] if later else day, "interview", notes, index)
    return Found(day, kind, notes, index)


def _date_in(text: str) -> date | None:
    for form in _DATE_FORMS:
        match = form.search(text)
        if match:
            return _date_of(match)
    return None


def _date_of(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    month = _MONTHS.index(groups["mon"][:3].lower()) + 1 if groups.get("mon") else int(groups["m"])
    try:
        return date(int(groups["y"]), month, int(groups["d"]))
    except ValueError:
        return None


def _cells(line: str) -> list[str]:
    inner = _ROW.match(line)
    text = inner[1] if inner else line
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", text)]


def _plain(text: str) -> str:
    """Text without Markdown's emphasis, code marks and links, and no trailing full stop."""
    text = _LINK.sub(lambda match: match[1], text)
    text = _MARKUP.sub("", text)
    return " ".join(text.split()).strip().rstrip(".").strip()
