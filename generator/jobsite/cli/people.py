"""`jobsite who NAME`: one person across every file, as a card for the terminal or as JSON.

The command finds the people (`jobsite.people.look_up` on the agenda's people) and prints
them here. Every value from a journal file goes through `inert` before it is styled (with
`terminal.style`, the one colour the guarded streams show), so a file cannot drive the
terminal, and `--json` writes controls as JSON's escapes (`inert_json`).
"""

from __future__ import annotations

import shlex
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from jobsite.cli.options import report, today_option
from jobsite.cli.options import today as today_from
from jobsite.cli.terminal import style
from jobsite.vocabulary import ACTION_LABELS
from jobsite.words import count, inert, inert_json, iso_day, quoted

if TYPE_CHECKING:
    from jobsite.model import Plan
    from jobsite.people import Encounter, People, Person

# How each bucket is said and coloured, as `jobsite due` says it.
_BUCKETS = {
    "overdue": ("overdue", "red"),
    "due": ("due now", "yellow"),
    "upcoming": ("upcoming", "cyan"),
    "later": ("later", "blue"),
}


@click.command()
@click.argument("name")
@today_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON array instead of text.")
@click.pass_obj
def who(root: Path, name: str, *, today: datetime | None, as_json: bool) -> None:
    """Show one person across every file: their companies and titles, the last contact
    with them, what is owed to them, their phone and email.

    NAME is their name or part of it, ignoring case, or their email or phone. Contacts
    with the same email or phone, or the same name at the same company, are one person.

    Example: jobsite who "Dana Smith"
    """
    # Imported here, not above: every command's module is imported for any command, and
    # `jobsite due` reads its kept list without the agenda (jobsite.dueview).
    from jobsite.agenda import build_agenda  # noqa: PLC0415
    from jobsite.people import look_up  # noqa: PLC0415

    agenda = build_agenda(root, today_from(today))
    report(agenda.problems)
    people = agenda.people()
    found = look_up(people, name, unread=len(agenda.left_out()))
    if as_json:
        shown = [person_json(person, people) for person in found.people]
        click.echo(inert_json(shown, indent=2))
    elif found.exact or len(found.people) == 1:
        cards = [format_card(person, people, agenda.today) for person in found.people]
        click.echo("\n\n".join(cards))
    else:
        click.echo(format_list(found.query, found.people))


def format_card(person: Person, people: People, today: date) -> str:
    """The person's card: their name; each company with their titles there and its
    opportunities; how to reach them; the last contact; the introductions; what is owed."""
    lines = [style(inert(person.name), bold=True)]
    if len(person.names) > 1:
        lines.append("  Also written as " + ", ".join(inert(n) for n in person.names[1:]))
    for stint in person.stints:
        parts = [style(inert(stint.company), bold=True), *map(inert, stint.titles)]
        roles = ", ".join(_opportunity(plan) for plan in stint.plans)
        lines.append("  " + " · ".join([*parts, roles]))
    reach = [style(inert(p), bold=True) for p in person.phones]
    reach += [inert(e) for e in person.emails]
    lines.append("  " + ("  ".join(reach) if reach else "No phone or email in the journal"))
    lines.append("  Last contact: " + _last_contact(person.last_contact, today))
    if person.introduced_by:
        lines.append("  Introduced by " + ", ".join(inert(r.name) for r in person.introduced_by))
    if person.introduced:
        names = [inert(people.by_key(key).name) for key in person.introduced]
        lines.append("  Introduced you to " + ", ".join(names))
    if person.brought:
        lines.append("  Brought you " + "; ".join(_opportunity(plan) for plan in person.brought))
    if not person.actions:
        lines.append("  Nothing is owed to them now.")
    else:
        lines.append(f"  Owed ({len(person.actions)}):")
        for action in person.actions:
            o = action.opportunity
            where = inert(o.company) + (f" · {inert(o.role)}" if o.role else "")
            window = f" to {iso_day(action.due_by)}" if action.due_by != action.due else ""
            # A call owed since long with no answer is a decision, as `jobsite due` says.
            word, colour = ("gone quiet", None) if action.quiet else _BUCKETS[action.bucket]
            lines.append(
                f"    {iso_day(action.due)}{window}  {ACTION_LABELS[action.word]:<17} {where}  "
                + style(word, fg=colour, bold=True)
            )
            lines.append("      " + style(inert(o.path), dim=True))
    return "\n".join(lines)


def format_list(query: str, people: tuple[Person, ...]) -> str:
    """One line a person, where NAME is part of several people's names."""
    lines = [f"{count(len(people), 'person')} match {quoted(query)}:"]
    rows = [
        (
            inert(person.name),
            "; ".join(inert(s.company) for s in person.stints),
            f"last contact {iso_day(last.event.date)}" if last else "no contact yet",
        )
        for person in people
        for last in (person.last_contact,)
    ]
    names, companies = (max(len(row[i]) for row in rows) for i in (0, 1))
    lines += [f"  {name:<{names}}  {where:<{companies}}  {when}" for name, where, when in rows]
    from jobsite.people import name_key  # noqa: PLC0415 - see `who`

    names = Counter(name_key(p.name) for p in people)
    unique = next((p.name for p in people if names[name_key(p.name)] == 1), None)
    hint = (
        f"jobsite who {shlex.quote(inert(unique))} shows one of them."
        if unique
        else "A whole name shows the card of each person of that name."
    )
    lines.append(style(hint, dim=True))
    return "\n".join(lines)


def person_json(person: Person, people: People) -> dict[str, object]:
    """The object of `jobsite who --json`, as guide/commands.md spells it."""
    last = person.last_contact
    return {
        "name": person.name,
        "names": list(person.names),
        "companies": [
            {
                "company": stint.company,
                "titles": list(stint.titles),
                "since": stint.since.isoformat() if stint.since else None,
                "opportunities": [
                    {"file": p.opportunity.path, "role": p.opportunity.role, "status": p.status}
                    for p in stint.plans
                ],
            }
            for stint in person.stints
        ],
        "phones": list(person.phones),
        "emails": list(person.emails),
        "last_contact": _encounter_json(last) if last else None,
        "owed": [action.as_json() for action in person.actions],
        "introduced_by": [r.name for r in person.introduced_by],
        "introduced": [people.by_key(key).name for key in person.introduced],
        "brought": [plan.opportunity.path for plan in person.brought],
    }


def _opportunity(plan: Plan) -> str:
    """`Data Engineer (active)`: the role, or what kind it is, and its status."""
    o = plan.opportunity
    what = inert(o.role) if o.role else ("networking" if o.kind == "networking" else "opportunity")
    return f"{what} ({plan.status})"


def _last_contact(last: Encounter | None, today: date) -> str:
    if last is None:
        return "none logged yet (an application is not one)"
    event, o = last.event, last.plan.opportunity
    how = f"{event.type} by {event.channel}" if event.channel else event.type
    days = (today - event.date).days
    ago = "today" if days == 0 else ("yesterday" if days == 1 else f"{days} days ago")
    return f"{iso_day(event.date)}, {how} ({inert(o.company)}), {ago}"


def _encounter_json(last: Encounter) -> dict[str, object]:
    event, o = last.event, last.plan.opportunity
    return {
        "date": event.date.isoformat(),
        "type": event.type,
        "channel": event.channel,
        "file": o.path,
        "company": o.company,
        "role": o.role,
    }


COMMANDS = (who,)
