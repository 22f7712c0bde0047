"""The calendar feed: one all-day VEVENT per action, with UIDs that survive rebuilds."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time, timedelta

import icalendar
import pytest

from conftest import REPO, SAMPLE_TODAY
from samples import DANA, acme

ACME = acme(
    "{date: 2026-11-16, type: applied}",
    "{date: 2026-11-19, type: interview}",
    "{date: 2026-11-20, type: thank-you}",
    contacts=[{k: v for k, v in DANA.items() if k != "email"}],
)
LEAD = """
---
company: Globex
events:
  - {date: 2026-11-02, type: applied}
---
"""


def _events(data: bytes) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return list(calendar.walk("VEVENT"))


def test_one_all_day_event_per_action_of_due_all(run) -> None:
    feed = run(REPO, "ics", "--today", SAMPLE_TODAY)
    assert feed.exit_code == 0, feed.output
    due = json.loads(run(REPO, "due", "--today", SAMPLE_TODAY, "--all", "--json").stdout)
    events = _events(feed.stdout_bytes)
    assert len(events) == len(due) > 10
    assert not list(icalendar.Calendar.from_ical(feed.stdout_bytes).walk("VTODO"))
    for event, action in zip(events, due, strict=True):
        start = event.decoded("dtstart")
        assert isinstance(start, date) and not isinstance(start, datetime)
        assert event["dtstart"].params["VALUE"] == "DATE"
        # An overdue one is on the day the feed was made, saying since when.
        if action["bucket"] == "overdue":
            assert start.isoformat() == SAMPLE_TODAY
            assert "Overdue: it was due" in str(event["description"])
        else:
            assert start.isoformat() == action["due"]
        assert (event.decoded("dtend") - start).days == 1
        assert action["company"] in str(event["summary"])
        assert action["file"] in str(event["description"])
        if action["phone"]:
            assert f"Phone: {action['phone']}" in str(event["description"])
    assert len({str(event["uid"]) for event in events}) == len(events)


def test_uids_stay_the_same_on_another_day(run, make_root) -> None:
    root = make_root({"acme.md": ACME, "globex.md": LEAD})
    first = _events(run(root, "ics", "--today", "2026-11-21").stdout_bytes)
    later = _events(run(root, "ics", "--today", "2026-11-24").stdout_bytes)
    assert [str(e["summary"]) for e in first] == [str(e["summary"]) for e in later]
    assert [str(e["uid"]) for e in first] == [str(e["uid"]) for e in later]
    # What does change from day to day is the stamp, never the identity.
    assert first[0].decoded("dtstamp") != later[0].decoded("dtstamp")


def test_a_new_event_makes_a_new_follow_up_with_a_new_uid(run, make_root) -> None:
    root = make_root({"globex.md": LEAD})
    [before] = _events(run(root, "ics", "--today", "2026-11-05").stdout_bytes)
    run(root, "log", "globex", "voicemail", "--today", "2026-11-05")
    [after] = _events(run(root, "ics", "--today", "2026-11-05").stdout_bytes)
    assert str(before["summary"]) == str(after["summary"]) == "Follow-up call: Globex"
    assert before["uid"] != after["uid"]


def test_sample_journal_uids_are_stable_across_two_days(run) -> None:
    def uids(today: str) -> dict[tuple[str, str], str]:
        feed = run(REPO, "ics", "--today", today).stdout_bytes
        due = json.loads(run(REPO, "due", "--today", today, "--all", "--json").stdout)
        return {
            (a["file"], a["action"]): str(e["uid"]) for a, e in zip(due, _events(feed), strict=True)
        }

    today, tomorrow = uids(SAMPLE_TODAY), uids("2026-11-27")
    shared = today.keys() & tomorrow.keys()
    assert len(shared) > 5
    assert {key: today[key] for key in shared} == {key: tomorrow[key] for key in shared}


def test_the_feed_is_the_same_bytes_for_the_same_day(run, make_root) -> None:
    root = make_root({"acme.md": ACME})
    assert (
        run(root, "ics", "--today", "2026-11-21").stdout_bytes
        == run(root, "ics", "--today", "2026-11-21").stdout_bytes
    )


@pytest.mark.parametrize(
    ("today", "summary", "in_description"),
    [
        ("2026-11-05", "Follow-up call: Globex", "three-part message"),
        ("2026-11-21", "Check-in call: Dana Smith (Acme Corp)", "Between Fri 2026-11-27 and"),
    ],
)
def test_summary_and_description(run, make_root, today, summary, in_description) -> None:
    root = make_root({"acme.md": ACME, "globex.md": LEAD})
    events = _events(run(root, "ics", "--today", today).stdout_bytes)
    [event] = [e for e in events if str(e["summary"]) == summary]
    assert in_description in str(event["description"])
    assert str(event["transp"]) == "TRANSPARENT"


def test_an_empty_journal_is_an_empty_calendar(run, make_root) -> None:
    result = run(make_root({}), "ics", "--today", SAMPLE_TODAY)
    assert result.exit_code == 0
    calendar = icalendar.Calendar.from_ical(result.stdout_bytes)
    assert str(calendar["version"]) == "2.0"
    assert not list(calendar.walk("VEVENT"))


def test_render_calendar_links_each_event_to_its_page(make_root) -> None:
    from jobsite.agenda import build_agenda
    from jobsite.site.ics import render_calendar
    from jobsite.site.templates import environment

    root = make_root({"acme.md": ACME, "globex.md": LEAD})
    agenda = build_agenda(root, date(2026, 11, 21), use_cache=False)
    data = render_calendar(
        agenda.actions,
        agenda.today,
        environment(root),
        name="Mine",
        link=lambda a: f"https://x.example/{a.action}/",
    )
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["x-wr-calname"]) == "Mine"
    assert {str(e["url"]) for e in calendar.walk("VEVENT")} == {
        f"https://x.example/{a.action}/" for a in agenda.actions
    }


# --- The events' lines are written as icalendar itself would write them ---------------------

TRICKY = """
---
company: "Zürich Rück; Ltd, \\\\ Co"
role: "Ingénieur données 🚀, senior; lead"
contacts:
  - name: "Renée O'Hara, Ph.D."
    title: "Head of Data; Platform \\\\ Tools"
    phone: "+41 44 555 01 00"
    email: "renee@zurich.example"
