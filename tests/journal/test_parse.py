"""Loading opportunity files (guide/journal.md): every key, every shape, and every kind of bad
input.

Bad input is reported as `path:line: message` (the line of the offending key or event), the
file is left out, and every other file still loads; nothing is ever written under journal/.
"""

from __future__ import annotations

import builtins
import json
import os
import re
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest

from jobsite.journal.parse import Parsed, parse_file
from jobsite.model import Contact, Event

D = date.fromisoformat
PATH = "journal/acme.md"
TODAY = "2026-11-13"

# A good file that every bad-input test puts beside the bad one: it must still be listed.
GOOD = """\
---
company: Good Co
events: [2026-11-02 applied]
---
"""
GOOD_ACTION = {
    "file": "journal/good.md",
    "company": "Good Co",
    "role": None,
    "action": "follow-up-call",
    "due": "2026-11-05",
    "due_by": "2026-11-05",
    "bucket": "overdue",
    "contact": None,
    "phone": None,
    "email": None,
    "quiet": False,
}


def parse(text: str | bytes, path: str = PATH) -> Parsed:
    data = text if isinstance(text, bytes) else textwrap.dedent(text).lstrip("\n").encode()
    return parse_file(path, data)


def messages(text: str | bytes) -> list[str]:
    return [str(problem) for problem in parse(text).problems]


def loads(text: str | bytes):
    parsed = parse(text)
    assert parsed.opportunity is not None, [str(p) for p in parsed.problems]
    return parsed.opportunity


# --- Every key --------------------------------------------------------------------------------


def test_the_spec_example_loads_every_key() -> None:
    parsed = parse(
        """
        ---
        company: Acme Corp
        role: Data Engineer
        kind: job
        status: active
        contacts:
          - name: Dana Smith
            title: HR Generalist
            role: hiring manager
            phone: "+1 847 555 0100"
            email: dana@acme.example
            notes: prefers mornings
        events:
          - {date: 2026-11-02, type: applied, notes: through the careers site}
          - {date: 2026-11-05, type: voicemail, with: Dana Smith}
          - 2026-11-12 interview: panel of three, went well
        follow_up: {next: 2026-12-01}
        tags: [remote, python]
        link: https://acme.example/jobs/123
        ---
        Notes in Markdown...
        """
    )
    assert parsed.problems == []
    item = parsed.opportunity
    assert item is not None
    assert (item.path, item.company, item.role, item.kind, item.status) == (
        PATH,
        "Acme Corp",
        "Data Engineer",
        "job",
        "active",
    )
    assert item.contacts == (
        Contact(
            name="Dana Smith",
            title="HR Generalist",
            role="hiring manager",
            phone="+1 847 555 0100",
            email="dana@acme.example",
            notes="prefers mornings",
        ),
    )
    assert item.events == (
        Event(D("2026-11-02"), "applied", None, None, "through the careers site", line=14),
        Event(D("2026-11-05"), "follow-up", "voicemail", "Dana Smith", None, line=15),
        Event(D("2026-11-12"), "interview", None, None, "panel of three, went well", line=16),
    )
    assert (item.follow_up_next, item.follow_up_line) == (D("2026-12-01"), 17)
    assert item.tags == ("remote", "python")
    assert item.link == "https://acme.example/jobs/123"
    assert item.extra == ()
    assert item.body == "Notes in Markdown...\n"


def test_the_employers_address_and_the_line_of_company() -> None:
    """`address:` is the employer's, for the work-search record; `company:`'s line is where a
    message about the whole file points."""
    item = loads(
        "---\n# a comment\nrole: Analyst\ncompany: Acme\n"
        "address: |\n  1 Main St\n  Springfield\n---\n"
    )
    assert (item.address, item.company_line, item.extra) == ("1 Main St\nSpringfield", 4, ())
    assert loads("---\ncompany: Acme\naddress: \n---\n").address is None


def test_only_company_is_required_and_defaults_apply() -> None:
    item = loads("---\ncompany: Acme\n---\n")
    assert (item.role, item.kind, item.status, item.contacts, item.events) == (
        None,
        "job",
        "active",
        (),
        (),
    )
    assert (item.follow_up_next, item.tags, item.link, item.body) == (None, (), None, "")


@pytest.mark.parametrize("status", ["paused", "offer", "hired", "rejected", "withdrawn", "closed"])
def test_every_status(status: str) -> None:
    assert loads(f"---\ncompany: Acme\nstatus: {status}\n---\n").status == status


def test_networking_kind() -> None:
    assert loads("---\ncompany: Acme\nkind: networking\n---\n").kind == "networking"


def test_follow_up_next_as_a_bare_date_too() -> None:
    assert loads("---\ncompany: A\nfollow_up: 2026-12-01\n---\n").follow_up_next == D("2026-12-01")
    block = "---\ncompany: A\nfollow_up:\n  next: '2026-12-01'\n---\n"
    item = loads(block)
    assert (item.follow_up_next, item.follow_up_line) == (D("2026-12-01"), 4)


