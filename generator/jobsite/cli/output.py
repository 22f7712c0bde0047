"""The due list as text for a terminal and as the JSON of guide/commands.md (today's call
sheet is `sheet`), from its value, `jobsite.dueview.DueView`.

Colour is added with `terminal.style`, and shown only on a terminal where `NO_COLOR` is not
set (`jobsite.cli.terminal`). Words, not colour, carry meaning. Every value from a file goes
through `inert` here, as in messages, so that it stays on its line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from jobsite.cli.terminal import json_text, style
from jobsite.vocabulary import ACTION_LABELS
from jobsite.words import count, inert, iso_day

if TYPE_CHECKING:
    from jobsite.dueview import DueView, Lead, Row

_HEADINGS = {
    "overdue": ("OVERDUE", "red"),
    "due": ("DUE NOW", "yellow"),
    "upcoming": ("UPCOMING, NEXT {horizon} DAYS", "cyan"),
    "later": ("LATER", "blue"),
}
_INDENT = " " * 18


def format_json(rows: Sequence[Row]) -> str:
    """One JSON array of the actions, in the order given (guide/rules.md §6), one object a line.

    One line an action reads well in a terminal and greps well. The array is encoded in one
    call of json's C encoder (`indent=` would fall back to the pure-Python one, and a call
    per action costs the encoder's setup each time), then broken into lines between objects:
    every object starts with the key "file", and `}, {"file": ` cannot occur inside a string,
    where every `"` is escaped. Controls and bidi overrides are `\\u` escapes (`json_text`).
    """
    if not rows:
        return "[]"
    text = json_text([row.json for row in rows])
    return "[\n  " + text[1:-1].replace('}, {"file": ', '},\n  {"file": ') + "\n]"


def format_due(view: DueView, *, show_all: bool = False, show_leads: bool = False) -> str:
    """The due list grouped by bucket, each action with its dates, contact and phone (those
    beyond the horizon with `show_all`); then those gone quiet, each a decision (call once
    more, or close it); then the leads (counted, or listed with `show_leads`), and a last line
    counting the files left out because of an error, so that no one takes a short list for a
    complete one."""
    shown = [row for row in view.rows if show_all or row.bucket != "later"]
    lines = [style(f"Follow-ups for {iso_day(view.today)}", bold=True)]
    calls = [row for row in shown if not row.quiet]
    for bucket, (heading, colour) in _HEADINGS.items():
        group = [row for row in calls if row.bucket == bucket]
        if not group:
            continue
        title = heading.format(horizon=view.horizon_days)
        lines += ["", style(f"{title} ({len(group)})", fg=colour, bold=True)]
        lines += [line for row in group for line in _format_row(row)]
    if not any(row.bucket != "later" for row in calls):
        lines += ["", "Nothing is overdue, due or coming up."]
    quiet = [row for row in shown if row.quiet]
    if quiet:
        title = f"GONE QUIET ({len(quiet)}): no answer for {view.quiet_after_days} days or more"
        them = "it" if len(quiet) == 1 else "each"
        lines += ["", style(f"{title}: call once more, or close {them}", bold=True)]
        for row in quiet:
            lines += _format_row(row)
    hidden_later = len(view.rows) - len(shown)
    if hidden_later:
        more = count(hidden_later, "more action")
        lines += ["", style(f"{more} later: jobsite due --all", dim=True)]
    leads = view.leads
    if leads and show_leads:
        title = f"LEADS, NOT YET CONTACTED ({len(leads)})"
        lines += ["", style(title, bold=True)]
        lines += [f"  {_who(lead)}  {style(inert(lead.path), dim=True)}" for lead in leads]
    elif leads:
        waiting = count(len(leads), "lead")
        lines += ["", style(f"{waiting} not yet contacted: jobsite due --leads", dim=True)]
    if view.left_out:
        lines += ["", _left_out_line(view.left_out)]
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


def _who(item: Row | Lead) -> str:
    """`Acme Corp · Data Engineer`, the company in bold."""
    who = style(inert(item.company), bold=True)
    return who + (f" · {inert(item.role)}" if item.role else "")


def _format_row(row: Row) -> list[str]:
    """Two lines: when, what and where; then who to call and how to reach them; where it has
    gone quiet, a third: the command that closes it."""
    what = f"{ACTION_LABELS[row.word]:<17}"
    window = f"  (until {iso_day(row.due_by)})" if row.due_by != row.due else ""
    lines = [f"  {iso_day(row.due)}  {what} {_who(row)}{window}"]
    reach = [
        part
        for part in (
            inert(row.contact) if row.contact else None,
            style(inert(row.phone), bold=True) if row.phone else None,
            inert(row.email) if row.email else None,
        )
        if part
    ]
    reach.append(style(inert(row.path), dim=True))
    lines.append(_INDENT + "  ".join(reach))
    if row.close:
        lines.append(_INDENT + style(inert(f"Close: {row.close}"), dim=True))
    return lines
