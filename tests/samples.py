"""The sample opportunity most tests start from: Acme Corp, Data Engineer, Dana Smith.

`acme(*events, ...)` writes its file with the events given (each one YAML list item, as it
would be written after `  - `), so that each test shows only what it varies.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

DANA = {
    "name": "Dana Smith",
    "title": "HR Generalist",
    "phone": "+1 847 555 0100",
    "email": "dana@acme.example",
}
DANA_PHONE_ONLY = {"name": "Dana Smith", "phone": "+1 847 555 0100"}


def opportunity_file(
    company: str,
    role: str | None = None,
    *,
    contacts: Iterable[Mapping[str, str]] = (),
    events: Iterable[str] = (),
    extra: Iterable[str] = (),
    body: str = "",
) -> str:
    """The text of an opportunity file in block style: front matter, then `body`."""
    lines = ["---", f"company: {company}"]
    if role:
        lines.append(f"role: {role}")
    contacts = list(contacts)
    if contacts:
        lines.append("contacts:")
        for contact in contacts:
            for index, (key, value) in enumerate(contact.items()):
                text = f'"{value}"' if key == "phone" else value
                lines.append(("  - " if index == 0 else "    ") + f"{key}: {text}")
    events = list(events)
    if events:
        lines.append("events:")
        lines += [f"  - {event}" for event in events]
    lines += list(extra)
    lines.append("---")
    return "\n".join(lines) + "\n" + body


def acme(
    *events: str,
    contacts: Iterable[Mapping[str, str]] = (DANA,),
    role: str | None = "Data Engineer",
    extra: Iterable[str] = (),
    body: str = "",
) -> str:
    """Acme Corp's file with `events`: Dana Smith (HR) the contact unless told otherwise."""
    return opportunity_file(
        "Acme Corp", role, contacts=contacts, events=events, extra=extra, body=body
    )