# --- The one-line event form ------------------------------------------------------------------


def test_one_line_event_as_a_plain_string() -> None:
    item = loads("---\ncompany: A\nevents:\n  - 2026-11-12 interview\n---\n")
    assert item.events == (Event(D("2026-11-12"), "interview", line=4),)


def test_one_line_event_quoted_with_notes() -> None:
    item = loads('---\ncompany: A\nevents:\n  - "2026-11-12 interview: went well"\n---\n')
    assert item.events == (Event(D("2026-11-12"), "interview", notes="went well", line=4),)


def test_one_line_event_unquoted_with_notes_is_a_one_key_mapping_in_yaml() -> None:
    # YAML reads `- 2026-11-12 interview: notes` as {"2026-11-12 interview": "notes"}.
    item = loads(
        "---\ncompany: A\nevents:\n  - 2026-11-12 interview: panel of three, went well\n---\n"
    )
    assert item.events == (
        Event(D("2026-11-12"), "interview", notes="panel of three, went well", line=4),
    )


def test_one_line_events_in_a_flow_list() -> None:
    item = loads("---\ncompany: A\nevents: [2026-11-02 applied, 2026-11-05 call: no answer]\n---\n")
    assert item.events == (
        Event(D("2026-11-02"), "applied", line=3),
        Event(D("2026-11-05"), "follow-up", "phone", notes="no answer", line=3),
    )


def test_one_line_event_with_an_empty_note() -> None:
    item = loads("---\ncompany: A\nevents:\n  - 2026-11-12 interview:\n---\n")
    assert item.events == (Event(D("2026-11-12"), "interview", line=4),)


# --- Aliases and case -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "channel"), [("call", "phone"), ("voicemail", "voicemail"), ("email", "email")]
)
def test_aliases_of_follow_up(written: str, channel: str) -> None:
    one_line = loads(f"---\ncompany: A\nevents: [2026-11-05 {written}]\n---\n")
    mapping = loads(f"---\ncompany: A\nevents: [{{date: 2026-11-05, type: {written}}}]\n---\n")
    for item in (one_line, mapping):
        assert (item.events[0].type, item.events[0].channel) == ("follow-up", channel)


def test_an_explicit_channel_wins_over_the_alias() -> None:
    item = loads("---\ncompany: A\nevents: [{date: 2026-11-05, type: call, channel: video}]\n---\n")
    assert (item.events[0].type, item.events[0].channel) == ("follow-up", "video")


@pytest.mark.parametrize(
    "channel",
    ["phone", "voicemail", "email", "letter", "in-person", "video", "linkedin", "other"],
)
def test_every_channel(channel: str) -> None:
    event = f"{{date: 2026-11-05, type: follow-up, channel: {channel}}}"
    text = f"---\ncompany: A\nevents: [{event}]\n---\n"
    assert loads(text).events[0].channel == channel


def test_types_statuses_kinds_and_channels_ignore_case_and_spaces() -> None:
    item = loads(
        """
        ---
        company: A
        kind: " Networking "
        status: PAUSED
        events:
          - {date: 2026-11-02, type: " Applied ", channel: " LinkedIn "}
          - 2026-11-05 VoiceMail
          - {date: 2026-11-12, type: MEETING}
        ---
        """
    )
    assert (item.kind, item.status) == ("networking", "paused")
    assert [(e.type, e.channel) for e in item.events] == [
        ("applied", "linkedin"),
        ("follow-up", "voicemail"),
        ("meeting", None),
    ]


# --- Contacts ---------------------------------------------------------------------------------


def test_the_first_contact_is_primary() -> None:
    item = loads("---\ncompany: A\ncontacts:\n  - name: Dana\n  - name: Lee\n---\n")
    assert item.primary_contact == Contact(name="Dana")


@pytest.mark.parametrize("flag", ["true", "yes", "True"])
def test_a_contact_marked_primary_wins(flag: str) -> None:
    text = f"---\ncompany: A\ncontacts:\n  - name: Dana\n  - name: Lee\n    primary: {flag}\n---\n"
    primary = loads(text).primary_contact
    assert primary is not None and primary.name == "Lee"


def test_a_bare_name_is_a_contact() -> None:
    assert loads("---\ncompany: A\ncontacts: [Dana Smith]\n---\n").contacts == (
        Contact(name="Dana Smith"),
    )


def test_phone_keeps_its_leading_zero() -> None:
    item = loads("---\ncompany: A\ncontacts:\n  - name: Dana\n    phone: 0123\nphone: 0456\n---\n")
    assert item.contacts[0].phone == "0123"
    assert item.extra == (("phone", "0456"),)


