"""The due list as text for a terminal and as the JSON of guide/commands.md; today's call sheet.

Colour is added with `click.style`; `click.echo` removes it again where the output is not a
terminal, and the CLI turns it off where `NO_COLOR` is set. Words, not colour, carry meaning.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date

import click

from jobsite.authoring.recording import log_command
from jobsite.model import Action, Opportunity
from jobsite.vocabulary import ACTION_LABELS
from jobsite.words import count, iso_day

_HEADINGS = {
    "overdue": ("OVERDUE", "red"),
    "due": ("DUE NOW", "yellow"),
    "upcoming": ("UPCOMING, NEXT {horizon} DAYS", "cyan"),
    "later": ("LATER", "blue"),
}
_INDENT = " " * 18


def format_json(actions: Sequence[Action]) -> str:
    """One JSON array of the actions, in the order given (guide/rules.md §6), one object a line.

    One line an action reads well in a terminal and greps well. The array is encoded in one
    call of json's C encoder (`indent=` would fall back to the pure-Python one, and a call
    per action costs the encoder's setup each time), then broken into lines between objects:
    every object starts with the key "file", and `}, {"file": ` cannot occur inside a string,
    where every `"` is escaped.
    """
    if not actions:
        return "[]"
    text = json.dumps([a.as_json() for a in actions], ensure_ascii=False)
    return "[\n  " + text[1:-1].replace('}, {"file": ', '},\n  {"file": ') + "\n]"


def format_due(
    actions: Sequence[Action],
    today: date,
    horizon_days: int,
    *,
    hidden_later: int = 0,
    leads: Sequence[Opportunity] = (),
    show_leads: bool = False,
    left_out: int = 0,
) -> str:
    """The due list grouped by bucket, each action with its dates, contact and phone; then
    the leads (counted, or listed with `show_leads`), and a last line counting the files
    left out because of an error, so that no one takes a short list for a complete one."""
    lines = [click.style(f"Follow-ups for {iso_day(today)}", bold=True)]
    for bucket, (heading, colour) in _HEADINGS.items():
        group = [action for action in actions if action.bucket == bucket]
        if not group:
            continue
        title = heading.format(horizon=horizon_days)
        lines += ["", click.style(f"{title} ({len(group)})", fg=colour, bold=True)]
        lines += [line for action in group for line in _format_action(action)]
    if not any(action.bucket != "later" for action in actions):
        lines += ["", "Nothing is overdue, due or coming up."]
    if hidden_later:
        more = count(hidden_later, "more action")
        lines += ["", click.style(f"{more} later: jobsite due --all", dim=True)]
    if leads and show_leads:
        title = f"LEADS, NOT YET CONTACTED ({len(leads)})"
        lines += ["", click.style(title, bold=True)]
        lines += [f"  {_who(lead)}  {click.style(lead.path, dim=True)}" for lead in leads]
    elif leads:
        waiting = count(len(leads), "lead")
        lines += ["", click.style(f"{waiting} not yet contacted: jobsite due --leads", dim=True)]
    if left_out:
        lines += ["", _left_out_line(left_out)]
    return "\n".join(lines)


def format_today(actions: Sequence[Action], today: date, *, left_out: int = 0) -> str:
    """Today's call sheet (the site's `today/`): the overdue and due actions of `actions`,
    numbered in the order given (guide/rules.md §6), each with its contact's phone, the one-line
    cue of what to say and the command that logs it; then the files left out, as `format_due`."""
    owed = [a for a in actions if a.bucket in ("overdue", "due")]
    lines = [click.style(f"Calls and notes for {iso_day(today)} ({len(owed)})", bold=True)]
    for number, action in enumerate(owed, 1):
        lines += ["", *_format_call(number, action)]
    if not owed:
        lines += ["", "Nothing is overdue or due today: jobsite due lists what is coming up."]
    if left_out:
        lines += ["", _left_out_line(left_out)]
    return "\n".join(lines)


def _left_out_line(left_out: int) -> str:
    files = count(left_out, "file")
    them = "it" if left_out == 1 else "them"
    return click.style(
        f"Left out: {files} with errors (listed above), so calls may be missing: "
        f"fix {them}, then run jobsite check",
        fg="red",
        bold=True,
    )


def _who(opportunity: Opportunity) -> str:
    """`Acme Corp · Data Engineer`, the company in bold."""
    who = click.style(opportunity.company, bold=True)
    return who + (f" · {opportunity.role}" if opportunity.role else "")


def _format_action(action: Action) -> list[str]:
    """Two lines: when, what and where; then who to call and how to reach them."""
    opportunity = action.opportunity
    what = f"{ACTION_LABELS[action.action]:<17}"
    who = _who(opportunity)
    window = f"  (until {iso_day(action.due_by)})" if action.due_by != action.due else ""
    lines = [f"  {iso_day(action.due)}  {what} {who}{window}"]
    contact = opportunity.primary_contact
    reach = [
        part
        for part in (
            contact.name if contact else None,
            click.style(contact.phone, bold=True) if contact and contact.phone else None,
            contact.email if contact else None,
        )
        if part
    ]
    reach.append(click.style(opportunity.path, dim=True))
    lines.append(_INDENT + "  ".join(reach))
    return lines


def _format_call(number: int, action: Action) -> list[str]:
    """One action of the call sheet: what and where; when; who and their number; what to
    say; how to log it."""
    opportunity = action.opportunity
    word = "due now" if action.bucket == "due" else action.bucket
    bucket = click.style(word, fg=_HEADINGS[action.bucket][1], bold=True)
    window = f" to {iso_day(action.due_by)}" if action.due_by != action.due else ""
    pad = " " * (len(str(number)) + 2)
    lines = [
        f"{number}. {ACTION_LABELS[action.action]}: {_who(opportunity)}",
        f"{pad}{bucket}: {iso_day(action.due)}{window}",
    ]
    contact = opportunity.primary_contact
    if contact is not None:
        reach = [contact.name]
        if contact.phone:
            reach.append(click.style(contact.phone, bold=True))
        if contact.email:
            reach.append(contact.email)
        lines.append(pad + "  ".join(reach))
    else:
        lines.append(pad + "No contact yet: add one under contacts")
    lines.append(f"{pad}{cue(action)}")
    command = log_command(action)
    if command is not None:
        lines.append(pad + click.style(f"Log: {command}", dim=True))
    return lines


def cue(action: Action) -> str:
    """The one line that reminds you what to say (or write), as the scripts say it."""
    opportunity, trigger = action.opportunity, action.trigger
    met = f" on {iso_day(trigger.date)}" if trigger is not None else ""
    meeting = trigger is not None and trigger.type == "meeting"
    networking = meeting or opportunity.kind == "networking"
    kind = action.action
    if kind == "follow-up-call":
        sent = "message" if opportunity.kind == "networking" else "application"
        return (
            f"Say: you know they are busy · did they receive your {sent}? · "
            "is there anything you can do to improve your chances?"
        )
    if kind == "thank-you-call":
        then = "keep the door open" if networking else "reconfirm your interest"
        return f"Say: thank you for meeting{met} · {then}."
    if kind == "check-in-call":
        return "Say: you are still very interested and look forward to moving ahead · any news?"
    if kind == "handwritten-note":
        contact = opportunity.primary_contact
        address = contact.address if contact is not None else None
        to = (
            ", ".join(line.strip() for line in address.splitlines() if line.strip())
            if address
            else ""
        )
        where = f"mail to {to}" if to else "no address yet"
        return f"Write: thank them for meeting{met} · {where}."
    return "The interview is today: a thank-you call and a note tomorrow."
