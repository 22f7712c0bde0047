"""The due list as text for a terminal and as the JSON of guide/commands.md (today's call
sheet is `sheet`).

Colour is added with `terminal.style`, and shown only on a terminal where `NO_COLOR` is not
set (`jobsite.cli.terminal`). Words, not colour, carry meaning. Every value from a file goes
through `inert` here, as in messages, so that it stays on its line.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from jobsite.authoring.recording import close_command
from jobsite.cli.terminal import json_text, style
from jobsite.model import Action, Opportunity
from jobsite.vocabulary import ACTION_LABELS
from jobsite.words import count, inert, iso_day

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
    where every `"` is escaped. Controls and bidi overrides are `\\u` escapes (`json_text`).
    """
    if not actions:
        return "[]"
    text = json_text([a.as_json() for a in actions])
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
    lines = [style(f"Follow-ups for {iso_day(today)}", bold=True)]
    calls = [action for action in actions if not action.quiet]
    for bucket, (heading, colour) in _HEADINGS.items():
        group = [action for action in calls if action.bucket == bucket]
        if not group:
            continue
        title = heading.format(horizon=horizon_days)
        lines += ["", style(f"{title} ({len(group)})", fg=colour, bold=True)]
        lines += [line for action in group for line in _format_action(action)]
    if not any(action.bucket != "later" for action in calls):
        lines += ["", "Nothing is overdue, due or coming up."]
    quiet = [action for action in actions if action.quiet]
    if quiet:
        title = f"GONE QUIET ({len(quiet)}): no answer for {quiet_after_days} days or more"
        them = "it" if len(quiet) == 1 else "each"
        lines += ["", style(f"{title}: call once more, or close {them}", bold=True)]
        for action in quiet:
            lines += _format_action(action, close=True)
    if hidden_later:
        more = count(hidden_later, "more action")
        lines += ["", style(f"{more} later: jobsite due --all", dim=True)]
    if leads and show_leads:
        title = f"LEADS, NOT YET CONTACTED ({len(leads)})"
        lines += ["", style(title, bold=True)]
        lines += [f"  {_who(lead)}  {style(inert(lead.path), dim=True)}" for lead in leads]
    elif leads:
        waiting = count(len(leads), "lead")
        lines += ["", style(f"{waiting} not yet contacted: jobsite due --leads", dim=True)]
    if left_out:
        lines += ["", _left_out_line(left_out)]
    return "\n".join(lines)


def _left_out_line(left_out: int) -> str:
    files = count(left_out, "file")
    them = "it" if left_out == 1 else "them"
    return style(
        f"Left out: {files} with errors (listed above), so calls may be missing: "
        f"fix {them}, then run jobsite check",
        fg="red",
        bold=True,
    )


def _who(opportunity: Opportunity) -> str:
    """`Acme Corp · Data Engineer`, the company in bold."""
    who = style(inert(opportunity.company), bold=True)
    return who + (f" · {inert(opportunity.role)}" if opportunity.role else "")


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
            inert(contact.name) if contact else None,
            style(inert(contact.phone), bold=True) if contact and contact.phone else None,
            inert(contact.email) if contact and contact.email else None,
        )
        if part
    ]
    reach.append(style(inert(opportunity.path), dim=True))
    lines.append(_INDENT + "  ".join(reach))
    if close:
        lines.append(_INDENT + style(inert(f"Close: {close_command(action)}"), dim=True))
    return lines