def test_a_misspelt_contact_key_is_an_error_with_its_line() -> None:
    text = "---\ncompany: A\ncontacts:\n  - name: Dana\n    phnoe: '0123'\n---\n"
    parsed = parse(text)
    assert parsed.opportunity is None  # the phone would be lost: the file is left out
    assert [str(p) for p in parsed.problems] == [
        "journal/acme.md:5: unknown key 'phnoe' (did you mean 'phone'?)"
    ]


def test_a_misspelt_contact_key_beside_the_right_one_is_a_warning() -> None:
    text = "---\ncompany: A\ncontacts:\n  - name: Dana\n    phone: '1'\n    phnoe: '2'\n---\n"
    parsed = parse(text)
    assert parsed.opportunity is not None
    assert [str(p) for p in parsed.problems] == [
        "journal/acme.md:6: warning: unknown key 'phnoe' (did you mean 'phone'?)"
    ]


def test_a_misspelt_event_key_is_an_error() -> None:
    event = "{date: 2026-11-02, type: call, wiht: Dana}"
    parsed = parse(f"---\ncompany: A\nevents:\n  - {event}\n---\n")
    assert parsed.opportunity is None
    assert [str(p) for p in parsed.problems] == [
        "journal/acme.md:4: unknown key 'wiht' (did you mean 'with'?)"
    ]


def test_introduced_by_on_a_contact_and_on_the_opportunity() -> None:
    item = loads(
        """
        ---
        company: Pied Piper
        introduced_by: Peter Gregory
        contacts:
          - {name: Richard Hendricks, introduced_by: " Monica Hall "}
          - {name: Jared Dunn}
        ---
        """
    )
    assert item.introduced_by == "Peter Gregory"
    assert [c.introduced_by for c in item.contacts] == ["Monica Hall", None]
    assert item.referral == "Peter Gregory"  # the opportunity's own, before its contact's
    plain = loads("---\ncompany: A\ncontacts:\n  - {name: B, introduced_by: C}\n---\n")
    assert plain.referral == "C"


def test_introduced_by_misspelt_is_an_error_and_so_is_a_list() -> None:
    text = "---\ncompany: A\ncontacts:\n  - {name: B, introduced_bye: C}\n---\n"
    assert parse(text).opportunity is None  # a misspelling never hides the key it means
    assert messages(text) == [
        "journal/acme.md:4: unknown key 'introduced_bye' (did you mean 'introduced_by'?)"
    ]
    assert messages("---\ncompany: A\nintroduced_by: [B, C]\n---\n") == [
        "journal/acme.md:3: introduced_by: expected text, not a list"
    ]


# --- Unknown keys -----------------------------------------------------------------------------


def test_extra_keys_are_kept_as_written() -> None:
    item = loads(
        """
        ---
        company: A
        salary: 100k
        recruiter: {name: Sam, agency: Hays}
        perks: [remote, gym]
        ---
        """
    )
    assert item.extra == (
        ("salary", "100k"),
        ("recruiter", {"name": "Sam", "agency": "Hays"}),
        ("perks", ["remote", "gym"]),
    )


@pytest.mark.parametrize(
    ("written", "meant"),
    [("evnets", "events"), ("contcts", "contacts"), ("stauts", "status"), ("folowup", "follow_up")],
)
def test_a_misspelt_key_without_the_key_it_means_is_an_error(written: str, meant: str) -> None:
    parsed = parse(f"---\ncompany: A\n{written}: []\n---\n")
    assert parsed.opportunity is None  # left out and announced: a typo never hides a follow-up
    assert [str(p) for p in parsed.problems] == [
        f"journal/acme.md:3: unknown key '{written}' (did you mean '{meant}'?)"
    ]


def test_a_misspelt_key_beside_the_key_it_means_is_a_warning() -> None:
    parsed = parse("---\ncompany: A\nevents: [2026-11-02 applied]\nevnets: []\n---\n")
    assert parsed.opportunity is not None
    assert [str(p) for p in parsed.problems] == [
        "journal/acme.md:4: warning: unknown key 'evnets' (did you mean 'events'?)"
    ]


@pytest.mark.parametrize("key", ["salary_range", "state", "salary", "notes", "name"])
def test_a_key_of_your_own_is_no_misspelling(key: str) -> None:
    assert parse(f"---\ncompany: A\n{key}: x\n---\n").problems == []


@pytest.mark.parametrize("key", ["Events", "EVENTS", "Follow-Up", "follow up"])
def test_a_known_key_written_another_way_is_not_a_misspelling(key: str) -> None:
    """Another tracker's way of writing a key keeps its own message, apart from typos."""
    parsed = parse(f"---\ncompany: A\n{key}: []\n---\n")
    assert [p.severity for p in parsed.problems] == ["warning"]


def test_an_unrelated_unknown_key_gives_no_warning() -> None:
    assert parse("---\ncompany: A\nsalary: 100k\n---\n").problems == []