events:
  - {date: 2026-11-16, type: applied, notes: "a note, with; every: character \\\\ to escape"}
---
"""


def _reference_calendar(actions, today: date, link) -> bytes:
    """The feed built the plain way, an `icalendar.Event` per action (as jobsite once did)."""
    from datetime import UTC, time, timedelta

    from jobsite.site import ics
    from jobsite.site.templates import environment

    words = environment(REPO).get_template(ics.TEMPLATE).module
    calendar = icalendar.Calendar()
    calendar.add("prodid", ics.PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "Job search follow-ups")
    calendar.add("refresh-interval", timedelta(hours=12), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT12H")
    stamp = datetime.combine(today, time(), tzinfo=UTC)
    for action in sorted(actions, key=lambda a: a.sort_key):
        event = icalendar.Event()
        event.add("uid", ics.action_uid(action))
        event.add("dtstamp", stamp)
        day = today if action.bucket == "overdue" else action.due
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", str(words.summary(action, ics.FULL)))
        event.add("description", str(words.description(action, ics.FULL)))
        event.add("transp", "TRANSPARENT")
        event.add("categories", ["jobsite"])
        if link(action):
            event.add("url", link(action))
        calendar.add_component(event)
    return calendar.to_ical()


@pytest.mark.parametrize("with_links", [False, True])
def test_the_feed_is_byte_for_byte_what_icalendar_writes(make_root, with_links) -> None:
    from jobsite.agenda import build_agenda
    from jobsite.site.ics import render_calendar
    from jobsite.site.templates import environment

    root = make_root({"acme.md": ACME, "globex.md": LEAD, "zurich.md": TRICKY})
    today = date(2026, 11, 26)
    agenda = build_agenda(root, today, use_cache=False)
    assert len(agenda.actions) >= 3

    def link(action) -> str | None:
        return (
            f"https://example.org/site/companies/{action.opportunity.path}/" if with_links else None
        )

    feed = render_calendar(agenda.actions, today, environment(root), link=link)
    assert feed == _reference_calendar(agenda.actions, today, link)
    summaries = [str(e["summary"]) for e in icalendar.Calendar.from_ical(feed).walk("VEVENT")]
    assert any("Zürich Rück; Ltd" in summary for summary in summaries)


# --- Overdue calls on today's date, and alarms ------------------------------------------------


def test_an_overdue_call_is_on_the_day_of_the_feed_and_says_since_when(run, make_root) -> None:
    root = make_root({"globex.md": LEAD})  # applied Mon 2 Nov: the call was due Thu 5 Nov
    [due] = _events(run(root, "ics", "--today", "2026-11-05").stdout_bytes)
    assert due.decoded("dtstart") == date(2026, 11, 5)
    assert "Overdue" not in str(due["description"])
    [late] = _events(run(root, "ics", "--today", "2026-11-10").stdout_bytes)
    assert late.decoded("dtstart") == date(2026, 11, 10)
    assert late.decoded("dtend") == date(2026, 11, 11)
    assert str(late["description"]).startswith("Globex\n\nOverdue: it was due on Thu 2026-11-05.")
    assert late["uid"] == due["uid"]  # the same event, moved to today


def _alarmed_feed(run, make_root, alarm: str) -> bytes:
    root = make_root({"acme.md": ACME, "globex.md": LEAD}, f"calendar_alarm: {alarm}")
    feed = run(root, "ics", "--today", "2026-11-21")
    assert feed.exit_code == 0, feed.output
    return feed.stdout_bytes


@pytest.mark.parametrize(("alarm", "hours"), [('"09:00"', 9), ("7:30", 7.5), ('"00:00"', 0)])
def test_calendar_alarm_puts_an_alarm_at_that_time_of_each_events_day(
    run, make_root, alarm: str, hours: float
) -> None:
    """Read by icalendar, and by vobject, a second reader written independently of it."""
    import vobject

    data = _alarmed_feed(run, make_root, alarm)
    events = _events(data)
    assert events
    for event in events:
        [valarm] = event.walk("VALARM")
        assert str(valarm["action"]) == "DISPLAY"
        assert str(valarm["description"]) == str(event["summary"])
        assert valarm["trigger"].params["RELATED"] == "START"
        assert valarm.decoded("trigger") == timedelta(hours=hours)
    parsed = vobject.readOne(data.decode("utf-8"))
    read = list(parsed.vevent_list)
    assert len(read) == len(events)
    for vevent in read:
        assert vevent.valarm.trigger.value == timedelta(hours=hours)
        assert vevent.valarm.action.value == "DISPLAY"
        assert isinstance(vevent.dtstart.value, date)


def test_no_alarm_unless_asked(run, make_root) -> None:
    root = make_root({"globex.md": LEAD}, "country: US")
    assert b"VALARM" not in run(root, "ics", "--today", "2026-11-05").stdout_bytes


@pytest.mark.parametrize("alarm", ['"9am"', '"25:00"', "[9, 0]", '"09:61"'])
def test_a_bad_calendar_alarm_is_one_line(run, make_root, alarm: str) -> None:
    root = make_root({"globex.md": LEAD}, f"calendar_alarm: {alarm}")
    result = run(root, "ics", "--today", "2026-11-05")
    assert result.exit_code == 1
    assert result.stderr.startswith("mkdocs.yml:4: calendar_alarm: expected a time of day")
    assert result.stderr.count("\n") == 1


# --- Whatever a journal holds, the feed is valid RFC 5545 TEXT -------------------------------

# YAML double-quoted escapes: C0 and C1 controls, DEL, bidi overrides and isolates, a lone CR,
# NEL and the line separator, tabs, and a note far longer than a content line.
HOSTILE = """
---
company: "Ac\\ame\\u202e Corp\\x9b"
role: "Data\\tEngineer\\x7f\\e[31m"
contacts:
  - name: "Da\\x07na\\u2066 Smith\\u2069\\x00"
    title: "HR\\x1f Generalist\\x0b\\x0cLead"
    phone: "+1 847 555 0100"
    notes: "first\\r\\nsecond\\rthird\\u2028fourth\\Nfifth\\x08 end"
