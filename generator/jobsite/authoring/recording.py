"""How a follow-up is recorded once it is done: the `jobsite log` command, and the line to add.

The site puts both beside each action (the line for GitHub's web editor, where the repository
is known) and `jobsite today` prints the command, so that a call made from a phone is in the
journal a minute later. Which event records which action is `vocabulary.LOG_TYPES`.

The command is quoted for a POSIX shell (`shlex.quote`): pasted into a terminal, it runs
exactly this command, whatever the file's or the contact's name holds. The line is the item
`jobsite log` writes into a list of flow mappings, so it reads back as the same event.
"""

from __future__ import annotations

import shlex
from datetime import date

from jobsite.authoring.eventlog import new_event
from jobsite.authoring.eventtext import flow_mapping
from jobsite.model import Action
from jobsite.vocabulary import LOG_TYPES


def log_type(action: Action) -> str | None:
    """The TYPE that records `action` (`call`, `thank-you`, `note`); None for an interview,
    which is in the file already."""
    return LOG_TYPES.get(action.action)


def log_command(action: Action) -> str | None:
    """`jobsite log journal/acme.md thank-you --with 'Dana Smith'`: the command that records
    `action` as done today, with its primary contact; None where nothing is to be logged."""
    word = log_type(action)
    if word is None:
        return None
    parts = ["jobsite", "log", action.opportunity.path, word]
    contact = action.opportunity.primary_contact
    if contact is not None:
        parts += ["--with", contact.name]
    return " ".join(shlex.quote(part) for part in parts)


def close_command(action: Action) -> str:
    """`jobsite log journal/acme.md closed`: the one command that closes the opportunity of
    an action gone quiet (guide/rules.md §4, rule 5)."""
    return " ".join(
        shlex.quote(part) for part in ("jobsite", "log", action.opportunity.path, "closed")
    )


def event_line(action: Action, day: date) -> str | None:
    """`- {date: 2026-11-26, type: call, with: Dana Smith}`: the item to add at the end of
    the file's `events` to record `action` as done on `day`; None where nothing is to be
    logged."""
    word = log_type(action)
    if word is None:
        return None
    contact = action.opportunity.primary_contact
    return "- " + flow_mapping(new_event(day, word, contact.name if contact else None))