def test_a_key_given_twice_warns_and_the_last_counts() -> None:
    parsed = parse("---\ncompany: A\nrole: one\nrole: two\n---\n")
    assert parsed.opportunity is not None and parsed.opportunity.role == "two"
    assert [str(p) for p in parsed.problems] == [
        "journal/acme.md:4: warning: 'role' is given twice; the last one counts"
    ]


def test_yaml_merge_keys_are_applied() -> None:
    item = loads(
        """
        ---
        base: &base {company: Base Co, role: Analyst}
        <<: *base
        role: Engineer
        ---
        """
    )
    assert (item.company, item.role) == ("Base Co", "Engineer")


def test_earlier_merged_mappings_win_over_later_ones() -> None:
    item = loads(
        """
        ---
        one: &one {company: One, role: First}
        two: &two {company: Two, link: https://two.example}
        <<: [*one, *two]
        ---
        """
    )
    assert (item.company, item.role, item.link) == ("One", "First", "https://two.example")


# --- Unknown type, with the exact line --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "---\ncompany: A\nevents:\n  - 2026-11-02 applied\n  - 2026-11-12 intervew\n---\n",
            "journal/acme.md:5: events[1].type: unknown type 'intervew' "
            "(did you mean 'interview'?)",
        ),
        (
            "---\ncompany: A\nevents:\n  - {date: 2026-11-12, type: intreview}\n---\n",
            "journal/acme.md:4: events[0].type: unknown type 'intreview' "
            "(did you mean 'interview'?)",
        ),
        (
            # A block mapping: the line of its `type:` key.
            "---\ncompany: A\nevents:\n"
            "  - date: 2026-11-12\n    notes: x\n    type: thankyou\n---\n",
            "journal/acme.md:6: events[0].type: unknown type 'thankyou' "
            "(did you mean 'thank-you'?)",
        ),
        (
            "---\ncompany: A\nevents:\n  - 2026-11-12 voicemial: left a message\n---\n",
            "journal/acme.md:4: events[0].type: unknown type 'voicemial' "
            "(did you mean 'voicemail'?)",
        ),
        (
            "---\ncompany: A\nevents:\n  - 2026-11-12 xyzzy\n---\n",
            "journal/acme.md:4: events[0].type: unknown type 'xyzzy'",
        ),
    ],
)
def test_unknown_type_names_the_line_and_suggests(text: str, message: str) -> None:
    parsed = parse(text)
    assert parsed.opportunity is None
    assert [str(p) for p in parsed.problems] == [message]


def test_every_problem_of_a_file_is_reported() -> None:
    text = (
        "---\ncompany: A\nstatus: rejectd\nevents:\n"
        "  - 2026-11-12 intervew\n  - {date: 2026-11-12, type: applied, channel: fone}\n---\n"
    )
    assert messages(text) == [
        "journal/acme.md:3: status: unknown status 'rejectd' (did you mean 'rejected'?)",
        "journal/acme.md:5: events[0].type: unknown type 'intervew' (did you mean 'interview'?)",
        "journal/acme.md:6: events[1].channel: unknown channel 'fone' (did you mean 'phone'?)",
    ]


# --- What guide/journal.md accepts must simply work -----------------------------------------


def test_byte_order_mark() -> None:
    item = loads(b"\xef\xbb\xbf---\ncompany: Acme\nevents: [2026-11-02 applied]\n---\nBody\n")
    assert (item.company, item.events[0].line, item.body) == ("Acme", 3, "Body\n")


def test_crlf_line_ends() -> None:
    data = (
        b"---\r\ncompany: Acme\r\nrole: Data\r\n"
        b"events:\r\n  - 2026-11-02 applied\r\n---\r\nBody\r\n"
    )
    item = loads(data)
    assert (item.company, item.role, item.body) == ("Acme", "Data", "Body\r\n")
    assert item.events == (Event(D("2026-11-02"), "applied", line=5),)


def test_crlf_and_bom_keep_the_line_numbers() -> None:
    data = b"\xef\xbb\xbf---\r\ncompany: A\r\nevents:\r\n  - 2026-11-02 intervew\r\n---\r\n"
    assert messages(data) == [
        "journal/acme.md:4: events[0].type: unknown type 'intervew' (did you mean 'interview'?)"
    ]


def test_quoted_dates_and_date_times() -> None:
    item = loads(
        """
        ---
        company: A
        follow_up: {next: "2026-12-01"}
        events:
          - {date: "2026-11-02", type: applied}
          - {date: 2026-11-03 10:30:00, type: call}
          - {date: 2026-11-04T23:30:00-05:00, type: reply}
          - {date: '2026-11-05T09:00:00Z', type: reply}
          - {date: 2026-11-06 10:00:00 -5, type: reply}
          - "2026-11-09 interview"
        ---
        """
    )
    assert [e.date for e in item.events] == [
        D("2026-11-02"),
        D("2026-11-03"),
        D("2026-11-04"),  # the date as written counts, not the UTC one
        D("2026-11-05"),
        D("2026-11-06"),
        D("2026-11-09"),
    ]
    assert item.follow_up_next == D("2026-12-01")


