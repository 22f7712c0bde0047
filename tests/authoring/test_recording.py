"""How an action is recorded once done (issue 13, item 2): the exact `jobsite log` command, and
the line to add to the file by hand."""

from __future__ import annotations

import shlex
from datetime import date

import pytest

from jobsite.authoring.recording import event_line, log_command, log_type
from jobsite.journal.parse import parse_file
from jobsite.model import Action, Contact, Opportunity
from jobsite.vocabulary import ACTIONS

TODAY = date(2026, 11, 26)
DANA = Contact("Dana Smith", phone="+1 847 555 0100")


def _action(kind: str, contacts=(DANA,), path: str = "journal/acme-corp.md") -> Action:
    opportunity = Opportunity(path, "Acme Corp", contacts=tuple(contacts))
    return Action(opportunity, kind, TODAY, TODAY, "due")


@pytest.mark.parametrize(
    ("kind", "command"),
    [
        ("follow-up-call", "jobsite log journal/acme-corp.md call --with 'Dana Smith'"),
        ("thank-you-call", "jobsite log journal/acme-corp.md thank-you --with 'Dana Smith'"),
        ("handwritten-note", "jobsite log journal/acme-corp.md note --with 'Dana Smith'"),
        ("check-in-call", "jobsite log journal/acme-corp.md call --with 'Dana Smith'"),
    ],
)
def test_each_action_is_logged_with_its_type(kind: str, command: str) -> None:
    assert log_command(_action(kind)) == command


def test_an_interview_is_in_the_file_already() -> None:
    """The booked interview is the event: logging it again would count it twice."""
    assert {kind: log_type(_action(kind)) for kind in ACTIONS} == {
        "follow-up-call": "call",
        "interview": None,
        "thank-you-call": "thank-you",
        "handwritten-note": "note",
        "check-in-call": "call",
    }
    assert log_command(_action("interview")) is None
    assert event_line(_action("interview"), TODAY) is None


def test_without_a_contact_there_is_no_with() -> None:
    assert log_command(_action("follow-up-call", contacts=())) == (
        "jobsite log journal/acme-corp.md call"
    )


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("Siobhán O'Brien", "journal/o'brien & co.md"),
        ("$(rm -rf ~) `x` Dana", "journal/a b/$HOME;x.md"),
        ("-Dana", "journal/-x.md"),
        ('Dana "D" Smith\\', "journal/ünïcode.md"),
    ],
)
def test_the_command_survives_any_name_in_a_posix_shell(name: str, path: str) -> None:
    command = log_command(_action("thank-you-call", [Contact(name)], path))
    assert shlex.split(command) == ["jobsite", "log", path, "thank-you", "--with", name]


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("Dana Smith", "- {date: 2026-11-26, type: call, with: Dana Smith}"),
        ("Smith, Dana", '- {date: 2026-11-26, type: call, with: "Smith, Dana"}'),
        ("Dana: HR", '- {date: 2026-11-26, type: call, with: "Dana: HR"}'),
    ],
)
def test_the_line_to_add_reads_back_as_the_event(name: str, line: str) -> None:
    action = _action("check-in-call", [Contact(name)])
    assert event_line(action, TODAY) == line
    text = f"---\ncompany: Acme Corp\ncontacts:\n  - name: {name!r}\nevents:\n  {line}\n---\n"
    (event,) = parse_file("journal/a.md", text.encode()).opportunity.events
    assert (event.date, event.type, event.channel, event.with_) == (
        TODAY,
        "follow-up",
        "phone",
        name,
    )
