"""Notes from another tracker: the loader names `jobsite adopt` where it meets one, and keeps
its own messages for everything else (ordinary typos included)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobsite.journal import foreign, trackers
from jobsite.journal import yamlnodes as yn
from jobsite.journal.parse import parse_file
from jobsite.vocabulary import FRONT_MATTER_KEYS

PATH = "journal/2026-Acme.md"
HINT = "looks like a note from another tracker: jobsite adopt journal/2026-Acme.md"


def messages(text: str, path: str = PATH) -> list[str]:
    return [str(problem) for problem in parse_file(path, text.encode()).problems]


def test_a_stage_word_in_status_is_the_hint_not_an_unknown_status() -> None:
    """The note of the issue: `status: Applied` leaves it out, and the message says why."""
    text = (
        "---\ncompany: Acme\nposition: Data Engineer\nstatus: Applied\n"
        "application_date: 2026-11-18\nnext_action: [Follow up]\nwebsite: https://acme.example\n"
        "---\n"
    )
    assert messages(text) == [f"{PATH}:3: {HINT}"]
    assert parse_file(PATH, text.encode()).opportunity is None


@pytest.mark.parametrize(
    "front",
    [
        "company: Acme\napplication_date: 2026-11-18\n",
        "company: Acme\napplied_on: '2026-11-18'\n",
        "company: Acme\ndate_applied: 2026-11-18T14:30:00.000Z\n",
        "company: Acme\napplied_date:\n",
        "company: Acme\ninterview_date: 2026-11-18\n",
        "company: Acme\njob_title: Data Engineer\n",
    ],
)
def test_a_flat_note_that_loads_is_a_warning_naming_the_command(front: str) -> None:
    """It loads as a lead with its history unseen: a warning says so (and `--strict` fails)."""
    parsed = parse_file(PATH, f"---\n{front}---\n".encode())
    assert parsed.opportunity is not None
    assert [str(p) for p in parsed.problems] == [f"{PATH}:3: warning: {HINT}"]


@pytest.mark.parametrize(
    "front",
    [
        "company: Acme\nrole: Data Engineer\nevents: [2026-11-02 applied]\n",
        "company: Acme\nevents: [2026-11-02 applied]\napplication_date: 2026-11-02\n",
        "company: Acme\nrole: Engineer\nposition: Senior\n",
        "company: Acme\ntitle: Engineer\nwebsite: https://acme.example\n",
        "company: Acme\napplied: true\n",
        "company: Acme\nstatus: Offer\n",
    ],
    ids=["jobsite", "events-win", "role-wins", "weak-keys", "checkbox", "jobsite-status"],
)
def test_notes_in_jobsites_form_get_no_hint(front: str) -> None:
    assert messages(f"---\n{front}---\n") == []


def test_ordinary_typos_keep_their_messages() -> None:
    text = "---\ncompany: Acme\nstatus: activ\nevnets: [2026-11-02 applied]\n---\n"
    assert messages(text) == [
        f"{PATH}:3: status: unknown status 'activ' (did you mean 'active'?)",
        f"{PATH}:4: unknown key 'evnets' (did you mean 'events'?)",
    ]


def test_other_problems_are_still_reported_beside_the_hint() -> None:
    text = "---\nposition: Analyst\nstatus: Wishlist\n---\n"
    assert messages(text) == [
        f"{PATH}:2: {HINT}",
        f"{PATH}:1: 'company' is required",
    ]


def test_a_path_with_a_space_is_quoted_for_the_shell() -> None:
    text = "---\ncompany: Acme\nstatus: ghosted\n---\n"
    assert messages(text, "journal/2026 Acme.md") == [
        "journal/2026 Acme.md:3: looks like a note from another tracker: "
        "jobsite adopt 'journal/2026 Acme.md'"
    ]


# Keys as people write them, Dataview's fields, a log in the notes, Obsidian's links.


@pytest.mark.parametrize(
    "front",
    [
        "Company: Acme\nRole: Engineer\n",
        "Company: Acme\nDate Applied: 2026-11-18\n",
        "company_name: Acme\n",
        "Employer: Acme\nposition: Engineer\n",
    ],
    ids=["capitalised", "with-a-date", "underscores", "employer"],
)
def test_a_company_under_another_trackers_key_names_adopt_not_a_missing_company(
    front: str,
) -> None:
    """The issue's 17 of 35: refused as "'company' is required" although `check` itself
    said "did you mean 'company'?". Now the one line says what to run."""
    assert messages(f"---\n{front}---\n") == [f"{PATH}:2: {HINT}"]


@pytest.mark.parametrize(
    ("front", "line"),
    [
        ("company: Acme\nJob-Title: Engineer\n", 3),
        ("company: Acme\n_position: Engineer\n", 3),
        ("company: Acme\nApp-Stage: Applied\n", 3),
        ("company: Acme\nApplied-Date: 2026-11-18\n", 3),
        ("company: Acme\nTags: [a]\n", 3),
    ],
)
def test_other_keys_as_people_write_them_are_a_warning_naming_adopt(front: str, line: int) -> None:
    parsed = parse_file(PATH, f"---\n{front}---\n".encode())
    assert parsed.opportunity is not None
    assert [str(p) for p in parsed.problems] == [f"{PATH}:{line}: warning: {HINT}"]


def test_a_company_in_a_dataview_field_names_adopt() -> None:
    text = "---\ntags: [job]\n---\nSome notes.\nEmployer:: Ribbon\n"
    assert messages(text) == [f"{PATH}:5: {HINT}"]


def test_a_note_of_dataview_fields_with_no_front_matter_names_adopt() -> None:
    text = "# Ribbon\nCompany:: Ribbon\n[Applied:: 2026-03-02]\n"
    assert messages(text) == [f"{PATH}:2: {HINT}"]


def test_without_a_field_no_front_matter_is_still_no_front_matter() -> None:
    assert messages("# Ribbon\nJust notes.\n") == [
        f"{PATH}:1: no front matter: the file must start with a '---' line"
    ]


def test_a_history_kept_in_the_notes_is_a_warning_naming_adopt() -> None:
    text = "---\ncompany: Acme\n---\nNotes.\n\n## Log\n- 2026-11-02: Applied online\n"
    parsed = parse_file(PATH, text.encode())
    assert parsed.opportunity is not None
    assert [str(p) for p in parsed.problems] == [f"{PATH}:7: warning: {HINT}"]


def test_a_log_beside_an_events_list_is_the_notes_own_business() -> None:
    text = "---\ncompany: Acme\nevents: [2026-11-02 applied]\n---\n## Log\n- 2026-11-02 applied\n"
    assert messages(text) == []


@pytest.mark.parametrize(
    ("company", "read"),
    [
        ('"[[Sample Company 1]]"', "Sample Company 1"),
        ('"[[Acme Corp|Acme]]"', "Acme Corp"),
        ('"[[Acme Corp#Interview notes]]"', "Acme Corp"),
        ("[[Acme Corp]]", "Acme Corp"),  # unquoted: YAML reads a list in a list
        ('"Acme [[not a link]]"', "Acme [[not a link]]"),
    ],
)
def test_an_obsidian_link_is_the_name_it_links_to(company: str, read: str) -> None:
    parsed = parse_file(PATH, f"---\ncompany: {company}\n---\n".encode())
    assert parsed.problems == []
    assert parsed.opportunity is not None and parsed.opportunity.company == read


def test_a_contacts_link_is_its_name_too() -> None:
    text = (
        '---\ncompany: A\ncontacts:\n  - "[[Dana Smith]]"\n  - name: "[[Lee Chan|Lee]]"\n'
        'events:\n  - {date: 2026-11-02, type: call, with: "[[Dana Smith]]"}\n---\n'
    )
    opportunity = parse_file(PATH, text.encode()).opportunity
    assert opportunity is not None
    assert [c.name for c in opportunity.contacts] == ["Dana Smith", "Lee Chan"]
    assert opportunity.events[0].with_ == "Dana Smith"


def test_a_value_holding_a_colon_names_the_line_and_the_fix() -> None:
    text = (
        "---\ncompany: Acme\ninterview_stage: Stage 1: recruiter screen\n"
        "next: Call back: Friday   # they said\n---\n"
    )
    assert messages(text) == [
        f"{PATH}:3: invalid YAML: a value holding ': ' needs quotes: write "
        f'interview_stage: "Stage 1: recruiter screen" (jobsite adopt {PATH} does it)',
        f"{PATH}:4: invalid YAML: a value holding ': ' needs quotes: write "
        f'next: "Call back: Friday" (jobsite adopt {PATH} does it)',
    ]


def test_other_invalid_yaml_keeps_its_message() -> None:
    assert messages("---\ncompany: [Acme\n---\n")[0].startswith(f"{PATH}:3: invalid YAML: ")


def _every_key_read(items: list) -> list:
    """`foreign.signals` without its shortcut for jobsite's own keys: each key normalised."""
    names = {yn.scalar_text(key) for key, _ in items}
    found = []
    for key, value in items:
        name = yn.scalar_text(key)
        target = trackers.key_target(name) if name is not None else None
        if name is None or target is None:
            continue
        if name == "status":
            found += [value] if foreign.is_stage(yn.scalar_text(value)) else []
        elif target in ("applied", "interview"):
            found += [key] if "events" not in names and foreign.is_date_value(value) else []
        elif target not in names and name not in foreign._WEAK:
            found.append(key)
    return found


_KEYS = st.sampled_from(
    [*FRONT_MATTER_KEYS, "Company", "Date Applied", "position", "Job-Title", "url", "title"]
)
_VALUES = st.sampled_from(["Acme", "Applied", "2026-11-02", "", "yes", "[a, b]", "{x: 1}"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_KEYS, _VALUES), max_size=8))
def test_signals_pass_over_own_keys_as_if_each_was_read(pairs: list) -> None:
    text = "".join(f"{key!r}: {value}\n" for key, value in pairs) or "{}"
    root = yn.compose(text)
    items = yn.mapping_items(root)
    assert foreign.signals(items) == _every_key_read(items)