def test_a_five_megabyte_body() -> None:
    body = ("Notes line with some words in it.\n" * 160_000)[:5_000_000]
    item = loads("---\ncompany: Big\n---\n" + body)
    assert item.body == body


def test_yaml_11_oddities_on_and_yes() -> None:
    parsed = parse("---\ncompany: A\non: yes\nremote: yes\nno: off\n---\n")
    assert parsed.problems == []
    assert parsed.opportunity is not None
    assert parsed.opportunity.extra == (("on", "yes"), ("remote", "yes"), ("no", "off"))


def test_yes_and_numbers_as_text_values() -> None:
    item = loads("---\ncompany: 1984\nrole: yes\ntags: [on, 007]\n---\n")
    assert (item.company, item.role, item.tags) == ("1984", "yes", ("on", "007"))


def test_yaml_tags_are_never_constructed(tmp_path) -> None:
    marker = tmp_path / "ran"
    parsed = parse(
        "---\n"
        f"company: !!python/object/apply:os.system ['touch {marker}']\n"
        "role: !ENV [ROLE, Analyst]\n"
        "---\n"
    )
    assert not marker.exists()
    assert [str(p) for p in parsed.problems] == [
        "journal/acme.md:2: company: expected text, not a list",
        "journal/acme.md:3: role: expected text, not a list",
    ]
    item = loads("---\ncompany: !ENV ACME_NAME\nrole: !!python/name:os.system\n---\n")
    assert (item.company, item.role) == ("ACME_NAME", None)


def test_a_front_matter_fence_with_trailing_spaces() -> None:
    assert loads("---  \ncompany: A\n--- \nBody").body == "Body"


def test_an_empty_front_matter_then_a_body_is_an_error_not_a_crash() -> None:
    assert messages("---\n---\nBody\n") == [
        "journal/acme.md:1: the front matter is empty: 'company' is required"
    ]


# --- Hostile YAML: deep nesting, exponential merges, unusual line breaks ---------------------

DEEP = {
    "flow-sequences": "x: " + "[" * 100_000,
    "flow-mappings": "x: " + "{a: " * 60_000,
    "block-sequences": "x:\n  " + "- " * 60_000 + "a",
    "closed-sequences": "x: " + "[" * 60_000 + "]" * 60_000,
}


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    """libyaml's composer recurses in C: 50,000 levels overflow the stack and kill the
    process (SIGSEGV), taking every other file with it. Run in a child process so that a
    crash fails this test rather than the whole run."""
    script = textwrap.dedent(
        """
        import json, sys
        from jobsite.journal.parse import parse_file
        out = {}
        for name, yaml_text in json.load(sys.stdin).items():
            data = ("---\\ncompany: Acme\\n" + yaml_text + "\\n---\\n").encode()
            out[name] = [str(p) for p in parse_file("journal/deep.md", data).problems]
        print(json.dumps(out))
        """
    )
    child = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(DEEP),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert child.returncode == 0, child.stderr[-2000:]
    problems = json.loads(child.stdout)
    for name in DEEP:
        assert len(problems[name]) == 1, name
        assert re.match(r"journal/deep\.md:[34]: invalid YAML: ", problems[name][0]), name
    assert problems["flow-sequences"] == [
        "journal/deep.md:3: invalid YAML: nested more than 200 levels deep"
    ]


def test_reasonable_nesting_still_loads() -> None:
    nested = "[" * 150 + "]" * 150
    assert loads(f"---\ncompany: A\ndeep: {nested}\n---\n").company == "A"


def test_merge_keys_cannot_blow_up_exponentially() -> None:
    """Each level merges the one below three times: 3**18 merges if expanded naively."""
    lines = ["---", "m0: &m0 {company: Merged, role: R}"]
    lines += [f"m{i}: &m{i} {{<<: [*m{i - 1}, *m{i - 1}, *m{i - 1}]}}" for i in range(1, 19)]
    lines += ["<<: *m18", "---", ""]
    started = time.perf_counter()
    item = loads("\n".join(lines))
    assert time.perf_counter() - started < 5
    assert (item.company, item.role) == ("Merged", "R")


def test_a_long_chain_of_merges_is_not_a_crash() -> None:
    lines = ["---", "m0: &m0 {company: Deep}"]
    lines += [f"m{i}: &m{i} {{<<: *m{i - 1}}}" for i in range(1, 3000)]
    lines += ["<<: *m2999", "---", ""]
    parsed = parse("\n".join(lines))  # merges nested that deep are left out: no company
    assert [str(p) for p in parsed.problems] == ["journal/acme.md:1: 'company' is required"]


