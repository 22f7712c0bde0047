"""The due list as text for a terminal and as the JSON of guide/commands.md (today's call
sheet is `sheet`).

Colour is added with `click.style`; `click.echo` removes it again where the output is not a
terminal, and the CLI turns it off where `NO_COLOR` is set. Words, not colour, carry meaning.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date

import click

from jobsite.authoring.recording import close_command
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
    quiet_after_days: int = 28,
) -> str:
    """The due list grouped by bucket, each action with its dates, contact and phone; then
    those gone quiet, each a decision (call once more, or close it); then the leads (counted,
    or listed with `show_leads`), and a last line counting the files left out because of an
    error, so that no one takes a short list for a complete one."""
    lines = [click.style(f"Follow-ups for {iso_day(today)}", bold=True)]
    calls = [action for action in actions if not action.quiet]
    for bucket, (heading, colour) in _HEADINGS.items():
        group = [action for action in calls if action.bucket == bucket]
        if not group:
            continue
        title = heading.format(horizon=horizon_days)
        lines += ["", click.style(f"{title} ({len(group)})", fg=colour, bold=True)]
        lines += [line for action in group for line in _format_action(action)]
    if not any(action.bucket != "later" for action in calls):
        lines += ["", "Nothing is overdue, due or coming up."]
    quiet = [action for action in actions if action.quiet]
    if quiet:
        title = f"GONE QUIET ({len(quiet)}): no answer for {quiet_after_days} days or more"
        them = "it" if len(quiet) == 1 else "each"
        lines += ["", click.style(f"{title}: call once more, or close {them}", bold=True)]
        for action in quiet:
            lines += _format_action(action, close=True)
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


def _format_action(action: Action, *, close: bool = False) -> list[str]:
    """Two lines: when, what and where; then who to call and how to reach them; with `close`,
    a third: the command that closes it."""
    opportunity = action.opportunity
    what = f"{ACTION_LABELS[action.word]:<17}"
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
    if close:
        lines.append(_INDENT + click.style(f"Close: {close_command(action)}", dim=True))
    return lines