events:
  - {date: 2026-11-16, type: applied, notes: "%s"}
---
""" % ("long \\x01" * 400)
# Every control byte but a line end's CR LF, anywhere in the feed.
RAW_CONTROL = re.compile(rb"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f]|\r(?!\n)|(?<!\r)\n")
# What UTF-8 may still carry that a calendar app would act on: C1, separators, bidi.
RAW_UNSAFE = re.compile("[\x80-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffd]")


def _assert_valid_text(data: bytes) -> None:
    assert RAW_CONTROL.search(data) is None
    assert RAW_UNSAFE.search(data.decode("utf-8")) is None
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))  # folded


def test_a_hostile_journal_makes_a_valid_feed_that_keeps_the_words(run, make_root) -> None:
    import vobject

    root = make_root({"acme.md": HOSTILE})
    written = run(root, "ics", "--today", "2026-11-21", "-o", "calendar.ics")
    assert written.exit_code == 0, written.output
    data = (root / "calendar.ics").read_bytes()
    assert run(root, "ics", "--today", "2026-11-21").stdout_bytes == data  # as printed
    _assert_valid_text(data)
    summary = "Follow-up call: Dana Smith (Acme Corp)"
    description = (
        "Acme Corp · Data Engineer[31m\nDana Smith, HR Generalist  Lead\n"
        "Phone: +1 847 555 0100\n\nOverdue: it was due on Thu 2026-11-19.\n"
    )
    [event] = _events(data)
    assert str(event["summary"]) == summary
    assert str(event["description"]).startswith(description)
    [vevent] = vobject.readOne(data.decode("utf-8")).vevent_list
    assert vevent.summary.value == summary
    assert vevent.description.value.startswith(description)


def test_every_field_of_a_hostile_journal_is_valid_text(make_root) -> None:
    """The notes too, which only a secret feed's `calendar_fields` shows; and an alarm."""
    import vobject

    from jobsite.agenda import build_agenda
    from jobsite.journal.settings import CALENDAR_FIELDS
    from jobsite.site.ics import render_calendar
    from jobsite.site.templates import environment

    root = make_root({"acme.md": HOSTILE})
    agenda = build_agenda(root, date(2026, 11, 21), use_cache=False)
    data = render_calendar(
        agenda.actions,
        agenda.today,
        environment(root),
        name="Mine\x1b]0;x\x07\rtoo",
        fields=CALENDAR_FIELDS,
        alarm=time(9),
    )
    _assert_valid_text(data)
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["x-wr-calname"]) == "Mine]0;x too"
    [event] = calendar.walk("VEVENT")
    notes = "long " * 399 + "long \nfirst\nsecond\nthird\nfourth\nfifth end\n\nFile:"
    assert notes in str(event["description"])
    [vevent] = vobject.readOne(data.decode("utf-8")).vevent_list
    assert notes in vevent.description.value
    assert vevent.valarm.description.value == "Follow-up call: Dana Smith (Acme Corp)"