def test_recursive_anchors_are_not_a_crash() -> None:
    parsed = parse("---\ncompany: A\nevents: &e [*e]\nx: &m {k: *m, <<: *m}\n---\n")
    assert [str(p) for p in parsed.problems] == [
        "journal/acme.md:3: events[0]: expected {date: YYYY-MM-DD, type: TYPE} "
        "or 'YYYY-MM-DD TYPE: notes'"
    ]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_unusual_line_breaks_do_not_shift_line_numbers(separator: str) -> None:
    """YAML also ends lines at LS, PS and NEL; editors, grep and `path:line` do not. A note
    pasted from a web page can carry one: the lines after it must not be off."""
    text = f'---\nrole: "one{separator}two"\ncompany: A\nevents:\n  - 2026-11-02 intervew\n---\n'
    assert messages(text) == [
        "journal/acme.md:5: events[0].type: unknown type 'intervew' (did you mean 'interview'?)"
    ]
    item = loads(text.replace("intervew", "interview"))
    assert item.role is not None and item.role.startswith("one")  # YAML folds a NEL to a space
    assert item.events[0].line == 5
    broken = f'---\nrole: "one{separator}two"\ncompany: [A\n---\n'
    assert messages(broken)[0].startswith("journal/acme.md:4: invalid YAML: ")


# --- Every bad input of issue 2, through the whole command ------------------------------------


BAD_INPUTS = [
    pytest.param(
        "---\ncompany: Acme\nrole: [Data\nevents: []\n---\n",
        "journal/bad.md:4: invalid YAML: did not find expected ',' or ']' "
        "(while parsing a flow sequence)",
        id="malformed-yaml",
    ),
    pytest.param(
        "---\ncompany: Acme\n  role: x\n---\n",
        "journal/bad.md:3: invalid YAML: mapping values are not allowed in this context",
        id="malformed-yaml-indent",
    ),
    pytest.param(
        "---\ncompany: Acme\nrole: Data\n\nNotes without the closing line.\n",
        "journal/bad.md:1: the front matter is not closed: add a '---' line after it",
        id="missing-closing-fence",
    ),
    pytest.param(
        "# Acme\n\ncompany: Acme\n",
        "journal/bad.md:1: no front matter: the file must start with a '---' line",
        id="no-front-matter",
    ),
    pytest.param(
        "---\nrole: Data Engineer\n---\n",
        "journal/bad.md:1: 'company' is required",
        id="no-company",
    ),
    pytest.param(
        "---\ncompany:\n---\n",
        "journal/bad.md:2: company: is empty",
        id="empty-company",
    ),
    pytest.param(
        "---\ncompany: Acme\nevents:\n  - {date: 2026-13-45, type: applied}\n---\n",
        "journal/bad.md:4: events[0].date: '2026-13-45' is not a valid date "
        "(month must be in 1..12)",
        id="date-2026-13-45",
    ),
    pytest.param(
        "---\ncompany: Acme\nevents:\n  - 2026-11-02 applied\n  - 2026-13-45 interview\n---\n",
        "journal/bad.md:5: events[1].date: '2026-13-45' is not a valid date "
        "(month must be in 1..12)",
        id="date-2026-13-45-one-line",
    ),
    pytest.param(
        "---\ncompany: Acme\nevents:\n  - 2026-11-02 applied\n  - 2026-11-12 intervew\n---\n",
        "journal/bad.md:5: events[1].type: unknown type 'intervew' (did you mean 'interview'?)",
        id="unknown-type",
    ),
    pytest.param(
        "---\ncompany: Acme\nevents:\n  - 2026-11-02 applied\n  - 42\n---\n",
        "journal/bad.md:5: events[1]: expected 'YYYY-MM-DD TYPE', e.g. '2026-11-02 applied'",
        id="event-is-a-number",
    ),
    pytest.param(
        "---\ncompany: Acme\nevents:\n  - [2026-11-02, applied]\n---\n",
        "journal/bad.md:4: events[0]: expected {date: YYYY-MM-DD, type: TYPE} "
        "or 'YYYY-MM-DD TYPE: notes'",
        id="event-is-a-list",
    ),
    pytest.param(
        "---\ncompany: Acme\ncontacts: Dana Smith\n---\n",
        "journal/bad.md:3: contacts: expected a list of contacts, each with a name",
        id="contacts-is-a-string",
    ),
    pytest.param(
        "",
        "journal/bad.md:1: the file is empty: it needs front matter between '---' lines",
        id="empty-file",
    ),
    pytest.param(
        b"---\ncompany: Acme\nrole: Ing\xe9nieur\n---\n",
        "journal/bad.md:3: not UTF-8 text: save the file as UTF-8",
        id="not-utf-8",
    ),
    pytest.param(
        "---\n- company: Acme\n---\n",
        "journal/bad.md:2: the front matter must be a mapping of keys, like 'company: Acme Corp'",
        id="front-matter-is-a-list",
    ),
    pytest.param(
        "---\ncompany: Acme\nevents: {date: 2026-11-02, type: applied}\n---\n",
        "journal/bad.md:3: events: expected a list of events",
        id="events-is-a-mapping",
    ),
    pytest.param(
        "---\ncompany: Acme\nevents:\n  - {type: applied}\n---\n",
        "journal/bad.md:4: events[0]: 'date' is required",
        id="event-without-date",
    ),
    pytest.param(
        "---\ncompany: Acme\nfollow_up: {next: soon}\n---\n",
        "journal/bad.md:3: follow_up.next: 'soon' is not a date (expected YYYY-MM-DD)",
        id="follow-up-not-a-date",
    ),
    pytest.param(
        "---\ncompany: Acme\ncontacts:\n  - phone: '0123'\n---\n",
        "journal/bad.md:4: contacts[0]: 'name' is required",
        id="contact-without-name",
    ),
    pytest.param(
        "---\ncompany: Acme\nx: " + "[" * 300 + "\n---\n",
        "journal/bad.md:3: invalid YAML: nested more than 200 levels deep",
        id="nested-too-deep",
    ),
    pytest.param(
        "---\ncompany: Acme\x00\n---\n",
        "journal/bad.md:1: invalid YAML: unacceptable character #x0000: "
        "control characters are not allowed",
        id="nul-character",
    ),
]


