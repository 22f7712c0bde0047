"""The actions as an iCalendar feed (`jobsite ics`, and `calendar.ics` in the site).

Each action is one all-day VEVENT, not a VTODO: Google Calendar ignores to-dos in a
subscribed feed. A subscribed calendar matches events by UID, so the UID of an action must
not change from one build to the next while the action is the same: it is a hash of the
file, the action and the date of the event that gave rise to it (guide/rules.md §3's L, I or S), and
never of the day the feed was built.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Collection, Hashable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import jinja2

from jobsite.authoring.recording import close_command
from jobsite.model import Action

PRODID = "-//jobsite//follow-ups//EN"
# What `jobsite ics` and a clear site's calendar.ics show: all but the notes (see
# `render_calendar`).
FULL = frozenset({"action", "company", "role", "contact", "phone", "email", "link", "file"})
TEMPLATE = "calendar.txt"  # the words of each event: its summary and its description

# What a journal's words may hold that no TEXT value may (RFC 5545 §3.3.11 forbids every
# control but HTAB), or that would reorder what a calendar app shows: C0 controls but the
# line feed, DEL, C1, the line and paragraph separators, the bidi embeddings, overrides and
# isolates, and lone surrogates (a file name that is not UTF-8).
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")
_BREAK = re.compile("\r\n?|[\x85\u2028\u2029]")  # a line break, however written
_SPACE = re.compile("[\t\x0b\x0c]")
_DROPPED = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class KeptEvents:
    """The events of the last feed, each by what it was made from: under `jobsite serve`, a
    rebuild words again only the events whose action or links changed."""

    made_with: object = None  # the words and the feed's day, fields and alarm
    events: dict[Hashable, tuple[object, bytes]] = field(default_factory=dict)


def render_calendar(
    actions: Sequence[Action],
    today: date,
    env: jinja2.Environment,
    *,
    name: str | None = None,
    link: Callable[[Action], str | None] | None = None,
    person_link: Callable[[Action], str | None] | None = None,
    fields: Collection[str] | None = None,
    alarm: time | None = None,
    kept: KeptEvents | None = None,
) -> bytes:
    """An iCalendar file with one all-day event per action, in the order of guide/rules.md §6.

    An action is on its due day; an overdue one is on `today`, the day the feed was made
    (a day already past is one no calendar shows), and its description says since when. With
    `alarm` (the `calendar_alarm` setting), each event has an alarm at that time of its day.

    `today` is the day the actions were planned for: it stamps the feed (DTSTAMP) and never
    enters a UID, which comes from the event that gave rise to each action. `env` holds the
    templates, whose `calendar.txt` words each event (and names the calendar, where `name`
    does not), in the site's language. `link`, where given, returns the URL of an action's
    page (the site passes its company pages), and `person_link` that of its contact's page,
    which the description names after them.

    `fields` (the `calendar_fields` of a secret feed: some of `settings.CALENDAR_FIELDS`)
    limits each event to what it names: `action` (its name and what to say), `company`,
    `role`, `contact` (name and title), `phone`, `email`, `notes` (the contact's notes and
    those of the event the action follows), `link` (the page's URL) and `file` (the
    journal file). The dates are always there. None: everything but the notes, as
    `jobsite ics` writes it. `kept`: the events of the last feed, to reuse where made from
    the same (and to keep this feed's, for the next).

    The calendar's own properties are written by `icalendar`; each event's lines are put
    together here from icalendar's value types (their escaping) and its line folding, in the
    order icalendar writes them: building and serialising an `icalendar.Event` per action was
    a large part of a site build (benchmarks/README.md), for a feed rebuilt with every site.
    """
    from icalendar import Calendar  # noqa: PLC0415 - lazy: `jobsite due` never needs it

    words = env.get_template(TEMPLATE).module
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    title = name or str(words.NAME)  # type: ignore[attr-defined]
    calendar.add("x-wr-calname", plain(title, one_line=True))
    # A hint for subscribed calendars to fetch again twice a day.
    calendar.add("refresh-interval", timedelta(hours=12), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT12H")
    head, end = calendar.to_ical().split(b"END:VCALENDAR")
    stamp = datetime.combine(today, time(), tzinfo=UTC).strftime("%Y%m%dT%H%M%SZ")
    shown = FULL if fields is None else frozenset(fields)
    ordered = sorted(actions, key=lambda a: a.sort_key)
    trigger = None if alarm is None else timedelta(hours=alarm.hour, minutes=alarm.minute)
    made_with = (words, stamp, shown, trigger)
    if kept is not None and kept.made_with != made_with:
        kept.made_with, kept.events = made_with, {}
    last = kept.events if kept is not None else {}
    made: dict[Hashable, tuple[object, bytes]] = {}
    events = []
    for action in ordered:
        url = link(action) if link is not None and "link" in shown else None
        person = person_link(action) if person_link is not None and "link" in shown else None
        # An action is equal to another of the same dates whatever its file says.
        key = (action.opportunity.path, action.action)
        facts = (action, action.opportunity, action.trigger, url, person)
        kept_event = last.get(key)
        if kept_event is not None and kept_event[0] == facts:
            event = kept_event[1]
        else:
            event = _event(
                action,
                today=today,
                stamp=stamp,
                url=url,
                person=person,
                fields=shown,
                words=words,
                alarm=trigger,
            )
        made[key] = (facts, event)
        events.append(event)
    if kept is not None:
        kept.events = made
    return head + b"".join(events) + b"END:VCALENDAR" + end


def action_uid(action: Action) -> str:
    """The UID of an action: the same for the same file, action and triggering event."""
    trigger = action.trigger.date if action.trigger is not None else action.due
    key = f"{action.opportunity.path}\n{action.action}\n{trigger.isoformat()}"
    # A file name that is not UTF-8 holds lone surrogates: hashed as the bytes it was read
    # from (any other name's bytes are its UTF-8, as before).
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32] + "@jobsite"


def plain(text: str, *, one_line: bool = False) -> str:
    """`text` as a calendar may show it: every line break (CR LF, a lone CR, NEL, the line
    and paragraph separators) a line feed, which icalendar writes as the `\\n` escape; a
    tab, vertical tab or form feed a space (RFC 5545 allows a raw tab, but then the feed
    holds no control at all but its line ends); every other control and every bidi
    embedding, override or isolate dropped, the rest of the words kept; a lone surrogate
    U+FFFD. `one_line` (a summary, the calendar's name): each line break a space."""
    if _UNSAFE.search(text) is not None:  # rarely: one search, and nothing copied
        text = _SURROGATE.sub("\ufffd", _DROPPED.sub("", _SPACE.sub(" ", _BREAK.sub("\n", text))))
    return text.replace("\n", " ") if one_line else text


def _text(value: str) -> str:
    """A TEXT value as its content line holds it: made `plain`, then escaped by icalendar."""
    from icalendar.prop import vText  # noqa: PLC0415 - lazy, as in `render_calendar`

    return vText(plain(value)).to_ical().decode()


_FOLD_AT = 75  # RFC 5545: a content line longer than 75 octets is folded


def _event(
    action: Action,
    *,
    today: date,
    stamp: str,
    url: str | None,
    person: str | None,
    fields: frozenset[str],
    words: Any,
    alarm: timedelta | None,
) -> bytes:
    """One VEVENT, its lines folded and ended with CRLF; with `alarm`, a VALARM that long
    after the start of its day (RELATED=START of an all-day event: the local midnight)."""
    from icalendar.parser import Contentline, Contentlines  # noqa: PLC0415 - lazy, as above
    from icalendar.prop import vDuration, vText, vUri  # noqa: PLC0415

    day = today if action.bucket == "overdue" else action.due
    summary = vText(plain(str(words.summary(action, fields)), one_line=True)).to_ical().decode()
    reminder = []
    if alarm is not None:
        trigger = vDuration(alarm).to_ical().decode()
        reminder = [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "DESCRIPTION:" + summary,
            f"TRIGGER;RELATED=START:{trigger}",
            "END:VALARM",
        ]
    close = close_command(action) if action.quiet and "file" in fields else None
    lines = [
        "BEGIN:VEVENT",
        "SUMMARY:" + summary,
        f"DTSTART;VALUE=DATE:{day:%Y%m%d}",  # a date, not a date-time: an all-day event
        # RFC 5545 §3.6.1: with a DATE start and no end, the event lasts that one day; said
        # outright but on 9999-12-31, whose next day no date holds.
        *([f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}"] if day < date.max else []),
        f"DTSTAMP:{stamp}",
        "UID:" + vText(action_uid(action)).to_ical().decode(),
        "CATEGORIES:jobsite",
        "DESCRIPTION:" + _text(str(words.description(action, fields, person, close))),
        "TRANSP:TRANSPARENT",  # a reminder, not a meeting: it does not block time
        *(["URL:" + vUri(url).to_ical().decode()] if url else []),
        *reminder,
        "END:VEVENT",
    ]
    # icalendar folds a line character by character; most lines are far shorter than the
    # 75 octets that need folding, and are written as they are.
    return b"".join(
        (line + "\r\n").encode("utf-8")
        if len(line.encode("utf-8")) < _FOLD_AT
        else Contentlines([Contentline(line), ""]).to_ical()
        for line in lines
    )
