"""Property tests (hypothesis) of the rules (guide/rules.md §4) and of the loader
(guide/journal.md, guide/commands.md).

Each property is checked against the calendar itself rather than against the code's own
arithmetic: B+n is "a business day with exactly n business days in (L, due]", roll(d) is "the
first business day on or after d".
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobsite.journal.parse import parse_file
from jobsite.journal.settings import Settings
from jobsite.model import Event, Opportunity
from jobsite.rules.followups import past_events, plan
from jobsite.rules.history import DONE_BY, OUTCOMES, follow_up_history
from jobsite.rules.planning import plan_journal
from jobsite.rules.workdays import Calendar, holiday_source
from jobsite.vocabulary import ACTIONS, CLOSING, EVENT_TYPES, INTERVIEWS

START, END = date(2025, 12, 1), date(2027, 6, 30)
HOLIDAY_TABLE: dict[str, list[int]] = {}
CALENDARS = {
    place: Calendar(holiday_source(*place, HOLIDAY_TABLE))
    for place in (("US", None), ("US", "IL"), ("GB", None))
}
BOUNDED = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

OPEN_TYPES = tuple(t for t in EVENT_TYPES if t not in CLOSING)
days = st.dates(min_value=START, max_value=END)


@st.composite
def opportunities(draw, *, closing: bool = False, statuses=("active",)) -> Opportunity:
    """An opportunity with 0 to 8 events of any open type, maybe a call-back date."""
    types = st.sampled_from(EVENT_TYPES if closing else OPEN_TYPES)
    events = draw(st.lists(st.tuples(days, types), max_size=8))
    next_call = draw(st.none() | days)
    return Opportunity(
        path=f"journal/{draw(st.integers(0, 10**6))}.md",
        company=draw(st.sampled_from(["Acme", "Beta", "Globex", "acme"])),
        kind=draw(st.sampled_from(["job", "networking"])),
        status=draw(st.sampled_from(statuses)),
        events=tuple(Event(day, kind, line=i + 2) for i, (day, kind) in enumerate(events)),
        follow_up_next=next_call,
        follow_up_line=1 if next_call else 0,
    )


@st.composite
def plan_settings(draw) -> tuple[Calendar, Settings]:
    """A calendar (US, Illinois or GB, maybe with days off) and settings."""
    place = draw(st.sampled_from(sorted(CALENDARS, key=str)))
    days_off = frozenset(draw(st.lists(days, max_size=5)))
    calendar = (
        Calendar(holiday_source(*place, HOLIDAY_TABLE), days_off) if days_off else CALENDARS[place]
    )
    first = draw(st.integers(1, 14))
    return calendar, Settings(
        days_off=days_off,
        follow_up_business_days=draw(st.integers(1, 10)),
        check_in_days=(first, first + draw(st.integers(0, 7))),
        horizon_days=draw(st.integers(0, 21)),
    )


def business_days_between(calendar: Calendar, after: date, until: date) -> int:
    """How many business days d there are with after < d ≤ until."""
    count, day = 0, after
    while day < until:
        day += timedelta(days=1)
        count += calendar.is_business_day(day)
    return count


def is_roll(calendar: Calendar, start: date, rolled: date) -> bool:
    """`rolled` is the first business day on or after `start`."""
    if rolled < start or not calendar.is_business_day(rolled):
        return False
    return (
        business_days_between(calendar, start - timedelta(days=1), rolled - timedelta(days=1)) == 0
    )


@BOUNDED
@given(opportunities(), days, plan_settings())
def test_calls_and_notes_are_business_days_after_the_last_event(item, today, setup) -> None:
    calendar, config = setup
    past = past_events(item, today)
    actions = plan(item, today, calendar, config).actions
    if not past:
        # A lead: nothing, or the interview already booked (guide/rules.md §4).
        assert [a.action for a in actions] in ([], ["interview"])
        return
    last = past[-1]
    interviews = [e for e in past if e.type in INTERVIEWS]
    asked = item.follow_up_next if item.follow_up_next and item.follow_up_next > last.date else None
    for action in actions:
        if action.action == "follow-up-call":
            assert not interviews
            if asked:
                assert (action.due, action.due_by) == (asked, asked)
                continue
            assert calendar.is_business_day(action.due)
            assert action.due > last.date
            n = config.follow_up_business_days
            assert business_days_between(calendar, last.date, action.due) == n
            assert action.due_by == action.due
        elif action.action in ("thank-you-call", "handwritten-note"):
            interview = interviews[-1]
            assert calendar.is_business_day(action.due)
            assert action.due > interview.date
            assert business_days_between(calendar, interview.date, action.due) == 1
            assert action.due_by == action.due


@BOUNDED
@given(opportunities(), days, plan_settings())
def test_check_in_window_is_rolled_from_l_plus_the_check_in_days(item, today, setup) -> None:
    calendar, config = setup
    past = past_events(item, today)
    first, last_day = config.check_in_days
    for action in plan(item, today, calendar, config).actions:
        if action.action != "check-in-call":
            continue
        last = past[-1]
        if item.follow_up_next and item.follow_up_next > last.date:
            assert action.due == action.due_by == item.follow_up_next
            continue
        assert is_roll(calendar, last.date + timedelta(days=first), action.due)
        assert is_roll(calendar, last.date + timedelta(days=last_day), action.due_by)
        assert action.due <= action.due_by
        # A check-in follows a call after the last interview, and no interview lies ahead.
        index = max(i for i, e in enumerate(past) if e.type in INTERVIEWS)
        assert any(e.type in ("thank-you", "follow-up") for e in past[index + 1 :])
        assert not any(e.type in INTERVIEWS and e.date > today for e in item.events)


@BOUNDED
@given(
    opportunities(closing=True, statuses=("active", "paused", *CLOSING)),
    days,
    plan_settings(),
)
def test_closed_and_paused_opportunities_never_have_actions(item, today, setup) -> None:
    calendar, config = setup
    closed = item.status in CLOSING or any(
        e.type in CLOSING and e.date <= today for e in item.events
    )
    actions = plan(item, today, calendar, config).actions
    if closed or item.status == "paused":
        assert actions == ()
    for action in actions:
        assert action.bucket in ("overdue", "due", "upcoming", "later")
        assert action.due <= action.due_by


@settings(max_examples=100, deadline=None)
@given(st.lists(opportunities(), max_size=6), days, plan_settings(), st.randoms())
def test_the_plan_does_not_depend_on_the_order_of_files(items, today, setup, rng) -> None:
    calendar, config = setup
    expected = [a.as_json() for a in plan_journal(items, today, calendar, config).actions]
    shuffled = list(items)
    rng.shuffle(shuffled)
    assert [
        a.as_json() for a in plan_journal(shuffled, today, calendar, config).actions
    ] == expected
    keys = [(a["due"], a["company"], ACTIONS.index(a["action"])) for a in expected]
    assert keys == sorted(keys)


@BOUNDED
@given(opportunities(), days, plan_settings(), st.randoms())
def test_the_plan_does_not_depend_on_the_order_of_events_of_different_days(
    item, today, setup, rng
) -> None:
    """Reordering a file's events changes nothing as long as one day's events keep their
    order (guide/rules.md §3: events are ordered by date, one date's in file order)."""
    calendar, config = setup
    by_day: dict[date, list[Event]] = {}
    for event in item.events:
        by_day.setdefault(event.date, []).append(event)
    groups = list(by_day.values())
    rng.shuffle(groups)
    reordered = Opportunity(
        path=item.path,
        company=item.company,
        events=tuple(e for group in groups for e in group),
        follow_up_next=item.follow_up_next,
    )

    def owed(opportunity: Opportunity) -> list[tuple]:
        planned = plan(opportunity, today, calendar, config)
        return [(a.action, a.due, a.due_by, a.bucket) for a in planned.actions]

    before, after = owed(item), owed(reordered)
    assert after == before


# --- The loader never raises ------------------------------------------------------------------

PROBLEM = re.compile(r"^journal/fuzz\.md:(\d+): (warning: )?\S")

FRAGMENTS = st.sampled_from(
    [
        "---\n",
        "---",
        "\n",
        "\r\n",
        "\ufeff",
        "company: ",
        "Acme",
        "role: ",
        "events:",
        "contacts:",
        "follow_up:",
        "next: ",
        "status: ",
        "kind: ",
        "tags: ",
        "link: ",
        "- ",
        "  ",
        "\t",
        "[",
        "]",
        "{",
        "}",
        ",",
        ": ",
        ":",
        "?",
        "&a ",
        "*a",
        "<<: ",
        "!ENV ",
        "!!python/name:os.system ",
        "!!binary ",
        "'",
        '"',
        "#",
        "|",
        ">",
        "...",
        "2026-11-02",
        "2026-13-45",
        "2026-11-02T10:00:00Z",
        "2026-11-02 10:00 -5",
        " applied",
        " interview",
        " intervew",
        " call",
        "type: ",
        "date: ",
        "with: ",
        "channel: ",
        "notes: ",
        "on",
        "yes",
        "~",
        "null",
        "0123",
        "\x00",
        "\x85",
        "\u2028",
        "é",
        "💼",
        "\\",
        "%YAML 1.1\n",
        "--- !tag\n",
    ]
)
yaml_ish = st.lists(FRAGMENTS, max_size=60).map("".join)

# Structured front matter: YAML dumped from random values under random (mostly known) keys.
leaves = (
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
    | st.text(max_size=20)
    | st.sampled_from(["2026-11-02 applied", "2026-11-12 interview: notes", "call", "Dana"])
)
values = st.recursive(
    leaves,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
KEYS = st.sampled_from(
    [
        "company",
        "role",
        "kind",
        "status",
        "contacts",
        "events",
        "follow_up",
        "tags",
        "link",
        "evnets",
        "on",
        "name",
        "date",
        "type",
        "next",
        "primary",
        "phone",
    ]
)
front_matter = st.dictionaries(KEYS | st.text(max_size=8), values, max_size=8).map(
    lambda mapping: "---\n" + yaml.safe_dump(mapping, allow_unicode=True) + "---\nBody\n"
)


def assert_reported(data: bytes) -> None:
    """parse_file returns problems, never raises; each problem is `path:line: message`."""
    parsed = parse_file("journal/fuzz.md", data)
    # Lines as an editor counts them: LF, CRLF or a lone CR ends one.
    lines = len(re.findall(rb"\r\n?|\n", data)) + 1
    for problem in parsed.problems:
        text = str(problem)
        match = PROBLEM.match(text)
        assert match, text
        assert 1 <= int(match[1]) <= lines, text
        assert "\n" not in text and "Traceback" not in text
    errors = [p for p in parsed.problems if p.is_error]
    assert (parsed.opportunity is None) == bool(errors)
    if parsed.opportunity is not None:
        assert parsed.opportunity.company


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_crash_the_loader(data: bytes) -> None:
    assert_reported(data)
    assert_reported(b"---\n" + data + b"\n---\n")


@settings(max_examples=200, deadline=None)
@given(yaml_ish)
def test_random_yaml_ish_text_never_crashes_the_loader(text: str) -> None:
    assert_reported(text.encode("utf-8", "surrogatepass"))
    assert_reported(("---\ncompany: Acme\n" + text + "\n---\n").encode("utf-8", "surrogatepass"))


@settings(max_examples=100, deadline=None)
@given(front_matter)
def test_random_front_matter_never_crashes_the_loader(text: str) -> None:
    assert_reported(text.encode())


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_random_unicode_never_crashes_the_loader(text: str) -> None:
    assert_reported(text.encode("utf-8", "surrogatepass"))
    assert_reported(("---\n" + text + "\n---\n").encode("utf-8", "surrogatepass"))


def test_seeded_shuffle_of_a_real_journal_gives_the_same_due_list(make_root, run) -> None:
    """The same files written in a different order give the same `due --json --all`."""
    texts = {
        f"{name}.md": f"---\ncompany: {name.title()}\nevents: [{events}]\n---\n"
        for name, events in [
            ("acme", "2026-11-02 applied"),
            ("beta", "2026-11-02 applied, 2026-11-12 interview"),
            ("gamma", "2026-11-05 contacted"),
            ("delta", "2026-11-10 interview, 2026-11-11 thank-you, 2026-11-11 note"),
            ("eps", "2026-11-02 applied, 2026-11-30 interview"),
        ]
    }
    outputs = set()
    for seed in range(3):
        names = list(texts)
        random.Random(seed).shuffle(names)
        root = make_root({name: texts[name] for name in names})
        result = run(root, "due", "--today", "2026-11-13", "--all", "--json")
        assert result.exit_code == 0
        outputs.add(result.stdout)
        for path in (root / "journal").iterdir():
            path.unlink()
    assert len(outputs) == 1


# --- Issue 13: the follow-ups of the past (rules/history.py) ---------------------------------


@BOUNDED
@given(opportunities(statuses=("active", "paused", "rejected")), days, plan_settings())
def test_every_follow_up_of_the_past_has_one_outcome_that_fits_its_dates(
    item, today, setup
) -> None:
    """Done ones were done on a day with an event that does them; on time means by its last
    day; missed ones' last day has passed; open ones are owed today, within their window."""
    calendar, config = setup
    today_plan = plan(item, today, calendar, config)
    found = follow_up_history(item, today, calendar, config, today_plan)
    event_days = {e.date: [] for e in past_events(item, today)}
    for event in past_events(item, today):
        event_days[event.date].append(event.type)
    for follow_up in found:
        assert follow_up.outcome in OUTCOMES
        assert follow_up.due <= follow_up.due_by
        if follow_up.outcome in ("on time", "late"):
            assert follow_up.done is not None
            assert set(event_days[follow_up.done]) & set(DONE_BY[follow_up.action])
            assert (follow_up.done <= follow_up.due_by) == (follow_up.outcome == "on time")
        else:
            assert follow_up.done is None
        if follow_up.outcome == "missed":
            assert follow_up.due_by < today
    still = [a for a in today_plan.actions if a.action in DONE_BY]
    assert sum(f.outcome == "open" for f in found) == sum(a.bucket != "overdue" for a in still)
    assert found == follow_up_history(item, today, calendar, config)  # the same, planned here