@pytest.mark.parametrize(("content", "message"), BAD_INPUTS)
def test_bad_input_is_one_line_and_the_rest_still_loads(make_root, run, content, message) -> None:
    data = content.encode() if isinstance(content, str) else content
    root = make_root({"good.md": GOOD, "bad.md": data})
    # Written as bytes, so make_root does not dedent or strip them.
    result = run(root, "due", "--today", TODAY, "--all", "--json")
    assert result.exit_code == 0
    assert result.stderr == message + "\n"
    assert json.loads(result.stdout) == [GOOD_ACTION]
    checked = run(root, "check", "--today", TODAY)
    assert checked.exit_code == 1
    assert checked.stderr.splitlines()[0] == message
    assert "Traceback" not in checked.stderr + checked.stdout


def test_a_folder_named_like_a_markdown_file(make_root, run) -> None:
    root = make_root({"good.md": GOOD, "x.md/inside.md": GOOD.replace("Good Co", "Inside")})
    result = run(root, "due", "--today", TODAY, "--all", "--json")
    assert result.exit_code == 0
    assert result.stderr == (
        "journal/x.md:1: warning: is a folder, not a Markdown file; the files inside it are read\n"
    )
    files = [item["file"] for item in json.loads(result.stdout)]
    assert files == ["journal/good.md", "journal/x.md/inside.md"]


