"""Notes from another tracker: the loader names `jobsite adopt` where it meets one, and keeps
its own messages for everything else (ordinary typos included)."""

from __future__ import annotations

import pytest

from jobsite.journal.parse import parse_file

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
        f"{PATH}:4: warning: unknown key 'evnets' (did you mean 'events'?)",
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