def test_a_file_name_that_is_not_utf8_is_in_the_feed(run, make_root) -> None:
    root = make_root({"glob\udcffex.md": LEAD})  # the byte 0xff, as Python reads it
    first = run(root, "ics", "--today", "2026-11-05", "-o", "calendar.ics")
    assert first.exit_code == 0, first.output
    data = (root / "calendar.ics").read_bytes()
    assert RAW_CONTROL.search(data) is None
    [event] = _events(data)
    assert str(event["description"]).endswith("File: journal/glob\ufffdex.md")
    run(root, "ics", "--today", "2026-11-06", "-o", "calendar.ics")
    assert _events((root / "calendar.ics").read_bytes())[0]["uid"] == event["uid"]


# --- Gone quiet: a decision, as the due list says, not one more overdue call ----------------


def test_an_action_gone_quiet_says_so_and_how_to_close_it(run, make_root) -> None:
    """Globex applied Mon 2 Nov: on Tue 1 Dec, 29 days on, it has gone quiet."""
    root = make_root({"globex.md": LEAD})
    due = run(root, "due", "--today", "2026-12-01").stdout
    assert "GONE QUIET (1)" in due and "jobsite log journal/globex.md closed" in due
    [quiet] = _events(run(root, "ics", "--today", "2026-12-01").stdout_bytes)
    assert str(quiet["summary"]) == "Gone quiet: Globex"
    assert quiet.decoded("dtstart") == date(2026, 12, 1)
    assert str(quiet["description"]).startswith(
        "Globex\n\nNo answer since Mon 2026-11-02: call once more, or close it with "
        "jobsite log journal/globex.md closed\nCall with the three-part message"
    )
    assert "Overdue" not in str(quiet["description"])
    [late] = _events(run(root, "ics", "--today", "2026-11-29").stdout_bytes)  # 27 days: not yet
    assert str(late["summary"]) == "Follow-up call: Globex"
    assert "Overdue: it was due on Thu 2026-11-05." in str(late["description"])
    assert late["uid"] == quiet["uid"]  # the same event, now a decision


@pytest.mark.parametrize(
    ("fields", "summary", "says"),
    [
        (["action", "company"], "Gone quiet: Globex", "call once more, or close it.\n"),
        (["company", "file"], "Follow-up: Globex", "Overdue: it was due on Thu 2026-11-05."),
    ],
)
def test_gone_quiet_in_a_feed_of_some_fields(make_root, fields, summary, says) -> None:
    """The command names the file, so only a feed showing the file has it; one that does not
    show what to do shows the dates alone, as of any overdue call."""
    from jobsite.agenda import build_agenda
    from jobsite.site.ics import render_calendar
    from jobsite.site.templates import environment

    root = make_root({"globex.md": LEAD})
    agenda = build_agenda(root, date(2026, 12, 1), use_cache=False)
    data = render_calendar(agenda.actions, agenda.today, environment(root), fields=fields)
    [event] = _events(data)
    assert str(event["summary"]) == summary
    assert says in str(event["description"]) + "\n"
    assert "jobsite log" not in str(event["description"])


def test_gone_quiet_in_another_language(run, make_root) -> None:
    root = make_root({"globex.md": LEAD}, "language: de")
    [event] = _events(run(root, "ics", "--today", "2026-12-01").stdout_bytes)
    assert str(event["summary"]) == "Verstummt: Globex"
    assert "Keine Antwort seit" in str(event["description"])