def test_files_starting_with_underscore_or_dot_are_skipped(make_root, run) -> None:
    root = make_root(
        {"good.md": GOOD, "_template.md": "broken", ".draft.md": "broken", "_old/x.md": "broken"}
    )
    result = run(root, "due", "--today", TODAY, "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout) == [GOOD_ACTION]


def test_subfolders_are_read_and_non_markdown_files_ignored(make_root, run) -> None:
    root = make_root(
        {"good.md": GOOD, "2026/q4/beta.md": GOOD.replace("Good Co", "Beta"), "x.txt": "?"}
    )
    result = run(root, "due", "--today", TODAY, "--json")
    assert [item["file"] for item in json.loads(result.stdout)] == [
        "journal/2026/q4/beta.md",
        "journal/good.md",
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_an_unreadable_file_by_its_mode(make_root, run) -> None:
    root = make_root({"good.md": GOOD, "locked.md": GOOD})
    (root / "journal/locked.md").chmod(0)
    try:
        result = run(root, "due", "--today", TODAY, "--json")
    finally:
        (root / "journal/locked.md").chmod(0o644)
    assert result.exit_code == 0
    assert result.stderr == "journal/locked.md:1: cannot read: permission denied\n"
    assert json.loads(result.stdout) == [GOOD_ACTION]


def test_an_unreadable_file_even_as_root(make_root, run, monkeypatch) -> None:
    """Refuse to open `locked.md` the way the kernel would for a mode-000 file, whichever of
    `open` or `os.open` the loader uses, so the case is covered when the tests run as root."""
    root = make_root({"good.md": GOOD, "locked.md": GOOD})
    locked = os.path.realpath(root / "journal/locked.md")
    real_open, real_os_open = builtins.open, os.open

    def refuse(path) -> None:
        if isinstance(path, (str, bytes, os.PathLike)) and os.path.realpath(path) == locked:
            raise PermissionError(13, "Permission denied", os.fspath(path))

    def fake_open(file, *args, **kwargs):
        refuse(file)
        return real_open(file, *args, **kwargs)

    def fake_os_open(path, *args, **kwargs):
        refuse(path)
        return real_os_open(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(os, "open", fake_os_open)
    result = run(root, "due", "--today", TODAY, "--json", "--all")
    monkeypatch.undo()
    assert result.exit_code == 0
    assert result.stderr == "journal/locked.md:1: cannot read: permission denied\n"
    assert json.loads(result.stdout) == [GOOD_ACTION]


@pytest.mark.skipif(not os.path.exists("/proc/self/mem"), reason="needs Linux /proc")
def test_a_file_that_fails_to_read_for_real(make_root, run) -> None:
    # /proc/self/mem opens but reading its first page fails with EIO, for root as well.
    root = make_root({"good.md": GOOD})
    (root / "journal/mem.md").symlink_to("/proc/self/mem")
    result = run(root, "due", "--today", TODAY, "--json")
    assert result.exit_code == 0
    assert result.stderr == "journal/mem.md:1: cannot read: input/output error\n"
    assert json.loads(result.stdout) == [GOOD_ACTION]


def test_a_file_symlink_loop(make_root, run) -> None:
    root = make_root({"good.md": GOOD})
    (root / "journal/loop.md").symlink_to("loop.md")
    result = run(root, "due", "--today", TODAY, "--json")
    assert result.exit_code == 0
    assert result.stderr == "journal/loop.md:1: cannot read: too many levels of symbolic links\n"
    assert json.loads(result.stdout) == [GOOD_ACTION]


def test_a_folder_symlink_loop_does_not_hang(make_root, run) -> None:
    root = make_root({"good.md": GOOD, "sub/beta.md": GOOD.replace("Good Co", "Beta")})
    (root / "journal/sub/up").symlink_to("..")
    (root / "journal/sub/self").symlink_to(".")
    (root / "journal/sub/again").symlink_to("../sub")
    result = run(root, "due", "--today", TODAY, "--json")
    assert result.exit_code == 0
    companies = [item["company"] for item in json.loads(result.stdout)]
    assert sorted(companies) == ["Beta", "Good Co"]


def test_a_dangling_symlink(make_root, run) -> None:
    root = make_root({"good.md": GOOD})
    (root / "journal/gone.md").symlink_to("nowhere.md")
    result = run(root, "due", "--today", TODAY, "--json")
    assert result.exit_code == 0
    assert result.stderr == "journal/gone.md:1: cannot read: no such file or directory\n"
    assert json.loads(result.stdout) == [GOOD_ACTION]


def test_a_named_pipe_does_not_hang(tmp_path) -> None:
    """A FIFO named pipe.md blocks `open()` until something writes to it. Run in a child with
    a timeout, so that a hang fails this test instead of hanging the whole run."""
    journal = tmp_path / "journal"
    journal.mkdir()
    (journal / "good.md").write_text(GOOD)
    os.mkfifo(journal / "pipe.md")
    child = subprocess.run(
        [sys.executable, "-m", "jobsite", "due", "--today", TODAY, "--json"],
        cwd=tmp_path,
        check=False,
        capture_output=True,
        text=True,
        timeout=3,
    )
    assert child.returncode == 0
    assert child.stderr == "journal/pipe.md:1: cannot read: not a regular file\n"
    assert json.loads(child.stdout) == [GOOD_ACTION]


# --- Nothing is written under journal/ --------------------------------------------------------


def snapshot(folder: Path) -> dict[str, tuple[bytes | None, int, int]]:
    """Every path under `folder`: its bytes (files), mode and modification time."""
    state = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        data = path.read_bytes() if path.is_file() and not path.is_symlink() else None
        state[str(path.relative_to(folder))] = (data, info.st_mode, info.st_mtime_ns)
    return state


def test_no_command_writes_under_journal(make_root, run) -> None:
    root = make_root(
        {
            "good.md": GOOD,
            "bad.md": "---\ncompany: Acme\nevents: [2026-11-12 intervew]\n---\n",
            "sub/crlf.md": b"---\r\ncompany: C\r\nevnets: []\r\n---\r\n",
            "bom.md": b"\xef\xbb\xbf---\ncompany: B\nevents: [2026-11-02 applied]\n---\n",
        }
    )
    before = snapshot(root / "journal")
    for args in (
        ("due",),
        ("due", "--today", TODAY, "--all", "--json"),
        ("due", "--strict"),
        ("check",),
        ("check", "--today", TODAY),
        ("due",),  # warm cache
    ):
        run(root, *args)
    assert snapshot(root / "journal") == before


def test_words_of_the_vocabulary_are_one_string_across_files() -> None:
    """Types, channels, kinds and statuses are interned: the journal (and its parse cache)
    holds each word once, however many events spell it."""
    first, second = (
        parse_file(
            name,
            f"---\ncompany: {name}\nkind: Job\nstatus: Active\nevents:\n"
            f"  - {{date: 2026-11-02, type: ' Applied', channel: Email}}\n"
            f"  - 2026-11-05 call\n---\n".encode(),
        ).opportunity
        for name in ("a.md", "b.md")
    )
    assert first is not None and second is not None
    for one, other in zip(first.events, second.events, strict=True):
        assert one.type is other.type and one.channel is other.channel
        assert one.alias is other.alias
    assert first.kind is second.kind and first.status is second.status
